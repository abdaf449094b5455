"""Badges: every glyph inside its badge's safe area, for the seed and for hard names."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from printkit.model.geometry import SheetGeometry
from printkit.read.event import DEFAULT_SHEET
from tests.conftest import run
from tests.pdfread import find_text, flat, glyphs, page_count, text

SAFE = 3.0

HARD_NAMES = [
    "Zoë Ångström-Þórsdóttir",
    "Łukasz Żółkiewski-Brzęczyszczykiewicz",
    "Maximilian Alexander von Hohenzollern-Sigmaringen",
    "Αικατερίνη Παπαδοπούλου-Χατζηγεωργίου",
    "Александра Константиновна Рождественская",
    "Ng Li",
    "Ólafur Ragnar Grímsson",
    "Jean-Baptiste Poquelin-Molière de Saint-Exupéry",
]
LONG_ORG = "Kommunernes Landsforening, Center for Digitalisering og Velfærd"  # 60+ characters


def badge_slots(sheet: SheetGeometry, count: int) -> list[tuple[int, object]]:
    """(page, rect) of each badge, in the order they were laid out."""
    result = []
    for i in range(count):
        page, index = divmod(i, sheet.per_sheet)
        result.append((page, sheet.slot(index % sheet.columns, index // sheet.columns)))
    return result


def assert_glyphs_in_safe_areas(pdf: Path, sheet: SheetGeometry, count: int) -> None:
    slots = badge_slots(sheet, count)
    for page in range(page_count(pdf)):
        rects = [r for p, r in slots if p == page]
        chars = glyphs(pdf, page)
        assert chars, "no text on the page"
        for g in chars:
            cx, cy = (g.left + g.right) / 2, (g.bottom + g.top) / 2
            owners = [r for r in rects if r.x <= cx <= r.right and r.y <= cy <= r.top]
            assert len(owners) == 1, f"{g} is on no badge"
            safe = owners[0].inset(SAFE)
            assert safe.x - 0.01 <= g.left and g.right <= safe.right + 0.01, g
            assert safe.y - 0.01 <= g.bottom and g.top <= safe.top + 0.01, g


def test_seed_badges_stay_in_their_safe_areas(seed_out):
    assert_glyphs_in_safe_areas(seed_out / "badges.pdf", DEFAULT_SHEET, 6)


def _event_with(event_dir: Path, people: list[dict], **extra) -> Path:
    data = yaml.safe_load((event_dir / "event.yaml").read_text(encoding="utf-8"))
    data["panelists"] = people
    data.update(extra)
    path = event_dir / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_hard_names_fit_and_copy_out_intact(event_dir):
    people = [{"name": n, "title": "Direktør", "organisations": [LONG_ORG]} for n in HARD_NAMES]
    event = _event_with(event_dir, people)
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    body = flat(text(pdf)).replace("- ", "-")  # a name broken after its hyphen joins again
    for name in HARD_NAMES:
        assert body.count(name) == 1, name
    assert page_count(pdf) == 1 + (len(HARD_NAMES) + 1 - 1) // 10
    assert_glyphs_in_safe_areas(pdf, DEFAULT_SHEET, len(HARD_NAMES) + 1)


def test_a_name_that_cannot_fit_fails_naming_the_person(event_dir):
    name = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegtundsorgfaltigkeitbeschutzen"
    event = _event_with(event_dir, [{"name": name}])
    out = event_dir / "out"
    result = run("badges", event, "-o", out)
    assert result.exit_code == 3
    lines = event.read_text(encoding="utf-8").splitlines()
    line, text = next((i, t) for i, t in enumerate(lines, start=1) if name in t)
    column = text.index(name) + 1
    assert result.output.startswith(  # at the line and field that gave the name
        f"error: {event}:{line}:{column}: panelists[1].name: badges: the name {name!r} does not"
        " fit a 90 × 54 mm badge"
    )
    assert not (out / "badges.pdf").exists()


@pytest.mark.parametrize(
    "sheet",
    [
        {
            "paper": "A4",
            "width": 80,
            "height": 50,
            "columns": 2,
            "rows": 5,
            "left": 17.5,
            "top": 13.5,
            "pitch_x": 95,
            "pitch_y": 55,
        },
        {
            "paper": "Letter",
            "width": "3.375 in",
            "height": "2.333 in",
            "columns": 2,
            "rows": 4,
            "left": "0.6875 in",
            "top": "0.5833 in",
            "pitch_x": "3.75 in",
            "pitch_y": "2.5 in",
        },
    ],
)
def test_custom_sheet_geometry(event_dir, sheet):
    data = yaml.safe_load((event_dir / "event.yaml").read_text(encoding="utf-8"))
    data["badges"] = {"sheet": sheet}
    (event_dir / "event.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    result = run("badges", event_dir / "event.yaml", "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    from printkit.read.event import load_event

    geometry = load_event(event_dir / "event.yaml").sheet
    assert geometry.columns == sheet["columns"]
    assert_glyphs_in_safe_areas(event_dir / "out" / "badges.pdf", geometry, 6)


def test_cut_marks_lie_outside_every_badge():
    from printkit.layout.marks import cut_marks
    from printkit.layout.sheets import slots

    for sheet in (
        DEFAULT_SHEET,
        SheetGeometry(
            "gutters",
            DEFAULT_SHEET.paper,
            DEFAULT_SHEET.label.__class__(80, 50),
            2,
            5,
            17.5,
            13.5,
            95,
            55,
        ),
    ):
        badges = slots(sheet)
        marks = cut_marks(sheet, badges)
        assert marks
        for m in marks:
            for b in badges:
                inside_x = b.x + 1e-6 < max(m.x1, m.x2) and min(m.x1, m.x2) < b.right - 1e-6
                inside_y = b.y + 1e-6 < max(m.y1, m.y2) and min(m.y1, m.y2) < b.top - 1e-6
                if m.x1 == m.x2:
                    assert not (b.x <= m.x1 <= b.right and inside_y), (m, b)
                else:
                    assert not (b.y <= m.y1 <= b.top and inside_x), (m, b)
        # every badge corner has a mark on each of its cut lines somewhere on the sheet
        xs = {round(m.x1, 3) for m in marks if m.x1 == m.x2}
        ys = {round(m.y1, 3) for m in marks if m.y1 == m.y2}
        for b in badges:
            assert round(b.x, 3) in xs and round(b.right, 3) in xs
            assert round(b.y, 3) in ys and round(b.top, 3) in ys


ABOVE = "\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a"  # eight marks the font stacks up
BELOW = "\u0323\u0324\u0325\u0326\u0327\u0328\u032d\u032e"  # and eight it stacks down


@pytest.mark.parametrize("name", ["Zo" + ABOVE + "ë Berg", "Jan Dam" + BELOW + "sgaard"])
def test_stacked_marks_stay_between_the_band_and_the_affiliation(event_dir, name):
    """Fitting measures the glyphs' real boxes, marks included: eight marks stacked on one
    letter (the most cleaning keeps) stay under the role band and above the title line."""
    from printkit.model.geometry import Size
    from printkit.products.badges.design import BadgeType

    event = _event_with(event_dir, [{"name": name, "title": "Direktør"}])
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    slot = DEFAULT_SHEET.slot(0, 0)  # the first badge is the name's
    band_bottom = slot.top - BadgeType(Size(slot.width, slot.height)).band
    mine = [g for g in glyphs(pdf) if slot.x <= g.left and g.right <= slot.right]
    mine = [g for g in mine if slot.y <= g.bottom and g.top <= slot.top]
    marks = [g for g in mine if unicodedata.category(g.char) == "Mn"]
    assert len(marks) == 7, [g.char for g in mine]  # the first composes with its letter (NFC)
    [title_top] = [b[3] for b in find_text(pdf, "Direktør") if slot.x <= b[0] <= slot.right]
    for mark in marks:
        assert mark.top <= band_bottom + 0.01, (mark, band_bottom)
        assert mark.bottom >= title_top - 0.01, (mark, title_top)
    assert_glyphs_in_safe_areas(pdf, DEFAULT_SHEET, 2)


def test_letters_after_stacked_marks_stay_on_the_baseline(event_dir):
    """Two marks on each of five letters: every letter on the name's baseline, and no text
    rise (``Ts``) left in the page for the lines after it (ReportLab's own rise raised the
    last "h" and the title line by a mark's height)."""
    from tests.pdfread import content_streams

    name = "Ann " + "".join(c + "\u0301\u0300" for c in "Smith")
    event = _event_with(event_dir, [{"name": name, "title": "Direktør"}])
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    slot = DEFAULT_SHEET.slot(0, 0)
    mine = [g for g in glyphs(pdf) if slot.x <= g.left <= slot.right and slot.y <= g.bottom]
    letters = [  # the name's, set large: taller than any other line's
        g for g in mine if unicodedata.category(g.char)[0] == "L" and g.top - g.bottom > 3.5
    ]
    assert len(letters) == 8, [g.char for g in letters]  # A n n, then S m i t h
    base = [g.bottom for g in letters]
    assert max(base) - min(base) < 0.1, [(g.char, round(g.bottom, 2)) for g in letters]
    assert all(b" Ts" not in stream for stream in content_streams(pdf))
