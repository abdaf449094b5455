"""frab / pretalx ``schedule.xml``: ``schedule > conference`` (``time_zone_name``, ``track``s),
then ``day > room > event`` with ``title``, ``subtitle``, ``type``, ``date``, ``start``,
``duration``, ``abstract``, ``track``, ``persons/person``, ``language`` and ``url``.

Decoded by the XML specification's rules (``xmltext``), then parsed with defusedxml's SAX
reader, which refuses entity declarations, external entities and DTD-driven expansion; each
element keeps the line and column of its start tag, so a problem is reported there (``schedule.xml:214:9: event 'Opening': duration '1:6o' is not …``).
"""

from __future__ import annotations

import datetime as dt

from printkit.errors import InputError, Location
from printkit.model.kinds import Track
from printkit.read.schedule.entry import Entry, Named, duration, instant, text
from printkit.read.schedule.found import Found, hex_colour
from printkit.read.schedule.xmltext import xml_text
from printkit.read.xmltree import Element
from printkit.read.xmltree import parse as parse_xml

#: an element's text field, by the name messages give it, where the two differ
_FIELD = {"guid": "uid"}
REFUSED = (
    "the file declares a DTD or entities (<!DOCTYPE …>), which a schedule export never"
    " needs and which can make a small file expand without end; export it again"
)
#: an event's elements that are read, each of which it may give once
_ONCE = ("title", "subtitle", "type", "date", "start", "duration", "abstract", "track")
_ONCE += ("language", "url", "room", "persons")


def _value(element: Element, tag: str) -> str | None:
    found = element.child(tag)
    return text(found.text) if found is not None else None


def parse(data: bytes, display: str) -> Element:
    """The file's root element; the text is decoded first (``xmltext``)."""
    root = parse_xml(xml_text(data, display), display, REFUSED)
    if root.tag != "schedule":
        raise InputError(
            root.where,
            "",
            f"the file holds <{root.tag}>, not a <schedule> (a frab or pretalx export)",
        )
    return root


def once(element: Element, tags: tuple[str, ...], path: str) -> None:
    """Refuse a second of each of ``tags`` in ``element``: the schedule's XSD allows one,
    and reading only the first lost the other without a word."""
    for tag in tags:
        found = element.all(tag)
        if len(found) > 1:
            raise InputError(
                found[1].where,
                path,
                f"<{tag}> is given twice (first at line {found[0].where.line}); an"
                f" <{element.tag}> has one, so merge them or remove one",
            )


def read(data: bytes, display: str) -> Found:
    root = parse(data, display)
    conference = root.child("conference")
    if conference is not None:
        once(conference, ("title", "time_zone_name"), "conference")
    _in_place(root, ("schedule",))
    zone = _value(conference, "time_zone_name") if conference is not None else None
    tracks = tuple(_tracks(conference)) if conference is not None else ()
    entries = [
        _entry(event, room, day)
        for day in root.all("day")
        for room in day.all("room")
        for event in room.all("event")
    ]
    title = _value(conference, "title") if conference is not None else None
    return Found(entries, zone, conference.where if conference else root.where, tracks, title)


#: where an element that holds sessions or people belongs: the tags above it
_PLACE = {
    "event": ("schedule", "day", "room"),
    "person": ("schedule", "day", "room", "event", "persons"),
}
#: where a <room> may stand: a day's room, or an event's own <room>name</room>
_ROOMS = (("schedule", "day"), ("schedule", "day", "room", "event"))


def _in_place(element: Element, above: tuple[str, ...]) -> None:
    """Refuse an <event> anywhere but schedule > day > room, a <person> outside an event's
    <persons> and a <room> holding elements outside a <day>: only those places are read, and
    one elsewhere was left out of the programme without a word."""
    for child in element.children:
        want = _PLACE.get(child.tag)
        inside = " > ".join(above)
        if want is not None and above != want:
            name = _value(child, "title") if child.tag == "event" else text(child.text)
            raise InputError(
                child.where,
                f"{child.tag} {name!r}" if name else f"{child.tag} at line {child.where.line}",
                f"stands inside {inside}, where no {child.tag} is read; move it to"
                f" {' > '.join(want)} > {child.tag}",
            )
        if child.tag == "room" and child.children and above not in _ROOMS:
            name = text(child.attrs.get("name"))
            raise InputError(
                child.where,
                f"room {name!r}" if name else f"room at line {child.where.line}",
                f"stands inside {inside}, not a <day>, so its events have no day; move it into"
                ' the <day date="YYYY-MM-DD"> it belongs to',
            )
        _in_place(child, (*above, child.tag))


def _tracks(conference: Element):  # noqa: ANN202
    for track in conference.all("track"):
        name = text(track.attrs.get("name")) or text(track.text)
        if name:
            yield Track(name, hex_colour(track.attrs.get("color")))


def _entry(event: Element, room: Element, day: Element) -> Entry:
    title = _value(event, "title")
    path = f"event {title!r}" if title else f"event at line {event.where.line}"
    once(event, _ONCE, path)
    if not title:
        raise InputError(event.where, path, "has no <title>; every session needs a title")
    start = _start(event, day, path)
    length_node = event.child("duration")
    if length_node is None or not length_node.text:
        raise InputError(event.where, path, "has no <duration> (HH:MM)")
    length = duration(length_node.text, length_node.where, path, day_form=True)
    room_name = _value(event, "room") or text(room.attrs.get("name"))
    if not room_name:
        raise InputError(event.where, path, "has no <room>; say where it takes place")
    persons = event.child("persons")
    type_node = event.child("type")
    return Entry(
        path=path,
        where=event.where,
        title=title,
        start=start,
        end=length,
        room=room_name,
        subtitle=_value(event, "subtitle"),
        type=type_node.text if type_node is not None and type_node.text else None,
        type_where=type_node.where if type_node is not None else None,
        abstract=(event.child("abstract").text if event.child("abstract") else None),
        track=_value(event, "track"),
        language=_value(event, "language"),
        url=_value(event, "url"),
        uid=text(event.attrs.get("guid")) or text(event.attrs.get("id")),
        speakers=tuple(_person(p, path) for p in (persons.all("person") if persons else ())),
        places=_places(event, room),
    )


def _person(person: Element, path: str) -> Named:
    """A <person> by its name; one with none (``<person>  </person>``) is refused: it would
    be a speaker no programme or badge can name."""
    name = text(person.text)
    if not name:
        raise InputError(
            person.where,
            path,
            "a <person> has no name; write the person's name in it, or remove the <person>",
        )
    return Named(name, person.where)


def _places(event: Element, room: Element) -> dict[str, Location]:
    """Where each text field's element starts (the room, at its <room name=…> when not the
    event's own)."""
    places = {"room": room.where, "uid": event.where}
    for child in event.children:
        places.setdefault(_FIELD.get(child.tag, child.tag), child.where)
    return places


def _start(event: Element, day: Element, path: str) -> dt.datetime:
    """``<date>`` (ISO with its offset) when given; else the day's date and ``<start>``."""
    date = event.child("date")
    if date is not None and date.text:
        return instant(date.text, date.where, path)
    start = event.child("start")
    day_date = text(day.attrs.get("date"))
    if start is None or not start.text or not day_date:
        raise InputError(event.where, path, "has no <date>, nor a <start> in a dated <day>")
    return instant(f"{day_date}T{start.text}", start.where, path, "start")
