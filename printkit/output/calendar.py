"""The programme as a calendar: ``programme.ics`` (RFC 5545), written with ``icalendar``.

One ``VEVENT`` per session: ``UID`` (the schedule's own, else one derived from the event's
address and the session's title, day, start and room, so it stays the same from build to
build), ``DTSTART``/``DTEND`` with the event's ``TZID`` and its ``VTIMEZONE`` (floating
local times when the event names no ``timezone:``; in UTC the second of an hour the clocks
repeat, which a ``TZID`` would read as the first), ``SUMMARY``, ``LOCATION`` (room and
area), ``DESCRIPTION`` (subtitle, people, text) and ``URL``. ``DTSTAMP`` is fixed (the
first session's start), so the same input gives the same bytes.

(``printkit.layout.codes.vevent`` is one session alone, for a sign's QR code.)
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from typing import TYPE_CHECKING

from printkit.layout.codes import local
from printkit.layout.words import held_in, room
from printkit.model.event import Event, Session

if TYPE_CHECKING:
    import icalendar

PRODID = "-//printkit//programme//EN"


def uid(event: Event, session: Session) -> str:
    if session.uid:
        return session.uid
    facts = "|".join(
        (
            " ".join(session.title.split()).casefold(),
            session.date.isoformat(),
            f"{session.start:%H:%M}",
            *session.venue.key,
        )
    )
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, event.url + '#' + facts)}@printkit"


def _description(event: Event, session: Session) -> str:
    parts = [session.subtitle] if session.subtitle else []
    held = held_in(event, session)  # "In Danish": the session's, in the event's language
    parts += [held] if held else []
    for label, people in session.credits(event.labels):
        parts.append(f"{label}: {', '.join(p.name for p in people)}")
    parts += session.text
    return "\n\n".join(parts)


def _component(
    item: icalendar.Event, event: Event, session: Session, stamp: dt.datetime
) -> icalendar.Event:
    item.add("uid", uid(event, session))
    item.add("dtstamp", stamp)
    item.add("dtstart", _instant(event, session))
    item.add("dtend", _instant(event, session, end=True))
    item.add("summary", session.title)
    item.add("location", room(session.venue))
    description = _description(event, session)
    if description:
        item.add("description", description)
    item.add("url", session.url or event.url)
    kind = event.kind(session)
    item.add("categories", [kind.label, *([session.track] if session.track else [])])
    return item


def _instant(event: Event, session: Session, *, end: bool = False) -> dt.datetime:
    """The time with the event's ``TZID``; the second of an hour the clocks repeat in UTC,
    since a ``TZID`` time there is read as the first (RFC 5545, 3.3.5)."""
    moment = local(event, session, end=end)
    if moment.fold and moment.utcoffset() != moment.replace(fold=0).utcoffset():
        return moment.astimezone(dt.UTC)
    return moment


def _stamp(event: Event) -> dt.datetime:
    first = event.timetable[0]
    local = dt.datetime.combine(first.date, first.start)
    zone = zoneinfo.ZoneInfo(event.timezone) if event.timezone else dt.UTC
    return local.replace(tzinfo=zone).astimezone(dt.UTC)


def calendar(event: Event) -> bytes:
    """``programme.ics``: every session of the event, by day and time.

    The bytes are ``components(event).to_ical()``'s, written without its object model (3,000
    sessions: 1.0 of 1.1 s was icalendar's properties, parameters and content lines): the
    calendar's head and zone come from icalendar, each distinct moment's ``DTSTART``,
    ``DTEND`` or ``DTSTAMP`` line is icalendar's once, and the text properties are escaped
    as icalendar's ``vText`` escapes them, in the order ``VEVENT``'s properties are written
    (its canonical order, then by name)."""
    head = [str(line) for line in _head(event).content_lines() if line]
    end = head.pop()  # END:VCALENDAR, after the sessions
    moment = _Moments()
    stamp = moment("DTSTAMP", _stamp(event))
    lines = head
    for session in event.timetable:
        kind = event.kind(session)
        lines += (
            "BEGIN:VEVENT",
            "SUMMARY:" + _text(session.title),
            moment("DTSTART", _instant(event, session)),
            moment("DTEND", _instant(event, session, end=True)),
            stamp,
            "UID:" + _text(uid(event, session)),
            "CATEGORIES:"
            + ",".join(_text(c) for c in (kind.label, *([session.track] if session.track else []))),
        )
        description = _description(event, session)
        if description:
            lines.append("DESCRIPTION:" + _text(description))
        lines += ("LOCATION:" + _text(room(session.venue)), "URL:" + (session.url or event.url))
        lines.append("END:VEVENT")
    lines.append(end)
    return _folded(lines)


def _text(value: str) -> str:
    """A TEXT value escaped as icalendar's ``vText`` escapes it (RFC 5545 3.3.11: backslash,
    semicolon, comma, and a line break as ``\\n``), step for step in its order."""
    return (
        value.replace("\\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


class _Moments:
    """A date-time property's content line, as icalendar writes it (its ``TZID``, or UTC's
    ``Z``, or floating), made once for each moment: a festival's sessions share a few
    hundred starts and ends."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, dt.datetime, dt.tzinfo | None, int], str] = {}

    def __call__(self, name: str, value: dt.datetime) -> str:
        key = (name, value, value.tzinfo, value.fold)  # (equal across a fold, in one zone)
        line = self._lines.get(key)
        if line is None:
            import icalendar

            item = icalendar.Event()
            item.add(name, value)
            line = self._lines[key] = str(item.content_lines()[1])  # after BEGIN:VEVENT
        return line


def components(event: Event) -> icalendar.Calendar:
    """The calendar ``programme.ics`` writes, in icalendar's object model: its zone and a
    ``VEVENT`` per session (``calendar`` writes the same bytes without it)."""
    import icalendar

    cal = _head(event)
    stamp = _stamp(event)
    for session in event.timetable:
        cal.add_component(_component(icalendar.Event(), event, session, stamp))
    return cal


def _head(event: Event) -> icalendar.Calendar:
    """The calendar's own properties and its zone, without the sessions."""
    import icalendar  # (100 modules) loaded for the file it writes: --help and errors skip it

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", event.title)
    if event.timezone:
        cal.add("x-wr-timezone", event.timezone)
    if event.timezone:  # the zone's rules for the years of the event, not 1970–2038
        first, last = event.span
        cal.add_component(
            icalendar.Timezone.from_tzid(
                event.timezone,
                first_date=dt.date(first.year, 1, 1),
                last_date=dt.date(last.year, 12, 31),
            )
        )
    return cal


FOLD_AT = 75  # octets: RFC 5545 folds a content line this long or longer (icalendar's limit)


def _folded(lines: list[str]) -> bytes:
    """The content lines joined by CRLF, a long one folded by icalendar (``Contentline``). A
    line shorter than the limit is written as it is, which is what icalendar's folding gives
    it, without walking it a character at a time (3,000 sessions: 33,000 lines, most of
    them short)."""
    from icalendar.parser import Contentline

    out = []
    for line in lines:
        data = line.encode("utf-8")
        out.append(data if len(data) < FOLD_AT else Contentline(line).to_ical())
    return b"\r\n".join(out) + b"\r\n"
