"""Every row accounted for: the rows an attendee list gives that cannot be printed (unreadable
cells, a value the role map lacks, a badge whose text does not fit) are reported together,
one located line each; with ``--keep-going`` everyone else is printed and the left-out rows
go to ``rejected.csv`` as they were read, with a column saying why."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import replace

from printkit.errors import LayoutError, RowsRefused, Unfit, elide, printable
from printkit.layout.items import Document
from printkit.model.event import Event, Person
from printkit.model.rows import Refusal, report_lines
from printkit.pipeline.people import origin_parts
from printkit.read.origins import Origins

REJECTED = "rejected.csv"
WHY = "printkit: why left out"

Prepare = Callable[[Event, Sequence[str], str], tuple[dict[str, Document], list[str]]]


def accounted(
    event: Event, products: Sequence[str], file: str, origins: Origins, prepare: Prepare
) -> tuple[Event, tuple[Refusal, ...], dict[str, Document], list[str]]:
    """Lay out the products, gathering every row that cannot be printed; raise them all
    together (``RowsRefused``) unless ``event.keep_going``, which lays out the others."""
    refused = list(event.refused)
    documents = None
    try:
        documents, warnings = prepare(event, products, file)
    except Unfit as exc:
        refused += [_unfit(person, error, origins, file) for person, error in exc.failures]
    except LayoutError as exc:  # located at the input that gave the text at fault
        raise origins.locate(exc, file) from None
    if not refused:
        return event, (), documents, warnings
    own = [r for r in refused if r.origin is None]  # the event file's people: no row to skip
    if not event.keep_going or own:
        laid = len(refused) > len(event.refused)
        raise RowsRefused(report_lines(own or refused), exit_code=3 if laid else 2)
    if documents is None:
        gone = {r.origin for r in refused}
        event = replace(event, attendees=tuple(p for p in event.attendees if p.origin not in gone))
        try:
            documents, warnings = prepare(event, products, file)
        except LayoutError as exc:
            raise origins.locate(exc, file) from None
    return event, tuple(refused), documents, warnings


def _unfit(person: object, error: LayoutError, origins: Origins, file: str) -> Refusal:
    """The refusal of one person's badge, located at the cell of their row that gave the
    text at fault (another row with the same text is not this one)."""
    assert isinstance(person, Person)
    located = None
    if person.origin is not None:
        row_file, line, _ = origin_parts(person.origin)
        own = Origins(o for o in origins if (o.where.file, o.where.line) == (row_file, line))
        if own.find(error.text, error.char) is not None:
            located = own.locate(error, file)
    located = located or origins.locate(error, file)
    reason = f"{error.product}: {error.problem}"
    who = elide(printable(person.name), 40)
    return Refusal(located.message(), reason, person.extra, person.origin, who)


def rejected_csv(refused: Sequence[Refusal]) -> bytes:
    """The left-out rows as they were read, under the list's header, with why (UTF-8 with a
    byte-order mark, so Excel opens it as UTF-8)."""
    header = max((r.row for r in refused), key=len)  # every row of one list has its columns
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*(h for h, _ in header), WHY])
    for refusal in refused:
        cells = [value for _, value in refusal.row]
        cells += [""] * (len(header) - len(cells))
        writer.writerow([*cells, refusal.reason])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
