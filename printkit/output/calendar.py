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
from printkit.layout.words import room
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
    for label, people in session.credits(event.labels):
        parts.append(f"{label}: {', '.join(p.name for p in people)}")
    parts += session.text
    return "\n\n".join(parts)


def _component(
    item: icalendar.Event, event: Event, session: Session, stamp: dt.datetime
) -> icalendar.Event:
    item.add("uid", uid(event, session))
    item.add("dtstamp", stamp)
    item.add("dtstart", _instant(event, session, session.start))
    item.add("dtend", _instant(event, session, session.end))
    item.add("summary", session.title)
    item.add("location", room(session.venue))
    description = _description(event, session)
    if description:
        item.add("description", description)
    item.add("url", session.url or event.url)
    kind = event.kind(session)
    item.add("categories", [kind.label, *([session.track] if session.track else [])])
    return item


def _instant(event: Event, session: Session, time: dt.time) -> dt.datetime:
    """The time with the event's ``TZID``; the second of an hour the clocks repeat in UTC,
    since a ``TZID`` time there is read as the first (RFC 5545, 3.3.5)."""
    moment = local(event, session, time)
    if moment.fold and moment.utcoffset() != moment.replace(fold=0).utcoffset():
        return moment.astimezone(dt.UTC)
    return moment


def _stamp(event: Event) -> dt.datetime:
    first = event.timetable[0]
    local = dt.datetime.combine(first.date, first.start)
    zone = zoneinfo.ZoneInfo(event.timezone) if event.timezone else dt.UTC
    return local.replace(tzinfo=zone).astimezone(dt.UTC)


def calendar(event: Event) -> bytes:
    """``programme.ics``: every session of the event, by day and time."""
    return _lines(components(event))


def components(event: Event) -> icalendar.Calendar:
    """The calendar ``programme.ics`` writes: its zone and a ``VEVENT`` per session."""
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
    stamp = _stamp(event)
    for session in event.timetable:
        cal.add_component(_component(icalendar.Event(), event, session, stamp))
    return cal


FOLD_AT = 75  # octets: RFC 5545 folds a content line this long or longer (icalendar's limit)


def _lines(cal: icalendar.Calendar) -> bytes:
    """``cal.to_ical()``, byte for byte: its content lines joined by CRLF, a long one folded
    by icalendar. A line shorter than the limit is written as it is, which is what icalendar's
    folding gives it, without walking it a character at a time (3,000 sessions: 33,000
    lines, most of them short)."""
    out = []
    for line in cal.content_lines():
        if not line:
            continue
        data = line.encode("utf-8")
        out.append(data if len(data) < FOLD_AT else line.to_ical())
    return b"\r\n".join(out) + b"\r\n"
