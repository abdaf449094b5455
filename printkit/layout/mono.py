"""One colour for thermal label printers (``badges: {colour: mono}``): every colour becomes
solid black or paper white, never a tint, which a thermal head can only dither. Dark fills
(a role's band) become solid black with white words, light ones white with black words, so
the role reads from its bold word, not from a colour."""

from __future__ import annotations

from dataclasses import replace

from printkit.layout.items import Box, Group, Item, Line, Page, Text
from printkit.layout.theme import CMYK, COLOURS, ink_on

BLACK, WHITE = "text", "paper"


def solid(colour: str | CMYK | None) -> str | None:
    """A colour as a thermal head prints it: solid black or white (by its lightness)."""
    if colour is None:
        return None
    cmyk = COLOURS[colour] if isinstance(colour, str) else colour
    return WHITE if ink_on(cmyk) == "text" else BLACK  # light: white; dark: black


def _item(item: Item) -> Item:
    if isinstance(item, Text):
        return replace(item, colour=solid(item.colour) or BLACK)
    if isinstance(item, Box):
        return replace(item, fill=solid(item.fill), stroke=solid(item.stroke))
    if isinstance(item, Line):
        return replace(item, colour=BLACK)  # a rule or a mark, however light, in black
    if isinstance(item, Group):
        return replace(item, items=tuple(_item(i) for i in item.items))
    return item  # a QR code is black on white already; an image keeps its pixels


def monochrome_page(page: Page) -> Page:
    """``page`` with every colour solid black or white."""
    return replace(page, items=tuple(_item(item) for item in page.items))
