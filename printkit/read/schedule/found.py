"""What a schedule file yields: its sessions as read, its time zone, tracks and title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from printkit.errors import InputWarning, Location
from printkit.model.kinds import CMYK, Track
from printkit.read.schedule.entry import Entry

_HEX = re.compile(r"^#?([0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Found:
    entries: list[Entry]
    zone: str | None  # the file's own time zone (IANA), when it names one
    where: Location  # where it names it (or the file)
    tracks: tuple[Track, ...] = ()
    title: str | None = None
    warnings: tuple[InputWarning, ...] = ()  # what the reader left out or changed, located


def hex_colour(value: str | None) -> CMYK | None:
    """A schedule tool's screen colour (``#0088cc``) as the CMYK that prints near it: the
    naive conversion (K from the lightest channel), enough to tell tracks apart."""
    match = _HEX.match((value or "").strip())
    if match is None:
        return None
    r, g, b = (int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4))
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    c, m, y = ((1 - channel - k) / (1 - k) for channel in (r, g, b))
    return (round(c, 3), round(m, 3), round(y, 3), round(k, 3))
