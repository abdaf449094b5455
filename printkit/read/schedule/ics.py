"""iCalendar (``.ics``, RFC 5545) as Google Calendar, Outlook and Sched export it: each
``VEVENT`` with ``DTSTART`` and ``DTEND`` (or ``DURATION``), ``SUMMARY``, ``LOCATION`` (the
room), ``DESCRIPTION``, ``URL``, ``UID``, ``CATEGORIES`` (the track) and ``ATTENDEE``s with a
``CN`` (the speakers; ``ROLE=CHAIR``, the moderator). Times keep their ``TZID`` (resolved
from the file's ``VTIMEZONE`` or IANA's), UTC (``Z``) or, floating, the calendar's
``X-WR-TIMEZONE``. Repeats (``RRULE``, ``RDATE``, ``EXDATE``), changed occurrences
(``RECURRENCE-ID``) and ``STATUS:CANCELLED`` are read as ``recur`` says. A property RFC 5545
allows once in a VEVENT (SUMMARY, LOCATION, UID …) is refused when given twice.

The ``icalendar`` library parses the file; a pass of our own over its lines records where
each event and property starts, so problems are located at file:line:col.
"""

from __future__ import annotations

import datetime as dt
import re

import icalendar

from printkit.errors import InputError, InputWarning, Location
from printkit.read.notices import warn
from printkit.read.schedule import recur
from printkit.read.schedule.entry import Entry, Named, in_years, text, within_hours
from printkit.read.schedule.found import Found

#: an entry's text field → the property that gives it
_PLACES = {
    "title": "SUMMARY",
    "room": "LOCATION",
    "abstract": "DESCRIPTION",
    "track": "CATEGORIES",
    "url": "URL",
    "uid": "UID",
}
#: the properties RFC 5545 allows once in a VEVENT, of those read
_ONCE = ("UID", "DTSTART", "DTEND", "DURATION", "SUMMARY", "LOCATION", "DESCRIPTION", "URL")
_NAME = re.compile(r"^([A-Za-z0-9-]+)[;:]")


def _index(source: str, display: str) -> tuple[list[dict[str, Location]], dict[str, Location]]:
    """For each VEVENT in order: property name → where its first occurrence starts (the
    n-th, from the second on, under ``NAME#n``); and the first of each of the calendar's own
    properties (METHOD, X-WR-TIMEZONE)."""
    events: list[dict[str, Location]] = []
    current: dict[str, Location] | None = None
    depth = 0
    calendar: dict[str, Location] = {}
    for number, line in enumerate(source.splitlines(), start=1):
        if line[:1] in (" ", "\t"):
            continue  # a folded continuation of the line above
        upper = line.upper()
        if upper.startswith("BEGIN:"):
            depth += 1
            if upper.strip() == "BEGIN:VEVENT":
                current = {"BEGIN": Location(display, number, 1)}
                events.append(current)
            continue
        if upper.startswith("END:"):
            depth -= 1
            if upper.strip() == "END:VEVENT":
                current = None
            continue
        match = _NAME.match(line)
        if match is None:
            continue
        name = match.group(1).upper()
        if current is not None:
            n = 1
            while (key := name if n == 1 else f"{name}#{n}") in current:
                n += 1
            current[key] = Location(display, number, 1)
        elif depth == 1:
            calendar.setdefault(name, Location(display, number, 1))
    return events, calendar


def read(source: str, display: str) -> Found:
    places, own = _index(source, display)
    try:
        calendar = icalendar.Calendar.from_ical(source)
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(
            Location(display), "", f"not an iCalendar file ({exc}); export the calendar as .ics"
        ) from None
    if not isinstance(calendar, icalendar.Calendar):
        raise InputError(Location(display), "", "holds no VCALENDAR; export it as .ics")
    zone = text(str(calendar.get("X-WR-TIMEZONE") or "")) or None
    events = calendar.walk("VEVENT")
    if len(events) != len(places):  # a VEVENT nested where our pass did not see it
        places = [{} for _ in events]
    if str(calendar.get("METHOD") or "").upper() == "CANCEL":
        raise InputError(
            own.get("METHOD", Location(display)),
            "METHOD",
            "the calendar cancels its events (METHOD:CANCEL); export the calendar itself",
        )
    entries, warnings = recur.sessions(
        [
            recur.Component(event, place, _entry(event, place, display, zone))
            for event, place in zip(events, places, strict=True)
        ]
    )
    title = text(str(calendar.get("X-WR-CALNAME") or "")) or None
    where = own.get("X-WR-TIMEZONE", Location(display))
    return Found(entries, zone, where, (), title, tuple(warnings))


