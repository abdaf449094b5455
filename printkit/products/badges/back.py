"""The back of a badge: lanyards turn, so the back carries the name again, the event's facts
and a QR code to the event's page (``back: info``), or the name and a large code (``back: qr``)."""

from __future__ import annotations

from printkit.errors import LayoutError
from printkit.layout.flow import fitted_lines
from printkit.layout.items import QR, Item
from printkit.layout.qr import MIN_MODULE, encode
from printkit.layout.text import fit_block
from printkit.layout.words import when, where
from printkit.model.event import BadgeBack, Event, Person
from printkit.model.geometry import Rect
from printkit.products.badges.front import SAFE, BadgeType, band, name_block
from printkit.typeset.fonts import Typeface

QR_SHARE = {BadgeBack.INFO: 0.42, BadgeBack.QR: 0.62}  # of the space under the band


def badge_back(event: Event, person: Person, face: Typeface, design: BadgeType) -> tuple[Item, ...]:
    size = design.size
    safe = Rect(0, 0, size.width, size.height).inset(SAFE)
    items, band_bottom = band(event, person, face, design, safe)
    room = band_bottom - 1.5 * design.k - safe.y
    matrix = encode(event.url)
    code = min(room, safe.width * QR_SHARE[event.badge_back])
    needed = matrix.modules_with_quiet_zone * MIN_MODULE  # the text gives way before the code
    if code < needed:
        if needed > min(room, safe.width * 0.7):
            raise LayoutError(
                "badges",
                f"the QR code on the badges' backs would have {code / matrix.modules_with_quiet_zone:.2f} mm"
                f" modules, below the {MIN_MODULE} mm a phone reads; shorten the url, or use a larger badge",
            )
        code = needed
    qr = Rect(safe.right - code, safe.y + (room - code) / 2, code, code)
    items.append(QR(qr, matrix))
    text = Rect(safe.x, safe.y, qr.x - 2.0 * design.k - safe.x, room)
    if event.badge_back is BadgeBack.QR:
        zone = Rect(text.x, text.y + text.height * 0.25, text.width, text.height * 0.75)
        items += name_block(event, person, face, design, zone, "", scale=0.8)
        cta = fit_block(
            face, event.labels["scan_cta"], "regular", text.width, 7.5 * design.k, 5.0 * design.k, 2
        )
        if cta is not None:
            items += fitted_lines(
                cta.lines, "regular", cta.size, text.x, text.y + text.height * 0.22, 1.15, "muted"
            ).items
        return tuple(items)
    zone = Rect(text.x, text.y + text.height * 0.45, text.width, text.height * 0.55)
    items += name_block(event, person, face, design, zone, "", scale=0.7)
    y = text.y + text.height * 0.45
    for line, style in (
        (event.title, "bold"),
        (when(event), "regular"),
        (where(event), "regular"),
    ):
        if line is None:
            continue
        fitted = fit_block(face, line, style, text.width, 6.5 * design.k, 4.5 * design.k, 2)
        if fitted is None:
            continue
        block = fitted_lines(fitted.lines, style, fitted.size, text.x, y, 1.15, "text")
        if y - block.height < text.y:
            break
        for run in fitted.lines:
            face.require(run, style, "badges", f"the back of {person.name!r}")
        items += block.items
        y -= block.height + 0.8 * design.k
    return tuple(items)
