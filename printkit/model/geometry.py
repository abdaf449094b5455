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
