"""The by-slot list sets as many columns as the page's width holds at ``MIN_COLUMN`` mm each,
at most three (issue 11: "two or three columns where the page size allows"): three on A3 and
Tabloid, two on A4 and Letter, one on A5. Found from where the glyphs' lines begin."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from printkit.model.geometry import PAPER
from printkit.products.schedule.columns import GUTTER, MAX_COLUMNS, MIN_COLUMN
from printkit.products.schedule.frame import NARROW, NARROW_MARGIN, WIDE_MARGIN
from tests.conftest import run
from tests.pdfread import MM, flat, page_count, page_size_mm, text
from tests.products.programme_events import conference, write

FOOT = 22.0  # mm: the running head and the page's foot stand outside the columns
APART = 30.0  # mm: line starts farther apart than this begin different columns
MANY = 5  # lines starting at one x make it a column's edge


def _expected(paper: str) -> int:
    """The rule from the paper's width: as many 60 mm columns as fit, gutters between."""
    width = PAPER[paper].width
    inner = width - 2 * (NARROW_MARGIN if width < NARROW else WIDE_MARGIN)
    return max(1, min(MAX_COLUMNS, int((inner + GUTTER) // (MIN_COLUMN + GUTTER))))


def _column_starts(pdf, page: int) -> list[float]:
    """Where the page's text columns begin: the x at which many runs of text begin (pdfium's
    text rectangles), starts close together (an indent) one column."""
    height = page_size_mm(pdf, page)[1]
    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[page].get_textpage()
        rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    finally:
        doc.close()
    counted: dict[int, int] = {}
    for left, bottom, _right, _top in rects:
        if FOOT < bottom / MM < height - FOOT:
            counted[round(left / MM)] = counted.get(round(left / MM), 0) + 1
    starts: list[list[int]] = []
    for x in sorted(x for x, n in counted.items() if n >= MANY):
        if starts and x - starts[-1][-1] < APART:
            starts[-1].append(x)
        else:
            starts.append([x])
    return [float(min(group)) for group in starts]


@pytest.mark.parametrize("paper", ["A3", "Tabloid", "A4"])
def test_the_by_slot_list_sets_the_columns_its_pages_width_holds(tmp_path, paper):
    data = conference(rooms=12, slots=3, paper=paper, parts=["slots"])
    result = run("programme", write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "programme.pdf"
    width, height = page_size_mm(pdf, 0)
    assert abs(width - PAPER[paper].width) < 0.01 and abs(height - PAPER[paper].height) < 0.01
    count = _expected(paper)
    assert count == {"A3": 3, "Tabloid": 3, "A4": 2}[paper]
    full = [p for p in range(page_count(pdf) - 1) if " · Room " in flat(text(pdf, p))]
    assert full  # a page before the day's last: its columns filled
    for page in full:
        starts = _column_starts(pdf, page)
        assert len(starts) == count, (page, starts)
        margin = WIDE_MARGIN
        column = (width - 2 * margin - (count - 1) * GUTTER) / count
        for k, x in enumerate(starts):  # each column at its place across the page
            assert abs(x - (margin + k * (column + GUTTER))) < 1.0, (page, k, x)
