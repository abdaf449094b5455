"""The table tent: a landscape sheet (A4, or Letter) folded in two, a face on each half.

The lower face reads upright; the upper face is the same face turned 180°, so once folded
along the middle both read upright on the table. The fold is marked with dashed lines at the
sheet's edges, outside the content. A face: the festival, the title (balanced lines), who is
speaking, the date and the room, and at the right the QR code with the call to action beside
it. A schedule gets one tent sheet per session (``layout_tents``), all set at the same sizes:
the largest every one of them allows (``TentType``).
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.errors import LayoutError
from printkit.layout.codes import code_cta, session_code
from printkit.layout.flow import fitted_lines, one_line, paragraph
from printkit.layout.items import (
    QR,
    Box,
    Document,
    Fold,
    Group,
    Item,
    Note,
    Page,
    Text,
    field_path,
    pt,
)
from printkit.layout.qr import url_code
from printkit.layout.text import fit_block, shrunk
from printkit.layout.words import date_line, when
from printkit.model.event import Event, Session, SignKind
from printkit.model.geometry import PT, Rect, Size
from printkit.products.signs import (
    POSTER_QR_MIN,
    TENT_QR_MIN,
    cta_beside,
    people_spans,
    tent_paper,
    title_fit,
)
from printkit.typeset.fonts import Typeface

__all__ = ["POSTER_QR_MIN", "TENT_QR_MIN", "layout_sign", "layout_tents"]

PRODUCT = "tent"
FACE_MARGIN = 12.0
FOLD_MARGIN = 9.0  # keep content this far from the fold
STRIPE = 3.0  # the accent stripe along the face's left edge
COLUMN_GAP = 6.0  # between the text column and the code
AREA_BOX = 10.0  # mm: the height of the area code's box on a tent face
AREA_MAX_WIDTH = 60.0  # mm: the widest that box may be
AREA_PAD = 3.0  # inside the area box, each side
AREA_MIN_WIDTH = 12.0
TITLE_HEIGHT = 40.0  # the title's block at most
CTA_WIDTH = 62.0  # mm the call to action may take beside the code
# type sizes, pt: the design size, then the floor
FESTIVAL = (12.0, 8.0)
TENT_TITLE = 28.0
TITLE_MIN = 14.0
PEOPLE = (13.0, 10.0)
PEOPLE_LINES = 3
DATE = (14.0, 10.0)
VENUE = (14.0, 10.0)
AREA = (17.0, 10.0)
CTA = (13.0, 9.0)
# space below each line, mm
GAPS = {"festival": 2.0, "title": 3.0, "people": 2.5, "date": 1.5}


@dataclass(frozen=True)
class TentType:
    """The sizes every tent of an event is set at."""

    title: float
    people: float
    date: float


def layout_sign(event: Event, face: Typeface) -> Document:
    """One debate's sign: its tent, or its door poster."""
    if event.sign is SignKind.POSTER:
        from printkit.products.posters import layout_poster

        return layout_poster(event, face)
    return layout_tents(event, face, (event.main,), subject=date_line(event, event.main))


def layout_tents(
    event: Event,
    face: Typeface,
    sessions: tuple[Session, ...] | None = None,
    subject: str | None = None,
) -> Document:
    """A tent sheet per session (a schedule's: by day, venue and time), all at one size."""
    if sessions is None:
        every = (s for _, _, group in event.by_day_and_venue() for s in group)
        sessions = tuple(s for s in every if event.kind(s).sign)  # a break gets no tent
    sheet = tent_paper(event)
    size = Size(sheet.width, sheet.height / 2)
    kind = _common(event, face, sessions, size)
    notes: list[Note] = []
    for session in sessions:
        if shrunk(kind.title, TENT_TITLE):
            text = f"the tent sets the title at {pt(kind.title)} pt, below its design size of"
            notes.append(
                Note(field_path(session.path, "title"), f"{text} {pt(TENT_TITLE)} pt, to fit")
            )
            break
    return Document(
        pages=tuple(_tent(event, s, face, sheet, size, kind) for s in sessions),
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=subject or when(event),
        notes=tuple(notes),
    )


def _column(size: Size) -> tuple[float, float, Rect]:
    """The text column's left edge and width, and the code's box, on a face of ``size``."""
    top, bottom = size.height - FOLD_MARGIN, FACE_MARGIN
    qr_size = top - bottom  # a face's height gives the code over TENT_QR_MIN even at 33 modules
    qr = Rect(size.width - FACE_MARGIN - qr_size, bottom, qr_size, qr_size)
    return FACE_MARGIN, qr.x - COLUMN_GAP - FACE_MARGIN, qr


def _common(event: Event, face: Typeface, sessions, size: Size) -> TentType:
    """The largest sizes every session's face allows."""
    x, width, _ = _column(size)
    titles, people, dates = [], [], []
    for session in sessions:
        fitted = title_fit(face, session.title, width, TENT_TITLE, TITLE_MIN, 3, TITLE_HEIGHT)
        if fitted is None:
            raise LayoutError(
                PRODUCT,
                f"the title does not fit the tent in three lines: {session.title!r}",
                session.title,
                field=field_path(session.path, "title"),
            )
        titles.append(fitted.size)
        spans = people_spans(event, session)
        if spans:
            text = "".join(t for t, _ in spans)
            line = fit_block(face, text, "regular", width, *PEOPLE, PEOPLE_LINES)
            if line is None:
                raise LayoutError(
                    PRODUCT,
                    f"the panel of {session.title!r} does not fit the tent in two lines",
                    session.title,
                    field=field_path(session.path, "title"),
                )
            people.append(line.size)
        line = fit_block(face, date_line(event, session), "regular", width, *DATE, 2)
        if line is None:
            raise LayoutError(PRODUCT, "the date line does not fit the tent")
        dates.append(line.size)
    return TentType(min(titles), min(people, default=PEOPLE[0]), min(dates))


