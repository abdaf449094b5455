"""Every product obeys the ink rule (``theme.INK_RULES``), applied once to every laid-out
document so no product can forget it:

- small text that would be set in several inks, or in a tint, is set in solid black
  (100 % K) instead;
- small reversed (paper-white) text over a box of several inks gets a choke trap
  (``Trap``): its glyphs' outlines stroked in the box's strongest ink alone, so the ring
  around every letter is one ink and that one plate draws the letters' edges. The design's
  colours stay; a shift of the other plates no longer fills the letters.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from printkit.layout.items import Box, Document, Group, Item, Page, Text, Trap
from printkit.layout.theme import CMYK, COLOURS, PAPER_WHITE, TRAP, ink_breach, one_ink
from printkit.model.geometry import PT

SOLID = "text"  # what small text falls back to: 100 % K, one ink


def obey_ink_rule(document: Document) -> Document:
    done: dict[int, tuple[Group, Group]] = {}
    return replace(document, pages=tuple(ink_ruled(page, done) for page in document.pages))


def ink_ruled(page: Page, done: dict[int, tuple[Group, Group]] | None = None) -> Page:
    """``page`` with the rule applied; ``done``: what ``_items`` keeps between the pages of
    one document (a stream's pages, ruled one by one, share one)."""
    return replace(page, items=_items(page.items, [], {} if done is None else done))


def _items(
    items: tuple[Item, ...], boxes: list[Box], done: dict[int, tuple[Group, Group]]
) -> tuple[Item, ...]:
    """The items with the rule applied (the same tuple when nothing changes); ``boxes``: the
    filled boxes painted before them, in the same coordinates (a group that moves or turns
    its items starts its own). ``done``: the repeated groups met on nothing painted, each
    with its result by its identity, so a band and foot every badge of a role places is
    looked at once and stays one object."""
    result: list[Item] = []
    changed = False
    for item in items:
        if isinstance(item, Group):
            moved = item.offset != (0.0, 0.0) or item.rotate % 360
            kept = done.get(id(item)) if item.repeated and (moved or not boxes) else None
            if kept is not None and kept[0] is item:
                obeyed = kept[1]
            else:
                inner = _items(item.items, [] if moved else list(boxes), done)
                obeyed = item if inner is item.items else replace(item, items=inner)
                if item.repeated and (moved or not boxes):
                    done[id(item)] = (item, obeyed)  # (the item kept: its id stays its own)
            changed = changed or obeyed is not item
            result.append(obeyed)
            continue
        if isinstance(item, Box) and item.fill is not None:
            boxes.append(item)
        elif isinstance(item, Text):
            verdict = _verdict(item.colour, item.size)
            if verdict == WHITE:
                background = _under(boxes, item)
                if background is not None and _breaks(item.size, PAPER_WHITE, background):
                    result.append(Trap(item, one_ink(background), 2 * TRAP / PT))
                    changed = True
            elif verdict == SOLID:
                item = Text(item.x, item.y, item.text, item.style, item.size, SOLID, item.align)
                changed = True
        result.append(item)
    return tuple(result) if changed or not isinstance(items, tuple) else items


WHITE = "white"  # ``_verdict``: reversed text, whose background decides


@lru_cache(maxsize=1024)
def _verdict(colour: str | CMYK, size: float) -> str | None:
    """What the rule does with text of ``colour`` and ``size`` alone: ``SOLID`` (set it in
    one solid ink), ``WHITE`` (paper white: it depends on the boxes under it), or None."""
    cmyk = _cmyk(colour)
    if cmyk == PAPER_WHITE:
        return WHITE
    return SOLID if _breaks(size, cmyk) else None


def _cmyk(colour: str | CMYK) -> CMYK:
    return COLOURS[colour] if isinstance(colour, str) else colour


def _under(boxes: list[Box], text: Text) -> CMYK | None:
    """The colour of the last box painted under the text's baseline point."""
    for box in reversed(boxes):
        r = box.rect
        if r.x <= text.x <= r.right and r.y <= text.y <= r.top:
            return _cmyk(box.fill)  # type: ignore[arg-type]
    return None


@lru_cache(maxsize=1024)  # a document has a few sizes and colours, on thousands of lines
def _breaks(size: float, colour: CMYK, background: CMYK | None = None) -> bool:
    return ink_breach(size, colour, background) is not None
