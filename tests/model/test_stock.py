"""Named sheet presets, the printer offset and the calibration page, read back from the PDFs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from printkit.model.stock import PRESETS, find, slug
from printkit.read.event import DEFAULT_SHEET, load_event
from tests.conftest import SEED, run
from tests.pdfread import (
    RGB_OPERATOR,
    STANDARD_14,
    content_streams,
    flat,
    fonts,
    glyphs,
    object_boxes,
    page_size_mm,
    paths,
    text,
)
from tests.products.test_badges import assert_glyphs_in_safe_areas

IN = 25.4
A4 = (210.0, 297.0)
LETTER = (8.5 * IN, 11 * IN)
TOLERANCE = 0.01  # mm

# PRINT.md's "Name-badge stock and sheets", transcribed here on its own so that a typo in
# printkit/stock.py shows: name → paper, label (w, h), (columns, rows), first label's
# (left, top), pitch (across, down), corner radius (None: not known). All in mm.
# fmt: off
TABLE = {
    # 2.333 and 0.5833 in in PRINT.md are 2 1/3 and 7/12 in (glabels: 2.333333333 in)
    "Avery 5395": (LETTER, (3.375 * IN, 7 / 3 * IN), (2, 4), (0.6875 * IN, 7 / 12 * IN), (3.75 * IN, 2.5 * IN), 0.1875 * IN),
    "Avery 5392": (LETTER, (4 * IN, 3 * IN), (2, 3), (0.25 * IN, 1.0 * IN), (4 * IN, 3 * IN), None),
    "Avery L4785": (A4, (80, 50), (2, 5), (17.5, 13.5), (95, 55), 4.0),
    "Avery L7418": (A4, (86, 55), (2, 4), (19.0, 38.5), (86, 55), None),
    "Zweckform 32015": (A4, (85, 54), (2, 4), (17, 31.5), (91, 60), 0.0),
    "Durable 1445-02": (A4, (90, 54), (2, 5), (15, 12), (90, 54), None),
    "Durable 1456-02": (A4, (90, 60), (2, 4), (15, 28.5), (90, 60), None),
    "Herma 4412": (A4, (80, 50), (2, 5), (17.5, 13.5), (95, 55), None),
    "A6 on A4": (A4, (105, 148.5), (2, 2), (0, 0), (105, 148.5), 0.0),
    "A7 on A4": (A4, (105, 74.25), (2, 4), (0, 0), (105, 74.25), 0.0),
    # printkit's own: CR80 centred on A4 with 10 mm and 3 mm gutters
    "CR80 on A4": (A4, (85.6, 53.98), (2, 5), (14.4, 7.55), (95.6, 56.98), 3.18),
    # label printers: one label a page, the page the label; Brother QL keeps 1.5 mm edges
    "Brother DK-11234": ((86, 60), (83, 57), (1, 1), (1.5, 1.5), (83, 57), None),
    "Brother DK-11202": ((100, 62), (97, 59), (1, 1), (1.5, 1.5), (97, 59), None),
    "Brother QL 62 mm continuous": ((100, 62), (97, 59), (1, 1), (1.5, 1.5), (97, 59), 0.0),
    "Zebra 4 × 3 in": ((4 * IN, 3 * IN), (4 * IN, 3 * IN), (1, 1), (0, 0), (4 * IN, 3 * IN), None),
    "Zebra 4 × 6 in": ((4 * IN, 6 * IN), (4 * IN, 6 * IN), (1, 1), (0, 0), (4 * IN, 6 * IN), None),
    "Dymo 30856": ((106, 62), (106, 62), (1, 1), (0, 0), (106, 62), None),
}
# fmt: on


def test_the_table_names_every_preset_and_no_other():
    assert [p.name for p in PRESETS] == list(TABLE)


@pytest.fixture(scope="module")
def calibration_pages(tmp_path_factory) -> dict[str, Path]:
    """Every preset's calibration page, made once with the real command."""
    out = tmp_path_factory.mktemp("calibrate")
    pages = {}
    for preset in PRESETS:
        result = run("calibrate", preset.name, "-o", out)
        assert result.exit_code == 0, result.output
        pages[preset.name] = out / f"calibrate-{slug(preset.name)}.pdf"
        assert result.output == f"{pages[preset.name]}\n"
    return pages


