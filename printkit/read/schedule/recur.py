"""An iCalendar file's events as the sessions they stand for (RFC 5545, 3.8.4.4 and 3.8.5):
each ``VEVENT`` at its ``DTSTART``, its ``RRULE``'s and ``RDATE``'s occurrences, less its
``EXDATE``s; an event of the same ``UID`` with a ``RECURRENCE-ID`` in place of the occurrence
it names; and what is ``STATUS:CANCELLED`` left out, with a warning at its line.

A repeat is expanded only where it ends and is a schedule's: ``FREQ=HOURLY``, ``DAILY`` or
``WEEKLY`` with ``INTERVAL``, ``COUNT`` or ``UNTIL``, ``BYDAY`` and ``WKST``, at most
``MAX_OCCURRENCES`` times (dateutil's ``rrule`` counts them, never past that). Any other rule
is refused at its line, as is one without an end: a printed programme lists every session.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from printkit.errors import InputError, InputWarning, Location
from printkit.read.schedule.entry import Entry, in_years
from printkit.read.wallclock import offset

MAX_OCCURRENCES = 1000
MAX_INTERVAL = 1000
_PARTS = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST")
_FREQUENCIES = ("HOURLY", "DAILY", "WEEKLY")
_WEEKDAY = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)$")
_EXPANDED = "FREQ=HOURLY, DAILY or WEEKLY, with INTERVAL, COUNT or UNTIL, BYDAY and WKST"


@dataclass(frozen=True)
class Component:
    """One ``VEVENT``: the icalendar component, where its properties stand, and the session
    it gives at its own ``DTSTART``."""

    event: object  # icalendar.Event
    place: dict[str, Location]
    entry: Entry

    def at(self, name: str) -> Location:
        return self.place.get(name, self.entry.where)


def sessions(components: list[Component]) -> tuple[list[Entry], list[InputWarning]]:
    """Every occurrence of every event, overrides in their occurrence's place, in file order."""
    warnings: list[InputWarning] = []
    masters = {c.entry.uid for c in components if c.event.get("RECURRENCE-ID") is None} - {None}
    overrides: dict[tuple[str | None, dt.datetime], Component] = {}
    for c in components:
        if c.event.get("RECURRENCE-ID") is not None and c.entry.uid in masters:
            overrides.setdefault((c.entry.uid, _key(_recurrence(c))), c)
    used: set[int] = set()
    entries: list[Entry] = []
    for c in components:
        if c.event.get("RECURRENCE-ID") is not None and c.entry.uid in masters:
            continue  # in its occurrence's place, below (or after every series, if none)
        occurrences = _occurrences(c, warnings)
        if _cancelled(c, warnings, len(occurrences)):
            used.update(id(o) for o in overrides.values() if o.entry.uid == c.entry.uid)
            continue
        for start, end, where in occurrences:
            override = overrides.get((c.entry.uid, _key(start)))
            if override is not None:
                used.add(id(override))
                one = _one(override, _recurrence(override))
                if not _cancelled(override, warnings, path=one.path):
                    entries.append(one)
                continue
            entries.append(_as(c, start, end, where, len(occurrences) > 1))
    for override in overrides.values():
        if id(override) not in used:
            one = _one(override, _recurrence(override))
            warnings.append(
                InputWarning(
                    override.at("RECURRENCE-ID"),
                    one.path,
                    f"RECURRENCE-ID {_shown(_recurrence(override))} is none of the times its"
                    " series (the VEVENT of its UID) gives; printed as a session of its own",
                )
            )
            if not _cancelled(override, warnings, path=one.path):
                entries.append(one)
    return entries, warnings


