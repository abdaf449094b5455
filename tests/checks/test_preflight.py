"""`printkit check`: each fixture PDF breaks one rule; the report says exactly that.

Fixtures are drawn here with ReportLab (or written with pypdf) from named dimensions; every
expected line is built from those dimensions, not copied from the tool's output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from PIL import Image as PILImage
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
)
from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printkit.checks.preflight import COARSE_DPI, check_pdf
from printkit.checks.preflight.content import describe_space
from printkit.checks.preflight.report import OFFICE, ColourKind
from printkit.layout.qr import encode
from printkit.typeset.fonts import typeface
from tests.conftest import SEED, run

TRIM_W, TRIM_H, BLEED = 90.0, 54.0, 3.0  # a badge, mm
URL = "https://example.org/preflight"
BLACK = CMYKColor(0, 0, 0, 1)
PAPER = CMYKColor(0, 0, 0, 0)
NO_TRIM = "no TrimBox or ArtBox: the finished size is not set"


def sheet(path: Path, *, trim: bool = True, embedded_font: bool = True) -> Canvas:
    """A badge with 3 mm bleed: MediaBox = BleedBox, TrimBox 3 mm inside."""
    options = {"initialFontName": typeface().name("regular")} if embedded_font else {}
    canvas = Canvas(
        str(path),
        pagesize=((TRIM_W + 2 * BLEED) * mm, (TRIM_H + 2 * BLEED) * mm),
        invariant=1,
        **options,
    )
    if trim:
        canvas.setBleedBox((0, 0, (TRIM_W + 2 * BLEED) * mm, (TRIM_H + 2 * BLEED) * mm))
        canvas.setTrimBox((BLEED * mm, BLEED * mm, (BLEED + TRIM_W) * mm, (BLEED + TRIM_H) * mm))
    return canvas


def draw_qr(canvas: Canvas, content: str, x: float, y: float, module: float, quiet: int = 4):
    """A QR symbol with its bottom-left corner at (x, y) mm: a painted quiet zone, one path."""
    matrix = encode(content)
    n, m = matrix.modules, module * mm
    canvas.setFillColor(PAPER)
    canvas.rect(
        x * mm - quiet * m,
        y * mm - quiet * m,
        (n + 2 * quiet) * m,
        (n + 2 * quiet) * m,
        stroke=0,
        fill=1,
    )
    path = canvas.beginPath()
    for row, col, length in matrix.runs():
        path.rect(x * mm + col * m, y * mm + (n - row - 1) * m, length * m, m)
    canvas.setFillColor(BLACK)
    canvas.drawPath(path, stroke=0, fill=1)
    return matrix


def good_content(canvas: Canvas) -> None:
    """Text 7 mm inside the trim, a sharp gray image, a 1 mm-module QR code: all CMYK or gray."""
    canvas.setFillColor(BLACK)
    canvas.setFont(typeface().name("regular"), 10)
    canvas.drawString(10 * mm, 42 * mm, "Ada Lovelace")
    gray = PILImage.new("L", (600, 600), 128)  # 600 px over 20 mm: 762 ppi
    canvas.drawImage(ImageReader(gray), 10 * mm, 12 * mm, 20 * mm, 20 * mm)
    draw_qr(canvas, URL, 55, 17.5, 1.0)


def finish(canvas: Canvas) -> None:
    canvas.showPage()
    canvas.save()


def problem_lines(result, pdf: Path) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith(f"{pdf}: page ")]


def image_names(pdf: Path) -> list[str]:
    """The names of the page's image XObjects, as a PDF reader lists them."""
    xobjects = PdfReader(pdf).pages[0]["/Resources"]["/XObject"]
    return [
        name.lstrip("/")
        for name, ref in xobjects.items()
        if ref.get_object()["/Subtype"] == "/Image"
    ]


