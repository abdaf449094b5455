"""Badge roles: each with a label per language and a colour band.

The built-in roles cover a conference; ``roles:`` in event.yaml changes their labels or
colours and adds others. A role's label on a badge comes from the label catalogue when it
has one (``panelist``, ``moderator``: overridable under ``labels:``), else from the role. The
words of those two live in the catalogue only; their roles take them from there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from printkit.lang.labels import CATALOGUE, FALLBACK, primary_language

CMYK = tuple[float, float, float, float]


@dataclass(frozen=True)
class RoleDef:
    key: str
    labels: dict[str, str] = field(hash=False)  # language → label
    colour: CMYK

    def label(self, language: str) -> str:
        base = primary_language(language)
        return (
            self.labels.get(language)
            or self.labels.get(base)
            or self.labels.get(FALLBACK)
            or self.key.title()
        )


def _role(key: str, colour: CMYK, **labels: str) -> RoleDef:
    return RoleDef(key, dict(labels), colour)


def _catalogued(key: str) -> dict[str, str]:
    """A role's words from the label catalogue, per language: their one home."""
    return {language: words[key] for language, words in CATALOGUE.items() if key in words}


#: In this order roles sort on badge runs sorted by role.
BUILTIN: dict[str, RoleDef] = {
    r.key: r
    for r in (
        _role("panelist", (1.0, 0.55, 0.0, 0.35), **_catalogued("panelist")),
        _role("moderator", (0.0, 0.62, 1.0, 0.0), **_catalogued("moderator")),
        _role(
            "speaker",
            (0.85, 0.0, 0.9, 0.2),
            en="Speaker",
            da="Oplægsholder",
            de="Vortrag",
            sv="Talare",
            nb="Foredragsholder",
        ),
        _role(
            "staff",
            (0.6, 0.9, 0.0, 0.05),
            en="Staff",
            da="Medarbejder",
            de="Team",
            sv="Personal",
            nb="Stab",
        ),
        _role(
            "press",
            (0.0, 1.0, 0.85, 0.1),
            en="Press",
            da="Presse",
            de="Presse",
            sv="Press",
            nb="Presse",
        ),
        _role(
            "attendee",
            (0.0, 0.0, 0.0, 0.6),
            en="Attendee",
            da="Deltager",
            de="Gast",
            sv="Deltagare",
            nb="Deltaker",
        ),
    )
}
DEFAULT_ROLE = "attendee"


def match(value: str, roles: dict[str, RoleDef]) -> str | None:
    """The role key a list's value names: the key itself or any of its labels, in any case."""
    return matcher(roles)(value)


def matcher(roles: dict[str, RoleDef]) -> Callable[[str], str | None]:
    """``match`` for one table of roles, its keys and labels casefolded once (a list of
    10,000 rows names a role in each): the first role that has the value wins."""
    table: dict[str, str] = {}
    for key, role in reversed(list(roles.items())):  # an earlier role overwrites a later
        table.update((label.casefold(), key) for label in role.labels.values())
        table[key.casefold()] = key
    return lambda value: table.get(value.strip().casefold())
