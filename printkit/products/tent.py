"""The sign: a folded table tent (A4 landscape, two 297 × 105 mm faces) or a door poster (A3).

Tent: the lower face reads upright; the upper face is the same face turned 180°, so once
folded along the middle both read upright on the table. The fold is marked with dashed
lines at the sheet's edges, outside the content. A schedule gets one tent sheet per session
(``layout_tents``); its door posters, one per venue and day, are in ``layout.posters`` and
share this poster's band and foot (``poster_head``, ``poster_foot``).
"""

from __future__ import annotations

from printkit.errors import LayoutError
from printkit.layout.flow import fitted_lines, one_line, paragraph
from printkit.layout.items import (
    QR,
    Box,
    Document,
    Fold,
    Group,
    Image,
    Item,
    Line,
    Note,
    Page,
    Text,
    field_path,
    pt,
)
from printkit.layout.qr import encode
from printkit.layout.text import fit_block, shrunk
from printkit.layout.words import date_line, venue_line, when
from printkit.model.event import Event, Session, SignKind
from printkit.model.geometry import PAPER, PT, Rect, Size
from printkit.read.images import aspect
from printkit.typeset.fonts import Typeface

PRODUCT = "tent"
TENT = PAPER["A4"].landscape
FACE = Size(TENT.width, TENT.height / 2)
FACE_MARGIN = 12.0
FOLD_MARGIN = 9.0  # keep content this far from the fold
AREA_BOX = 10.0  # mm: the height of the area code's box on a tent face
AREA_MAX_WIDTH = 60.0  # mm: the widest that box may be
TENT_QR_MIN = 60.0  # symbol width for reading at about 1 m
POSTER = PAPER["A3"]
POSTER_QR_MIN = 150.0  # symbol width for reading at 2–3 m
POSTER_MARGIN = 20.0
POSTER_FOOT = 40.0  # the organiser's line sits below this


TENT_TITLE = 28.0  # pt: the design size of the title on a tent's face
POSTER_TITLE = 48.0


def layout_sign(event: Event, face: Typeface) -> Document:
    """One debate's sign: its tent, or its door poster."""
    notes: list[Note] = []
    if event.sign is SignKind.POSTER:
        page = _poster(event, face, notes)
    else:
        page = _tent(event, event.main, face, notes)
    return Document(
        pages=(page,),
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=date_line(event, event.main),
        notes=tuple(notes),
    )


def layout_tents(event: Event, face: Typeface) -> Document:
    """A schedule's tents: one sheet per session, by day, venue and time."""
    sessions = [s for _, _, group in event.by_day_and_venue() for s in group]
    notes: list[Note] = []
    return Document(
        pages=tuple(_tent(event, session, face, notes) for session in sessions),
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=when(event),
        notes=tuple(notes),
    )


def _title_note(session: Session, sign: str, size: float, design: float) -> list[Note]:
    if not shrunk(size, design):
        return []
    text = f"the {sign} sets the title at {pt(size)} pt, below its design size of {pt(design)} pt"
    return [Note(field_path(session.path, "title"), text + ", to fit")]


def _tent(event: Event, session: Session, face: Typeface, notes: list[Note]) -> Page:
    content = _face(event, session, face, notes)
    lower = Group(content, offset=(0.0, 0.0))
    upper = Group(
        content, offset=(0.0, FACE.height), rotate=180.0, pivot=(FACE.width / 2, FACE.height / 2)
    )
    return Page(TENT, (lower, upper), folds=(Fold(horizontal=True, at=FACE.height),))