def test_good_file_passes_and_reports_its_qr_code(tmp_path):
    pdf = tmp_path / "good.pdf"
    canvas = sheet(pdf)
    good_content(canvas)
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 0, result.output
    assert problem_lines(result, pdf) == []
    assert result.output.splitlines()[-1] == f"{pdf}: no problems found"
    qr_line = next(line for line in result.output.splitlines() if "QR codes:" in line)
    assert f'"{URL}"' in qr_line
    modules = encode(URL).modules
    assert f"{modules} modules of 1.0" in qr_line  # 1 mm modules, measured from the render
    x, y = map(float, re.search(r"centre ([\d.]+), ([\d.]+) mm from top left", qr_line).groups())
    media_h = TRIM_H + 2 * BLEED
    assert (x, y) == pytest.approx((55 + modules / 2, media_h - (17.5 + modules / 2)), abs=0.2)
    assert f"TrimBox {TRIM_W:.1f} × {TRIM_H:.1f} mm" in result.output
    assert f"bleed {BLEED:.1f} mm" in result.output
    assert "NotoSans-Regular (TrueType, embedded subset)" in result.output
    assert "DeviceCMYK" in result.output and "RGB" not in result.output


def test_unembedded_helvetica(tmp_path):
    pdf = tmp_path / "helvetica.pdf"
    canvas = sheet(pdf, embedded_font=False)  # a default Canvas: Helvetica, never embedded
    canvas.setFillColor(BLACK)
    canvas.drawString(10 * mm, 30 * mm, "Ada Lovelace")
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 1
    assert problem_lines(result, pdf) == [f"{pdf}: page 1: font Helvetica is not embedded"]


def test_rgb_image_at_low_resolution(tmp_path):
    pdf = tmp_path / "photo.pdf"
    canvas = sheet(pdf)
    width_px, height_px, width_mm, height_mm = 60, 40, 40.0, 40.0 * 40 / 60
    photo = PILImage.new("RGB", (width_px, height_px), (200, 30, 30))
    canvas.drawImage(ImageReader(photo), 10 * mm, 10 * mm, width_mm * mm, height_mm * mm)
    finish(canvas)
    result = run("check", pdf)
    (name,) = image_names(pdf)
    ppi = width_px / (width_mm / 25.4)
    assert result.exit_code == 1
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: RGB colour (DeviceRGB) in image {name}",
        f"{pdf}: page 1: image {name} ({width_px} × {height_px} px) is {ppi:.0f} ppi"
        f" at {width_mm:.1f} × {height_mm:.1f} mm; 300 ppi needed",
    ]


def test_inline_rgb_image(tmp_path):
    pdf = tmp_path / "inline.pdf"
    canvas = sheet(pdf)
    size_px, size_mm = 8, 0.5  # 406 ppi: sharp enough, but RGB
    canvas.drawInlineImage(
        PILImage.new("RGB", (size_px, size_px), (0, 90, 200)),
        20 * mm,
        20 * mm,
        size_mm * mm,
        size_mm * mm,
    )
    finish(canvas)
    result = run("check", pdf)
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: RGB colour (DeviceRGB) in inline image 1"
    ]
    assert (
        f"inline image 1 {size_px} × {size_px} px DeviceRGB at {size_mm:.1f} × {size_mm:.1f} mm, {size_px / size_mm * 25.4:.0f} ppi"
        in result.output
    )


def test_resolution_follows_the_matrix_into_a_form(tmp_path):
    """An image inside a Form XObject, drawn at half size: 100 px over 25 pt is 288 ppi."""
    pdf = tmp_path / "form.pdf"
    canvas = sheet(pdf)
    canvas.beginForm("logo")
    canvas.drawImage(ImageReader(PILImage.new("L", (100, 100), 90)), 0, 0, 50, 50)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(20 * mm, 20 * mm)
    canvas.scale(0.5, 0.5)
    canvas.doForm("logo")
    canvas.restoreState()
    finish(canvas)
    result = run("check", pdf)
    form = PdfReader(pdf).pages[0]["/Resources"]["/XObject"]["/FormXob.logo"].get_object()
    (image,) = [n.lstrip("/") for n in form["/Resources"]["/XObject"]]
    placed_pt = 50 * 0.5
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: image {image} in form FormXob.logo (100 × 100 px) is"
        f" {100 / (placed_pt / 72):.0f} ppi at {placed_pt / mm:.1f} × {placed_pt / mm:.1f} mm;"
        " 300 ppi needed"
    ]


