"""The shared vocabulary of a laid-out page. Geometry in mm, type sizes in points."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from printkit.errors import Location
from printkit.layout.qr import Matrix
from printkit.model.geometry import Rect, Size

#: A theme colour's name, or CMYK fractions given directly (a role's colour from event.yaml).
Colour = str | tuple[float, float, float, float]


@dataclass(frozen=True)
class Text:
    """One line of text. ``y`` is the baseline; ``x`` is the left, centre or right edge per align."""

    x: float
    y: float
    text: str
    style: str  # regular, bold, italic, bold_italic
    size: float  # points
    colour: str = "text"
    align: str = "left"


@dataclass(frozen=True)
class Box:
    """A rectangle, filled and/or stroked; ``radius`` (mm) rounds its corners."""

    rect: Rect
    fill: Colour | None = None
    stroke: Colour | None = None
    stroke_width: float = 0.5  # points
    radius: float = 0.0


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = "rule"
    width: float = 0.5  # points
    dash: tuple[float, ...] | None = None  # mm


@dataclass(frozen=True)
class Image:
    rect: Rect
    path: Path


@dataclass(frozen=True)
class QR:
    """A QR code; ``rect`` includes the painted quiet zone."""

    rect: Rect
    matrix: Matrix

    @property
    def module(self) -> float:
        return self.rect.width / self.matrix.modules_with_quiet_zone


@dataclass(frozen=True)
class Group:
    """Items in their own coordinates, placed with their origin at ``offset`` on the page and
    turned by ``rotate`` degrees about ``pivot`` (a point in the group's own coordinates).

    ``repeated``: the same items on many pieces of a file (the band and foot every badge of
    a role carries); the renderer draws them once per file, as a form, and places it."""

    items: tuple[Item, ...]
    offset: tuple[float, float] = (0.0, 0.0)
    rotate: float = 0.0
    pivot: tuple[float, float] = (0.0, 0.0)
    repeated: bool = field(default=False, kw_only=True)


@dataclass(frozen=True)
class Trap:
    """A choke trap: ``text``'s glyph outlines stroked ``width`` pt wide in ``colour`` (one
    ink), drawn just before the reversed text itself (``layout/inks.py``)."""

    text: Text
    colour: Colour
    width: float  # points: twice the ring the trap leaves around each letter


Item = Text | Box | Line | Image | QR | Group | Trap


@dataclass(frozen=True)
class Fold:
    """A fold line across the whole finished piece, at ``at`` mm from its bottom or left edge."""

    horizontal: bool
    at: float


@dataclass(frozen=True)
class Page:
    """A page as laid out: ``size`` is the finished (trim) size until ``press.finish`` adds
    bleed and marks and sets ``trim`` and ``bleed`` (rectangles within the final page)."""

    size: Size
    items: tuple[Item, ...]
    trim: Rect | None = None
    bleed: Rect | None = None
    folds: tuple[Fold, ...] = ()
    #: the pieces cut from this page that a reader sees first (badge fronts), in print order,
    #: as rectangles of the final page: what a proof's contact sheet cuts out
    pieces: tuple[Rect, ...] = ()


@dataclass(frozen=True)
class Note:
    """Something a layout did that the organiser may want to hear before printing, though
    nothing is wrong with the page: a name set below its design size to fit, a line left out.
    ``field`` is the event file's field path it concerns ("panelists[2].name"), or with
    ``where`` a list's cell ("row 12, column 'Name'")."""

    field: str
    text: str
    where: Location | None = None


@dataclass(frozen=True)
class Document:
    pages: tuple[Page, ...]
    title: str
    author: str
    subject: str
    notes: tuple[Note, ...] = ()  # not drawn; ``printkit review`` reports them
    #: the pages after ``pages``, laid out only as they are drawn (a build's badges: a stream,
    #: never held together); None when ``pages`` holds them all
    rest: Iterator[Page] | None = field(default=None, compare=False, repr=False)
    #: how many pages there are, ``rest``'s too (known ahead for a progress bar, then
    #: counted as they are drawn); None: ``pages`` holds them all
    count: int | None = field(default=None, compare=False)

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.count is None else self.count


@dataclass
class Stream:
    """A document's pages laid out as they are taken (``document`` holds none of them);
    ``notes`` is complete once the last is taken."""

    document: Document
    pages: Iterator[Page]
    notes: list[Note] = field(default_factory=list)


def field_path(parent: str, key: str) -> str:
    """``key`` below ``parent`` in a field path: ("panelists[2]", "name") → "panelists[2].name"."""
    return f"{parent}.{key}" if parent else key


def pt(size: float) -> str:
    """A type size for a note: 22, 17.25, 19.56 (pt)."""
    return f"{size:.2f}".rstrip("0").rstrip(".")