def outlines(pdf: Path):
    """The label outlines on a calibration page, top row first, left to right."""
    found = [p for p in paths(pdf) if p.width > 10 and p.height > 10]
    return sorted(found, key=lambda p: (-round(p.top, 2), p.left))


@pytest.mark.parametrize("name", list(TABLE))
def test_calibration_outlines_lie_where_the_table_says(calibration_pages, name):
    paper, (width, height), (columns, rows), (left, top), (pitch_x, pitch_y), radius = TABLE[name]
    pdf = calibration_pages[name]
    page_w, page_h = page_size_mm(pdf)
    assert page_w == pytest.approx(paper[0], abs=TOLERANCE)
    assert page_h == pytest.approx(paper[1], abs=TOLERANCE)
    found = outlines(pdf)
    assert len(found) == columns * rows
    for i, outline in enumerate(found):
        row, column = divmod(i, columns)
        # offsets from the sheet's top-left corner, as the table gives them
        assert outline.left == pytest.approx(left + column * pitch_x, abs=TOLERANCE), (i, outline)
        assert page_h - outline.top == pytest.approx(top + row * pitch_y, abs=TOLERANCE), i
        assert outline.width == pytest.approx(width, abs=TOLERANCE), i
        assert outline.height == pytest.approx(height, abs=TOLERANCE), i
        # on the paper
        assert outline.left >= -1e-4 and outline.right <= page_w + 1e-4, i
        assert outline.bottom >= -1e-4 and outline.top <= page_h + 1e-4, i
        # the stock's corners: a rounded outline starts its bottom edge one radius in
        assert outline.curved == bool(radius), i
        if radius:
            start = outline.points[0]
            assert start[0] == pytest.approx(outline.left + radius, abs=TOLERANCE), i
            assert start[1] == pytest.approx(outline.bottom, abs=TOLERANCE), i
    # the pitch, neighbour to neighbour
    if columns > 1:
        assert found[1].left - found[0].left == pytest.approx(pitch_x, abs=TOLERANCE)
    if rows > 1:
        assert found[0].top - found[columns].top == pytest.approx(pitch_y, abs=TOLERANCE)


@pytest.mark.parametrize("name", ["Avery L4785", "Avery 5395"])
def test_the_rulers_read_true(calibration_pages, name):
    """Ticks every millimetre from the top-left corner, longer every 5 and 10 mm, and the
    numbers under the 10 mm ticks: the top ruler counts right, the left ruler counts down."""
    pdf = calibration_pages[name]
    page_w, page_h = page_size_mm(pdf)
    lines = [p for p in paths(pdf) if len(p.points) == 2]
    top_ticks = {
        round(p.left, 3): p.height
        for p in lines
        if p.width < 1e-4 and p.top == pytest.approx(page_h - 5, abs=1e-3)
    }
    left_ticks = {
        round(page_h - p.top, 3): p.width
        for p in lines
        if p.height < 1e-4 and p.left == pytest.approx(5, abs=1e-3)
    }
    for ticks, end in ((top_ticks, page_w - 5), (left_ticks, page_h - 5)):
        positions = sorted(d for d in ticks if d > 9.5)
        assert positions == pytest.approx(list(range(10, int(end) + 1)), abs=TOLERANCE)
        for d in positions:
            expected = 4.0 if round(d) % 10 == 0 else 2.5 if round(d) % 5 == 0 else 1.5
            assert ticks[d] == pytest.approx(expected, abs=TOLERANCE), d
    chars = glyphs(pdf)
    for number in (20, 50, 100, 150):
        # the top ruler's number sits centred under its tick
        digits = [g for g in chars if page_h - 13 < g.bottom < page_h - 5 and g.right > 13]
        run_ = _find_run(digits, str(number))
        assert (run_[0].left + run_[-1].right) / 2 == pytest.approx(number, abs=0.3), number
        # the left ruler's number sits beside its tick, centred on it
        digits = [g for g in chars if 5 < g.left < 13 and g.top < page_h - 13]
        run_ = _find_run(digits, str(number))
        assert page_h - (run_[0].bottom + run_[0].top) / 2 == pytest.approx(number, abs=0.3)


