"""An iCalendar schedule's repeats and changes, as the programme and programme.ics give them
(issue 13, F07; RFC 5545, 3.8.4.4 and 3.8.5): every RRULE and RDATE occurrence, less the
EXDATEs; a RECURRENCE-ID in place of the occurrence it names, never beside it; and what is
cancelled left out (the warnings are in the hostile corpus, cases-schedules.toml)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar

from tests.conftest import run
from tests.pdfread import flat, text

EVENT = """\
title: Repeats
language: en
timezone: Europe/Copenhagen
url: https://example.org/
schedule: s.ics
"""
CPH = "TZID=Europe/Copenhagen"


def _ics(*events: list[str]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"]
    for event in events:
        lines += ["BEGIN:VEVENT", "DTSTAMP:20270101T000000Z", "LOCATION:Hall", *event]
        lines.append("END:VEVENT")
    return "\r\n".join([*lines, "END:VCALENDAR"]) + "\r\n"


def _build(tmp_path: Path, *events: list[str]):
    (tmp_path / "s.ics").write_text(_ics(*events), encoding="utf-8", newline="")
    (tmp_path / "event.yaml").write_text(EVENT, encoding="utf-8")
    result = run("build", tmp_path / "event.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    data = (tmp_path / "out" / "programme.ics").read_bytes()
    sessions = [
        (str(e["SUMMARY"]), e.decoded("DTSTART").astimezone(dt.UTC), str(e["UID"]))
        for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
    ]
    return programme, sorted(sessions, key=lambda s: s[1])


def _utc(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2027, 5, day, hour, minute, tzinfo=dt.UTC)


def test_every_rdate_is_a_session(tmp_path):
    programme, sessions = _build(
        tmp_path,
        ["UID:yoga", "SUMMARY:Yoga", f"DTSTART;{CPH}:20270503T080000", "DURATION:PT45M",
         f"RDATE;{CPH}:20270504T080000,20270505T080000"],
    )  # fmt: skip
    assert [(s[0], s[1]) for s in sessions] == [("Yoga", _utc(d, 6)) for d in (3, 4, 5)]
    assert len({s[2] for s in sessions}) == 3  # one UID each: a calendar merges no two
    assert programme.count("8:00 – 8:45 AM Yoga") == 3


def test_a_rule_less_its_exdates_and_an_override_in_its_place(tmp_path):
    """Four mornings, the second taken out, the third moved to 09:30 and renamed."""
    programme, sessions = _build(
        tmp_path,
        ["UID:walk", "SUMMARY:Morning walk", f"DTSTART;{CPH}:20270503T080000",
         f"DTEND;{CPH}:20270503T083000", "RRULE:FREQ=DAILY;COUNT=4",
         f"EXDATE;{CPH}:20270504T080000"],
        ["UID:walk", "SUMMARY:Morning walk by the lake", f"RECURRENCE-ID;{CPH}:20270505T080000",
         f"DTSTART;{CPH}:20270505T093000", f"DTEND;{CPH}:20270505T100000"],
    )  # fmt: skip
    assert [(s[0], s[1]) for s in sessions] == [
        ("Morning walk", _utc(3, 6)),
        ("Morning walk by the lake", _utc(5, 7, 30)),
        ("Morning walk", _utc(6, 6)),
    ]
    assert programme.count("8:00 – 8:30 AM Morning walk") == 2
    assert programme.count("9:30 – 10:00 AM Morning walk by the lake") == 1


def test_an_override_of_a_single_event_replaces_it(tmp_path):
    programme, sessions = _build(
        tmp_path,
        ["UID:key", "SUMMARY:Keynote", f"DTSTART;{CPH}:20270503T100000", "DURATION:PT1H"],
        ["UID:key", "SUMMARY:Keynote (moved)", f"RECURRENCE-ID;{CPH}:20270503T100000",
         f"DTSTART;{CPH}:20270503T113000", "DURATION:PT1H"],
    )  # fmt: skip
    assert [(s[0], s[1]) for s in sessions] == [("Keynote (moved)", _utc(3, 9, 30))]
    assert "10:00 – 11:00 AM" not in programme


def test_a_weekly_rule_keeps_its_wall_time_across_the_change_of_the_clocks(tmp_path):
    """RFC 5545 repeats a TZID time at the same local time: 10:00 before and after the
    clocks go forward on 2027-03-28 (09:00 UTC, then 08:00)."""
    _, sessions = _build(
        tmp_path,
        ["UID:w", "SUMMARY:Weekly", f"DTSTART;{CPH}:20270325T100000", "DURATION:PT1H",
         "RRULE:FREQ=WEEKLY;UNTIL=20270402T000000Z"],
    )  # fmt: skip
    assert [s[1] for s in sessions] == [
        dt.datetime(2027, 3, 25, 9, tzinfo=dt.UTC),
        dt.datetime(2027, 4, 1, 8, tzinfo=dt.UTC),
    ]
