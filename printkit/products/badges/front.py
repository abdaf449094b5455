"""Name badges: one per person, set by rule within the badge's safe area, then imposed N-up.

Badge anatomy (from the top): a role band in the role's colour with the role in words; the
name, as large as fits (shrinking to a minimum, then breaking onto two lines at a space or
hyphen); title and organisations (wrapping to two lines, then shrinking); and a foot with the
event's title and date beside the organiser's logo. Nothing is drawn outside the safe area
except the band's colour, which runs to the badge edge.
"""

from __future__ import annotations

from printkit.errors import LayoutError, Location, Unfit, about
from printkit.layout.items import QR, Document, Image, Item, Note
from printkit.layout.mono import monochrome
from printkit.layout.qr import MIN_MODULE, encode, encode_all
from printkit.layout.text import fit_block
from printkit.layout.words import affiliation, when
from printkit.model.event import BadgeBack, Event, Person
from printkit.model.geometry import PT, Rect
from printkit.pipeline.people import payload_or_none
from printkit.products.badges.back import badge_back
from printkit.products.badges.design import (
    LINE_ASCENT,
    SAFE,
    BadgeType,
    band,
    checked,
    name_block,
)
from printkit.products.badges.duplex import impose_sides, piece_size
from printkit.typeset.fonts import Typeface

PRODUCT = "badges"
#: Error correction of a personal vCard: L (7 %) instead of M gives a 120-byte card one or
#: two versions fewer, so larger modules in the same 22 mm (measured: tests/products/
#: test_phone_qr.py). A URL keeps M: its modules are large enough, and M reads better blurred.
VCARD_LEVEL = "L"
ZONE_GAP = 2.0  # mm between the name block's zone and the band above, the foot below
QR_MAX = 28.0  # mm: the code's side at its largest
QR_GAP = 1.5  # mm between the code and the name block
QR_STEP = 2.0  # mm: the code shrinks in these steps when the name needs room
LOGO_HEIGHT, LOGO_MAX_WIDTH = 8.0, 24.0  # mm: the organiser's logo in the foot
LOGO_GAP = 2.5  # mm between the foot's text and the logo
FOOT_MIN = 4.5  # pt: the foot's title and date shrink to this
FOOT_TITLE_LINES = 2
TITLE_LEADING = 1.15  # the foot's title lines
DATE_STEP = 1.25  # of the date's size: from the date's baseline to the title's


def layout_badges(event: Event, face: Typeface) -> Document:
    design = BadgeType(piece_size(event.sheet.label, event.duplex, event.badge_back))
    people = event.badged
    if not people:
        raise LayoutError(
            PRODUCT,
            "no one is left to badge after the filters (--only); check them",
            where=Location("--only"),
        )
    shared: dict = {}  # what every badge (or every badge of a role) has in common, set once
    settings = event.badge.qr
    if settings is not None:  # the personal codes, encoded together (on every core)
        payloads = (payload_or_none(p, settings.template, settings.vcard) for p in people)
        level = VCARD_LEVEL if settings.vcard else "M"
        shared["codes"] = encode_all((p for p in payloads if p is not None), level)
    notes: list[Note] = []
    fronts = []
    failed: list[tuple[object, LayoutError]] = []  # every badge that cannot be set, not the first
    for person in people:
        try:
            with about(*person.place("name")):  # what no check below names more closely
                fronts.append(badge(event, person, face, design, shared, notes=notes))
        except LayoutError as exc:
            failed.append((person, exc))
    if failed:
        raise Unfit(failed)
    backs = None
    if event.badge_back is not BadgeBack.NONE:
        backs = [badge_back(event, person, face, design) for person in people]
    pages, sheet = impose_sides(event, fronts, backs)
    document = Document(
        pages=tuple(pages),
        title=f"{event.title} – {event.labels['badges']}",
        author=event.organiser.name if event.organiser else "",
        subject=f"{len(fronts)} × {sheet.label.width:g} × {sheet.label.height:g} mm, {sheet.name}",
        notes=tuple(dict.fromkeys(notes)),  # once each, however many badges said it
    )
    return monochrome(document) if event.badge.mono else document


