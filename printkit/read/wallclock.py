"""Wall-clock times in an IANA zone on the nights its clocks change.

When the clocks go forward (Europe/Copenhagen, 2027-03-28, from 02:00 to 03:00) the times in
between never happen on that day; when they go back (2027-10-31, from 03:00 to 02:00) the
hour between happens twice. ``change`` tells either, with the change's own facts, so a
reader can refuse the first at its place and warn of the second; ``first`` is the reading
printkit gives a repeated time (the first of the two, as RFC 5545 says for iCalendar).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

_SECOND = dt.timedelta(seconds=1)


@dataclass(frozen=True)
class Change:
    """A change of the clocks around a local time: ``gap`` when they go forward past it."""

    zone: str
    gap: bool
    before: dt.timedelta  # the UTC offset before the change
    after: dt.timedelta
    clock_from: dt.time  # the wall time the clocks leave (02:00 going forward)
    clock_to: dt.time  # and the one they show next (03:00)

    @property
    def words(self) -> str:
        way = "forward" if self.gap else "back"
        return f"the clocks go {way} from {self.clock_from:%H:%M} to {self.clock_to:%H:%M}"

    def missing(self, moment: dt.datetime, what: str = "") -> str:
        """What to say of a time in the gap (``what``: "start ", "DTSTART ")."""
        return (
            f"{what}{moment:%Y-%m-%d %H:%M} does not exist in {self.zone}: {self.words} that night;"
            f" give a time before {self.clock_from:%H:%M} or from {self.clock_to:%H:%M} on"
        )

    def twice(
        self, moment: dt.datetime, what: str = "", rule: str = "", offsets: bool = False
    ) -> str:
        """What to say of a time in the repeated hour, read as the first (``rule``: why;
        ``offsets``: the format can give the time's offset, which tells the two apart)."""
        second = offset(self.after).removeprefix("UTC") or "Z"
        return (
            f"{what}{moment:%Y-%m-%d %H:%M} happens twice in {self.zone}: {self.words} that night;"
            f" it is read as the first {moment:%H:%M}, {offset(self.before)}"
            f" ({rule or 'before the clocks go back'})"
            + (
                f"; give its offset ({moment:%H:%M}{second}) if the second is meant"
                if offsets
                else ""
            )
        )


def offset(delta: dt.timedelta) -> str:
    """``UTC+02:00``, ``UTC-05:00``, ``UTC``."""
    if not delta:
        return "UTC"
    sign = "+" if delta > dt.timedelta(0) else "-"
    minutes = abs(int(delta.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def change(moment: dt.datetime, zone: str) -> Change | None:
    """The change of the clocks that makes ``moment`` (a local wall time, its zone ignored)
    not exist or happen twice in ``zone``; None on an ordinary day."""
    tz = zoneinfo.ZoneInfo(zone)
    wall = moment.replace(tzinfo=None)
    first = wall.replace(tzinfo=tz, fold=0).utcoffset()
    second = wall.replace(tzinfo=tz, fold=1).utcoffset()
    if first is None or second is None or first == second:
        return None
    # the change's instant lies between the two readings of the wall time, in UTC
    lo, hi = sorted((wall - first, wall - second))
    later = _at(hi, tz)
    while hi - lo > _SECOND:
        middle = lo + (hi - lo) / 2
        if _at(middle, tz) == later:
            hi = middle
        else:
            lo = middle
    hi = hi.replace(microsecond=0)
    return Change(
        zone,
        gap=first < second,
        before=first,
        after=second,
        clock_from=(hi + first).time(),
        clock_to=(hi + second).time(),
    )


def _at(utc: dt.datetime, tz: zoneinfo.ZoneInfo) -> dt.timedelta | None:
    return utc.replace(tzinfo=dt.UTC).astimezone(tz).utcoffset()


def first(moment: dt.datetime, zone: str) -> dt.datetime:
    """``moment`` (a wall time) in ``zone``, the first of two where the hour repeats."""
    return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=0)