def test_an_office_file_is_said_to_be_one_and_passes(tmp_path):
    """No page box and no OutputIntent: an office file. The check says so and what press mode
    would add, and does not fail it (issue 14, item 7)."""
    pdf = tmp_path / "office.pdf"
    canvas = sheet(pdf, trim=False)
    good_content(canvas)
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 0, result.output
    assert problem_lines(result, pdf) == []
    assert result.output.splitlines()[-1] == f"{pdf}: {OFFICE}"
    assert "--press" in OFFICE and "bleed" in OFFICE and "TrimBox" in OFFICE


def test_a_file_with_a_bleed_box_claims_press_and_fails_without_a_trim_box(tmp_path):
    pdf = tmp_path / "half.pdf"
    canvas = sheet(pdf, trim=False)
    canvas.setBleedBox((0, 0, (TRIM_W + 2 * BLEED) * mm, (TRIM_H + 2 * BLEED) * mm))
    good_content(canvas)
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 1
    assert problem_lines(result, pdf) == [f"{pdf}: page 1: {NO_TRIM}"]
    assert f"{pdf}: not fit to print: 1 problem" in result.output


def test_qr_code_too_small_to_scan(tmp_path):
    pdf = tmp_path / "tiny-qr.pdf"
    canvas = sheet(pdf)
    module = 0.08  # mm: a 25-module symbol of 2 mm, a speck to a phone
    tiny = "https://example.org/tiny"
    matrix = draw_qr(canvas, tiny, 20, 20, module)
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 1
    (line,) = problem_lines(result, pdf)
    match = re.fullmatch(
        rf'{re.escape(str(pdf))}: page 1: QR code "{re.escape(tiny)}" too small to scan:'
        r" module (\d+\.\d\d) mm \((\d+\.\d) mm wide at [\d.]+, [\d.]+ mm from top left;"
        r" decodes only at 1200 dpi\)",
        line,
    )
    assert match, line
    assert float(match[1]) == pytest.approx(module, abs=0.006)
    assert float(match[2]) == pytest.approx(matrix.modules * module, abs=0.1)


def test_qr_code_with_small_modules_and_no_quiet_zone(tmp_path):
    """It decodes at 300 dpi, but 0.3 mm modules on a dark band will not scan in the hand."""
    pdf = tmp_path / "cramped-qr.pdf"
    canvas = sheet(pdf)
    canvas.setFillColor(CMYKColor(0, 0, 0, 0.8))
    canvas.rect(0, 0, (TRIM_W + 2 * BLEED) * mm, (TRIM_H + 2 * BLEED) * mm, stroke=0, fill=1)
    draw_qr(canvas, URL, 30, 20, 0.3, quiet=1)  # one light module instead of four
    finish(canvas)
    result = run("check", pdf)
    lines = problem_lines(result, pdf)
    where = r"\(8\.7 mm wide at [\d.]+, [\d.]+ mm from top left\)"  # 29 modules of 0.3 mm
    code = rf'{re.escape(str(pdf))}: page 1: QR code "{re.escape(URL)}"'
    assert len(lines) == 2, lines
    assert re.fullmatch(
        rf"{code} has modules of 0\.30 mm {where}; handheld scanning needs 0\.4 mm", lines[0]
    )
    assert re.fullmatch(
        rf"{code} has no clear quiet zone: \d+% of its 4-module margin is not light {where}",
        lines[1],
    )


def test_text_too_close_to_the_trim(tmp_path):
    pdf = tmp_path / "edge.pdf"
    canvas = sheet(pdf)
    canvas.setFillColor(BLACK)
    canvas.setFont(typeface().name("regular"), 9)
    gap = 1.0  # mm between the trim's bottom edge and the baseline of capitals
    canvas.drawString(30 * mm, (BLEED + gap) * mm, "EDGE")
    canvas.drawString(30 * mm, 30 * mm, "Safe")
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 1
    assert problem_lines(result, pdf) == [
        f'{pdf}: page 1: text "EDGE" is {gap:.1f} mm from the trim edge (bottom);'
        " keep text 3.0 mm inside"
    ]


