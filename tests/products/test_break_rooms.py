"""A break in some of the rooms (``venue: [Room A, Room B]``, issue 11: "breaks span the
rooms they cover"): in the grid one grey box over each run of adjacent columns it covers,
measured against the room columns on every page of a twelve-room day; the by-slot entry names
its rooms; a room no session is in is refused at its line. Read back from the built PDF."""

from __future__ import annotations

from pathlib import Path

import pytest

from printkit.products.schedule.tracks import BREAK_FILL
from tests.conftest import run
from tests.pdfpaint import fills
from tests.pdfread import find_text, flat, page_count, text
from tests.products.programme_events import conference, title_start, write

CLOSE = 0.02  # mm: two measured edges this close are one edge
ROOMS = 12  # four rooms a page of A4: three pages of columns
COVERED = ("Room A", "Room B", "Room D", "Room E", "Room F", "Room L")
TITLE = "Coffee in some rooms"


def _with_break(rooms: list[str], kind: str = "break") -> dict:
    data = conference(rooms=ROOMS, slots=2, minutes=40)
    data["sessions"].append(
        {
            "title": TITLE,
            "kind": kind,
            "date": data["sessions"][0]["date"],
            "start": "09:40",
            "end": "10:00",
            "venue": list(rooms),
        }
    )
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[dict, Path]:
    data = _with_break(list(COVERED))
    folder = tmp_path_factory.mktemp("break_rooms")
    result = run("build", write(folder, data), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return data, folder / "out"


def _columns(data: dict, pdf: Path, page: int) -> dict[str, tuple[float, float]]:
    """Each room's column on a grid page: the left and right edges of its sessions' boxes."""
    found: dict[str, list[tuple[float, float]]] = {}
    painted = fills(pdf, page)
    for session in data["sessions"]:
        if "kind" in session or not find_text(pdf, title_start(session), page):
            continue
        left, bottom, right, top = find_text(pdf, title_start(session), page)[0]
        middle = (bottom + top) / 2
        holding = [f for f in painted if f.holds(left, middle) and f.holds(right, middle)]
        if not holding:  # the by-slot list: no boxes
            continue
        box = min(holding, key=lambda f: f.width * f.height)
        found.setdefault(session["venue"]["name"], []).append((box.left, box.right))
    return {
        room: (min(e[0] for e in edges), max(e[1] for e in edges)) for room, edges in found.items()
    }


def test_the_break_is_one_box_per_run_of_adjacent_columns_on_each_page(built):
    data, out = built
    pdf = out / "programme.pdf"
    pages = [p for p in range(page_count(pdf)) if _columns(data, pdf, p)]
    assert len(pages) == 3
    runs_seen = []
    for page in pages:
        columns = _columns(data, pdf, page)
        assert len(columns) == 4  # four rooms a page
        order = sorted(columns, key=lambda room: columns[room][0])
        runs: list[list[str]] = []
        for k, room in enumerate(order):  # the covered rooms in runs of adjacent columns
            if room in COVERED:
                if runs and order.index(runs[-1][-1]) == k - 1:
                    runs[-1].append(room)
                else:
                    runs.append([room])
        boxes = sorted((f for f in fills(pdf, page) if f.cmyk == BREAK_FILL), key=lambda f: f.left)
        assert len(boxes) == len(runs), (page, runs)
        for box, run_ in zip(boxes, runs, strict=True):
            assert abs(box.left - columns[run_[0]][0]) < CLOSE
            assert abs(box.right - columns[run_[-1]][1]) < CLOSE
            words = [b for b in find_text(pdf, TITLE, page) if box.holds(b[0], b[1])]
            assert len(words) == 1  # its title in each box
        assert len(find_text(pdf, TITLE, page)) == len(runs)
        runs_seen += runs
    assert runs_seen == [["Room A", "Room B"], ["Room D"], ["Room E", "Room F"], ["Room L"]]


def test_the_by_slot_entry_names_the_rooms(built):
    _, out = built
    words = flat(text(out / "programme.pdf"))
    assert f"9:40 – 10:00 AM · {', '.join(COVERED)} {TITLE}" in words


def test_the_door_posters_of_the_rooms_it_covers_list_it(built):
    _, out = built
    pdf = out / "posters.pdf"
    assert page_count(pdf) == ROOMS
    for page in range(ROOMS):
        words = text(pdf, page)
        room = f"Room {chr(65 + page)}"
        assert room in words.split("\n")[1]
        assert (TITLE in words) is (room in COVERED), room


def _refused(tmp_path: Path, data: dict, needle: str) -> str:
    event = write(tmp_path, data)
    result = run("programme", event, "-o", tmp_path / "out")
    assert result.exit_code == 2
    lines = event.read_text(encoding="utf-8").splitlines()
    line = max(i for i, t in enumerate(lines, 1) if needle in t)
    assert result.output.startswith(f"error: {event}:{line}:"), result.output
    assert result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()
    return result.output


def test_an_unknown_room_is_refused_at_its_line(tmp_path):
    output = _refused(tmp_path, _with_break(["Room A", "Room Z"]), "Room Z")
    assert ".venue[2]: 'Room Z' is no session's room; name one of: Room A, Room B," in output


def test_only_a_break_lists_rooms(tmp_path):
    output = _refused(tmp_path, _with_break(["Room A", "Room B"], kind="talk"), "- Room A")
    assert ".venue: lists rooms, which only a break may do (a talk is in one room)" in output


def test_a_session_in_a_covered_room_during_the_break_clashes(tmp_path):
    data = _with_break(["Room A", "Room B"])
    data["sessions"].append(
        {
            "title": "Late one",
            "start": "09:45",
            "end": "09:55",
            "venue": {"name": "Room B"},
            "date": data["sessions"][0]["date"],
        }
    )
    event = write(tmp_path, data)
    result = run("programme", event, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "in Room A, Room B on 2026-06-15" in result.output, result.output
    data["sessions"][-1]["venue"] = {"name": "Room C"}  # a room the break leaves alone
    result = run("programme", write(tmp_path, data), "-o", tmp_path / "again")
    assert result.exit_code == 0, result.output
