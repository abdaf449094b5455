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


def test_the_sheet_read_is_the_one_the_organiser_sees(tmp_path, monkeypatch):
    """A hidden first sheet (an old list) was read instead of the active one (F11): the
    badges printed 'Hidden Person' from it."""
    import shutil

    from tests.conftest import run
    from tests.pdfread import text

    for name in ("xlsx-first-sheet-hidden.xlsx", "xlsx-active-sheet-very-hidden.xlsx"):
        assert read_table(CSV / name).sheet == "Attendees"
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(CSV / name, folder / "people.xlsx")
        (folder / "event.yaml").write_text(
            "title: Sheets\ndate: 2024-05-01\nstart: '10:00'\nend: '11:00'\nvenue: Salen\n"
            "url: https://example.org/\nattendees:\n  file: people.xlsx\n",
            encoding="utf-8",
        )
        monkeypatch.chdir(folder)
        result = run("build", "event.yaml", "-o", "out")
        assert result.exit_code == 0, result.output
        assert "people.xlsx: 2 attendees (sheet 'Attendees')" in result.output
        badges = text(folder / "out" / "badges.pdf")
        assert "Anna Berg" in badges and "Bo Hansen" in badges
        assert "Hidden Person" not in badges


def test_a_sheet_without_data_beside_the_one_read_is_not_mentioned():
    from printkit.read.notices import collecting

    with collecting() as warned:
        table = read_table(CSV / "xlsx-two-visible-sheets.xlsx", "book.xlsx")
    assert table.sheet == "Attendees"
    assert [w.message() for w in warned] == [
        "book.xlsx: the sheet 'Attendees' is read (the active one); 'Notes' holds data too and"
        " is not read: keep the list on one sheet, or open the workbook on the sheet"
        " meant and save it"
    ]  # the third sheet, 'Empty', is visible and holds nothing