def _find_run(chars, word):
    """The glyphs spelling ``word`` as a whole word on one line, in order."""
    ordered = sorted(chars, key=lambda g: (round(g.bottom, 1), g.left))
    words, current = [], []
    for g in ordered:
        if current and (
            abs(g.bottom - current[-1].bottom) > 0.2 or g.left - current[-1].right > 1.5
        ):
            words.append(current)
            current = []
        current.append(g)
    words.append(current)
    for candidate in words:
        if "".join(g.char for g in candidate) == word:
            return candidate
    raise AssertionError(f"{word!r} not found")


@pytest.mark.parametrize("name", list(TABLE))
def test_calibration_text_stays_off_outlines_and_crosshairs(calibration_pages, name):
    pdf = calibration_pages[name]
    sheet = find(name).sheet
    page_w, page_h = page_size_mm(pdf)
    slots = [sheet.slot(c, r) for r in range(sheet.rows) for c in range(sheet.columns)]
    for g in glyphs(pdf):
        if g.left < 13 or g.top > page_h - 13:
            assert g.left >= 5 or g.top <= page_h - 5, g  # a ruler number, inside the rulers
            continue
        owners = [s for s in slots if s.inset(3).contains(_box(g), tolerance=0.01)]
        assert owners, f"{g} is not inside a label"
        cx, cy = owners[0].centre
        crosshair = (cx - 4, cy - 4, cx + 4, cy + 4)
        assert not _overlap((g.left, g.bottom, g.right, g.top), crosshair), g
    body = flat(text(pdf).replace("\xa0", " "))
    assert f"Calibration: {name}" in body
    assert "Print at 100 %" in body and "badges: offset: {x: …, y: …}" in body
    assert "Offset applied: x +0 mm (right), y +0 mm (down)" in body


def _box(g):
    from printkit.model.geometry import Rect

    return Rect(g.left, g.bottom, g.right - g.left, g.top - g.bottom)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_calibration_fonts_are_embedded_and_colour_is_cmyk(calibration_pages):
    pdf = calibration_pages["Avery L4785"]
    found = fonts(pdf)
    assert found and all(f["embedded"] for f in found), found
    assert not any(f["name"].split("+")[-1] in STANDARD_14 for f in found)
    for stream in content_streams(pdf):
        assert not RGB_OPERATOR.search(stream)


# -- the offset ------------------------------------------------------------------------


def _shifted(a, b, dx, dy):
    """Assert every shape in ``b`` is the one in ``a`` moved by (dx, dy) mm."""
    assert len(a) == len(b) and a
    for before, after in zip(a, b, strict=True):
        assert len(before.points) == len(after.points)
        for (x1, y1), (x2, y2) in zip(before.points, after.points, strict=True):
            assert x2 - x1 == pytest.approx(dx, abs=TOLERANCE)
            assert y2 - y1 == pytest.approx(dy, abs=TOLERANCE)


def test_calibration_applies_the_offset(tmp_path, calibration_pages):
    result = run(
        "calibrate", "avery-l4785", "-o", tmp_path, "--offset-x", "0.5", "--offset-y", "-1.2"
    )
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "calibrate-avery-l4785.pdf"
    # x to the right, y down the sheet: in PDF coordinates (y up) that is (x, -y)
    _shifted(paths(calibration_pages["Avery L4785"]), paths(pdf), 0.5, 1.2)
    assert "Offset applied: x +0.5 mm (right), y -1.2 mm (down)" in flat(
        text(pdf).replace("\xa0", " ")
    )


def _event(event_dir: Path, badges: dict | None) -> Path:
    data = yaml.safe_load((event_dir / "event.yaml").read_text(encoding="utf-8"))
    if badges is None:
        data.pop("badges", None)
    else:
        data["badges"] = badges
    path = event_dir / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _badges(event_dir: Path, badges: dict | None, *options: str) -> Path:
    event = _event(event_dir, badges)
    out = event_dir / f"out-{len(list(event_dir.glob('out-*')))}"
    result = run("badges", event, "-o", out, *options)
    assert result.exit_code == 0, result.output
    return out / "badges.pdf"


