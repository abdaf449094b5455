"""The colours and type scale, defined once. Colours are CMYK fractions (0–1).

Body text is 100 % K. Colour marks roles and headings; it never carries small text alone.
"""

from __future__ import annotations

CMYK = tuple[float, float, float, float]


def ink_on(background: CMYK) -> str:
    """The text colour that reads on a background: white on dark, 100 % K on light (a
    sponsor's yellow band takes black words). Lightness from the naive device conversion."""
    c, m, y, k = background
    red, green, blue = ((1 - v) * (1 - k) for v in (c, m, y))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "text" if luminance > 0.55 else "paper"


COLOURS: dict[str, CMYK] = {
    "text": (0.0, 0.0, 0.0, 1.0),  # 100 % K: body text
    "muted": (0.0, 0.0, 0.0, 0.72),  # secondary text, a K tint
    "rule": (0.0, 0.0, 0.0, 0.3),
    "paper": (0.0, 0.0, 0.0, 0.0),  # white: QR quiet zones and knockouts
    "accent": (1.0, 0.55, 0.0, 0.35),  # deep blue: headings and bands
    "accent_light": (0.12, 0.05, 0.0, 0.0),  # a pale blue panel
    "cut": (0.0, 0.0, 0.0, 1.0),  # cut and fold marks for a desktop printer: 100 % K
    "marks": (1.0, 1.0, 1.0, 1.0),  # press marks, in registration: printed on every plate
}
