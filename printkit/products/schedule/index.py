"""The indexes at the programme's end. The index of people: every speaker, panelist and
moderator once, in the event language's alphabet (ICU collation, by family name), each with the
day, time and page of every session they are in. The index of venues (for a festival of many
organisers, each in venues of their own): every venue once in the same alphabet, with its
place, and the day, time and page of each of its sessions; a break in every room is no
venue's."""

from __future__ import annotations

from printkit.lang import i18n
from printkit.layout.words import room
from printkit.model.event import Event, Person, Session, Venue
from printkit.pipeline.people import collation_key, family_name
from printkit.products.schedule.columns import Row, Sheet, column_width, columns_for, pour_closing
from printkit.products.schedule.frame import Frame
from printkit.products.schedule.rows import one_line_row, text_rows
from printkit.typeset.fonts import Typeface

HEADING = 14.0  # pt
NAME = 8.5
REFERENCE = 7.5
INDENT = 3.0  # mm: the references under the name
SPACE = 1.4  # mm between people
COLUMNS = 3
MIN_COLUMN = 40.0  # mm: a name and its references


def people_index(event: Event) -> list[tuple[Person, list[Session]]]:
    """Each person once (by ``Person.key``) with their sessions by time, in collation order."""
    found: dict[str, tuple[Person, list[Session]]] = {}
    for session in event.timetable:
        for person in session.people:
            entry = found.setdefault(person.key, (person, []))
            if session not in entry[1]:
                entry[1].append(session)
    language = event.language

    def order(item: tuple[Person, list[Session]]) -> tuple[bytes, bytes]:
        person = item[0]
        return collation_key(family_name(person), language), collation_key(person.name, language)

    return sorted(found.values(), key=order)


def venue_index(event: Event) -> list[tuple[Venue, list[Session]]]:
    """Each venue once (by ``Venue.key``) with its sessions by time, in collation order of the
    name as printed ("Main hall (A)"); a break in every room belongs to none, a break in
    several rooms to each of them."""
    found: dict[tuple[str, str], tuple[Venue, list[Session]]] = {}
    for session in event.timetable:
        for venue in session.rooms or (() if session.everywhere else (session.venue,)):
            found.setdefault(venue.key, (venue, []))[1].append(session)
    return sorted(found.values(), key=lambda item: collation_key(room(item[0]), event.language))


def index_sheets(
    event: Event,
    face: Typeface,
    frame: Frame,
    first_top: float,
    pages: dict[int, int],
    reserve: float = 0.0,
) -> list[Sheet]:
    """The index of people; ``pages`` maps id(session) to the page its entry is on."""
    entries = [(person.name, None, sessions) for person, sessions in people_index(event)]
    return _sheets(event, face, frame, first_top, pages, reserve, event.labels["index"], entries)


def venue_sheets(
    event: Event,
    face: Typeface,
    frame: Frame,
    first_top: float,
    pages: dict[int, int],
    reserve: float = 0.0,
) -> list[Sheet]:
    """The index of venues; ``pages`` as for ``index_sheets``."""
    entries = [(room(venue), venue.place, sessions) for venue, sessions in venue_index(event)]
    label = event.labels["venue_index"]
    return _sheets(event, face, frame, first_top, pages, reserve, label, entries)


def _sheets(
    event: Event,
    face: Typeface,
    frame: Frame,
    first_top: float,
    pages: dict[int, int],
    reserve: float,
    title: str,
    entries: list[tuple[str, str | None, list[Session]]],
) -> list[Sheet]:
    """An index under ``title``: each entry's name (and the line under it: a venue's place),
    then the day, time and page of each of its sessions."""
    count = columns_for(frame, COLUMNS, MIN_COLUMN)
    width = column_width(frame, count)
    heading = text_rows(face, [(title, "bold")], width, HEADING, 1.2, "accent", keep=True)
    rows: list[Row] = heading[:-1] + [Row(heading[-1].items, heading[-1].height + 2.0, keep=True)]
    label = event.labels["page"]
    for name, under, sessions in entries:
        rows += text_rows(face, [(name, "bold")], width, NAME, 1.25, keep=True, space=SPACE)
        if under:
            rows += text_rows(face, [(under, "regular")], width, REFERENCE, 1.3, "muted", keep=True)
        again = (
            one_line_row(face, name, "bold", width, NAME, suffix=f" ({event.labels['continued']})"),
        )
        for session in sessions:
            day = i18n.short_day(session.date, event.language)
            time = i18n.short_time(session.start, event.language)
            text = f"{day} {time}"
            if id(session) in pages:  # with no other part, there is no page to point to
                text += f" · {label} {i18n.number(pages[id(session)], event.language)}"
            refs = text_rows(face, [(text, "regular")], width, REFERENCE, 1.3, indent=INDENT)
            rows += [Row(r.items, r.height, r.space, r.keep, again) for r in refs]
        rows[-1] = Row(rows[-1].items, rows[-1].height, rows[-1].space, False)
    return pour_closing(rows, frame, count, first_top, reserve)
