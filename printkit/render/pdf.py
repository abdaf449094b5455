"""The only code that touches ReportLab's canvas: laid-out pages → PDF bytes.

Millimetres become points here and nowhere else. Files are reproducible by construction
(``invariant=1``: fixed dates and /ID), and no standard-14 font is ever referenced
(``initialFontName`` is the registered TrueType regular).
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import FILL_NON_ZERO, PATH_OPS, Canvas

from printkit import __version__
from printkit.layout.items import QR, Box, Document, Group, Image, Item, Line, Page, Text, Trap
from printkit.layout.qr import QUIET_ZONE
from printkit.read.images import is_vector, svg_drawing
from printkit.render.forms import image_form, place_repeated
from printkit.render.glyphs import draw_trap, placed
from printkit.render.ops import REGISTRATION, colour, writer_of
from printkit.render.stream import Spill
from printkit.typeset.fonts import Typeface


def render(
    document: Document,
    face: Typeface,
    step: Callable[[int], None] | None = None,
    pages: Iterable[Page] | None = None,
) -> bytes:
    """The document as PDF bytes (``render_into`` a buffer)."""
    buffer = io.BytesIO()
    render_into(buffer, document, face, step, pages)
    return buffer.getvalue()


def render_into(
    out: BinaryIO,
    document: Document,
    face: Typeface,
    step: Callable[[int], None] | None = None,
    pages: Iterable[Page] | None = None,
) -> None:
    """The document as PDF, written to ``out`` as it is drawn: each page's content goes to
    the file once the page is finished (``render.stream``). ``step`` (if given) is called
    after each page.

    ``pages``, if given, are the pages to draw instead of ``document.pages``, in order: a
    queue taken as they are drawn, or a generator laying each out as it is asked for, so a
    caller that holds no other reference to them (a build of 100,000 badges) frees each
    page's items once it is on the canvas."""
    if pages is None:
        pages = deque(document.pages)
    first = document.pages[0].size
    canvas = Canvas(
        io.BytesIO(),  # never written: ``Spill`` writes the file
        pagesize=(first.width * mm, first.height * mm),
        invariant=1,
        enforceColorSpace="sep_cmyk",  # any RGB left would raise; RGB greys become K
        pageCompression=1,
        initialFontName=face.name("regular"),
        initialFontSize=10,
    )
    canvas.setTitle(document.title)
    canvas.setAuthor(document.author)
    canvas.setSubject(document.subject)
    canvas.setCreator(f"printkit {__version__}")
    spill = Spill(canvas, out)
    canvas.setPageCallBack(lambda number: spill.page())
    for page in _taken(pages):
        _page(canvas, page, face)
        del page
        if step is not None:
            step(1)
    spill.finish(canvas)


def _taken(pages: Iterable[Page]) -> Iterator[Page]:
    """The pages in order; a queue's are taken from it as they are drawn."""
    if isinstance(pages, deque):
        while pages:
            yield pages.popleft()
    else:
        yield from pages


def _page(canvas: Canvas, page: Page, face: Typeface) -> None:
    canvas.setPageSize((page.size.width * mm, page.size.height * mm))
    if page.bleed is not None:
        canvas.setBleedBox(_box_points(page.bleed))
    if page.trim is not None:
        canvas.setTrimBox(_box_points(page.trim))
    _draw(canvas, page.items, face)
    canvas.showPage()


def _box_points(rect) -> tuple[float, float, float, float]:
    return (rect.x * mm, rect.y * mm, rect.right * mm, rect.top * mm)


def _draw(canvas: Canvas, items: Iterable[Item], face: Typeface) -> None:
    texts: list[Text] = []  # consecutive lines of text go into one text object
    for item in items:
        if isinstance(item, Text):
            texts.append(item)
            continue
        if texts:
            _texts(canvas, texts, face)
            texts = []
        if isinstance(item, Box):
            _box(canvas, item)
        elif isinstance(item, Line):
            _line(canvas, item)
        elif isinstance(item, QR):
            _qr(canvas, item)
        elif isinstance(item, Trap):
            draw_trap(canvas, item, face, colour(item.colour))
        elif isinstance(item, Image):
            _image(canvas, item, face)
        elif isinstance(item, Group) and item.repeated and not item.rotate:
            place_repeated(canvas, item, face, _draw, _draw_placed)
        elif isinstance(item, Group) and not item.rotate:  # a badge on its sheet: q cm … Q
            _draw_placed(canvas, item, face)
        elif isinstance(item, Group):
            _draw_moved(canvas, item, face)
        else:  # pragma: no cover - the vocabulary is closed
            raise TypeError(f"cannot render {item!r}")
    if texts:
        _texts(canvas, texts, face)


