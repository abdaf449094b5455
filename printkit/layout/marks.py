"""Marks, in one place: how cut, crop and fold marks look, and where they go.

Sheets of badges get *cut marks* on the extensions of the badges' edges, outside every badge:
a mark that would cross a badge (badges that abut) is left out, so only marks in margins and
gutters remain. A press page gets *crop marks* at the trim's corners and dashed *fold marks*,
outside the bleed, in registration colour. An office page gets short dashed fold marks at the
sheet's edges, in 100 % K. Solid means cut, dashed means fold, everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from printkit.layout.items import Fold, Line, Page
from printkit.model.geometry import Rect, SheetGeometry
from printkit.model.production import Press

SHEET_MARK_LENGTH = 5.0  # mm: a cut mark between badges on a sheet
SHEET_MARK_GAP = 2.0  # mm between a badge's corner and its mark (office)
CROP_MARK_LENGTH = 6.0  # mm: a crop or fold mark outside a press page's bleed
MARK_BEYOND_BLEED = 1.0  # mm: press marks start this far outside the bleed edge
MARK_WIDTH = 0.3  # pt (a print shop wants ≥ 0.25 pt)
MIN_MARK = 1.5  # mm: a mark shorter than this (no room) is left out
PAPER_EDGE = 0.5  # mm: marks stop this far inside the paper's edge and short of a badge
ON_CUT_MARK = 8.0  # mm: a mark on the cut line, in from a margin-less sheet's edge (a desktop
#   printer leaves the outer 3–5 mm blank, so at least 3 mm of it prints)
HALO = 6.0  # an on-cut mark's light halo, in mark widths
FOLD_DASH = (2.0, 1.5)  # mm on, mm off: every fold line and fold mark
OFFICE_FOLD_MARK = 7.0  # mm in from each side edge
OFFICE_LINE = 0.4  # pt: office fold marks and the fold line across a folding badge


def mark_offset(press: Press) -> float:
    """Distance from the trim edge to where a mark starts: always outside the bleed."""
    return press.bleed + MARK_BEYOND_BLEED


def cut_marks(*args: object, **kwargs: object) -> list[Line]:
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
    gap: float = SHEET_MARK_GAP,
    length: float = SHEET_MARK_LENGTH,
    width: float = MARK_WIDTH,
) -> list[Line]:
    """Short lines continuing each badge edge beyond its corners, in the free space only.

    ``obstacles`` (default: the ``used`` badges) are the areas no mark may enter: in press
    mode, each badge's bleed. Empty slots of a partial sheet are free space, so every cut
    line gets a mark at both ends. ``gap`` is the distance from the badge's corner to the
    mark. Where a badge edge meets the paper's edge (a "cut yourself" sheet without margins)
    the mark is drawn on the cut line itself, in from the paper's edge: the cut removes it.
    """
    paper = Rect(0.0, 0.0, sheet.paper.width, sheet.paper.height)
    everything = list(obstacles) if obstacles is not None else list(used)
    segments: set[tuple[float, float, float, float] | None] = set()
    on_cut: set[tuple[float, float, float, float]] = set()
    for rect in used:
        for x in (rect.x, rect.right):
            if not paper.x + PAPER_EDGE < x < paper.right - PAPER_EDGE:
                continue  # the paper's own edge: nothing to cut
            for y, direction in ((rect.top, 1), (rect.y, -1)):
                edge = paper.top if direction > 0 else paper.y
                if abs(edge - y) < gap + MIN_MARK:  # no margin: mark the cut line itself
                    on_cut.add(_on_cut((x, edge), (x, edge - direction * ON_CUT_MARK)))
                    continue
                start = y + direction * gap
                segments.add(_vertical(x, start, direction, paper, everything, length))
        for y in (rect.y, rect.top):
            if not paper.y + PAPER_EDGE < y < paper.top - PAPER_EDGE:
                continue
            for x, direction in ((rect.x, -1), (rect.right, 1)):
                edge = paper.right if direction > 0 else paper.x
                if abs(edge - x) < gap + MIN_MARK:
                    on_cut.add(_on_cut((edge, y), (edge - direction * ON_CUT_MARK, y)))
                    continue
                start = x + direction * gap
                segments.add(_horizontal(y, start, direction, paper, everything, length))
    segments |= on_cut
    lines = []
    for seg in sorted(s for s in segments if s is not None):
        x1, y1, x2, y2 = seg
        if seg in on_cut:  # on a badge: a light halo keeps it visible on a dark band
            lines.append(Line(x1, y1, x2, y2, "paper", width * HALO))
        lines.append(Line(x1, y1, x2, y2, colour, width))
    return lines


def _on_cut(edge: tuple[float, float], inner: tuple[float, float]):
    """A mark on the cut line from the paper's edge inwards (both ends sorted, rounded)."""
    (x1, y1), (x2, y2) = sorted((edge, inner))
    return (round(x1, 4), round(y1, 4), round(x2, 4), round(y2, 4))


