"""Press badges one a page, and cut marks at both ends of every cut line (issue 14, items 1–2).

The marks are found by rendering the page and looking where each cut line ends: beyond the
last badge on that line, in the free paper (margins or empty slots), or — on a sheet without
margins — on the cut line itself, in from the paper's edge, with a light halo around it.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from printkit.layout.marks import ON_CUT_MARK
from printkit.layout.sheets import slots
from printkit.read.event import load_event
from tests.conftest import ROOT, run
from tests.pdfread import boxes_mm, page_count, text
from tests.products.test_duplex import _event

DPI = 300
PX = DPI / 25.4  # pixels per mm
FESTIVAL = ROOT / "examples" / "festival-day.yaml"


def _sheet_event(event_dir, sheet: str | None = None, back: str = "none"):
    path = _event(event_dir, back, "long-edge")
    if sheet is not None:
        source = path.read_text(encoding="utf-8")
        start = source.index("  sheet:\n    paper: A4")
        end = source.index("  back: ")
        path.write_text(source[:start] + f"  sheet: {sheet}\n" + source[end:], encoding="utf-8")
    return path


def _grey(pdf, page: int):
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = document[page].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    return image


def _cut_lines(rects, paper):
    """Every cut line through the used badges: (axis, where, low end, high end) in mm."""
    lines = {}
    for r in rects:
        for x in (r.x, r.right):
            if 0.5 < x < paper.width - 0.5:
                lo, hi = lines.get(("x", round(x, 3)), (r.y, r.top))
                lines[("x", round(x, 3))] = (min(lo, r.y), max(hi, r.top))
        for y in (r.y, r.top):
            if 0.5 < y < paper.height - 0.5:
                lo, hi = lines.get(("y", round(y, 3)), (r.x, r.right))
                lines[("y", round(y, 3))] = (min(lo, r.x), max(hi, r.right))
    return [(axis, at, lo, hi) for (axis, at), (lo, hi) in sorted(lines.items())]


def _marked(image, paper, axis, at, start, stop, clear: float) -> bool:
    """A mark on the line ``at`` between ``start`` and ``stop`` mm along it: a dark pixel on
    the line with light paper (or halo) ``clear`` px to both sides."""
    step = 1 if stop > start else -1
    for i in range(round(start * PX), round(stop * PX), step):
        for d in (-1, 0, 1):
            if axis == "x":
                px, py = round(at * PX) + d, round((paper.height * PX) - i)
                sides = ((px - clear, py), (px + clear, py))
            else:
                px, py = i, round((paper.height - at) * PX) + d
                sides = ((px, py - clear), (px, py + clear))
            inside = all(0 <= c < s for (c, s) in zip((px, py), image.size, strict=True))
            if not inside or image.getpixel((px, py)) > 160:
                continue
            if all(image.getpixel((round(a), round(b))) > 200 for a, b in sides):
                return True
    return False


def _assert_marked_at_both_ends(pdf, page, rects, paper, beyond: float = 0.0):
    image = _grey(pdf, page)
    for axis, at, lo, hi in _cut_lines(rects, paper):
        end_of_paper = paper.height if axis == "x" else paper.width
        for end, edge in ((lo, 0.0), (hi, end_of_paper)):
            if abs(edge - end) < 3.5:  # no margin there: the mark is on the cut line
                start, stop = edge, edge - ON_CUT_MARK if edge else ON_CUT_MARK
            else:
                outward = 1 if edge > end else -1
                start, stop = end + outward * (beyond + 0.5), edge
            assert _marked(image, paper, axis, at, start, stop, clear=2), (
                f"page {page + 1}: cut line {axis} = {at} mm has no mark at its end {end} mm"
            )


def _used(sheet, count):
    return slots(sheet)[:count]


@pytest.mark.parametrize("sheet", [None, "Avery L4785", "A6 on A4", "A7 on A4"])
def test_every_cut_line_has_marks_at_both_ends_office(event_dir, sheet):
    """The seed's six badges: a partial sheet on every stock; A6 fills one sheet and starts
    another; A7 leaves two slots free."""
    event = _sheet_event(event_dir, sheet)
    assert run("badges", event, "-o", event_dir / "out").exit_code == 0
    pdf = event_dir / "out" / "badges.pdf"
    geometry = load_event(event).sheet
    left = 6
    for page in range(page_count(pdf)):
        count = min(left, geometry.per_sheet)
        _assert_marked_at_both_ends(pdf, page, _used(geometry, count), geometry.paper)
        left -= count


def test_full_and_partial_festival_sheets_have_marks_at_both_ends(tmp_path):
    out = tmp_path / "out"
    assert run("badges", FESTIVAL, "-o", out).exit_code == 0
    pdf = out / "badges.pdf"
    geometry = load_event(FESTIVAL).sheet
    pages = page_count(pdf)
    assert pages >= 2, "the festival should fill one sheet and start another"
    for page in range(pages):
        count = len([r for r in slots(geometry) if _has_badge(pdf, page, r, geometry)])
        assert count == geometry.per_sheet or page == pages - 1
        _assert_marked_at_both_ends(pdf, page, _used(geometry, count), geometry.paper)


def _has_badge(pdf, page, rect, sheet) -> bool:
    image = _grey(pdf, page)
    x0, x1 = round(rect.x * PX), round(rect.right * PX)
    y0 = round((sheet.paper.height - rect.top) * PX)
    y1 = round((sheet.paper.height - rect.y) * PX)
    return image.crop((x0 + 20, y0 + 20, x1 - 20, y1 - 20)).getextrema()[0] < 128


def test_backs_have_marks_at_both_ends(event_dir):
    event = _sheet_event(event_dir, None, back="info")
    assert run("badges", event, "-o", event_dir / "out").exit_code == 0
    pdf = event_dir / "out" / "badges.pdf"
    geometry = load_event(event).sheet
    assert page_count(pdf) == 2
    fronts = _used(geometry, 6)
    backs = [r.__class__(geometry.paper.width - r.right, r.y, r.width, r.height) for r in fronts]
    _assert_marked_at_both_ends(pdf, 0, fronts, geometry.paper)
    _assert_marked_at_both_ends(pdf, 1, backs, geometry.paper)


@pytest.mark.parametrize("back", ["none", "info", "fold"])
def test_press_badges_are_one_a_page_trim_the_badge_bleed_beyond(event_dir, back):
    duplex = "fold" if back == "fold" else "long-edge"
    event = _event(event_dir, "info" if back == "fold" else back, duplex)
    assert run("badges", event, "-o", event_dir / "out", "--press").exit_code == 0
    pdf = event_dir / "out" / "badges.pdf"
    label = load_event(event).sheet.label
    sides = 2 if back == "info" else 1
    assert page_count(pdf) == 6 * sides
    names = []
    for page in range(page_count(pdf)):
        boxes = boxes_mm(pdf, page)
        trim, bleed, media = boxes["TrimBox"], boxes["BleedBox"], boxes["MediaBox"]
        assert abs((trim[2] - trim[0]) - label.width) < 0.01, (page, trim)
        assert abs((trim[3] - trim[1]) - label.height) < 0.01, (page, trim)
        assert all(
            abs(b - (t + d)) < 0.01 for b, t, d in zip(bleed, trim, (-3, -3, 3, 3), strict=True)
        )
        assert media[0] <= bleed[0] and media[2] >= bleed[2] and media[3] >= bleed[3]
        words = text(pdf, page)
        names.append(next(line for line in words.splitlines() if line.strip()))
        if sides == 2 and page % 2:  # a back follows its front, for the same person
            first_name = text(pdf, page - 1).split()
            assert any(word in words for word in first_name[1:3]), (page, words)
    # a page per badge: marks at the four corners, outside the bleed
    _assert_marked_at_both_ends(
        pdf,
        0,
        [_trim_rect(boxes_mm(pdf, 0)["TrimBox"])],
        _paper(boxes_mm(pdf, 0)["MediaBox"]),
        beyond=3.0,
    )


def test_gang_up_keeps_the_sheet_with_every_badge_marked(event_dir, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780389000")  # the copies differ in date only
    event = event_dir / "event.yaml"
    event.write_text(
        event.read_text(encoding="utf-8") + "\npress:\n  gang_up: true\n", encoding="utf-8"
    )
    assert run("badges", event, "-o", event_dir / "yaml").exit_code == 0
    assert (
        run("badges", event_dir / "event.yaml", "-o", event_dir / "cli", "--one-per-page").exit_code
        == 0
    )
    assert page_count(event_dir / "yaml" / "badges.pdf") == 1
    assert page_count(event_dir / "cli" / "badges.pdf") == 6
    seed = event_dir / "seed"
    assert run("badges", ROOT / "event.yaml", "-o", seed, "--gang-up").exit_code == 0
    assert (seed / "badges.pdf").read_bytes() == (event_dir / "yaml" / "badges.pdf").read_bytes()
    from printkit.products.badges.duplex import imposed_sheet
    from printkit.read.event import load_event as load

    sheet, _ = imposed_sheet(load(event))
    _assert_marked_at_both_ends(seed / "badges.pdf", 0, _used(sheet, 6), sheet.paper, beyond=3.0)


def _trim_rect(box):
    from printkit.model.geometry import Rect

    return Rect(box[0], box[1], box[2] - box[0], box[3] - box[1])


def _paper(box):
    from printkit.model.geometry import Size

    return Size(box[2] - box[0], box[3] - box[1])
