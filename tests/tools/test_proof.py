"""printkit proof: PNGs of every page, and a contact sheet of the badges, as organisers see them."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from printkit.model.geometry import SheetGeometry, Size
from printkit.pipeline.build import Overrides
from printkit.read.event import DEFAULT_SHEET
from printkit.tools.proof import ContactLayout, contact_grids, proof
from tests.conftest import SEED, run

URL = "https://folkemoedet.dk/"
PDFS = ["programme.pdf", "badges.pdf", "tent.pdf"]
PNGS = ["programme-1.png", "badges-1.png", "tent-1.png", "badges-contact.png"]
BACKGROUND = ContactLayout().background


@pytest.fixture(scope="module")
def seed_proof(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("proof")
    result = run("proof", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    written = ["programme.pdf", "programme.ics", *PDFS[1:]]  # the calendar beside the programme
    assert result.stdout.splitlines() == [str(out / n) for n in written] + [
        str(out / "proof" / n)
        for n in ["programme-1.png", "badges-1.png", "badges-contact.png", "tent-1.png"]
    ]
    return out


def pixels(length_mm: float, dpi: float) -> int:
    """pdfium's bitmap size for a page length: the points scaled, rounded up."""
    return math.ceil(length_mm / 25.4 * dpi)


def test_proof_writes_the_kit_and_a_png_per_page(seed_proof):
    assert sorted(p.name for p in seed_proof.iterdir()) == sorted([*PDFS, "programme.ics", "proof"])
    assert sorted(p.name for p in (seed_proof / "proof").iterdir()) == sorted(PNGS)  # no temp files


@pytest.mark.parametrize("dpi", [150, 72])
def test_previews_have_the_page_size_at_the_dpi(tmp_path, seed_proof, dpi):
    out = seed_proof if dpi == 150 else tmp_path
    if dpi != 150:
        result = run("proof", SEED, "-o", out, "--dpi", dpi)
        assert result.exit_code == 0, result.output
    sizes = {"programme-1.png": (210, 297), "badges-1.png": (210, 297), "tent-1.png": (297, 210)}
    for name, (width, height) in sizes.items():
        with Image.open(out / "proof" / name) as image:
            assert image.size == (pixels(width, dpi), pixels(height, dpi)), name
            assert tuple(round(d) for d in image.info["dpi"]) == (dpi, dpi)


def test_programme_proof_decodes_to_the_event_url(seed_proof):
    with Image.open(seed_proof / "proof" / "programme-1.png") as image:
        codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [c.text for c in codes] == [URL]


def test_tent_proof_decodes_on_both_faces(seed_proof):
    with Image.open(seed_proof / "proof" / "tent-1.png") as image:
        codes = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [c.text for c in codes] == [URL, URL]


def spans(flags: list[bool]) -> list[tuple[int, int]]:
    """Runs of True as (start, end) pairs."""
    runs, start = [], None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i))
            start = None
    return runs


def cells(path: Path) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """Decode a contact sheet's grid: the boxes of its filled cells, in reading order.

    Gaps are pixel columns and rows of nothing but the background; an empty cell is
    background through and through.
    """
    image = Image.open(path).convert("RGB")
    width, height = image.size
    data = image.load()
    columns = spans([any(data[x, y] != BACKGROUND for y in range(height)) for x in range(width)])
    rows = spans([any(data[x, y] != BACKGROUND for x in range(width)) for y in range(height)])
    boxes = []
    for top, bottom in rows:
        for left, right in columns:
            box = (left, top, right, bottom)
            if image.crop(box).getcolors(1) != [((right - left) * (bottom - top), BACKGROUND)]:
                boxes.append(box)
    return image, boxes


def test_contact_sheet_has_a_cell_per_person_in_print_order(seed_proof):
    image, boxes = cells(seed_proof / "proof" / "badges-contact.png")
    assert len(boxes) == 6  # five panelists and the moderator
    widths = {right - left for left, _, right, _ in boxes}
    heights = {bottom - top for _, top, _, bottom in boxes}
    assert len(widths) == len(heights) == 1
    cell_w, cell_h = widths.pop(), heights.pop()
    # badges at print size (90 × 54 mm at 150 dpi), whole pixels only
    assert abs(cell_w - 90 / 25.4 * 150) <= 2 and abs(cell_h - 54 / 25.4 * 150) <= 2
    gap = boxes[0][0]
    assert image.size == (4 * cell_w + 5 * gap, 2 * cell_h + 3 * gap)  # 4 across, 6 → 2 rows
    bands = []
    for left, top, right, bottom in boxes:
        top_row = {image.getpixel((x, top)) for x in range(left, right)}
        bottom_row = {image.getpixel((x, bottom - 1)) for x in range(left, right)}
        assert len(top_row) == 1, "the band's edge: no sliver of the margin or a neighbour"
        assert bottom_row == {(255, 255, 255)}, "the badge's foot: no sliver of the next band"
        bands.append(top_row.pop())
    red, _, blue = bands[0]
    assert blue > red and bands[:5] == [bands[0]] * 5  # panelists first, in their colour
    red, _, blue = bands[5]
    assert red > blue  # the moderator last, in orange


