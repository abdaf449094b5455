"""``schedule: FILE`` in event.yaml → sessions, from where the schedule lives.

| file | read as |
|---|---|
| ``.xml`` | frab / pretalx ``schedule.xml`` (``xml``) |
| ``.json`` | pretalx / c3voc ``schedule.json`` (``json``) |
| ``.ics`` | iCalendar, as calendar programs export it (``ics``) |
| ``.csv``, ``.xlsx`` | a spreadsheet, one session per row (``sheet``) |

Times are read in the schedule's zone and turned into the event's local time (``timezone:``
in event.yaml; without it, the schedule's own zone); a time without an offset is the
schedule's own zone's, else the event's; a schedule in another zone than the event's is
converted, with a note saying what was done (``times``). Each entry's text is cleaned and its address held to the
QR code rule as event.yaml's are (``checked``, located in the file); then each session is
checked with the ones in event.yaml: the same clash checks, and a session given in both
(same title, day and start) is a duplicate, printed once, with a warning. A schedule file may be at most ``MAX_FILE_BYTES``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from printkit.errors import InputError, InputWarning, Location, shown
from printkit.model.kinds import Track
from printkit.read.fields import fail, scalar_text
from printkit.read.kinds import Conference, known_zone
from printkit.read.paths import PathProblem, find_file, named_beside
from printkit.read.schedule.checked import checked, checked_tracks
from printkit.read.schedule.entry import written
from printkit.read.schedule.found import Found
from printkit.read.schedule.times import Clock, note, placed
from printkit.read.schedule.uids import distinct
from printkit.read.source import Node, read_bytes, read_text
from printkit.read.timetable import Written

#: A festival's schedule with abstracts runs to some 10 MB of XML or JSON; four times that
#: is not a schedule.
MAX_FILE_BYTES = 40 * 1024 * 1024
SUFFIXES = (".xml", ".json", ".ics", ".csv", ".xlsx")
#: a format's own reading of a wall time its zone repeats (the first, as printkit reads any)
RULES = {".ics": "as RFC 5545 says"}
#: the formats whose times may carry an offset (iCalendar's floating times are its own choice)
OFFSETS = (".json", ".xml")


@dataclass(frozen=True)
class Schedule:
    sessions: tuple[Written, ...]
    zone: str | None  # the zone the sessions' times are local to
    tracks: tuple[Track, ...]  # the file's tracks that event.yaml does not list
    warnings: tuple[InputWarning, ...]
    file: Path | None = None


def read_schedule_section(
    node: Node, base: Path, programme: Conference, own: list[Written]
) -> Schedule:
    """``schedule: FILE``: the file's sessions that event.yaml does not already give."""
    name = scalar_text(node, "schedule", 1000)
    try:
        path = find_file(base, name, "schedule file", node.where, "schedule")
    except PathProblem as problem:
        raise fail(node, "schedule", problem.problem) from None
    if path.suffix.lower() not in SUFFIXES:
        raise fail(
            node,
            "schedule",
            f"{shown(name)}: a schedule is a frab/pretalx .xml or .json export, an iCalendar"
            " .ics file, or a .csv or .xlsx sheet",
        )
    schedule = read_schedule(path, named_beside(node.where, name), programme)
    kept, twice = duplicates(own, schedule.sessions)
    return replace(
        schedule, sessions=tuple(kept), warnings=schedule.warnings + tuple(twice), file=path
    )


def read_schedule(path: Path, display: str, programme: Conference) -> Schedule:
    """The file's sessions in the event's local time, in the file's order."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            Location(display),
            "",
            f"a schedule must be a {', '.join(SUFFIXES[:-1])} or {SUFFIXES[-1]} file",
        )
    found = _found(path, display, suffix)
    warnings: list[InputWarning] = list(found.warnings)
    own = found.zone
    if own is not None and not known_zone(own):
        raise InputError(found.where, "time_zone_name", f"{own!r} is not an IANA time zone")
    zone = programme.timezone or own
    clock = Clock(zone, own or programme.timezone, RULES.get(suffix, ""), suffix in OFFSETS)
    known = {t.key for t in programme.tracks}
    own_tracks = checked_tracks(found.tracks, found.where, warnings)
    tracks = tuple(t for t in own_tracks if t.key not in known)
    merged = Conference(programme.kinds, programme.tracks + tracks, zone)
    sessions, moved = [], []
    for entry in distinct(found.entries, warnings):  # one UID a session (``uids``)
        start, end, converted = placed(entry, clock, warnings)
        moved += [converted] if converted else []
        sessions.append(written(checked(entry, warnings), (start, end), merged, zone, warnings))
    if not sessions:
        raise InputError(Location(display), "", "holds no sessions; export the whole schedule")
    said = note(moved, found.where, clock, programme.timezone is not None)
    warnings[:0] = [said] if said else []
    return Schedule(tuple(sessions), zone, tracks, tuple(warnings))


def _found(path: Path, display: str, suffix: str) -> Found:
    if suffix in (".csv", ".xlsx"):
        from printkit.read.schedule import sheet

        return sheet.read(path, display)
    if suffix == ".xml":  # its declaration names its encoding
        from printkit.read.schedule import xml

        return xml.read(read_bytes(path, display, MAX_FILE_BYTES, "a schedule file"), display)
    source = read_text(path, display, MAX_FILE_BYTES, "a schedule file")
    if suffix == ".json":
        from printkit.read.schedule import json

        return json.read(source, display)
    from printkit.read.schedule import ics

    return ics.read(source, display)


def duplicates(
    own: list[Written], scheduled: tuple[Written, ...]
) -> tuple[list[Written], list[InputWarning]]:
    """The schedule's sessions not already in event.yaml (same title, day and start), and a
    warning for each one that is; and a session the file gives twice is refused."""
    key = _key
    given = {key(w): w for w in own}
    seen: dict[tuple, Written] = {}
    kept, warnings = [], []
    for w in scheduled:
        k = key(w)
        if k in seen:
            raise InputError(
                w.start,
                w.path,
                f"is in the schedule twice (also at {seen[k].start}); remove one of them",
            )
        seen[k] = w
        if k in given:
            warnings.append(
                InputWarning(
                    w.start,
                    w.path,
                    f"is also in event.yaml ({given[k].path}); printed once, as event.yaml"
                    " gives it",
                )
            )
            continue
        kept.append(w)
    return kept, warnings


def _key(w: Written) -> tuple:
    s = w.session
    return (" ".join(s.title.split()).casefold(), s.date, s.start, s.venue.key)
