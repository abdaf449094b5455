"""What an organiser should hear about an event before printing it, each finding located.

A finding prints as load's errors do, ``event.yaml:64:11: panelists[1].name: …``, so an
editor can jump to the line. The checks read the loaded event and its laid-out documents
(``Document.notes``, the QR codes); they never fail a build, they inform it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from printkit.errors import InputWarning
from printkit.layout.items import QR, Document, Group, Item, field_path
from printkit.model.event import Event, Person
from printkit.pipeline import products as registry

Finding = InputWarning  # a finding is a warning: located, and the build goes on


def at(event: Event, path: str, problem: str) -> Finding:
    return Finding(event.where(path), path, problem)


def examine(event: Event, documents: Mapping[str, Document], today: dt.date) -> list[Finding]:
    """Every finding, in the order of the event file's lines, each once."""
    laid_out = registry.outputs(registry.names(), event)
    found = [  # names given twice or two ways: the timetable's checks say so at load
        *(
            finding
            for stem, (product, _) in laid_out.items()
            if stem in documents
            for finding in product.checks(event, documents[stem])
        ),
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
            yield Finding(person.origin.where, f"row {person.origin.row}, {field}", text)
        return
    first = listed[0][0].origin
    rows = ", ".join(str(p.origin.row) for p, _ in listed[:8])
    more = f" and {len(listed) - 8} more" if len(listed) > 8 else ""
    yield Finding(first.where, field, f"{len(listed)} listed people {summary} (rows {rows}{more})")


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
            yield Finding(event.place(note.where, note.field), note.field, note.text)


#: "about a tenth": a code 5 % under the figure still reads comfortably
SLACK = 0.95


def small_qr(event: Event, documents: Mapping[str, Document]) -> Iterator[Finding]:
    """The smallest QR code of each file against the distance it is read from (the
    product registry's ``Output.reading``)."""
    for stem, (_, output) in registry.outputs(registry.names(), event).items():
        document = documents.get(stem)
        codes = [item for page in document.pages for item in _codes(page.items)] if document else []
        if not codes:
            continue
        reading = output.reading
        code = min(codes, key=lambda qr: qr.rect.width)
        symbol = code.rect.width * code.matrix.modules / code.matrix.modules_with_quiet_zone
        if symbol < reading.symbol * SLACK:
            yield at(
                event,
                reading.setting,
                f"the QR code on {reading.on} is {symbol:.1f} mm wide; read from"
                f" {reading.distance}, a code wants about {reading.symbol:g} mm{reading.hint}",
            )
        if round(code.module, 2) < reading.module:  # as shown: 0.3996 mm reads as 0.40
            yield at(
                event,
                "url",
                f"the QR code on {reading.on} has modules of {code.module:.2f} mm; read from"
                f" {reading.distance}, they should be at least {reading.module:g} mm: a shorter"
                " address makes fewer, larger modules",
            )


def _codes(items: Iterable[Item]) -> Iterator[QR]:
    for item in items:
        if isinstance(item, QR):
            yield item
        elif isinstance(item, Group):
            yield from _codes(item.items)
