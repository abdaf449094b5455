"""Workbooks read from their cells, not from what the sheet says of itself (issue 13)."""

from __future__ import annotations

import time
from pathlib import Path

from printkit.read.table import read_table

CSV = Path(__file__).resolve().parent / "csv"


def test_an_understated_dimension_drops_no_row_and_no_column():
    """<dimension ref="A1:B2"/> over a header and five people in three columns."""
    table = read_table(CSV / "xlsx-dimension-understated.xlsx")
    rows = [row.cells for row in table.rows]
    assert table.header == ("Name", "Company", "Title")
    assert [cells[0] for cells in rows] == [
        "Anna Berg",
        "Bo Hansen",
        "Carl Ek",
        "Dan Fog",
        "Eva Gro",
    ]
    assert [cells[2] for cells in rows] == ["Chair", "CEO", "CFO", "CTO", "COO"]


def test_a_whole_sheet_dimension_costs_only_the_cells_there():
    """A1:XFD1048576 and a formatted cell at XFD1048576: openpyxl padded a million rows of
    16,384 cells; read from the cells, it is two people and no padding, at once."""
    started = time.perf_counter()
    table = read_table(CSV / "xlsx-dimension-whole-sheet.xlsx")
    rows = [row.cells for row in table.rows]
    assert rows == [("Anna Berg", "KL", "Chair"), ("Bo Hansen", "DI", "CEO")]
    assert time.perf_counter() - started < 5


def test_cells_out_of_column_order_stay_in_their_columns():
    table = read_table(CSV / "xlsx-cells-out-of-column-order.xlsx")
    assert next(table.rows).cells == ("Anna Berg", "Chair", "KL")