def _entry(event, place: dict[str, Location], display: str, zone: str | None) -> Entry:  # noqa: ANN001
    begin = place.get("BEGIN", Location(display))
    summary = event.get("SUMMARY")
    summary = text(str(summary[0] if isinstance(summary, list) else summary or ""))
    path = f"event {summary!r}" if summary else f"VEVENT at line {begin.line}"

    def at(name: str) -> Location:
        return place.get(name, begin)

    for name in _ONCE:
        if f"{name}#2" in place:
            raise InputError(
                place[f"{name}#2"],
                path,
                f"{name} is given twice (first at line {at(name).line}); a VEVENT has one"
                " (RFC 5545), so remove one",
            )

    if not summary:
        raise InputError(begin, path, "has no SUMMARY; every session needs a title")
    start = _moment(event, "DTSTART", at("DTSTART"), path)
    if event.get("DTEND") is not None:
        end = _moment(event, "DTEND", at("DTEND"), path)
    elif event.get("DURATION") is not None:
        length = event.decoded("DURATION")
        if not isinstance(length, dt.timedelta):
            raise InputError(at("DURATION"), path, "DURATION is not a duration (PT1H30M)")
        shown = event.get("DURATION").to_ical().decode()
        end = within_hours(length, shown, at("DURATION"), path)
    else:
        raise InputError(begin, path, "has neither DTEND nor DURATION; give its end")
    room = text(str(event.get("LOCATION") or ""))
    if not room:
        raise InputError(begin, path, "has no LOCATION; name the room it takes place in")
    speakers, moderator = _people(event, place, begin, path)
    categories = event.get("CATEGORIES")
    track = None
    if categories is not None:
        first = categories[0] if isinstance(categories, list) else categories
        track = text(", ".join(str(c) for c in getattr(first, "cats", [first])))
    url = event.get("URL")
    return Entry(
        path=path,
        where=at("DTSTART"),
        title=summary,
        start=start,
        end=end,
        room=room,
        abstract=str(event.get("DESCRIPTION") or "") or None,
        track=track,
        url=text(str(url)) if url is not None else None,
        uid=text(str(event.get("UID") or "")) or None,
        speakers=speakers,
        moderator=moderator,
        type="panel" if moderator else None,
        places={name: at(key) for name, key in _PLACES.items()} | {"end": at("DTEND")},
    )


def _moment(event, name: str, where: Location, path: str) -> dt.datetime:  # noqa: ANN001
    if event.get(name) is None:
        raise InputError(where, path, f"has no {name}; give its start time")
    try:
        value = event.decoded(name)
    except (ValueError, KeyError, TypeError):
        value = None
    if isinstance(value, dt.datetime):
        return in_years(value, where, path, name)
    if isinstance(value, dt.date):
        raise InputError(
            where, path, f"{name} is a whole day ({value.isoformat()}); give it a time of day"
        )
    raise InputError(where, path, f"{name} {event.get(name).to_ical().decode()!r} is not a time")


def _people(
    event,  # noqa: ANN001
    place: dict[str, Location],
    begin: Location,
    path: str,
) -> tuple[tuple[Named, ...], Named | None]:
    """The ATTENDEEs by their CN, each at its line; one without a CN is left out with a
    warning: its address is not a name, and is never printed as one."""
    attendees = event.get("ATTENDEE")
    if attendees is None:
        return (), None
    if not isinstance(attendees, list):
        attendees = [attendees]
    speakers, moderator = [], None
    for n, attendee in enumerate(attendees, start=1):
        where = place.get("ATTENDEE" if n == 1 else f"ATTENDEE#{n}", begin)
        name = text(attendee.params.get("CN"))
        if not name:
            warn(
                InputWarning(
                    where,
                    path,
                    "an ATTENDEE without a CN (the person's name) is left out: an address is"
                    ' not a name; add CN="Their Name" to print them',
                )
            )
            continue
        person = Named(name, where)
        if attendee.params.get("ROLE", "").upper() == "CHAIR" and moderator is None:
            moderator = person
        else:
            speakers.append(person)
    return tuple(speakers), moderator
