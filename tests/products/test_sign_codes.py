"""A session's own page on its tent and in its row of the door poster, and ``sign: {qr:
calendar}``: the session itself in the code, which phone cameras offer to add to the
calendar. Decoded with a real reader."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from pathlib import Path

import icalendar
import pytest
import yaml

import printkit.cli
from printkit.checks.review import review
from printkit.products.posters import SESSION_QR
from printkit.read.event import load_event
from tests.conftest import ROOT, run
from tests.pdfread import find_text, flat, page_count, qr_codes, text

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


def _poster_of(out: Path, room: str) -> int:
    pdf = out / "posters.pdf"
    return next(i for i in range(page_count(pdf)) if text(pdf, i).split("\n")[1] == room)


def test_a_door_poster_has_a_sessions_own_page_in_its_row(tmp_path):
    out = _kit(tmp_path)
    pdf = out / "posters.pdf"
    page = _poster_of(out, "Room 2 (B)")
    codes = {c.text: c for c in qr_codes(pdf, page)}
    workshop = codes.pop("https://opendata.example.org/talk/scraping-minutes/")
    assert set(codes) == {"https://opendata.example.org/"}  # and the programme's, below
    (title,) = find_text(pdf, "Hands-on", page)
    assert title[2] < workshop.centre[0] - workshop.width_mm / 2  # at the right of the words
    assert workshop.centre[1] - workshop.width_mm / 2 < title[1] < title[3]  # beside its row
    assert workshop.centre[1] + workshop.width_mm / 2 > title[1]
    assert workshop.width_mm == pytest.approx(SESSION_QR, abs=1.0)
    assert "Scan a session's code for more about it" in text(pdf, page)
    hall = _poster_of(out, "Main hall (A)")  # no session of its own page: the programme's code
    assert [c.text for c in qr_codes(pdf, hall)] == ["https://opendata.example.org/"]
    assert "Scan a session's code" not in text(pdf, hall)


def test_qr_calendar_puts_each_session_in_its_row_of_the_door_poster(tmp_path):
    out = _kit(tmp_path, lambda d: d.update(sign={"qr": "calendar"}))
    pdf = out / "posters.pdf"
    event = load_event(CONFERENCE)
    for page in range(page_count(pdf)):
        found = [c.text for c in qr_codes(pdf, page)]
        calendars = [icalendar.Event.from_ical(c) for c in found if c.startswith("BEGIN:VEVENT")]
        room = text(pdf, page).split("\n")[1]
        wanted = {
            s.title
            for s in event.sessions
            if f"{s.venue.name} ({s.venue.area})" == room and event.kind(s).sign
        }
        assert {str(c["SUMMARY"]) for c in calendars} == wanted  # no break has one
        assert len(found) == len(wanted) + 1  # and the programme's
        assert "Scan a session's code to add it to your calendar" in text(pdf, page)


def test_review_measures_door_poster_codes_as_held_up_to_them(tmp_path, monkeypatch):
    """30 mm codes on a door poster are fine at 30 cm; the 1 m rule is for the programme's."""
    out = _kit(tmp_path, lambda d: d.update(sign={"kind": "poster", "qr": "calendar"}))
    assert out.exists()
    monkeypatch.setattr(
        printkit.cli, "review", functools.partial(review, today=dt.date(2026, 3, 1))
    )
    result = run("review", tmp_path / "event.yaml")
    assert result.exit_code == 0, result.output
    assert "posters" not in result.output
