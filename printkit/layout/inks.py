"""Every product obeys the ink rule (``theme.INK_RULES``): small text that would be set in
several inks, or in a tint, is set in solid black (100 % K) instead.

Applied once to every laid-out document, so no product can forget it. Reversed (paper-white)
text is left as drawn: whether its background is one ink is the design's business, and
``printkit check`` reports it when it is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from printkit.layout.items import Document, Group, Item, Text
from printkit.layout.theme import CMYK, COLOURS, ink_breach

SOLID = "text"  # what small text falls back to: 100 % K, one ink


def obey_ink_rule(document: Document) -> Document:
    pages = tuple(replace(page, items=_items(page.items)) for page in document.pages)
    return replace(document, pages=pages)


def _items(items: Iterable[Item]) -> tuple[Item, ...]:
    return tuple(_item(item) for item in items)


def _item(item: Item) -> Item:
    if isinstance(item, Group):
        return replace(item, items=_items(item.items))
    if isinstance(item, Text) and _breaks(item.size, item.colour):
        return replace(item, colour=SOLID)
    return item


@lru_cache(maxsize=1024)  # a document has a few sizes and colours, on thousands of lines
def _breaks(size: float, colour: str | CMYK | None) -> bool:
    return ink_breach(size, COLOURS[colour] if isinstance(colour, str) else colour) is not None
