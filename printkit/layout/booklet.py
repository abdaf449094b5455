"""A booklet for saddle stitching: the reader's pages padded with blank ones to a multiple of
four, then imposed two up on sheets twice their size, in the order that folds and staples
into reading order when printed duplex (flipped on the short edge).

For n pages, sheet k (from 0) carries pages (n − 2k, 2k + 1) on its front and
(2k + 2, n − 2k − 1) on its back: (n, 1), (2, n − 1), (n − 2, 3), (4, n − 3), …
"""

from __future__ import annotations

from dataclasses import replace

from printkit.layout.items import Document, Fold, Group, Page
from printkit.model.geometry import Size

PAGES_PER_SHEET = 4  # two a side, two sides


def padded(document: Document) -> Document:
    """The document with blank pages at its end up to a multiple of four."""
    pages = list(document.pages)
    size = pages[0].size
    while len(pages) % PAGES_PER_SHEET:
        pages.append(Page(size, ()))
    return replace(document, pages=tuple(pages))


def sides(count: int) -> list[tuple[int, int]]:
    """The pages (numbered from 1) on each printed side, left then right, in print order."""
    if count % PAGES_PER_SHEET:
        raise ValueError(f"a saddle-stitched booklet has a multiple of four pages, not {count}")
    order = []
    for sheet in range(count // PAGES_PER_SHEET):
        order.append((count - 2 * sheet, 2 * sheet + 1))
        order.append((2 * sheet + 2, count - 2 * sheet - 1))
    return order


def impose(document: Document, sheet: Size) -> Document:
    """The padded document's pages two up on ``sheet`` (landscape), each centred in its half,
    with the fold marked down the middle."""
    book = padded(document)
    half = sheet.width / 2
    result = []
    for left, right in sides(len(book.pages)):
        items = []
        for number, x0 in ((left, 0.0), (right, half)):
            page = book.pages[number - 1]
            dx = x0 + (half - page.size.width) / 2
            dy = (sheet.height - page.size.height) / 2
            items.append(Group(page.items, offset=(dx, dy)))
        result.append(Page(sheet, tuple(items), folds=(Fold(horizontal=False, at=half),)))
    return replace(book, pages=tuple(result))
