"""The layout dump that the golden files are made of: fine enough that a run moved 0.1 mm,
set 0.1 pt larger or in another font shows, and one item a line of valid JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from printkit.layout.dump import dumps
from printkit.layout.items import QR, Document, Group, Image, Page, Text
from printkit.layout.qr import encode
from printkit.model.geometry import Rect, Size
from printkit.typeset.fonts import typeface
from tests.conftest import ROOT

RUN = Text(12.0, 40.0, "Folkemødet 2017", "bold", 12.0, "accent")
LOGO = ROOT / "assets" / "bestyrelsesforeningen-mark.png"


def _document(text: Text = RUN, payload: str = "https://folkemoedet.dk/") -> Document:
    items = (
        text,
        Group((Image(Rect(1.0, 2.0, 8.0, 8.0), LOGO),), offset=(15.0, 231.0)),
        QR(Rect(100.0, 10.0, 40.0, 40.0), encode(payload)),
    )
    return Document((Page(Size(210.0, 297.0), items),), "Titel", "Forfatter", "Emne")


@pytest.mark.parametrize(
    "changed",
    [
        replace(RUN, x=RUN.x + 0.1),
        replace(RUN, y=RUN.y - 0.1),
        replace(RUN, size=RUN.size + 0.1),
        replace(RUN, style="regular"),
        replace(RUN, text="Folkemodet 2017"),
        replace(RUN, colour="text"),
        replace(RUN, align="center"),
    ],
    ids=["x", "y", "size", "font", "text", "colour", "align"],
)
def test_a_changed_text_run_changes_its_line_and_no_other(changed):
    face = typeface()
    before = dumps(_document(), face, ROOT).splitlines()
    after = dumps(_document(changed), face, ROOT).splitlines()
    differing = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(differing) == 1
    assert '"text": "Folkem' in differing[0][0]


def test_another_qr_payload_shows_in_the_dump():
    face = typeface()
    assert dumps(_document(), face) != dumps(_document(payload="https://example.org/"), face)


def test_each_item_is_one_line_of_valid_json_with_rounded_geometry():
    face = typeface()
    text = dumps(_document(replace(RUN, x=12.004999, y=-0.001)), face, ROOT)
    data = json.loads(text)
    page = data["pages"][0]
    run, group, qr = page["items"]
    assert (run["x"], run["y"]) == (12.0, 0.0)  # 0.01 mm; no "-0.0"
    assert run["font"].startswith("PK-NotoSans-Bold-")
    assert run["width"] == pytest.approx(face.width(RUN.text, "bold", 12.0) * 25.4 / 72, abs=0.01)
    assert group["items"][0]["path"] == "assets/bestyrelsesforeningen-mark.png"  # in any checkout
    assert qr["payload"] == "https://folkemoedet.dk/" and qr["modules"] == 25
    lines = text.splitlines()
    for item in (run, group["items"][0], qr):
        assert (
            sum(
                line.strip().rstrip(",")
                == json.dumps(item, ensure_ascii=False, separators=(", ", ": "))
                for line in lines
            )
            == 1
        )
