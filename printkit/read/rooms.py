"""A break over some of the rooms: ``venue: [Room 1, Room 2]``, a list of the programme's
rooms, each named as another session names it. Only a kind held in every room (a break) may
list rooms; a name that is no session's room is refused at its line. The schedule files
(pretalx, frab, ICS, a sheet) give one room a session, so only event.yaml lists them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from printkit.model.event import Venue
from printkit.model.kinds import Kind
from printkit.read.fields import Fields, as_list, fail, scalar_text
from printkit.read.kinds import session_kind
from printkit.read.source import Node
from printkit.read.timetable import Written

#: a session's venue while its listed rooms wait for the others' (``place_rooms``)
LISTED = Venue(name="")


@dataclass(frozen=True)
class Named:
    """A room as a break's list names it, and where."""

    name: str
    node: Node
    path: str


def listed_rooms(fields: Fields, kinds: dict[str, Kind]) -> tuple[Named, ...]:
    """The rooms a session's ``venue:`` lists, or () when it names one venue (or none)."""
    node = fields.get("venue")
    if node is None or node.kind != "list":
        return ()
    path = fields.sub("venue")
    kind = session_kind(fields, kinds, False)
    if not kinds[kind].all_rooms:
        raise fail(
            node,
            path,
            f"lists rooms, which only a break may do (a {kind} is in one room); name its room",
        )
    items = as_list(node, path, "rooms")
    if not items:
        raise fail(node, path, "is an empty list; name the break's rooms, or leave venue out")
    return tuple(
        Named(scalar_text(item, f"{path}[{i}]", 200), item, f"{path}[{i}]")
        for i, item in enumerate(items, 1)
    )


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def place_rooms(written: list[Written], lists: dict[int, tuple[Named, ...]]) -> list[Written]:
    """Each listed break (``lists``: by its index in ``written``) in the rooms it names,
    found among the other sessions' venues by name or by name and area ("Hall (A)")."""
    if not lists:
        return written
    known: dict[str, Venue] = {}
    for w in written:
        venue = w.session.venue
        if not w.session.everywhere and not w.session.rooms:
            known.setdefault(_words(venue.name), venue)
            if venue.area:
                known.setdefault(_words(f"{venue.name} ({venue.area})"), venue)
    choices = ", ".join(dict.fromkeys(v.name for v in known.values()))
    placed = list(written)
    for index, names in lists.items():
        rooms: dict[tuple[str, str], Venue] = {}
        for named in names:
            venue = known.get(_words(named.name))
            if venue is None:
                raise fail(
                    named.node,
                    named.path,
                    f"{named.name!r} is no session's room; name one of: {choices}",
                )
            if venue.key in rooms:
                raise fail(named.node, named.path, f"names {named.name!r} twice; name it once")
            rooms[venue.key] = venue
        words = ", ".join(v.name + (f" ({v.area})" if v.area else "") for v in rooms.values())
        session = replace(
            written[index].session, venue=Venue(name=words), rooms=tuple(rooms.values())
        )
        placed[index] = replace(written[index], session=session)
    return placed
