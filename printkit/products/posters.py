"""Door posters (A3, or the paper ``sign.paper`` names; sizes follow the paper's width).

One debate's poster (``layout_poster``): the band with the festival and the title, the date,
the room, who is speaking, and the QR code with the call to action beside it.

A schedule's posters (``layout_posters``), one per room and day: the festival over the room's
name, the day's date, that room's sessions of the day and the breaks in every room (each its
time range beside its title, subtitle and people; a session with its own code — its page,
or itself with ``qr: calendar`` — has it at its row's right, every poster keeping the same
column for them) and the QR code to the programme with the call to action beside it.
Every poster of an event is set by one rule: the list as large as fits the fullest day (from
140 % of its design size down to 80 %, then without subtitles, then without people, titles
alone down to 60 %), the room's name at the size the longest allows, the call to action in
one column of one width, so that the posters share their type sizes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from printkit.errors import LayoutError, about
from printkit.lang import i18n
from printkit.layout.codes import own_code
from printkit.layout.flow import FIRST_BASELINE, paragraph
from printkit.layout.items import QR, Document, Item, Line, Note, Page, Text, field_path, pt
from printkit.layout.qr import encode, url_code
from printkit.layout.text import shrunk, width_mm
from printkit.layout.words import date_line, held_in, room, time_range, venue_line, when
from printkit.model.event import Event, Session, Venue
from printkit.model.geometry import PT, Rect, Size
from printkit.products.signs import (
    CTA_GAP,
    POSTER_FOOT,
    POSTER_MARGIN,
    POSTER_QR_MIN,
    POSTER_TITLE,
    cta_beside,
    people_spans,
    poster_foot,
    poster_head,
    poster_paper,
    scale_of,
)
from printkit.typeset.fonts import Typeface

PRODUCT = "posters"
QR_MIN = 80.0  # symbol width (mm) on a schedule's poster: read from about 80 cm
QR_MAX = 150.0  # as the single debate's poster
CTA_COLUMN = 55.0  # mm the call to action takes beside the code (a 150 mm code fits A3)
CTA = (24.0, 16.0)  # pt: its design size and floor
CTA_LINES = 4
QR_GAP = 8.0  # mm between the list and the code
#: mm: a session's own code in its row (its page, or ``qr: calendar``), read up close, as a
#: phone is held to a door: about 30 cm, so about 30 mm (PRINT.md)
SESSION_QR = 30.0
SESSION_QR_GAP = 6.0  # mm between a row's words and its code
CODES_CTA = 16.0  # pt: what the sessions' own codes give, under the date
FLOOR_GAP = 2.0  # the code's foot above the organiser's rule
DATE = 26.0  # pt
VENUE = 24.0
PEOPLE = 18.0
SCALES = tuple(round(1.4 - 0.1 * i, 1) for i in range(7))  # 140 % down to 80 %


@dataclass(frozen=True)
class Type:
    """The list's type sizes (pt) at one scale, and what it shows besides times and titles."""

    scale: float
    subtitles: bool = True
    people: bool = True

    @property
    def title(self) -> float:
        return 22.0 * self.scale

    @property
    def subtitle(self) -> float:
        return 15.0 * self.scale

    @property
    def names(self) -> float:
        return 14.0 * self.scale

    @property
    def gap(self) -> float:  # mm between sessions
        return 9.0 * self.scale


#: Every way to set a day's list, in order of preference.
CHOICES = (
    *(Type(scale) for scale in SCALES),
    *(Type(scale, subtitles=False) for scale in SCALES),
    *(Type(scale, subtitles=False, people=False) for scale in (*SCALES, 0.7, 0.6)),
)


def layout_poster(event: Event, face: Typeface) -> Document:
    """One debate's poster."""
    session = event.main
    page = poster_paper(event)
    k = scale_of(page)
    margin = POSTER_MARGIN * k
    width = page.width - 2 * margin
    items, y, size = poster_head(
        face, page, event.festival, session.title, "poster", POSTER_TITLE * k
    )
    y -= 10.0 * k
    for spans, size_pt, gap in (
        ([(date_line(event, session), "bold")], DATE, 3.0),
        ([(venue_line(session, with_place=False), "regular")], VENUE, 5.0),
        (people_spans(event, session), PEOPLE, 5.0),
    ):
        if spans:
            block = paragraph(face, spans, margin, y, width, size_pt * k, 1.2)
            items += block.items
            y -= block.height + gap * k
    code = _code(event, face, page, y - 3.0 * k, page.width, POSTER_QR_MIN * k)
    if code is None:
        raise LayoutError(
            "poster",
            f"the title, date and panel leave too little room for a {POSTER_QR_MIN * k:.0f} mm QR"
            " code; shorten the title",
            session.title,
            field=field_path(session.path, "title"),
        )
    items += code + poster_foot(event, face, page, "poster")
    _require(face, items, "poster")
    notes = []
    if shrunk(size, POSTER_TITLE * k):
        text = f"the poster sets the title at {pt(size)} pt, below its design size of"
        notes.append(
            Note(field_path(session.path, "title"), f"{text} {pt(POSTER_TITLE * k)} pt, to fit")
        )
    return Document(
        pages=(Page(page, tuple(items)),),
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=date_line(event, session),
        notes=tuple(notes),
    )


