"""Tracks, breaks and speakers in the programme of a conference, read from the PDF as a
print shop and a reader read it: the fills of the grid's boxes in CMYK (a track's tint, a bar
of its full colour, the legend's swatches, a break's grey), a break in every room measured
against the room columns on every page of rooms, and the by-slot entries' text (the track
beside the room, speakers with their affiliations under the kind's words)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from printkit.lang.labels import CATALOGUE
from printkit.products.schedule.tracks import BAR, BREAK_FILL, TINT
from tests.conftest import run
from tests.pdfpaint import Fill, fills
from tests.pdfread import find_text, page_count, text
from tests.products.programme_events import conference, title_start, write

TRACKS = (("Civic tech", [80, 10, 0, 0]), ("Policy", [0, 60, 100, 0]))
LABELS = CATALOGUE["en"]
CLOSE = 0.02  # mm: what two measured edges may differ by and still be one edge


def _build(folder: Path, data: dict) -> Path:
    result = run("programme", write(folder, data), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out" / "programme.pdf"


def _talks(data: dict, room: str) -> dict:
    """The sessions in ``room`` become talks: their panelists speak, and no one moderates
    (the first talk has two speakers, the others one)."""
    data = copy.deepcopy(data)
    talks = [s for s in data["sessions"] if _room(s) == room]
    for k, session in enumerate(talks):
        session["kind"] = "talk"
        session["speakers"] = session.pop("panelists")[: 2 if k == 0 else 1]
        del session["moderator"]
    return data


@pytest.fixture(scope="module")
def coloured(tmp_path_factory) -> tuple[dict, Path]:
    """Four rooms, three 40-minute slots, two tracks, a break in every room after the 10:00
    slot, Room B's sessions talks."""
    data = conference(rooms=4, slots=3, minutes=40, tracks=TRACKS, breaks=("10:00",))
    data = _talks(data, "Room B")
    return data, _build(tmp_path_factory.mktemp("tracks"), data)


def _box_of(pdf: Path, title: str, page: int = 0) -> Fill:
    """The grid box a title stands in: the smallest fill that holds the title's first words
    and is wider than a track's bar."""
    left, bottom, right, top = find_text(pdf, title, page)[0]
    holding = [
        f
        for f in fills(pdf, page)
        if f.holds(left, (bottom + top) / 2) and f.holds(right, (bottom + top) / 2)
    ]
    assert holding, title
    return min(holding, key=lambda f: f.width * f.height)


def _cmyk(percentages: list[int], strength: float = 1.0) -> tuple[float, ...]:
    return tuple(round(strength * v / 100, 4) for v in percentages)


def _same(a: tuple[float, ...] | None, b: tuple[float, ...]) -> bool:
    return a is not None and all(abs(x - y) < 0.002 for x, y in zip(a, b, strict=True))


def _room(session: dict) -> str | None:
    """The room a session names (a break in every room names none)."""
    return session.get("venue", {}).get("name")


def _sessions(data: dict, **wanted: str) -> list[dict]:
    return [s for s in data["sessions"] if all(s.get(k) == v for k, v in wanted.items())]


def test_a_tracks_boxes_are_a_tint_of_its_colour_with_a_bar_of_the_full_colour(coloured):
    data, pdf = coloured
    painted = fills(pdf, 0)
    for name, colour in TRACKS:
        sessions = _sessions(data, track=name)
        assert sessions
        for session in sessions:
            box = _box_of(pdf, title_start(session))
            assert _same(box.cmyk, _cmyk(colour, TINT)), (session["title"], box.colour)
            bars = [
                f
                for f in painted
                if _same(f.cmyk, _cmyk(colour))
                and abs(f.left - box.left) < CLOSE
                and abs(f.bottom - box.bottom) < CLOSE
            ]
            assert len(bars) == 1, session["title"]
            assert abs(bars[0].height - box.height) < CLOSE
            assert abs(bars[0].width - BAR) < CLOSE
            title_left = find_text(pdf, title_start(session), 0)[0][0]
            assert title_left > bars[0].right  # the words stand clear of the bar


def test_the_legend_names_each_track_beside_a_swatch_of_its_colour_below_the_grid(coloured):
    data, pdf = coloured
    painted = fills(pdf, 0)
    lowest_box = min(_box_of(pdf, title_start(s)).bottom for s in data["sessions"])
    for name, colour in TRACKS:
        found = [box for box in find_text(pdf, name, 0) if box[3] < lowest_box]
        assert len(found) == 1, name  # once, at the page's foot under the grid
        left, bottom, right, top = found[0]
        swatches = [
            f
            for f in painted
            if _same(f.cmyk, _cmyk(colour))
            and 0 < left - f.right < 3.0
            and f.bottom < (bottom + top) / 2 < f.top
        ]
        assert len(swatches) == 1, name


