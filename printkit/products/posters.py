"""A schedule's door posters: one A3 page per venue and day, "I dag i KL's telt (F2)".

The band and the organiser's foot are the single-debate poster's (``tent.poster_head`` and
``tent.poster_foot``); between them the day's date and that venue's sessions of the day, each
its time range beside its title, subtitle and people, and at the foot a QR code to the
programme (the event's address), at least 80 mm wide (read from about 80 cm, where the list's
small print is read) and taking the room the list leaves, up to 150 mm.

The list is set as large as fits, from 140 % of its design size down to 80 %. A long day
then drops detail rather than shrink further: the subtitles first, then the people, leaving
times and titles (the programme has the rest); only titles alone go down to 60 %. A day that
still does not fit is an error naming it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from printkit.errors import LayoutError
from printkit.lang import i18n
from printkit.layout.flow import FIRST_BASELINE, fitted_lines, paragraph
from printkit.layout.items import QR, Document, Item, Line, Page, Text
from printkit.layout.qr import Matrix, encode
from printkit.layout.text import fit_block, width_mm
from printkit.layout.words import room, time_range, when
from printkit.model.event import Event, Session, Venue
from printkit.model.geometry import PT, Rect
from printkit.products.tent import POSTER, POSTER_FOOT, POSTER_MARGIN, poster_foot, poster_head
from printkit.typeset.fonts import Typeface

PRODUCT = "posters"
QR_MIN = 80.0  # symbol width (mm): read from about 80 cm
QR_MAX = 150.0  # as the single debate's poster
CTA_BESIDE = 100.0  # mm the call to action needs beside the code
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


def layout_posters(event: Event, face: Typeface) -> Document:
    pages = tuple(
        _poster(event, face, day, venue, sessions)
        for day, venue, sessions in event.by_day_and_venue()
    )
    return Document(
        pages=pages,
        title=f"{event.title} – {event.labels['sign']}",
        author=event.organiser.name if event.organiser else "",
        subject=when(event),
    )


def _poster(
    event: Event, face: Typeface, day: dt.date, venue: Venue, sessions: tuple[Session, ...]
) -> Page:
    margin = POSTER_MARGIN
    width = POSTER.width - 2 * margin
    heading = event.labels["today_at"].format(venue=room(venue))
    items, y, _size = poster_head(face, event.festival or event.title, heading, PRODUCT)
    y -= 10.0
    date = paragraph(face, [(i18n.long_date(day, event.language), "bold")], margin, y, width, 26.0)
    items += date.items
    y -= date.height + 9.0
    matrix = encode(event.url)
    per_symbol = matrix.modules_with_quiet_zone / matrix.modules  # box width per symbol width
    floor = POSTER_FOOT + 2.0  # the code's bottom edge, over the organiser's rule
    for kind in CHOICES:
        listing, height = _listing(event, face, sessions, kind, y)
        room_for_code = y - height - 8.0 - floor
        if room_for_code >= QR_MIN * per_symbol:
            break
    else:
        raise LayoutError(
            PRODUCT,
            f"the {len(sessions)} sessions of {day.isoformat()} in {room(venue)} do not fit one"
            f" A3 poster even as times and titles at {CHOICES[-1].scale:.0%} type; shorten"
            " their titles",
        )
    items += listing + _qr_foot(event, face, matrix, room_for_code) + poster_foot(event, face)
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, PRODUCT, "text")
    return Page(POSTER, tuple(items))


def _qr_foot(event: Event, face: Typeface, matrix: Matrix, room: float) -> list[Item]:
    """The QR code in ``room`` mm of height above the organiser's rule, with its call to
    action: beside the code while there are ``CTA_BESIDE`` mm to its left, else centred
    under a code centred as on the single debate's poster."""
    per_symbol = matrix.modules_with_quiet_zone / matrix.modules
    floor = POSTER_FOOT + 2.0
    width = POSTER.width - 2 * POSTER_MARGIN
    if room <= width - 8.0 - CTA_BESIDE:
        qr = Rect(POSTER.width - POSTER_MARGIN - room, floor, room, room)
        cta = fit_block(
            face,
            event.labels["sign_cta"],
            "bold",
            qr.x - POSTER_MARGIN - 8.0,
            24.0,
            18.0,
            3,
            leading=1.15,
        )
        if cta is None:
            raise LayoutError(PRODUCT, "the call to action does not fit beside the QR code")
        block_height = ((len(cta.lines) - 1) * 1.15 + FIRST_BASELINE + 0.3) * cta.size * PT
        top = qr.y + qr.height / 2 + block_height / 2
        block = fitted_lines(cta.lines, "bold", cta.size, POSTER_MARGIN, top, 1.15, "accent")
        return [QR(qr, matrix), *block.items]
    size = min(room - 12.0, QR_MAX * per_symbol)
    qr = Rect((POSTER.width - size) / 2, floor + 12.0, size, size)
    cta = Text(
        POSTER.width / 2, floor + 2.0, event.labels["sign_cta"], "bold", 22.0, "accent", "center"
    )
    if width_mm(face, cta.text, "bold", cta.size) > width:
        raise LayoutError(PRODUCT, "the call to action does not fit under the QR code")
    return [QR(qr, matrix), cta]


def _listing(
    event: Event, face: Typeface, sessions: tuple[Session, ...], kind: Type, top: float
) -> tuple[list[Item], float]:
    """The sessions as rows, the time in a column of its own; returns items and height."""
    margin = POSTER_MARGIN
    times = [time_range(event, s) for s in sessions]
    column = max(width_mm(face, t, "bold", kind.title) for t in times) + 8.0 * kind.scale
    x = margin + column
    width = POSTER.width - margin - x
    items: list[Item] = []
    y = top
    for i, (session, time) in enumerate(zip(sessions, times, strict=True)):
        if i:
            y -= kind.gap / 2
            items.append(Line(margin, y, POSTER.width - margin, y, "rule", 0.8))
            y -= kind.gap / 2
        items.append(
            Text(margin, y - FIRST_BASELINE * kind.title * PT, time, "bold", kind.title, "accent")
        )
        rows = [([(session.title, "bold")], kind.title, "text", 1.15)]
        if session.subtitle and kind.subtitles:
            rows.append(([(session.subtitle, "italic")], kind.subtitle, "muted", 1.25))
        for label, names in (
            (event.labels["panel"], [p.name for p in session.panelists]),
            (event.labels["moderator"], [session.moderator.name] if session.moderator else []),
        ):
            if names and kind.people:
                names_text = " " + i18n.join(names, event.language)
                rows.append(
                    ([(label + ":", "bold"), (names_text, "regular")], kind.names, "text", 1.25)
                )
        for k, (spans, size, colour, leading) in enumerate(rows):
            y -= 1.5 * kind.scale if k else 0.0
            block = paragraph(face, spans, x, y, width, size, leading, colour)
            items += block.items
            y -= block.height
    return items, top - y