def _moved(before: Path, after: Path, dx: float, dy: float) -> None:
    """Every glyph and every page object (badges, bands, logos, cut marks) moved by (dx, dy)."""
    g1, g2 = glyphs(before), glyphs(after)
    assert len(g1) == len(g2) and g1
    for a, b in zip(g1, g2, strict=True):
        assert a.char == b.char
        assert b.left - a.left == pytest.approx(dx, abs=TOLERANCE), (a, b)
        assert b.bottom - a.bottom == pytest.approx(dy, abs=TOLERANCE), (a, b)
    o1, o2 = object_boxes(before), object_boxes(after)
    assert [t for t, _ in o1] == [t for t, _ in o2]
    for (_, a), (_, b) in zip(o1, o2, strict=True):
        assert [q - p for p, q in zip(a, b, strict=True)] == pytest.approx(
            [dx, dy, dx, dy], abs=TOLERANCE
        )
    _shifted(paths(before), paths(after), dx, dy)


def test_the_offset_moves_every_badge_and_mark(event_dir):
    plain = _badges(event_dir, {"sheet": "Avery L4785"})
    moved = _badges(event_dir, {"sheet": "Avery L4785", "offset": {"x": 0.5, "y": -1.2}})
    _moved(plain, moved, 0.5, 1.2)
    # the command line wins, axis by axis
    override = _badges(
        event_dir, {"sheet": "Avery L4785", "offset": {"x": 0.5, "y": -1.2}}, "--offset-x", "-2"
    )
    _moved(plain, override, -2.0, 1.2)
    both = _badges(event_dir, {"sheet": "Avery L4785"}, "--offset-x", "1", "--offset-y", "2.5")
    _moved(plain, both, 1.0, -2.5)


def test_build_takes_the_offset_too(tmp_path, seed_out):
    result = run("build", SEED, "-o", tmp_path, "--offset-y", "3")
    assert result.exit_code == 0, result.output
    _moved(seed_out / "badges.pdf", tmp_path / "badges.pdf", 0.0, -3.0)
    # only the badges move: the programme and the sign are not printed on label stock
    assert (tmp_path / "programme.pdf").read_bytes() == (seed_out / "programme.pdf").read_bytes()


def test_calibrate_an_event_file_uses_its_sheet_and_offset(event_dir, calibration_pages):
    event = _event(event_dir, {"sheet": "herma-4412", "offset": {"x": 1, "y": "2 mm"}})
    out = event_dir / "cal"
    result = run("calibrate", event, "-o", out)
    assert result.exit_code == 0, result.output
    _shifted(paths(calibration_pages["Herma 4412"]), paths(out / "calibrate-herma-4412.pdf"), 1, -2)
    result = run("calibrate", event, "-o", out, "--offset-y", "0")
    _shifted(paths(calibration_pages["Herma 4412"]), paths(out / "calibrate-herma-4412.pdf"), 1, 0)


# -- presets in event.yaml ----------------------------------------------------------------


def test_badges_on_a_preset_lie_in_its_slots(event_dir):
    pdf = _badges(event_dir, {"sheet": "Avery L4785"})
    assert_glyphs_in_safe_areas(pdf, find("Avery L4785").sheet, 6)


def test_a_preset_with_overrides(event_dir):
    event = _event(event_dir, {"sheet": {"preset": "Avery L4785", "top": 14, "radius": 2}})
    sheet = load_event(event).sheet
    expected = dataclasses.replace(
        find("L4785").sheet, name="Avery L4785 (adjusted: top, radius)", top=14.0, corner_radius=2.0
    )
    assert sheet == expected
    pdf = _badges(event_dir, {"sheet": {"preset": "Avery L4785", "top": 14}})
    assert_glyphs_in_safe_areas(pdf, dataclasses.replace(expected, corner_radius=4.0), 6)


def test_the_default_sheet_is_the_durable_preset(event_dir):
    assert DEFAULT_SHEET is find("Durable 1445-02").sheet
    assert load_event(_event(event_dir, None)).sheet is DEFAULT_SHEET