def _draw_placed(canvas: Canvas, item: Group, face: Typeface) -> None:
    """A group moved, not turned: its items under one ``cm``."""
    canvas.addLiteral(f"q 1 0 0 1 {fp_str(item.offset[0] * mm, item.offset[1] * mm)} cm")
    _draw(canvas, item.items, face)
    canvas.addLiteral("Q")


def _draw_moved(canvas: Canvas, item: Group, face: Typeface) -> None:
    """A group moved and turned about its pivot, through the canvas's own transforms."""
    canvas.saveState()
    canvas.translate(item.offset[0] * mm, item.offset[1] * mm)
    if item.rotate:
        px, py = item.pivot
        canvas.translate(px * mm, py * mm)
        canvas.rotate(item.rotate)
        canvas.translate(-px * mm, -py * mm)
    _draw(canvas, item.items, face)
    canvas.restoreState()


def _image(canvas: Canvas, item: Image, face: Typeface) -> None:
    r = item.rect
    if is_vector(item.path):
        from reportlab.graphics import renderPDF  # SVG logos only: it pulls platypus

        drawing = svg_drawing(item.path)
        # ReportLab's drawing renderer starts from Helvetica; start it from our embedded font
        drawing.initialFontName = face.name("regular")
        canvas.saveState()
        canvas.translate(r.x * mm, r.y * mm)
        canvas.scale(r.width * mm / drawing.width, r.height * mm / drawing.height)
        renderPDF.draw(drawing, canvas, 0, 0)
        canvas.restoreState()
        return
    # each picture is drawn once per file into a form, then placed: a badge run places one
    # logo thousands of times without decoding and hashing the image each time
    name = image_form(canvas, item.path)
    placed = fp_str(r.width * mm / 1000, 0, 0, r.height * mm / 1000, r.x * mm, r.y * mm)
    canvas.addLiteral(f"q {placed} cm")
    canvas.doForm(name)  # the page's resources name the form
    canvas.addLiteral("Q")


def _texts(canvas: Canvas, items: list[Text], face: Typeface) -> None:
    """Lines of text in one text object (a badge's six lines: one BT … ET, not six). Each
    line's runs (one font and direction each, in visual order) stand side by side from the
    left edge its measured width and alignment give; fonts and colours are set on change.

    Plain runs are written straight as operators from a per-document cache of their encoded
    subset strings and widths (the same text on every badge is encoded once); a line with a
    shaped run (right to left, marks) goes through ReportLab's text object."""
    writer = writer_of(canvas)
    lines = [writer.line(item, face) for item in items]
    if any(line is None for line in lines) or any(i.colour == REGISTRATION for i in items):
        _texts_shaped(canvas, items, face)
        return
    # a colour set inside a text object stays in the PDF's graphics state after it, unseen
    # by the canvas: so each text object sets its first colour whatever the canvas believes
    ops = ["BT"]
    font, fill = None, None
    for item, (advance, runs) in zip(items, lines, strict=True):
        wanted = writer.fill(item.colour)
        if wanted != fill:
            ops.append(wanted)
            fill = wanted
        size = item.size
        x, y = item.x * mm, item.y * mm
        if item.align == "center":
            x -= advance * size / 2
        elif item.align == "right":
            x -= advance * size
        for run_advance, pieces in runs:
            ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
            for name, string in pieces:
                if (name, size) != font:
                    ops.append(f"{name} {fp_str(size)} Tf")
                    font = (name, size)
                ops.append(string)
            x += run_advance * size
    ops.append("ET")
    canvas.addLiteral("\n".join(ops))


