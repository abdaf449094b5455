"""Glyphs drawn where HarfBuzz placed them, beside the text objects of ``render.pdf``: the
outlines a choke trap strokes (``layout.items.Trap``)."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printkit.layout.items import Trap
from printkit.typeset.fonts import Typeface


def draw_trap(canvas: Canvas, item: Trap, face: Typeface, ink: Color) -> None:
    """The text's glyph outlines, stroked in ``ink`` (one plate) with round joins (no mitre
    spikes), where the text itself is then drawn."""
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
