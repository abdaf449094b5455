"""``programme:`` (parts, paper, booklet) and ``sign: {paper: …}`` of event.yaml."""

from __future__ import annotations

from printkit.errors import suggest
from printkit.model.programme import (
    POSTER_PAPER,
    PROGRAMME_PAPER,
    TENT_PAPER,
    Part,
    ProgrammeOptions,
)
from printkit.read.fields import Fields, as_list, coerce, fail, scalar_text
from printkit.read.source import Node

PROGRAMME_KEYS = ("parts", "paper", "booklet")


def read_programme_options(top: Fields) -> ProgrammeOptions:
    node = top.get("programme")
    if node is None:
        return ProgrammeOptions()
    fields = Fields(node, "programme", PROGRAMME_KEYS, "programme")
    parts = None
    listed = fields.get("parts")
    if listed is not None:
        items = as_list(listed, "programme.parts", "parts (grid, slots, index, list, venues)")
        parts = tuple(
            coerce(item, f"programme.parts[{i}]", Part) for i, item in enumerate(items, start=1)
        )
        if not parts:
            raise fail(listed, "programme.parts", "is an empty list; name at least one part")
        for i, part in enumerate(parts):
            if part in parts[:i]:
                raise fail(items[i], f"programme.parts[{i + 1}]", f"{part} is named twice")
    paper = "A4"
    if fields.get("paper") is not None:
        paper = paper_name(fields.get("paper"), "programme.paper", PROGRAMME_PAPER)
    return ProgrammeOptions(parts, paper, fields.flag("booklet", False))


def paper_name(node: Node, path: str, allowed: tuple[str, ...]) -> str:
    """A paper's name as the catalogue spells it, whatever its case: "letter" → "Letter"."""
    name = scalar_text(node, path, 20)
    match = {k.lower(): k for k in allowed}.get(name.strip().lower())
    if match is None:
        raise fail(
            node, path, f"{name!r} is not one of {', '.join(allowed)}{suggest(name, allowed)}"
        )
    return match


def read_sign_paper(sign: Fields, kind: str | None) -> str | None:
    """``sign.paper``: for tents a sheet folded in two, for posters the page itself."""
    node = sign.get("paper")
    if node is None:
        return None
    allowed = TENT_PAPER if kind == "tent" else POSTER_PAPER if kind == "poster" else None
    if allowed is None:  # both signs: a paper both can take
        allowed = tuple(p for p in TENT_PAPER if p in POSTER_PAPER)
    return paper_name(node, "sign.paper", allowed)