def _texts_shaped(canvas: Canvas, items: list[Text], face: Typeface) -> None:
    text = canvas.beginText()
    # a colour set inside a text object stays in the PDF's graphics state after it, unseen
    # by the canvas: so each text object sets its first colour whatever the canvas believes
    font, size, fill = None, None, None
    for item in items:
        line = face.line(item.text, item.style)
        wanted = colour(item.colour)
        if wanted != fill:
            text.setFillColor(wanted)
            fill = wanted
        x, y = item.x * mm, item.y * mm
        if item.align == "center":
            x -= line.advance * item.size / 2
        elif item.align == "right":
            x -= line.advance * item.size
        for run in line.runs:
            if (run.font, item.size) != (font, size):
                text.setFont(run.font, item.size)
                font, size = run.font, item.size
            for dx, dy, glyphs in placed(run.text):
                text.setTextOrigin(x + dx * item.size, y + dy * item.size)
                text.textOut(glyphs)
            x += run.advance * item.size
    canvas.drawText(text)


def _box(canvas: Canvas, item: Box) -> None:
    """A rectangle: its operators written once per document for a box every badge repeats
    (the role band); rounded corners and registration colour through the canvas."""
    if item.radius > 0 or REGISTRATION in (item.fill, item.stroke):
        _box_canvas(canvas, item)
        return
    writer = writer_of(canvas)
    op = writer.items.get(item)
    if op is None:
        r = item.rect
        ops = []
        if item.fill:
            ops.append(writer.fill(item.fill))
        if item.stroke:
            ops.append(f"{writer.stroke(item.stroke)} {fp_str(item.stroke_width)} w")
        paint = PATH_OPS[int(bool(item.stroke)), int(bool(item.fill)), FILL_NON_ZERO]
        ops.append(f"n {fp_str(r.x * mm, r.y * mm, r.width * mm, r.height * mm)} re {paint}")
        op = writer.items[item] = " ".join(ops)
    canvas.addLiteral(op)


def _box_canvas(canvas: Canvas, item: Box) -> None:
    r = item.rect
    if item.fill:
        canvas.setFillColor(colour(item.fill))
    if item.stroke:
        canvas.setStrokeColor(colour(item.stroke))
        canvas.setLineWidth(item.stroke_width)
    x, y, w, h = r.x * mm, r.y * mm, r.width * mm, r.height * mm
    stroke, fill = int(bool(item.stroke)), int(bool(item.fill))
    if item.radius > 0:
        canvas.roundRect(x, y, w, h, item.radius * mm, stroke=stroke, fill=fill)
    else:
        canvas.rect(x, y, w, h, stroke=stroke, fill=fill)


def _line(canvas: Canvas, item: Line) -> None:
    """A line: operators written once per document for a line every sheet repeats (the cut
    marks); registration colour through the canvas."""
    if item.colour == REGISTRATION:
        _line_canvas(canvas, item)
        return
    writer = writer_of(canvas)
    op = writer.items.get(item)
    if op is None:
        dash = f"[{fp_str([d * mm for d in item.dash])}] 0 d " if item.dash else "[] 0 d "
        op = writer.items[item] = (
            f"{writer.stroke(item.colour)} {fp_str(item.width)} w {dash}"
            f"n {fp_str(item.x1 * mm, item.y1 * mm)} m {fp_str(item.x2 * mm, item.y2 * mm)} l S"
            + (" [] 0 d" if item.dash else "")
        )
    canvas.addLiteral(op)


def _line_canvas(canvas: Canvas, item: Line) -> None:
    canvas.setStrokeColor(colour(item.colour))
    canvas.setLineWidth(item.width)
    canvas.setDash([d * mm for d in item.dash] if item.dash else [])
    canvas.line(item.x1 * mm, item.y1 * mm, item.x2 * mm, item.y2 * mm)
    if item.dash:
        canvas.setDash([])


def _qr(canvas: Canvas, item: QR) -> None:
    """The quiet zone painted light, then every dark module in one vector path (one fill),
    written in module units under one transform: whole numbers, computed once per code."""
    writer = writer_of(canvas)
    r = item.rect
    module = item.module * mm
    left = r.x * mm + QUIET_ZONE * module
    bottom = r.y * mm + QUIET_ZONE * module
    canvas.addLiteral(
        f"q {writer.fill('paper')} {fp_str(r.x * mm, r.y * mm, r.width * mm, r.height * mm)} re f"
        f" {writer.fill('text')} {fp_str(module)} 0 0 {fp_str(module)} {fp_str(left, bottom)} cm\n"
        f"{item.matrix.path}\nf Q"
    )