def test_edges_are_named_as_the_page_is_displayed(tmp_path):
    """A page turned a quarter clockwise (/Rotate 90) shows its bottom edge on the left."""
    pdf = tmp_path / "turned.pdf"
    canvas = sheet(pdf)
    canvas.setFillColor(BLACK)
    canvas.drawString(30 * mm, (BLEED + 1.5) * mm, "EDGE")
    finish(canvas)
    writer = PdfWriter(clone_from=pdf)  # not ReportLab's setPageRotation: it swaps the MediaBox
    writer.pages[0].rotate(90)
    writer.write(pdf)
    (line,) = problem_lines(run("check", pdf), pdf)
    assert line.startswith(f'{pdf}: page 1: text "EDGE" is 1.5 mm from the trim edge (left);')


def test_boxes_out_of_order_and_trim_with_art_box(tmp_path):
    pdf = tmp_path / "boxes.pdf"
    canvas = sheet(pdf)
    canvas.setTrimBox((BLEED * mm, BLEED * mm, (BLEED + TRIM_W + 5) * mm, (BLEED + TRIM_H) * mm))
    canvas.setArtBox((BLEED * mm, BLEED * mm, (BLEED + TRIM_W) * mm, (BLEED + TRIM_H) * mm))
    finish(canvas)
    result = run("check", pdf)
    past_bleed = 5 - BLEED  # the trim reaches 5 mm right of the finished size; the bleed 3
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: warning: both TrimBox and ArtBox are set; PDF/X wants one",
        f"{pdf}: page 1: TrimBox is not inside the BleedBox: {past_bleed:.1f} mm over its right edge",
    ]
    assert result.exit_code == 1


def test_trim_and_art_box_alone_is_only_a_warning(tmp_path):
    pdf = tmp_path / "art.pdf"
    canvas = sheet(pdf)
    canvas.setArtBox((BLEED * mm, BLEED * mm, (BLEED + TRIM_W) * mm, (BLEED + TRIM_H) * mm))
    good_content(canvas)
    finish(canvas)
    result = run("check", pdf)
    assert result.exit_code == 0, result.output
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: warning: both TrimBox and ArtBox are set; PDF/X wants one"
    ]
    assert result.output.splitlines()[-1] == f"{pdf}: no problems found (1 warning)"


