"""Putting badges on pages: fronts, and backs where each lands behind its front.

Office mode puts them on the label stock's sheet. Long-edge flip (portrait sheet turned over
its long side): the back of a badge is at the mirror position across the sheet's width,
upright. Short-edge flip: mirrored across the height and turned 180°. Fold: front and back on
one piece of twice the height, the back turned 180° above the fold, with a fold line across.

Press mode gives the shop one badge a page (``single_page``): TrimBox the badge, BleedBox the
bleed beyond, crop marks outside it, each front followed by its back, upright (the shop
imposes on its own sheet and turns as its press needs). With ``press.gang_up`` the badges are
ganged on plain sheets of the stock's paper instead, each with its own bleed and marks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

from printkit.errors import LayoutError, Location
from printkit.layout.items import Fold, Group, Item, Line, Page
from printkit.layout.marks import (
    CROP_MARK_LENGTH,
    FOLD_DASH,
    MARK_WIDTH,
    OFFICE_LINE,
    cut_marks,
    fold_marks,
    mark_offset,
)
from printkit.layout.press import bleed_items, press_sheet, single_page
from printkit.layout.sheets import NO_OFFSET, shifted, slots
from printkit.model.event import BadgeBack, Duplex, Event
from printkit.model.geometry import PrinterOffset, Rect, SheetGeometry, Size
from printkit.model.production import Press
from printkit.model.stock import one_per_page


def piece_size(label: Size, duplex: Duplex, back: BadgeBack) -> Size:
    """The size one badge face is designed at: half the label when it folds."""
    if duplex is Duplex.FOLD and back is not BadgeBack.NONE:
        return Size(label.width, label.height / 2)
    return label


def back_rect(rect: Rect, paper: Size, duplex: Duplex) -> Rect:
    """Where the back of the badge at ``rect`` (front page coordinates) is on the back page."""
    if duplex is Duplex.SHORT_EDGE:
        return Rect(rect.x, paper.height - rect.top, rect.width, rect.height)
    return Rect(paper.width - rect.right, rect.y, rect.width, rect.height)


def turned(items: Sequence[Item], size: Size) -> tuple[Item, ...]:
    return (Group(tuple(items), rotate=180.0, pivot=(size.width / 2, size.height / 2)),)


def imposed_sheet(event: Event) -> tuple[SheetGeometry, int]:
    """The sheet the badges are really placed on (in press mode one badge's page, unless
    they are ganged up), and how many pages one sheet of badges takes (2 when backs follow
    on their own page)."""
    if event.press is None:
        sheet = event.sheet
    elif event.press.gang_up:
        sheet = press_sheet(event.sheet, event.press)
    else:
        sheet = single_page(event.sheet, event.press)
    backs = event.badge_back is not BadgeBack.NONE and event.duplex is not Duplex.FOLD
    return sheet, 2 if backs else 1


def start_problem(event: Event) -> LayoutError | None:
    """What is wrong with ``--start`` for this sheet, if anything."""
    sheet, _ = imposed_sheet(event)
    single = event.press is not None and not event.press.gang_up
    if event.start > sheet.per_sheet and not single:
        return LayoutError(
            "badges",
            f"--start {event.start}: the sheet has {sheet.per_sheet} labels; give 1 to"
            f" {sheet.per_sheet}",
            where=Location("--start"),
        )
    return None


def page_count(event: Event, badges: int) -> int:
    """How many pages ``imposed`` makes of ``badges`` badges."""
    sheet, sides = imposed_sheet(event)
    single = event.press is not None and not event.press.gang_up
    at = 0 if single else event.start - 1
    return -(-(at + badges) // sheet.per_sheet) * sides


#: A badge's front and its back (None without backs), each in the badge's own coordinates.
Pair = tuple[Sequence[Item], Sequence[Item] | None]


def imposed(event: Event, pairs: Iterable[Pair]) -> Iterator[Page]:
    """The pages of the badges, each sheet made once its badges are there: ``pairs`` is read
    a sheet at a time, so a run of any size holds one sheet of badges, not all of them."""
    problem = start_problem(event)
    if problem is not None:
        raise problem
    sheet, _ = imposed_sheet(event)
    # a printer offset corrects a desktop printer's feed; a print shop cuts by the marks
    offset = event.offset  # the preparation drops it in press mode
    face = piece_size(sheet.label, event.duplex, event.badge_back)
    single = event.press is not None and not event.press.gang_up
    positions = slots(sheet)
    pairs = iter(pairs)
    at = 0 if single else event.start - 1  # a partly used sheet: from label N
    while chunk := list(islice(pairs, sheet.per_sheet - at)):
        pieces = [front for front, _ in chunk]
        backs = None if chunk[0][1] is None else [back for _, back in chunk]
        folds: tuple[Fold, ...] = ()
        if backs is not None and event.duplex is Duplex.FOLD:
            pieces = [_fold(front, back, face) for front, back in chunk]
            folds, backs = (Fold(horizontal=True, at=face.height),), None
        count = len(pieces)
        used = positions[at : at + count]
        page = place(sheet, pieces, used, event.press, offset, folds)
        dx, dy = offset.page_shift
        fronts = tuple(Rect(r.x + dx, r.y + dy, r.width, r.height) for r in used)
        yield replace(page, pieces=fronts)
        if backs is not None:
            mirrored = [back_rect(r, sheet.paper, event.duplex) for r in positions]
            if event.duplex is Duplex.SHORT_EDGE and not single:
                backs = [turned(b, sheet.label) for b in backs]
            # the back page's offset: the printer feeds it the same way, so the same correction
            yield place(sheet, backs, mirrored[at : at + count], event.press, offset)
        at = 0


def _fold(front: Sequence[Item], back: Sequence[Item], face: Size) -> tuple[Item, ...]:
    upper = Group(
        tuple(back),
        offset=(0.0, face.height),
        rotate=180.0,
        pivot=(face.width / 2, face.height / 2),
    )
    fold = Line(0.0, face.height, face.width, face.height, "rule", OFFICE_LINE, FOLD_DASH)
    return (*front, upper, fold)


def place(
    sheet: SheetGeometry,
    badges: Sequence[Sequence[Item]],
    rects: Sequence[Rect],
    press: Press | None,
    offset: PrinterOffset = NO_OFFSET,
    folds: Sequence[Fold] = (),
) -> Page:
    """One sheet: each badge at its rectangle, with cut marks at both ends of every cut line,
    outside every badge placed — or, in press mode, outside every badge's bleed, with the
    bleed drawn and the page boxes set (one badge a page: its fold marks too). The printer
    ``offset`` moves everything on the sheet, page boxes included."""
    if press is None:
        items: list[Item] = [
            Group(tuple(b), offset=(r.x, r.y)) for b, r in zip(badges, rects, strict=True)
        ]
        if not one_per_page(sheet):  # a label printer's label is cut already: no marks on it
            items += cut_marks(sheet, rects)
        return Page(sheet.paper, shifted(items, offset))
    local = Rect(0.0, 0.0, sheet.label.width, sheet.label.height)
    items = [
        Group(tuple(bleed_items(b, local, press.bleed)), offset=(r.x, r.y))
        for b, r in zip(badges, rects, strict=True)
    ]
    dx, dy = offset.page_shift
    trim = _union(rects)
    trim = Rect(trim.x + dx, trim.y + dy, trim.width, trim.height)
    if press.marks:
        items += cut_marks(
            sheet,
            rects,
            "marks",
            obstacles=[r.inset(-press.bleed) for r in rects],
            gap=mark_offset(press),
            length=CROP_MARK_LENGTH,
            width=MARK_WIDTH,
        )
        if len(rects) == 1:
            items += fold_marks(trim, folds, press)
    return Page(sheet.paper, shifted(items, offset), trim=trim, bleed=trim.inset(-press.bleed))


def _union(rects: Sequence[Rect]) -> Rect:
    x0 = min(r.x for r in rects)
    y0 = min(r.y for r in rects)
    x1 = max(r.right for r in rects)
    y1 = max(r.top for r in rects)
    return Rect(x0, y0, x1 - x0, y1 - y0)
