"""A session that ends at midnight: a festival's late concert, 23:00 to 00:00 (or "24:00").

It was printed as ending at 23:59 and written to programme.ics a minute short (from a
schedule file), or refused as ending before it starts (a sheet's "00:00", event.yaml's end).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar

from tests.conftest import run
from tests.pdfread import flat, text

EVENT = """\
title: Late night
language: en
url: https://example.org/
timezone: Europe/Copenhagen
"""
ZONE = zoneinfo.ZoneInfo("Europe/Copenhagen")


def _ends(out) -> dict[str, tuple[dt.datetime, dt.datetime]]:
    calendar = icalendar.Calendar.from_ical((out / "programme.ics").read_bytes())
    return {
        str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in calendar.walk("VEVENT")
    }


def _scheduled(tmp_path, name: str, content: str) -> str:
    """Build from the schedule file ``name``; the programme's text."""
    (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "event.yaml").write_text(EVENT + f"schedule: {name}\n", encoding="utf-8")
    result = run("build", tmp_path / "event.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return flat(text(tmp_path / "out" / "programme.pdf"))


def test_a_sheet_session_to_midnight(tmp_path):
    programme = _scheduled(
        tmp_path,
        "s.csv",
        "Date,Start,End,Room,Title,Kind,Speakers\n"
        "2027-06-10,23:00,00:00,Tent,Night talk,talk,Ann Berg\n"
        "2027-06-10,22:00,24:00,Stage,Late concert,talk,Bo Berg\n"
        "2027-06-11,00:00,00:30,Tent,After midnight,talk,Cy Berg\n",
    )
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    assert "11:00 PM – 12:00 AM Night talk" in programme
    assert "10:00 PM – 12:00 AM Late concert" in programme
    assert "11:59" not in programme
    ends = _ends(tmp_path / "out")
    midnight = dt.datetime(2027, 6, 11, tzinfo=ZONE)
    assert ends["Night talk"] == (dt.datetime(2027, 6, 10, 23, tzinfo=ZONE), midnight)
    assert ends["Late concert"] == (dt.datetime(2027, 6, 10, 22, tzinfo=ZONE), midnight)
    assert ends["After midnight"][0] == midnight  # the next day's first session: no clash


def test_a_schedule_duration_to_midnight(tmp_path):
    programme = _scheduled(
        tmp_path,
        "s.json",
        '{"schedule": {"conference": {"title": "L", "time_zone_name": "Europe/Copenhagen",'
        ' "days": [{"date": "2027-06-10", "rooms": {"Tent": [{"title": "Night talk",'
        ' "date": "2027-06-10T23:00:00+02:00", "start": "23:00", "duration": "01:00",'
        ' "type": "Talk", "persons": [{"public_name": "Ann Berg"}]}]}}]}}}',
    )
    assert "11:00 PM – 12:00 AM" in programme
    start, end = _ends(tmp_path / "out")["Night talk"]
    assert end - start == dt.timedelta(hours=1)


def _sessions(tmp_path, *times: tuple[str, str]):
    items = "".join(
        f'  - title: Session {n}\n    start: "{a}"\n    end: "{b}"\n'
        f"    panelists: [{{name: Person {n}}}]\n"
        for n, (a, b) in enumerate(times, start=1)
    )
    (tmp_path / "event.yaml").write_text(
        EVENT + "date: 2027-06-10\nvenue: Tent\nsessions:\n" + items, encoding="utf-8"
    )
    return run("build", tmp_path / "event.yaml", "-o", tmp_path / "out")


def test_event_yaml_sessions_may_end_at_midnight(tmp_path):
    result = _sessions(tmp_path, ("21:00", "22:00"), ("23:00", "24:00"))
    assert result.exit_code == 0, result.output
    assert _ends(tmp_path / "out")["Session 2"][1] == dt.datetime(2027, 6, 11, tzinfo=ZONE)
    result = _sessions(tmp_path, ("23:00", "00:00"))
    assert result.exit_code == 0, result.output


def test_a_clash_before_midnight_is_still_found(tmp_path):
    result = _sessions(tmp_path, ("23:00", "24:00"), ("23:30", "23:45"))
    assert result.exit_code == 2
    assert "overlaps sessions[1] (23:00–00:00) in Tent" in result.output


def test_an_end_before_the_start_is_still_refused(tmp_path):
    result = _sessions(tmp_path, ("23:00", "22:00"))
    assert result.exit_code == 2
    assert "ends (22:00) before it starts (23:00)" in result.output
    result = _sessions(tmp_path, ("00:00", "00:00"))
    assert result.exit_code == 2
