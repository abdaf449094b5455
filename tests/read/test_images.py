"""Logos: SVG as CMYK vectors, RGB refused and low resolution warned in press mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import run
from tests.pdfread import RGB_OPERATOR, content_streams, fonts

SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
  <rect x="0" y="0" width="40" height="40" rx="6" fill="#1f4e8c"/>
  <circle cx="80" cy="20" r="18" fill="rgb(230, 90, 20)" stroke="#333333" stroke-width="2"/>
</svg>
"""


def _with_logo(event_dir: Path, name: str) -> Path:
    event = event_dir / "event.yaml"
    text = event.read_text(encoding="utf-8").replace(
        "assets/bestyrelsesforeningen-mark.png", f"assets/{name}"
    )
    event.write_text(text, encoding="utf-8")
    return event


def test_svg_logo_is_drawn_as_cmyk_vectors(event_dir):
    (event_dir / "assets" / "logo.svg").write_text(SVG, encoding="utf-8")
    event = _with_logo(event_dir, "logo.svg")
    result = run("programme", event, "-o", event_dir / "out", "--press")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "programme.pdf"
    data = pdf.read_bytes()
    assert b"/DeviceRGB" not in data and b"/Image" not in data.replace(b"/ImageB", b"").replace(
        b"/ImageC", b""
    ).replace(b"/ImageI", b"")
    streams = b"".join(content_streams(pdf))
    assert not RGB_OPERATOR.search(streams)
    # the blue square: #1f4e8c as CMYK, drawn as a fill
    assert b".7786 .4429 0 .451 k" in streams or b"0.7786 0.4429 0 0.451 k" in streams
    assert all(f["embedded"] for f in fonts(pdf))


def test_svg_with_text_is_refused(event_dir):
    (event_dir / "assets" / "logo.svg").write_text(
        SVG.replace("</svg>", '<text x="0" y="30">Logo</text></svg>'), encoding="utf-8"
    )
    event = _with_logo(event_dir, "logo.svg")
    result = run("programme", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    lines = event.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, start=1) if "logo:" in text)
    assert result.output == (  # located at the line that names the file (it was file-level)
        f"error: {event}:{line}:9: organiser.logo: logo.svg: the SVG contains text, whose font"
        " cannot be embedded; convert the text to outlines (paths)\n"
    )


def test_rgb_logo_is_refused_in_press_mode_only(event_dir):
    Image.new("RGB", (600, 600), (200, 30, 30)).save(event_dir / "assets" / "red.png")
    event = _with_logo(event_dir, "red.png")
    office = run("programme", event, "-o", event_dir / "office")
    assert office.exit_code == 0
    press = run("programme", event, "-o", event_dir / "press", "--press")
    assert press.exit_code == 2
    line = next(
        i for i, text in enumerate(event.read_text().splitlines(), start=1) if "logo:" in text
    )
    assert press.output == (  # at the line that names the file
        f"error: {event}:{line}:9: organiser.logo: red.png: the image is RGB (RGB colour); a press"
        " job needs CMYK or greyscale. Save it as a CMYK JPEG or a greyscale PNG, or use an SVG\n"
    )
    assert not (event_dir / "press").exists()


def test_low_resolution_logo_gets_a_warning_with_its_figure(event_dir):
    Image.new("L", (60, 60), 40).save(event_dir / "assets" / "small.png")
    event = _with_logo(event_dir, "small.png")
    result = run("build", event, "-o", event_dir / "out", "--press")
    assert result.exit_code == 0
    path = event_dir / "assets" / "small.png"
    # placed 18 mm wide on the programme, 8 mm on badges: the smallest figure is reported
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {path}: 85 ppi at its placed size; print wants 300 ppi or more"]


