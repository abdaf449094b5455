"""The back of a badge: lanyards turn, so the back carries the name again, the event's facts
and a QR code to the event's page (``back: info``), or the name and a large code (``back: qr``)."""

from __future__ import annotations

from printkit.errors import LayoutError
from printkit.layout.flow import fitted_lines
from printkit.layout.items import QR, Item
from printkit.layout.qr import MIN_MODULE, url_code
from printkit.layout.text import fit_block
from printkit.layout.words import badge_word, when, where
from printkit.model.event import BadgeBack, Event, Person
from printkit.model.geometry import Rect
from printkit.products.badges.design import PRODUCT, SAFE, BadgeType, band, name_block
from printkit.typeset.fonts import Typeface

QR_SHARE = {BadgeBack.INFO: 0.42, BadgeBack.QR: 0.62}  # of the safe width: the code's side
QR_MAX_SHARE = 0.7  # of the safe width: the most a code may take to keep readable modules
BAND_GAP = 1.5  # mm between the band and the space below it
TEXT_GAP = 2.0  # mm between the text and the code
LINE_GAP = 0.8  # mm between the facts (title, date, place)
FACT_LEADING = 1.15
# back: qr — the name in the upper part, a call to scan below it
QR_NAME_FROM, QR_NAME_SHARE = 0.25, 0.75  # of the text's height: the name's zone
QR_NAME_SCALE = 0.8  # of the front's name sizes
CTA_AT = 0.22  # share of the text's height: the call to action's first baseline
CTA_MAX, CTA_MIN = 7.5, 5.0  # pt
CTA_LINES = 2
# back: info — the name in the upper part, the event's facts below
INFO_NAME_FROM, INFO_NAME_SHARE = 0.45, 0.55
INFO_NAME_SCALE = 0.7
FACT_MAX, FACT_MIN = 6.5, 4.5  # pt
FACT_LINES = 2


def badge_back(event: Event, person: Person, face: Typeface, design: BadgeType) -> tuple[Item, ...]:
    size = design.size
    safe = Rect(0, 0, size.width, size.height).inset(SAFE)
    items, band_bottom = band(event, person, face, design, safe)
    room = band_bottom - BAND_GAP * design.k - safe.y
    matrix = url_code(event.url)
    code = min(room, safe.width * QR_SHARE[event.badge_back])
    needed = matrix.modules_with_quiet_zone * MIN_MODULE  # the text gives way before the code
    if code < needed:
        if needed > min(room, safe.width * QR_MAX_SHARE):
            raise LayoutError(
                PRODUCT,
                f"the QR code on the badges' backs would have {code / matrix.modules_with_quiet_zone:.2f} mm"
                f" modules, below the {MIN_MODULE} mm a phone reads; shorten the url, or use a larger badge",
            )
        code = needed
    qr = Rect(safe.right - code, safe.y + (room - code) / 2, code, code)
    items.append(QR(qr, matrix))
    text = Rect(safe.x, safe.y, qr.x - TEXT_GAP * design.k - safe.x, room)
    if event.badge_back is BadgeBack.QR:
        zone = Rect(
            text.x,
            text.y + text.height * QR_NAME_FROM,
            text.width,
            text.height * QR_NAME_SHARE,
        )
        items += name_block(event, person, face, design, zone, "", scale=QR_NAME_SCALE)
        cta = fit_block(
            face,
            badge_word(event, "scan_cta", person.language),
            "regular",
            text.width,
            CTA_MAX * design.k,
            CTA_MIN * design.k,
            CTA_LINES,
        )
        if cta is not None:
            items += fitted_lines(
                cta.lines,
                "regular",
                cta.size,
                text.x,
                text.y + text.height * CTA_AT,
                FACT_LEADING,
                "muted",
            ).items
        return tuple(items)
    zone = Rect(
        text.x,
        text.y + text.height * INFO_NAME_FROM,
        text.width,
        text.height * INFO_NAME_SHARE,
    )
    items += name_block(event, person, face, design, zone, "", scale=INFO_NAME_SCALE)
    y = text.y + text.height * INFO_NAME_FROM
    for line, style in (
        (event.title, "bold"),
        (when(event), "regular"),
        (where(event), "regular"),
    ):
        if line is None:
            continue
        fitted = fit_block(
            face, line, style, text.width, FACT_MAX * design.k, FACT_MIN * design.k, FACT_LINES
        )
        if fitted is None:
            continue
        block = fitted_lines(fitted.lines, style, fitted.size, text.x, y, FACT_LEADING, "text")
        if y - block.height < text.y:
            break
        for run in fitted.lines:
            face.require(run, style, PRODUCT, f"the back of {person.name!r}")
        items += block.items
        y -= block.height + LINE_GAP * design.k
    return tuple(items)