def test_a_break_in_every_room_is_one_grey_box_across_the_columns(coloured):
    data, pdf = coloured
    (brk,) = _sessions(data, kind="break")
    box = _box_of(pdf, brk["title"])
    assert _same(box.cmyk, BREAK_FILL)
    sessions = [s for s in data["sessions"] if s is not brk]
    boxes = {
        room: [_box_of(pdf, title_start(s)) for s in sessions if _room(s) == room]
        for room in ("Room A", "Room B", "Room C", "Room D")
    }
    assert abs(box.left - min(b.left for b in boxes["Room A"])) < CLOSE
    assert abs(box.right - max(b.right for b in boxes["Room D"])) < CLOSE
    for column in boxes.values():  # between the slots: no session box under it
        for other in column:
            assert other.top <= box.bottom or other.bottom >= box.top
    assert len(find_text(pdf, brk["title"], 0)) == 1  # one box, not one a room


def _entry_lines(pdf: Path, title: str) -> tuple[str, list[str]]:
    """The by-slot entry of the session titled ``title`` (after the grid's page): the line
    above its title, and the lines after it up to the next entry's time line."""
    for page in range(1, page_count(pdf)):
        lines = [line.strip() for line in text(pdf, page).splitlines()]
        if title in lines:
            i = lines.index(title)
            rest = lines[i + 1 :]
            end = next((k for k, line in enumerate(rest) if _times(line)), len(rest))
            return lines[i - 1], rest[:end]
    raise AssertionError(f"no by-slot entry titled {title!r}")


def _times(line: str) -> bool:
    """An entry's first line: its time range ("9:00 – 9:40 AM · Room B"), not the line that
    repeats its slot and title in the next column ("10:00 AM · B5 … (continued)")."""
    return line[:1].isdigit() and "–" in line


def test_the_by_slot_entry_names_its_room_and_track(coloured):
    data, pdf = coloured
    for session in _sessions(data):
        if "track" in session:
            meta, _ = _entry_lines(pdf, session["title"])
            assert meta.endswith(f" · {_room(session)} · {session['track']}"), meta


def test_speakers_are_credited_with_their_affiliations_under_the_kinds_words(coloured):
    data, pdf = coloured
    talks = _sessions(data, kind="talk")
    assert len(talks) == 3
    for session in talks:
        _, lines = _entry_lines(pdf, session["title"])
        heading = LABELS["speakers" if len(session["speakers"]) > 1 else "one_speaker"]
        assert heading in lines, (session["title"], lines)
        assert LABELS["panel"] not in lines and LABELS["moderator"] not in lines
        credited = lines[lines.index(heading) + 1 :]
        for k, person in enumerate(session["speakers"]):
            assert credited[k] == f"{person['name']}, {person['title']}, {person['organisations']}"
    panel = _sessions(data, kind=None)[0]  # a panel's people under its words, as before
    _, lines = _entry_lines(pdf, panel["title"])
    assert LABELS["panel"] in lines and LABELS["moderator"] in lines


def test_a_break_with_a_venue_of_its_own_is_grey_in_its_column(tmp_path):
    """Coffee in the foyer while the rooms hold sessions: a grey box in the foyer's column
    (no track's colours), and a by-slot entry that names the foyer."""
    data = conference(rooms=3, slots=2, minutes=50, tracks=TRACKS)
    data["sessions"].append(
        {
            "title": "Coffee in the foyer",
            "kind": "break",
            "date": data["sessions"][0]["date"],
            "start": "09:15",
            "end": "09:45",
            "venue": {"name": "Foyer"},
        }
    )
    pdf = _build(tmp_path, data)
    box = _box_of(pdf, "Coffee in the foyer")
    assert _same(box.cmyk, BREAK_FILL)
    room_a = _box_of(pdf, title_start(data["sessions"][0]))
    assert abs(box.width - room_a.width) < CLOSE  # one column's width, not the page's
    foyer = find_text(pdf, "Foyer", 0)[0]
    assert box.left <= foyer[0] < box.right  # under its room's name
    meta, _ = _entry_lines(pdf, "Coffee in the foyer")
    assert meta.endswith(" · Foyer"), meta


def test_a_break_spans_the_rooms_on_every_page_of_a_days_grid(tmp_path):
    """Twelve rooms go over three pages of columns: the break is on each, across its rooms."""
    data = conference(rooms=12, slots=2, minutes=40, breaks=("09:00",))
    pdf = _build(tmp_path, data)
    (brk,) = _sessions(data, kind="break")
    grid = [p for p in range(page_count(pdf)) if find_text(pdf, brk["title"], p)][:-1]
    assert len(grid) == 3  # and the by-slot entry after them
    for page in grid:
        box = _box_of(pdf, brk["title"], page)
        shown = [s for s in _sessions(data) if s.get("kind") != "break"]
        columns = [
            _box_of(pdf, title_start(s), page)
            for s in shown
            if find_text(pdf, title_start(s), page)
        ]
        assert len(columns) == 2 * 4  # four rooms a page, two slots
        assert abs(box.left - min(c.left for c in columns)) < CLOSE
        assert abs(box.right - max(c.right for c in columns)) < CLOSE