def _vertical(x, start, direction, paper: Rect, badges: list[Rect], length: float):
    end = start + direction * length
    end = min(max(end, paper.y + PAPER_EDGE), paper.top - PAPER_EDGE)
    lo, hi = sorted((start, end))
    for badge in badges:  # stop short of a badge the mark would run into
        on_line = (
            badge.x < x < badge.right or abs(badge.x - x) < 1e-9 or abs(badge.right - x) < 1e-9
        )
        if on_line and badge.y < hi and badge.top > lo:
            if direction > 0:
                hi = min(hi, badge.y - PAPER_EDGE)
            else:
                lo = max(lo, badge.top + PAPER_EDGE)
    if hi - lo < MIN_MARK:
        return None
    return (round(x, 4), round(lo, 4), round(x, 4), round(hi, 4))


def _horizontal(y, start, direction, paper: Rect, badges: list[Rect], length: float):
    end = start + direction * length
    end = min(max(end, paper.x + PAPER_EDGE), paper.right - PAPER_EDGE)
    lo, hi = sorted((start, end))
    for badge in badges:
        on_line = badge.y < y < badge.top or abs(badge.y - y) < 1e-9 or abs(badge.top - y) < 1e-9
        if on_line and badge.x < hi and badge.right > lo:
            if direction > 0:
                hi = min(hi, badge.x - PAPER_EDGE)
            else:
                lo = max(lo, badge.right + PAPER_EDGE)
    if hi - lo < MIN_MARK:
        return None
    return (round(lo, 4), round(y, 4), round(hi, 4), round(y, 4))


def crop_marks(trim: Rect, press: Press) -> list[Line]:
    """Two marks at each corner, continuing the trim edges outside the bleed."""
    off = mark_offset(press)
    lines = []
    for x in (trim.x, trim.right):
        for y, direction in ((trim.y, -1), (trim.top, 1)):
            lines.append(_mark(x, y + direction * off, x, y + direction * (off + CROP_MARK_LENGTH)))
    for y in (trim.y, trim.top):
        for x, direction in ((trim.x, -1), (trim.right, 1)):
            lines.append(_mark(x + direction * off, y, x + direction * (off + CROP_MARK_LENGTH), y))
    return lines


def fold_marks(trim: Rect, folds: Sequence[Fold], press: Press) -> list[Line]:
    """Dashed marks continuing each fold line outside the bleed, at both ends."""
    off = mark_offset(press)
    far = off + CROP_MARK_LENGTH
    lines = []
    for fold in folds:
        if fold.horizontal:
            y = trim.y + fold.at
            lines += [
                _mark(trim.x - far, y, trim.x - off, y, FOLD_DASH),
                _mark(trim.right + off, y, trim.right + far, y, FOLD_DASH),
            ]
        else:
            x = trim.x + fold.at
            lines += [
                _mark(x, trim.y - far, x, trim.y - off, FOLD_DASH),
                _mark(x, trim.top + off, x, trim.top + far, FOLD_DASH),
            ]
    return lines


def _mark(
    x1: float, y1: float, x2: float, y2: float, dash: tuple[float, ...] | None = None
) -> Line:
    return Line(x1, y1, x2, y2, "marks", MARK_WIDTH, dash)


def office_folds(page: Page) -> list[Line]:
    """Short dashed lines at the sheet's edges, outside the content, in 100 % K."""
    lines = []
    w, h = page.size.width, page.size.height
    for fold in page.folds:
        if fold.horizontal:
            lines += [
                Line(0.0, fold.at, OFFICE_FOLD_MARK, fold.at, "cut", OFFICE_LINE, FOLD_DASH),
                Line(w - OFFICE_FOLD_MARK, fold.at, w, fold.at, "cut", OFFICE_LINE, FOLD_DASH),
            ]
        else:
            lines += [
                Line(fold.at, 0.0, fold.at, OFFICE_FOLD_MARK, "cut", OFFICE_LINE, FOLD_DASH),
                Line(fold.at, h - OFFICE_FOLD_MARK, fold.at, h, "cut", OFFICE_LINE, FOLD_DASH),
            ]
    return lines
