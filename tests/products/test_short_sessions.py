"""A conference day of lightning talks in the grid: 5- and 15-minute sessions in a day that runs
from 08:00 to 18:00. At the scale a long day is drawn (0.4 mm a minute) a 15-minute box was
6 mm tall and a nine-letter title "did not fit even at 6 pt": the build failed, pointing at
line 1 of event.yaml. Now the day is drawn larger, over more pages, until the shortest box
holds its time and title (a 5-minute box, its title); a title that still cannot fit is refused at its cell."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tests.conftest import run
from tests.pdfpaint import fills
from tests.pdfread import find_text, page_count, text

EVENT = """\
title: Lightning day
language: en
url: https://example.org/
timezone: Europe/Copenhagen
schedule: day.csv
"""
ROWS = [  # start, end, room, title, speaker
    ("08:00", "09:45", "Sal 1", "Opening plenary", "Ann Berg"),
    ("10:00", "10:05", "Sal 1", "Five minutes on Øresund", "Bo Dahl"),
    ("10:05", "10:10", "Sal 1", "Five more on Łódź", "Cy Eng"),
    ("14:00", "14:15", "Sal 1", "Øresund 1", "Di Falk"),
    ("14:00", "14:15", "Salle B", "Quarter hour", "Ed Gram"),
    ("16:00", "17:45", "Salle B", "Closing plenary", "Flo Hart"),
]


def _day(folder: Path, rows=ROWS) -> Path:
    lines = ["Date,Start,End,Room,Title,Kind,Speakers"]
    lines += [f"2027-01-04,{a},{b},{room},{title},talk,{who}" for a, b, room, title, who in rows]
    (folder / "day.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "event.yaml").write_text(EVENT, encoding="utf-8")
    return folder / "event.yaml"


def _page_of(pdf: Path, words: str) -> int:
    """The grid page that shows ``words`` (the listing by time slot follows the grid)."""
    pages = [k for k in range(page_count(pdf)) if find_text(pdf, words, k)]
    assert pages, words
    return pages[0]


def test_every_short_session_shows_its_time_title_and_speaker_inside_its_box(tmp_path):
    result = run("programme", _day(tmp_path), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "programme.pdf"
    for start, end, _, title, speaker in ROWS:
        page = _page_of(pdf, title)
        left, bottom, right, top = find_text(pdf, title, page)[0]
        box = min(
            (f for f in fills(pdf, page) if f.holds(left, bottom) and f.holds(right, top)),
            key=lambda f: f.width * f.height,
        )
        minutes = _minutes(end) - _minutes(start)
        # a 5-minute box holds its title (at the largest scale, 1.5 mm a minute); from 15
        # minutes, its time and speaker too (the listing after the grid names them all)
        for words in (_clock(start), speaker) if minutes >= 15 else ():
            found = [b for b in find_text(pdf, words, page) if box.holds(b[0], b[1])]
            assert found and box.holds(found[0][2], found[0][3]), (title, words)


def _minutes(hhmm: str) -> int:
    hour, minute = (int(x) for x in hhmm.split(":"))
    return hour * 60 + minute


def _clock(hhmm: str) -> str:
    """How the English grid's box says the start: "10:05" for 10:05 (AM/PM follow)."""
    hour, minute = (int(x) for x in hhmm.split(":"))
    return f"{(hour - 1) % 12 + 1}:{minute:02d}"


def test_pages_are_rendered_whole(tmp_path):
    """The longer grid still renders: every page opens and has ink (a look, not a golden)."""
    run("programme", _day(tmp_path), "-o", tmp_path / "out")
    document = pdfium.PdfDocument(tmp_path / "out" / "programme.pdf")
    for page in document:
        image = page.render(scale=0.5).to_pil().convert("L")
        assert image.getextrema()[0] < 128  # something dark: text was drawn
    assert len(document) >= 3  # a day of 5-minute talks runs over more, shorter windows
    listing = text(tmp_path / "out" / "programme.pdf")
    assert all(row[4] in listing for row in ROWS)


def test_a_title_too_long_for_any_box_is_refused_at_its_cell(tmp_path):
    long = " ".join(["Lightning"] * 40)
    rows = [*ROWS[:1], ROWS[4], ("10:00", "10:05", "Sal 1", long, "Bo Dahl")]  # two rooms: a grid
    result = run("programme", _day(tmp_path, rows), "-o", tmp_path / "out")
    assert result.exit_code != 0
    assert result.output.startswith(f"error: {tmp_path / 'day.csv'}:4:5: row 3.title: "), (
        result.output
    )
    assert "does not fit" in result.output
