"""A break with no venue of its own (issue 10: "may span all rooms"): in every room when the
programme has two rooms or more — across the grid's columns, "All rooms" in the lists and the
calendar, on every room's door poster, clashing with a session in any room — and in the one
room when there is one. Read back from the built files."""

from __future__ import annotations

import csv

import icalendar
import pytest
import yaml

from tests.conftest import run
from tests.pdfread import find_text, flat, page_count, paths, text

ROOMS = ("Room A", "Room B", "Room C")


def _event(rooms=ROOMS, language="en", extra=()) -> dict:
    """A day with a talk in each room at 10:00, a break in every room at 12:00 (no venue), a
    coffee in Room A only (its own venue) and a talk in each room at 13:00."""
    sessions = [
        {
            "title": f"Morning talk in {room}",
            "start": "10:00",
            "end": "11:00",
            "venue": room,
            "speakers": [{"name": f"Speaker {i}"}],
        }
        for i, room in enumerate(rooms)
    ]
    sessions.append({"title": "Lunch together", "kind": "break", "start": "12:00", "end": "13:00"})
    sessions.append(
        {
            "title": "Coffee corner",
            "kind": "break",
            "start": "11:00",
            "end": "11:30",
            "venue": rooms[0],
        }
    )
    sessions += [
        {
            "title": f"Afternoon talk in {room}",
            "start": "13:00",
            "end": "14:00",
            "venue": room,
            "speakers": [{"name": f"Afternoon speaker {i}"}],
        }
        for i, room in enumerate(rooms)
    ]
    sessions += list(extra)
    return {
        "language": language,
        "title": "Breaks for everyone",
        "url": "https://breaks.example.org/",
        "date": "2026-09-03",
        "timezone": "Europe/Copenhagen",
        "sessions": sessions,
    }


def _build(tmp_path, data: dict, *args: str):
    event = tmp_path / "event.yaml"
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out", *args)
    return result, tmp_path / "out"


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    result, out = _build(tmp_path_factory.mktemp("breaks"), _event())
    assert result.exit_code == 0, result.output
    return out


def _box_around(pdf, words: str, page: int = 0):
    """The filled box the grid draws around a session, found by its title's words."""
    left, bottom, right, top = find_text(pdf, words, page)[0]
    around = [
        shape
        for shape in paths(pdf, page)
        if shape.left <= left
        and shape.right >= right
        and shape.bottom <= bottom
        and shape.top >= top
        and shape.height > 5
    ]
    return min(around, key=lambda shape: shape.width * shape.height)


def test_the_grid_draws_a_break_across_every_rooms_column(kit):
    pdf = kit / "programme.pdf"
    lunch = _box_around(pdf, "Lunch together")
    first = _box_around(pdf, "Morning talk in Room A")
    last = _box_around(pdf, "Morning talk in Room C")
    assert lunch.left == pytest.approx(first.left, abs=0.01)
    assert lunch.right == pytest.approx(last.right, abs=0.01)
    coffee = _box_around(pdf, "Coffee corner")  # its own venue: its room's column alone
    assert coffee.width == pytest.approx(first.width, abs=0.01)
    assert len(find_text(pdf, "All rooms", 0)) == 0  # no column for it


def test_the_lists_and_the_calendar_say_all_rooms(kit):
    words = flat(text(kit / "programme.pdf"))
    assert "12:00 – 1:00 PM · All rooms Lunch together" in words
    assert "11:00 – 11:30 AM · Room A Coffee corner" in words
    calendar = icalendar.Calendar.from_ical((kit / "programme.ics").read_bytes())
    where = {str(e["SUMMARY"]): str(e["LOCATION"]) for e in calendar.walk("VEVENT")}
    assert where["Lunch together"] == "All rooms"
    assert where["Coffee corner"] == "Room A"


def test_every_rooms_door_poster_lists_the_break_and_no_poster_is_for_all_rooms(kit):
    pdf = kit / "posters.pdf"
    assert page_count(pdf) == len(ROOMS)
    for page, room in enumerate(ROOMS):
        words = text(pdf, page)
        assert room in words.split("\n")[1]
        assert "Lunch together" in words
        assert ("Coffee corner" in words) is (room == "Room A")
    assert all("All rooms" not in text(pdf, page) for page in range(len(ROOMS)))


