"""Label printers: one badge per page at the label's exact size, and ``colour: mono`` for
thermal heads (solid black and white only, the role in a bold word on a black band)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from printkit.layout.theme import TRAP
from printkit.model.geometry import PT
from printkit.model.stock import LABEL_PRINTERS, find, one_per_page
from tests.conftest import run
from tests.pdfread import content_streams, flat, page_count, page_size_mm, strokes, text

TRAP_WIDTH = 2 * TRAP / PT  # pt: the stroke of a small white word's trap (layout/inks.py)

# preset → the page (mm) a label printer's driver expects: the label's own size
PAGES = {
    "Brother DK-11234": (86.0, 60.0),
    "Brother DK-11202": (100.0, 62.0),
    "Brother QL 62 mm continuous": (100.0, 62.0),
    "Zebra 4 × 3 in": (101.6, 76.2),
    "Zebra 4 × 6 in": (101.6, 152.4),
    "Dymo 30856": (106.0, 62.0),
}


def with_sheet(event_dir: Path, sheet: str, extra: str = "") -> Path:
    """The seed event on another badge sheet (and with ``extra`` badge options)."""
    path = event_dir / "event.yaml"
    body = path.read_text(encoding="utf-8")
    start = body.index("  sheet:\n    paper: A4")
    end = body.index("\n  ", body.index("pitch_y", start))
    path.write_text(body[:start] + f"  sheet: {sheet}\n{extra}" + body[end + 1 :], "utf-8")
    return path


def test_every_label_printer_preset_is_one_label_per_page():
    assert sorted(p.name for p in LABEL_PRINTERS) == sorted(PAGES)
    for preset in LABEL_PRINTERS:
        assert one_per_page(preset.sheet)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_label_printer_pages_measure_the_labels_size(event_dir, name):
    event = with_sheet(event_dir, f'"{name}"')
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    assert page_count(pdf) == 6  # the seed's six people, one badge a page
    for page in range(6):
        width, height = page_size_mm(pdf, page)
        assert (width, height) == pytest.approx(PAGES[name], abs=0.01)
        marks = [s for s in strokes(pdf, page) if abs(s.width_pt - TRAP_WIDTH) > 1e-3]
        assert marks == []  # the label is cut already: no cut marks on it (traps aside)
    assert "Jan Damsgaard" in flat(text(pdf, 0))


def test_continuous_tape_is_cut_at_the_chosen_length_with_its_edges_kept_clear(event_dir):
    from tests.pdfread import glyphs

    event = with_sheet(event_dir, '{preset: "Brother QL 62 mm continuous", width: 120}')
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    assert page_size_mm(pdf, 0) == pytest.approx((120.0, 62.0), abs=0.01)
    edge = find("Brother QL 62 mm continuous").sheet.left
    assert edge == 1.5
    for glyph in glyphs(pdf, 0):  # no ink within the printer's unprintable edge
        assert edge < glyph.left and glyph.right < 120.0 - edge
        assert edge < glyph.bottom and glyph.top < 62.0 - edge


def _colours(pdf: Path) -> set[tuple[float, ...]]:
    stream = b"".join(content_streams(pdf)).decode("latin-1")
    found = set()
    for match in re.finditer(r"((?:-?[\d.]+ ){4})[kK]\b", stream):
        found.add(tuple(round(float(v), 3) for v in match.group(1).split()))
    for match in re.finditer(r"(?<![\d.])((?:-?[\d.]+ ){3})(?:rg|RG)\b", stream):
        found.add(("rgb", *(round(float(v), 3) for v in match.group(1).split())))
    return found


def test_mono_is_solid_black_and_white_with_the_role_in_words(event_dir):
    event = with_sheet(event_dir, "DK-11234")  # first in colour: the role's band and grey text
    assert run("badges", event, "-o", event_dir / "full").exit_code == 0
    assert len(_colours(event_dir / "full" / "badges.pdf")) > 2
    body = event.read_text(encoding="utf-8")
    event.write_text(body.replace("  sheet: DK-11234\n", "  sheet: DK-11234\n  colour: mono\n"))
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    assert _colours(pdf) <= {(0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0, 0.0)}
    assert "Paneldeltager" in flat(text(pdf, 0)) and "Ordstyrer" in flat(text(pdf, 5))
