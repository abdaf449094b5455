"""What sort a session is, and which strand of the programme it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

CMYK = tuple[float, float, float, float]


@dataclass(frozen=True)
class Kind:
    """What sort of session this is: it decides the wording of its people ("Panel:" and
    "Moderator:", or "Speaker:"), and whether it gets badges and a tent sign (a break gets
    neither and may span every room). ``label`` is in the event's language."""

    key: str  # "talk", "keynote", "panel", "workshop", "break", or the event's own
    label: str
    people: bool = True  # its people get badges
    sign: bool = True  # it gets a tent sign
    all_rooms: bool = False  # a break without a room is in every room


#: The kinds every event knows (labels in ``printkit.lang.labels``, ``kind_<key>``); a break
#: has no people to badge and no tent. ``kinds:`` in event.yaml adds others.
KIND_KEYS = ("talk", "keynote", "panel", "workshop", "break")


@dataclass(frozen=True)
class Track:
    """A strand of the programme, given once for the event: its name and colour."""

    name: str
    colour: CMYK | None = None

    @property
    def key(self) -> str:
        return " ".join(self.name.split()).casefold()
