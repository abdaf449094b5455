"""Name badges: one per person, set by rule within the badge's safe area, then imposed N-up.

Badge anatomy (from the top): a role band in the role's colour with the role in words; the
name, as large as fits (shrinking to a minimum, then breaking onto two lines at a space or
hyphen); title and organisations (wrapping to two lines, then shrinking); and a foot with the
event's title and date beside the organiser's logo. Nothing is drawn outside the safe area
except the band's colour, which runs to the badge edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.errors import LayoutError, Location
from printkit.layout.flow import fitted_lines
from printkit.layout.items import QR, Box, Document, Image, Item, Note, field_path, pt
from printkit.layout.qr import MIN_MODULE, encode_fast
from printkit.layout.text import Fitted, fit_block, shrunk, wrap
from printkit.layout.theme import ink_on
from printkit.layout.words import affiliation, role_colour, role_label, when
from printkit.model.event import BadgeBack, Event, Person
from printkit.model.geometry import PT, Rect, Size
from printkit.pipeline.people import badge_people, payload_or_none
from printkit.read.images import aspect
from printkit.typeset.fonts import Typeface

PRODUCT = "badges"
SAFE = 3.0  # mm inside the badge edge that no glyph may cross


@dataclass(frozen=True)
class BadgeType:
    """Design sizes for a badge of a given size, scaled from the 90 × 54 mm design."""

    size: Size

    @property
    def k(self) -> float:
        return min(self.size.width / 90.0, self.size.height / 54.0)

    @property
    def band(self) -> float:
        return 10.0 * self.k

    @property
    def name_max(self) -> float:
        return 22.0 * self.k

    @property
    def name_min(self) -> float:
        return 11.0 * self.k

    @property
    def org_max(self) -> float:
        return 8.5 * self.k

    @property
    def org_min(self) -> float:
        return 6.5 * self.k

    @property
    def foot(self) -> float:
        return 6.2 * self.k


def layout_badges(event: Event, face: Typeface) -> Document:
    from printkit.products.badges.back import badge_back
    from printkit.products.badges.duplex import impose_sides, piece_size

    design = BadgeType(piece_size(event.sheet.label, event.duplex, event.badge_back))
    people = badge_people(event)
    if not people:
        raise LayoutError(
            PRODUCT,
            "no one is left to badge after the filters (--only); check them",
            where=Location("--only"),
        )
    shared: dict = {}  # what every badge (or every badge of a role) has in common, set once
    notes: list[Note] = []
    fronts = [badge(event, person, face, design, shared, notes=notes) for person in people]
    backs = None
    if event.badge_back is not BadgeBack.NONE:
        backs = [badge_back(event, person, face, design) for person in people]
    pages, sheet = impose_sides(event, fronts, backs)
    return Document(
        pages=tuple(pages),
        title=f"{event.title} – {event.labels['badges']}",
        author=event.organiser.name if event.organiser else "",
        subject=f"{len(fronts)} × {sheet.label.width:g} × {sheet.label.height:g} mm, {sheet.name}",
        notes=tuple(dict.fromkeys(notes)),  # once each, however many badges said it
    )


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
    role) between the badges of one run. What was set below its design size is added to
    ``notes``, when given."""
    shared = {} if shared is None else shared
    safe = Rect(0, 0, design.size.width, design.size.height).inset(SAFE)
    if ("band", person.role) not in shared:
        shared[("band", person.role)] = band(event, person, face, design, safe, notes=notes)
    if "foot" not in shared:
        shared["foot"] = _foot(event, person, face, design, safe)
    band_items, band_bottom = shared[("band", person.role)]
    foot_items, foot_top = shared["foot"]
    items = [*band_items, *foot_items]
    zone = Rect(
        safe.x, foot_top + 2.0 * design.k, safe.width, band_bottom - foot_top - 4.0 * design.k
    )
    second = affiliation(event, person)
    settings = event.badge.qr
    payload = payload_or_none(person, settings.template, settings.vcard) if settings else None
    if payload is None:
        return tuple(items + name_block(event, person, face, design, zone, second, notes=notes))
    # the code as large as the design wants; smaller, down to readable modules, if the name needs room
    try:
        matrix = encode_fast(payload)
    except LayoutError:
        raise LayoutError(
            PRODUCT,
            f"the QR code of {person.name!r} would carry {len(payload.encode()):,} bytes, more"
            " than a QR code holds; fill in shorter values or shorten badges.qr.url",
            person.name,
        ) from None
    smallest = matrix.modules_with_quiet_zone * MIN_MODULE
    largest = min(zone.height, 28.0 * design.k)
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
        text_zone = Rect(zone.x, zone.y, zone.width - size - 1.5 * design.k, zone.height)
        try:
            attempt: list[Note] = []
            drawn = name_block(event, person, face, design, text_zone, second, notes=attempt)
            if notes is not None:
                notes += attempt
            return tuple(items + [QR(rect, matrix)] + drawn)
        except LayoutError:
            if size <= smallest + 1e-9:
                raise
            size = max(smallest, size - 2.0)


