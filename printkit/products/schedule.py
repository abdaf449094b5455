"""The programme of a schedule (event.yaml lists ``sessions:``): A4 pages, as many as needed.

Page 1 opens with a band (festival, the event's name, subtitle, its days and, for one venue,
where) beside the QR code to the event's address, then the introduction. Then the schedule:
a heading per day (Babel's full date), a heading per venue within the day when the event has
several venues (with one, it stands in the band instead), and an entry per session: its time
range in a column of its own beside the title, subtitle, text, questions, panel and
moderator.

A session is never split: it moves whole to the next page, and a heading moves with the
session under it; a day (and venue) that runs on over a page break is headed again,
"(fortsat)". A session taller than a page is an error naming it. Every page after the first
has a running header with the event's name, every page a footer with the address and
"side 2 af 5"; the organiser closes the last page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from printkit.errors import LayoutError
from printkit.lang import i18n
from printkit.layout.flow import FIRST_BASELINE, Block, fitted_lines, paragraph
from printkit.layout.items import QR, Box, Document, Group, Item, Line, Page, Text
from printkit.layout.qr import encode
from printkit.layout.text import fit_block, width_mm
from printkit.layout.words import room, time_range, when, where
from printkit.model.event import Event, Session, Venue
from printkit.model.geometry import PAPER, PT, Rect
from printkit.products.programme import BOTTOM, FOOTER, QR_SIZE, band_heading, organiser_block
from printkit.typeset.fonts import Typeface

PRODUCT = "programme"
PAGE = PAPER["A4"]
MARGIN = 16.0
CONTENT_TOP = PAGE.height - 22.0  # below the running header
CONTENT_BOTTOM = 22.0  # above the page footer
FOOT_RULE = 17.0
FOOT_BASELINE = 11.0
HEAD_BASELINE = PAGE.height - 13.0
HEAD_RULE = PAGE.height - 16.5
TIME_GAP = 5.0  # between the time column and the entries

# type sizes, points
DAY = 15.0
VENUE = 11.0
TIME = 10.0
TITLE = 11.5
SUBTITLE = 9.5
BODY = 9.0
SMALL = 8.0

# space before a unit, mm (dropped at the top of a page)
SPACE = {"intro": 0.0, "day": 7.0, "venue": 4.0, "session": 5.0}


@dataclass(frozen=True)
class Unit:
    """One piece of the flow, laid out with its top at y = 0: kept whole on a page."""

    kind: str  # intro, day, venue or session
    block: Block
    day: dt.date | None = None
    venue: Venue | None = None
    session: Session | None = None


@dataclass
class _Sheet:
    items: list[Item]
    y: float  # where the next unit's space begins
    last: str | None = None  # the kind of the unit placed last


def layout_schedule(event: Event, face: Typeface) -> Document:
    band, band_bottom = _band(event, face)
    columns = _columns(event, face)
    units = _units(event, face, columns)
    sheets = _paginate(event, face, columns, units, band_bottom - 7.0)
    _close(event, face, sheets)
    count = len(sheets)
    pages = []
    for number, sheet in enumerate(sheets, start=1):
        frame = band if number == 1 else _running_header(event, face)
        items = [*frame, *sheet.items, *_page_footer(event, face, number, count)]
        _require(face, items)
        pages.append(Page(PAGE, tuple(items)))
    return Document(
        pages=tuple(pages),
        title=f"{event.title} – {event.labels['programme']}",
        author=event.organiser.name if event.organiser else "",
        subject=when(event),
    )


@dataclass(frozen=True)
class Columns:
    """The time column at the margin, the entries beside it."""

    x: float  # where entries start
    width: float


def _columns(event: Event, face: Typeface) -> Columns:
    widest = max(width_mm(face, time_range(event, s), "bold", TIME) for s in event.sessions)
    x = MARGIN + max(widest, 18.0) + TIME_GAP
    return Columns(x, PAGE.width - MARGIN - x)


def _grouped(event: Event) -> bool:
    """Venue headings within each day: when the event has more than one venue."""
    return len(event.venues) > 1


def _units(event: Event, face: Typeface, columns: Columns) -> list[Unit]:
    width = PAGE.width - 2 * MARGIN
    units = [
        Unit("intro", paragraph(face, [(text, "regular")], MARGIN, 0.0, width, 10.0, 1.45))
        for text in event.intro
    ]
    day = None
    for date, venue, sessions in event.by_day_and_venue():
        if date != day:
            units.append(Unit("day", _day_heading(event, face, date), date))
            day = date
        if _grouped(event):
            units.append(Unit("venue", _venue_heading(face, venue), date, venue))
        for session in sessions:
            units.append(
                Unit("session", _entry(event, session, face, columns), date, venue, session)
            )
    return units


def _paginate(
    event: Event, face: Typeface, columns: Columns, units: list[Unit], first_top: float
) -> list[_Sheet]:
    """Place units page by page: a session whole, headings with the session after them."""
    sheets = [_Sheet([], first_top)]
    i = 0
    while i < len(units):
        chain = [units[i]]
        while chain[-1].kind in ("day", "venue") and i + len(chain) < len(units):
            chain.append(units[i + len(chain)])
        sheet = sheets[-1]
        # a full page, or the first (whose band leaves less room), hands on to a new page
        if sheet.y - _height(chain, sheet) < CONTENT_BOTTOM and (sheet.last or len(sheets) == 1):
            sheet = _Sheet([], CONTENT_TOP)
            sheets.append(sheet)
            for heading in _again(event, face, chain[0]):
                _place(sheet, heading)
            if sheet.y - _height(chain, sheet) < CONTENT_BOTTOM:
                raise _too_tall(event, chain[-1], sheet)
        for unit in chain:
            _place(sheet, unit)
        i += len(chain)
    return sheets


def _height(chain: list[Unit], sheet: _Sheet) -> float:
    spaces = [
        0.0 if (k == 0 and sheet.last is None) else SPACE[u.kind] for k, u in enumerate(chain)
    ]
    return sum(spaces) + sum(u.block.height for u in chain)


def _place(sheet: _Sheet, unit: Unit) -> None:
    space = SPACE[unit.kind] if sheet.last is not None else 0.0
    if unit.kind == "session" and sheet.last == "session":
        rule_y = sheet.y - space / 2
        sheet.items.append(Line(MARGIN, rule_y, PAGE.width - MARGIN, rule_y, "rule", 0.4))
    sheet.y -= space
    sheet.items.append(Group(unit.block.items, offset=(0.0, sheet.y)))
    sheet.y -= unit.block.height
    sheet.last = unit.kind


def _again(event: Event, face: Typeface, next_unit: Unit) -> list[Unit]:
    """The headings a page repeats when a day, or a venue, runs on from the page before."""
    if next_unit.kind in ("intro", "day"):
        return []
    repeated = [Unit("day", _day_heading(event, face, next_unit.day, event.labels["continued"]))]
    if next_unit.kind == "session" and _grouped(event):
        repeated.append(Unit("venue", _venue_heading(face, next_unit.venue)))
    return repeated


def _too_tall(event: Event, unit: Unit, sheet: _Sheet) -> LayoutError:
    if unit.session is None:  # an introduction's paragraph
        return LayoutError(
            PRODUCT, "a paragraph of the introduction is taller than a page; split it"
        )
    session = unit.session
    return LayoutError(
        PRODUCT,
        f"the session {session.title!r} ({session.date.isoformat()}, {session.start:%H:%M}) is"
        f" {unit.block.height:.0f} mm tall, but a page holds {sheet.y - CONTENT_BOTTOM:.0f} mm;"
        " shorten its text or questions",
        session.title,
    )


def _close(event: Event, face: Typeface, sheets: list[_Sheet]) -> None:
    """The organiser's block at the foot of the last page (on a page of its own if need be)."""
    if event.organiser is None:
        return
    height = FOOTER + 7.0  # the block, and room above its rule
    if sheets[-1].y - height < CONTENT_BOTTOM:
        sheets.append(_Sheet([], CONTENT_TOP))
    shift = CONTENT_BOTTOM + 1.0 - BOTTOM
    sheets[-1].items.append(Group(tuple(organiser_block(event, face)), offset=(0.0, shift)))


