"""A schedule's sessions checked against each other and against the event's dates.

Each session comes with where its facts stand in event.yaml (``Written``), so every finding
names file, line, column and field path. Clashes that make the printed programme wrong are
errors (``InputError``); what is merely doubtful comes back as ``InputWarning``s:

| finding | |
|---|---|
| a session's day outside the event's stated ``dates`` | error, at the session's date |
| two sessions in one venue at once (a break in every room, or in several, is in each) | error, at the later one's start |
| one person in two sessions at once (in two venues) | error, at the later mention |
| one person named twice in one session | warning, at the second mention: one badge |
| one person with two different titles or organisations | warning: the badge shows the first |
| one person due in another venue the minute a session ends | warning: no time to get there |

(A session that ends before it starts is an error of the session alone, found as it is read.)

Every check grows linearly with the schedule: sessions are compared only with the others in
their venue on their day, and people only across their own sessions (a festival of 3,000
sessions has 4.5 million pairs, but a few thousand that share a room or a person).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from printkit.errors import InputError, InputWarning, Location
from printkit.model.event import Person, Session
from printkit.read.fields import Fields
from printkit.read.source import Node


@dataclass(frozen=True)
class Mention:
    """A person as named in one session: the model, and where the name stands."""

    person: Person
    path: str  # "sessions[3].panelists[2].name"
    where: Location


@dataclass(frozen=True)
class Written:
    """A session and where its facts stand in the file."""

    session: Session
    path: str  # "sessions[3]"
    start: Location
    date: tuple[Location, str]  # the date's place and field path (the top level's, if inherited)
    people: tuple[Mention, ...]
    #: a schedule file's session: field path ("row 12.title") → where it is in that file,
    #: so that what is found later (a title too long for the grid) points there
    places: Mapping[str, Location] = field(default_factory=dict)

    @property
    def times(self) -> str:
        return f"{self.session.start:%H:%M}–{self.session.end:%H:%M}"

    @property
    def venue(self) -> str:
        venue = self.session.venue
        return venue.name + (f" ({venue.area})" if venue.area else "")


def mentions(fields: Fields, session: Session) -> tuple[Mention, ...]:
    """Where the session's speakers, panelists and moderator are named in ``fields``."""
    named: list[tuple[str, Node, Person]] = []
    for key, people in (("speakers", session.speakers), ("panelists", session.panelists)):
        listed = fields.get(key)
        if listed is not None:
            paths = [f"{fields.sub(key)}[{i}]" for i in range(1, len(listed.value) + 1)]
            named += zip(paths, listed.value, people, strict=True)
    moderator = fields.get("moderator")
    if moderator is not None and session.moderator is not None:
        named.append((fields.sub("moderator"), moderator, session.moderator))
    found = []
    for path, node, person in named:
        if node.kind == "mapping":
            path, node = f"{path}.name", node.value["name"]
        found.append(Mention(person, path, node.where))
    return tuple(found)


def check(sessions: Sequence[Written], dates: tuple[dt.date, dt.date] | None) -> list[InputWarning]:
    """Raise the first clash (see the module's table); return the warnings."""
    order = sorted(sessions, key=lambda w: (w.session.date, w.session.start, w.session.until))
    if dates is not None:
        _within(order, dates)
    _one_at_a_time(order)
    _in_one_place(order)
    twice = [warning for written in sessions for warning in _each_once(written)]
    return twice + _same_details(sessions) + _time_to_move(order)


def _within(order: Sequence[Written], dates: tuple[dt.date, dt.date]) -> None:
    first, last = dates
    for w in order:
        if not first <= w.session.date <= last:
            where, path = w.date
            raise InputError(
                where,
                path,
                f"{w.session.date.isoformat()} is outside the event's dates ({first.isoformat()}"
                f" to {last.isoformat()}); correct the date, or dates: from and to",
            )


def _overlap(a: Session, b: Session) -> bool:
    return a.date == b.date and a.since < b.until and b.since < a.until


