"""The programme as a saddle-stitched booklet, read back: the reader's pages at A5 (or
Half-Letter) padded to a multiple of four, and programme-booklet.pdf with them two up on A4
(or Letter) sheets in the order that folds into reading order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from printkit.layout.booklet import sides
from tests.conftest import run
from tests.pdfread import boxes_mm, find_text, page_count, page_size_mm, text
from tests.products.programme_events import conference, write

SIZES = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
HALF_LETTER = (139.7, 215.9)


def _build(folder: Path, data: dict, *options: str) -> Path:
    result = run("programme", write(folder, data), "-o", folder / "out", *options)
    assert result.exit_code == 0, result.output
    return folder / "out"


def _counter(pdf: Path, page: int, half: float) -> list[tuple[str, int]]:
    """The "page k of m" counters on a side, each with the half (0 left, 1 right) it is in."""
    found = []
    for match in re.finditer(r"page (\d+) of (\d+)", text(pdf, page)):
        boxes = find_text(pdf, match.group(0), page)
        for left, *_ in boxes:
            found.append((match.group(1), 0 if left < half else 1))
    return sorted(set(found), key=lambda f: f[1])


@pytest.mark.parametrize(
    ("paper", "page", "sheet"),
    [("A4", SIZES["A5"], (297.0, 210.0)), ("Letter", HALF_LETTER, (279.4, 215.9))],
)
def test_the_imposed_sheets_carry_the_pages_in_saddle_stitch_order(tmp_path, paper, page, sheet):
    out = _build(tmp_path, conference(rooms=4, slots=3, paper=paper), "--booklet")
    reader, imposed = out / "programme.pdf", out / "programme-booklet.pdf"
    n = page_count(reader)
    assert n % 4 == 0 and n >= 8
    for i in range(n):
        assert page_size_mm(reader, i) == pytest.approx(page, abs=0.01)
    numbered = len(re.findall(r"page \d+ of \d+", text(reader)))  # the rest are blank
    assert page_count(imposed) == n // 2
    for side, (left, right) in enumerate(sides(n)):
        assert page_size_mm(imposed, side) == pytest.approx(sheet, abs=0.01)
        expected = [(str(p), h) for h, p in ((0, left), (1, right)) if p <= numbered]
        assert _counter(imposed, side, sheet[0] / 2) == expected, side


def test_booklet_from_event_yaml_and_press_boxes_on_every_reader_page(tmp_path):
    data = conference(rooms=3, slots=2, booklet=True)
    out = _build(tmp_path, data, "--press")
    reader = out / "programme.pdf"
    assert (out / "programme-booklet.pdf").exists()
    for i in range(page_count(reader)):
        boxes = boxes_mm(reader, i)
        trim, bleed = boxes["TrimBox"], boxes["BleedBox"]
        assert trim[2] - trim[0] == pytest.approx(148.0, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(210.0, abs=0.01)
        assert bleed[2] - bleed[0] == pytest.approx(154.0, abs=0.01)
    imposed = out / "programme-booklet.pdf"
    assert boxes_mm(imposed, 0)["TrimBox"] is None  # the office printer's sheet: no finishing


def test_sides_pair_the_pages_from_the_outside_in():
    assert sides(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]
    for n in (4, 12, 40):
        pairs = sides(n)
        assert sorted(p for pair in pairs for p in pair) == list(range(1, n + 1))
        assert all(a + b == n + 1 for a, b in pairs)
    with pytest.raises(ValueError):
        sides(6)
