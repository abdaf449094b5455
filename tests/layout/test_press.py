"""Press mode: page boxes, bleed, registration crop marks, CMYK only — read from the files."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests.conftest import SEED, run
from tests.pdfread import MM, boxes_mm, content_streams, glyphs, page_count, qr_codes, strokes

FINISHED = {"programme.pdf": (210, 297), "tent.pdf": (297, 210), "poster.pdf": (297, 420)}


@pytest.fixture
def press_out(press_kit):
    """The seed kit and its poster built in press mode (and checked: ``press_kit``)."""
    assert [result.exit_code for result in press_kit.results] == [0, 0, 0], press_kit.output
    return press_kit.folder


def _registration_spaces(pdf, page=0) -> set[str]:
    """Resource names of Separation colour spaces named All (registration)."""
    resources = PdfReader(pdf).pages[page]["/Resources"]
    spaces = resources.get("/ColorSpace", {})
    found = set()
    for name, value in spaces.items():
        value = value.get_object()
        if value[0] == "/Separation" and value[1] == "/All":
            found.add(name.lstrip("/"))
    return found


def _inside(box, x, y) -> bool:
    x0, y0, x1, y1 = box
    return x0 + 1e-3 < x < x1 - 1e-3 and y0 + 1e-3 < y < y1 - 1e-3


@pytest.mark.parametrize("name", list(FINISHED))
def test_trim_box_is_the_finished_size_and_boxes_nest(press_out, name):
    boxes = boxes_mm(press_out / name)
    media, bleed, trim = boxes["MediaBox"], boxes["BleedBox"], boxes["TrimBox"]
    width, height = FINISHED[name]
    assert round(trim[2] - trim[0], 2) == width and round(trim[3] - trim[1], 2) == height
    assert [round(bleed[i] - trim[i], 2) for i in range(4)] == [-3, -3, 3, 3]
    assert (
        media[0] <= bleed[0]
        and media[1] <= bleed[1]
        and media[2] >= bleed[2]
        and media[3] >= bleed[3]
    )
    assert boxes["ArtBox"] is None  # PDF/X wants a TrimBox or an ArtBox, not both


@pytest.mark.parametrize("name", list(FINISHED))
def test_crop_marks_are_registration_and_outside_the_bleed(press_out, name):
    pdf = press_out / name
    boxes = boxes_mm(pdf)
    registration = _registration_spaces(pdf)
    assert registration, "no Separation /All colour space"
    marks = [s for s in strokes(pdf) if s.colour_space in registration]
    solid = [m for m in marks if not m.dashed]
    assert len(solid) == 8  # two at each corner
    trim, bleed = boxes["TrimBox"], boxes["BleedBox"]
    for m in marks:
        assert m.width_pt >= 0.25
        length = abs(m.x2 - m.x1) + abs(m.y2 - m.y1)
        assert 5.5 <= length <= 6.5
        for t in (0.0, 0.5, 1.0):  # no point of a mark lies inside the bleed box
            assert not _inside(bleed, m.x1 + t * (m.x2 - m.x1), m.y1 + t * (m.y2 - m.y1)), m
    for m in solid:  # each continues a trim edge
        on_edge = (
            m.x1 == pytest.approx(m.x2)
            and any(m.x1 == pytest.approx(v, abs=1e-3) for v in (trim[0], trim[2]))
        ) or (
            m.y1 == pytest.approx(m.y2)
            and any(m.y1 == pytest.approx(v, abs=1e-3) for v in (trim[1], trim[3]))
        )
        assert on_edge, m


def test_tent_fold_is_marked_dashed_outside_the_trim(press_out):
    pdf = press_out / "tent.pdf"
    trim = boxes_mm(pdf)["TrimBox"]
    folds = [s for s in strokes(pdf) if s.dashed]
    assert len(folds) == 2
    for f in folds:
        assert f.y1 == pytest.approx(f.y2) == pytest.approx((trim[1] + trim[3]) / 2, abs=1e-3)
        assert max(f.x1, f.x2) < trim[0] or min(f.x1, f.x2) > trim[2]


@pytest.mark.parametrize("name", [*FINISHED, "badges.pdf"])
def test_no_rgb_anywhere(press_out, name):
    data = (press_out / name).read_bytes()
    assert b"/DeviceRGB" not in data
    assert b"/CalRGB" not in data
    from tests.pdfread import RGB_OPERATOR

    for stream in content_streams(press_out / name):
        assert not RGB_OPERATOR.search(stream)


def _pixel(pdf, x_mm: float, y_mm: float, dpi: int = 72) -> tuple[int, int, int]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        image = page.render(scale=dpi / 72).to_pil().convert("RGB")
        height = page.get_height() / MM
    finally:
        doc.close()
    px = dpi / 25.4
    return image.getpixel((int(x_mm * px), int((height - y_mm) * px)))


def test_backgrounds_run_into_the_bleed(press_out):
    pdf = press_out / "programme.pdf"
    trim = boxes_mm(pdf)["TrimBox"]
    inside_band = _pixel(
        pdf, trim[0] - 1.5, trim[3] - 10
    )  # left of the trim, beside the header band
    above_band = _pixel(pdf, trim[0] + 50, trim[3] + 1.5)  # above the trim, over the band
    below_page = _pixel(pdf, trim[0] + 50, trim[1] - 1.5)  # under the footer: paper
    assert max(inside_band) < 200 and max(above_band) < 200, (inside_band, above_band)
    assert min(below_page) > 245


def test_ganged_press_badges_have_bleed_and_marks_per_badge(tmp_path):
    assert run("badges", SEED, "-o", tmp_path, "--gang-up").exit_code == 0
    pdf = tmp_path / "badges.pdf"
    assert page_count(pdf) == 1
    boxes = boxes_mm(pdf)
    assert (boxes["MediaBox"][2], boxes["MediaBox"][3]) == (210.0, 297.0)
    trim = boxes["TrimBox"]
    assert all(_inside(trim, (g.left + g.right) / 2, (g.bottom + g.top) / 2) for g in glyphs(pdf))
    registration = _registration_spaces(pdf)
    marks = [s for s in strokes(pdf) if s.colour_space in registration]
    vertical_cuts = {round(m.x1, 2) for m in marks if m.x1 == pytest.approx(m.x2)}
    width = 90.0  # badges one gutter (2 × 3 mm bleed) apart: four cut lines across
    left = trim[0]
    expected = {
        round(left, 2),
        round(left + width, 2),
        round(left + width + 6, 2),
        round(left + 2 * width + 6, 2),
    }
    assert vertical_cuts == expected
    for m in marks:  # all in the sheet's margins, outside every badge's bleed
        assert not _inside(boxes["BleedBox"], (m.x1 + m.x2) / 2, (m.y1 + m.y2) / 2), m


def test_bleed_in_inches_and_no_marks(tmp_path):
    assert (
        run(
            "programme", SEED, "-o", tmp_path, "--press", "--bleed", "3.175", "--no-marks"
        ).exit_code
        == 0
    )
    boxes = boxes_mm(tmp_path / "programme.pdf")
    assert boxes["MediaBox"] == boxes["BleedBox"]
    assert round(boxes["TrimBox"][0] - boxes["BleedBox"][0], 3) == 3.175
    assert not _registration_spaces(tmp_path / "programme.pdf")


def test_press_settings_from_event_yaml(event_dir):
    event = event_dir / "event.yaml"
    event.write_text(
        event.read_text(encoding="utf-8") + '\npress:\n  bleed: "0.125 in"\n', encoding="utf-8"
    )
    assert run("tent", event, "-o", event_dir / "out").exit_code == 0
    boxes = boxes_mm(event_dir / "out" / "tent.pdf")
    assert round(boxes["TrimBox"][0] - boxes["BleedBox"][0], 3) == 3.175
    office = run("tent", event, "-o", event_dir / "office", "--office")
    assert office.exit_code == 0
    assert boxes_mm(event_dir / "office" / "tent.pdf")["TrimBox"] is None


def test_qr_codes_still_decode_in_press_mode(press_out):
    assert [c.text for c in qr_codes(press_out / "programme.pdf")] == ["https://folkemoedet.dk/"]


def test_press_output_passes_its_own_preflight(press_kit, press_out):
    """Every PDF printkit builds in press mode is fit to print by printkit check (the poster's
    by the command; the kit's by ``build --check``, which runs it on the files it wrote)."""
    files = sorted(press_out.glob("*.pdf"))
    assert [f.name for f in files] == ["badges.pdf", "poster.pdf", "programme.pdf", "tent.pdf"]
    for f in files:
        assert press_kit.output.count(f"{f}: no problems found") == 1


def test_build_check_runs_the_preflight_on_what_it_wrote(press_kit, press_out):
    kit = press_kit.results[0]
    assert kit.exit_code == 0, kit.output
    assert kit.output.count("no problems found") == 3


def test_bleed_alone_means_press_mode_and_office_with_bleed_is_refused(tmp_path):
    assert run("programme", SEED, "-o", tmp_path, "--bleed", "5").exit_code == 0
    boxes = boxes_mm(tmp_path / "programme.pdf")
    assert round(boxes["TrimBox"][0] - boxes["BleedBox"][0], 3) == 5.0
    both = run("programme", SEED, "-o", tmp_path / "x", "--office", "--bleed", "5")
    assert both.exit_code == 2
    assert (
        both.output == "error: --bleed, --marks/--no-marks and --gang-up/--one-per-page are press"
        " settings; drop --office\n"
    )


def test_press_mode_ignores_a_desktop_printers_offset(tmp_path, press_out):
    result = run("badges", SEED, "-o", tmp_path, "--press", "--offset-x", "15")
    assert result.exit_code == 0
    assert "press mode ignores it, since a print shop cuts by the marks" in result.stderr
    # the very file made without an offset, which passes the preflight (boxes inside the sheet)
    assert (tmp_path / "badges.pdf").read_bytes() == (press_out / "badges.pdf").read_bytes()
