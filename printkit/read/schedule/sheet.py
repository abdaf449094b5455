"""A schedule kept in a spreadsheet (``.csv`` or ``.xlsx``), read as attendee lists are
(``printkit.read.table``: encodings, delimiters, the header row): one session per row, the
columns told by their headers (English, Danish, German; case and punctuation ignored):

date, start, end or duration, room, title, subtitle, kind, speakers (separated as ``people``
says), moderator, track, abstract, url and language. Problems name the row and the column
(``schedule.csv:14:3: row 12, column 'start': …``). The header row again is left out, and a
spreadsheet's error value (``#N/A``) is what it is in an attendee list (``notdata``): it
refuses the row in a field that places the session or names its people, else it is read as
empty, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from printkit.errors import InputError, Location
from printkit.read.attendees import header_key
from printkit.read.notdata import header_again, repeats_header, without_errors
from printkit.read.notices import warn
from printkit.read.schedule.entry import YEARS, Entry, Named, duration, text
from printkit.read.schedule.found import Found
from printkit.read.table import Row, Table, read_table

ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "dato", "dag", "datum", "tag"),
    "start": ("start", "starts", "begin", "from", "start time", "fra", "beginn", "von"),
    "end": ("end", "ends", "finish", "to", "end time", "slut", "til", "ende", "bis"),
    "duration": ("duration", "length", "varighed", "dauer"),
    "room": ("room", "venue", "location", "stage", "lokale", "sal", "sted", "raum", "ort"),
    "title": ("title", "session", "talk", "titel", "emne"),
    "subtitle": ("subtitle", "undertitel", "untertitel"),
    "kind": ("kind", "type", "format", "session type", "slags", "art", "typ"),
    "speakers": (
        "speakers",
        "speaker",
        "persons",
        "talere",
        "taler",
        "oplægsholdere",
        "sprecher",
        "referenten",
        "panel",
        "panelists",
    ),
    "moderator": ("moderator", "chair", "host", "ordstyrer", "moderation"),
    "track": ("track", "spor", "theme", "tema"),
    "abstract": ("abstract", "description", "beskrivelse", "beschreibung", "text"),
    "url": ("url", "link", "web", "page"),
    "language": ("language", "sprog", "sprache", "lang"),
}
REQUIRED = ("date", "start", "room", "title")
#: the fields an error value may not blank: they place the session, or give its badges
ESSENTIAL = {
    "date": "a date",
    "start": "a start time",
    "end": "an end time",
    "duration": "a duration",
    "room": "a room",
    "title": "a title",
    "kind": "a kind",
    "speakers": "the speakers' names",
    "moderator": "a moderator's name",
}
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*$")


def columns(header: tuple[str, ...]) -> dict[str, int]:
    """Which column holds which field: the first header that names it."""
    keys = {field: {header_key(a) for a in names} for field, names in ALIASES.items()}
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = header_key(name)
        for field, names in keys.items():
            if key in names and field not in found:
                found[field] = index
                break
    return found


def read(path: Path, display: str) -> Found:
    table = read_table(path, display)
    found = columns(table.header)
    header_at = Location(table.file, table.header_line)
    missing = [f for f in REQUIRED if f not in found]
    if "end" not in found and "duration" not in found:
        missing.append("end or duration")
    if missing:
        raise InputError(
            header_at,
            "header",
            f"no column for {', '.join(missing)} (the header reads"
            f" {', '.join(h for h in table.header if h)}); name the columns date, start,"
            " end, room, title, speakers",
        )
    fields = {index: field for field, index in found.items()}
    entries = []
    for row in table.rows:
        if row.blank:
            continue
        if repeats_header(row, table.header):
            warn(header_again(table, row, "a session"))
            continue
        cells = without_errors(table, row, row.cells, fields, ESSENTIAL, "the schedule")
        entries.append(_entry(table, replace(row, cells=cells), found))
    return Found(entries, None, header_at)


def _entry(table: Table, row: Row, found: dict[str, int]) -> Entry:
    def cell(field: str) -> str:
        index = found.get(field)
        return row.cells[index] if index is not None and index < len(row.cells) else ""

    def fail(field: str, problem: str) -> InputError:
        index = found[field]
        return InputError(table.at(row, index), table.cell(row, index), problem)

    title = text(cell("title"))
    if not title:
        raise fail("title", "empty; every session needs a title")
    day = _date(cell("date"), fail)
    start = dt.datetime.combine(day, _time(cell("start"), "start", fail))
    if "end" in found and cell("end"):
        end = dt.datetime.combine(day, _time(cell("end"), "end", fail))
        if end.time() == dt.time() and start.time() != dt.time():
            end += dt.timedelta(days=1)  # 00:00 (or 24:00) after a start: midnight
        if end <= start:
            raise fail("end", f"the session ends ({end:%H:%M}) before it starts ({start:%H:%M})")
    elif "duration" in found and cell("duration"):
        index = found["duration"]
        at, named = table.at(row, index), table.cell(row, index)
        end = duration(cell("duration"), at, named, day_form=False)  # a time cell: HH:MM:SS
    else:
        raise fail("end" if "end" in found else "duration", "empty; give the end or duration")
    room = text(cell("room")) or ""  # none: a break in every room, or refused (``written``)
    where = table.at(row, found.get("speakers", found["title"]))
    speakers = tuple(Named(n, where) for n in people(cell("speakers")))
    moderator = text(cell("moderator"))
    return Entry(
        path=f"row {row.number}",
        where=table.at(row, found["start"]),
        title=title,
        start=start,
        end=end,
        room=room,
        no_room=None if room else fail("room", "empty; say where the session takes place"),
        subtitle=text(cell("subtitle")),
        type=text(cell("kind")),
        type_where=table.at(row, found["kind"]) if "kind" in found else None,
        abstract=cell("abstract") or None,
        track=text(cell("track")),
        language=text(cell("language")),
        url=text(cell("url")),
        speakers=speakers,
        moderator=Named(moderator, table.at(row, found["moderator"])) if moderator else None,
        places={
            name: table.at(row, found[column])
            for name, column in _PLACES.items()
            if column in found
        },
    )


def people(cell: str) -> list[str]:
    """The names in a speakers cell: separated by ``;`` when it holds one; else by commas
    only when every part has two words or more ("Ann Lee, Bo Ek" is two people, "Smith,
    John" is one, written surname first)."""
    if ";" in cell:
        parts = cell.split(";")
    else:
        parts = cell.split(",")
        if not all(len(part.split()) >= 2 for part in parts if part.strip()):
            parts = [cell]
    return [name for part in parts if (name := text(part))]


#: an entry's text field → the column that gives it
_PLACES = {
    **{c: c for c in ("title", "subtitle", "abstract", "track", "language", "url", "room")},
    "end": "end",
    "type": "kind",
}


def _date(value: str, fail) -> dt.date:  # noqa: ANN001
    try:
        day = dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise fail("date", f"{value!r} is not a date; write it as YYYY-MM-DD") from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise fail(
            "date",
            f"{day.isoformat()} is not in the years {YEARS[0]} to {YEARS[1]}; check the year",
        )
    return day


def _time(value: str, field: str, fail) -> dt.time:  # noqa: ANN001
    match = _TIME.match(value.split(" ")[-1] if " " in value.strip() else value)
    if field == "end" and match is not None and match.group(1, 2) == ("24", "00"):
        return dt.time()  # the day's end, as a timetable writes it
    parts = [int(g or 0) for g in match.groups()] if match is not None else [24]
    if parts[0] > 23 or max(parts[1:], default=0) > 59:  # minutes, seconds
        raise fail(field, f"{value!r} is not a time of day; write it as HH:MM")
    return dt.time(int(match.group(1)), int(match.group(2)))