def _code(
    event: Event, face: Typeface, page: Size, top: float, largest: float, smallest: float
) -> list[Item] | None:
    """The QR code at the right, as large as the room from ``top`` down to the foot allows
    (symbol up to ``largest`` mm, at least ``smallest``), its call to action beside it in a
    column of ``CTA_COLUMN`` mm; None when the code would be under ``smallest``."""
    k = scale_of(page)
    margin = POSTER_MARGIN * k
    floor = POSTER_FOOT * k + FLOOR_GAP * k
    matrix = url_code(event.url)
    per_symbol = matrix.modules_with_quiet_zone / matrix.modules
    side = min(top - floor, page.width - 2 * margin - CTA_COLUMN * k, largest * per_symbol)
    if side < smallest * per_symbol:
        return None
    rect = Rect(page.width - margin - side, floor, side, side)
    code = QR(rect, matrix)
    # the column is one width on every poster, so the words are one size on all of them
    left = max(margin, rect.x + 4 * code.module - CTA_GAP - CTA_COLUMN * k)
    cta = cta_beside(
        face,
        event.labels["sign_cta"],
        code,
        left,
        CTA[0] * k,
        CTA[1] * k,
        CTA_LINES,
        PRODUCT,
        middle=True,
    )
    return [code, *cta.items]


def layout_posters(event: Event, face: Typeface) -> Document:
    """A schedule's posters, one per room and day, all set by one rule."""
    page = poster_paper(event)
    k = scale_of(page)
    groups = _doors(event)
    kicker = event.festival or event.title
    heading = min(
        poster_head(face, page, kicker, room(venue), PRODUCT, POSTER_TITLE * k)[2]
        for _, venue, _ in groups
    )
    codes = _own_codes(event, groups)
    choice = max(_choice(event, face, page, heading, codes, *group) for group in groups)
    pages = tuple(
        _poster(event, face, page, heading, CHOICES[choice], codes, *group) for group in groups
    )
    return Document(
        pages=pages,
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=when(event),
    )


@dataclass(frozen=True)
class Codes:
    """The sessions' own codes on the door posters (by ``id`` of the session), and the column
    they take at the right of every poster's list (0 when no session has one)."""

    found: dict[int, QR]
    column: float

    def on(self, sessions: tuple[Session, ...]) -> bool:
        """Whether one of these sessions has its own code."""
        return any(id(session) in self.found for session in sessions)


def _own_codes(event: Event, groups) -> Codes:
    """Each code a symbol of ``SESSION_QR`` mm, placed later; its width with the quiet zone."""
    found: dict[int, QR] = {}
    for _day, _venue, sessions in groups:
        for session in sessions:
            payload = own_code(event, session)
            if payload is None or id(session) in found:
                continue
            with about(None, field_path(session.path, "url")):
                matrix = encode(payload)
            side = SESSION_QR * matrix.modules_with_quiet_zone / matrix.modules
            found[id(session)] = QR(Rect(0.0, 0.0, side, side), matrix)
    widest = max((code.rect.width for code in found.values()), default=0.0)
    return Codes(found, widest + SESSION_QR_GAP if found else 0.0)


def _doors(event: Event) -> list[tuple[dt.date, Venue, tuple[Session, ...]]]:
    """A poster per room and day, its day's breaks in every room among its sessions."""
    groups = event.by_day_and_venue()
    breaks = {day: found for day, _venue, found in groups if found[0].everywhere}
    return [
        (day, venue, tuple(sorted((*found, *breaks.get(day, ())), key=lambda s: s.start)))
        for day, venue, found in groups
        if not found[0].everywhere
    ]