def _tent(
    event: Event, session: Session, face: Typeface, sheet: Size, size: Size, kind: TentType
) -> Page:
    content = _face(event, session, face, size, kind)
    lower = Group(content, offset=(0.0, 0.0))
    upper = Group(
        content, offset=(0.0, size.height), rotate=180.0, pivot=(size.width / 2, size.height / 2)
    )
    return Page(sheet, (lower, upper), folds=(Fold(horizontal=True, at=size.height),))


def _face(
    event: Event, session: Session, face: Typeface, size: Size, kind: TentType
) -> tuple[Item, ...]:
    """One face, upright, in its own coordinates; the fold is at its top edge."""
    x, width, qr_rect = _column(size)
    code = QR(qr_rect, url_code(session_code(event, session)))
    items: list[Item] = [code, Box(Rect(0.0, 0.0, STRIPE, size.height), fill="accent")]
    y = size.height - FOLD_MARGIN
    if event.festival:
        block = one_line(
            face, event.festival, "bold", x, y, width, *FESTIVAL, "accent", "the festival", PRODUCT
        )
        items += block.items
        y -= block.height + GAPS["festival"]
    title = title_fit(face, session.title, width, kind.title, kind.title, 3, TITLE_HEIGHT)
    if title is None:  # the common size is one every title allows
        raise LayoutError(
            PRODUCT,
            f"the title does not fit the tent: {session.title!r}",
            session.title,
            field=field_path(session.path, "title"),
        )
    block = fitted_lines(title.lines, "bold", title.size, x, y, 1.1)
    items += block.items
    y -= block.height + GAPS["title"]
    spans = people_spans(event, session)
    if spans:
        block = paragraph(face, spans, x, y, width, kind.people, 1.25)
        items += block.items
        y -= block.height + GAPS["people"]
    date = fit_block(face, date_line(event, session), "regular", width, kind.date, kind.date, 2)
    if date is None:
        raise LayoutError(PRODUCT, "the date line does not fit the tent")
    block = fitted_lines(date.lines, "regular", date.size, x, y, 1.15)
    items += block.items
    y -= block.height + GAPS["date"]
    venue_items, y = _venue(face, session, x, y, width)
    items += venue_items
    words = code_cta(event, session)  # what the code gives: the session, its page, the programme
    cta = cta_beside(face, words, code, qr_rect.x - CTA_WIDTH, *CTA, 2, PRODUCT)
    if y < FACE_MARGIN or _collide(face, items, cta.items):
        raise LayoutError(
            PRODUCT,
            "the title, panel and date leave no room for the venue and the call to action on"
            " the tent; shorten the title",
            session.title,
            field=field_path(session.path, "title"),
        )
    items += cta.items
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, PRODUCT, "text")
    return tuple(items)


def _venue(face: Typeface, session: Session, x: float, y: float, width: float):
    """The area code in its box, the room's name beside it, their tops at ``y``; returns
    the items and where they end."""
    venue = session.venue
    items: list[Item] = []
    name_x = x
    if venue.area:
        area = fit_block(face, venue.area, "bold", AREA_MAX_WIDTH - 2 * AREA_PAD, *AREA, 1)
        if area is None:
            raise LayoutError(
                PRODUCT,
                f"the area code {venue.area!r} is too long for the tent; shorten it",
                venue.area,
                field=field_path(session.path, "venue.area"),
            )
        area_width = face.width(area.lines[0], "bold", area.size) * PT + 2 * AREA_PAD
        box = Rect(x, y - AREA_BOX, max(area_width, AREA_MIN_WIDTH), AREA_BOX)
        items.append(Box(box, fill="accent"))
        baseline = box.y + (AREA_BOX - face.cap_height("bold", area.size) * PT) / 2
        items.append(
            Text(box.centre[0], baseline, area.lines[0], "bold", area.size, "paper", "center")
        )
        name_x = box.right + AREA_PAD
    fitted = fit_block(face, venue.name, "regular", x + width - name_x, *VENUE, 2)
    if fitted is None:
        raise LayoutError(
            PRODUCT,
            f"the venue's name {venue.name!r} does not fit the tent; shorten it",
            venue.name,
            field=field_path(session.path, "venue.name"),
        )
    height = ((len(fitted.lines) - 1) * 1.1 + 1.0) * fitted.size * PT
    top = y - max(0.0, (AREA_BOX - height) / 2) if venue.area else y
    block = fitted_lines(fitted.lines, "regular", fitted.size, name_x, top, 1.1)
    items += block.items
    low = min(y - AREA_BOX if venue.area else y, top - block.height)
    return items, low


def _extent(face: Typeface, item: Text) -> Rect:
    """A line's box: its advance from descender to ascender."""
    width = face.width(item.text, item.style, item.size) * PT
    left = {"left": item.x, "center": item.x - width / 2, "right": item.x - width}[item.align]
    return Rect(left, item.y - 0.25 * item.size * PT, width, 1.2 * item.size * PT)


def _collide(face: Typeface, items: list[Item], others: tuple[Item, ...]) -> bool:
    mine = [_extent(face, i) for i in items if isinstance(i, Text)]
    theirs = [_extent(face, i) for i in others if isinstance(i, Text)]
    return any(a.overlaps(b) for a in mine for b in theirs)