def _logo_grey(pdf: Path) -> tuple[int, set[str]]:
    """The grey level at the middle of the programme's logo (rendered at 150 dpi), and the
    colour spaces of the PDF's images."""
    import pikepdf
    import pypdfium2

    with pikepdf.open(pdf) as doc:
        spaces = {
            str(obj.get("/ColorSpace"))
            for obj in doc.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image"
        }
    page = pypdfium2.PdfDocument(pdf)[0]
    bitmap = page.render(scale=150 / 72).to_pil().convert("L")
    # the footer's logo: an image drawn once into a form, which the page places (a trap's
    # outlines are a form too, without an image)
    box = next(
        obj.get_bounds()
        for obj in page.get_objects(max_depth=0)
        if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_FORM
        and any(
            inner.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE
            for inner in page.get_objects(max_depth=0, form=obj)
        )
    )
    left, bottom, right, top = box
    x = (left + right) / 2 * 150 / 72
    y = bitmap.height - (bottom + top) / 2 * 150 / 72
    return bitmap.getpixel((int(x), int(y))), spaces


def test_16_bit_and_1_bit_greyscale_logos_are_drawn_as_their_grey(event_dir):
    """ReportLab made a 16-bit grey PNG RGB, and white (its values clipped at 255); a 1-bit one
    RGB too. Both are DeviceGray now, at their own tone, in press and office mode alike."""
    Image.new("I;16", (300, 300), 30000).save(event_dir / "assets" / "grey16.png")
    Image.new("1", (300, 300), 0).save(event_dir / "assets" / "black1.png")
    for name, grey in (("grey16.png", round(30000 / 257)), ("black1.png", 0)):
        event = _with_logo(event_dir, name)
        for mode in ("--press", "--office"):
            out = event_dir / f"out-{name}{mode}"
            result = run("programme", event, "-o", out, mode)
            assert result.exit_code == 0, result.output
            level, spaces = _logo_grey(out / "programme.pdf")
            assert spaces == {"/DeviceGray"}
            assert abs(level - grey) <= 2, (name, mode, level)
        (event_dir / "event.yaml").write_text(
            (event_dir / "event.yaml")
            .read_text()
            .replace(f"assets/{name}", "assets/bestyrelsesforeningen-mark.png")
        )


def test_an_svg_over_the_size_limit_is_refused_unread(event_dir):
    """A sparse 100 GB file named logo.svg: read up to the limit, never whole."""
    from printkit.read.svg import MAX_BYTES

    logo = event_dir / "assets" / "logo.svg"
    with logo.open("wb") as file:
        file.write(b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2">')
        file.truncate(100 * 1024**3)
    event = _with_logo(event_dir, "logo.svg")
    result = run("programme", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    assert result.output.endswith(
        f"organiser.logo: logo.svg: the SVG is more than {MAX_BYTES:,} bytes; simplify it or use a PNG\n"
    )


def test_a_picture_inside_an_svg_is_measured_at_the_size_it_is_drawn(tmp_path):
    """The resolution of a picture inside an SVG logo: its pixels over the millimetres it is
    drawn across, with the SVG's own transforms: 600 px drawn across half of a logo placed
    50.8 mm wide is 600 ppi; scaled up twice inside the SVG, 300; squeezed to a quarter of
    its height, its 400 px high rows still give the lower figure of the two."""
    import base64
    import io

    from PIL import Image as PILImage

    from printkit.read.images import picture_ppi

    def logo(name: str, inner: str, pixels: tuple[int, int]) -> Path:
        buffer = io.BytesIO()
        PILImage.new("L", pixels, 128).save(buffer, "PNG")
        data = base64.b64encode(buffer.getvalue()).decode()
        path = tmp_path / name
        path.write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
            + inner.format(f"data:image/png;base64,{data}")
            + "</svg>",
            encoding="utf-8",
        )
        return path

    half = logo("half.svg", '<image width="100" height="50" href="{}"/>', (600, 300))
    assert picture_ppi(half, 50.8) == pytest.approx(600)
    scaled = logo(
        "scaled.svg",
        '<g transform="scale(2)"><image width="100" height="50" href="{}"/></g>',
        (600, 300),
    )
    assert picture_ppi(scaled, 50.8) == pytest.approx(300)
    tall = logo("tall.svg", '<image width="100" height="50" href="{}"/>', (600, 100))
    assert picture_ppi(tall, 50.8) == pytest.approx(200)  # 100 px over 12.7 mm
    plain = tmp_path / "plain.svg"
    plain.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>',
        "utf-8",
    )
    assert picture_ppi(plain, 50.8) is None
