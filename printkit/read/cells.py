"""A table as read from a spreadsheet export: a header and rows of cells that know their place
(the physical line a row starts on, or its sheet row, and its number under the header)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from printkit.errors import InputError, Location

MAX_COLUMNS = 1000


@dataclass(frozen=True)
class Row:
    """One record under the header.

    ``line`` is the physical line the record starts on (a quoted line break inside a cell
    moves later rows down) or, in a workbook, its sheet row. ``number`` counts the records
    under the header from 1, blank ones included, so it matches what a spreadsheet shows
    (the header being row 0). ``cells`` are stripped and NFC-normalised; their count is as
    read, neither padded nor trimmed.
    """

    line: int
    number: int
    cells: tuple[str, ...]

    @property
    def blank(self) -> bool:
        return not any(self.cells)


@dataclass(frozen=True)
class Table:
    """A header and a stream of rows, with the facts of how the file was read."""

    file: str
    format: str  # "csv" or "xlsx"
    header: tuple[str, ...]  # trailing empty header cells removed
    header_line: int
    rows: Iterator[Row]
    encoding: str | None = None  # a Python codec name; None for a workbook
    delimiter: str | None = None
    sheet: str | None = None

    def cell(self, row: Row, index: int) -> str:
        """The field part of an error about a cell: ``row 12, column 'E-mail'``."""
        return cell_ref(row.number, self.header, index)

    def at(self, row: Row, index: int | None = None) -> Location:
        return Location(self.file, row.line, None if index is None else index + 1)


def cell_ref(number: int, header: tuple[str, ...], index: int) -> str:
    name = header[index] if index < len(header) else ""
    return f"row {number}, column {name!r}" if name else f"row {number}, column {index + 1}"


class Broken(Exception):
    """A record the csv module cannot read; converted to an ``InputError`` once the row's
    number and the header are known."""

    def __init__(self, line: int, index: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.index = index
        self.problem = problem


def clean_cell(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def first_nonblank(
    records: Iterator[tuple[int, tuple[str, ...]]], display: str
) -> tuple[tuple[str, ...], int]:
    try:
        for line, cells in records:
            if any(cells):
                end = max(i for i, cell in enumerate(cells) if cell) + 1
                if end > MAX_COLUMNS:
                    raise InputError(
                        Location(display, line),
                        "header",
                        f"{end:,} columns; at most {MAX_COLUMNS:,} are read:"
                        " delete the ones not needed",
                    )
                return cells[:end], line
    except Broken as exc:
        column = None if exc.index is None else exc.index + 1
        raise InputError(Location(display, exc.line, column), "header", exc.problem) from None
    raise InputError(
        Location(display),
        "",
        "the file is empty; export the attendee list with a header row (Name, Organisation, …)",
    )


def numbered(
    records: Iterator[tuple[int, tuple[str, ...]]], header: tuple[str, ...], display: str
) -> Iterator[Row]:
    number = 0
    try:
        for line, cells in records:
            number += 1
            yield Row(line, number, cells)
    except Broken as exc:
        number += 1
        if exc.index is None:
            raise InputError(Location(display, exc.line), f"row {number}", exc.problem) from None
        raise InputError(
            Location(display, exc.line, exc.index + 1),
            cell_ref(number, header, exc.index),
            exc.problem,
        ) from None
