"""glabels' template database, bundled with its MIT licence: any product glabels knows is a
badge sheet, an organiser's own template file too, and the badges land where its numbers say."""

from __future__ import annotations

from pathlib import Path

import pytest

from printkit.read.glabels import bundled, length
from tests.conftest import run
from tests.pdfread import find_text, page_size_mm
from tests.products.test_label_printers import with_sheet

DATA = Path(__file__).resolve().parents[2] / "printkit" / "data" / "glabels"


def test_the_database_is_bundled_with_its_licence_and_attribution():
    assert "Permission is hereby granted" in (DATA / "LICENSE").read_text(encoding="utf-8")
    assert "Jim Evins" in (DATA / "README.md").read_text(encoding="utf-8")
    catalogue = bundled()
    assert len(catalogue.sheets) > 1000
    sheet = catalogue.find("Avery 5395")  # 3 3/8 × 2 1/3 in, 2 × 4 on Letter
    assert (sheet.label.width, sheet.columns, sheet.rows) == (pytest.approx(85.725), 2, 4)
    assert catalogue.find("avery-15395") is not None  # an equivalent ("equiv=") of 5395


@pytest.mark.parametrize(
    "text, mm", [("3.375in", 85.725), ("72pt", 25.4), ("72", 25.4), ("1.5cm", 15.0), ("6pc", 25.4)]
)
def test_lengths_in_any_unit(text, mm):
    assert length(text) == pytest.approx(mm)


def _first_badge_inside(pdf: Path, left: float, top: float, width: float, height: float):
    page_w, page_h = page_size_mm(pdf, 0)
    [box] = find_text(pdf, "Jan Damsgaard", 0)
    x0, y0 = left, page_h - top - height  # the first label, in page coordinates (y up)
    assert x0 < box[0] and box[2] < x0 + width and y0 < box[1] and box[3] < y0 + height
    return page_w, page_h


def test_any_glabels_product_name_is_a_sheet(event_dir):
    event = with_sheet(event_dir, '"Avery 7414"')  # not a preset: glabels' 90 × 52 mm, 2 × 5
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    sheet = bundled().find("Avery 7414")
    pdf = event_dir / "out" / "badges.pdf"
    size = _first_badge_inside(pdf, sheet.left, sheet.top, sheet.label.width, sheet.label.height)
    assert size == pytest.approx((sheet.paper.width, sheet.paper.height), abs=0.01)


OWN = """<?xml version="1.0"?>
<Glabels-templates>
  <Template brand="Our Club" part="Badge 2x3" size="A4" _description="Our own badge sheet">
    <Label-rectangle id="0" width="3.5in" height="55mm" round="3mm">
      <Layout nx="2" ny="3" x0="12mm" y0="0.75in" dx="95mm" dy="60mm"/>
    </Label-rectangle>
  </Template>
  <Template brand="Our Club" part="Round" size="A4">
    <Label-round id="0" radius="20mm"><Layout nx="1" ny="1" x0="0" y0="0" dx="0" dy="0"/></Label-round>
  </Template>
</Glabels-templates>
"""


def test_an_organisers_own_template_file_places_badges_where_its_numbers_say(event_dir):
    (event_dir / "club.xml").write_text(OWN, encoding="utf-8")
    event = with_sheet(event_dir, '{glabels: club.xml, name: "Our Club Badge 2x3"}')
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    assert _first_badge_inside(pdf, 12.0, 19.05, 88.9, 55.0) == pytest.approx((210, 297), abs=0.01)
    [box] = find_text(pdf, "Tom Jacobsgaard", 0)  # the sixth badge: column 2, row 3
    assert box[0] > 12.0 + 95.0 and box[2] < 12.0 + 95.0 + 88.9
    assert box[1] > 297 - 19.05 - 2 * 60 - 55 and box[3] < 297 - 19.05 - 2 * 60
    wrong = _event_with(event_dir, '{glabels: club.xml, name: "Our Club Round"}')
    refused = run("badges", wrong, "-o", event_dir / "o2")
    assert refused.exit_code == 2
    assert refused.output == (
        f"error: {event_dir / 'club.xml'}:9:5: Template 'Our Club Round': has round labels"
        " (<Label-round>), not one rectangle; printkit prints badges on rectangular labels:"
        " choose a rectangular product\n"
    )


def _event_with(event_dir: Path, sheet: str) -> Path:
    path = event_dir / "event.yaml"
    body = path.read_text(encoding="utf-8")
    line = next(ln for ln in body.splitlines() if ln.startswith("  sheet: "))
    path.write_text(body.replace(line, f"  sheet: {sheet}"), "utf-8")
    return path


def test_sheets_search_finds_glabels_products_and_says_where_presets_differ():
    result = run("sheets", "--search", "5395")
    assert result.exit_code == 0
    names = [line.split("  ")[0] for line in result.output.splitlines()[1:]]
    assert "Avery 5395" in names and "Avery 15395" in names
    listed = run("sheets").output
    assert (
        "differs from glabels: Avery L4785: first label (left / top) 17.5 / 13.5 mm here,"
        " 18 / 13 mm in glabels; printkit uses its own figure" in listed
    )
    missing = run("sheets", "--search", "no such stock 0000")
    assert missing.exit_code == 2


def test_a_product_whose_figures_put_labels_off_the_paper_is_left_out(event_dir):
    """glabels' Hisago OP3010: four 83.8 mm columns at an 87.6 mm pitch reach 365.9 mm on
    210 mm A4; it built badges off the page."""
    catalogue = bundled()
    assert catalogue.find("Hisago OP3010") is None
    assert catalogue.find("Herma 4464") is not None  # 210.6 mm on A4: glabels' rounding
    event = with_sheet(event_dir, '"Hisago OP3010"')
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    assert result.output.endswith(
        "badges.sheet: glabels' template of 'Hisago OP3010' cannot be used (the labels reach"
        " 365.9 × 275.9 mm from the sheet's top-left corner, past the 210 × 297 mm paper;"
        " correct nx, x0 and dx, or ny, y0 and dy); give the sheet's measurements instead"
        " (see badges.sheet in the README)\n"
    )
