"""Finishing pages for the press or the desktop printer.

Office mode (no press settings) leaves the page at its finished size and marks folds with short
dashed lines at the sheet's edges. Press mode grows the page around the finished size: the
TrimBox is exactly the finished size, the BleedBox ``bleed`` mm larger, and crop marks
(solid) and fold marks (dashed) sit outside the bleed in registration colour. Every box that
touches the trim edge is extended to the bleed edge, so nothing white shows after cutting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from printkit.errors import LayoutError
from printkit.layout.items import Box, Fold, Group, Item, Line, Page
from printkit.model.event import Press, SheetGeometry
from printkit.model.geometry import Rect, Size

MARK_LENGTH = 6.0  # mm
MARK_WIDTH = 0.3  # points (a print shop wants ≥ 0.25 pt)
MARK_BEYOND_BLEED = 1.0  # marks start this far outside the bleed edge
SLACK = 1.0  # free paper beyond the marks
FOLD_DASH = (2.0, 1.5)  # mm
OFFICE_FOLD_MARK = 7.0  # mm in from each side edge
EDGE = 0.01  # mm: what counts as touching the trim


def mark_offset(press: Press) -> float:
    """Distance from the trim edge to where a mark starts: always outside the bleed."""
    return press.bleed + MARK_BEYOND_BLEED


def margin(press: Press) -> float:
    """How far the page reaches beyond the trim on every side."""
    if not press.marks:
        return press.bleed
    return mark_offset(press) + MARK_LENGTH + SLACK


def finish(page: Page, press: Press | None) -> Page:
    """Office: add fold marks inside the page. Press: bleed, page boxes, crop and fold marks."""
    if press is None:
        return Page(page.size, page.items + tuple(_office_folds(page)), folds=page.folds)
    m = margin(press)
    trim = Rect(m, m, page.size.width, page.size.height)
    items = bleed_items(page.items, Rect(0.0, 0.0, page.size.width, page.size.height), press.bleed)
    content: list[Item] = [Group(tuple(items), offset=(m, m))]
    if press.marks:
        content += crop_marks(trim, press)
        content += fold_marks(trim, page.folds, press)
    return Page(
        Size(page.size.width + 2 * m, page.size.height + 2 * m),
        tuple(content),
        trim=trim,
        bleed=trim.inset(-press.bleed),
        folds=page.folds,
    )


def crop_marks(trim: Rect, press: Press) -> list[Line]:
    """Two marks at each corner, continuing the trim edges outside the bleed."""
    off = mark_offset(press)
    lines = []
    for x in (trim.x, trim.right):
        for y, direction in ((trim.y, -1), (trim.top, 1)):
            lines.append(_mark(x, y + direction * off, x, y + direction * (off + MARK_LENGTH)))
    for y in (trim.y, trim.top):
        for x, direction in ((trim.x, -1), (trim.right, 1)):
            lines.append(_mark(x + direction * off, y, x + direction * (off + MARK_LENGTH), y))
    return lines


def fold_marks(trim: Rect, folds: Sequence[Fold], press: Press) -> list[Line]:
    off = mark_offset(press)
    lines = []
    for fold in folds:
        if fold.horizontal:
            y = trim.y + fold.at
            lines += [
                _mark(trim.x - off - MARK_LENGTH, y, trim.x - off, y, FOLD_DASH),
                _mark(trim.right + off, y, trim.right + off + MARK_LENGTH, y, FOLD_DASH),
            ]
        else:
            x = trim.x + fold.at
            lines += [
                _mark(x, trim.y - off - MARK_LENGTH, x, trim.y - off, FOLD_DASH),
                _mark(x, trim.top + off, x, trim.top + off + MARK_LENGTH, FOLD_DASH),
            ]
    return lines


def _mark(
    x1: float, y1: float, x2: float, y2: float, dash: tuple[float, ...] | None = None
) -> Line:
    return Line(x1, y1, x2, y2, "marks", MARK_WIDTH, dash)


def _office_folds(page: Page) -> list[Line]:
    """Short dashed lines at the sheet's edges, outside the content, in 100 % K."""
    lines = []
    w, h = page.size.width, page.size.height
    for fold in page.folds:
        if fold.horizontal:
            lines += [
                Line(0.0, fold.at, OFFICE_FOLD_MARK, fold.at, "cut", 0.4, FOLD_DASH),
                Line(w - OFFICE_FOLD_MARK, fold.at, w, fold.at, "cut", 0.4, FOLD_DASH),
            ]
        else:
            lines += [
                Line(fold.at, 0.0, fold.at, OFFICE_FOLD_MARK, "cut", 0.4, FOLD_DASH),
                Line(fold.at, h - OFFICE_FOLD_MARK, fold.at, h, "cut", 0.4, FOLD_DASH),
            ]
    return lines


