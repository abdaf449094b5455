"""``schedule: FILE``: a kit from a pretalx XML and JSON export, a calendar program's .ics and
an Excel sheet, each in its real shape (tests/read/schedules/), read back as its readers see
it; and every broken file refused at its line and column (or row and column)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import zoneinfo
from pathlib import Path

import icalendar
import openpyxl
import pytest

from tests.conftest import run
from tests.pdfread import flat, text

HERE = Path(__file__).parent / "schedules"
EVENT = """\
title: {title}
url: https://summit.example.org/
{extra}schedule: {file}
"""
#: each fixture's sessions as its program shows them: (title, local start, room, people)
EXPECTED = {
    "schedule.xml": [
        ("Opening keynote: Why public code", "2026-05-20 09:30", "Saal 1", ["Henrike Adeyemi"]),
        (
            "Buying software in the open",
            "2026-05-20 10:30",
            "Saal 1",
            ["Jakob Wendt", "Aylin Kaya", "Marta Nowak"],
        ),
        ("Scraping council minutes, hands on", "2026-05-20 10:30", "Werkstatt", ["Ole Brandt"]),
        (
            "Data licences without tears",
            "2026-05-21 14:00",
            "Saal 1",
            ["Aylin Kaya", "Sam O'Connor"],
        ),
    ],
    "schedule.json": [
        ("Maintainers are people too", "2026-06-11 09:30", "Auditório", ["Inês Carvalho"]),
        ("Coffee break", "2026-06-11 10:30", "Auditório", []),
        (
            "Reproducible builds in an afternoon",
            "2026-06-11 09:30",
            "Sala B",
            ["Tomás Ferreira", "Hannah Berg"],
        ),
    ],
    "calendar.ics": [
        ("Keynote: Designing for everyone", "2026-10-15 09:00", "Hörsal 1", ["Linnea Sjöberg"]),
        (
            "Panel: Accessibility you can buy",
            "2026-10-15 10:00",
            "Sal B",
            ["Aino Virtanen", "Mads Kjær", "Erik Lindqvist"],
        ),
        (
            "Workshop: Testing with a screen reader",
            "2026-10-15 11:00",
            "Hörsal 1",
            ["Yusuf Demir"],
        ),
    ],
}
ZONES = {"schedule.xml": "Europe/Berlin", "schedule.json": "Europe/Lisbon"}
ZONES["calendar.ics"] = "Europe/Stockholm"
SHEET = [
    ("Date", "Start", "End", "Room", "Title", "Type", "Speakers", "Moderator", "Track"),
    (
        dt.datetime(2026, 9, 3),
        dt.time(9, 0),
        dt.time(9, 40),
        "Store sal",
        "Velkommen og keynote",
        "Keynote",
        "Karen Vestergaard",
        None,
        "Plenum",
    ),
    (
        dt.datetime(2026, 9, 3),
        dt.time(10, 0),
        dt.time(11, 0),
        "Store sal",
        "Hvem ejer data?",
        "Panel",
        "Peter Aagaard; Lise Holm",
        "Anders Kjær",
        "Data",
    ),
    (
        dt.datetime(2026, 9, 3),
        dt.time(10, 0),
        dt.time(10, 45),
        "Lokale 2",
        "Åbne budgetter",
        "Talk",
        "Mia Østergaard, Omar Haddad",
        None,
        "Data",
    ),
    (
        dt.datetime(2026, 9, 3),
        dt.time(12, 0),
        dt.time(12, 45),
        "Store sal",
        "Frokost",
        "Break",
        None,
        None,
        None,
    ),
]


def _sheet(path: Path, rows=SHEET) -> Path:
    """An Excel workbook as a person types it: dates and times as Excel's own cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Program"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture(autouse=True)
def _in_the_folder(tmp_path, monkeypatch):
    """Run where the organiser's files are, as from a terminal: messages name the schedule as
    the current folder sees it (``schedule.xml:23:17``), beside the event file."""
    monkeypatch.chdir(tmp_path)


def _event(folder: Path, file: str, extra: str = "") -> Path:
    path = folder / "event.yaml"
    extra = extra if "language:" in extra else "language: en\n" + extra
    path.write_text(EVENT.format(title="Summit", file=file, extra=extra), encoding="utf-8")
    return Path(os.path.relpath(path))


