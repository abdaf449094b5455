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
from printkit.layout.items import Box, Group, Item, Page
from printkit.layout.marks import (
    CROP_MARK_LENGTH,
    crop_marks,
    fold_marks,
    mark_offset,
    office_folds,
)
from printkit.model.geometry import Rect, SheetGeometry, Size
from printkit.model.production import Press

SLACK = 1.0  # mm of free paper beyond the marks
EDGE = 0.01  # mm: what counts as touching the trim


def margin(press: Press) -> float:
    """How far the page reaches beyond the trim on every side."""
    if not press.marks:
        return press.bleed
    return mark_offset(press) + CROP_MARK_LENGTH + SLACK


def finish(page: Page, press: Press | None) -> Page:
    """Office: add fold marks inside the page. Press: bleed, page boxes, crop and fold marks."""
    if press is None:
        return Page(page.size, page.items + tuple(office_folds(page)), folds=page.folds)
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
        return replace(item, items=children)
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


def single_page(stock: SheetGeometry, press: Press) -> SheetGeometry:
    """One badge a page, for a shop that imposes on its own sheet: the page is the badge with
    its bleed and marks around it, so the TrimBox is the badge and the BleedBox the bleed."""
    label = stock.label
    edge = margin(press)
    return SheetGeometry(
        name=f"{stock.name}, one badge a page for the print shop to impose",
        paper=Size(label.width + 2 * edge, label.height + 2 * edge),
        label=label,
        columns=1,
        rows=1,
        left=edge,
        top=edge,
        pitch_x=label.width,
        pitch_y=label.height,
    )
