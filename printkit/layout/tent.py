"""The sign: a folded table tent (A4 landscape, two 297 × 105 mm faces) or a door poster (A3).

Tent: the lower face reads upright; the upper face is the same face turned 180°, so once
folded along the middle both read upright on the table. The fold is marked with dashed
lines at the sheet's edges, outside the content.
"""

from __future__ import annotations

from printkit.errors import LayoutError
from printkit.fonts import Typeface
from printkit.geometry import PAPER, PT, Rect, Size
from printkit.images import aspect
from printkit.layout.flow import fitted_lines, paragraph
from printkit.layout.items import QR, Box, Document, Fold, Group, Image, Item, Line, Page, Text
from printkit.layout.text import fit_block
from printkit.layout.words import date_line, venue_line
from printkit.model import Event, SignKind
from printkit.qr import encode

PRODUCT = "tent"
TENT = PAPER["A4"].landscape
FACE = Size(TENT.width, TENT.height / 2)
FACE_MARGIN = 12.0
FOLD_MARGIN = 9.0  # keep content this far from the fold
TENT_QR_MIN = 60.0  # symbol width for reading at about 1 m
POSTER = PAPER["A3"]
POSTER_QR_MIN = 150.0  # symbol width for reading at 2–3 m


def layout_sign(event: Event, face: Typeface) -> Document:
    page = _poster(event, face) if event.sign is SignKind.POSTER else _tent(event, face)
    return Document(
        pages=(page,),
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=date_line(event, event.main),
    )


def _tent(event: Event, face: Typeface) -> Page:
    content = _face(event, face)
    lower = Group(content, offset=(0.0, 0.0))
    upper = Group(
        content, offset=(0.0, FACE.height), rotate=180.0, pivot=(FACE.width / 2, FACE.height / 2)
    )
    return Page(TENT, (lower, upper), folds=(Fold(horizontal=True, at=FACE.height),))


def _face(event: Event, face: Typeface) -> tuple[Item, ...]:
    """One face, upright, in its own coordinates; the fold is at its top edge."""
    session = event.main
    items: list[Item] = []
    top = FACE.height - FOLD_MARGIN
    bottom = FACE_MARGIN
    qr_size = top - bottom
    matrix = encode(event.url)
    if qr_size * matrix.modules / matrix.modules_with_quiet_zone < TENT_QR_MIN:
        raise LayoutError(
            PRODUCT, "the QR code would be smaller than 60 mm; shorten the URL", event.url
        )
    qr = Rect(FACE.width - FACE_MARGIN - qr_size, bottom, qr_size, qr_size)
    items.append(QR(qr, matrix))
    x = FACE_MARGIN
    width = qr.x - 6.0 - x
    items.append(Box(Rect(0.0, 0.0, 3.0, FACE.height), fill="accent"))
    y = top
    if event.festival:
        block = fitted_lines((event.festival,), "bold", 12.0, x, y, colour="accent")
        items += block.items
        y -= block.height + 2.0
    title = fit_block(
        face,
        session.title,
        "bold",
        width,
        28.0,
        14.0,
        3,
        height=40.0,
        leading=1.1,
        prefer_large=True,
    )
    if title is None:
        raise LayoutError(
            PRODUCT,
            f"the title does not fit the tent in three lines: {session.title!r}",
            session.title,
        )
    block = fitted_lines(title.lines, "bold", title.size, x, y, 1.1)
    items += block.items
    y -= block.height + 3.0
    date = fit_block(face, date_line(event, session), "regular", width, 15.0, 10.0, 2)
    if date is None:
        raise LayoutError(PRODUCT, "the date line does not fit the tent")
    block = fitted_lines(date.lines, "regular", date.size, x, y, 1.15)
    items += block.items
    y -= block.height + 1.5
    venue = session.venue
    venue_fit = fit_block(
        face, venue.name, "regular", width - (22.0 if venue.area else 0.0), 15.0, 10.0, 2
    )
    if venue_fit is None:
        raise LayoutError(PRODUCT, "the venue name does not fit the tent", venue.name)
    cta = fit_block(face, event.labels["sign_cta"], "bold", width, 13.0, 9.0, 1)
    if cta is None:
        cta_text = event.labels["sign_cta"]
        raise LayoutError(PRODUCT, "the call to action does not fit the tent", cta_text)
    cta_y = bottom + 0.3 * cta.size * PT
    if venue.area:
        size = 17.0
        area_width = face.width(venue.area, "bold", size) * PT + 6.0
        area_box = Rect(x, cta_y + cta.size * PT + 4.0, max(area_width, 12.0), 10.0)
        items.append(Box(area_box, fill="accent"))
        items.append(
            Text(
                area_box.centre[0],
                area_box.y + (10.0 - face.cap_height("bold", size) * PT) / 2,
                venue.area,
                "bold",
                size,
                "paper",
                "center",
            )
        )
        venue_x = area_box.right + 3.0
        venue_top = (
            area_box.top - (10.0 - (venue_fit.size * PT * len(venue_fit.lines) * 1.15)) / 2 + 0.6
        )
    else:
        venue_x = x
        venue_top = cta_y + cta.size * PT + 4.0 + 10.0
    block = fitted_lines(venue_fit.lines, "regular", venue_fit.size, venue_x, venue_top, 1.1)
    items += block.items
    if y < venue_top + 2.0:
        raise LayoutError(
            PRODUCT,
            "the title and date leave no room for the venue on the tent; shorten the title",
            session.title,
        )
    items.append(Text(x, cta_y, cta.lines[0], "bold", cta.size, "accent"))
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, PRODUCT, "text")
    return tuple(items)


