"""Sheets of badges: the slots of a sheet and the printer offset.

Placing badges (fronts, backs, press sheets) is ``products/badges/duplex.py``'s; the cut
marks are ``layout/marks.py``'s; this module keeps the geometry they share.
"""

from __future__ import annotations

from collections.abc import Iterable

from printkit.layout.items import Group, Item
from printkit.model.geometry import PrinterOffset, Rect, SheetGeometry

NO_OFFSET = PrinterOffset()


def slots(sheet: SheetGeometry) -> list[Rect]:
    """Badge rectangles in reading order (row by row, left to right)."""
    return [sheet.slot(col, row) for row in range(sheet.rows) for col in range(sheet.columns)]


def shifted(items: Iterable[Item], offset: PrinterOffset) -> tuple[Item, ...]:
    """Everything on a sheet moved by the printer offset: right by x, down the sheet by y."""
    items = tuple(items)
    if not offset:
        return items
    return (Group(items, offset=offset.page_shift),)
