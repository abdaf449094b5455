"""The programme of a multi-room event, read as its reader reads it: a grid per day, the
sessions by slot, the index of people; on A4, A5 and Letter. The events come from
``programme_events``, made by rule for each case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run
from tests.pdfread import find_text, flat, glyphs, page_count, page_size_mm, text
from tests.products.programme_events import conference, people_names, room_names, title_start, write

PAPERS = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}


def _build(folder: Path, data: dict) -> Path:
    result = run("programme", write(folder, data), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out" / "programme.pdf"


@pytest.fixture(scope="module")
def five(tmp_path_factory) -> tuple[dict, Path]:
    data = conference(rooms=5, slots=4)
    return data, _build(tmp_path_factory.mktemp("five"), data)


@pytest.fixture(scope="module")
def twelve(tmp_path_factory) -> tuple[dict, Path]:
    data = conference(rooms=12, days=2, slots=3)
    return data, _build(tmp_path_factory.mktemp("twelve"), data)


def _pages(pdf: Path) -> list[str]:
    return [flat(text(pdf, i)) for i in range(page_count(pdf))]


def test_parallel_sessions_stand_side_by_side_at_one_height_in_room_order(five):
    data, pdf = five
    rooms = room_names(data)
    at_ten = [s for s in data["sessions"] if s["start"] == "10:00"]
    assert len(at_ten) == 5
    for page in range(page_count(pdf)):
        boxes = [find_text(pdf, title_start(s), page) for s in at_ten]
        if all(boxes):
            break
    else:
        pytest.fail("no page holds all five 10:00 sessions")
    firsts = [found[0] for found in boxes]  # the grid comes first: its box before any entry
    tops = [top for _, _, _, top in firsts]
    assert max(tops) - min(tops) < 0.3, tops
    order = sorted(at_ten, key=lambda s: [b[0] for b in firsts][at_ten.index(s)])
    assert [rooms.index(s["venue"]["name"]) for s in order] == list(range(5))


def test_a_box_is_as_tall_as_its_session_lasts(five):
    """An hour's sessions one under the other: their titles step down by the same amount."""
    data, pdf = five
    room1 = [s for s in data["sessions"] if s["venue"]["name"] == "Room A"]
    tops = [find_text(pdf, title_start(s), 0)[0][3] for s in room1]
    steps = [a - b for a, b in zip(tops, tops[1:], strict=False)]
    assert min(steps) > 20 and max(steps) - min(steps) < 0.3, steps


def test_twelve_rooms_continue_over_pages_with_the_time_axis_on_each(twelve):
    data, pdf = twelve
    pages = _pages(pdf)
    rooms = room_names(data)
    day_one = [s for s in data["sessions"] if s["date"] == data["sessions"][0]["date"]]
    grid_pages = []
    for page in range(len(pages)):
        heads = [r for r in rooms if find_text(pdf, r, page) and _is_header(pdf, r, page)]
        if heads:
            grid_pages.append((page, heads))
    # every room heads a column exactly once a day, on as few pages as hold them evenly
    assert sorted(r for _, heads in grid_pages[:3] for r in heads) == sorted(rooms)
    assert len(grid_pages) == 6  # two days, three pages each
    hours = {s["start"] for s in day_one}
    for page, _ in grid_pages:
        for hour in hours:
            label = _clock(hour)
            assert label in pages[page], (page, label)


def _is_header(pdf: Path, room: str, page: int) -> bool:
    """A room's name set alone on its line above the grid (not "… · Room 3" in an entry)."""
    line = [g for g in glyphs(pdf, page)]
    for left, bottom, _right, top in find_text(pdf, room, page):
        before = [
            g
            for g in line
            if g.top > bottom and g.bottom < top and g.right <= left + 0.1 and left - g.right < 3
        ]
        if not before:
            return True
    return False


def _clock(hhmm: str) -> str:
    hour = int(hhmm[:2])
    return f"{hour % 12 or 12}:00 {'AM' if hour < 12 else 'PM'}"


def test_every_person_is_in_the_index_with_pages_that_hold_their_name(twelve):
    data, pdf = twelve
    pages = _pages(pdf)
    index_start = next(i for i, p in enumerate(pages) if "Index of people" in p)
    index = " ".join(pages[index_start:])
    index = index[index.index("Index of people") :]  # it may begin under the list's last entry
    for name in people_names(data):
        assert name in index, name
        numbers = []
        for line in re.finditer(r"p\. (\d+)", index[index.index(name) : _next_name(index, name)]):
            numbers.append(int(line.group(1)))
        assert numbers, name
        for number in numbers:
            assert name in pages[number - 1], (name, number)