@pytest.mark.parametrize(
    "name", ["Avery L4785", "avery-l4785", "AVERY_L4785", "l4785", " Avery  L 4785 "]
)
def test_names_are_found_whatever_their_case_and_punctuation(name):
    assert find(name).name == "Avery L4785"


def test_aliases_name_their_sheet():
    assert find("Avery 8395").name == "Avery 5395"
    assert find("1445-02") is find("durable 144502")
    assert find("ID-1").name == "CR80 on A4"


MINIMAL = """\
title: Debat
date: 2024-05-01
start: "10:00"
end: "11:00"
venue: Salen
url: https://example.org/
panelists:
  - name: Jan
"""


@pytest.mark.parametrize(
    "extra, expected",
    [
        (
            "badges:\n  sheet: Avery L4758",
            "event.yaml:10:10: badges.sheet: 'Avery L4758' is not a sheet printkit knows;"
            " did you mean 'Avery L4785'? (printkit sheets lists the presets, printkit sheets --search TEXT glabels' products)",
        ),
        (
            "badges:\n  sheet:\n    preset: Durable 1445\n    top: 14",
            "event.yaml:11:13: badges.sheet.preset: 'Durable 1445' is not a sheet printkit"
            " knows; did you mean 'Durable 1445-02'? (printkit sheets lists the presets, printkit sheets --search TEXT glabels' products)",
        ),
        (
            "badges:\n  sheet: Letterhead",
            "event.yaml:10:10: badges.sheet: 'Letterhead' is not a sheet printkit knows;"
            " printkit sheets lists the presets, printkit sheets --search TEXT glabels' products",
        ),
        (
            "badges:\n  sheet:\n    preset: Avery L4785\n    rows: 6",
            "event.yaml:11:5: badges.sheet: the badges reach 192.5 × 338.5 mm but the paper is"
            " 210 × 297 mm; reduce columns, rows, offsets or pitch",
        ),
        (
            "badges:\n  offset: {x: 25}",
            "event.yaml:10:15: badges.offset.x: must be between -20 and 20 mm, not 25 mm",
        ),
        (
            "badges:\n  offset:\n    z: 1",
            "event.yaml:11:5: badges.offset.z: unknown key in the printer offset (known keys: x, y)",
        ),
        (
            "badges:\n  ofset: {x: 1}",
            "event.yaml:10:3: badges.ofset: unknown key in badges; did you mean 'offset'?",
        ),
    ],
)
def test_bad_sheet_or_offset_gives_one_located_message(tmp_path, extra, expected):
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL + extra + "\n", encoding="utf-8")
    result = run("badges", event, "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert result.output == "error: " + expected.replace("event.yaml", str(event), 1) + "\n"
    assert not (tmp_path / "out").exists()


def test_calibrate_an_unknown_sheet(tmp_path):
    result = run("calibrate", "avery l4758", "-o", tmp_path)
    assert result.exit_code == 2
    assert result.output == (
        "error: 'avery l4758' is not a sheet printkit knows; did you mean 'Avery L4785'?"
        " (printkit sheets lists them all)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_sheets_lists_every_preset_aligned():
    result = run("sheets")
    assert result.exit_code == 0
    lines = [ln for ln in result.output.splitlines() if not ln.startswith("differs from glabels")]
    header = [cell.strip() for cell in lines[0].split("  ") if cell.strip()]
    assert header == ["name", "paper", "label mm", "grid", "left / top mm", "pitch mm", "source"]
    assert [line.split("  ")[0] for line in lines[1:]] == [p.name for p in PRESETS]
    starts = {line.index(p.source) for line, p in zip(lines[1:], PRESETS, strict=True)}
    assert len(starts) == 1 and lines[0].index("source") in starts  # one aligned column
    l4785 = lines[1 + [p.name for p in PRESETS].index("Avery L4785")]
    assert l4785.split("  ")[0] == "Avery L4785"
    assert " A4 " in l4785 and " 80 × 50 " in l4785 and " 2 × 5 " in l4785
    assert " 17.5 / 13.5 " in l4785 and " 95 / 55 " in l4785
