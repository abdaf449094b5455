"""Double-sided and foldable badges: every back lands behind its own front."""

from __future__ import annotations

import pytest

from printkit.products.badges.duplex import back_rect
from printkit.read.event import load_event
from tests.conftest import run
from tests.pdfread import find_text, page_count, page_size_mm, qr_codes
from tests.products.test_seed_kit import PEOPLE, URL


def _event(event_dir, back: str, duplex: str):
    path = event_dir / "event.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  back: none ", f"  back: {back} ").replace(
        "  duplex: long-edge ", f"  duplex: {duplex} "
    )
    assert f"back: {back}" in text and f"duplex: {duplex}" in text
    path.write_text(text, encoding="utf-8")
    return path


def _slot_of(sheet, x, y):
    for row in range(sheet.rows):
        for col in range(sheet.columns):
            r = sheet.slot(col, row)
            if r.x <= x <= r.right and r.y <= y <= r.top:
                return r
    return None


def _centre(box):
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
@pytest.mark.parametrize("back", ["info", "qr"])
def test_each_back_lands_behind_its_front(event_dir, back, duplex):
    event = _event(event_dir, back, duplex)
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    assert page_count(pdf) == 2
    sheet = load_event(event).sheet
    width, height = page_size_mm(pdf)
    for name in PEOPLE:
        [front] = find_text(pdf, name, 0)
        [back_box] = find_text(pdf, name, 1)
        front_slot = _slot_of(sheet, *_centre(front))
        # turn the sheet over: where is the back's name, seen from the front side?
        x, y = _centre(back_box)
        seen = (width - x, y) if duplex == "long-edge" else (x, height - y)
        assert _slot_of(sheet, *seen) == front_slot, name
        # and the back's slot is exactly the mirror of the front's
        assert back_rect(front_slot, sheet.paper, sheet_duplex(duplex)).contains(_point_rect(x, y))
        if duplex == "short-edge":  # turned 180°: the text runs right to left on the page
            chars = find_text(pdf, name[0], 1)
            assert chars
    codes = qr_codes(pdf, page=1, dpi=200)
    assert len(codes) == len(PEOPLE) and all(c.text == URL for c in codes)


def sheet_duplex(name):
    from printkit.model.event import Duplex

    return Duplex(name)


def _point_rect(x, y):
    from printkit.model.geometry import Rect

    return Rect(x, y, 0.0, 0.0)


def test_foldable_badge_has_its_back_above_the_fold_turned(event_dir):
    path = event_dir / "event.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("badges:\n")
    end = text.index("sign: tent")
    text = (
        text[:start]
        + (
            "badges:\n  sheet:\n    width: 105\n    height: 148.5\n    columns: 2\n    rows: 2\n"
            "    left: 0\n    top: 0\n  duplex: fold\n\n"
        )
        + text[end:]
    )
    path.write_text(text, encoding="utf-8")
    result = run("badges", path, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    sheet = load_event(path).sheet
    for page in range(page_count(pdf)):
        for name in PEOPLE:
            boxes = find_text(pdf, name, page)
            if not boxes:
                continue
            assert len(boxes) == 2, name  # front and back on the same piece
            lower, upper = sorted(boxes, key=lambda b: b[1])
            slot = _slot_of(sheet, *_centre(lower))
            assert slot is not None and slot.contains(_point_rect(*_centre(upper)))
            fold = slot.y + slot.height / 2
            assert lower[3] < fold < upper[1], name  # one each side of the fold
    assert len(qr_codes(pdf, page=0, dpi=200)) == 4
