"""The outlines of a set line's glyphs, as a path: what the press's choke trap strokes.

Small text reversed out of a band of several inks blurs when the plates shift a hair
(``layout/theme.py``'s ink rule). A stroke along the glyphs' outlines in the band's strongest
ink alone, under the white text, makes the ring around every letter one ink: the letter's
edge is then drawn by that one plate, and the others' holes are wider by the stroke. The path
is a vector drawing, not text, so a copy of the words does not double them.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr

from printkit.errors import stops_held
from printkit.typeset.shaping import _hb_font, set_line

#: A path segment at 1 pt, from the line's left end on its baseline: ("m", x, y),
#: ("l", x, y), ("c", x1, y1, x2, y2, x, y) or ("h",).
Segment = tuple


class _Pen:
    """Collects HarfBuzz's drawing of one glyph, moved and scaled to where it is set."""

    def __init__(self, x: float, y: float, per_em: float) -> None:
        self.x, self.y, self.per_em = x, y, per_em
        self.segments: list[Segment] = []
        self.at = (0.0, 0.0)

    def _point(self, point: tuple[float, float]) -> tuple[float, float]:
        return (self.x + point[0] / self.per_em, self.y + point[1] / self.per_em)

    def moveTo(self, point):  # noqa: N802 - fontTools' pen protocol, as HarfBuzz calls it
        self.at = self._point(point)
        self.segments.append(("m", *self.at))

    def lineTo(self, point):  # noqa: N802
        self.at = self._point(point)
        self.segments.append(("l", *self.at))

    def curveTo(self, first, second, end):  # noqa: N802
        points = [self._point(p) for p in (first, second, end)]
        self.at = points[-1]
        self.segments.append(("c", *points[0], *points[1], *points[2]))

    def qCurveTo(self, control, end):  # noqa: N802 - a quadratic, raised to a cubic
        (cx, cy), (ex, ey) = self._point(control), self._point(end)
        sx, sy = self.at
        first = (sx + 2 / 3 * (cx - sx), sy + 2 / 3 * (cy - sy))
        second = (ex + 2 / 3 * (cx - ex), ey + 2 / 3 * (cy - ey))
        self.at = (ex, ey)
        self.segments.append(("c", *first, *second, ex, ey))

    def closePath(self):  # noqa: N802
        self.segments.append(("h",))


@lru_cache(maxsize=4096)
def outline(chain: tuple[str, ...], text: str) -> tuple[Segment, ...]:
    """The outlines of ``text`` set in ``chain`` (as ``set_line`` sets and render draws it),
    at 1 pt from the line's left end on its baseline."""
    segments: list[Segment] = []
    x = 0.0
    for run in set_line(chain, text).runs:
        font = pdfmetrics.getFont(run.font)
        face = font.face
        hb_font = _hb_font(run.font)
        per_em = float(hb_font.scale[1])
        if isinstance(run.text, ShapedStr):
            placed = [
                (ord(char), d.x_offset / 1000, d.y_offset / 1000, d.x_advance / 1000)
                for char, d in zip(str(run.text), run.text.__shapeData__, strict=True)
            ]
        else:
            placed = [
                (ord(char), 0.0, 0.0, face.charWidths.get(ord(char), 0) / 1000) for char in run.text
            ]
        for code, dx, dy, step in placed:
            pen = _Pen(x + dx, dy, per_em)
            _draw(hb_font, face.charToGlyph.get(code, 0), pen)
            segments += pen.segments
            x += step
    return tuple(segments)


def _draw(hb_font, glyph: int, pen: _Pen) -> None:
    """HarfBuzz calls the pen's methods from C, which prints an exception raised in them and
    drops it: a Ctrl-C (or SIGTERM) landing in one was lost, and the build ran on to the
    end. Those signals wait while the glyph is drawn and are taken the moment it is done."""
    with stops_held():
        hb_font.draw_glyph_with_pen(glyph, pen)
