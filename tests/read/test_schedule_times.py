"""A schedule's times as the programme and programme.ics give them (issue 13, F01 and F22):
a time without an offset is the schedule's own zone's (else the event's) and is converted as
one with an offset is; the note says what was done, and nothing when nothing was; a length
is real time across a change of the clocks, and the second of a repeated hour reads back as
itself. Each is read as an organiser's reader would: the PDF's text, and the calendar read
back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from tests.conftest import run
from tests.pdfread import flat, text

EVENT = """\
title: Zones
language: en
url: https://example.org/
{zone}schedule: {file}
"""
CPH = "timezone: Europe/Copenhagen\n"
NY = "America/New_York"


def _json(date: str, length: str = "01:00", zone: str | None = NY) -> str:
    named = f'"time_zone_name": "{zone}", ' if zone else ""
    return (
        '{"schedule": {"conference": {"title": "S", ' + named + '"days": [{"rooms": {"Hall": ['
        '{"title": "Opening", "date": "' + date + '", "duration": "' + length + '"}]}}]}}}\n'
    )


def _xml(start: str, day: str = "2027-05-03", length: str = "01:00", zone: str = NY) -> str:
    return (
        '<?xml version="1.0"?>\n<schedule><conference><title>S</title>'
        f"<time_zone_name>{zone}</time_zone_name></conference>\n"
        f'<day date="{day}"><room name="Hall"><event id="1"><title>Opening</title>'
        f"<start>{start}</start><duration>{length}</duration></event></room></day></schedule>\n"
    )


def _ics(*lines: str, zone: str | None = NY) -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    head += [f"X-WR-TIMEZONE:{zone}"] if zone else []
    event = ["BEGIN:VEVENT", "UID:1@test", "DTSTAMP:20270101T000000Z", "SUMMARY:Opening"]
    event += ["LOCATION:Hall", *lines, "END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(head + event) + "\r\n"


def _build(tmp_path: Path, name: str, content: str, zone: str = CPH, code: int = 0):
    (tmp_path / name).write_text(content, encoding="utf-8")
    event = tmp_path / "event.yaml"
    event.write_text(EVENT.format(zone=zone, file=name), encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == code, result.output
    return result


def _calendar(tmp_path: Path) -> list[tuple[dt.datetime, dt.datetime]]:
    data = (tmp_path / "out" / "programme.ics").read_bytes()
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    return [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events]


def _notes(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "time zone:" in line]


UTC = dt.UTC
OPENING = dt.datetime(2027, 5, 3, 13, 0, tzinfo=UTC)  # 09:00 in New York, 15:00 in Copenhagen
FLOATING = {
    "s.json": (_json("2027-05-03T09:00:00"), "1:29"),
    "s.xml": (_xml("09:00"), "2:11"),
    "s.ics": (_ics("DTSTART:20270503T090000", "DTEND:20270503T100000"), "4:1"),
}


@pytest.mark.parametrize("name", sorted(FLOATING))
def test_a_floating_time_is_the_schedules_zones_and_is_converted(tmp_path, name):
    content, place = FLOATING[name]
    result = _build(tmp_path, name, content)
    assert _notes(result) == [
        f"warning: {tmp_path / name}:{place}: time zone: the schedule's times are in"
        f" {NY}; they are printed in the event's timezone, Europe/Copenhagen (event"
        " 'Opening': 09:00 there, printed at 15:00)"
    ]
    assert "3:00 – 4:00 PM Opening" in flat(text(tmp_path / "out" / "programme.pdf"))
    [(start, end)] = _calendar(tmp_path)
    assert str(start.tzinfo) == "Europe/Copenhagen" and start.hour == 15
    assert (start.astimezone(UTC), end - start) == (OPENING, dt.timedelta(hours=1))


def test_a_sheets_times_are_the_events_and_need_no_note(tmp_path):
    sheet = "date,start,end,room,title\n2027-05-03,09:00,10:00,Hall,Opening\n"
    result = _build(tmp_path, "s.csv", sheet)
    assert _notes(result) == []
    [(start, _)] = _calendar(tmp_path)
    assert start.astimezone(UTC) == dt.datetime(2027, 5, 3, 7, 0, tzinfo=UTC)


def test_no_note_claims_a_conversion_that_did_not_happen(tmp_path):
    """The file names New York, but its times carry Copenhagen's offset: nothing moves."""
    result = _build(tmp_path, "s.json", _json("2027-05-03T09:00:00+02:00"))
    assert _notes(result) == []
    assert "9:00 – 10:00 AM Opening" in flat(text(tmp_path / "out" / "programme.pdf"))


