"""The colours and type scale, defined once. Colours are CMYK fractions (0–1).

Body text is 100 % K. Colour marks roles and headings; it never carries small text alone.
"""

from __future__ import annotations


CMYK = tuple[float, float, float, float]

COLOURS: dict[str, CMYK] = {
    "text": (0.0, 0.0, 0.0, 1.0),  # 100 % K: body text
    "muted": (0.0, 0.0, 0.0, 0.72),  # secondary text, a K tint
    "rule": (0.0, 0.0, 0.0, 0.3),
    "paper": (0.0, 0.0, 0.0, 0.0),  # white: QR quiet zones and knockouts
    "accent": (1.0, 0.55, 0.0, 0.35),  # deep blue: headings and bands
    "accent_light": (0.12, 0.05, 0.0, 0.0),  # a pale blue panel
    "panelist": (1.0, 0.55, 0.0, 0.35),
    "moderator": (0.0, 0.62, 1.0, 0.0),  # orange
    "cut": (0.0, 0.0, 0.0, 1.0),  # cut and fold marks for a desktop printer: 100 % K
    "marks": (1.0, 1.0, 1.0, 1.0),  # press marks, in registration: printed on every plate
}