def _face(event: Event, session: Session, face: Typeface, notes: list[Note]) -> tuple[Item, ...]:
    """One face, upright, in its own coordinates; the fold is at its top edge."""
    items: list[Item] = []
    top = FACE.height - FOLD_MARGIN
    bottom = FACE_MARGIN
    qr_size = top - bottom
    matrix = encode(event.url)
    # the face's height gives the code 84 mm, so even a 21-module symbol is over TENT_QR_MIN
    qr = Rect(FACE.width - FACE_MARGIN - qr_size, bottom, qr_size, qr_size)
    items.append(QR(qr, matrix))
    x = FACE_MARGIN
    width = qr.x - 6.0 - x
    items.append(Box(Rect(0.0, 0.0, 3.0, FACE.height), fill="accent"))
    y = top
    if event.festival:
        block = one_line(
            face, event.festival, "bold", x, y, width, 12.0, 8.0, "accent", "the festival", PRODUCT
        )
        items += block.items
        y -= block.height + 2.0
    title = fit_block(
        face,
        session.title,
        "bold",
        width,
        TENT_TITLE,
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
    notes += _title_note(session, "tent", title.size, TENT_TITLE)
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
    cta = fit_block(face, event.labels["sign_cta"], "bold", width, 13.0, 9.0, 1)
    if cta is None:
        cta_text = event.labels["sign_cta"]
        raise LayoutError(PRODUCT, "the call to action does not fit the tent", cta_text)
    cta_y = bottom + 0.3 * cta.size * PT
    area_y = cta_y + cta.size * PT + 4.0
    venue_x = x
    if venue.area:
        # the area code in its box first; the venue's name gets the width that is left
        area = fit_block(face, venue.area, "bold", AREA_MAX_WIDTH - 6.0, 17.0, 10.0, 1)
        if area is None:
            raise LayoutError(
                PRODUCT,
                f"the area code {venue.area!r} is too long for the tent; shorten it",
                venue.area,
            )
        area_width = face.width(area.lines[0], "bold", area.size) * PT + 6.0
        area_box = Rect(x, area_y, max(area_width, 12.0), AREA_BOX)
        items.append(Box(area_box, fill="accent"))
        baseline = area_box.y + (AREA_BOX - face.cap_height("bold", area.size) * PT) / 2
        items.append(
            Text(area_box.centre[0], baseline, area.lines[0], "bold", area.size, "paper", "center")
        )
        venue_x = area_box.right + 3.0
    venue_fit = fit_block(face, venue.name, "regular", x + width - venue_x, 15.0, 10.0, 2)
    if venue_fit is None:
        raise LayoutError(
            PRODUCT,
            f"the venue's name {venue.name!r} does not fit the tent; shorten it",
            venue.name,
        )
    if venue.area:
        venue_top = (
            area_box.top
            - (AREA_BOX - (venue_fit.size * PT * len(venue_fit.lines) * 1.15)) / 2
            + 0.6
        )
    else:
        venue_top = area_y + AREA_BOX
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


def _poster(event: Event, face: Typeface, notes: list[Note]) -> Page:
    session = event.main
    page = POSTER
    margin = POSTER_MARGIN
    width = page.width - 2 * margin
    items, y, size = poster_head(face, event.festival, session.title, "poster")
    notes += _title_note(session, "poster", size, POSTER_TITLE)
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
    foot = POSTER_FOOT
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
    items += poster_foot(event, face)
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, "poster", "text")
    return Page(page, tuple(items))


def poster_head(
    face: Typeface, kicker: str | None, heading: str, product: str
) -> tuple[list[Item], float, float]:
    """The poster's top band: a small line (the festival) over a heading as large as fits
    (48 pt, down to 24 pt on three lines). Returns its items, the band's bottom edge and the
    heading's size."""
    page = POSTER
    margin = POSTER_MARGIN
    width = page.width - 2 * margin
    y = page.height - 22.0
    head: list[Item] = []
    if kicker:
        block = one_line(
            face,
            kicker,
            "bold",
            margin,
            y,
            width,
            20.0,
            12.0,
            "paper",
            "the line above the title",
            product,
        )
        head += block.items
        y -= block.height + 4.0
    title = fit_block(
        face, heading, "bold", width, POSTER_TITLE, 24.0, 3, leading=1.1, prefer_large=True
    )
    if title is None:
        raise LayoutError(
            product, f"the title does not fit the poster in three lines: {heading!r}", heading
        )
    block = fitted_lines(title.lines, "bold", title.size, margin, y, 1.1, "paper")
    head += block.items
    y -= block.height + 10.0
    return [Box(Rect(0.0, y, page.width, page.height - y), fill="accent"), *head], y, title.size


def poster_foot(event: Event, face: Typeface) -> list[Item]:
    """The organiser's logo (at most a third of the width), name and tagline under a rule
    along the poster's foot, each line fitted to the width that is left."""
    items: list[Item] = []
    organiser = event.organiser
    if organiser is not None:
        margin, foot = POSTER_MARGIN, POSTER_FOOT
        right = POSTER.width - margin
        items.append(Line(margin, foot - 4.0, right, foot - 4.0, "rule", 0.6))
        x = margin
        if organiser.logo is not None:
            w = min(18.0 * aspect(organiser.logo), (right - margin) / 3)
            h = w / aspect(organiser.logo)
            items.append(Image(Rect(x, 12.0 + (18.0 - h) / 2, w, h), organiser.logo))
            x += w + 6.0
        name = one_line(
            face,
            organiser.name,
            "bold",
            x,
            29.5,
            right - x,
            16.0,
            9.0,
            "text",
            "the organiser's name",
            "poster",
        )
        items += name.items
        if organiser.tagline:
            tagline = one_line(
                face,
                organiser.tagline,
                "italic",
                x,
                20.2,
                right - x,
                12.0,
                7.0,
                "muted",
                "the tagline",
                "poster",
            )
            items += tagline.items
    return items
