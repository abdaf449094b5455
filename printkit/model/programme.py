"""What the programme and the signs of a schedule are made of, and on which paper."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from printkit.model.geometry import PAPER, Size


class Part(StrEnum):
    """The parts a schedule's programme may have, in the order they are asked for."""

    GRID = "grid"  # a day at a glance: time down, rooms across
    SLOTS = "slots"  # every session by start time, the sessions of one slot together
    INDEX = "index"  # every speaker, panelist and moderator with their sessions' pages
    LIST = "list"  # the compact list by day (and room): a single-room day's programme
    VENUES = "venues"  # every venue with its sessions' pages: a festival of many organisers


#: The default for an event with more than one room; a single room keeps the compact list.
MANY_ROOMS = (Part.GRID, Part.SLOTS, Part.INDEX)
ONE_ROOM = (Part.LIST,)
#: The parts that point to the others' pages: set after them, in the order asked for.
INDEXES = (Part.INDEX, Part.VENUES)

#: Paper a programme may be set on, and the sheet its booklet is imposed on (two up).
PROGRAMME_PAPER = ("A4", "A5", "Letter", "Half-Letter", "A3", "Tabloid")
BOOKLET_PAGE = {
    "A3": "A5",
    "A4": "A5",
    "A5": "A5",
    "Tabloid": "Half-Letter",
    "Letter": "Half-Letter",
    "Half-Letter": "Half-Letter",
}
BOOKLET_SHEET = {"A5": "A4", "Half-Letter": "Letter"}
#: Paper a sign may be set on: a tent folds a landscape sheet; a poster is a page.
TENT_PAPER = ("A4", "Letter")
POSTER_PAPER = ("A3", "Tabloid", "A4", "Letter")


@dataclass(frozen=True)
class ProgrammeOptions:
    """``programme: {parts: [...], paper: ..., booklet: ...}``; ``parts`` None: by rooms."""

    parts: tuple[Part, ...] | None = None
    paper: str = "A4"
    booklet: bool = False

    def parts_for(self, rooms: int, festival: bool = False) -> tuple[Part, ...]:
        """The parts asked for; else by rooms, and for a festival of several venues (each an
        organiser's tent or stage) an index of venues too."""
        if self.parts is not None:
            return self.parts
        if rooms > 1:
            return (*MANY_ROOMS, Part.VENUES) if festival else MANY_ROOMS
        return ONE_ROOM

    @property
    def page(self) -> Size:
        """The reader's page: the paper, or for a booklet the half sheet it folds to."""
        return PAPER[BOOKLET_PAGE[self.paper] if self.booklet else self.paper]

    @property
    def sheet(self) -> Size:
        """The booklet's printing sheet, landscape, two pages side by side."""
        return PAPER[BOOKLET_SHEET[BOOKLET_PAGE[self.paper]]].landscape
