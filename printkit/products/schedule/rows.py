"""Text as rows for ``columns.pour``: each wrapped line a row of its own, so a column can
end between any two lines."""

from __future__ import annotations

from printkit.errors import LayoutError, elide
from printkit.layout.flow import FIRST_BASELINE
from printkit.layout.items import Line, Text
from printkit.layout.text import Span, fit_block, width_mm, wrap
from printkit.model.geometry import PT
from printkit.products.schedule.columns import Row
from printkit.typeset.fonts import Typeface

ELLIPSIS = "…"


def text_rows(
    face: Typeface,
    spans: list[Span],
    width: float,
    size: float,
    leading: float = 1.35,
    colour: str = "text",
    indent: float = 0.0,
    space: float = 0.0,
    keep: bool = False,
) -> list[Row]:
    """A paragraph as one row per line; ``keep`` holds every line with the next row."""
    lines = wrap(face, spans, width - indent, size)
    rows = []
    for i, line in enumerate(lines):
        used = line[-1][0] + face.width(line[-1][1], line[-1][2], size) * PT
        if used > width - indent + 0.05:
            word = line[-1][1].split(" ")[-1]
            raise LayoutError(
                "text",
                f"{elide(word, 60)!r} is wider than its column ({width - indent:.0f} mm) at"
                f" {size:g} pt; shorten it or give it a hyphen where it may break",
                word,
            )
        baseline = -FIRST_BASELINE * size * PT
        items = tuple(Text(indent + dx, baseline, t, style, size, colour) for dx, t, style in line)
        last = i == len(lines) - 1
        height = (FIRST_BASELINE + 0.3 if last else leading) * size * PT
        rows.append(Row(items, height, space if i == 0 else 0.0, keep or not last))
    return rows


def one_line_row(
    face: Typeface,
    text: str,
    style: str,
    width: float,
    size: float,
    colour: str = "text",
    suffix: str = "",
) -> Row:
    """One line, ``text`` cut short with "…" if need be so that ``suffix`` ("(fortsat)")
    still fits after it: a continuation's reminder."""
    if fit_block(face, text + suffix, style, width, size, size, 1) is None:
        while text and width_mm(face, text + ELLIPSIS + suffix, style, size) > width:
            text = text[:-1]
        text = text.rstrip() + ELLIPSIS
    item = Text(0.0, -FIRST_BASELINE * size * PT, text + suffix, style, size, colour)
    return Row((item,), (FIRST_BASELINE + 0.45) * size * PT)


def rule_row(width: float, space: float, colour: str = "rule", weight: float = 0.4) -> Row:
    """A thin rule across the column, ``space`` mm below the row before it."""
    return Row((Line(0.0, -space / 2, width, -space / 2, colour, weight),), space, keep=True)
