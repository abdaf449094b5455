"""pretalx / c3voc ``schedule.json``: ``schedule.conference`` (``time_zone_name``, ``tracks``)
and ``days[].rooms{name: [event]}``, each event with ``date`` (ISO 8601 with its offset),
``duration``, ``title``, ``subtitle``, ``type``, ``track``, ``language``, ``abstract``,
``url``, ``guid`` and ``persons[{name}]`` (pretalx also writes ``public_name``)."""

from __future__ import annotations

from printkit.errors import InputError
from printkit.model.kinds import Track
from printkit.read.schedule.entry import Entry, Named, duration, instant, text
from printkit.read.schedule.found import Found, hex_colour
from printkit.read.schedule.jsontext import Value, parse


def read(source: str, display: str) -> Found:
    root = parse(source, display)
    schedule = root.get("schedule")
    conference = schedule.get("conference") if schedule is not None else None
    if conference is None or not isinstance(conference.data, dict):
        raise InputError(
            root.where,
            "schedule.conference",
            "missing; a pretalx or c3voc schedule.json has schedule.conference.days",
        )
    days = _list(conference, "days", "schedule.conference.days")
    entries, read = [], {id(conference)}
    for d, day in enumerate(days):
        rooms = day.get("rooms")
        if rooms is None or not isinstance(rooms.data, dict):
            raise InputError(day.where, f"days[{d}].rooms", "missing; list each room's events")
        for room in rooms.data:
            for event in _list(rooms, room, f"days[{d}].rooms[{room!r}]"):
                entries.append(_entry(event, room))
                read.add(id(event))
    _stray(root, "", read)
    tracks = tuple(
        Track(name, hex_colour(track.text("color")))
        for track in _list(conference, "tracks", "tracks", optional=True)
        if (name := text(track.text("name")))
    )
    zone = conference.text("time_zone_name")
    return Found(entries, zone, conference.where, tracks, text(conference.text("title")))


#: an entry's text field → the key that gives it
_PLACES = {
    key: key for key in ("title", "subtitle", "abstract", "track", "language", "url", "room")
} | {"type": "type", "uid": "guid"}


def _stray(value: Value, path: str, read: set[int]) -> None:
    """Refuse a session anywhere but ``days[].rooms{room: [event]}`` (an object with a title
    and a date, start or duration that was not read as an event): it would not be printed."""
    if isinstance(value.data, list):
        for i, item in enumerate(value.data):
            _stray(item, f"{path}[{i}]", read)
        return
    if not isinstance(value.data, dict):
        return
    if id(value) not in read and "title" in value.data and _SESSION & value.data.keys():
        title = text(value.text("title"))
        raise InputError(
            value.where,
            f"event {title!r}" if title else f"event at line {value.where.line}",
            f"stands at {path}, where no event is read; pretalx and c3voc list each day's"
            " events in schedule.conference.days[].rooms{room: [event]}: move it there",
        )
    for key, item in value.data.items():
        _stray(item, f"{path}.{key}" if path else key, read)


#: the keys that make an object with a title a session
_SESSION = {"date", "start", "duration"}


def _list(parent: Value, key: str, path: str, optional: bool = False) -> list[Value]:
    found = parent.get(key)
    if found is None and optional:
        return []
    if found is None or not isinstance(found.data, list):
        raise InputError(
            found.where if found else parent.where, path, "missing or not a list ([…])"
        )
    return found.data


def _entry(event: Value, room: str) -> Entry:
    if not isinstance(event.data, dict):
        raise InputError(event.where, "event", "is not an object ({…})")
    title = text(event.text("title"))
    path = f"event {title!r}" if title else f"event at line {event.where.line}"
    if not title:
        raise InputError(event.where, path, "has no title; every session needs one")
    start = _field(event, "date", path, "the start, ISO 8601 with its offset")
    begins = instant(start.data, start.where, path)
    length = _field(event, "duration", path, "HH:MM")
    persons = event.get("persons")
    people = persons.data if persons is not None and isinstance(persons.data, list) else []
    speakers = [_person(person, f"persons[{i}]", path) for i, person in enumerate(people)]
    kind = event.get("type")
    return Entry(
        path=path,
        where=event.where,
        title=title,
        start=begins,
        end=duration(length.data, length.where, path, day_form=True),
        room=text(event.text("room")) or text(room) or "",
        subtitle=text(event.text("subtitle")),
        type=text(event.text("type")),
        type_where=kind.where if kind is not None else None,
        abstract=event.text("abstract"),
        track=text(event.text("track")),
        language=text(event.text("language")),
        url=text(event.text("url")),
        uid=text(event.text("guid")) or text(event.text("id")),
        speakers=tuple(speakers),
        places={
            name: found.where
            for name, key in _PLACES.items()
            if (found := event.get(key) or event.get("id" if key == "guid" else key))
        },
    )


def _person(person: Value, at: str, path: str) -> Named:
    """A person by name (pretalx's ``public_name``, else ``name``; c3voc may give a bare
    string); one whose name is empty, or missing, is refused at the value: it would be a
    speaker no programme or badge can name."""
    if isinstance(person.data, str):
        name, where = text(person.data), person.where
    else:
        key = "public_name" if text(person.text("public_name")) else "name"
        name, given = text(person.text(key)), person.get(key)
        where = given.where if given is not None else person.where
    if not name:
        raise InputError(
            where, path, f"{at}: a person without a name; give their name, or remove them"
        )
    return Named(name, person.where)


def _field(event: Value, key: str, path: str, what: str) -> Value:
    found = event.get(key)
    if found is None or not isinstance(found.data, str) or not found.data.strip():
        where = found.where if found is not None else event.where
        raise InputError(where, path, f"{key}: missing or not text; give {what}")
    return found