NOTEWORTHY = 0.75  # a name set below this share of the largest size is worth a review note


def band(
    event: Event,
    person: Person,
    face: Typeface,
    design: BadgeType,
    safe: Rect,
    *,
    notes: list[Note] | None = None,
) -> tuple[list[Item], float]:
    """The role band along the top edge, its colour marking the role, its words inside the
    safe area; the festival's name at its right when there is room. Returns its bottom."""
    size = design.size
    items: list[Item] = []
    band_bottom = size.height - design.band
    fill = role_colour(event, person.role)
    ink = ink_on(fill)  # white on a dark band, black on a light one
    items.append(Box(Rect(0.0, band_bottom, size.width, design.band), fill=fill))
    label_size = 8.5 * design.k
    baseline = band_bottom + (design.band - face.cap_height("bold", label_size) * PT) / 2
    baseline = min(baseline, safe.top - face.ascent("bold", label_size) * PT)
    label = role_label(event, person.role)
    items.append(_checked(face, person, label, "bold", label_size, safe.x + 1.0, baseline, ink))
    if event.festival:
        fest_width = safe.width - 3.0 - face.width(label, "bold", label_size) * PT - 4.0
        fitted = fit_block(
            face, event.festival, "regular", fest_width, 7.0 * design.k, 5.0 * design.k, 1
        )
        if fitted is not None:
            items.append(
                _checked(
                    face,
                    person,
                    fitted.lines[0],
                    "regular",
                    fitted.size,
                    safe.right - 1.0,
                    baseline,
                    ink,
                    "right",
                )
            )
        elif notes is not None:
            notes.append(
                Note(
                    "festival",
                    "too long for the badges' role band beside the role, so badges leave it"
                    " out; shorten it to show it there",
                )
            )
    return items, band_bottom


def name_block(
    event: Event,
    person: Person,
    face: Typeface,
    design: BadgeType,
    zone: Rect,
    second: str,
    scale: float = 1.0,
    *,
    notes: list[Note] | None = None,
) -> list[Item]:
    """The name, as large as fits, then the pronouns and a second text (the affiliation),
    centred in ``zone``. The name shrinks to its minimum, then breaks onto two lines; if it
    still does not fit, the build fails naming the person. With ``first_name_above`` the
    first name is set large above the family name."""
    options = event.badge
    blocks: list[
        tuple[tuple[str, ...], str, float, float, str]
    ] = []  # lines, style, size, leading, colour
    largest, smallest = design.name_max * scale, design.name_min * min(scale, 1.0)
    first, family = split_name(person) if options.first_name_above else (person.name, "")
    if options.upper:
        first, family = first.upper(), family.upper()
    share = 0.45 if family else 0.72
    name = fit_block(
        face,
        first,
        "bold",
        zone.width,
        largest,
        smallest,
        1 if family else 2,
        height=zone.height * share,
        leading=1.08,
    )
    rest = None
    if family:
        rest = fit_block(
            face,
            family,
            "bold",
            zone.width,
            largest * 0.62,
            smallest * 0.8,
            2,
            height=zone.height * 0.3,
            leading=1.08,
        )
    if name is None or (family and rest is None):
        raise LayoutError(
            PRODUCT,
            f"the name {person.name!r} does not fit a {design.size.width:g} × {design.size.height:g} mm badge even at"
            f" {design.name_min:g} pt on two lines; shorten it (e.g. a middle name) or use a larger badge",
            person.name,
        )
    blocks.append((name.lines, "bold", name.size, 1.08, "text"))
    if rest is not None:
        blocks.append((rest.lines, "bold", rest.size, 1.08, "muted"))
    if options.pronouns and person.pronouns:
        pronouns = fit_block(
            face, person.pronouns, "italic", zone.width, design.org_max, design.org_min, 1
        )
        if pronouns is None:
            raise LayoutError(
                PRODUCT,
                f"the pronouns of {person.name!r} ({person.pronouns!r}) do not fit the badge;"
                " shorten them",
                person.pronouns,
            )
        blocks.append((pronouns.lines, "italic", pronouns.size, 1.2, "muted"))
    org_lines, org_size = _affiliation_lines(face, person, second, zone.width, design)
    if org_lines:
        blocks.append((org_lines, "regular", org_size, 1.2, "muted"))
    if notes is not None:
        notes += _smaller(person, name, largest, org_size if org_lines else design.org_max, design)
    heights = [
        (0.98 + leading * (len(lines) - 1) + 0.3) * size * PT
        for lines, _, size, leading, _ in blocks
    ]
    gap = 1.6 * design.k
    total = sum(heights) + gap * (len(blocks) - 1)
    if total > zone.height:
        raise LayoutError(
            PRODUCT,
            f"{person.name!r}: the name and affiliation do not fit the badge; shorten the title or organisations",
            _longest(person),
        )
    top = zone.y + (zone.height + total) / 2
    centre = zone.x + zone.width / 2
    items: list[Item] = []
    for (lines, style, size, leading, colour), height in zip(blocks, heights, strict=True):
        for line in lines:
            face.require(line, style, PRODUCT, f"the badge of {person.name!r}")
        items += fitted_lines(lines, style, size, centre, top, leading, colour, "center").items
        top -= height + gap
    return items