def _occurrences(
    c: Component, warnings: list[InputWarning]
) -> list[tuple[dt.datetime, dt.datetime | dt.timedelta, Location]]:
    """The event's starts, each with its end (the event's length, or an RDATE period's own);
    an EXDATE that takes out none of them is warned of."""
    entry = c.entry
    length = _length(entry)
    found = [(entry.start, entry.end, entry.where)]
    found += [(start, length, c.at("RRULE")) for start in _rule(c)]
    found += _rdates(c, length)
    excluded = _exdates(c)  # each EXDATE by what it is compared by, as written
    matched: set[object] = set()
    seen: set[dt.datetime] = set()
    kept = []
    for start, end, where in sorted(found, key=lambda f: _key(f[0])):
        key = _key(start)
        if key in seen:
            continue
        seen.add(key)
        hit = key if key in excluded else start.date() if start.date() in excluded else None
        if hit is not None:
            matched.add(hit)
            continue
        kept.append((in_years(start, where, entry.path, "start"), end, where))
    for key, written in excluded.items():
        if key not in matched:
            warnings.append(
                InputWarning(
                    c.at("EXDATE"),
                    entry.path,
                    f"EXDATE {_shown(written)} is none of the times the event is given, so it"
                    " takes none out; check its date and time",
                )
            )
    if not kept:
        raise InputError(
            c.at("EXDATE"), entry.path, "every time the event is given is taken out by EXDATE"
        )
    return kept


def _length(entry: Entry) -> dt.timedelta:
    """The event's real length: its DURATION, or the time from DTSTART to DTEND."""
    if isinstance(entry.end, dt.timedelta):
        return entry.end
    if entry.start.tzinfo is not None and entry.end.tzinfo is not None:
        return entry.end.astimezone(dt.UTC) - entry.start.astimezone(dt.UTC)
    return entry.end.replace(tzinfo=None) - entry.start.replace(tzinfo=None)


def _rule(c: Component) -> list[dt.datetime]:
    """The RRULE's starts after DTSTART, refused where the rule is not one to expand."""
    rule = c.event.get("RRULE")
    if rule is None:
        return []
    where, path = c.at("RRULE"), c.entry.path
    if isinstance(rule, list):
        raise InputError(where, path, "has more than one RRULE; give the event one")
    text = rule.to_ical().decode()

    def refuse(problem: str) -> InputError:
        return InputError(where, path, f"RRULE {text!r} {problem}")

    other = [part for part in rule if part.upper() not in _PARTS]
    freq = str(rule.get("FREQ", [""])[0]).upper()
    if other or freq not in _FREQUENCIES:
        named = f"FREQ={freq or '(none)'}" if freq not in _FREQUENCIES else other[0]
        raise refuse(
            f"uses {named}, which printkit does not expand (it expands {_EXPANDED});"
            " export the calendar with its repeats as separate events"
        )
    if any(not _WEEKDAY.match(str(day).upper()) for day in rule.get("BYDAY", [])):
        raise refuse("numbers a weekday in BYDAY (1MO), which FREQ=WEEKLY and DAILY do not")
    if "COUNT" not in rule and "UNTIL" not in rule:
        raise refuse(
            "repeats without end; a printed programme lists every session: give COUNT or UNTIL"
        )
    until = rule.get("UNTIL", [None])[0]
    start = c.entry.start
    if start.tzinfo is not None and until is not None and getattr(until, "tzinfo", None) is None:
        end = dt.datetime.combine(until, dt.time(23, 59, 59)) if type(until) is dt.date else until
        utc = end.replace(tzinfo=start.tzinfo).astimezone(dt.UTC)
        raise refuse(
            "has an UNTIL without Z, but DTSTART has a TZID, and RFC 5545 then asks for UNTIL"
            f" in UTC: write UNTIL={utc:%Y%m%dT%H%M%SZ}"
        )
    interval = rule.get("INTERVAL", [1])[0]
    if not 1 <= int(interval) <= MAX_INTERVAL:
        raise refuse(f"has INTERVAL {interval}; give one from 1 to {MAX_INTERVAL:,}")
    from dateutil.rrule import rrulestr  # icalendar's own dependency

    try:
        starts = list(itertools.islice(rrulestr(text, dtstart=c.entry.start), MAX_OCCURRENCES + 1))
    except (ValueError, TypeError, OverflowError) as exc:
        raise refuse(f"cannot be expanded ({exc})") from None
    if len(starts) > MAX_OCCURRENCES:
        raise refuse(
            f"gives more than {MAX_OCCURRENCES:,} sessions; a programme of that many repeats"
            " is not one to print: give a smaller COUNT or an earlier UNTIL"
        )
    return [start for start in starts if _key(start) != _key(c.entry.start)]