def _poster(event: Event, face: Typeface) -> Page:
    session = event.main
    page = POSTER
    margin = 20.0
    width = page.width - 2 * margin
    items: list[Item] = []
    y = page.height - 22.0
    head: list[Item] = []
    if event.festival:
        block = fitted_lines((event.festival,), "bold", 20.0, margin, y, colour="paper")
        head += block.items
        y -= block.height + 4.0
    title = fit_block(
        face, session.title, "bold", width, 48.0, 24.0, 3, leading=1.1, prefer_large=True
    )
    if title is None:
        raise LayoutError(
            "poster",
            f"the title does not fit the poster in three lines: {session.title!r}",
            session.title,
        )
    block = fitted_lines(title.lines, "bold", title.size, margin, y, 1.1, "paper")
    head += block.items
    y -= block.height + 10.0
    items.append(Box(Rect(0.0, y, page.width, page.height - y), fill="accent"))
    items += head
    y -= 10.0
    date = paragraph(face, [(date_line(event, session), "bold")], margin, y, width, 26.0, 1.2)
    items += date.items
    y -= date.height + 3.0
    venue = paragraph(
        face, [(venue_line(session, with_place=False), "regular")], margin, y, width, 24.0, 1.2
    )
    items += venue.items
    y -= venue.height + 8.0
    matrix = encode(event.url)
    foot = 40.0
    qr_size = min(y - foot - 14.0, width)
    if qr_size * matrix.modules / matrix.modules_with_quiet_zone < POSTER_QR_MIN:
        raise LayoutError(
            "poster",
            "the title and date leave too little room for a 150 mm QR code; shorten the title",
            session.title,
        )
    qr = Rect((page.width - qr_size) / 2, foot + 14.0, qr_size, qr_size)
    items.append(QR(qr, matrix))
    items.append(
        Text(page.width / 2, foot + 4.0, event.labels["sign_cta"], "bold", 22.0, "accent", "center")
    )
    organiser = event.organiser
    if organiser is not None:
        items.append(Line(margin, foot - 4.0, page.width - margin, foot - 4.0, "rule", 0.6))
        x = margin
        if organiser.logo is not None:
            h = 18.0
            w = h * aspect(organiser.logo)
            items.append(Image(Rect(x, 12.0, w, h), organiser.logo))
            x += w + 6.0
        items.append(Text(x, 24.0, organiser.name, "bold", 16.0))
        if organiser.tagline:
            items.append(Text(x, 16.0, organiser.tagline, "italic", 12.0, "muted"))
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, "poster", "text")
    return Page(page, tuple(items))
