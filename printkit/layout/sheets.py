"""Sheets of badges: the slots of a sheet, cut marks at every badge corner, the printer offset.

Placing badges (fronts, backs, press sheets) is ``layout/duplex.py``'s; this module keeps the
geometry they share.

Marks lie on the extensions of the badges' edges, outside every badge: a mark that would
cross a neighbouring badge (badges that abut) is left out, so only marks in margins and
gutters remain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from printkit.layout.items import Group, Item, Line
from printkit.model.event import PrinterOffset, SheetGeometry
from printkit.model.geometry import Rect

MARK_LENGTH = 5.0
MARK_GAP = 2.0  # between a badge's corner and its mark
MARK_WIDTH = 0.3  # points
MIN_MARK = 1.5
NO_OFFSET = PrinterOffset()


def slots(sheet: SheetGeometry) -> list[Rect]:
    """Badge rectangles in reading order (row by row, left to right)."""
    return [sheet.slot(col, row) for row in range(sheet.rows) for col in range(sheet.columns)]


def cut_marks(*args, **kwargs) -> list[Line]:
    """``_cut_marks``, remembered: every full sheet of a run has the same marks."""
    key = (
        args,
        tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items())),
    )
    key = tuple(tuple(a) if isinstance(a, list) else a for a in key[0]), key[1]
    found = _MARKS.get(key)
    if found is None:
        found = _MARKS[key] = _cut_marks(*args, **kwargs)
        if len(_MARKS) > 64:
            _MARKS.pop(next(iter(_MARKS)))
    return found


_MARKS: dict = {}


def _cut_marks(
    sheet: SheetGeometry,
    used: Sequence[Rect],
    colour: str = "cut",
    obstacles: Sequence[Rect] | None = None,
    gap: float = MARK_GAP,
    length: float = MARK_LENGTH,
    width: float = MARK_WIDTH,
) -> list[Line]:
    """Short lines continuing each badge edge beyond its corners, in the free space only.

    ``obstacles`` (default: every slot) are the areas no mark may enter: in press mode, each
    badge's bleed. ``gap`` is the distance from the badge's corner to the mark.
    """
    paper = Rect(0.0, 0.0, sheet.paper.width, sheet.paper.height)
    everything = list(obstacles) if obstacles is not None else slots(sheet)
    segments: set[tuple[float, float, float, float]] = set()
    for rect in used:
        for x in (rect.x, rect.right):
            for y, direction in ((rect.top, 1), (rect.y, -1)):
                start = y + direction * gap
                segments.add(_vertical(x, start, direction, paper, everything, length))
        for y in (rect.y, rect.top):
            for x, direction in ((rect.x, -1), (rect.right, 1)):
                start = x + direction * gap
                segments.add(_horizontal(y, start, direction, paper, everything, length))
    lines = []
    for seg in sorted(s for s in segments if s is not None):
        x1, y1, x2, y2 = seg
        lines.append(Line(x1, y1, x2, y2, colour, width))
    return lines


def _vertical(x, start, direction, paper: Rect, badges: list[Rect], length: float):
    end = start + direction * length
    end = min(max(end, paper.y + 0.5), paper.top - 0.5)
    lo, hi = sorted((start, end))
    for badge in badges:  # stop short of a badge the mark would run into
        on_line = (
            badge.x < x < badge.right or abs(badge.x - x) < 1e-9 or abs(badge.right - x) < 1e-9
        )
        if on_line and badge.y < hi and badge.top > lo:
            if direction > 0:
                hi = min(hi, badge.y - 0.5)
            else:
                lo = max(lo, badge.top + 0.5)
    if hi - lo < MIN_MARK:
        return None
    return (round(x, 4), round(lo, 4), round(x, 4), round(hi, 4))


def _horizontal(y, start, direction, paper: Rect, badges: list[Rect], length: float):
    end = start + direction * length
    end = min(max(end, paper.x + 0.5), paper.right - 0.5)
    lo, hi = sorted((start, end))
    for badge in badges:
        on_line = badge.y < y < badge.top or abs(badge.y - y) < 1e-9 or abs(badge.top - y) < 1e-9
        if on_line and badge.x < hi and badge.right > lo:
            if direction > 0:
                hi = min(hi, badge.x - 0.5)
            else:
                lo = max(lo, badge.right + 0.5)
    if hi - lo < MIN_MARK:
        return None
    return (round(lo, 4), round(y, 4), round(hi, 4), round(y, 4))


def shifted(items: Iterable[Item], offset: PrinterOffset) -> tuple[Item, ...]:
    """Everything on a sheet moved by the printer offset: right by x, down the sheet by y."""
    items = tuple(items)
    if not offset:
        return items
    return (Group(items, offset=offset.page_shift),)
