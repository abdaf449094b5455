"""Setting running text into a column: paragraphs of styled spans, top to bottom."""

from __future__ import annotations

from dataclasses import dataclass

from printkit.errors import LayoutError, elide
from printkit.layout.items import Item, Text
from printkit.layout.text import FIRST_BASELINE, Span, fit_block, wrap
from printkit.model.geometry import PT
from printkit.typeset.fonts import Typeface

#: The first baseline sits this many font sizes below the top of a block: room for
#: accented capitals (Å, Ø) above the cap height.


@dataclass(frozen=True)
class Block:
    items: tuple[Item, ...]
    height: float  # mm, from the block's top to below its last line's descenders
    lines: int


def paragraph(
    face: Typeface,
    spans: list[Span],
    x: float,
    top: float,
    width: float,
    size: float,
    leading: float = 1.4,
    colour: str = "text",
    align: str = "left",
) -> Block:
    """Wrap spans to ``width`` mm at ``size`` pt, first line's top at ``top``."""
    lines = wrap(face, spans, width, size)
    for line in lines:
        used = line[-1][0] + face.width(line[-1][1], line[-1][2], size) * PT
        if used > width + 0.05:
            word = line[-1][1].split(" ")[-1]
            raise LayoutError(
                "text",
                f"{elide(word, 60)!r} is wider than its column ({width:.0f} mm) at {size:g} pt;"
                " shorten it or give it a hyphen where it may break",
                word,
            )
    items: list[Item] = []
    for i, line in enumerate(lines):
        baseline = top - (FIRST_BASELINE + i * leading) * size * PT
        if align == "center":
            used = line[-1][0] + face.width(line[-1][1], line[-1][2], size) * PT
            shift = (width - used) / 2
        else:
            shift = 0.0
        for dx, text, style in line:
            items.append(Text(x + shift + dx, baseline, text, style, size, colour))
    height = ((len(lines) - 1) * leading + FIRST_BASELINE + 0.3) * size * PT if lines else 0.0
    return Block(tuple(items), height, len(lines))


def fitted_lines(
    lines: tuple[str, ...],
    style: str,
    size: float,
    x: float,
    top: float,
    leading: float = 1.15,
    colour: str = "text",
    align: str = "left",
) -> Block:
    """Pre-broken lines (from ``fit_block``) as a block."""
    items = tuple(
        Text(x, top - (FIRST_BASELINE + i * leading) * size * PT, line, style, size, colour, align)
        for i, line in enumerate(lines)
    )
    height = ((len(lines) - 1) * leading + FIRST_BASELINE + 0.3) * size * PT
    return Block(items, height, len(lines))


def one_line(
    face: Typeface,
    text: str,
    style: str,
    x: float,
    top: float,
    width: float,
    size: float,
    smallest: float,
    colour: str = "text",
    what: str = "a line",
    product: str = "text",
) -> Block:
    """A single line (a festival's name, a tagline) as large as fits ``width``, down to
    ``smallest``; past that the build fails saying what did not fit, instead of running off
    the page."""
    fitted = fit_block(face, text, style, width, size, smallest, 1)
    if fitted is None:
        raise LayoutError(
            product,
            f"{what} {elide(text, 60)!r} does not fit on one line ({width:.0f} mm); shorten it",
            text,
        )
    return fitted_lines(fitted.lines, style, fitted.size, x, top, colour=colour)
