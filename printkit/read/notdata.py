"""Rows and cells of a table that look like data and are not: the header row again (two
exports pasted into one), and a spreadsheet's error values (``#N/A`` where a formula failed).
Part of reading an attendee list or a schedule sheet; its reader decides what becomes of the
row, and which of its fields an error value may not blank (``essential``).
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


def header_again(table: Table, row: Row, what: str = "a person") -> InputWarning:
    """The warning for a row left out as the header again (``what`` a row holds)."""
    return InputWarning(
        table.at(row),
        f"row {row.number}",
        f"the header row again (two exports pasted into one?); left out, it is not {what}",
    )


def without_errors(
    table: Table,
    row: Row,
    cells: tuple[str, ...],
    fields: Mapping[int, str],
    essential: Mapping[str, str] = ESSENTIAL,
    export: str = "the list",
) -> tuple[str, ...]:
    """The row's cells with error values read as empty, each warned about; an error value in
    an ``essential`` field (``fields``: column → field; field → what it must be) refuses the
    row, saying to export ``export`` again."""
    if not ERROR_VALUES.intersection(cells):
        return cells
    kept = list(cells)
    for i, cell in enumerate(cells):
        if cell not in ERROR_VALUES:
            continue
        what = essential.get(fields.get(i, ""))
        if what is not None:
            raise InputError(
                table.at(row, i),
                table.cell(row, i),
                f"{cell} is a spreadsheet's error value (a formula that failed), not {what};"
                f" correct the formula (or type the value) and export {export} again",
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
