"""One session as a schedule file gives it, and how it becomes a ``Session``.

Each reader (``xml``, ``json``, ``ics``, ``sheet``) turns its format into ``Entry``s whose
facts carry where they stand (file:line:col, or a sheet's row and column). ``written``
converts an entry into the event's local time, maps the file's ``type`` onto the event's
kinds, and returns the session with its places, for the clash checks every session passes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from printkit.errors import InputError, InputWarning, Location
from printkit.model.event import Person, Role, Session, Venue
from printkit.read.kinds import Conference
from printkit.read.timetable import Mention, Written

#: a schedule tool's ``type`` (case and spacing ignored) → printkit's kind; others are talks
TYPES = {
    "talk": "talk",
    "lecture": "talk",
    "presentation": "talk",
    "vortrag": "talk",
    "oplæg": "talk",
    "lightning talk": "talk",
    "keynote": "keynote",
    "panel": "panel",
    "panel discussion": "panel",
    "discussion": "panel",
    "podium": "panel",
    "debat": "panel",
    "workshop": "workshop",
    "hands-on": "workshop",
    "tutorial": "workshop",
    "break": "break",
    "pause": "break",
    "lunch": "break",
    "coffee": "break",
    "coffee break": "break",
}
_SPACES = re.compile(r"[ \t\r\n]+")
_DURATION = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{1,2}))?\s*$")
#: no session lasts longer than this; a longer one is a mistyped duration
MAX_HOURS = 24
Day = TypeVar("Day", dt.date, dt.datetime)
#: the years a session may fall in: any other is a mistyped year (and the calendar's
#: arithmetic ends at year 9999, where an end or a change of zone had no answer)
YEARS = (1900, 2999)


@dataclass(frozen=True)
class Named:
    """A person as the schedule names them."""

    name: str
    where: Location
    title: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Entry:
    """A session as read, before it is checked; ``start``/``end`` are aware when the file says
    their zone (an offset or a TZID), else floating (``times`` reads them); ``end`` may be
    the session's length instead, real time from its start."""

    path: str  # how messages name it: "event 'Opening'", "row 12"
    where: Location  # the session's start in the file
    title: str
    start: dt.datetime
    end: dt.datetime | dt.timedelta
    room: str  # "": none given, which only a break in every room may do
    no_room: InputError | None = None  # what to say if it may not
    subtitle: str | None = None
    type: str | None = None
    type_where: Location | None = None
    abstract: str | None = None
    track: str | None = None
    language: str | None = None
    url: str | None = None
    uid: str | None = None
    speakers: tuple[Named, ...] = ()
    moderator: Named | None = None
    #: where each text field stands ("title", "url", "room" ...), when the reader knows
    places: Mapping[str, Location] = field(default_factory=dict)

    def at(self, name: str) -> Location:
        return self.places.get(name, self.where)


def text(value: str | None) -> str | None:
    """A value as printed: NFC, spaces, tabs and line breaks folded, None when empty. Other
    characters (controls, bidi, U+2028, no-break spaces) are left for ``checked``."""
    if value is None:
        return None
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip(" ")
    return folded or None


def duration(value: str, where: Location, path: str, *, day_form: bool) -> dt.timedelta:
    """Two parts are ``HH:MM`` (frab, pretalx, c3voc), three ``HH:MM:SS`` (c3voc's schema,
    a spreadsheet's time cell). ``day_form``: the file may be pretalx's, which writes a
    session of a day or more as ``D:HH:MM``; a value that reads as a session either way
    (``1:00:00``, an hour or a day) is refused rather than guessed."""
    match = _DURATION.match(value)
    if match is None:
        raise InputError(where, path, f"duration {value!r} is not a duration (HH:MM)")
    first, second, third = match.groups()
    hours, minutes, seconds = int(first), int(second), int(third or 0)
    if third is not None and day_form and not first.startswith("0") and minutes < 24:
        as_days = dt.timedelta(days=hours, hours=minutes, minutes=seconds)
        if as_days <= dt.timedelta(hours=MAX_HOURS):
            raise InputError(
                where,
                path,
                f"duration {value!r} is {_words(dt.timedelta(hours=hours, minutes=minutes))}"
                f" as HH:MM:SS, but {_words(as_days)} as pretalx writes a day (D:HH:MM);"
                f" write {hours:02}:{minutes:02} for the first, {_hh_mm(as_days)} for the"
                " second",
            )
    for amount, unit in ((minutes, "minutes"), (seconds, "seconds")):
        if amount > 59:
            length = dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)
            raise InputError(
                where,
                path,
                f"duration {value!r} has {amount} {unit}, and {unit} run from 00 to 59;"
                f" write {_hh_mm(length)}{f':{seconds % 60:02}' if third else ''}"
                f" for {_words(length)}",
            )
    length = dt.timedelta(hours=hours, minutes=minutes, seconds=seconds)
    return within_hours(length, value, where, path)