def badge(
    event: Event,
    person: Person,
    face: Typeface,
    design: BadgeType,
    shared: dict | None = None,
    *,
    notes: list[Note] | None = None,
) -> tuple[Item, ...]:
    """One badge's items in its own coordinates: (0, 0) is its bottom-left corner.

    ``shared`` keeps the parts that do not depend on the person (the foot; the band, per
    role and language) between the badges of one run. What was set below its design size is added to
    ``notes``, when given."""
    shared = {} if shared is None else shared
    safe = Rect(0, 0, design.size.width, design.size.height).inset(SAFE)
    band_key = ("band", person.role, person.language)  # the band says the role in a language
    if band_key not in shared:
        shared[band_key] = band(event, person, face, design, safe, notes=notes)
    if "foot" not in shared:
        shared["foot"] = _foot(event, person, face, design, safe)
    band_items, band_bottom = shared[band_key]
    foot_items, foot_top = shared["foot"]
    items = [*band_items, *foot_items]
    zone = Rect(
        safe.x,
        foot_top + ZONE_GAP * design.k,
        safe.width,
        band_bottom - foot_top - 2 * ZONE_GAP * design.k,
    )
    second = affiliation(event, person)
    settings = event.badge.qr
    payload = payload_or_none(person, settings.template, settings.vcard) if settings else None
    if payload is None:
        return tuple(items + name_block(event, person, face, design, zone, second, notes=notes))
    # the code as large as the design wants; smaller, down to readable modules, if the name needs room
    try:
        level = VCARD_LEVEL if settings.vcard else "M"
        matrix = shared.get("codes", {}).get(payload) or encode(payload, level)
    except LayoutError:
        raise LayoutError(
            PRODUCT,
            f"the QR code of {person.name!r} would carry {len(payload.encode()):,} bytes, more"
            " than a QR code holds; fill in shorter values or shorten badges.qr.url",
            person.name,
        ) from None
    smallest = matrix.modules_with_quiet_zone * MIN_MODULE
    largest = min(zone.height, QR_MAX * design.k)
    if smallest > largest:
        raise LayoutError(
            PRODUCT,
            f"the QR code of {person.name!r} ({len(payload.encode())} bytes) would have modules below the"
            f" {MIN_MODULE} mm a phone reads on this badge; shorten what it carries (a URL instead of a vCard)",
            person.name,
        )
    size = largest
    while True:
        rect = Rect(zone.right - size, zone.y + (zone.height - size) / 2, size, size)
        text_zone = Rect(zone.x, zone.y, zone.width - size - QR_GAP * design.k, zone.height)
        try:
            attempt: list[Note] = []
            drawn = name_block(event, person, face, design, text_zone, second, notes=attempt)
            if notes is not None:
                notes += attempt
            return tuple(items + [QR(rect, matrix)] + drawn)
        except LayoutError:
            if size <= smallest + 1e-9:
                raise
            size = max(smallest, size - QR_STEP)


def _foot(
    event: Event, person: Person, face: Typeface, design: BadgeType, safe: Rect
) -> tuple[list[Item], float]:
    items: list[Item] = []
    x_right = safe.right
    logo_height = LOGO_HEIGHT * design.k
    organiser = event.organiser
    if organiser is not None and organiser.logo is not None:
        width = min(logo_height * organiser.logo.aspect, LOGO_MAX_WIDTH * design.k)
        height = width / organiser.logo.aspect
        items.append(Image(Rect(safe.right - width, safe.y, width, height), organiser.logo.path))
        x_right = safe.right - width - LOGO_GAP * design.k
    width = x_right - safe.x
    size = design.foot
    date = when(event)
    date_fit = fit_block(face, date, "regular", width, size, FOOT_MIN * design.k, 1)
    title_fit = fit_block(
        face, event.title, "bold", width, size, FOOT_MIN * design.k, FOOT_TITLE_LINES
    )
    if date_fit is None or title_fit is None:
        raise LayoutError(
            PRODUCT,
            "the event's title or date line does not fit the badge foot; shorten the title",
            event.title if title_fit is None else None,
            field="title",
        )
    descent = -face.descent("regular", date_fit.size) * PT
    baseline = safe.y + descent
    items.append(
        checked(
            face, person, date_fit.lines[0], "regular", date_fit.size, safe.x, baseline, "muted"
        )
    )
    step = title_fit.size * TITLE_LEADING * PT
    y = baseline + date_fit.size * DATE_STEP * PT
    for line in reversed(title_fit.lines):
        items.append(checked(face, person, line, "bold", title_fit.size, safe.x, y, "text"))
        y += step
    top = max(
        y - step + title_fit.size * LINE_ASCENT * PT,
        safe.y + logo_height if organiser and organiser.logo else 0.0,
    )
    return items, top
