"""Rows and cells of an attendee list that look like data and are not: the header row again
(two exports pasted into one), and a spreadsheet's error values (``#N/A`` where a formula
failed). Part of reading a list; the list's reader decides what becomes of the row.
"""

from __future__ import annotations

from collections.abc import Mapping

from printkit.errors import InputError, InputWarning
from printkit.read.cells import Row, Table
from printkit.read.notices import warn

#: The error values a spreadsheet shows (and writes into a CSV as text, and into a workbook
#: as a cell of type ``e``) where a formula failed: Excel's, and Google Sheets' ``#ERROR!``.
ERROR_VALUES = frozenset(
    {
        "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!",
        "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
        "#UNKNOWN!", "#PYTHON!", "#ERROR!",
    }
)  # fmt: skip
#: Fields a badge cannot do without, or that decide who gets one and which: an error value
#: there refuses the row. Elsewhere the cell is read as empty, with a warning.
ESSENTIAL = {
    "name": "a name",
    "first_name": "a first name",
    "last_name": "a last name",
    "role": "a role",
    "status": "an order status",
    "ticket_id": "a ticket id",
    "ticket_type": "a ticket type",
}


def repeats_header(row: Row, header: tuple[str, ...]) -> bool:
    """Whether the row is the header again: the same cells, case aside (cells are cleaned
    as the header's are), empty cells after the last one aside."""
    cells = row.cells
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return end == len(header) and all(
        cell.casefold() == name.casefold() for cell, name in zip(cells, header, strict=False)
    )


def header_again(table: Table, row: Row) -> InputWarning:
    """The warning for a row left out as the header again."""
    return InputWarning(
        table.at(row),
        f"row {row.number}",
        "the header row again (two exports pasted into one?); left out, it is not a person",
    )


def without_errors(
    table: Table, row: Row, cells: tuple[str, ...], fields: Mapping[int, str]
) -> tuple[str, ...]:
    """The row's cells with error values read as empty, each warned about; an error value in
    an essential field (``fields``: column → field) refuses the row."""
    if not ERROR_VALUES.intersection(cells):
        return cells
    kept = list(cells)
    for i, cell in enumerate(cells):
        if cell not in ERROR_VALUES:
            continue
        what = ESSENTIAL.get(fields.get(i, ""))
        if what is not None:
            raise InputError(
                table.at(row, i),
                table.cell(row, i),
                f"{cell} is a spreadsheet's error value (a formula that failed), not {what};"
                " correct the formula (or type the value) and export the list again",
            )
        warn(
            InputWarning(
                table.at(row, i),
                table.cell(row, i),
                f"{cell} is a spreadsheet's error value (a formula that failed), not data; read"
                " as empty: correct the formula (or type the value) to print it",
            )
        )
        kept[i] = ""
    return tuple(kept)