def _one_at_a_time(order: Sequence[Written]) -> None:
    """Sweep each venue's day in time order: a session that starts before the latest end so
    far overlaps the session that ends then. The clash reported is the first in time."""
    rooms: dict[tuple[dt.date, tuple[str, str]], list[int]] = {}
    for index, w in enumerate(order):  # a break in several rooms is in each of them
        for venue in w.session.rooms or (w.session.venue,):
            rooms.setdefault((w.session.date, venue.key), []).append(index)
    breaks = [index for index, w in enumerate(order) if w.session.everywhere]
    for (day, _key), indices in rooms.items():  # a break in every room is in each of them
        indices += [i for i in breaks if order[i].session.date == day and i not in indices]
        indices.sort()
    clashes = []
    for indices in rooms.values():
        latest = indices[0]
        for index in indices[1:]:
            if order[index].session.since < order[latest].session.until:
                clashes.append((index, latest))
                break
            if order[index].session.until > order[latest].session.until:
                latest = index
    if clashes:
        index, earlier = min(clashes)
        a, b = order[earlier], order[index]
        raise InputError(
            b.start,
            f"{b.path}.start",
            f"overlaps {a.path} ({a.times}) in {a.venue} on {a.session.date.isoformat()};"
            " a venue holds one session at a time, so move one of them",
        )


def _each_once(w: Written) -> list[InputWarning]:
    seen: dict[str, Mention] = {}
    warnings = []
    for mention in w.people:
        earlier = seen.setdefault(mention.person.key, mention)
        if earlier is not mention:
            warnings.append(
                InputWarning(
                    mention.where,
                    mention.path,
                    f"{mention.person.name} is already in this session ({earlier.path}); one"
                    " badge is made (tell two people of one name apart, e.g. by an initial)",
                )
            )
    return warnings


def _pairs(order: Sequence[Written]) -> Iterator[tuple[Written, Mention, Written, Mention]]:
    """Every person named in two sessions: (earlier session, mention, later session, mention),
    the earlier sessions first. Each person's own sessions are paired, not every session."""
    sessions: dict[str, dict[int, Mention]] = {}
    for index, w in enumerate(order):
        for mention in w.people:
            sessions.setdefault(mention.person.key, {})[index] = mention
    pairs = [
        (i, j, mi, mj)
        for theirs in sessions.values()
        for (i, mi), (j, mj) in combinations(theirs.items(), 2)
    ]
    pairs.sort(key=lambda pair: (pair[0], pair[1], pair[3].path))
    for i, j, mi, mj in pairs:
        yield order[i], mi, order[j], mj


def _in_one_place(order: Sequence[Written]) -> None:
    for a, _, b, mention in _pairs(order):
        if _overlap(a.session, b.session):
            raise InputError(
                mention.where,
                mention.path,
                f"{mention.person.name} is also in {a.path} ({a.times}, {a.venue}) at the same"
                " time; nobody can be in two places at once, so change a time or a panel",
            )


def _details(person: Person) -> str:
    return ", ".join(part for part in (person.title, *person.organisations) if part)


def _same_details(sessions: Sequence[Written]) -> list[InputWarning]:
    """Warn where a person's name is spelled, or their affiliation given, unlike the first time."""
    first: dict[str, tuple[Written, Mention]] = {}
    detailed: dict[str, tuple[Written, Mention]] = {}
    warnings = []
    for w in sessions:
        for m in w.people:
            key = m.person.key
            w0, m0 = first.setdefault(key, (w, m))
            if m.person.name != m0.person.name:
                warnings.append(
                    InputWarning(
                        m.where,
                        m.path,
                        f"spelled {m0.person.name!r} at {m0.path}; the badge shows that spelling",
                    )
                )
            if not _details(m.person):
                continue
            wd, md = detailed.setdefault(key, (w, m))
            if _details(m.person) != _details(md.person):
                warnings.append(
                    InputWarning(
                        m.where,
                        m.path,
                        f"{m.person.name} is {_details(m.person)!r} here but"
                        f" {_details(md.person)!r} at {md.path}; the badge shows the first",
                    )
                )
    return warnings


def _time_to_move(order: Sequence[Written]) -> list[InputWarning]:
    warnings = []
    for a, _, b, mention in _pairs(order):
        same_room = a.session.venue.key == b.session.venue.key
        if (
            not same_room
            and a.session.date == b.session.date
            and a.session.until == b.session.since
        ):
            warnings.append(
                InputWarning(
                    mention.where,
                    mention.path,
                    f"{mention.person.name} leaves {a.path} in {a.venue} at {a.session.end:%H:%M}"
                    f" and is due here, in {b.venue}, at the same minute; allow time to get there",
                )
            )
    return warnings
