"""Pages written as they are drawn (issue 15): each page's content is in the file before the
next page is laid out, and the file ReportLab's objects make that way is a whole, valid PDF
with every page's text, in the version its drawing asked for."""

from __future__ import annotations

import io

import pikepdf
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printkit.layout.items import Document, Page, Text
from printkit.model.geometry import Size
from printkit.render.pdf import render, render_into
from printkit.render.stream import Spill
from printkit.typeset.fonts import typeface

A6 = Size(105.0, 148.0)


def _document(count: int) -> Document:
    pages = tuple(
        Page(A6, (Text(10.0, 100.0, f"Side {i + 1} of {count}", "regular", 12.0),))
        for i in range(count)
    )
    return Document(pages, "Streamed", "printkit tests", "pages")


def test_each_page_is_in_the_file_before_the_next_is_laid_out():
    """The pages come from a generator: when it is asked for page N + 1, page N's content
    stream is already written, so a run holds one page, not all of them."""
    document = _document(5)
    out = io.BytesIO()
    sizes: list[int] = []

    def pages():
        for page in document.pages:
            sizes.append(out.tell())  # what the file holds before this page is laid out
            yield page

    render_into(out, document, typeface(), pages=pages())
    assert all(later > earlier + 100 for earlier, later in zip(sizes, sizes[1:], strict=False)), (
        sizes
    )
    reader = PdfReader(io.BytesIO(out.getvalue()), strict=True)
    assert [p.extract_text() for p in reader.pages] == [f"Side {i} of 5" for i in range(1, 6)]


def test_the_file_is_whole_for_qpdf_and_pypdf():
    """The cross-reference table points at every object where it is: qpdf's check finds
    nothing to repair, and pypdf reads it strictly."""
    data = render(_document(3), typeface())
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert len(pdf.pages) == 3
        for page in pdf.pages:  # one content stream each, Flate-compressed once
            assert page.Contents.Filter == pikepdf.Name.FlateDecode
    assert len(PdfReader(io.BytesIO(data), strict=True).pages) == 3


def _spilled(alpha: bool) -> bytes:
    face = typeface()
    out = io.BytesIO()
    canvas = Canvas(io.BytesIO(), pagesize=(50 * mm, 50 * mm), initialFontName=face.name("regular"))
    spill = Spill(canvas, out)
    canvas.setPageCallBack(lambda number: spill.page())
    if alpha:
        canvas.setFillAlpha(0.5)  # transparency: PDF 1.4
    canvas.rect(10, 10, 50, 50, stroke=0, fill=1)
    canvas.showPage()
    spill.finish(canvas)
    return out.getvalue()


def test_the_header_gives_the_version_the_drawing_asked_for():
    """The header is written before the first page; a later page that uses transparency
    raises the version, and the header says so when the file is finished."""
    for alpha, version in ((False, "1.3"), (True, "1.4")):
        data = _spilled(alpha)
        assert data.startswith(f"%PDF-{version}\n".encode())
        with pikepdf.open(io.BytesIO(data)) as pdf:
            assert pdf.pdf_version == version
            assert pdf.check_pdf_syntax() == []
