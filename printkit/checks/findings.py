"""What an organiser should hear about an event before printing it, each finding located.

A finding prints as load's errors do, ``event.yaml:64:11: panelists[1].name: …``, so an
editor can jump to the line. The checks read the loaded event and its laid-out documents
(``Document.notes``, the QR codes); they never fail a build, they inform it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from printkit.errors import Location
from printkit.layout.items import QR, Document, Group, Item, field_path
from printkit.layout.qr import MIN_MODULE
from printkit.model.event import BadgeBack, Duplex, Event, Person
from printkit.pipeline.people import origin_parts
from printkit.products.tent import POSTER_QR_MIN, TENT_QR_MIN


@dataclass(frozen=True)
class Finding:
    """Located like an ``InputError``, but the build goes on."""

    where: Location | None
    field: str
    problem: str

    def message(self) -> str:
        where = f"{self.where}: " if self.where is not None else ""
        return f"{where}{self.field}: {self.problem}"


def at(event: Event, path: str, problem: str) -> Finding:
    return Finding(event.where(path), path, problem)


def examine(event: Event, documents: Mapping[str, Document], today: dt.date) -> list[Finding]:
    """Every finding, in the order of the event file's lines, each once."""
    found = [  # names given twice or two ways: the timetable's checks say so at load
        *unaffiliated(event),
        *capitals(event),
        *past(event, today),
        *shrunk(event, documents),
        *small_qr(event, documents),
    ]
    return sorted(dict.fromkeys(found), key=_order)


def _order(finding: Finding) -> tuple[int, int]:
    where = finding.where
    if where is None or where.line is None:
        return (1 << 30, 0)
    return (where.line, where.column or 0)


def _line(event: Event, person: Person) -> str:
    where = event.where(field_path(person.path, "name"))
    return f", line {where.line}" if where is not None and where.line is not None else ""


# -- people -------------------------------------------------------------------------------


LISTED_ONE_BY_ONE = 5  # more listed people than this with one finding: one summary line


def unaffiliated(event: Event) -> Iterator[Finding]:
    """A badge with nothing under the name, or only a title."""

    def problem(person: Person) -> str | None:
        if person.organisations:
            return None
        if person.title:
            return f"{person.name!r} has no organisation; the badge shows only the title"
        return f"{person.name!r} has no title or organisation; the badge shows the name alone"

    yield from _per_person(event, "organisations", problem, "have no organisation")


def capitals(event: Event) -> Iterator[Finding]:
    """A name in capitals or small letters, as registration exports often have them."""

    def problem(person: Person) -> str | None:
        name = person.name
        if sum(c.isalpha() for c in name) < 4 or not (name.isupper() or name.islower()):
            return None
        case = "capitals" if name.isupper() else "small letters"
        return (
            f"{name!r} is written in {case}; badges print a name as written, so write it as"
            " the person does"
        )

    yield from _per_person(event, "name", problem, "are written in capitals or small letters")


def _per_person(event: Event, field: str, problem, summary: str) -> Iterator[Finding]:
    """A finding per person of the event file, at their line; for the attendee list, at the
    row, or one line for the lot when there are many (800 badges, 800 warnings helps no one)."""
    listed: list[tuple[Person, str]] = []
    for person in event.people:
        text = problem(person)
        if text is None:
            continue
        if person.origin is None:
            yield at(event, field_path(person.path, field), text)
        else:
            listed.append((person, text))
    if len(listed) <= LISTED_ONE_BY_ONE:
        for person, text in listed:
            file, line, row = origin_parts(person.origin)
            yield Finding(Location(file, line), f"row {row}, {field}", text)
        return
    file, line, _ = origin_parts(listed[0][0].origin)
    rows = ", ".join(str(origin_parts(p.origin)[2]) for p, _ in listed[:8])
    more = f" and {len(listed) - 8} more" if len(listed) > 8 else ""
    yield Finding(
        Location(file, line), field, f"{len(listed)} listed people {summary} (rows {rows}{more})"
    )


# -- dates --------------------------------------------------------------------------------


def past(event: Event, today: dt.date) -> Iterator[Finding]:
    for session in event.sessions:
        if session.date < today:
            yield at(
                event,
                field_path(session.path, "date"),
                f"{session.date.isoformat()} is in the past (today is {today.isoformat()});"
                " is this an earlier event's file?",
            )


# -- what the layouts did -------------------------------------------------------------------


def shrunk(event: Event, documents: Mapping[str, Document]) -> Iterator[Finding]:
    for document in documents.values():
        for note in document.notes:
            yield at(event, note.field, note.text)


@dataclass(frozen=True)
class Reading:
    """How far away a product's QR code is read, and what that asks of it (PRINT.md: the
    symbol about a tenth of the distance; modules of 0.4 mm in the hand, about 1 mm at 1–2 m)."""

    on: str
    distance: str
    symbol: float  # mm, without the quiet zone
    module: float  # mm


READING = {
    "programme": Reading("the programme", "30 cm", 30.0, MIN_MODULE),
    "badges": Reading("the badges' backs", "30 cm", 30.0, MIN_MODULE),
    "tent": Reading("the tent", "1 m", TENT_QR_MIN, 1.0),
    "poster": Reading("the poster", "2–3 m", POSTER_QR_MIN, 1.5),
    # a festival's door posters list the day's sessions, read as one walks up: about 1 m
    "posters": Reading("the venue posters", "1 m", TENT_QR_MIN, 1.0),
}
#: "about a tenth": a code 5 % under the figure still reads comfortably
SLACK = 0.95


def small_qr(event: Event, documents: Mapping[str, Document]) -> Iterator[Finding]:
    """The smallest QR code of each product against the distance it is read from."""
    for product, document in documents.items():
        codes = [item for page in document.pages for item in _codes(page.items)]
        if not codes:
            continue
        reading = READING[{"tents": "tent"}.get(product, product)]
        if product == "badges" and event.badge.qr is not None:  # personal codes, on the fronts
            reading = Reading("the badges", "30 cm", 30.0, MIN_MODULE)
        code = min(codes, key=lambda qr: qr.rect.width)
        symbol = code.rect.width * code.matrix.modules / code.matrix.modules_with_quiet_zone
        if symbol < reading.symbol * SLACK:
            yield at(
                event,
                ("badges.qr" if event.badge.qr else _setting(event))
                if product == "badges"
                else "url",
                f"the QR code on {reading.on} is {symbol:.1f} mm wide; read from"
                f" {reading.distance}, a code wants about {reading.symbol:g} mm"
                + (_larger(event) if product == "badges" else ""),
            )
        if round(code.module, 2) < reading.module:  # as shown: 0.3996 mm reads as 0.40
            yield at(
                event,
                "url",
                f"the QR code on {reading.on} has modules of {code.module:.2f} mm; read from"
                f" {reading.distance}, they should be at least {reading.module:g} mm: a shorter"
                " address makes fewer, larger modules",
            )


def _setting(event: Event) -> str:
    """The setting that put a QR code on the badges: their backs, or folding them."""
    return "badges.duplex" if event.duplex is Duplex.FOLD else "badges.back"


def _larger(event: Event) -> str:
    """How to make the code on a badge's back larger."""
    if event.duplex is Duplex.FOLD:
        return "; a folded badge halves its room: duplex: long-edge makes it larger"
    if event.badge_back is BadgeBack.INFO:
        return "; back: qr, or a larger badge, makes it larger"
    return "; a larger badge makes it larger"


def _codes(items: Iterable[Item]) -> Iterator[QR]:
    for item in items:
        if isinstance(item, QR):
            yield item
        elif isinstance(item, Group):
            yield from _codes(item.items)