def _next_name(index: str, name: str) -> int:
    """Where the next person's entry begins: the first name after this one's references."""
    start = index.index(name) + len(name)
    found = re.search(r"p\. \d+ (?!Mon|Tue)(?=\D)", index[start:])
    return start + found.end() if found else len(index)


def test_no_page_but_a_days_last_ends_more_than_a_third_empty(twelve):
    """Measured from where the glyphs reach in each column of the by-slot pages."""
    data, pdf = twelve
    pages = _pages(pdf)
    slot_pages = [i for i, p in enumerate(pages) if " · Room " in p]
    dates = sorted({s["date"] for s in data["sessions"]})
    codes = {d: [title_start(s) for s in data["sessions"] if s["date"] == d] for d in dates}
    last_of_day = set()
    for day in dates:
        holding = [i for i in slot_pages if any(c in pages[i] for c in codes[day])]
        last_of_day.add(holding[-1])
    checked = 0
    for page in slot_pages:
        if page in last_of_day:
            continue
        marks = [g for g in glyphs(pdf, page) if 22.0 < g.bottom < 297.0 - 22.0]
        top, bottom = 297.0 - 22.0, 22.0
        middle = 105.0
        for column in (
            [g for g in marks if g.left < middle],
            [g for g in marks if g.left >= middle],
        ):
            assert column, page
            low = min(g.bottom for g in column)
            assert (low - bottom) / (top - bottom) < 1 / 3, (page, low)
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("paper", ["A5", "Letter"])
def test_the_paper_asked_for_is_every_pages_exact_size(tmp_path, paper):
    pdf = _build(tmp_path, conference(rooms=3, slots=2, paper=paper))
    for page in range(page_count(pdf)):
        width, height = page_size_mm(pdf, page)
        assert abs(width - PAPERS[paper][0]) < 0.01 and abs(height - PAPERS[paper][1]) < 0.01


def test_a_single_room_keeps_the_compact_list(tmp_path):
    data = conference(rooms=1, slots=3)
    pages = _pages(_build(tmp_path, data))
    body = " ".join(pages)
    assert "Index of people" not in body
    for session in data["sessions"]:
        assert body.count(session["title"]) == 1


def test_a_long_day_goes_on_over_pages_a_window_of_hours_each(tmp_path):
    data = conference(rooms=2, slots=14)  # 09:00 to 22:50
    pdf = _build(tmp_path, data)
    grid = [p for p in range(page_count(pdf)) if _is_header(pdf, "Room A", p)]
    assert len(grid) >= 2
    for session in data["sessions"]:  # each box on exactly one of the grid's pages
        found = [p for p in grid if find_text(pdf, title_start(session), p)]
        assert len(found) == 1, session["title"]
    pages = _pages(pdf)
    assert all("AM" in pages[p] or "PM" in pages[p] for p in grid)  # the time axis on each


def test_a_title_too_long_for_its_box_is_named(tmp_path):
    data = conference(rooms=2, slots=2)
    session = data["sessions"][0]
    session["end"] = "09:05"
    session["title"] = "A title far too long " * 8
    result = run("programme", write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert "sessions[1].title: programme: the title of 'A title far too long" in result.output
    assert result.output.rstrip().endswith("shorten the title")
    assert not (tmp_path / "out").exists()


def test_the_index_follows_the_languages_alphabet(tmp_path):
    """In Danish, Æ, Ø and Å (and Aa, read as Å) come after Z: the index is in that order,
    by family name, as ICU's Danish collation has it."""
    import icu

    data = conference(rooms=3, slots=2, language="da")
    pages = _pages(_build(tmp_path, data))
    start = next(i for i, p in enumerate(pages) if "Personregister" in p)
    index = " ".join(pages[start:])
    index = index[index.index("Personregister") :]
    names = sorted(people_names(data))
    collator = icu.Collator.createInstance(icu.Locale("da"))
    expected = sorted(
        names, key=lambda n: (collator.getSortKey(n.split()[-1]), collator.getSortKey(n))
    )
    positions = [index.index(name) for name in expected]
    assert positions == sorted(positions)
    assert expected.index(next(n for n in names if n.endswith("Aaberg"))) > expected.index(
        next(n for n in names if n.endswith("Zimmermann"))
    )  # the rule shows: Aaberg after Zimmermann


def test_a_part_begins_under_the_last_when_a_third_of_the_page_is_left(tmp_path):
    data = conference(rooms=2, slots=1)
    pages = _pages(_build(tmp_path, data))
    index = next(i for i, p in enumerate(pages) if "Index of people" in p)
    last = data["sessions"][-1]
    assert f"· {last['venue']['name']} {last['title']}" in pages[index]  # the list's last entry
    assert pages[index].index(last["title"]) < pages[index].index("Index of people")