def test_without_the_events_zone_floating_times_stay_in_the_schedules(tmp_path):
    result = _build(tmp_path, "s.xml", _xml("09:00"), zone="")
    assert _notes(result) == []
    [(start, _)] = _calendar(tmp_path)
    assert str(start.tzinfo) == NY and start.astimezone(UTC) == OPENING


def test_an_offset_converted_into_the_schedules_own_zone_says_so(tmp_path):
    result = _build(tmp_path, "s.json", _json("2027-05-03T13:00:00Z"), zone="")
    assert _notes(result) == [
        f"warning: {tmp_path / 's.json'}:1:29: time zone: the schedule's times are in UTC;"
        f" they are printed in the schedule's own time zone, {NY} (event 'Opening': 13:00"
        " there, printed at 09:00)"
    ]


SPANNING = {  # 01:30 for two hours in Copenhagen, the night the clocks skip 02:00-03:00
    "s.json": _json("2027-03-28T01:30:00", "02:00", zone=None),
    "s.xml": _xml("01:30", day="2027-03-28", length="02:00", zone="Europe/Copenhagen"),
    "s.ics": _ics("DTSTART:20270328T013000", "DURATION:PT2H", zone="Europe/Copenhagen"),
}


@pytest.mark.parametrize("name", sorted(SPANNING))
def test_a_length_is_real_time_across_the_change_of_the_clocks(tmp_path, name):
    _build(tmp_path, name, SPANNING[name])
    assert "1:30 – 4:30 AM Opening" in flat(text(tmp_path / "out" / "programme.pdf"))
    [(start, end)] = _calendar(tmp_path)
    assert end.astimezone(UTC) - start.astimezone(UTC) == dt.timedelta(hours=2)
    assert start.astimezone(UTC) == dt.datetime(2027, 3, 28, 0, 30, tzinfo=UTC)


def test_a_yaml_session_across_the_change_lasts_its_real_time(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text(
        "title: Clocks\nlanguage: en\nurl: https://example.org/\n" + CPH + "venue: Hall\n"
        "sessions:\n  - {title: Night, date: 2027-03-28, start: '01:30', end: '03:30'}\n",
        encoding="utf-8",
    )
    assert run("build", event, "-o", tmp_path / "out").exit_code == 0
    assert "1:30 – 3:30 AM Night" in flat(text(tmp_path / "out" / "programme.pdf"))
    [(start, end)] = _calendar(tmp_path)
    assert end.astimezone(UTC) - start.astimezone(UTC) == dt.timedelta(hours=1)


def test_the_second_of_a_repeated_hour_reads_back_as_itself(tmp_path):
    """02:30 after the clocks went back (+01:00) is printed 02:30 and written in UTC, since
    programme.ics's TZID would read 02:30 as the first (+02:00), an hour early."""
    _build(tmp_path, "s.json", _json("2027-10-31T02:30:00+01:00", "00:20", zone=None))
    assert "2:30 – 2:50 AM Opening" in flat(text(tmp_path / "out" / "programme.pdf"))
    [(start, end)] = _calendar(tmp_path)
    assert start == dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    assert end == dt.datetime(2027, 10, 31, 1, 50, tzinfo=UTC)
