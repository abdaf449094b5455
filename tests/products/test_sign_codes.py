"""A session's own page on its tent, and ``sign: {qr: calendar}``: the session itself in the
code, which phone cameras offer to add to the calendar. Decoded with a real reader."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import icalendar
import yaml

from printkit.read.event import load_event
from tests.conftest import ROOT, run
from tests.pdfread import flat, page_count, qr_codes, text

CONFERENCE = ROOT / "examples" / "conference.yaml"
WORKSHOP = "Hands-on — scraping and cleaning council minutes"


def _kit(tmp_path: Path, change=None) -> Path:
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    if change:
        change(data)
    tmp_path.mkdir(parents=True, exist_ok=True)
    event = tmp_path / "event.yaml"
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _tent_of(out: Path, title: str) -> int:
    return next(
        i for i in range(page_count(out / "tents.pdf")) if title in flat(text(out / "tents.pdf", i))
    )


def test_a_session_with_its_own_page_has_it_on_its_tent(tmp_path):
    out = _kit(tmp_path)
    workshop = _tent_of(out, "Hands-on")
    codes = {c.text for c in qr_codes(out / "tents.pdf", workshop)}
    assert codes == {"https://opendata.example.org/talk/scraping-minutes/"}
    assert "Scan for more about this session" in flat(text(out / "tents.pdf", workshop))
    keynote = _tent_of(out, "Opening keynote")
    assert {c.text for c in qr_codes(out / "tents.pdf", keynote)} == {
        "https://opendata.example.org/"
    }


def test_qr_calendar_puts_the_session_in_the_code(tmp_path):
    out = _kit(tmp_path, lambda d: d.update(sign={"qr": "calendar"}))
    page = _tent_of(out, "Hands-on")
    (code,) = {c.text for c in qr_codes(out / "tents.pdf", page)}
    assert code.startswith("BEGIN:VEVENT") and code.rstrip().endswith("END:VEVENT")
    event = icalendar.Event.from_ical(code)
    assert str(event["SUMMARY"]) == WORKSHOP
    assert str(event["LOCATION"]) == "Room 2 (B)"
    copenhagen = zoneinfo.ZoneInfo("Europe/Copenhagen")
    assert event.decoded("DTSTART") == dt.datetime(2026, 3, 7, 11, 15, tzinfo=copenhagen)
    assert event.decoded("DTEND") == dt.datetime(2026, 3, 7, 12, 30, tzinfo=copenhagen)
    assert "Scan to add it to your calendar" in flat(text(out / "tents.pdf", page))


def test_the_calendar_reads_back_with_stable_uids(tmp_path):
    first = _kit(tmp_path / "a")
    again = _kit(tmp_path / "b")
    data = (first / "programme.ics").read_bytes()
    assert data == (again / "programme.ics").read_bytes()  # same input, same bytes
    calendar = icalendar.Calendar.from_ical(data)
    event = load_event(CONFERENCE)
    items = calendar.walk("VEVENT")
    assert len(items) == len(event.sessions)
    assert len({str(i["UID"]) for i in items}) == len(items)
    zone = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zone] == ["Europe/Copenhagen"]
    copenhagen = zoneinfo.ZoneInfo("Europe/Copenhagen")
    by_title = {str(i["SUMMARY"]): i for i in items}
    for session in event.sessions:
        item = by_title[session.title]
        assert item.decoded("DTSTART") == dt.datetime.combine(
            session.date, session.start, copenhagen
        )
        assert item.decoded("DTEND") == dt.datetime.combine(session.date, session.end, copenhagen)
        assert item["DTSTART"].params["TZID"] == "Europe/Copenhagen"
    keynote = by_title["Opening keynote — Data that serves the public"]
    assert str(keynote["LOCATION"]) == "Main hall (A)"
    assert "Speaker: Priya Raman" in str(keynote["DESCRIPTION"])
    workshop = by_title[WORKSHOP]
    assert str(workshop["URL"]) == "https://opendata.example.org/talk/scraping-minutes/"
    # a retitled session elsewhere leaves every other session's UID as it was
    moved = _kit(
        tmp_path / "c", lambda d: d["sessions"][0].update(title="Opening keynote, renamed")
    )
    after = {
        str(i["SUMMARY"]): str(i["UID"])
        for i in icalendar.Calendar.from_ical((moved / "programme.ics").read_bytes()).walk("VEVENT")
    }
    before = {str(i["SUMMARY"]): str(i["UID"]) for i in items}
    assert all(after[t] == uid for t, uid in before.items() if t in after)


def test_one_debate_gets_a_calendar_too(tmp_path, seed_out):
    calendar = icalendar.Calendar.from_ical((seed_out / "programme.ics").read_bytes())
    (item,) = calendar.walk("VEVENT")
    seed = load_event(ROOT / "event.yaml")
    assert str(item["SUMMARY"]) == seed.main.title
    start = item.decoded("DTSTART")
    assert (start.date(), start.time()) == (seed.main.date, seed.main.start)
    assert start.tzinfo is None  # the seed names no timezone: floating local times