def test_a_break_gets_no_tent(kit):
    words = text(kit / "tents.pdf")
    assert "Lunch together" not in words and "Coffee corner" not in words
    assert page_count(kit / "tents.pdf") == 2 * len(ROOMS)


def test_a_session_in_any_room_during_a_break_in_every_room_is_a_clash(tmp_path):
    late = {"title": "Working lunch", "start": "12:30", "end": "13:00", "venue": "Room B"}
    result, out = _build(tmp_path, _event(extra=[late]))
    assert result.exit_code == 2
    lines = (tmp_path / "event.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(lines, 1) if "Working lunch" in t) + 1
    assert result.output.startswith(f"error: {tmp_path / 'event.yaml'}:{line}:")
    assert "sessions[9].start: overlaps sessions[4] (12:00–13:00) in All rooms on 2026-09-03" in (
        result.output
    )
    assert not out.exists()


def test_with_one_room_a_break_is_in_that_room(tmp_path):
    result, out = _build(tmp_path, _event(rooms=("Main hall",)))
    assert result.exit_code == 0, result.output
    words = flat(text(out / "programme.pdf"))
    assert "12:00 – 1:00 PM Lunch together" in words  # one room: the list names none
    assert "All rooms" not in words
    assert page_count(out / "posters.pdf") == 1
    assert "Lunch together" in text(out / "posters.pdf")
    calendar = icalendar.Calendar.from_ical((out / "programme.ics").read_bytes())
    where = {str(e["SUMMARY"]): str(e["LOCATION"]) for e in calendar.walk("VEVENT")}
    assert where["Lunch together"] == "Main hall"


def test_breaks_alone_need_a_venue(tmp_path):
    data = _event()
    data["sessions"] = [
        s for s in data["sessions"] if s.get("kind") == "break" and "venue" not in s
    ]
    result, _out = _build(tmp_path, data)
    assert result.exit_code == 2
    assert result.output == (
        f"error: {tmp_path / 'event.yaml'}:1:1: venue: missing; say where the session takes"
        " place (venue: name, area), once at the top level (a break spans every room only when"
        " there are two or more)\n"
    )


def test_in_danish_alle_lokaler(tmp_path):
    result, out = _build(tmp_path, _event(language="da"))
    assert result.exit_code == 0, result.output
    assert "· Alle lokaler Lunch together" in flat(text(out / "programme.pdf"))


def test_a_sheets_break_without_a_room_is_in_every_room(tmp_path, monkeypatch):
    rows = [
        ("Date", "Start", "End", "Room", "Title", "Type", "Speakers"),
        ("2026-09-03", "10:00", "11:00", "Store sal", "Velkommen", "Keynote", "Karen Holm"),
        ("2026-09-03", "10:00", "11:00", "Lokale 2", "Åbne data", "Talk", "Omar Haddad"),
        ("2026-09-03", "12:00", "12:45", "", "Frokost", "Break", ""),
        ("2026-09-03", "13:00", "14:00", "", "Eftermiddag", "Talk", "Mia Lund"),
    ]
    with (tmp_path / "program.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows[:4])
    event = "title: Dagen\nlanguage: da\nurl: https://dagen.example.org/\nschedule: program.csv\n"
    (tmp_path / "event.yaml").write_text(event, encoding="utf-8")
    result = run("build", tmp_path / "event.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "· Alle lokaler Frokost" in flat(text(tmp_path / "out" / "programme.pdf"))
    with (tmp_path / "program.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)  # a talk without a room is refused at its cell
    monkeypatch.chdir(tmp_path)  # as from a terminal in the event's folder
    result = run("build", "event.yaml", "-o", tmp_path / "again")
    assert result.exit_code == 2
    assert result.output == (
        "error: program.csv:5:4: row 4, column 'Room': empty; say where the session takes place\n"
    )
