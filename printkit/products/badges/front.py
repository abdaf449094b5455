"""Name badges: one per person, set by rule within the badge's safe area, then imposed N-up.

Badge anatomy (from the top): a role band in the role's colour with the role in words; the
name, as large as fits (shrinking to a minimum, then breaking onto two lines at a space or
hyphen); title and organisations (wrapping to two lines, then shrinking); and a foot with the
event's title and date beside the organiser's logo. Nothing is drawn outside the safe area
except the band's colour, which runs to the badge edge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from printkit.errors import LayoutError
from printkit.layout.items import QR, Group, Image, Item, Note, Text
from printkit.layout.qr import (
    MIN_MODULE,
    PHONE_DISTANCE,
    PHONE_MODULE,
    PHONE_MODULES,
    QUIET_ZONE,
    Matrix,
    encode,
)
from printkit.layout.text import fit_block
from printkit.layout.words import affiliation, when
from printkit.model.event import Event, Person
from printkit.model.geometry import PT, Rect
from printkit.pipeline.people import payloads_or_none
from printkit.products.badges.design import (
    LINE_ASCENT,
    ORG_LINES,
    SAFE,
    TALL_ORG_LINES,
    BadgeType,
    band,
    checked,
    name_block,
)
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
EDGE_CLEAR = 1.0  # mm: a tall code's quiet zone stays this far inside the edge (a cut's play)
LOGO_HEIGHT, LOGO_MAX_WIDTH = 8.0, 24.0  # mm: the organiser's logo in the foot
LOGO_GAP = 2.5  # mm between the foot's text and the logo
FOOT_MIN = 4.5  # pt: the foot's title and date shrink to this
FOOT_TITLE_LINES = 2
TITLE_LEADING = 1.15  # the foot's title lines
SHOWN = 5  # names a note lists before "and N more"
DATE_STEP = 1.25  # of the date's size: from the date's baseline to the title's


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
    zone = Rect(
        safe.x,
        foot_top + ZONE_GAP * design.k,
        safe.width,
        band_bottom - foot_top - 2 * ZONE_GAP * design.k,
    )
    second = affiliation(event, person)
    settings = event.badge.qr
    payloads = payloads_or_none(person, settings.template, settings.vcard) if settings else None
    if payloads is None:
        common = _common(shared, band_key, "foot", band_items, foot_items)
        return (*common, *name_block(event, person, face, design, zone, second, notes=notes))
    level = VCARD_LEVEL if settings.vcard else "M"
    symbol = partial(_symbol, level=level, codes=shared.get("codes", {}))
    failure = LayoutError(
        PRODUCT,
        f"the event's title does not fit the badge foot beside the QR code of {person.name!r};"
        " shorten the title",
        event.title,
        field="title",
    )
    room = partial(_tall_room, band_bottom=band_bottom, safe=safe)
    for matrix, size, readable in _candidates(person, payloads, symbol, design, room):
        payload = matrix.content
        if size <= zone.height + 1e-9:  # beside the name, above the foot as wide as the badge
            rect = Rect(zone.right - size, zone.y + (zone.height - size) / 2, size, size)
            key, text_zone = "foot", zone
        else:  # taller than that: from the band down, the foot moves beside it, under the name
            rect = _tall(matrix, size, band_bottom, safe, design)
            column = rect.x - QR_GAP * design.k
            key = ("foot", round(column, 6))
            try:
                if key not in shared:
                    shared[key] = _foot(event, person, face, design, safe, column)
            except LayoutError:
                continue  # the foot's title does not fit beside this code: a smaller one
            top = shared[key][1]
            text_zone = Rect(
                safe.x,
                top + ZONE_GAP * design.k,
                zone.width,
                band_bottom - top - 2 * ZONE_GAP * design.k,
            )
        text_zone = Rect(
            text_zone.x, text_zone.y, rect.x - QR_GAP * design.k - safe.x, text_zone.height
        )
        try:
            attempt: list[Note] = []
            lines = ORG_LINES if size <= zone.height + 1e-9 else TALL_ORG_LINES
            drawn = name_block(
                event, person, face, design, text_zone, second, notes=attempt, org_lines=lines
            )
        except LayoutError as exc:
            failure = exc
            continue
        if notes is not None:
            notes += attempt
            if not readable:
                notes.append(_closer(person, matrix, size))
        if payload != payloads[0]:
            shared.setdefault("shortened", []).append(person.name)
        common = _common(shared, band_key, key, band_items, shared[key][0])
        return (*common, QR(rect, matrix), *drawn)
    raise failure


def _common(
    shared: dict, band: tuple, foot: object, band_items: list[Item], foot_items: list[Item]
) -> tuple[Item, ...]:
    """What every badge of a role (in a language) carries, made once: the band and the foot's
    logo as one group, which the renderer draws once per file and places on each badge,
    then the foot's lines. The lines stay in the badge's own text (a text extractor reads a
    badge's lines after the form it places as the lines of one badge, apart from its
    neighbour's: pypdf ran the names of two badges side by side together)."""
    key = ("common", band, foot)
    common = shared.get(key)
    if common is None:
        lines = tuple(item for item in foot_items if isinstance(item, Text))
        rest = tuple(item for item in foot_items if not isinstance(item, Text))
        common = shared[key] = (Group((*band_items, *rest), repeated=True), *lines)
    return common


def _symbol(payload: str, level: str, codes: dict) -> Matrix | None:
    """The payload's symbol (encoded with the run's others, or now), or None if too long."""
    try:
        return codes.get(payload) or encode(payload, level)
    except LayoutError:
        return None


def _tall_room(matrix: Matrix, band_bottom: float, safe: Rect) -> float:
    """The side of the largest code from the band down: its symbol inside the safe area, its
    quiet zone (light paper) allowed into the safe margin, ``EDGE_CLEAR`` short of the edge."""
    n = matrix.modules_with_quiet_zone
    return min(band_bottom - EDGE_CLEAR, (band_bottom - safe.y) * n / (n - QUIET_ZONE))


def _tall(matrix: Matrix, size: float, band_bottom: float, safe: Rect, design: BadgeType) -> Rect:
    """A code of side ``size`` from the band down at the right, centred in ``_tall_room``."""
    quiet = QUIET_ZONE * size / matrix.modules_with_quiet_zone
    right = min(design.size.width - EDGE_CLEAR, safe.right + quiet)
    top = band_bottom - (_tall_room(matrix, band_bottom, safe) - size) / 2
    return Rect(right - size, top - size, size, size)


def _candidates(
    person: Person,
    payloads: tuple[str, ...],
    symbol: Callable[[str], Matrix | None],
    design: BadgeType,
    room: Callable[[Matrix], float],
) -> Iterator[tuple[Matrix, float, bool]]:
    """The codes to try, best first, as (symbol, side, whether a phone reads it from
    ``PHONE_DISTANCE``): the fullest payload whose code, of at most ``PHONE_MODULES``, fits
    ``room`` with modules of ``PHONE_MODULE``, as large as the design wants (``QR_MAX``) or
    as that needs, shrinking in steps to that; then the shorter payloads so (each encoded
    only when reached); then the shortest, smaller, down to ``MIN_MODULE``."""
    matrix = None
    for payload in payloads:
        matrix = symbol(payload) or matrix
        if matrix is None or matrix.content != payload:
            continue  # more than a code holds
        readable = matrix.modules_with_quiet_zone * PHONE_MODULE
        largest = min(max(QR_MAX * design.k, readable), room(matrix))
        if readable <= largest + 1e-9 and matrix.modules <= PHONE_MODULES:
            yield from ((matrix, size, True) for size in _steps(largest, readable))
    if matrix is None:
        raise LayoutError(
            PRODUCT,
            f"the QR code of {person.name!r} would carry {len(payloads[-1].encode()):,} bytes,"
            " more than a QR code holds; fill in shorter values or shorten badges.qr.url",
            person.name,
        )
    readable = matrix.modules_with_quiet_zone * PHONE_MODULE
    smallest = matrix.modules_with_quiet_zone * MIN_MODULE
    largest = min(max(QR_MAX * design.k, readable), room(matrix))
    if smallest > largest:
        raise LayoutError(
            PRODUCT,
            f"the QR code of {person.name!r} ({len(matrix.content.encode())} bytes) would have"
            f" modules below the {MIN_MODULE} mm a phone reads on this badge; shorten what it"
            " carries (a URL instead of a vCard)",
            person.name,
        )
    phone = matrix.modules <= PHONE_MODULES
    yield from (
        (matrix, size, False) for size in _steps(largest, smallest) if size < readable or not phone
    )


def _steps(largest: float, smallest: float) -> Iterator[float]:
    """From ``largest`` down to ``smallest`` in ``QR_STEP``s, both included."""
    size = largest
    while size > smallest + 1e-9:
        yield size
        size -= QR_STEP
    yield smallest


def shortened(names: list[str]) -> Note:
    shown = ", ".join(names[:SHOWN]) + (
        f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    )
    return Note(
        "badges.qr",
        f"{len(names)} personal vCards leave out the title, or the title and organisation, which"
        f" the badges show, so that their codes read from a phone at {PHONE_DISTANCE:g} cm: {shown}",
    )


def _closer(person: Person, matrix: Matrix, size: float) -> Note:
    """Why a phone may not read this code from ``PHONE_DISTANCE``."""
    module = size / matrix.modules_with_quiet_zone
    where, field = person.place("name")
    if matrix.modules > PHONE_MODULES:
        why = (
            f"carries {len(matrix.content.encode())} bytes, so its {matrix.modules} modules"
            f" across (more than {PHONE_MODULES}) read less surely from {PHONE_DISTANCE:g} cm"
            f" at {module:.2f} mm; shorter values"
        )
    else:
        why = (
            f"has {module:.2f} mm modules to leave the name room: a phone reads it from about"
            f" {PHONE_DISTANCE * module / PHONE_MODULE:.0f} cm, not {PHONE_DISTANCE:g} cm;"
            " shorter values"
        )
    return Note(
        field,
        f"the personal QR code of {person.name!r} {why} (name, e-mail) or a larger badge"
        " read further",
        where,
    )


def _foot(
    event: Event,
    person: Person,
    face: Typeface,
    design: BadgeType,
    safe: Rect,
    right: float | None = None,
) -> tuple[list[Item], float]:
    """The event's title and date, and the organiser's logo at their right, along the safe
    area's foot up to ``right`` (its right edge unless a code stands beside the foot)."""
    items: list[Item] = []
    right = safe.right if right is None else right
    x_right = right
    logo_height = LOGO_HEIGHT * design.k
    organiser = event.organiser
    if organiser is not None and organiser.logo is not None:
        width = min(logo_height * organiser.logo.aspect, LOGO_MAX_WIDTH * design.k)
        height = width / organiser.logo.aspect
        items.append(Image(Rect(right - width, safe.y, width, height), organiser.logo.path))
        x_right = right - width - LOGO_GAP * design.k
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