def _values(c: Component, name: str) -> Iterable[object]:
    found = c.event.get(name)
    for item in found if isinstance(found, list) else [found] if found is not None else []:
        yield from (value.dt for value in item.dts)


def _rdates(
    c: Component, length: dt.timedelta
) -> list[tuple[dt.datetime, dt.datetime | dt.timedelta, Location]]:
    where, found = c.at("RDATE"), []
    for value in _values(c, "RDATE"):
        start, end = value if isinstance(value, tuple) else (value, length)
        if not isinstance(start, dt.datetime):
            raise InputError(
                where, c.entry.path, f"RDATE {start.isoformat()} is a whole day; give its time"
            )
        if (start.tzinfo is None) != (c.entry.start.tzinfo is None):
            raise InputError(
                where,
                c.entry.path,
                f"RDATE {_shown(start)} and DTSTART differ in kind (one in a time zone, one"
                " floating); write them alike",
            )
        found.append((start, end, where))
    return found


def _exdates(c: Component) -> dict[object, object]:
    """Each EXDATE (an instant, or a day) by what an occurrence is compared by → as written."""
    return {_key(v) if isinstance(v, dt.datetime) else v: v for v in _values(c, "EXDATE")}


def _recurrence(c: Component) -> dt.datetime:
    found = c.event.get("RECURRENCE-ID")
    where = c.at("RECURRENCE-ID")
    if isinstance(found, list) or str(found.params.get("RANGE", "")).upper() == "THISANDFUTURE":
        raise InputError(
            where,
            c.entry.path,
            "RECURRENCE-ID changes this and every later time (RANGE=THISANDFUTURE), which"
            " printkit does not expand; export the calendar with its repeats as separate events",
        )
    if not isinstance(found.dt, dt.datetime):
        raise InputError(where, c.entry.path, "RECURRENCE-ID is a whole day; give its time")
    return found.dt


def _cancelled(c: Component, warnings: list[InputWarning], times: int = 1, path: str = "") -> bool:
    """Whether the event is cancelled; if so, a warning at its STATUS."""
    if str(c.event.get("STATUS", "")).upper() != "CANCELLED":
        return False
    which = f", all {times} times" if times > 1 else ""
    warnings.append(
        InputWarning(
            c.at("STATUS"),
            path or c.entry.path,
            f"is cancelled (STATUS:CANCELLED{which}); left out of the programme",
        )
    )
    return True


def _as(
    c: Component, start: dt.datetime, end: dt.datetime | dt.timedelta, where: Location, many: bool
) -> Entry:
    """The series' session at one of its times."""
    if not many:
        return c.entry
    return replace(
        c.entry,
        start=start,
        end=end,
        where=where,
        path=f"{c.entry.path} on {start:%Y-%m-%d}",
        uid=f"{c.entry.uid}-{_stamp(start)}" if c.entry.uid else None,
    )


def _one(c: Component, recurrence: dt.datetime) -> Entry:
    """An override: its own session, named by the time it replaces."""
    return replace(
        c.entry,
        path=f"{c.entry.path} on {recurrence:%Y-%m-%d}",
        uid=f"{c.entry.uid}-{_stamp(recurrence)}" if c.entry.uid else None,
    )


def _key(moment: dt.datetime) -> dt.datetime:
    """What two times are compared by: the instant, or the wall time when floating."""
    return moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment


def _stamp(moment: dt.datetime) -> str:
    return f"{_key(moment):%Y%m%dT%H%M%S}" + ("Z" if moment.tzinfo is not None else "")


def _shown(value: object) -> str:
    """A time as the file writes it: "2027-05-04 09:00 Europe/Copenhagen"."""
    if isinstance(value, dt.datetime):
        zone = getattr(value.tzinfo, "key", None) or offset(value.utcoffset() or dt.timedelta())
        return f"{value:%Y-%m-%d %H:%M}" + (f" {zone}" if value.tzinfo is not None else "")
    return value.isoformat() if isinstance(value, dt.date) else str(value)