def bleed_items(items: Sequence[Item], trim: Rect, bleed: float) -> list[Item]:
    """Extend every box that touches an edge of ``trim`` out to the bleed on that side.

    Groups are followed through their offset and a 0° or 180° turn, so a box at the edge of a
    rotated tent face is found too.
    """
    return [_bleed(item, trim, bleed) for item in items]


def _bleed(item: Item, trim: Rect, bleed: float) -> Item:
    if isinstance(item, Group):
        if item.rotate % 180:
            return item  # only upright and upside-down groups are extended
        local = _into(trim, item)
        children = tuple(_bleed(child, local, bleed) for child in item.items)
        return Group(children, item.offset, item.rotate, item.pivot)
    if isinstance(item, Box) and item.fill:
        r = item.rect
        x0 = r.x - bleed if abs(r.x - trim.x) < EDGE else r.x
        y0 = r.y - bleed if abs(r.y - trim.y) < EDGE else r.y
        x1 = r.right + bleed if abs(r.right - trim.right) < EDGE else r.right
        y1 = r.top + bleed if abs(r.top - trim.top) < EDGE else r.top
        return replace(item, rect=Rect(x0, y0, x1 - x0, y1 - y0))
    return item


def _into(trim: Rect, group: Group) -> Rect:
    """The trim rectangle in a group's own coordinates."""
    ox, oy = group.offset
    local = Rect(trim.x - ox, trim.y - oy, trim.width, trim.height)
    if group.rotate % 360 == 180:
        px, py = group.pivot
        local = Rect(2 * px - local.right, 2 * py - local.top, local.width, local.height)
    return local


def press_sheet(stock: SheetGeometry, press: Press) -> SheetGeometry:
    """Plain paper of the stock's size, as many badges as fit with room for bleed and marks.

    Badges sit ``2 × bleed`` apart so each has its own bleed; the grid is centred, and the
    margins keep the marks on the paper.
    """
    paper, label = stock.paper, stock.label
    gutter = 2 * press.bleed
    edge = margin(press)
    columns = int((paper.width - 2 * edge + gutter + 1e-9) // (label.width + gutter))
    rows = int((paper.height - 2 * edge + gutter + 1e-9) // (label.height + gutter))
    if columns < 1 or rows < 1:
        raise LayoutError(
            "badges",
            f"a {label.width:g} × {label.height:g} mm badge with {press.bleed:g} mm bleed and marks does"
            f" not fit on {paper.width:g} × {paper.height:g} mm paper; choose larger paper",
        )
    used_w = columns * label.width + (columns - 1) * gutter
    used_h = rows * label.height + (rows - 1) * gutter
    return SheetGeometry(
        name=f"{stock.name}, cut from plain {paper.width:g} × {paper.height:g} mm sheets",
        paper=paper,
        label=label,
        columns=columns,
        rows=rows,
        left=(paper.width - used_w) / 2,
        top=(paper.height - used_h) / 2,
        pitch_x=label.width + gutter,
        pitch_y=label.height + gutter,
    )