def _raw_pdf(path: Path) -> None:
    """Written with pypdf, as other tools write: a font and RGB fill only inside a form, and an
    ICC-based RGB space by name on the page."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    page.trimbox = page.mediabox
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Times-Roman"),
        }
    )
    form = DecodedStreamObject()
    form.set_data(b"0 0 1 rg BT /F1 12 Tf 60 100 Td (x) Tj ET")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [NumberObject(0), NumberObject(0), NumberObject(200), NumberObject(200)]
            ),
            NameObject("/Resources"): DictionaryObject(
                {
                    NameObject("/Font"): DictionaryObject(
                        {NameObject("/F1"): writer._add_object(font)}
                    )
                }
            ),
        }
    )
    profile = DecodedStreamObject()
    profile.set_data(b"")
    profile[NameObject("/N")] = NumberObject(3)
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject(
                {NameObject("/Fm0"): writer._add_object(form)}
            ),
            NameObject("/ColorSpace"): DictionaryObject(
                {
                    NameObject("/CS0"): ArrayObject(
                        [NameObject("/ICCBased"), writer._add_object(profile)]
                    )
                }
            ),
        }
    )
    content = DecodedStreamObject()
    content.set_data(b"/CS0 cs 1 0 0 sc 50 50 20 20 re f q 1 0 0 1 0 0 cm /Fm0 Do Q")
    page[NameObject("/Contents")] = writer._add_object(content)
    with path.open("wb") as handle:
        writer.write(handle)


def test_fonts_and_colours_inside_forms_and_named_spaces(tmp_path):
    pdf = tmp_path / "raw.pdf"
    _raw_pdf(pdf)
    result = run("check", pdf)
    assert result.exit_code == 1
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: font Times-Roman is not embedded",
        f"{pdf}: page 1: RGB colour (ICCBased RGB) in content stream",
        f"{pdf}: page 1: RGB colour (DeviceRGB) in form Fm0",
    ]


@pytest.mark.parametrize(
    ("space", "label", "kind"),
    [
        (NameObject("/DeviceCMYK"), "DeviceCMYK", ColourKind.CMYK),
        (NameObject("/G"), "DeviceGray", ColourKind.GRAY),
        (ArrayObject([NameObject("/CalRGB"), DictionaryObject()]), "CalRGB", ColourKind.RGB),
        (ArrayObject([NameObject("/Lab"), DictionaryObject()]), "Lab", ColourKind.LAB),
        (
            ArrayObject(
                [
                    NameObject("/Separation"),
                    NameObject("/All"),
                    NameObject("/DeviceCMYK"),
                    DictionaryObject(),
                ]
            ),
            "Separation All",
            ColourKind.SPOT,
        ),
        (
            ArrayObject(
                [
                    NameObject("/DeviceN"),
                    ArrayObject([NameObject("/Cyan"), NameObject("/Gold")]),
                    NameObject("/DeviceCMYK"),
                    DictionaryObject(),
                ]
            ),
            "DeviceN (Cyan, Gold)",
            ColourKind.SPOT,
        ),
        (
            ArrayObject(
                [NameObject("/Indexed"), NameObject("/DeviceRGB"), NumberObject(1), FloatObject(0)]
            ),
            "Indexed DeviceRGB",
            ColourKind.RGB,
        ),
        (NameObject("/Spot1"), "undefined Spot1", ColourKind.UNKNOWN),
    ],
)
def test_colour_spaces_are_named_and_classed(space, label, kind):
    assert describe_space(space, DictionaryObject()) == (label, kind)


def test_build_check_says_office_files_are_office_files(office_kit):
    (office,) = office_kit.results
    assert office.exit_code == 0  # office files are said to be such, not failed
    assert NO_TRIM not in office.output
    assert office.output.count("an office file (no TrimBox, no bleed, no OutputIntent)") == 3


def test_seed_kit_is_an_office_kit_and_otherwise_clean(office_kit):
    """Office mode: no TrimBox, said as such; fonts embedded, CMYK only, QR codes that decode."""
    url = yaml.safe_load(SEED.read_text(encoding="utf-8"))["url"]
    pdfs = [office_kit.folder / name for name in ("programme.pdf", "badges.pdf", "tent.pdf")]
    (result,) = office_kit.results  # build --check: the preflight of printkit check, 1,200 dpi
    assert result.exit_code == 0, result.output
    problems = [
        line
        for line in result.output.splitlines()
        if ": page " in line and not line.startswith(" ") and ": warning: " not in line
    ]
    assert problems == []
    inks = [line for line in result.output.splitlines() if "ink" in line and ": page " in line]
    assert inks == []  # small reversed words on the bands are trapped (layout/inks.py)
    for pdf in pdfs:
        assert f"{pdf}: {OFFICE}" in result.output
    # The facts behind those lines; the search for codes too small to scan was done above at
    # 1,200 dpi (any found would be a problem line), so these reports search at 300 dpi only.
    reports = {pdf.name: check_pdf(pdf, fine_dpi=COARSE_DPI) for pdf in pdfs}
    for report in reports.values():
        (page,) = report.pages
        assert page.fonts and all(font.embedded for font in page.fonts)
        assert {use.kind for use in page.colours} <= {
            ColourKind.CMYK,
            ColourKind.GRAY,
            ColourKind.SPOT,
        }
        assert all(image.lowest.ppi >= 300 for image in page.images)
    codes = {name: [c.text for c in report.pages[0].qr_codes] for name, report in reports.items()}
    assert codes == {
        "programme.pdf": [url],
        "badges.pdf": [],
        "tent.pdf": [url] * 2,
    }
    assert result.output.count(f'"{url}"') == 3


def test_unreadable_content_is_damage_reported_with_the_rest(tmp_path):
    """An inline image without its end: the page's other checks still run; exit 2, damaged."""
    pdf = tmp_path / "cut.pdf"
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    content = DecodedStreamObject()
    content.set_data(b"q 10 0 0 10 50 50 cm BI /W 2 /H 2 /BPC 8 /CS /G /F /AHx ID 00ff")
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.write(pdf)
    result = run("check", pdf)
    assert result.exit_code == 2  # damaged: the report is still given, the exit says so
    (first,) = problem_lines(result, pdf)
    assert first.startswith(f"{pdf}: page 1: the content cannot be read (")
    assert first.endswith("); its colours and images are unchecked")
    assert result.output.splitlines()[-1] == f"{pdf}: {OFFICE}; it has 1 thing to look at, above"


