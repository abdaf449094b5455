"""Names set in the case the organiser asks for: as given, in capitals, or mended to title
case. ``title`` mends only a name typed all in lower case or all in capitals ("yuki mensah",
"CHLOÉ DUBOIS"); a name with mixed case is someone's own spelling and is left alone
("Ludwig van Beethoven", "bell hooks" typed so would be mended, which is why it is a
choice). The usual exceptions: particles stay lower case after the first word (van, von,
de, der, af, …), O'Brien and D'Angelo, McDonald, Jean-Baptiste, and every letter García
Márquez has."""

from __future__ import annotations

import re

#: Words written in lower case inside a name (not as its first word), in the languages
#: printkit's organisers meet: Dutch, German, French, Spanish, Portuguese, Italian,
#: Scandinavian, Arabic transliteration.
PARTICLES = frozenset(
    [
        "van",
        "von",
        "de",
        "der",
        "den",
        "del",
        "della",
        "di",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "des",
        "la",
        "le",
        "ten",
        "ter",
        "zu",
        "af",
        "av",
        "y",
        "e",
        "bin",
        "ibn",
        "al",
        "el",
    ]
)
_WORD = re.compile(r"[^\s\-'’]+|[\s\-'’]+")


def needs_mending(name: str) -> bool:
    """True for a name all in lower case or all in capitals (at least two letters)."""
    letters = [c for c in name if c.isalpha() and c.lower() != c.upper()]
    if len(letters) < 2:
        return False
    return all(c.islower() for c in letters) or all(c.isupper() for c in letters)


def title_case(name: str, whole: str | None = None, first: bool = True) -> str:
    """``name`` in title case with the usual exceptions, if ``whole`` (the full name it is
    part of; default ``name``) needs mending; else as given. ``first=False``: ``name``
    continues a name (a family name set apart), so a leading particle stays lower case."""
    if not needs_mending(whole if whole is not None else name):
        return name
    pieces = _WORD.findall(name.lower())
    out: list[str] = []
    first_word = first
    for i, piece in enumerate(pieces):
        if not piece[0].isalpha():
            out.append(piece)
            if piece.isspace():
                first_word = False
            continue
        before = pieces[i - 1] if i else ""
        after = pieces[i + 1] if i + 1 < len(pieces) else ""
        standalone = (not before or before.isspace()) and (not after or after.isspace())
        if piece in PARTICLES and standalone and not first_word and after:
            out.append(piece)
        elif piece.startswith("mc") and len(piece) > 2:
            out.append("Mc" + piece[2:].capitalize())
        else:
            out.append(piece.capitalize())
    return "".join(out)  # O'Brien: each piece after an apostrophe is capitalised above


def in_case(name: str, case: str, whole: str | None = None, first: bool = True) -> str:
    """``name`` as ``case`` says: "as-given", "upper" or "title" (see ``title_case``)."""
    if case == "upper":
        return name.upper()
    if case == "title":
        return title_case(name, whole, first)
    return name
