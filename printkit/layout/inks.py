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

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from printkit.layout.items import Box, Document, Group, Item, Page, Text, Trap
from printkit.layout.theme import CMYK, COLOURS, PAPER_WHITE, TRAP, ink_breach, one_ink
from printkit.model.geometry import PT

SOLID = "text"  # what small text falls back to: 100 % K, one ink


def obey_ink_rule(document: Document) -> Document:
    return replace(document, pages=tuple(ink_ruled(page) for page in document.pages))


def ink_ruled(page: Page) -> Page:
    """``page`` with the rule applied."""
    return replace(page, items=_items(page.items, []))


def _items(items: Iterable[Item], boxes: list[Box]) -> tuple[Item, ...]:
    """The items with the rule applied; ``boxes``: the filled boxes painted before them, in
    the same coordinates (a group that moves or turns its items starts its own)."""
    result: list[Item] = []
    for item in items:
        if isinstance(item, Group):
            moved = item.offset != (0.0, 0.0) or item.rotate % 360
            result.append(replace(item, items=_items(item.items, [] if moved else list(boxes))))
            continue
        if isinstance(item, Box) and item.fill is not None:
            boxes.append(item)
        elif isinstance(item, Text):
            colour = _cmyk(item.colour)
            if colour == PAPER_WHITE:
                background = _under(boxes, item)
                if background is not None and _breaks(item.size, colour, background):
                    result.append(Trap(item, one_ink(background), 2 * TRAP / PT))
            elif _breaks(item.size, colour):
                item = replace(item, colour=SOLID)
        result.append(item)
    return tuple(result)


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
