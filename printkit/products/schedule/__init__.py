"""The programme of a schedule (event.yaml lists ``sessions:``), on the paper
``programme.paper`` names, as many pages as needed.

Page 1 opens with a band (festival, the event's name, subtitle, its days and, for one venue,
where) beside the QR code to the event's address, then the introduction. Then the parts
``programme.parts`` asks for, each starting on a new page but the first: ``grid`` (a day at a
glance, ``grid.py``), ``slots`` (every session by start time, ``slots.py``), ``index`` (the
people, ``index.py``), ``venues`` (the venues, ``index.py``) and ``list`` (the compact list by
day and room, ``listing.py``: a single-room event's default); the indexes come last, as they
point to the other parts' pages. Every page after the first has a running head, every page a
footer with the address and "side 2 af 5"; the organiser closes the last page.
"""

from __future__ import annotations

from printkit.layout.booklet import impose, padded
from printkit.layout.items import Document, Item, Page
from printkit.layout.words import when
from printkit.model.event import Event
from printkit.model.programme import INDEXES, Part
from printkit.products.schedule.columns import Sheet
from printkit.products.schedule.frame import (
    CLOSE_HEIGHT,
    Frame,
    band,
    close,
    footer,
    intro,
    require,
    running_head,
)
from printkit.products.schedule.grid import grid_sheets
from printkit.products.schedule.index import index_sheets, venue_sheets
from printkit.products.schedule.listing import list_sheets
from printkit.products.schedule.slots import slot_sheets
from printkit.typeset.fonts import Typeface

__all__ = ["layout_booklet", "layout_schedule"]

PART_ROOM = 60.0  # mm: a part starts on the last page of the one before when this much is left
PART_GAP = 8.0  # mm between the parts on such a page


def layout_schedule(event: Event, face: Typeface) -> Document:
    frame = Frame(event.programme.page)
    head, below = band(event, face, frame)
    words, first_top = intro(event, face, frame, below)
    tags = {id(session): i for i, session in enumerate(event.sessions)}
    parts = event.programme.parts_for(len(event.venues), festival=bool(event.festival))
    closing = CLOSE_HEIGHT if event.organiser is not None else 0.0
    sheets: list[Sheet] = []
    pages: dict[int, int] = {}  # id(session) → the page of its fullest entry
    # the indexes last, in the order asked for: they need the other parts' page numbers
    ordered = [p for p in parts if p not in INDEXES] + [p for p in parts if p in INDEXES]
    for part in ordered:
        top, continuing = _start(sheets, first_top, frame, part)
        reserve = closing if part is ordered[-1] else 0.0
        if part in INDEXES:
            index = index_sheets if part is Part.INDEX else venue_sheets
            _join(sheets, index(event, face, frame, top, pages, reserve), continuing)
            continue
        made = _part(part, event, face, frame, top, tags, reserve)
        before = len(sheets) - (1 if continuing else 0)
        _record(made, before, event, pages, overwrite=part is not Part.GRID)
        _join(sheets, made, continuing)
    if not sheets:
        sheets = [Sheet(top=first_top, low=first_top)]
    if event.organiser is not None and sheets[-1].low - CLOSE_HEIGHT < frame.bottom:
        sheets.append(Sheet(top=frame.top, low=frame.top))
    count = len(sheets)
    result = []
    for number, sheet in enumerate(sheets, start=1):
        items: list[Item] = [*(head + words if number == 1 else running_head(event, face, frame))]
        items += sheet.items
        if number == count and event.organiser is not None:
            items += close(event, face, frame)
        items += footer(event, face, frame, number, count)
        require(face, items)
        result.append(Page(frame.page, tuple(items)))
    document = Document(
        pages=tuple(result),
        title=f"{event.title} – {event.labels['programme']}",
        author=event.organiser.name if event.organiser else "",
        subject=when(event),
    )
    return padded(document) if event.programme.booklet else document


def layout_booklet(event: Event, face: Typeface) -> Document:
    """``programme-booklet.pdf``: the booklet's pages imposed two up for an office duplex
    printer (short-edge flip), in saddle-stitch order (``layout.booklet``)."""
    return impose(layout_schedule(event, face), event.programme.sheet)


def _start(sheets: list[Sheet], first_top: float, frame: Frame, part: Part) -> tuple[float, bool]:
    """Where a part begins, and whether on the last page of the part before: there when
    ``PART_ROOM`` mm are left under it (a grid always takes pages of its own)."""
    if not sheets:
        return first_top, False
    below = sheets[-1].low - PART_GAP
    if part is not Part.GRID and below - frame.bottom >= PART_ROOM:
        return below, True
    return frame.top, False


def _join(sheets: list[Sheet], made: list[Sheet], continuing: bool) -> None:
    """A part's pages after the others', its first merged into the last when it continues."""
    if continuing and made:
        last, first = sheets[-1], made[0]
        last.items += first.items
        last.tags |= first.tags
        last.low = first.low
        made = made[1:]
    sheets += made


def _part(
    part: Part, event: Event, face: Typeface, frame: Frame, top: float, tags, reserve: float
) -> list[Sheet]:
    if part is Part.GRID:
        return grid_sheets(event, face, frame, top, tags)
    if part is Part.SLOTS:
        return slot_sheets(event, face, frame, top, tags, reserve)
    return list_sheets(event, face, frame, top, tags)


def _record(
    sheets: list[Sheet], before: int, event: Event, pages: dict[int, int], overwrite: bool
) -> None:
    """Which page each session stands on (``pages``: id(session) → page number): the first
    page of this part that holds it; a full entry's page wins over the grid's."""
    seen: set[int] = set()
    for number, sheet in enumerate(sheets, start=before + 1):
        for tag in sorted(sheet.tags - seen):
            key = id(event.sessions[tag])
            if overwrite or key not in pages:
                pages[key] = number
        seen |= sheet.tags