def _top(
    event: Event,
    face: Typeface,
    page: Size,
    heading: float,
    codes: bool,
    day: dt.date,
    venue: Venue,
):
    """The band (festival over the room) and the date, and what the sessions' own codes give
    when the poster has some (``codes``): items and where the list starts."""
    k = scale_of(page)
    margin = POSTER_MARGIN * k
    kicker = event.festival or event.title
    items, y, _ = poster_head(face, page, kicker, room(venue), PRODUCT, heading)
    y -= 10.0 * k
    text = i18n.long_date(day, event.language)
    date = paragraph(face, [(text, "bold")], margin, y, page.width - 2 * margin, DATE * k)
    items += date.items
    y -= date.height
    if codes:
        cta = event.labels[
            "calendar_codes_cta" if event.sign_code == "calendar" else "session_codes_cta"
        ]
        block = paragraph(
            face,
            [(cta, "regular")],
            margin,
            y - 3.0 * k,
            page.width - 2 * margin,
            CODES_CTA * k,
            1.2,
            "muted",
        )
        items += block.items
        y -= 3.0 * k + block.height
    return items, y - 9.0 * k


def _choice(event, face, page, heading, codes, day, venue, sessions) -> int:
    """The first of ``CHOICES`` that leaves this poster room for its code."""
    k = scale_of(page)
    _, y = _top(event, face, page, heading, codes.on(sessions), day, venue)
    for index, kind in enumerate(CHOICES):
        _, height = _listing(event, face, page, sessions, kind, y, codes)
        if _code(event, face, page, y - height - QR_GAP * k, QR_MAX * k, QR_MIN * k):
            return index
    raise LayoutError(
        PRODUCT,
        f"the {len(sessions)} sessions of {day.isoformat()} in {room(venue)} do not fit one"
        f" poster even as times and titles at {CHOICES[-1].scale:.0%} type; shorten their"
        " titles",
    )


def _poster(event, face, page, heading, kind, codes, day, venue, sessions) -> Page:
    k = scale_of(page)
    items, y = _top(event, face, page, heading, codes.on(sessions), day, venue)
    listing, height = _listing(event, face, page, sessions, kind, y, codes)
    code = _code(event, face, page, y - height - QR_GAP * k, QR_MAX * k, QR_MIN * k)
    assert code is not None  # the choice was made so that every poster has room for it
    items += listing + code + poster_foot(event, face, page, PRODUCT)
    _require(face, items, PRODUCT)
    return Page(page, tuple(items))


def _require(face: Typeface, items: list[Item], product: str) -> None:
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, product, "text")


def _listing(
    event: Event,
    face: Typeface,
    page: Size,
    sessions: tuple[Session, ...],
    kind: Type,
    top: float,
    codes: Codes,
) -> tuple[list[Item], float]:
    """The sessions as rows, the time in a column of its own and a session's own code, if it
    has one, at the row's right; returns items and height."""
    k = scale_of(page)
    margin = POSTER_MARGIN * k
    size = Type(kind.scale * k, kind.subtitles, kind.people)
    times = [time_range(event, s) for s in sessions]
    column = max(width_mm(face, t, "bold", size.title) for t in times) + 8.0 * size.scale
    x = margin + column
    width = page.width - margin - x - codes.column
    items: list[Item] = []
    y = top
    for i, (session, time) in enumerate(zip(sessions, times, strict=True)):
        if i:
            y -= size.gap / 2
            items.append(Line(margin, y, page.width - margin, y, "rule", 0.8))
            y -= size.gap / 2
        row_top = y
        code = codes.found.get(id(session))
        if code is not None:  # its top on the row's first cap height, its right on the margin
            side = code.rect.width
            items.append(QR(Rect(page.width - margin - side, y - side, side, side), code.matrix))
        baseline = y - FIRST_BASELINE * size.title * PT
        items.append(Text(margin, baseline, time, "bold", size.title, "accent"))
        rows = [([(session.title, "bold")], size.title, "text", 1.15)]
        if session.subtitle and size.subtitles:
            rows.append(([(session.subtitle, "italic")], size.subtitle, "muted", 1.25))
        held = held_in(event, session)  # "In Danish", when not the event's language
        if held:
            rows.append(([(held, "italic")], size.names, "muted", 1.25))
        people = people_spans(event, session)
        if people and size.people:
            rows.append((people, size.names, "text", 1.25))
        for j, (spans, row_size, colour, leading) in enumerate(rows):
            y -= 1.5 * size.scale if j else 0.0
            block = paragraph(face, spans, x, y, width, row_size, leading, colour)
            items += block.items
            y -= block.height
        if code is not None:
            y = min(y, row_top - code.rect.width)
    return items, top - y
