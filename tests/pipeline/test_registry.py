"""A new product is one module and one row: this file registers a door hanger of its own and
builds, reviews and proofs it through the registry, touching no other module of printkit."""

from __future__ import annotations

import math

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image as PILImage
from pypdf import PdfReader

from printkit.checks.review import review
from printkit.layout.items import QR, Document, Page, Text
from printkit.layout.qr import encode
from printkit.model.event import Event
from printkit.model.geometry import Rect, Size
from printkit.pipeline import products as registry
from printkit.pipeline.build import build
from printkit.tools.proof import proof
from printkit.typeset.fonts import Typeface
from tests.conftest import ROOT, run

HANGER = Size(90.0, 210.0)  # mm: a door hanger, hung on a handle
CODE = 25.0  # mm with its quiet zone: too small to read from across a corridor
CORRIDOR = registry.Reading("the door hanger", "2 m", 200.0, 1.0)


def layout_hanger(event: Event, face: Typeface) -> Document:
    """A test product: the title and a QR code to the event's page."""
    items = (
        Text(10.0, 180.0, event.title[:20], "bold", 14.0),
        QR(Rect(10.0, 40.0, CODE, CODE), encode(event.url)),
    )
    return Document((Page(HANGER, items),), event.title, "test", "door hanger")


@pytest.fixture
def hanger():
    product = registry.register(
        registry.Product(
            "hanger",
            "Build only the door hanger (hanger.pdf).",
            lambda event: (registry.Output("hanger", layout_hanger, CORRIDOR),),
            in_kit=False,
        )
    )
    yield product
    registry.unregister("hanger")


def test_a_registered_product_builds_through_the_registry(hanger, tmp_path):
    report = build(ROOT / "event.yaml", tmp_path, ("hanger",))
    assert report.written == [tmp_path / "hanger.pdf"]
    reader = PdfReader(tmp_path / "hanger.pdf")
    (page,) = reader.pages
    width, height = (float(v) * 25.4 / 72 for v in page.mediabox[2:])
    assert (round(width, 2), round(height, 2)) == (HANGER.width, HANGER.height)
    seed_title = report.event.title[:20]
    assert seed_title in page.extract_text()
    # the finishing the registry row asked for (the default: office fold marks, none here)
    pdf = pdfium.PdfDocument(tmp_path / "hanger.pdf")
    image = pdf[0].render(scale=300 / 72).to_pil()
    (code,) = zxingcpp.read_barcodes(image)
    assert code.text == report.event.url


def test_a_registered_product_is_reviewed_with_its_reading_distance(hanger, tmp_path):
    registry.register(registry.Product(**{**hanger.__dict__, "in_kit": True}))
    report = review(ROOT / "event.yaml", "event.yaml")
    messages = [str(w) for w in report.warnings]
    matrix = encode(report.event.url)
    symbol = CODE * matrix.modules / matrix.modules_with_quiet_zone
    wanted = (
        f"the QR code on the door hanger is {symbol:.1f} mm wide; read from 2 m, a code wants"
        " about 200 mm"
    )
    assert any(wanted in m for m in messages), messages


def test_a_registered_product_is_proofed(hanger, tmp_path):
    report = proof(ROOT / "event.yaml", tmp_path, ("hanger",), dpi=72)
    png = tmp_path / "proof" / "hanger-1.png"
    assert png in report.written
    with PILImage.open(png) as image:
        assert image.size == (math.ceil(90 / 25.4 * 72), math.ceil(210 / 25.4 * 72))


def test_the_command_line_offers_a_registered_product(hanger, tmp_path):
    result = run("proof", ROOT / "event.yaml", "-o", tmp_path, "--product", "hanger", "--dpi", "72")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hanger.pdf").is_file() and not (tmp_path / "badges.pdf").exists()
