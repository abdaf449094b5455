"""What the renderer writes again and again, made once per document: theme colours as
ReportLab's colour objects, and each line's, box's, colour's operators (``Writer``)."""

from __future__ import annotations

from functools import cache

from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr
from reportlab.pdfgen.canvas import Canvas

from printkit.layout.items import Text
from printkit.layout.theme import COLOURS
from printkit.typeset.fonts import Typeface

REGISTRATION = "marks"


@cache
def colour(name: str | tuple[float, float, float, float]) -> CMYKColor:
    """A theme colour by name, or CMYK fractions given directly (a role's colour)."""
    if not isinstance(name, str):
        return CMYKColor(*name)
    c, m, y, k = COLOURS[name]
    if name == REGISTRATION:
        return CMYKColorSep(c, m, y, k, spotName="All", density=1)
    return CMYKColor(c, m, y, k)


class Writer:
    """What one document's drawing reuses: each line's encoded runs, each colour's operator."""

    def __init__(self, canvas: Canvas) -> None:
        self.doc = canvas._doc  # the document the fonts' subsets are counted in
        self.lines: dict[tuple[str, str], tuple | None] = {}
        self.fills: dict = {}
        self.strokes: dict = {}
        self.items: dict = {}  # a box or line → its operators

    def line(self, item: Text, face: Typeface) -> tuple[float, tuple] | None:
        """(advance at 1 pt, ((run advance, ((subset font, "(codes) Tj"), …)), …)), or None
        for a line with a shaped run."""
        key = (item.text, item.style)
        found = self.lines.get(key, False)
        if found is False:
            found = self.lines[key] = self._encode(face.line(item.text, item.style))
        return found

    def _encode(self, line) -> tuple[float, tuple] | None:
        runs = []
        for run in line.runs:
            if isinstance(run.text, ShapedStr):
                return None
            font = pdfmetrics.getFont(run.font)
            pieces = tuple(
                (font.getSubsetInternalName(subset, self.doc), f"({escapePDF(codes)}) Tj")
                for subset, codes in font.splitString(run.text, self.doc)
            )
            runs.append((run.advance, pieces))
        return line.advance, tuple(runs)

    def fill(self, name: str | tuple[float, float, float, float]) -> str:
        """The fill operator of a (process) colour, as ReportLab writes it."""
        op = self.fills.get(name)
        if op is None:
            c = colour(name)
            d = c.density
            op = self.fills[name] = (
                f"{fp_str(d * c.cyan, d * c.magenta, d * c.yellow, d * c.black)} k"
            )
        return op

    def stroke(self, name: str | tuple[float, float, float, float]) -> str:
        """The stroke operator of a (process) colour, as ReportLab writes it."""
        op = self.strokes.get(name)
        if op is None:
            c = colour(name)
            d = c.density
            op = f"{fp_str(d * c.cyan, d * c.magenta, d * c.yellow, d * c.black)} K"
            self.strokes[name] = op
        return op


def writer_of(canvas: Canvas) -> Writer:
    writer = canvas.__dict__.get("_printkit_writer")
    if writer is None:
        writer = canvas.__dict__["_printkit_writer"] = Writer(canvas)
    return writer