def test_not_a_pdf_is_one_clear_line(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a pdf\n", encoding="utf-8")
    result = run("check", text)
    assert result.exit_code == 2
    assert result.output == f"error: {text}: is not a PDF (it does not start with %PDF-)\n"


def test_damaged_and_missing_files_are_one_clear_line_each(tmp_path):
    good = tmp_path / "good.pdf"
    canvas = sheet(good)
    good_content(canvas)
    finish(canvas)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(good.read_bytes()[:300])
    missing = tmp_path / "missing.pdf"
    result = run("check", broken, missing)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0].startswith(f"error: {broken}: ")
    assert lines[1] == f"error: {missing}: no such file"
    assert len(lines) == 2 and "Traceback" not in result.output


def test_several_files_each_checked_worst_exit_wins(tmp_path):
    good = tmp_path / "good.pdf"
    canvas = sheet(good)
    good_content(canvas)
    finish(canvas)
    office = tmp_path / "office.pdf"
    canvas = sheet(office, trim=False)
    good_content(canvas)
    finish(canvas)
    half = tmp_path / "half.pdf"
    canvas = sheet(half, trim=False)
    canvas.setBleedBox((0, 0, (TRIM_W + 2 * BLEED) * mm, (TRIM_H + 2 * BLEED) * mm))
    good_content(canvas)
    finish(canvas)
    assert run("check", good, office).exit_code == 0
    result = run("check", good, office, half)
    assert result.exit_code == 1
    assert f"{good}: no problems found" in result.output
    assert f"{office}: {OFFICE}" in result.output
    assert problem_lines(result, half) == [f"{half}: page 1: {NO_TRIM}"]
    assert run("check", good, tmp_path / "absent.pdf").exit_code == 2
    assert run("check", good).exit_code == 0


def test_a_content_stream_that_does_not_inflate_is_damage(tmp_path):
    """A page whose Flate-compressed content is cut and ends in garbage: reported at its
    page, and exit 2 (it exited 0, with "colour: none", as if the page were empty)."""
    import zlib

    from pypdf.generic import StreamObject

    pdf = tmp_path / "badflate.pdf"
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    stream = StreamObject()
    stream.set_data(zlib.compress(b"0 0 0 1 k 10 10 100 100 re f")[:-6] + b"garbage!")
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.write(pdf)
    result = run("check", pdf)
    assert result.exit_code == 2, result.output
    (first,) = problem_lines(result, pdf)
    assert first.startswith(f"{pdf}: page 1: the content cannot be read (")


@pytest.mark.parametrize(("units", "user_unit"), [(10_000, 2.0), (15_000, 2.0), (15_000, 1.0)])
def test_a_page_box_is_at_most_14400_units_a_side_of_its_user_unit(tmp_path, units, user_unit):
    """PDF's page is 3 to 14,400 units a side; /UserUnit (PDF 1.6) makes the unit larger, not
    the count: 10,000 units at UserUnit 2 is a page of 7,055.6 mm, fine (attack f06). Such a
    page fails an office file too: no printer can print it."""
    pdf = tmp_path / "wide.pdf"
    writer = PdfWriter()
    page = writer.add_blank_page(width=units, height=200)
    page[NameObject("/UserUnit")] = FloatObject(user_unit)
    writer.write(pdf)
    result = run("check", pdf)
    to_mm = user_unit * 25.4 / 72
    if units <= 14_400:
        assert problem_lines(result, pdf) == []
        assert result.exit_code == 0, result.output
        return
    scale = f" at UserUnit {user_unit:g}" if user_unit != 1 else ""
    assert problem_lines(result, pdf) == [
        f"{pdf}: page 1: MediaBox is {units * to_mm:,.1f} × {200 * to_mm:,.1f} mm ({units:,} ×"
        f" 200 units): a page box is at most 14,400 units a side ({14_400 * to_mm:,.1f} mm"
        f"{scale}); a larger page sets /UserUnit (PDF 1.6)"
    ]
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"{pdf}: not fit to print: 1 problem"
