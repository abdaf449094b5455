"""The colours of a day's grid: a track's sessions in a tint of its colour with a bar of the
full colour at their left edge, a break in a pale grey (across the rooms when it is in every
room, ``Session.everywhere``), and a legend of the page's tracks at its foot. The words on a
box stay in black (one ink) whatever its tint."""

from __future__ import annotations

from printkit.layout.items import Box, Colour, Item, Text
from printkit.layout.text import width_mm
from printkit.model.event import Event, Session
from printkit.model.geometry import PT, Rect
from printkit.model.kinds import Track
from printkit.typeset.fonts import Typeface

TINT = 0.22  # a track's box: its colour at this strength, pale enough for black words
BAR = 1.6  # mm: the track's full colour along the box's left edge
BREAK_FILL: Colour = (0.0, 0.0, 0.0, 0.07)
PLAIN_FILL: Colour = "accent_light"
LEGEND_ROW = 5.5  # mm a row of the legend takes
LEGEND_SPACE = 3.0  # mm between the grid and the legend
SWATCH = 3.5  # mm
LEGEND = 7.5  # pt
LEGEND_GAP = 6.0  # mm between the legend's entries


def is_break(event: Event, session: Session) -> bool:
    """A break, or another kind marked so: no track's colours, grey wherever it is."""
    return event.kind(session).all_rooms


def colour_of(event: Event, session: Session) -> tuple[float, float, float, float] | None:
    track = event.track(session)
    return track.colour if track is not None else None


def fill_of(event: Event, session: Session) -> Colour:
    if is_break(event, session):
        return BREAK_FILL
    colour = colour_of(event, session)
    if colour is None:
        return PLAIN_FILL
    return tuple(TINT * value for value in colour)  # type: ignore[return-value]


def decorations(event: Event, session: Session, box: Rect) -> list[Item]:
    """The box's fill, and its track's bar."""
    items: list[Item] = [Box(box, fill=fill_of(event, session))]
    colour = colour_of(event, session)
    if colour is not None and not is_break(event, session):
        items.append(Box(Rect(box.x, box.y, BAR, box.height), fill=colour))
    return items


def inside(event: Event, session: Session, box: Rect) -> Rect:
    """Where the box's words go: right of its track's bar."""
    if colour_of(event, session) is None or is_break(event, session):
        return box
    return Rect(box.x + BAR, box.y, box.width - BAR, box.height)


def tracks_on(event: Event, sessions: list[Session]) -> list[Track]:
    """The coloured tracks of these sessions, in the order the event lists them."""
    keys = {event.track(s).key for s in sessions if colour_of(event, s) is not None}
    return [track for track in event.tracks if track.key in keys]


def legend(face: Typeface, tracks: list[Track], x: float, width: float) -> tuple[list[Item], float]:
    """Each track's swatch and name, in rows as wide as ``width`` from ``x``; the items with
    y = 0 at the legend's foot, and its height (``LEGEND_ROW`` a row)."""
    rows: list[list[tuple[Track, float]]] = [[]]
    used = 0.0
    for track in tracks:
        needed = SWATCH + 1.5 + width_mm(face, track.name, "regular", LEGEND)
        if rows[-1] and used + needed > width:
            rows.append([])
            used = 0.0
        rows[-1].append((track, needed))
        used += needed + LEGEND_GAP
    items: list[Item] = []
    for k, row in enumerate(reversed(rows)):
        y = k * LEGEND_ROW
        left = x
        for track, needed in row:
            items.append(Box(Rect(left, y, SWATCH, SWATCH), fill=track.colour))
            baseline = y + (SWATCH - face.cap_height("regular", LEGEND) * PT) / 2
            items.append(Text(left + SWATCH + 1.5, baseline, track.name, "regular", LEGEND))
            left += needed + LEGEND_GAP
    return items, len(rows) * LEGEND_ROW + LEGEND_SPACE