# -- the pieces ---------------------------------------------------------------------------


def _band(event: Event, face: Typeface) -> tuple[list[Item], float]:
    """Page 1's head: festival, name, subtitle, days and venue, with the QR code at the right."""
    qr = Rect(PAGE.width - MARGIN - QR_SIZE, PAGE.height - 10.0 - QR_SIZE, QR_SIZE, QR_SIZE)
    width = qr.x - 8.0 - MARGIN
    items: list[Item] = [QR(qr, encode(event.url))]
    caption = fit_block(face, event.labels["scan_cta"], "regular", QR_SIZE, 8.0, 7.0, 2)
    low = qr.y
    if caption is not None:
        block = fitted_lines(
            caption.lines,
            "regular",
            caption.size,
            qr.centre[0],
            qr.y - 1.5,
            colour="paper",
            align="center",
        )
        items += block.items
        low = qr.y - 1.5 - block.height
    heading, top = band_heading(face, event.festival, event.title, width, 24.0, PRODUCT)
    items += heading
    for text, style, size, space in (
        (event.subtitle, "italic", 12.0, 2.5),
        (when(event), "bold", 11.5, 4.0),
        (where(event), "regular", 11.0, 1.0),
    ):
        if text:
            top -= space
            block = paragraph(face, [(text, style)], MARGIN, top, width, size, 1.3, "paper")
            items += block.items
            top -= block.height
    bottom = min(top, low) - 7.0
    return [Box(Rect(0.0, bottom, PAGE.width, PAGE.height - bottom), fill="accent"), *items], bottom