def _people(event_dir: Path, count: int) -> Path:
    """The seed event with ``count`` - 1 panelists (and its moderator)."""
    path = event_dir / "event.yaml"
    text = path.read_text(encoding="utf-8")
    people = "".join(f"  - name: Person {i:03d}\n    title: Guest\n" for i in range(count - 1))
    text = re.sub(r"(?ms)^panelists:\n.*?(?=^moderator:)", f"panelists:\n{people}\n", text)
    path.write_text(text, encoding="utf-8")
    return path


def test_contact_sheet_runs_onto_pages_and_drops_stale_ones(event_dir, tmp_path):
    out = tmp_path / "out"
    result = run("proof", _people(event_dir, 33), "-o", out, "--product", "badges", "--dpi", 36)
    assert result.exit_code == 0, result.output
    proof = out / "proof"
    names = sorted(p.name for p in proof.iterdir())
    sheets = [f"badges-{n}.png" for n in range(1, 5)]  # 33 badges, 10 a sheet
    assert names == sorted(sheets + ["badges-contact-1.png", "badges-contact-2.png"])
    assert len(cells(proof / "badges-contact-1.png")[1]) == 32
    assert len(cells(proof / "badges-contact-2.png")[1]) == 1
    assert result.stdout.splitlines()[0] == str(out / "badges.pdf")
    # a smaller event proofed into the same folder leaves no page of the larger one behind
    result = run("proof", _people(event_dir, 6), "-o", out, "--product", "badges", "--dpi", 36)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in proof.iterdir()) == ["badges-1.png", "badges-contact.png"]


def test_contact_pages_are_capped_however_many_badges():
    grids = contact_grids(DEFAULT_SHEET, 800, ContactLayout())
    assert len(grids) == 25 and sum(g.count for g in grids) == 800
    assert {g.size for g in grids} == {grids[0].size}
    width, height = grids[0].size
    assert width * height < 6_000_000  # about 18 MB of RGB in memory at a time
    huge = SheetGeometry("poster", Size(420, 594), Size(400, 400), 1, 1, 10, 10, 400, 400)
    assert max(contact_grids(huge, 1, ContactLayout())[0].cell) <= ContactLayout().max_cell


def test_proof_fails_like_build_and_writes_nothing(event_dir, tmp_path):
    path = event_dir / "event.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("subtitle:", "subtitel:"), "utf-8")
    built = run("build", path, "-o", tmp_path / "built")
    proofed = run("proof", path, "-o", tmp_path / "proofed")
    assert proofed.exit_code == built.exit_code == 2
    assert proofed.stderr == built.stderr
    assert proofed.stderr.startswith(f"error: {path}:")
    assert not (tmp_path / "proofed").exists()


def test_dpi_out_of_range_is_refused(tmp_path):
    result = run("proof", SEED, "-o", tmp_path, "--dpi", 5000)
    assert result.exit_code == 2
    assert "Invalid value for '--dpi': 5000 is not in the range 36<=x<=600." in result.stderr
    assert not tmp_path.joinpath("proof").exists()


@pytest.mark.parametrize(
    "overrides", [Overrides(start=4), Overrides(press=True)], ids=["start", "press"]
)
def test_contact_sheet_cuts_where_the_layout_put_the_badges(tmp_path, overrides):
    """The proof reads the laid-out document's pieces: badges begun on label 4 of a partly
    used sheet, or imposed for the press, are cut out whole, band at the top, foot white."""
    proof(SEED, tmp_path, overrides=overrides)
    image, boxes = cells(tmp_path / "proof" / "badges-contact.png")
    assert len(boxes) == 6
    for left, top, right, bottom in boxes:
        top_row = {image.getpixel((x, top)) for x in range(left, right)}
        bottom_row = {image.getpixel((x, bottom - 1)) for x in range(left, right)}
        assert len(top_row) == 1 and top_row != {(255, 255, 255)}, "a role band, whole"
        assert bottom_row == {(255, 255, 255)}, "the badge's foot"
