"""A schedule entry's times as the programme prints them: wall times in the event's zone.

| the file gives | it is read as |
|---|---|
| an offset (``+01:00``, ``Z``) or an iCalendar ``TZID`` | that instant |
| neither (a "floating" time) | a wall time in the schedule's own zone (``time_zone_name``, ``X-WR-TIMEZONE``), else the event's (``timezone:``); with neither, as written |
| a length (``duration``, ``DURATION``) | that much real time after the start, across a change of the clocks too |

A wall time the clocks skip that night is refused at its place; one in the hour they repeat
is read as the first, with a warning. The first time a conversion changed is kept, so the
note says what was done (``placed``'s ``Converted``), and no note is given when none did.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from printkit.errors import InputError, InputWarning, Location
from printkit.read.schedule.entry import Entry
from printkit.read.wallclock import change, offset


@dataclass(frozen=True)
class Clock:
    """How one schedule file's times become the programme's."""

    zone: str | None  # the programme's zone: the event's timezone, else the schedule's own
    floating: str | None  # the zone of a time without an offset: the schedule's, else the event's
    rule: str = ""  # why a repeated hour is read as its first ("as RFC 5545 says")
    offsets: bool = False  # the format can write a time's offset, which tells the two apart


@dataclass(frozen=True)
class Converted:
    """A time the conversion moved: from what zone, as written and as printed."""

    source: str
    path: str
    written: dt.datetime
    printed: dt.datetime


def placed(
    entry: Entry, clock: Clock, warnings: list[InputWarning]
) -> tuple[dt.datetime, dt.datetime, Converted | None]:
    """The entry's start and end as printed (wall times, ``fold`` telling the second of a
    repeated hour), and the conversion that moved the start, if one did."""
    start = _instant(entry.start, entry.where, entry.path, "start ", clock, warnings)
    if isinstance(entry.end, dt.timedelta):
        end = start + entry.end
        if start.tzinfo is not None:  # real time: aware arithmetic keeps the wall clock
            end = (start.astimezone(dt.UTC) + entry.end).astimezone(start.tzinfo)
    else:
        end = _instant(entry.end, entry.at("end"), entry.path, "end ", clock, warnings)
    if (start.tzinfo is None) != (end.tzinfo is None):  # one floating, with no zone to read it
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    if _utc(end) <= _utc(start):  # as instants where they are known (one zone's ignore fold)
        raise InputError(
            entry.where, entry.path, f"ends ({end:%H:%M}) before it starts ({start:%H:%M})"
        )
    shown_start, shown_end = _wall(start, clock), _wall(end, clock)
    if shown_end <= shown_start:  # ends in the repeated hour, earlier by the clock
        zone = clock.zone or getattr(start.tzinfo, "key", None)
        jump = change(shown_end, zone) if zone else None
        raise InputError(
            entry.where,
            entry.path,
            f"starts at {shown_start:%H:%M} and ends at {shown_end:%H:%M}, after"
            f" {jump.words if jump else 'the clocks go back'}: the programme would print it"
            " ending before it starts; move it out of the hour that happens twice",
        )
    written = entry.start.replace(tzinfo=None)
    moved = None
    if written != shown_start or written.fold != shown_start.fold:
        moved = Converted(_source(start, clock), entry.path, written, shown_start)
    return shown_start, shown_end, moved


def _instant(
    moment: dt.datetime,
    where: Location,
    path: str,
    what: str,
    clock: Clock,
    warnings: list[InputWarning],
) -> dt.datetime:
    """``moment`` as an instant: a floating time in the clock's floating zone; a wall time
    the zone skips refused, one it repeats read as the first (a warning)."""
    zone = getattr(moment.tzinfo, "key", None) if moment.tzinfo else clock.floating
    if zone is None:
        return moment  # an offset, or no zone to read it in: as it stands
    jump = change(moment, zone)
    if jump is not None and jump.gap:
        raise InputError(where, path, jump.missing(moment, what))
    if jump is not None and not moment.fold:
        warnings.append(
            InputWarning(where, path, jump.twice(moment, what, clock.rule, clock.offsets))
        )
    return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC) if moment.tzinfo is not None else moment


def _wall(moment: dt.datetime, clock: Clock) -> dt.datetime:
    """The wall time printed: in the programme's zone, else as the file writes it."""
    if moment.tzinfo is not None and clock.zone is not None:
        moment = moment.astimezone(zoneinfo.ZoneInfo(clock.zone))
    return moment.replace(tzinfo=None)


def _source(moment: dt.datetime, clock: Clock) -> str:
    """The zone a converted time was written in, as a note names it."""
    tz = moment.tzinfo
    key = getattr(tz, "key", None)
    if key is not None:
        return key
    here = moment.utcoffset() or dt.timedelta(0)
    if clock.floating and moment.astimezone(zoneinfo.ZoneInfo(clock.floating)).utcoffset() == here:
        return clock.floating
    return offset(here)


def note(
    moved: list[Converted], where: Location, clock: Clock, from_event: bool
) -> InputWarning | None:
    """What the conversion did, once for the file: the zones it read and an example."""
    if not moved:
        return None
    sources = list(dict.fromkeys(m.source for m in moved))
    first = moved[0]
    whose = "the event's timezone" if from_event else "the schedule's own time zone"
    shown = "%H:%M" if first.written.date() == first.printed.date() else "%Y-%m-%d %H:%M"
    return InputWarning(
        where,
        "time zone",
        f"the schedule's times are in {' and '.join(sources)}; they are printed in {whose},"
        f" {clock.zone} ({first.path}: {first.written:{shown}} there, printed at"
        f" {first.printed:{shown}})",
    )
