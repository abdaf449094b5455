"""Reading the painted areas of our PDFs: every filled rectangle of a page with the fill colour
the content stream set for it, as a print shop's preflight reads them (CMYK from the ``k``
operator, through q/Q and cm), in page millimetres."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

from tests.pdfread import MM, _mul


@dataclass(frozen=True)
class Fill:
    """A filled rectangle: its colour as the operator set it ("k", (c, m, y, k)) and its
    extent in mm from the page's lower left corner."""

    colour: tuple[str, tuple[float, ...]]
    left: float
    bottom: float
    right: float
    top: float

    @property
    def cmyk(self) -> tuple[float, ...] | None:
        return self.colour[1] if self.colour[0] == "k" else None

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top


def fills(pdf: Path, page: int = 0) -> list[Fill]:
    """Every rectangle (``re``) the page fills (f, f*, B, b), in drawing order."""
    reader = PdfReader(pdf)
    ops = ContentStream(reader.pages[page].get_contents(), reader).operations
    ctm: list[float] = [1, 0, 0, 1, 0, 0]
    colour: tuple[str, tuple[float, ...]] = ("g", (0.0,))
    stack: list[tuple[list[float], tuple[str, tuple[float, ...]]]] = []
    pending: list[tuple[float, float, float, float]] = []
    found: list[Fill] = []
    for operands, op in ops:
        if op == b"q":
            stack.append((ctm, colour))
        elif op == b"Q" and stack:
            ctm, colour = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op in (b"k", b"rg", b"g"):
            colour = (op.decode(), tuple(round(float(v), 4) for v in operands))
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            corners = [(x, y), (x + w, y + h)]
            points = [
                (a * ctm[0] + b * ctm[2] + ctm[4], a * ctm[1] + b * ctm[3] + ctm[5])
                for a, b in corners
            ]
            xs, ys = [p[0] / MM for p in points], [p[1] / MM for p in points]
            pending.append((min(xs), min(ys), max(xs), max(ys)))
        elif op in (b"f", b"f*", b"F", b"B", b"B*", b"b", b"b*"):
            found += [Fill(colour, *rect) for rect in pending]
            pending = []
        elif op in (b"n", b"S", b"s"):
            pending = []
    return found
