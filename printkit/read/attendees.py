"""Attendee lists from registration exports (CSV or XLSX) → frozen ``Attendee`` records.

``read_attendees`` reads every row correctly or refuses with one located ``InputError``:

    people.csv:14:3: row 12, column 'E-mail': …

*line* is the physical line the row starts on in the file (a quoted line break in an earlier
cell moves it down; in a workbook it is the sheet row), *column* is the 1-based column of
the cell (1 = the first column, A in a spreadsheet), *row 12* is the 12th row under the
header, blank rows included. Problems with the header or the column mapping name ``header``
or ``columns.<field>`` instead.

Which column holds which field is ``printkit.read.columns``' business.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from printkit.errors import InputError, Location, RowsRefused, elide, printable
from printkit.model.rows import Refusal, report_lines
from printkit.read.columns import (
    ALIASES,
    FIELDS,
    ColumnMap,
    guess_columns,
    header_key,
    resolve_columns,
)
from printkit.read.exports import Standing, recognise, standing
from printkit.read.notdata import header_again, repeats_header, without_errors
from printkit.read.notices import warn
from printkit.read.pretix_json import pretix_table
from printkit.read.table import DELIMITER_NAMES, ENCODING_NAMES, Row, Table, read_table

MAX_ROWS = 20_000
#: Blank rows a list may have: a spreadsheet padded to its last formatted row has a few
#: thousand; millions are a file gone wrong, and reading them took minutes.
MAX_BLANK_ROWS = 100_000
MAX_VALUE = 300  # characters in one field; longer is a mistake (often a stray quote)
_CONTROL = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line breaks are fine


@dataclass(frozen=True)
class Origin:
    """Where a record came from: the file, the line its row starts on, its row number."""

    file: str
    line: int
    row: int

    @property
    def where(self) -> Location:
        return Location(self.file, self.line)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: row {self.row}"


@dataclass(frozen=True, kw_only=True)
class Attendee:
    """One person from the list. Text is stripped and NFC-normalised; empty cells are None.

    ``name`` is always set: the name column, or else first and last name joined by a space.
    Line breaks inside a cell are kept as read.
    """

    name: str
    first_name: str | None = None
    last_name: str | None = None
    organisation: str | None = None
    title: str | None = None
    role: str | None = None  # as written in the list; mapping it to a badge role is the caller's
    pronouns: str | None = None
    email: str | None = None
    ticket_id: str | None = None
    ticket_type: str | None = None  # pretix's Product, Eventbrite's Ticket Type
    status: str | None = None  # the order's status as written ("Paid", "storniert", …)
    language: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # every other column: (header, value), in order
    row: tuple[tuple[str, str], ...] = dataclasses.field(
        default=(), compare=False
    )  # every column, as read
    origin: Origin

    def values(self) -> dict[str, str]:
        """Every value by name, for templates such as ``https://t.example.org/{ticket_id}``:
        the fields, then each other column by its header; missing ones are ''."""
        result = {f: getattr(self, f) or "" for f in FIELDS}
        for header, value in self.extra:
            result.setdefault(header, value)
        return result


@dataclass(frozen=True)
class AttendeeList:
    """The attendees and the facts of how the file was read, to report."""

    attendees: tuple[Attendee, ...]
    file: str
    format: str  # "csv", "xlsx" or "json" (pretix's)
    encoding: str | None  # "utf-8", "utf-8-sig", "utf-16" or "cp1252"; None for a workbook
    delimiter: str | None  # ",", ";" or "\t"; None for a workbook
    sheet: str | None  # the worksheet read, for a workbook
    header: tuple[str, ...]
    columns: ColumnMap
    rows: int  # rows under the header, blank ones included
    blank_rows: int  # skipped; every other row is an attendee, refused or skipped by status
    header_rows: int = 0  # the header again (two exports pasted into one): skipped, warned
    refused: tuple[Refusal, ...] = ()  # rows that cannot be printed, each with why
    gone: int = 0  # cancelled, expired or refunded orders: no badge
    unpaid: int = 0  # pending orders left out by ``status: paid``
    export: str | None = None  # the registration system's export recognised, if any

    def __len__(self) -> int:
        return len(self.attendees)

    def __iter__(self) -> Iterator[Attendee]:
        return iter(self.attendees)

    def summary(self) -> str:
        """E.g. ``people.csv: 812 attendees (Windows-1252, semicolon-separated; 3 blank rows
        skipped)``."""
        if self.format == "xlsx":
            how = f"sheet {self.sheet!r}"
        elif self.format == "json":
            how = "JSON"
        else:
            encoding = ENCODING_NAMES.get(self.encoding or "", self.encoding)
            delimiter = DELIMITER_NAMES.get(self.delimiter or "", self.delimiter)
            how = f"{encoding}, {delimiter}-separated"
        if self.export:
            how = f"{self.export} export; {how}"
        if self.blank_rows:
            s = "" if self.blank_rows == 1 else "s"
            how += f"; {self.blank_rows} blank row{s} skipped"
        if self.header_rows:
            how += f"; {self.header_rows} repeated header row{_s(self.header_rows)} skipped"
        s = "" if len(self) == 1 else "s"
        skipped = ""
        if self.gone:
            skipped += f"; {self.gone} cancelled, expired or refunded order{_s(self.gone)} skipped"
        if self.unpaid:
            skipped += f"; {self.unpaid} unpaid order{_s(self.unpaid)} skipped (status: paid)"
        return f"{self.file}: {len(self)} attendee{s} ({how}){skipped}"


def _s(count: int) -> str:
    return "" if count == 1 else "s"


def read_attendees(
    path: Path,
    display: str | None = None,
    columns: Mapping[str, str | None] | None = None,
    max_rows: int = MAX_ROWS,
    paid_only: bool = False,
    strict: bool = True,
) -> AttendeeList:
    """Read an attendee list (CSV or XLSX) or raise a located ``InputError``.

    A problem with the file or its header is raised at once. Rows that cannot be printed are
    all gathered: ``strict`` raises them together (``RowsRefused``, one line each), else
    they are returned in ``refused``. Rows whose order was cancelled, expired or refunded are
    skipped and counted; so are pending ones when ``paid_only``.

    ``display`` is how the file is named in messages (default: the path). ``columns`` maps a
    field to a header, overriding the guess; ``None`` for a field means "this list has no
    such column" (e.g. ``{"title": None}`` when "Title" holds Mr/Ms). At most ``max_rows``
    attendees are read; more is an error, not a silent cut.
    """
    table = read_table(path, display, pretix_table)
    column_map = resolve_columns(table, columns)
    index: dict[str, int] = {}
    for i, header in enumerate(table.header):
        if header:
            index.setdefault(header, i)  # a header written twice: the first (see columns)
    mapped = {f: index[h] for f, h in column_map.items()}
    fields = {i: f for f, i in mapped.items()}
    used = set(mapped.values())
    extra = tuple((i, h) for i, h in enumerate(table.header) if h and i not in used)
    attendees: list[Attendee] = []
    refused: list[Refusal] = []
    first: InputError | None = None
    rows = blank = headers = gone = unpaid = 0
    for row in table.rows:
        rows += 1
        if row.blank:
            blank += 1
            if blank > MAX_BLANK_ROWS:
                raise InputError(
                    table.at(row),
                    f"row {row.number}",
                    f"more than {MAX_BLANK_ROWS:,} blank rows; the file is padded with empty"
                    " rows: delete them (in a spreadsheet, the rows below the last person)",
                )
            continue
        if repeats_header(row, table.header):
            headers += 1
            warn(header_again(table, row))
            continue
        if len(attendees) >= max_rows:
            raise InputError(
                table.at(row),
                f"row {row.number}",
                f"more than {max_rows:,} attendees, the most read from one list; split the"
                f" list, or raise the limit (attendees: {{max_rows: {max_rows * 2}}})",
            )
        try:
            cells = without_errors(table, row, _fit(table, row), fields)
            attendee = _attendee(table, row, cells, mapped, extra)
            keep = _standing(table, row, attendee, mapped, paid_only)
        except InputError as exc:
            refused.append(_refusal(table, row, exc, column_map))
            first = first or exc
            continue
        if keep is Standing.GONE:
            gone += 1
        elif keep is Standing.PENDING:
            unpaid += 1
        else:
            attendees.append(attendee)
    if first is not None and strict:
        raise first if len(refused) == 1 else RowsRefused(report_lines(refused))
    if not attendees and not refused and not (gone or unpaid):
        what = f" (only {blank} blank row{'' if blank == 1 else 's'})" if blank else ""
        raise InputError(
            Location(table.file, table.header_line),
            "header",
            f"no attendees below the header{what}; check that the export includes the people",
        )
    return AttendeeList(
        attendees=tuple(attendees),
        file=table.file,
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
        header=table.header,
        columns=column_map,
        rows=rows,
        blank_rows=blank,
        header_rows=headers,
        refused=tuple(refused),
        gone=gone,
        unpaid=unpaid,
        export=shape.name if (shape := recognise(table.header)) else None,
    )


def _standing(
    table: Table, row: Row, attendee: Attendee, mapped: dict[str, int], paid_only: bool
) -> Standing | None:
    """GONE for a cancelled order, PENDING for one left out by ``paid_only``, else None.
    With ``paid_only`` a status no system here writes is refused, not guessed."""
    if attendee.status is None:
        if paid_only and "status" in mapped:
            i = mapped["status"]
            raise InputError(
                table.at(row, i), table.cell(row, i), "empty; status: paid needs every status"
            )
        return None
    found = standing(attendee.status)
    if found is None and paid_only:
        i = mapped["status"]
        raise InputError(
            table.at(row, i),
            table.cell(row, i),
            f"{attendee.status!r} is not a status known as paid, pending or cancelled"
            " (Paid, Pending, Cancelled, Expired, Refunded, Completed, Attending, …);"
            " correct it, or drop status: paid",
        )
    if found is Standing.GONE or (found is Standing.PENDING and paid_only):
        return found
    return None


def _refusal(table: Table, row: Row, error: InputError, columns: ColumnMap) -> Refusal:
    cells, header = row.cells, table.header
    pairs = tuple(  # every cell where it stood: under a blank header, and beyond the header
        (header[i] if i < len(header) else "", cells[i] if i < len(cells) else "")
        for i in range(max(len(header), len(cells)))
    )
    origin = f"{table.file}:{row.line}: row {row.number}"
    return Refusal(error.message(), error.problem, pairs, origin, _row_name(table, row, columns))


def _row_name(table: Table, row: Row, found: ColumnMap) -> str:
    """Whose row this is, as far as its name columns tell, for a message."""
    parts = [found.name] if found.name else [found.first_name, found.last_name]
    index = {h: i for i, h in reversed(list(enumerate(table.header)))}
    words = [row.cells[index[h]] for h in parts if h and index[h] < len(row.cells)]
    return elide(printable(" ".join(w for w in words if w)), 40)


# -- the rows --------------------------------------------------------------------------------


def _fit(table: Table, row: Row) -> tuple[str, ...]:
    """The row's cells, one per header column; refuses values beyond the header or under a
    column without a header (they would be lost)."""
    width = len(table.header)
    cells = row.cells
    beyond = [i for i in range(width, len(cells)) if cells[i]]
    if beyond and table.format == "csv":
        raise InputError(
            table.at(row, beyond[0]),
            f"row {row.number}",
            f"{beyond[-1] + 1} cells, but the header has {width} columns; put a value that"
            f" contains {table.delimiter!r} in double quotes, or delete the extra cells",
        )
    for i, cell in enumerate(cells):
        if cell and (i >= width or not table.header[i]):
            raise InputError(
                table.at(row, i),
                table.cell(row, i),
                "a value in a column without a header; name the column or clear it",
            )
    return cells[:width] + ("",) * (width - len(cells))


def _attendee(
    table: Table,
    row: Row,
    cells: tuple[str, ...],
    mapped: dict[str, int],
    extra: tuple[tuple[int, str], ...],
) -> Attendee:
    values: dict[str, str | None] = {}
    for field, i in mapped.items():
        values[field] = _value(table, row, i, cells[i]) or None
    name = values.get("name") or " ".join(
        part for part in (values.get("first_name"), values.get("last_name")) if part
    )
    if not name:
        raise _no_name(table, row, mapped)
    values.pop("name", None)
    return Attendee(
        name=name,
        origin=Origin(table.file, row.line, row.number),
        extra=tuple((header, cells[i]) for i, header in extra),
        row=tuple((header, cells[i]) for i, header in enumerate(table.header)),  # as read
        **values,
    )


def _value(table: Table, row: Row, index: int, value: str) -> str:
    if len(value) > MAX_VALUE:
        raise InputError(
            table.at(row, index),
            table.cell(row, index),
            f"{len(value):,} characters, more than the {MAX_VALUE} a badge can hold; shorten it"
            ' (if it holds several rows, a stray double quote (") joined them: check the quotes)',
        )
    bad = _CONTROL.search(value)
    if bad:
        raise InputError(
            table.at(row, index),
            table.cell(row, index),
            f"contains the control character U+{ord(bad.group()):04X}; remove it",
        )
    return value


def _no_name(table: Table, row: Row, mapped: dict[str, int]) -> InputError:
    if "name" in mapped and not ("first_name" in mapped and "last_name" in mapped):
        i = mapped["name"]
        return InputError(
            table.at(row, i),
            table.cell(row, i),
            "empty; every attendee needs a name: fill it in or delete the row",
        )
    names = [mapped[f] for f in ("name", "first_name", "last_name") if f in mapped]
    quoted = [repr(table.header[i]) for i in names]
    listed = ", ".join(quoted[:-1]) + " and " + quoted[-1]
    return InputError(
        table.at(row, names[0]),
        f"row {row.number}",
        f"no name ({listed} are empty); every attendee needs a name: fill it in or delete the row",
    )


__all__ = [
    "ALIASES",
    "FIELDS",
    "MAX_ROWS",
    "Attendee",
    "AttendeeList",
    "ColumnMap",
    "Origin",
    "guess_columns",
    "header_key",
    "read_attendees",
    "resolve_columns",
]
