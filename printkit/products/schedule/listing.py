"""The compact list: a heading per day (Babel's full date), a heading per room within the
day when the event has several rooms, and an entry per session: its time range in a column of
its own beside the title, subtitle, text, questions, panel and moderator. A single-room
event's programme, and the ``list`` part of any other.

A session is never split: it moves whole to the next page, and a heading moves with the
session under it; a day (and room) that runs on over a page break is headed again,
"(fortsat)". A session taller than a page is an error naming it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from printkit.errors import LayoutError, about
from printkit.lang import i18n
from printkit.layout.flow import FIRST_BASELINE, Block, paragraph
from printkit.layout.items import Box, Group, Item, Line, Text, field_path
from printkit.layout.text import width_mm
from printkit.layout.words import affiliation, held_in, room, time_range
from printkit.model.event import Event, Person, Role, Session, Venue
from printkit.model.geometry import PT, Rect
from printkit.products.schedule.columns import Sheet
from printkit.products.schedule.frame import PRODUCT, Frame
from printkit.typeset.fonts import Typeface

TIME_GAP = 5.0  # between the time column and the entries
TIME_MIN = 18.0  # the time column's least width

# type sizes, points
DAY = 15.0
VENUE = 11.0
TIME = 10.0
TITLE = 11.5
SUBTITLE = 9.5
BODY = 9.0

# space before a unit, mm (dropped at the top of a page)
SPACE = {"day": 7.0, "venue": 4.0, "session": 5.0}


@dataclass(frozen=True)
class Unit:
    """One piece of the flow, laid out with its top at y = 0: kept whole on a page."""

    kind: str  # day, venue or session
    block: Block
    day: dt.date | None = None
    venue: Venue | None = None
    session: Session | None = None


@dataclass
class _Sheet:
    items: list[Item]
    y: float  # where the next unit's space begins
    last: str | None = None  # the kind of the unit placed last
    tags: set[int] | None = None


def list_sheets(
    event: Event, face: Typeface, frame: Frame, first_top: float, tags: dict[int, int]
) -> list[Sheet]:
    columns = _columns(event, face, frame)
    units = _units(event, face, frame, columns)
    sheets = _paginate(event, face, frame, units, first_top, tags)
    return [
        Sheet(s.items, first_top if k == 0 else frame.top, s.tags or set(), s.y)
        for k, s in enumerate(sheets)
    ]


@dataclass(frozen=True)
class Columns:
    """The time column at the margin, the entries beside it."""

    left: float  # the time column's
    x: float  # where entries start
    width: float


def _columns(event: Event, face: Typeface, frame: Frame) -> Columns:
    widest = max(width_mm(face, time_range(event, s), "bold", TIME) for s in event.sessions)
    x = frame.left + max(widest, TIME_MIN) + TIME_GAP
    return Columns(frame.left, x, frame.right - x)


def _grouped(event: Event) -> bool:
    """Venue headings within each day: when the event has more than one venue."""
    return len(event.venues) > 1


def _units(event: Event, face: Typeface, frame: Frame, columns: Columns) -> list[Unit]:
    units = []
    day = None
    for date, venue, sessions in event.by_day_and_venue():
        if date != day:
            units.append(Unit("day", _day_heading(event, face, frame, date), date))
            day = date
        if _grouped(event):
            units.append(Unit("venue", _venue_heading(face, frame, venue), date, venue))
        for session in sessions:
            units.append(
                Unit("session", _located_entry(event, session, face, columns), date, venue, session)
            )
    return units


def _paginate(
    event: Event,
    face: Typeface,
    frame: Frame,
    units: list[Unit],
    first_top: float,
    tags: dict[int, int],
) -> list[_Sheet]:
    """Place units page by page: a session whole, headings with the session after them."""
    sheets = [_Sheet([], first_top, tags=set())]
    i = 0
    while i < len(units):
        chain = [units[i]]
        while chain[-1].kind in ("day", "venue") and i + len(chain) < len(units):
            chain.append(units[i + len(chain)])
        sheet = sheets[-1]
        # a full page, or the first (whose band leaves less room), hands on to a new page
        if sheet.y - _height(chain, sheet) < frame.bottom and (sheet.last or len(sheets) == 1):
            sheet = _Sheet([], frame.top, tags=set())
            sheets.append(sheet)
            for heading in _again(event, face, frame, chain[0]):
                _place(sheet, frame, heading)
            if sheet.y - _height(chain, sheet) < frame.bottom:
                raise _too_tall(chain[-1], sheet.y - frame.bottom)
        for unit in chain:
            _place(sheet, frame, unit)
            if unit.session is not None:
                sheet.tags.add(tags[id(unit.session)])
        i += len(chain)
    return sheets


def _height(chain: list[Unit], sheet: _Sheet) -> float:
    spaces = [
        0.0 if (k == 0 and sheet.last is None) else SPACE[u.kind] for k, u in enumerate(chain)
    ]
    return sum(spaces) + sum(u.block.height for u in chain)


def _place(sheet: _Sheet, frame: Frame, unit: Unit) -> None:
    space = SPACE[unit.kind] if sheet.last is not None else 0.0
    if unit.kind == "session" and sheet.last == "session":
        rule_y = sheet.y - space / 2
        sheet.items.append(Line(frame.left, rule_y, frame.right, rule_y, "rule", 0.4))
    sheet.y -= space
    sheet.items.append(Group(unit.block.items, offset=(0.0, sheet.y)))
    sheet.y -= unit.block.height
    sheet.last = unit.kind


def _again(event: Event, face: Typeface, frame: Frame, next_unit: Unit) -> list[Unit]:
    """The headings a page repeats when a day, or a venue, runs on from the page before."""
    if next_unit.kind == "day":
        return []
    continued = event.labels["continued"]
    repeated = [Unit("day", _day_heading(event, face, frame, next_unit.day, continued))]
    if next_unit.kind == "session" and _grouped(event):
        repeated.append(Unit("venue", _venue_heading(face, frame, next_unit.venue)))
    return repeated


def _too_tall(unit: Unit, room_left: float) -> LayoutError:
    session = unit.session
    return LayoutError(
        PRODUCT,
        f"the session {session.title!r} ({session.date.isoformat()}, {session.start:%H:%M}) is"
        f" {unit.block.height:.0f} mm tall, but a page holds {room_left:.0f} mm;"
        " shorten its text or questions",
        session.title,
        field=field_path(session.path, "title"),
    )


# -- the pieces ---------------------------------------------------------------------------


def _day_heading(
    event: Event, face: Typeface, frame: Frame, day: dt.date, continued: str = ""
) -> Block:
    text = i18n.long_date(day, event.language) + (f" ({continued})" if continued else "")
    block = paragraph(face, [(text, "bold")], frame.left, 0.0, frame.width, DAY, 1.2, "accent")
    rule_y = -block.height - 1.2
    rule = Line(frame.left, rule_y, frame.right, rule_y, "accent", 0.8)
    return Block((*block.items, rule), block.height + 1.2, block.lines)


def _venue_heading(face: Typeface, frame: Frame, venue: Venue) -> Block:
    pad = 1.8
    width = frame.width - 2 * pad
    spans = [(room(venue), "bold")] + ([(f" · {venue.place}", "regular")] if venue.place else [])
    block = paragraph(face, spans, frame.left + pad, -pad, width, VENUE, 1.25)
    height = block.height + 2 * pad
    panel = Box(Rect(frame.left, -height, frame.width, height), fill="accent_light")
    return Block((panel, *block.items), height, block.lines)


def _located_entry(event: Event, session: Session, face: Typeface, columns: Columns) -> Block:
    with about(None, field_path(session.path, "title")):  # what it cannot set: at its title
        return _entry(event, session, face, columns)


def _entry(event: Event, session: Session, face: Typeface, columns: Columns) -> Block:
    """One session: the time beside its title, then subtitle, text, questions and people."""
    x, width = columns.x, columns.width
    baseline = -FIRST_BASELINE * TITLE * PT
    time = time_range(event, session)
    items: list[Item] = [Text(columns.left, baseline, time, "bold", TIME, "accent")]
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
    held = held_in(event, session)  # "In Danish", when not the event's language
    if held:
        y -= 0.6
        add([(held, "italic")], BODY, 1.3, "muted")
    for paragraph_text in session.text:
        y -= 1.6
        add([(paragraph_text, "regular")], BODY, 1.4)
    for number, question in enumerate(session.questions, start=1):
        y -= 1.4
        items.append(Text(x, y - FIRST_BASELINE * BODY * PT, f"{number}", "bold", BODY, "accent"))
        lead = [(question.lead + ":", "bold"), (" " + question.text, "regular")]
        add(lead if question.lead else [(question.text, "regular")], BODY, 1.4, indent=4.5)
    people = [
        (label, [_credited(event, p) for p in group])
        for label, group in session.credits(event.labels)
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


def _credited(event: Event, person: Person) -> str:
    """A speaker with their title and organisation, "Priya Raman (Professor, CBS)"; a
    panelist or moderator by name."""
    details = affiliation(event, person) if person.role == Role.SPEAKER else ""
    return f"{person.name} ({details})" if details else person.name