def _day_heading(event: Event, face: Typeface, day: dt.date, continued: str = "") -> Block:
    text = i18n.long_date(day, event.language) + (f" ({continued})" if continued else "")
    width = PAGE.width - 2 * MARGIN
    block = paragraph(face, [(text, "bold")], MARGIN, 0.0, width, DAY, 1.2, "accent")
    rule_y = -block.height - 1.2
    rule = Line(MARGIN, rule_y, PAGE.width - MARGIN, rule_y, "accent", 0.8)
    return Block((*block.items, rule), block.height + 1.2, block.lines)


def _venue_heading(face: Typeface, venue: Venue) -> Block:
    pad = 1.8
    width = PAGE.width - 2 * MARGIN - 2 * pad
    spans = [(room(venue), "bold")] + ([(f" · {venue.place}", "regular")] if venue.place else [])
    block = paragraph(face, spans, MARGIN + pad, -pad, width, VENUE, 1.25)
    height = block.height + 2 * pad
    panel = Box(Rect(MARGIN, -height, PAGE.width - 2 * MARGIN, height), fill="accent_light")
    return Block((panel, *block.items), height, block.lines)


def _entry(event: Event, session: Session, face: Typeface, columns: Columns) -> Block:
    """One session: the time beside its title, then subtitle, text, questions and people."""
    x, width = columns.x, columns.width
    baseline = -FIRST_BASELINE * TITLE * PT
    items: list[Item] = [Text(MARGIN, baseline, time_range(event, session), "bold", TIME, "accent")]
    y = 0.0

    def add(spans, size: float, leading: float, colour: str = "text", indent: float = 0.0) -> None:
        nonlocal y
        block = paragraph(face, spans, x + indent, y, width - indent, size, leading, colour)
        items.extend(block.items)
        y -= block.height

    add([(session.title, "bold")], TITLE, 1.2)
    if session.subtitle:
        y -= 0.6
        add([(session.subtitle, "italic")], SUBTITLE, 1.3, "muted")
    for paragraph_text in session.text:
        y -= 1.6
        add([(paragraph_text, "regular")], BODY, 1.4)
    for number, question in enumerate(session.questions, start=1):
        y -= 1.4
        items.append(Text(x, y - FIRST_BASELINE * BODY * PT, f"{number}", "bold", BODY, "accent"))
        lead = [(question.lead + ":", "bold"), (" " + question.text, "regular")]
        add(lead if question.lead else [(question.text, "regular")], BODY, 1.4, indent=4.5)
    people = [
        (event.labels["panel"], [p.name for p in session.panelists]),
        (event.labels["moderator"], [session.moderator.name] if session.moderator else []),
    ]
    space = 1.8
    for label, names in people:
        if names:
            y -= space
            add(
                [(label + ":", "bold"), (" " + i18n.join(names, event.language), "regular")],
                BODY,
                1.35,
            )
            space = 0.4
    return Block(tuple(items), -y, 0)


def _running_header(event: Event, face: Typeface) -> list[Item]:
    """Pages after the first: the event's name at the left, the festival at the right."""
    width = PAGE.width - 2 * MARGIN
    items: list[Item] = []
    if event.festival:
        items.append(
            Text(
                PAGE.width - MARGIN, HEAD_BASELINE, event.festival, "regular", 8.5, "muted", "right"
            )
        )
        width -= width_mm(face, event.festival, "regular", 8.5) + 6.0
    name = fit_block(face, event.title, "bold", width, 8.5, 6.5, 1)
    if name is None:
        raise LayoutError(PRODUCT, f"the title does not fit the running header: {event.title!r}")
    items.append(Text(MARGIN, HEAD_BASELINE, name.lines[0], "bold", name.size, "accent"))
    items.append(Line(MARGIN, HEAD_RULE, PAGE.width - MARGIN, HEAD_RULE, "rule", 0.6))
    return items


def _page_footer(event: Event, face: Typeface, number: int, count: int) -> list[Item]:
    counter = i18n.page_of(number, count, event.language, event.labels["page_of"])
    items: list[Item] = [
        Line(MARGIN, FOOT_RULE, PAGE.width - MARGIN, FOOT_RULE, "rule", 0.6),
        Text(PAGE.width - MARGIN, FOOT_BASELINE, counter, "regular", SMALL, "text", "right"),
    ]
    room_for_url = PAGE.width - 2 * MARGIN - width_mm(face, counter, "regular", SMALL) - 8.0
    url = fit_block(face, event.url, "regular", room_for_url, SMALL, 6.0, 1)
    if url is not None and url.lines[0] == event.url:
        items.append(Text(MARGIN, FOOT_BASELINE, event.url, "regular", url.size, "muted"))
    return items


def _require(face: Typeface, items) -> None:
    """Every character has a glyph in the font it is set in."""
    for item in items:
        if isinstance(item, Group):
            _require(face, item.items)
        elif isinstance(item, Text):
            face.require(item.text, item.style, PRODUCT, "text")
