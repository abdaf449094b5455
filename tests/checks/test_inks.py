"""The ink rule (issue 14, item 4): small text in one solid ink in every product, and
``printkit check`` reporting text that breaks it, with its size, page and position."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from reportlab.lib.colors import CMYKColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printkit.checks.preflight.inks import page_text_inks
from printkit.layout.theme import inks
from printkit.typeset.fonts import typeface
from tests.conftest import ROOT, SEED, run

FESTIVAL = ROOT / "examples" / "festival-day.yaml"


def _breaking_file(path) -> None:
    """A press page (boxes set) with small text on several plates, in a tint and reversed
    out of a three-ink band, and large text that may be all of those."""
    face = typeface()
    canvas = Canvas(
        str(path), pagesize=(216 * mm, 303 * mm), invariant=1, initialFontName=face.name("regular")
    )
    canvas.setBleedBox((0, 0, 216 * mm, 303 * mm))
    canvas.setTrimBox((3 * mm, 3 * mm, 213 * mm, 300 * mm))
    canvas.setFillColor(CMYKColor(1, 0.55, 0, 0.35))
    canvas.rect(20 * mm, 250 * mm, 100 * mm, 20 * mm, stroke=0, fill=1)
    canvas.setFillColor(CMYKColor(0, 0, 0, 0))
    canvas.setFont(face.name("bold"), 8)
    canvas.drawString(25 * mm, 258 * mm, "white on three inks")  # 1: reversed, 8 pt
    canvas.setFont(face.name("bold"), 14)
    canvas.drawString(70 * mm, 258 * mm, "large")  # large reversed text: allowed
    canvas.setFillColor(CMYKColor(1, 0.55, 0, 0.35))
    canvas.setFont(face.name("regular"), 10)
    canvas.drawString(25 * mm, 200 * mm, "accent question number")  # 2: three inks, 10 pt
    canvas.setFillColor(CMYKColor(0, 0, 0, 0.72))
    canvas.setFont(face.name("regular"), 6)
    canvas.drawString(25 * mm, 150 * mm, "a grey date line")  # 3: a tint, 6 pt
    canvas.setFont(face.name("regular"), 10)
    canvas.drawString(25 * mm, 120 * mm, "grey at 10 pt")  # a tint above 9 pt: allowed
    canvas.setFillColor(CMYKColor(0, 0, 0, 1))
    canvas.setFont(face.name("regular"), 6)
    canvas.drawString(25 * mm, 100 * mm, "solid black small text")  # allowed
    canvas.showPage()
    canvas.save()


def test_check_reports_text_that_breaks_the_ink_rule(tmp_path):
    pdf = tmp_path / "inks.pdf"
    _breaking_file(pdf)
    result = run("check", pdf)
    lines = [line for line in result.output.splitlines() if "ink" in line and ": page " in line]
    assert lines == [
        f"{pdf}: page 1: warning: 8 pt text at 25.0, 258.0 mm (from the bottom left) is reversed"
        " out of 3 inks (C100 M55 Y0 K35); below 12 pt only out of one ink",
        f"{pdf}: page 1: warning: 10 pt text at 25.0, 200.0 mm (from the bottom left) is in 3"
        " inks (C100 M55 Y0 K35); below 12 pt use one ink",
        f"{pdf}: page 1: warning: 6 pt text at 25.0, 150.0 mm (from the bottom left) is a tint"
        " (C0 M0 Y0 K72); below 9 pt use the ink at 100 %",
    ]


@pytest.mark.parametrize("mode", ["--office", "--press"])
@pytest.mark.parametrize("event", [SEED, FESTIVAL], ids=["seed", "festival"])
def test_no_small_text_on_several_plates_or_in_a_tint(tmp_path, event, mode):
    out = tmp_path / "out"
    assert run("build", event, mode, "-o", out).exit_code == 0
    seen = 0
    for pdf in sorted(out.glob("*.pdf")):
        reader = PdfReader(pdf)
        for number, page in enumerate(reader.pages, 1):
            for piece in page_text_inks(page, reader):
                seen += 1
                if piece.colour is None or piece.size >= 12:
                    continue
                where = (pdf.name, number, piece.size, piece.x_mm, piece.y_mm, piece.colour)
                assert inks(piece.colour) <= 1, where
                if not inks(piece.colour):  # reversed: out of one ink (a trap's ring, or a band)
                    assert inks(piece.background) <= 1, (*where, piece.background)
                if piece.size < 9 and inks(piece.colour):
                    assert max(piece.colour) > 0.995, where
    assert seen > 50


def test_a_trap_rings_each_small_reversed_word_in_the_bands_strongest_ink(tmp_path):
    """The badge's role word (8.5 pt white on C100 M55 K35) gets its glyphs' outlines stroked
    in C100 alone, just before it: the path hugs the word's glyphs, its ring the named width."""
    from tests.pdfread import find_text, paths

    out = tmp_path / "out"
    assert run("badges", SEED, "--press", "-o", out).exit_code == 0
    pdf = out / "badges.pdf"
    [(left, bottom, right, top)] = find_text(pdf, "Paneldeltager", 0)
    rings = [
        s
        for s in paths(pdf, 0)
        if s.curved and left - 1 < s.left < left + 1 and bottom - 1 < s.bottom < bottom + 1
    ]
    assert len(rings) == 1, rings
    [ring] = rings  # its points are the glyphs' outline: within the word's ink box
    for edge, want in ((ring.left, left), (ring.right, right), (ring.top, top)):
        assert abs(edge - want) < 0.15, (edge, want)
    reader = PdfReader(pdf)
    [word] = [
        p
        for p in page_text_inks(reader.pages[0], reader)
        if abs(p.x_mm - left) < 0.5 and p.size < 9
    ]
    assert word.background == (1.0, 0.0, 0.0, 0.0)  # the ring: cyan alone, the band's strongest


