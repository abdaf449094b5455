"""The colours and type scale, defined once. Colours are CMYK fractions (0–1).

Body text is 100 % K. Colour marks roles and headings; it never carries small text alone.
"""

from __future__ import annotations

from dataclasses import dataclass

CMYK = tuple[float, float, float, float]


def ink_on(background: CMYK) -> str:
    """The text colour that reads on a background: white on dark, 100 % K on light (a
    sponsor's yellow band takes black words). Lightness from the naive device conversion."""
    return "text" if _luminance(background) > 0.55 else "paper"


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
PAPER_WHITE: CMYK = COLOURS["paper"]  # reversed text: the paper shows through every plate


@dataclass(frozen=True)
class InkRule:
    """What text smaller than ``below`` pt may be painted with: at most ``inks`` process inks
    (a spot colour counts as one), each solid (100 %) when ``solid``; reversed (paper-white)
    text only out of an area of at most ``reversed_out_of`` inks. A hair of misregistration
    blurs small text set in several inks, and a tint breaks small text into screen dots."""

    below: float  # pt
    inks: int | None = None
    solid: bool = False
    reversed_out_of: int | None = None


#: The rule for every product, strictest last; ``printkit check`` reports text that breaks it.
INK_RULES: tuple[InkRule, ...] = (
    InkRule(below=12.0, inks=1, reversed_out_of=1),  # one ink; reversed only out of one ink
    InkRule(below=9.0, inks=1, solid=True),  # and no tints
)


#: The ring (mm) of one ink a choke trap leaves around small reversed letters: wider than a
#: sheet-fed press's misregistration (about 0.05–0.1 mm), narrow enough not to be seen.
TRAP = 0.1


#: Typical solid densities of the process inks on coated paper (the aims of ISO 12647-2,
#: status T): how dark each plate prints at 100 %.
SOLID_DENSITY: CMYK = (1.5, 1.5, 1.0, 1.8)


def one_ink(colour: CMYK) -> CMYK:
    """The plate a trap keeps: the colour's ink that carries most of its darkness (strength
    times solid density), at its strength: a navy's cyan, a green's cyan, an orange's yellow."""
    main = max(range(4), key=lambda i: colour[i] * SOLID_DENSITY[i])
    return tuple(v if i == main else 0.0 for i, v in enumerate(colour))  # type: ignore[return-value]


def _luminance(colour: CMYK) -> float:
    c, m, y, k = colour
    red, green, blue = ((1 - v) * (1 - k) for v in (c, m, y))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def inks(colour: CMYK) -> int:
    """How many plates a CMYK colour prints on."""
    return sum(1 for v in colour if v > INK_EPSILON)


INK_EPSILON = 0.005  # a channel below half a percent prints nothing


def ink_breach(size: float, colour: CMYK | None, background: CMYK | None = None) -> str | None:
    """Why text of ``size`` pt in ``colour`` (None: a spot colour, one ink, solid) over
    ``background`` breaks ``INK_RULES``, or None if it does not."""
    if colour is None:
        return None
    used = inks(colour)
    for rule in INK_RULES:
        if size >= rule.below - 1e-6:
            continue
        if used == 0:  # reversed out of the background
            limit = rule.reversed_out_of
            if limit is not None and background is not None and inks(background) > limit:
                return (
                    f"reversed out of {inks(background)} inks ({_percent(background)});"
                    f" below {rule.below:g} pt only out of one ink"
                )
            continue
        if rule.inks is not None and used > rule.inks:
            return f"in {used} inks ({_percent(colour)}); below {rule.below:g} pt use one ink"
        if rule.solid and any(INK_EPSILON < v < 1 - INK_EPSILON for v in colour):
            return f"a tint ({_percent(colour)}); below {rule.below:g} pt use the ink at 100 %"
    return None


def _percent(colour: CMYK) -> str:
    return "C{:g} M{:g} Y{:g} K{:g}".format(*(round(v * 100) for v in colour))
