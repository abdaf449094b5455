"""Named units and the small geometric types the layout speaks in.

All layout geometry is in millimetres, with the origin at the bottom-left corner of the
page and y growing upwards (as in PDF). Type sizes are in points, as typographers give them.
Only the renderer converts millimetres to PDF points.
"""

from __future__ import annotations

from dataclasses import dataclass

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
#: One typographic point in millimetres.
PT = MM_PER_INCH / POINTS_PER_INCH


def inch(value: float) -> float:
    """Inches to millimetres."""
    return value * MM_PER_INCH


@dataclass(frozen=True)
class Size:
    width: float
    height: float

    @property
    def landscape(self) -> Size:
        return Size(max(self.width, self.height), min(self.width, self.height))


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in mm: (x, y) is the bottom-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def inset(self, d: float) -> Rect:
        return Rect(self.x + d, self.y + d, self.width - 2 * d, self.height - 2 * d)

    def contains(self, other: Rect, tolerance: float = 1e-6) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )

    def overlaps(self, other: Rect) -> bool:
        """True when the interiors intersect (touching edges do not count)."""
        return (
            self.x < other.right - 1e-9
            and other.x < self.right - 1e-9
            and self.y < other.top - 1e-9
            and other.y < self.top - 1e-9
        )


PAPER = {
    "A3": Size(297.0, 420.0),
    "A4": Size(210.0, 297.0),
    "A5": Size(148.0, 210.0),
    "A6": Size(105.0, 148.0),
    "Letter": Size(inch(8.5), inch(11)),
    "Legal": Size(inch(8.5), inch(14)),
    "Half-Letter": Size(inch(5.5), inch(8.5)),
    "Tabloid": Size(inch(11), inch(17)),
}


@dataclass(frozen=True)
class SheetGeometry:
    """Label stock: where each badge sits on the sheet. Offsets are from the sheet's top-left.

    ``corner_radius`` is the die-cut labels' corner radius in mm, None where no source states it.
    """

    name: str
    paper: Size
    label: Size
    columns: int
    rows: int
    left: float
    top: float
    pitch_x: float
    pitch_y: float
    corner_radius: float | None = None

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def slot(self, column: int, row: int) -> Rect:
        """The badge rectangle at (column, row), row 0 at the top, in page coordinates."""
        x = self.left + column * self.pitch_x
        top = self.paper.height - self.top - row * self.pitch_y
        return Rect(x, top - self.label.height, self.label.width, self.label.height)


#: mm; a printer further off than this needs repair, not a correction.
MAX_OFFSET = 20.0


@dataclass(frozen=True)
class PrinterOffset:
    """A printer's correction in mm, moving everything on a sheet: ``x`` to the right and
    ``y`` DOWN the sheet, as the calibration page's rulers read (printers feed top-first).

    In PDF coordinates (y up) that is a shift of (x, -y): see ``page_shift``.
    """

    x: float = 0.0
    y: float = 0.0

    def __bool__(self) -> bool:
        return bool(self.x or self.y)

    @property
    def page_shift(self) -> tuple[float, float]:
        return (self.x, -self.y)

    def override(self, x: float | None = None, y: float | None = None) -> PrinterOffset:
        """This offset with the axes given on the command line replaced (the command line wins)."""
        return PrinterOffset(self.x if x is None else x, self.y if y is None else y)
