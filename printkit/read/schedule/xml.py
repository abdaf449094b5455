"""frab / pretalx ``schedule.xml``: ``schedule > conference`` (``time_zone_name``, ``track``s),
then ``day > room > event`` with ``title``, ``subtitle``, ``type``, ``date``, ``start``,
``duration``, ``abstract``, ``track``, ``persons/person``, ``language`` and ``url``.

Decoded by the XML specification's rules (``xmltext``), then parsed with defusedxml's SAX
reader, which refuses entity declarations, external entities and DTD-driven expansion; each
element keeps the line and column of its start tag, so a problem is reported there (``schedule.xml:214:9: event 'Opening': duration '1:6o' is not …``).
"""

from __future__ import annotations

import datetime as dt
import io
import xml.sax
import xml.sax.xmlreader
from dataclasses import dataclass, field
from xml.sax.handler import ContentHandler

import defusedxml
import defusedxml.sax

from printkit.errors import InputError, Location
from printkit.model.kinds import Track
from printkit.read.schedule.entry import Entry, Named, duration, instant, text
from printkit.read.schedule.found import Found, hex_colour
from printkit.read.schedule.xmltext import xml_text

#: an element's text field, by the name messages give it, where the two differ
_FIELD = {"guid": "uid"}
#: elements a schedule may nest; deeper is not a schedule
MAX_DEPTH = 12


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    where: Location
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def child(self, tag: str) -> Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def value(self, tag: str) -> str | None:
        found = self.child(tag)
        return text(found.text) if found is not None else None

    def all(self, tag: str) -> list[Element]:
        return [c for c in self.children if c.tag == tag]


class _Builder(ContentHandler):
    def __init__(self, display: str) -> None:
        super().__init__()
        self.display = display
        self.stack: list[Element] = []
        self.root: Element | None = None
        self.locator = None

    def setDocumentLocator(self, locator) -> None:  # noqa: ANN001, N802 (SAX's name)
        self.locator = locator

    def _where(self) -> Location:
        if self.locator is None:
            return Location(self.display)
        return Location(
            self.display, self.locator.getLineNumber(), self.locator.getColumnNumber() + 1
        )

    def startElement(self, name: str, attrs) -> None:  # noqa: ANN001, N802
        element = Element(name, dict(attrs.items()), self._where())
        if len(self.stack) >= MAX_DEPTH:
            raise InputError(element.where, name, f"nested more than {MAX_DEPTH} levels deep")
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElement(self, name: str) -> None:  # noqa: N802
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


def parse(data: bytes, display: str) -> Element:
    """The file's root element; the text is decoded first (``xmltext``), so the parser
    reads characters and never applies the declared encoding a second time."""
    builder = _Builder(display)
    source = xml.sax.xmlreader.InputSource()
    source.setCharacterStream(io.StringIO(xml_text(data, display)))
    try:
        defusedxml.sax.parse(source, builder, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise InputError(
            builder._where(),
            "",
            "the file declares a DTD or entities (<!DOCTYPE …>), which a schedule export never"
            " needs and which can make a small file expand without end; export it again",
        ) from None
    except xml.sax.SAXParseException as exc:
        where = Location(display, exc.getLineNumber(), exc.getColumnNumber() + 1)
        raise InputError(where, "", f"not well-formed XML ({exc.getMessage()})") from None
    if builder.root is None or builder.root.tag != "schedule":
        tag = builder.root.tag if builder.root else "nothing"
        where = builder.root.where if builder.root else Location(display)
        raise InputError(
            where, "", f"the file holds <{tag}>, not a <schedule> (a frab or pretalx export)"
        )
    return builder.root


def read(data: bytes, display: str) -> Found:
    root = parse(data, display)
    conference = root.child("conference")
    zone = conference.value("time_zone_name") if conference is not None else None
    tracks = tuple(_tracks(conference)) if conference is not None else ()
    entries = [
        _entry(event, room, day)
        for day in root.all("day")
        for room in day.all("room")
        for event in room.all("event")
    ]
    title = conference.value("title") if conference is not None else None
    return Found(entries, zone, conference.where if conference else root.where, tracks, title)


def _tracks(conference: Element):  # noqa: ANN202
    for track in conference.all("track"):
        name = text(track.attrs.get("name")) or text(track.text)
        if name:
            yield Track(name, hex_colour(track.attrs.get("color")))


def _entry(event: Element, room: Element, day: Element) -> Entry:
    title = event.value("title")
    path = f"event {title!r}" if title else f"event at line {event.where.line}"
    if not title:
        raise InputError(event.where, path, "has no <title>; every session needs a title")
    start = _start(event, day, path)
    length_node = event.child("duration")
    if length_node is None or not length_node.text:
        raise InputError(event.where, path, "has no <duration> (HH:MM)")
    length = duration(length_node.text, length_node.where, path)
    room_name = event.value("room") or text(room.attrs.get("name"))
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
        subtitle=event.value("subtitle"),
        type=type_node.text if type_node is not None and type_node.text else None,
        type_where=type_node.where if type_node is not None else None,
        abstract=(event.child("abstract").text if event.child("abstract") else None),
        track=event.value("track"),
        language=event.value("language"),
        url=event.value("url"),
        uid=text(event.attrs.get("guid")) or text(event.attrs.get("id")),
        speakers=tuple(
            Named(name, p.where)
            for p in (persons.all("person") if persons is not None else [])
            if (name := text(p.text))
        ),
        places=_places(event, room),
    )


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