def _build(folder: Path, name: str, extra: str = ""):
    if name.endswith(".xlsx"):
        _sheet(folder / name)
    else:
        shutil.copy(HERE / name, folder / name)
    result = run("build", _event(folder, name, extra), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_kit_from_each_export(tmp_path, name):
    """Every title and person in the programme; speakers' badges say Speaker; the calendar
    reads back with each session at its time in the schedule's own zone."""
    _build(tmp_path, name)
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    badges = text(tmp_path / "out" / "badges.pdf").splitlines()
    for title, _, room, people in EXPECTED[name]:
        assert flat(title) in programme, title
        assert room in programme
        for person in people:
            assert person in programme, person
            assert person in badges, person
    assert "Speaker" in badges
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "programme.ics").read_bytes())
    zone = zoneinfo.ZoneInfo(ZONES[name])
    found = {
        str(e["SUMMARY"]): (e.decoded("DTSTART"), str(e["LOCATION"]))
        for e in calendar.walk("VEVENT")
    }
    assert len(found) == len(EXPECTED[name])
    for title, start, room, _ in EXPECTED[name]:
        moment, location = found[title]
        assert moment.tzinfo is not None and moment.utcoffset() is not None
        assert moment == dt.datetime.fromisoformat(start).replace(tzinfo=zone)
        assert location == room
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == [ZONES[name]]


def test_a_kit_from_an_excel_sheet(tmp_path):
    _build(tmp_path, "program.xlsx", extra="language: da\ntimezone: Europe/Copenhagen\n")
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    for row in SHEET[1:]:
        assert row[4] in programme
    assert "Taler Karen Vestergaard" in programme
    assert "Panel Peter Aagaard Lise Holm" in programme
    assert "Ordstyrer Anders Kjær" in programme
    assert "Talere Mia Østergaard Omar Haddad" in programme
    badges = text(tmp_path / "out" / "badges.pdf")
    assert badges.count("Oplægsholder") == 3  # Karen, Mia and Omar: the speaker role
    tents = flat(text(tmp_path / "out" / "tents.pdf"))
    assert "Frokost" not in tents  # a break gets no tent


def test_a_duration_typed_as_a_time_cell_is_hours_minutes_seconds(tmp_path):
    """Excel keeps a duration typed 0:05:00 as a time cell, read as 00:05:00: five minutes
    (issue 13, F05: it was read as D:HH:MM, five hours)."""
    _sheet(
        tmp_path / "program.xlsx",
        [
            ("Date", "Start", "Duration", "Room", "Title"),
            (dt.datetime(2026, 9, 3), dt.time(9, 0), dt.time(0, 5), "Store sal", "Velkomst"),
        ],
    )
    event = _event(tmp_path, "program.xlsx", "timezone: Europe/Copenhagen\n")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "programme.ics").read_bytes())
    (session,) = calendar.walk("VEVENT")
    assert session.decoded("DTEND") - session.decoded("DTSTART") == dt.timedelta(minutes=5)
    assert "9:00 – 9:05 AM Velkomst" in flat(text(tmp_path / "out" / "programme.pdf"))


def test_times_in_another_zone_are_converted_with_a_note(tmp_path):
    """The Lisbon schedule (UTC+1 in June) printed for an event in Copenhagen (UTC+2)."""
    result = _build(tmp_path, "schedule.json", extra="timezone: Europe/Copenhagen\n")
    assert (
        "warning: schedule.json:8:19: time zone: the schedule's times are in Europe/Lisbon;"
        " they are printed in the event's timezone, Europe/Copenhagen"
    ) in result.output
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    assert "10:30 – 11:10 AM · PT Maintainers are people too" in programme  # held in pt
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "programme.ics").read_bytes())
    first = next(e for e in calendar.walk("VEVENT") if "Maintainers" in str(e["SUMMARY"]))
    start = first.decoded("DTSTART")
    assert start.tzinfo == zoneinfo.ZoneInfo("Europe/Copenhagen") and start.hour == 10
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 6, 11, 8, 30, tzinfo=dt.UTC)


