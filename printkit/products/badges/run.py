"""A run of badges: every person's front (and back), imposed on sheets as they are set.

The pages come as a stream (``badge_stream``): a sheet's badges are set, its page made and
handed on to be drawn before the next sheet's are set, and the personal codes are encoded a
few chunks ahead (``layout.qr.encode_ahead``). A build of 100,000 badges holds one sheet of
them and a few thousand codes, not every badge and code of the run. ``layout_badges`` takes
the whole stream at once, for what reads every page (review, proof).

A badge that cannot be set stops the pages but not the setting: every other person's front
is still set, so the error names them all (``Unfit``), as it did when every badge was set
before the first was drawn; nothing is written in either case.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from printkit.errors import LayoutError, Location, Unfit
from printkit.layout.items import Document, Note, Page, Stream
from printkit.layout.mono import monochrome_page
from printkit.layout.qr import encode_ahead
from printkit.model.event import BadgeBack, Event, Person
from printkit.pipeline.people import payload_or_none
from printkit.products.badges.back import badge_back
from printkit.products.badges.design import BadgeType
from printkit.products.badges.duplex import (
    Pair,
    imposed,
    imposed_sheet,
    page_count,
    piece_size,
    start_problem,
)
from printkit.products.badges.front import PRODUCT, VCARD_LEVEL, badge, shortened
from printkit.typeset.fonts import Typeface


def layout_badges(event: Event, face: Typeface) -> Document:
    """Every badge's page, laid out at once, with the notes of every badge."""
    stream = badge_stream(event, face, notes=True)
    pages = tuple(stream.pages)
    notes = tuple(dict.fromkeys(stream.notes))  # once each, however many badges said it
    return replace(stream.document, pages=pages, notes=notes, count=None)


def badge_stream(event: Event, face: Typeface, *, notes: bool = False) -> Stream:
    """The badges' pages as a stream; with ``notes``, what each badge notes is kept (a
    build does not report them: ``printkit review`` does)."""
    design = BadgeType(piece_size(event.sheet.label, event.duplex, event.badge_back))
    people = event.badged
    if not people:
        raise LayoutError(
            PRODUCT,
            "no one is left to badge after the filters (--only); check them",
            where=Location("--only"),
        )
    sheet, _ = imposed_sheet(event)
    document = Document(
        pages=(),
        title=f"{event.title} – {event.labels['badges']}",
        author=event.organiser.name if event.organiser else "",
        subject=f"{len(people)} × {sheet.label.width:g} × {sheet.label.height:g} mm, {sheet.name}",
        count=page_count(event, len(people)),
    )
    kept: list[Note] | None = [] if notes else None
    return Stream(document, _pages(event, face, design, kept), [] if kept is None else kept)


def _pages(
    event: Event, face: Typeface, design: BadgeType, notes: list[Note] | None
) -> Iterator[Page]:
    """The sheets, each made once its badges are set; then, if a badge could not be set,
    ``Unfit`` naming everyone whose badge cannot be, else the first back that cannot be,
    else a wrong ``--start`` (the order a build raised them in when it set every badge
    before imposing the first sheet)."""
    people = event.badged
    shared: dict = {}  # what every badge (or every badge of a role) has in common, set once
    settings = event.badge.qr
    if settings is not None:  # the personal codes, encoded ahead (on every core)
        payloads = (payload_or_none(p, settings.template, settings.vcard) for p in people)
        level = VCARD_LEVEL if settings.vcard else "M"
        contents = (p for p in payloads if p is not None)
        shared["codes"] = encode_ahead(contents, level, len(people))
    failed: list[tuple[object, LayoutError]] = []  # every badge that cannot be set, not the first
    backs: list[LayoutError] = []  # the first back that cannot be set
    start = start_problem(event)

    def pairs() -> Iterator[Pair]:
        for person in people:
            try:
                front = badge(event, person, face, design, shared, notes=notes)
            except LayoutError as exc:  # at the name, if no check below names more closely
                failed.append(
                    (person, exc if exc.field or exc.where is not None else _at_name(exc, person))
                )
                continue
            if failed or backs:
                continue  # no more pages: the others are set only to be named if they fail
            back = None
            if event.badge_back is not BadgeBack.NONE:
                try:
                    back = badge_back(event, person, face, design)
                except LayoutError as exc:
                    backs.append(exc)
                    continue
            if start is None:
                yield front, back

    if start is None:
        for page in imposed(event, pairs()):
            yield monochrome_page(page) if event.badge.mono else page
    else:  # no sheet to put them on: every badge set all the same, for the errors above
        for _ in pairs():
            pass
    if "codes" in shared:
        shared["codes"].close()
    if failed:
        raise Unfit(failed)
    if backs:
        raise backs[0]
    if start is not None:
        raise start
    if shared.get("shortened") and notes is not None:
        notes.append(shortened(shared["shortened"]))


def _at_name(error: LayoutError, person: Person) -> LayoutError:
    """``error`` located at the person's name, as ``errors.about`` would locate it: the place
    is found only for a badge that fails, not beforehand for every person."""
    where, field = person.place("name")
    return error.located(where, field)
