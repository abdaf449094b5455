"""Pouring rows of text into columns, page after page: what the by-slot list and the index
share. A row is a line or two that stays whole (a title, a line of a paragraph); rows marked
``keep`` stay with the row after them; a row may carry the rows to repeat at the top of a
column it continues into (the slot's time and the session's title, "(continued)").

Every column is filled to its foot before the next begins, so a page ends short only where
its part, or a day (``new_page``), ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from printkit.layout.items import Group, Item
from printkit.products.schedule.frame import Frame

GUTTER = 7.0  # mm between columns
#: The narrowest column worth setting: fewer columns on narrower paper.
MIN_COLUMN = 60.0
MAX_COLUMNS = 3


@dataclass(frozen=True)
class Row:
    items: tuple[Item, ...]  # top at y = 0, x from the column's left edge
    height: float
    space: float = 0.0  # before the row; dropped at the top of a column
    keep: bool = False  # with the next row
    again: tuple[Row, ...] = ()  # repeated above this row when a column starts with it
    tag: object = None  # what the row belongs to, to find its page (a session)
    new_page: bool = False  # a day begins: on a page of its own


@dataclass
class Sheet:
    """One page's content (no frame); ``top`` is where its content began."""

    items: list[Item] = field(default_factory=list)
    top: float = 0.0
    tags: set = field(default_factory=set)
    low: float = 0.0  # the lowest point any column reached


def columns_for(frame: Frame, wanted: int = MAX_COLUMNS, narrowest: float = MIN_COLUMN) -> int:
    """As many columns as the width allows at ``narrowest`` mm each, up to ``wanted``."""
    fit = int((frame.width + GUTTER) // (narrowest + GUTTER))
    return max(1, min(wanted, fit))


def column_width(frame: Frame, count: int) -> float:
    return (frame.width - (count - 1) * GUTTER) / count


def pour(
    rows: list[Row], frame: Frame, count: int, first_top: float, reserve: tuple[int, float] = (0, 0)
) -> list[Sheet]:
    """Rows into ``count`` columns a page; the first page's columns start at ``first_top``.
    ``reserve`` = (page, mm): from that page (counted from 0) on, keep mm free at the foot."""
    width = column_width(frame, count)

    def bottom() -> float:
        return frame.bottom + (reserve[1] if len(sheets) - 1 >= reserve[0] and reserve[1] else 0)

    sheets = [Sheet(top=first_top, low=first_top)]
    state = {"column": 0, "y": first_top, "empty": True}

    def advance(new_page: bool = False) -> None:
        if new_page or state["column"] == count - 1:
            sheets.append(Sheet(top=frame.top, low=frame.top))
            state["column"] = 0
        else:
            state["column"] += 1
        state["y"] = sheets[-1].top
        state["empty"] = True

    def place(row: Row) -> None:
        if not state["empty"]:
            state["y"] -= row.space
        x = frame.left + state["column"] * (width + GUTTER)
        sheet = sheets[-1]
        sheet.items.append(Group(row.items, offset=(x, state["y"])))
        state["y"] -= row.height
        state["empty"] = False
        sheet.low = min(sheet.low, state["y"])
        if row.tag is not None:
            sheet.tags.add(row.tag)

    i = 0
    while i < len(rows):
        chain = [rows[i]]
        while chain[-1].keep and i + len(chain) < len(rows):
            chain.append(rows[i + len(chain)])
        if chain[0].new_page and not (state["empty"] and len(sheets[-1].tags) == 0):
            advance(new_page=True)
        if state["y"] - _height(chain, state["empty"]) < bottom() and not state["empty"]:
            advance()
            if state["y"] - _height([*chain[0].again, *chain], True) >= bottom():
                for head in chain[0].again:
                    place(head)
        for row in chain:
            place(row)
        i += len(chain)
    return sheets


def _height(chain: list[Row], at_top: bool) -> float:
    spaces = sum(row.space for k, row in enumerate(chain) if k or not at_top)
    return spaces + sum(row.height for row in chain)


def pour_closing(
    rows: list[Row], frame: Frame, count: int, first_top: float, reserve: float
) -> list[Sheet]:
    """As ``pour``, with ``reserve`` mm left free at the last page's foot (for the organiser's
    block): poured again, the last page reserving, when the first pour left no room."""
    sheets = pour(rows, frame, count, first_top)
    if not reserve or sheets[-1].low - reserve >= frame.bottom:
        return sheets
    return pour(rows, frame, count, first_top, (len(sheets) - 1, reserve))
