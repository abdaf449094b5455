"""The typed, frozen model of an event: what load produces and layout consumes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from printkit.errors import Location
from printkit.geometry import Rect, Size

#: the last step of a field path: ".name", "[2]" or a top-level key
_PARENT = re.compile(r"(?:^|\.)[^.\[\]]+$|\[\d+\]$")


class Role(Enum):
    PANELIST = "panelist"
    MODERATOR = "moderator"


class BadgeBack(Enum):
    """What the back of a badge carries, for lanyards that turn."""

    NONE = "none"
    INFO = "info"  # the name again, the event's title, date and venue, a QR code
    QR = "qr"  # the name again and a large QR code


class Duplex(Enum):
    """How the backs are printed: on the next page, flipped on the long or the short edge,
    or on the same piece, folded."""

    LONG_EDGE = "long-edge"
    SHORT_EDGE = "short-edge"
    FOLD = "fold"


class SignKind(Enum):
    TENT = "tent"
    POSTER = "poster"


@dataclass(frozen=True)
class Person:
    name: str
    role: Role
    title: str | None = None
    organisations: tuple[str, ...] = ()
    path: str = field(default="", compare=False)  # in the event file, e.g. "panelists[2]"


@dataclass(frozen=True)
class Question:
    lead: str
    text: str


@dataclass(frozen=True)
class Venue:
    name: str
    area: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Organiser:
    name: str
    tagline: str | None = None
    logo: Path | None = None


@dataclass(frozen=True)
class Session:
    """One programme item. A single-session event holds exactly one, built from the top level."""

    title: str
    date: dt.date
    start: dt.time
    end: dt.time
    venue: Venue
    subtitle: str | None = None
    text: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    panelists: tuple[Person, ...] = ()
    moderator: Person | None = None
    path: str = field(default="", compare=False)  # in the event file; "" is the top level

    @property
    def people(self) -> tuple[Person, ...]:
        return self.panelists + ((self.moderator,) if self.moderator else ())


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


@dataclass(frozen=True)
class PdfX:
    """PDF/X-4 output: the printing condition's CMYK ICC profile and its identifier."""

    profile: Path
    condition: str  # OutputConditionIdentifier, e.g. FOGRA39
    info: str | None = None  # a human-readable description of the condition


@dataclass(frozen=True)
class Press:
    """Press mode: the products get bleed, crop marks and page boxes for a print shop."""

    bleed: float = 3.0  # mm beyond the trim that backgrounds run to
    marks: bool = True  # crop, cut and fold marks outside the bleed
    pdfx: PdfX | None = None


@dataclass(frozen=True)
class FontFamily:
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Event:
    source: Path
    language: str
    title: str
    url: str
    sessions: tuple[Session, ...]
    labels: dict[str, str] = field(hash=False, compare=True)
    festival: str | None = None
    organiser: Organiser | None = None
    sheet: SheetGeometry | None = None
    offset: PrinterOffset = PrinterOffset()
    sign: SignKind = SignKind.TENT
    fonts: FontFamily | None = None
    press: Press | None = None  # None: office mode, for a desktop printer
    badge_back: BadgeBack = BadgeBack.NONE
    duplex: Duplex = Duplex.LONG_EDGE
    #: field path ("panelists[2].name") → where its value is in the event file
    locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def where(self, path: str) -> Location | None:
        """Where ``path`` is in the event file; for a key not written there (a missing
        organisation), where the nearest enclosing one is, as load's errors point."""
        while path and path not in self.locations:
            parent = _PARENT.sub("", path)
            path = parent if parent != path else ""
        return self.locations.get(path)

    @property
    def main(self) -> Session:
        return self.sessions[0]

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone to badge, panelists before moderators, each person once."""
        seen: set[str] = set()
        result: list[Person] = []
        for session in self.sessions:
            for person in session.people:
                if person.name not in seen:
                    seen.add(person.name)
                    result.append(person)
        return tuple(result)