def test_every_badge_on_a_sheet_has_its_own_words_ring(tmp_path):
    """A trap repeated on every badge is drawn once and its operators written again: each
    badge's role word still has one ring hugging that word where that badge is, and a word of
    another role has its own outline, not the first one's."""
    from tests.pdfread import find_text, paths

    out = tmp_path / "out"
    assert run("badges", SEED, "--press", "--gang-up", "-o", out).exit_code == 0
    pdf = out / "badges.pdf"
    rings = [s for s in paths(pdf, 0) if s.curved]
    words = {word: find_text(pdf, word, 0) for word in ("Paneldeltager", "Ordstyrer")}
    assert len(words["Paneldeltager"]) >= 2 and words["Ordstyrer"], words
    for word, found in words.items():
        for left, bottom, right, top in found:
            [ring] = [s for s in rings if abs(s.left - left) < 1 and abs(s.bottom - bottom) < 1]
            for edge, want in ((ring.left, left), (ring.right, right), (ring.top, top)):
                assert abs(edge - want) < 0.15, (word, edge, want)


def test_text_in_a_form_is_read_where_the_form_is_drawn_and_a_form_inside_itself_ends(tmp_path):
    """The ink walk follows a form where the page draws it (a badge's trap is one), under its
    matrix; a form that draws itself (a hostile file) is read once, not forever."""
    import pikepdf

    pdf = pikepdf.new()
    form = pdf.make_stream(
        b"0 0 0 .5 k BT /F1 6 Tf 1 0 0 1 10 20 Tm (grey) Tj ET /Fm0 Do",
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=[0, 0, 200, 200],
        Matrix=[1, 0, 0, 1, 100, 50],
    )
    form.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
    page = pdf.add_blank_page(page_size=(300, 300))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
    page.obj.Contents = pdf.make_stream(b"q 2 0 0 2 0 0 cm /Fm0 Do Q")
    path = tmp_path / "form.pdf"
    pdf.save(path)
    reader = PdfReader(path)
    [grey] = page_text_inks(reader.pages[0], reader)
    assert grey.colour == (0.0, 0.0, 0.0, 0.5)
    assert (round(grey.x_mm / 0.3528), round(grey.y_mm / 0.3528)) == (220, 140)  # 2 × (110, 70)
    assert grey.size == 12.0  # 6 pt, twice