def _smaller(
    person: Person, name: Fitted, name_max: float, org_size: float, design: BadgeType
) -> list[Note]:
    """Notes for a name set markedly smaller than the design's largest (names are set as large
    as fits, so a little under the largest is the design working, not news) or broken onto two
    lines, and for an affiliation set below its design size."""
    notes = []
    if len(name.lines) > 1 or name.size < name_max * NOTEWORTHY:
        how = "on two lines at" if len(name.lines) > 1 else "at"
        notes.append(
            Note(
                field_path(person.path, "name"),
                f"the badge sets this name {how} {pt(name.size)} pt, below its design size of"
                f" {pt(name_max)} pt, to fit",
            )
        )
    if shrunk(org_size, design.org_max):
        key = "organisations" if person.organisations else "title"
        notes.append(
            Note(
                field_path(person.path, key),
                f"the badge sets the title and organisations at {pt(org_size)} pt, below their"
                f" design size of {pt(design.org_max)} pt, to fit two lines",
            )
        )
    return notes


def split_name(person: Person) -> tuple[str, str]:
    """First name and family name: the list's columns when it has them, else the first word
    and the rest."""
    if person.first_name and person.last_name:
        return person.first_name, person.last_name
    words = person.name.split(" ", 1)
    return (words[0], words[1]) if len(words) == 2 else (person.name, "")


def _affiliation_lines(
    face: Typeface, person: Person, text: str, width: float, design: BadgeType
) -> tuple[tuple[str, ...], float]:
    """Title and organisations: wrapped onto at most two lines, shrinking to the minimum size."""
    if not text:
        return (), design.org_max
    size = design.org_max
    while size >= design.org_min - 1e-9:
        lines = wrap(face, [(text, "regular")], width, size)
        if len(lines) <= 2 and all(_line_width(face, ln, size) <= width + 1e-6 for ln in lines):
            return tuple(ln[0][1] for ln in lines), size
        size -= 0.25
    raise LayoutError(
        PRODUCT,
        f"the title and organisations of {person.name!r} ({text!r}) do not fit two lines of a"
        f" {design.size.width:g} mm badge even at {design.org_min:g} pt; shorten them",
        _longest(person),
    )


def _longest(person: Person) -> str:
    """The longest of a person's title and organisations: the likeliest to shorten."""
    return max((person.title or "", *person.organisations), key=len) or person.name


def _line_width(face: Typeface, line, size: float) -> float:
    x, text, style = line[-1]
    return x + face.width(text, style, size) * PT


def _foot(
    event: Event, person: Person, face: Typeface, design: BadgeType, safe: Rect
) -> tuple[list[Item], float]:
    items: list[Item] = []
    x_right = safe.right
    logo_height = 8.0 * design.k
    organiser = event.organiser
    if organiser is not None and organiser.logo is not None:
        width = min(logo_height * aspect(organiser.logo), 24.0 * design.k)
        height = width / aspect(organiser.logo)
        items.append(Image(Rect(safe.right - width, safe.y, width, height), organiser.logo))
        x_right = safe.right - width - 2.5 * design.k
    width = x_right - safe.x
    size = design.foot
    date = when(event)
    date_fit = fit_block(face, date, "regular", width, size, 4.5 * design.k, 1)
    title_fit = fit_block(face, event.title, "bold", width, size, 4.5 * design.k, 2)
    if date_fit is None or title_fit is None:
        raise LayoutError(
            PRODUCT,
            "the event's title or date line does not fit the badge foot; shorten the title",
            event.title if title_fit is None else None,
        )
    descent = -face.descent("regular", date_fit.size) * PT
    baseline = safe.y + descent
    items.append(
        _checked(
            face, person, date_fit.lines[0], "regular", date_fit.size, safe.x, baseline, "muted"
        )
    )
    step = title_fit.size * 1.15 * PT
    y = baseline + date_fit.size * 1.25 * PT
    for line in reversed(title_fit.lines):
        items.append(_checked(face, person, line, "bold", title_fit.size, safe.x, y, "text"))
        y += step
    top = max(
        y - step + title_fit.size * 0.98 * PT,
        safe.y + logo_height if organiser and organiser.logo else 0.0,
    )
    return items, top


def _checked(
    face: Typeface,
    person: Person,
    text: str,
    style: str,
    size: float,
    x: float,
    y: float,
    colour: str,
    align: str = "left",
):
    from printkit.layout.items import Text

    face.require(text, style, PRODUCT, f"the badge of {person.name!r}")
    return Text(x, y, text, style, size, colour, align)