def test_sessions_in_the_yaml_and_the_schedule_are_merged_and_duplicates_found(tmp_path):
    extra = (
        "sessions:\n"
        "  - title: Data licences without tears\n"
        "    date: 2026-05-21\n"
        '    start: "14:00"\n'
        '    end: "14:30"\n'
        "    venue: Saal 1\n"
        "    speakers: [Aylin Kaya]\n"
        "  - title: Closing drinks\n"
        "    kind: break\n"
        "    date: 2026-05-21\n"
        '    start: "18:00"\n'
        '    end: "19:00"\n'
        "    venue: Foyer\n"
    )
    result = _build(tmp_path, "schedule.xml", extra=extra)
    line = _line("schedule.xml", "<event guid='8a7b6c5d")
    assert (
        f"schedule.xml:{line}:13: event 'Data licences without tears': is also in event.yaml"
        " (sessions[1]); printed once, as event.yaml gives it"
    ) in result.output
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    calendar = icalendar.Calendar.from_ical((tmp_path / "out" / "programme.ics").read_bytes())
    titles = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert titles.count("Data licences without tears") == 1  # once, not twice
    assert "Closing drinks" in titles and "Opening keynote: Why public code" in titles
    assert "Closing drinks" in programme and "Opening keynote: Why public code" in programme
    assert "Sam O'Connor" not in programme  # event.yaml's version of the talk is printed


def test_a_clash_between_the_yaml_and_the_schedule(tmp_path):
    shutil.copy(HERE / "schedule.xml", tmp_path / "schedule.xml")
    extra = (
        "sessions:\n"
        "  - title: Press briefing\n"
        "    date: 2026-05-20\n"
        '    start: "09:00"\n'
        '    end: "10:00"\n'
        "    venue: Saal 1\n"
    )
    result = run("build", _event(tmp_path, "schedule.xml", extra), "-o", tmp_path / "out")
    assert result.exit_code == 2
    line = _line("schedule.xml", "<event guid='6f1c0a52")
    assert result.output.startswith(
        f"error: schedule.xml:{line}:13: event 'Opening keynote: Why public code'.start: overlaps"
        " sessions[1] (09:00–10:00) in Saal 1 on 2026-05-20"
    ), result.output
    assert not (tmp_path / "out").exists()


def _line(name: str, needle: str, folder: Path = HERE) -> int:
    """The line of ``needle`` in the file, counted as the error message counts."""
    source = (folder / name).read_bytes().decode("utf-8")
    return source[: source.index(needle)].count("\n") + 1


