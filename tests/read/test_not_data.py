"""Cells and rows of an attendee list that look like data and are not (issue 13, second
attack): a spreadsheet's error values (F21) and the header row pasted again (F24)."""

from __future__ import annotations

from pathlib import Path

import pytest

from printkit.read.attendees import read_attendees
from printkit.read.notdata import ERROR_VALUES
from printkit.read.notices import collecting
from tests.conftest import run
from tests.pdfread import text

EVENT = """\
title: Not data
date: 2024-05-01
start: "10:00"
end: "11:00"
venue: Salen
url: https://example.org/
attendees:
  file: people.csv
"""


def _list(folder: Path, text: str) -> Path:
    path = folder / "people.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", sorted(ERROR_VALUES))
def test_every_error_value_as_a_name_refuses_the_row(tmp_path, value):
    path = _list(tmp_path, f"Name,Company\nAnna Berg,ACME\n{value},DTU\n")
    listing = read_attendees(path, "people.csv", strict=False)
    assert [a.name for a in listing] == ["Anna Berg"]
    [refused] = listing.refused
    assert refused.message == (
        f"people.csv:3:1: row 2, column 'Name': {value} is a spreadsheet's error value (a"
        " formula that failed), not a name; correct the formula (or type the value) and"
        " export the list again"
    )
    assert dict(refused.row)["Name"] == value  # rejected.csv keeps the cell as it was


@pytest.mark.parametrize(
    "header, what",
    [
        ("First name", "a first name"),
        ("Last name", "a last name"),
        ("Role", "a role"),
        ("Status", "an order status"),
        ("Ticket ID", "a ticket id"),
        ("Ticket type", "a ticket type"),
    ],
)
def test_an_error_value_where_a_badge_cannot_do_without_refuses_the_row(tmp_path, header, what):
    headers = ["First name", "Last name"] + (
        [] if header in ("First name", "Last name") else [header]
    )
    cells = ["Anna", "Berg", "x"][: len(headers)]
    cells[headers.index(header)] = "#N/A"
    path = _list(tmp_path, f"{','.join(headers)}\n{','.join(cells)}\n")
    [refused] = read_attendees(path, "people.csv", strict=False).refused
    assert refused.reason.startswith(
        f"#N/A is a spreadsheet's error value (a formula that failed), not {what};"
    )


def test_an_error_value_elsewhere_is_read_as_empty_with_a_warning_each(tmp_path):
    path = _list(
        tmp_path,
        "Name,Company,Title,Pronouns,Email,Language,Seat\n"
        "Anna Berg,#N/A,#VALUE!,#NAME?,#REF!,#NULL!,#DIV/0!\n",
    )
    with collecting() as warned:
        [anna] = read_attendees(path, "people.csv")
    assert (anna.organisation, anna.title, anna.pronouns, anna.email, anna.language) == (None,) * 5
    assert dict(anna.extra)["Seat"] == ""
    assert [w.message() for w in warned] == [
        f"people.csv:2:{column}: row 1, column {header!r}: {value} is a spreadsheet's error"
        " value (a formula that failed), not data; read as empty: correct the formula (or"
        " type the value) to print it"
        for column, header, value in [
            (2, "Company", "#N/A"),
            (3, "Title", "#VALUE!"),
            (4, "Pronouns", "#NAME?"),
            (5, "Email", "#REF!"),
            (6, "Language", "#NULL!"),
            (7, "Seat", "#DIV/0!"),
        ]
    ]


def test_only_the_error_values_themselves_are_not_data(tmp_path):
    """A cell that merely contains one, or writes it in lower case, is text as typed."""
    path = _list(tmp_path, "Name,Company\nAnna Berg,#N/A Inc\nBo Hansen,#n/a\n")
    assert [a.organisation for a in read_attendees(path, "people.csv")] == ["#N/A Inc", "#n/a"]


def test_the_header_again_is_left_out_and_counted_and_a_lookalike_is_a_person(tmp_path):
    path = _list(
        tmp_path,
        "Name,Company\nAnna Berg,ACME\n name ,COMPANY\nName,Company,Extra\nName,ACME\n",
    )
    with collecting() as warned:
        listing = read_attendees(path, "people.csv", strict=False)
    assert [(a.name, a.organisation) for a in listing] == [("Anna Berg", "ACME"), ("Name", "ACME")]
    assert [r.origin for r in listing.refused] == ["people.csv:4: row 3"]  # a value beyond
    assert listing.header_rows == 1
    assert "; 1 repeated header row skipped" in listing.summary()
    assert [w.message() for w in warned] == [
        "people.csv:3: row 2: the header row again (two exports pasted into one?); left out,"
        " it is not a person"
    ]


def test_a_header_and_only_its_repeat_is_a_list_of_no_one(tmp_path):
    path = _list(tmp_path, "Name,Company\nName,Company\n")
    path.with_name("event.yaml").write_text(EVENT, encoding="utf-8")
    result = run("build", path.with_name("event.yaml"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {path}:1: header: no attendees below the header; check that the export"
        " includes the people\n"
    )


def test_the_badges_print_neither_an_error_value_nor_the_header(tmp_path, monkeypatch):
    _list(
        tmp_path,
        "Name,Company\nAnna Berg,#N/A\nName,Company\nBo Hansen,DTU\n",
    )
    (tmp_path / "event.yaml").write_text(EVENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("build", "event.yaml", "-o", "out")
    assert result.exit_code == 0, result.output
    lines = text(tmp_path / "out" / "badges.pdf").splitlines()
    assert "Anna Berg" in lines and "Bo Hansen" in lines and "DTU" in lines
    assert not {"#N/A", "Name", "Company"} & set(lines)
