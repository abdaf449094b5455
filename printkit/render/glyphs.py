"""Glyphs drawn where HarfBuzz placed them, beside the text objects of ``render.pdf``: the
outlines a choke trap strokes (``layout.items.Trap``), and shaped runs cut where a mark
is raised or lowered."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColorSep, Color
from reportlab.lib.units import mm
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr
from reportlab.pdfgen.canvas import Canvas

from printkit.layout.items import Trap
from printkit.typeset.fonts import Typeface


def draw_trap(canvas: Canvas, item: Trap, face: Typeface, ink: Color) -> None:
    """The text's glyph outlines, stroked in ``ink`` (one plate) with round joins (no mitre
    spikes), where the text itself is then drawn.

    A trap every badge repeats (the role word, the festival's name, in the badge's own
    coordinates) is drawn once per document into a form, and each badge places the form:
    its outlines are in the file once, not on every badge (they were nine tenths of a badge
    sheet's content, and of the time spent compressing it). A spot ink names itself in the
    page's resources, so a trap in one is drawn on the page each time."""
    name = prepare_trap(canvas, item, face, ink)
    if name is None:
        _stroke_outlines(canvas, item, face, ink)
    else:
        canvas.doForm(name)


def prepare_trap(canvas: Canvas, item: Trap, face: Typeface, ink: Color) -> str | None:
    """The name of the trap's form, drawn on its first use in the file; None for a trap in a
    spot ink, which is drawn where it stands."""
    if isinstance(ink, CMYKColorSep):
        return None
    forms = canvas.__dict__.setdefault("_printkit_traps", {})
    name = forms.get(item)
    if name is None:
        name = forms[item] = f"pktrap{len(forms)}"
        canvas.beginForm(name)  # its box: the page's, which holds any badge on it
        _stroke_outlines(canvas, item, face, ink)
        canvas.endForm()
    return name


def _stroke_outlines(canvas: Canvas, item: Trap, face: Typeface, ink: Color) -> None:
    text = item.text
    width = face.width(text.text, text.style, text.size)
    x = text.x * mm - {"center": width / 2, "right": width}.get(text.align, 0.0)
    y, size = text.y * mm, text.size
    path = canvas.beginPath()
    for op, *values in face.outline(text.text, text.style):
        points = [
            (x + px * size, y + py * size) for px, py in zip(values[::2], values[1::2], strict=True)
        ]
        if op == "m":
            path.moveTo(*points[0])
        elif op == "l":
            path.lineTo(*points[0])
        elif op == "c":
            path.curveTo(*points[0], *points[1], *points[2])
        else:
            path.close()
    canvas.saveState()
    canvas.setStrokeColor(ink)
    canvas.setLineWidth(item.width)
    canvas.setLineJoin(1)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def placed(text: str) -> list[tuple[float, float, str]]:
    """A run as (x, y offset at 1 pt, glyphs) pieces. A shaped run whose marks the font
    raises or lowers is cut at every glyph, each placed where HarfBuzz put it: ReportLab's
    own rise (``Ts``) for them carried a mark's height onto the next letter ("Smit" + a
    raised "h") and into the lines after it."""
    if not isinstance(text, ShapedStr) or not any(d.y_offset for d in text.__shapeData__):
        return [(0.0, 0.0, text)]
    pieces, pen = [], 0.0
    for char, data in zip(str(text), text.__shapeData__, strict=True):
        alone = ShapeData(data.cluster, data.width, 0, 0, 0, data.width)
        pieces.append(
            ((pen + data.x_offset) / 1000, data.y_offset / 1000, ShapedStr(char, shapeData=[alone]))
        )
        pen += data.x_advance
    return pieces