def _broken(tmp_path: Path, name: str, old: str, new: str) -> str:
    source = (HERE / name).read_bytes().decode("utf-8")
    assert old in source
    (tmp_path / name).write_bytes(source.replace(old, new, 1).encode("utf-8"))
    result = run("build", _event(tmp_path, name), "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    return result.output.strip()


@pytest.mark.parametrize(
    "name, old, new, expected",
    [
        (
            "schedule.xml",
            "<duration>00:45</duration>",
            "<duration>1:6o</duration>",
            "error: schedule.xml:{line}:17: event 'Opening keynote: Why public code': duration"
            " '1:6o' is not a duration (HH:MM)",
        ),
        (
            "schedule.xml",
            "<date>2026-05-21T14:00:00+02:00</date>",
            "<date>2026-05-21 at two</date>",
            "error: schedule.xml:{line}:17: event 'Data licences without tears': date"
            " '2026-05-21 at two' is not a date and time (YYYY-MM-DDTHH:MM+01:00)",
        ),
        (
            "schedule.xml",
            "<title>Buying software in the open</title>",
            "<title>Buying software in the open</titel>",
            "error: schedule.xml:{line}:53: not well-formed XML (mismatched tag)",
        ),
        (
            "schedule.xml",
            "<schedule>",
            '<!DOCTYPE schedule [<!ENTITY lol "lol">]>\n<schedule>',
            "error: schedule.xml:{line}:20: the file declares a DTD or entities (<!DOCTYPE …>)",
        ),
        (
            "schedule.json",
            '"duration": "00:40"',
            '"duration": "forty"',
            "error: schedule.json:{line}:29: event 'Maintainers are people too': duration 'forty'"
            " is not a duration (HH:MM)",
        ),
        (
            "schedule.json",
            '"date": "2026-06-11T09:30:00+01:00",\n                "start": "09:30",\n'
            '                "duration": "01:00"',
            '"date": 20260611,\n                "start": "09:30",\n'
            '                "duration": "01:00"',
            "error: schedule.json:{line}:25: event 'Reproducible builds in an afternoon': date:"
            " missing or not text; give the start, ISO 8601 with its offset",
        ),
        (
            "schedule.json",
            '"title": "Coffee break",',
            '"title": "Coffee break",,',
            "error: schedule.json:{line}:41: not valid JSON (a key in double quotes was expected)",
        ),
        (
            "calendar.ics",
            "DTEND;TZID=Europe/Stockholm:20261015T123000\r\n",
            "",
            "error: calendar.ics:{line}:1: event 'Workshop: Testing with a screen reader': has"
            " neither DTEND nor DURATION; give its end",
        ),
        (
            "calendar.ics",
            "DTSTART;TZID=Europe/Stockholm:20261015T090000",
            "DTSTART;VALUE=DATE:20261015",
            "error: calendar.ics:{line}:1: event 'Keynote: Designing for everyone': DTSTART is a"
            " whole day (2026-10-15); give it a time of day",
        ),
        (  # the ends of the calendar: an end past year 9999 was an internal error
            "schedule.json",
            '"date": "2026-06-11T09:30:00+01:00"',
            '"date": "9999-12-31T23:30:00-05:00"',
            "error: schedule.json:{line}:25: event 'Maintainers are people too': date"
            " 9999-12-31T23:30:00-05:00 is not in the years 1900 to 2999; check the year",
        ),
        (
            "schedule.xml",
            "<date>2026-05-21T14:00:00+02:00</date>",
            "<date>0001-01-01T00:10:00+05:00</date>",
            "error: schedule.xml:{line}:17: event 'Data licences without tears': date"
            " 0001-01-01T00:10:00+05:00 is not in the years 1900 to 2999; check the year",
        ),
        (
            "calendar.ics",
            "DTSTART;TZID=Europe/Stockholm:20261015T090000",
            "DTSTART;TZID=Europe/Stockholm:99991231T230000",
            "error: calendar.ics:{line}:1: event 'Keynote: Designing for everyone': DTSTART"
            " 9999-12-31T23:00:00+01:00 is not in the years 1900 to 2999; check the year",
        ),
    ],
    ids=[
        "json-year-9999",
        "xml-year-1",
        "ics-year-9999",
        "xml-duration",
        "xml-date",
        "xml-tag",
        "xml-entity",
        "json-duration",
        "json-date",
        "json-syntax",
        "ics-end",
        "ics-all-day",
    ],
)
def test_a_broken_file_is_refused_at_its_place(tmp_path, name, old, new, expected):
    """``{line}``: where the broken text stands (for a removed line, the event's BEGIN)."""
    output = _broken(tmp_path, name, old, new)
    if new:
        line = _line(name, new.splitlines()[0], tmp_path)
    else:  # BEGIN:VEVENT is the line above the workshop's DTSTART
        line = _line(name, "DTSTART;TZID=Europe/Stockholm:20261015T110000", tmp_path) - 1
    assert output.startswith(expected.format(line=line)), output


def test_an_entity_declaration_is_refused_not_expanded(tmp_path):
    output = _broken(
        tmp_path,
        "schedule.xml",
        "<title>Buying software in the open</title>",
        "<title>&lol;</title>",
    )
    line = _line("schedule.xml", "<title>&lol;", tmp_path)
    assert output.startswith(f"error: schedule.xml:{line}:24: not well-formed XML (undefined"), (
        output
    )


def test_a_sheet_cell_is_named_by_row_and_column(tmp_path):
    rows = [*SHEET[:2], (*SHEET[2][:1], "ten o'clock", *SHEET[2][2:])]
    _sheet(tmp_path / "program.xlsx", rows)
    result = run("build", _event(tmp_path, "program.xlsx"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.strip() == (
        "error: program.xlsx:3:2: row 2, column 'Start': \"ten o'clock\" is not a time of"
        " day; write it as HH:MM"
    )


def test_a_sheet_without_the_columns_it_needs(tmp_path):
    (tmp_path / "program.csv").write_text("Day;Session;Who\n2026-09-03;Opening;Ann\n")
    result = run("build", _event(tmp_path, "program.csv"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.startswith(
        "error: program.csv:1: header: no column for start, room, end or duration"
    ), result.output


def test_a_schedule_file_over_its_limit(tmp_path, monkeypatch):
    from printkit.read import schedule

    monkeypatch.setattr(schedule, "MAX_FILE_BYTES", 1000)
    shutil.copy(HERE / "schedule.json", tmp_path / "schedule.json")
    result = run("build", _event(tmp_path, "schedule.json"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    size = (HERE / "schedule.json").stat().st_size
    assert result.output.strip() == (
        f"error: schedule.json: file is {size:,} bytes; a schedule file may be at most 1,000 bytes"
    )
