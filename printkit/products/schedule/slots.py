"""Every session of a day by start time, the sessions of one slot together under the slot's
time, each with its room ("All rooms" for a break in every room) and track, and its full
entry: subtitle, text, questions, and the people under the kind's headings with their
affiliations. Two or three columns where the paper allows (``columns.columns_for``).
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from printkit.lang import i18n
from printkit.layout.words import affiliation, held_in, room, time_range
from printkit.model.event import Event, Session
from printkit.products.schedule.columns import Row, Sheet, column_width, columns_for, pour_closing
from printkit.products.schedule.frame import Frame
from printkit.products.schedule.rows import one_line_row, rule_row, text_rows
from printkit.typeset.fonts import Typeface

# type sizes, points
DAY = 14.0
SLOT = 12.0
META = 8.0
TITLE = 10.5
SUBTITLE = 9.0
BODY = 8.5
# space above, mm
DAY_SPACE = 6.0
SLOT_SPACE = 5.0
ENTRY_SPACE = 3.2
PART_SPACE = 1.2  # between an entry's paragraphs
QUESTION_INDENT = 4.0


def slot_sheets(
    event: Event,
    face: Typeface,
    frame: Frame,
    first_top: float,
    tags: dict[int, int],
    reserve: float = 0.0,
) -> list[Sheet]:
    """The by-slot pages; ``tags`` maps id(session) to the tag its title row carries."""
    count = columns_for(frame)
    width = column_width(frame, count)
    rows: list[Row] = []
    order = {venue.key: i for i, venue in enumerate(event.venues)}
    for day, sessions in groupby(event.timetable, key=lambda s: s.date):
        heading = text_rows(
            face, [(_day(event, day), "bold")], width, DAY, 1.2, "accent", keep=True
        )
        heading[0] = Row(heading[0].items, heading[0].height, DAY_SPACE, True, new_page=True)
        rows += heading
        for start, group in groupby(sessions, key=lambda s: s.start):
            slot = sorted(group, key=lambda s: order.get(s.venue.key, -1))  # breaks first
            label = _clock(event, start)
            rows += text_rows(
                face, [(label, "bold")], width, SLOT, 1.2, "text", space=SLOT_SPACE, keep=True
            )
            rows.append(rule_row(width, 2.0, "text", 0.6))
            for k, session in enumerate(slot):
                again = (
                    one_line_row(
                        face,
                        f"{label} · {session.title}",
                        "italic",
                        width,
                        META,
                        "muted",
                        f" ({event.labels['continued']})",
                    ),
                )
                entry = _entry(event, face, session, width, tags[id(session)])
                if k:
                    entry[0] = _spaced(entry[0], ENTRY_SPACE)
                rows += [_again(row, again) if j > 1 else row for j, row in enumerate(entry)]
    return pour_closing(rows, frame, count, first_top, reserve)


def _spaced(row: Row, space: float) -> Row:
    return Row(row.items, row.height, space, row.keep, row.again, row.tag, row.new_page)


def _again(row: Row, again: tuple[Row, ...]) -> Row:
    return Row(row.items, row.height, row.space, row.keep, again, row.tag, row.new_page)


def _day(event: Event, day: dt.date) -> str:
    return i18n.long_date(day, event.language)


def _clock(event: Event, start: dt.time) -> str:
    """The slot's start as the locale writes a time: "10.00", "10:00 AM"."""
    return i18n.short_time(start, event.language)


def _entry(event: Event, face: Typeface, session: Session, width: float, tag: int) -> list[Row]:
    parts = (time_range(event, session), room(session.venue), session.track)
    parts += (held_in(event, session),)  # "In Danish", when not the event's language
    meta = " · ".join(part for part in parts if part)  # "10:15–11:00 · Room 2 (B) · Civic tech"
    rows = text_rows(face, [(meta, "bold")], width, META, 1.3, "text", keep=True)
    rows[0] = Row(rows[0].items, rows[0].height, 0.0, True, (), tag)
    title = text_rows(face, [(session.title, "bold")], width, TITLE, 1.2, keep=True)
    rows += title
    if session.subtitle:
        rows += text_rows(
            face, [(session.subtitle, "italic")], width, SUBTITLE, 1.3, "muted", space=0.5
        )
    else:
        rows[-1] = Row(rows[-1].items, rows[-1].height, rows[-1].space, True)
    for text in session.text:
        rows += text_rows(face, [(text, "regular")], width, BODY, 1.4, space=PART_SPACE)
    for number, question in enumerate(session.questions, start=1):
        # a span's leading space is the space before its first word (``text.wrap``)
        spans = [(f"{number}", "bold")]
        spans += [(f" {question.lead}:", "bold")] if question.lead else []
        spans += [(f" {question.text}", "regular")]
        rows += text_rows(face, spans, width, BODY, 1.4, space=PART_SPACE)
    groups = session.credits(event.labels)  # "Speaker:" for a talk, "Panel:" for a panel
    for label, people in groups:
        if not people:
            continue
        rows += text_rows(
            face, [(label, "bold")], width, BODY, 1.35, space=PART_SPACE * 1.5, keep=True
        )
        for person in people:
            words = affiliation(event, person)
            spans = [(person.name, "bold")] + ([(", " + words, "regular")] if words else [])
            rows += text_rows(face, spans, width, BODY, 1.35, indent=QUESTION_INDENT)
    return rows
