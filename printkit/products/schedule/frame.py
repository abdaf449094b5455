"""The frame every programme page shares, on any paper: page 1's band, the running head of
the pages after it, the footer with the address and "side 2 af 5", the organiser's close."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from printkit.errors import LayoutError
from printkit.lang import i18n
from printkit.layout.flow import fitted_lines, paragraph
from printkit.layout.items import QR, Box, Group, Item, Line, Text
from printkit.layout.qr import url_code
from printkit.layout.text import fit_block, width_mm
from printkit.layout.words import when, where
from printkit.model.event import Event
from printkit.model.geometry import Rect, Size
from printkit.products.programme import BOTTOM, FOOTER, QR_SIZE, band_heading, organiser_block
from printkit.typeset.fonts import Typeface

PRODUCT = "programme"
WIDE_MARGIN = 16.0  # A4 and Letter
NARROW_MARGIN = 12.0  # A5 and Half-Letter: pages under 160 mm wide
NARROW = 160.0
HEAD_SPACE = 22.0  # from the page's top to where content starts, below the running head
FOOT_SPACE = 22.0  # from the page's foot to where content ends, above the footer
FOOT_RULE = 17.0
FOOT_BASELINE = 11.0
HEAD_BASELINE_DROP = 13.0
HEAD_RULE_DROP = 16.5
BAND_GAP = 7.0  # between page 1's band and its content
SMALL = 8.0  # footer type, pt
HEAD = 8.5  # running head type, pt
QR_SMALL = 30.0  # the band's code on a narrow page


@dataclass(frozen=True)
class Frame:
    """Where content may go on a page of ``page`` size."""

    page: Size

    @property
    def margin(self) -> float:
        return NARROW_MARGIN if self.page.width < NARROW else WIDE_MARGIN

    @property
    def left(self) -> float:
        return self.margin

    @property
    def right(self) -> float:
        return self.page.width - self.margin

    @property
    def width(self) -> float:
        return self.page.width - 2 * self.margin

    @property
    def top(self) -> float:
        return self.page.height - HEAD_SPACE

    @property
    def bottom(self) -> float:
        return FOOT_SPACE

    @property
    def height(self) -> float:
        return self.top - self.bottom


def band(event: Event, face: Typeface, frame: Frame) -> tuple[list[Item], float]:
    """Page 1's head: festival, name, subtitle, days and venue, with the QR code at the right.
    Returns its items and where the content below it may start."""
    page, margin = frame.page, frame.margin
    size = QR_SIZE if page.width >= NARROW else QR_SMALL
    qr = Rect(page.width - margin - size, page.height - 10.0 - size, size, size)
    width = qr.x - 8.0 - margin
    items: list[Item] = [QR(qr, url_code(event.url))]
    caption = fit_block(face, event.labels["scan_cta"], "regular", size, 8.0, 6.5, 2)
    low = qr.y
    if caption is not None:
        block = fitted_lines(
            caption.lines,
            "regular",
            caption.size,
            qr.centre[0],
            qr.y - 1.5,
            colour="paper",
            align="center",
        )
        items += block.items
        low = qr.y - 1.5 - block.height
    largest = 24.0 if page.width >= NARROW else 18.0
    heading, top = band_heading(
        face, event.festival, event.title, width, largest, PRODUCT, page, margin
    )
    items += heading
    for text, style, size_pt, space in (
        (event.subtitle, "italic", 12.0, 2.5),
        (when(event), "bold", 11.5, 4.0),
        (where(event), "regular", 11.0, 1.0),
    ):
        if text:
            top -= space
            block = paragraph(face, [(text, style)], margin, top, width, size_pt, 1.3, "paper")
            items += block.items
            top -= block.height
    bottom = min(top, low) - BAND_GAP
    backdrop = Box(Rect(0.0, bottom, page.width, page.height - bottom), fill="accent")
    return [backdrop, *items], bottom - BAND_GAP


def intro(event: Event, face: Typeface, frame: Frame, top: float) -> tuple[list[Item], float]:
    """The introduction's paragraphs from ``top`` down; returns them and where they end."""
    items: list[Item] = []
    for text in event.intro:
        block = paragraph(face, [(text, "regular")], frame.left, top, frame.width, 10.0, 1.45)
        items += block.items
        top -= block.height + 2.0
    if event.intro and top < frame.bottom:
        raise LayoutError(PRODUCT, "the introduction is longer than the first page; shorten it")
    return items, top - (5.0 if event.intro else 0.0)


def running_head(event: Event, face: Typeface, frame: Frame) -> list[Item]:
    """Pages after the first: the event's name at the left, the festival at the right."""
    page, margin = frame.page, frame.margin
    baseline = page.height - HEAD_BASELINE_DROP
    rule = page.height - HEAD_RULE_DROP
    width = frame.width
    items: list[Item] = []
    if event.festival:
        items.append(Text(frame.right, baseline, event.festival, "regular", HEAD, "muted", "right"))
        width -= width_mm(face, event.festival, "regular", HEAD) + 6.0
    name = fit_block(face, event.title, "bold", width, HEAD, 6.5, 1)
    if name is None:
        raise LayoutError(PRODUCT, f"the title does not fit the running header: {event.title!r}")
    items.append(Text(margin, baseline, name.lines[0], "bold", name.size, "accent"))
    items.append(Line(margin, rule, frame.right, rule, "rule", 0.6))
    return items


def footer(event: Event, face: Typeface, frame: Frame, number: int, count: int) -> list[Item]:
    counter = i18n.page_of(number, count, event.language, event.labels["page_of"])
    items: list[Item] = [
        Line(frame.left, FOOT_RULE, frame.right, FOOT_RULE, "rule", 0.6),
        Text(frame.right, FOOT_BASELINE, counter, "regular", SMALL, "text", "right"),
    ]
    room_for_url = frame.width - width_mm(face, counter, "regular", SMALL) - 8.0
    url = fit_block(face, event.url, "regular", room_for_url, SMALL, 6.0, 1)
    if url is not None and url.lines[0] == event.url:
        items.append(Text(frame.left, FOOT_BASELINE, event.url, "regular", url.size, "muted"))
    return items


#: The height the organiser's block takes at the foot of the last page, with room above it.
CLOSE_HEIGHT = FOOTER + 7.0


def close(event: Event, face: Typeface, frame: Frame) -> list[Item]:
    """The organiser's block, set so that it sits just above the page footer."""
    shift = frame.bottom + 1.0 - BOTTOM
    return [Group(tuple(organiser_block(event, face, frame.page, frame.margin)), (0.0, shift))]


def require(face: Typeface, items: Iterable[Item]) -> None:
    """Every character has a glyph in the font it is set in."""
    for item in items:
        if isinstance(item, Group):
            require(face, item.items)
        elif isinstance(item, Text):
            face.require(item.text, item.style, PRODUCT, "text")
