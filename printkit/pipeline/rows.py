"""Every row accounted for: the rows an attendee list gives that cannot be printed (unreadable
cells, a value the role map lacks, a badge whose text does not fit) are reported together,
one located line each; with ``--keep-going`` everyone else is printed and the left-out rows
go to ``rejected.csv`` as they were read, with a column saying why."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from printkit.errors import InputWarning, LayoutError, RowsRefused, Unfit, elide, printable
from printkit.layout.items import Document
from printkit.model.event import Person
from printkit.model.rows import Refusal, report_lines
from printkit.pipeline.prepare import Prepared, lay_out, locate, resolve_people
from printkit.pipeline.share import Away
from printkit.read.regular import open_regular

REJECTED = "rejected.csv"
WHY = "printkit: why left out"


def accounted(
    prepared: Prepared, products: Sequence[str], away: Away | None = None, *, stream: bool = False
) -> tuple[Prepared, tuple[Refusal, ...], dict[str, Document], list[InputWarning]]:
    """Lay out the products (but ``away``'s, which a second process lays out), gathering every
    row that cannot be printed; raise them all together (``RowsRefused``) unless
    ``event.keep_going``, which lays out the others. With ``stream``, when every row was read
    and none is to be left out, what can be laid out as it is drawn is (``lay_out``): a badge
    that cannot be set is then raised while drawing, as ``Unfit`` (``refusal`` says it)."""
    event = prepared.event
    refused = list(event.refused)
    documents = None
    own: set[str] = set()  # the event file's people whose badge cannot be set, by key
    stream = stream and not refused and not event.keep_going
    try:
        documents, warnings = lay_out(prepared, products, away, stream=stream)
    except Unfit as exc:
        refused += [_unfit(person, error, prepared) for person, error in exc.failures]
        own = {p.key for p, _ in exc.failures if isinstance(p, Person) and p.origin is None}
    if not refused:
        return prepared, (), documents, warnings
    if not event.keep_going:
        laid = len(refused) > len(event.refused)
        raise RowsRefused(report_lines(refused), exit_code=3 if laid else 2)
    if documents is None:
        gone = {r.origin for r in refused}
        event = replace(
            event, attendees=tuple(p for p in event.attendees if str(p.origin) not in gone)
        )
        event = resolve_people(event)  # the event file's own left out too: badges only
        badged = tuple(p for p in event.badged if p.origin is not None or p.key not in own)
        prepared = replace(prepared, event=replace(event, badged=badged))
        documents, warnings = lay_out(prepared, products)
    return prepared, tuple(refused), documents, warnings


def refusal(prepared: Prepared, unfit: Unfit) -> RowsRefused:
    """The badges a stream could not set, refused as ``accounted`` refuses them."""
    refused = [_unfit(person, error, prepared) for person, error in unfit.failures]
    return RowsRefused(report_lines(refused), exit_code=3)


def _unfit(person: object, error: LayoutError, prepared: Prepared) -> Refusal:
    """The refusal of one person's badge, located where the layout said it is (the cell of
    their row, or their field in the event file)."""
    assert isinstance(person, Person)
    located = locate(error, prepared.event, prepared.file)
    reason = f"{error.product}: {error.problem}"
    who = elide(printable(person.name), 40)
    origin = str(person.origin) if person.origin is not None else None
    row = person.extra
    if origin is None:  # no row to copy: the name, and where the event file has them
        reason, row = f"{located.message()} ({who})", (("Name", person.name),)
    return Refusal(located.message(), reason, row, origin, who)


def rejected_csv(refused: Sequence[Refusal]) -> bytes:
    """The left-out rows as they were read, under the list's header, with why (UTF-8 with a
    byte-order mark, so Excel opens it as UTF-8)."""
    listed = [r.row for r in refused if r.origin is not None]
    # every row of one list has its columns; only the event file's people: their names
    header = max(listed, key=len) if listed else (("Name", ""),)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*(h for h, _ in header), WHY])
    for refusal in refused:
        own = refusal.origin is None and listed  # under a list's header: the why names them
        cells = [] if own else [value for _, value in refusal.row]
        cells += [""] * (len(header) - len(cells))
        writer.writerow([*cells, refusal.reason])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def is_rejected_report(path: Path) -> bool:
    """Whether ``path`` is a rejected.csv an earlier ``--keep-going`` run wrote: a regular
    file whose header ends with the why column (never a file of the user's own)."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return False
        with open_regular(path) as file:
            first = file.readline(64 * 1024)
    except OSError:
        return False
    return first.decode("utf-8", "replace").lstrip("\ufeff").rstrip("\r\n").endswith(WHY)
