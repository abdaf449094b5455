"""The index of venues (``programme: {parts: [..., venues]}``), read from the PDF's text as a
festival-goer reads it: every venue once in the language's alphabet, its place under its
name, and a reference for each of its sessions whose page holds that session's title."""

from __future__ import annotations

import re
from pathlib import Path

import icu
import pytest

from printkit.lang.labels import CATALOGUE
from tests.conftest import run
from tests.pdfread import page_count, text
from tests.products.programme_events import conference, title_start, write

#: Danish names, so the order shows the rule: Æ, Ø and Å after Z
VENUES = {
    "Room A": ("Åbent hus", "Allinge Havn"),
    "Room B": ("Ærøs scene", "Kirkepladsen"),
    "Room C": ("Bibliotekssalen", "Allinge Bibliotek"),
    "Room D": ("Zonen", "Strandvejen 4"),
    "Room E": ("Østerhavn", "Havnefronten"),
}
DA = CATALOGUE["da"]


def _festival() -> dict:
    """Two days in five venues of a festival's organisers, a break in every room each day."""
    data = conference(rooms=5, days=2, slots=2, language="da", breaks=("09:00",))
    for session in data["sessions"]:
        if "venue" in session:
            name, place = VENUES[session["venue"]["name"]]
            session["venue"] = {"name": name, "place": place}
    data["programme"] = {"parts": ["grid", "slots", "index", "venues"]}
    return data


@pytest.fixture(scope="module")
def festival(tmp_path_factory) -> tuple[dict, Path]:
    folder = tmp_path_factory.mktemp("venues")
    data = _festival()
    result = run("programme", write(folder, data), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return data, folder / "out" / "programme.pdf"


def _index_lines(pdf: Path) -> tuple[list[str], list[str]]:
    """The lines of the index of venues (to the programme's end), and every page's text."""
    pages = [text(pdf, p) for p in range(page_count(pdf))]
    start = next(i for i, page in enumerate(pages) if DA["venue_index"] in page)
    lines = [line.strip() for page in pages[start:] for line in page.splitlines()]
    return lines[lines.index(DA["venue_index"]) + 1 :], pages


def _blocks(lines: list[str]) -> dict[str, list[str]]:
    """Each venue's lines, from its name to the next venue's (a column's "(fortsat)" line
    that repeats a name is left out)."""
    names = {name for name, _ in VENUES.values()}
    blocks: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line in names:
            assert line not in blocks, f"{line} is in the index twice"
            current = line
            blocks[current] = []
        elif current is not None and not line.endswith(f"({DA['continued']})"):
            blocks[current].append(line)
    return blocks


def _pages_of(block: list[str]) -> list[int]:
    """The page numbers of a venue's references ("man. 15. jun. 09.00 · s. 3")."""
    refs = [re.search(rf" · {re.escape(DA['page'])} (\d+)$", line) for line in block]
    return [int(found.group(1)) for found in refs if found]


def test_every_venue_once_in_the_languages_alphabet(festival):
    _, pdf = festival
    lines, _ = _index_lines(pdf)
    names = [name for name, _ in VENUES.values()]
    collator = icu.Collator.createInstance(icu.Locale("da"))
    expected = sorted(names, key=collator.getSortKey)
    assert [line for line in lines if line in names] == expected
    assert expected[-3:] == ["Ærøs scene", "Østerhavn", "Åbent hus"]  # the rule shows


def test_a_venues_place_stands_under_its_name(festival):
    _, pdf = festival
    blocks = _blocks(_index_lines(pdf)[0])
    for name, place in VENUES.values():
        assert blocks[name][0] == place, (name, blocks[name][:2])


def test_each_session_has_a_reference_whose_page_holds_its_title(festival):
    data, pdf = festival
    blocks = _blocks(_index_lines(pdf)[0])
    _, pages = _index_lines(pdf)
    for name, _place in VENUES.values():
        sessions = [s for s in data["sessions"] if s.get("venue", {}).get("name") == name]
        sessions.sort(key=lambda s: (s["date"], s["start"]))
        numbers = _pages_of(blocks[name])
        assert len(numbers) == len(sessions), (name, blocks[name])
        for session, number in zip(sessions, numbers, strict=True):
            assert title_start(session) in pages[number - 1], (name, session["title"], number)


def test_a_break_in_every_room_is_no_venues(festival):
    data, pdf = festival
    lines, _ = _index_lines(pdf)
    breaks = [s for s in data["sessions"] if s.get("kind") == "break"]
    assert breaks
    assert DA["every_room"] not in lines
    blocks = _blocks(lines)
    references = sum(len(_pages_of(block)) for block in blocks.values())
    assert references == len(data["sessions"]) - len(breaks)


def test_the_venues_come_after_the_people_when_asked_for_so(tmp_path):
    data = _festival()
    data["programme"] = {"parts": ["slots", "venues", "index"]}
    result = run("programme", write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    whole = text(tmp_path / "out" / "programme.pdf")
    assert whole.index(DA["venue_index"]) < whole.index(DA["index"])


def test_a_festival_of_several_venues_gets_its_index_of_venues_by_default(tmp_path):
    """The issue's rule: a festival (several organisers' tents and stages) gets an index of
    venues beside the index of people; an event of many rooms that is no festival does not."""
    data = _festival()
    data["festival"] = "Folkemødet"
    del data["programme"]  # the default parts
    (tmp_path / "festival").mkdir()
    (tmp_path / "conference").mkdir()
    result = run("programme", write(tmp_path / "festival", data), "-o", tmp_path / "f")
    assert result.exit_code == 0, result.output
    whole = text(tmp_path / "f" / "programme.pdf")
    assert whole.index(DA["index"]) < whole.index(DA["venue_index"])
    del data["festival"]
    result = run("programme", write(tmp_path / "conference", data), "-o", tmp_path / "c")
    assert result.exit_code == 0, result.output
    whole = text(tmp_path / "c" / "programme.pdf")
    assert DA["index"] in whole and DA["venue_index"] not in whole