def _hh_mm(length: dt.timedelta) -> str:
    minutes = int(length.total_seconds()) // 60
    return f"{minutes // 60:02}:{minutes % 60:02}"


def _words(length: dt.timedelta) -> str:
    """``1 hour 15 minutes``: a length as a message says it."""
    total = int(length.total_seconds())
    parts = [(total // 3600, "hour"), (total // 60 % 60, "minute"), (total % 60, "second")]
    said = [f"{n} {unit}{'' if n == 1 else 's'}" for n, unit in parts if n]
    return " ".join(said) or "no time"


def instant(value: str, where: Location, path: str, what: str = "date") -> dt.datetime:
    """An ISO 8601 date and time, with or without an offset."""
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            where, path, f"{what} {value!r} is not a date and time (YYYY-MM-DDTHH:MM+01:00)"
        ) from None
    return in_years(moment, where, path, what)


def in_years(day: Day, where: Location, path: str, what: str) -> Day:
    """``day`` (a date or a date and time), if its year is one of ``YEARS``."""
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise InputError(
            where,
            path,
            f"{what} {day.isoformat()} is not in the years {YEARS[0]} to {YEARS[1]};"
            " check the year",
        )
    return day


def within_hours(length: dt.timedelta, shown: str, where: Location, path: str) -> dt.timedelta:
    """A session's length, if it is one: more than nothing and at most ``MAX_HOURS``."""
    if not dt.timedelta(0) < length <= dt.timedelta(hours=MAX_HOURS):
        raise InputError(
            where, path, f"duration {shown!r} is not between 00:01 and {MAX_HOURS}:00 hours"
        )
    return length


def written(
    entry: Entry,
    times: tuple[dt.datetime, dt.datetime],
    programme: Conference,
    zone: str | None,
    warnings: list[InputWarning],
) -> Written:
    """The session at its printed wall ``times`` (``schedule.times.placed``: in ``zone``),
    with where its facts stand."""
    start, end = times
    if end.date() != start.date() and end.time() != dt.time():
        raise InputError(
            entry.where,
            entry.path,
            f"runs past midnight ({start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M}"
            f"{f' in {zone}' if zone else ''}); split it into a session per day",
        )
    kind = _kind(entry, programme, warnings)
    everywhere = not entry.room and programme.kinds[kind].all_rooms
    if not entry.room and not everywhere:
        raise entry.no_room or InputError(entry.where, entry.path, "has no room; name it")
    quiet = not programme.kinds[kind].people
    role = Role.PANELIST if kind == "panel" else Role.SPEAKER
    people = tuple(_person(p, role) for p in entry.speakers)
    moderator = _person(entry.moderator, Role.MODERATOR) if entry.moderator else None
    if quiet and (people or moderator):
        raise InputError(
            entry.where,
            entry.path,
            f"a {kind} names {(people or (moderator,))[0].name}, but gets no badges;"
            " give it another type, or remove the names",
        )
    session = Session(
        title=entry.title,
        subtitle=entry.subtitle,
        date=start.date(),
        start=start.time(),
        end=end.time(),  # 00:00 the next day: it ends at midnight
        venue=Venue(name=entry.room),
        everywhere=everywhere,
        text=tuple(p for p in (text(x) for x in (entry.abstract or "").split("\n\n")) if p),
        speakers=people if kind != "panel" else (),
        panelists=people if kind == "panel" else (),
        moderator=moderator,
        kind=kind,
        track=entry.track,
        language=entry.language,
        url=entry.url,
        uid=entry.uid,
        path=entry.path,
    )
    named = [*entry.speakers, *([entry.moderator] if entry.moderator else [])]
    mentions = tuple(
        Mention(person, f"{entry.path} person {p.name!r}", p.where)
        for person, p in zip(session.people, named, strict=True)
    )
    places = {entry.path: entry.where}
    places |= {f"{entry.path}.{name}": where for name, where in entry.places.items()}
    return Written(session, entry.path, entry.where, (entry.where, entry.path), mentions, places)


def _kind(entry: Entry, programme: Conference, warnings: list[InputWarning]) -> str:
    if not entry.type:
        return "panel" if entry.moderator else "talk"
    wanted = " ".join(entry.type.split()).casefold()
    if wanted in programme.kinds:
        return wanted
    if wanted in TYPES:
        return TYPES[wanted]
    warnings.append(
        InputWarning(
            entry.type_where or entry.where,
            entry.path,
            f"type {entry.type!r} is not a kind printkit knows; it is printed as a talk"
            f" (add it under kinds: in event.yaml to word it otherwise)",
        )
    )
    return "talk"


def _person(named: Named, role: str) -> Person:
    return Person(
        name=named.name,
        role=role,
        title=named.title,
        organisations=(named.organisation,) if named.organisation else (),
    )
