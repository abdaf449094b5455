"""What the front and the back of a badge share: the design sizes, the role band along the
top edge and the name block (name, pronouns, affiliation), each set within the safe area.

Sizes are designed for a 90 × 54 mm badge and scale with ``BadgeType.k`` on other stock:
lengths below are millimetres and type sizes points *at that design size*.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from printkit.errors import LayoutError
from printkit.layout.flow import fitted_lines
from printkit.layout.items import Box, Item, Note, Text, pt
from printkit.layout.names import in_case
from printkit.layout.text import Fitted, balanced_lines, fit_block, ink_beyond, shrunk, width_mm
from printkit.layout.theme import ink_on
from printkit.layout.words import role_colour, role_label
from printkit.model.event import Event, Person
from printkit.model.geometry import PT, Rect, Size
from printkit.typeset.fonts import Typeface

PRODUCT = "badges"
SAFE = 3.0  # mm inside the badge edge that no glyph may cross
DESIGN = Size(90.0, 54.0)  # mm: the badge the sizes below are designed for
BAND = 10.0  # mm: the role band's height
NAME_MAX, NAME_MIN = 22.0, 11.0  # pt
ORG_MAX, ORG_MIN = 8.5, 6.5  # pt: title and organisations
ORG_STEP = 0.25  # pt: the affiliation shrinks in these steps
ORG_LINES = 2
TALL_ORG_LINES = 3  # … or in the narrow column beside a code as tall as the badge allows
COUNTED = {2: "two", 3: "three"}
FOOT = 6.2  # pt: the foot's title and date
# the band
ROLE_SIZE = 8.5  # pt: the role in words
BAND_INSET = 1.0  # mm inside the safe area: the role at the left, the festival at the right
FESTIVAL_CLEAR = 7.0  # mm the festival's name leaves beside the role (insets and a gap)
FESTIVAL_MAX, FESTIVAL_MIN = 7.0, 5.0  # pt
# the name block
NAME_LEADING = 1.08
TEXT_LEADING = 1.2  # pronouns and affiliation
NAME_SHARE = 0.72  # of the zone's height, the name on up to two lines
FIRST_SHARE = 0.45  # … or the first name, when it is set above the family name
FAMILY_SHARE = 0.3  # … and the family name below it,
FAMILY_SCALE, FAMILY_MIN_SCALE = 0.62, 0.8  # at these shares of the name's sizes
LINE_ASCENT, LINE_DESCENT = 0.98, 0.3  # of the size: a line's height above and below
BLOCK_GAP = 1.6  # mm between the blocks
NOTEWORTHY = 0.75  # a name set below this share of the largest size is worth a review note


@dataclass(frozen=True)
class BadgeType:
    """Design sizes for a badge of a given size, scaled from the 90 × 54 mm design."""

    size: Size

    @cached_property
    def k(self) -> float:
        return min(self.size.width / DESIGN.width, self.size.height / DESIGN.height)

    @property
    def band(self) -> float:
        return BAND * self.k

    @property
    def name_max(self) -> float:
        return NAME_MAX * self.k

    @property
    def name_min(self) -> float:
        return NAME_MIN * self.k

    @property
    def org_max(self) -> float:
        return ORG_MAX * self.k

    @property
    def org_min(self) -> float:
        return ORG_MIN * self.k

    @property
    def foot(self) -> float:
        return FOOT * self.k


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
    label_size = ROLE_SIZE * design.k
    baseline = band_bottom + (design.band - face.cap_height("bold", label_size) * PT) / 2
    baseline = min(baseline, safe.top - face.ascent("bold", label_size) * PT)
    label = role_label(event, person.role, person.language)
    items.append(
        checked(face, person, label, "bold", label_size, safe.x + BAND_INSET, baseline, ink)
    )
    if event.festival:
        fest_width = safe.width - FESTIVAL_CLEAR - face.width(label, "bold", label_size) * PT
        fitted = fit_block(
            face,
            event.festival,
            "regular",
            fest_width,
            FESTIVAL_MAX * design.k,
            FESTIVAL_MIN * design.k,
            1,
        )
        if fitted is not None:
            items.append(
                checked(
                    face,
                    person,
                    fitted.lines[0],
                    "regular",
                    fitted.size,
                    safe.right - BAND_INSET,
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
    org_lines: int = ORG_LINES,
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
    first = in_case(first, options.case, person.name)
    family = in_case(family, options.case, person.name, first=False)
    share = FIRST_SHARE if family else NAME_SHARE
    name = fit_block(
        face,
        first,
        "bold",
        zone.width,
        largest,
        smallest,
        1 if family else 2,
        height=zone.height * share,
        leading=NAME_LEADING,
    )
    rest = None
    if family:
        rest = fit_block(
            face,
            family,
            "bold",
            zone.width,
            largest * FAMILY_SCALE,
            smallest * FAMILY_MIN_SCALE,
            2,
            height=zone.height * FAMILY_SHARE,
            leading=NAME_LEADING,
        )
    if name is None or (family and rest is None):
        raise LayoutError(
            PRODUCT,
            f"the name {person.name!r} does not fit a {design.size.width:g} × {design.size.height:g} mm badge even at"
            f" {design.name_min:g} pt on two lines; shorten it (e.g. a middle name) or use a larger badge",
            person.name,
        )
    blocks.append((name.lines, "bold", name.size, NAME_LEADING, "text"))
    if rest is not None:
        blocks.append((rest.lines, "bold", rest.size, NAME_LEADING, "muted"))
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
                None,
                *person.place("pronouns"),
            )
        blocks.append((pronouns.lines, "italic", pronouns.size, TEXT_LEADING, "muted"))
    org_lines, org_size = _affiliation_lines(face, person, second, zone.width, design, org_lines)
    if org_lines:
        blocks.append((org_lines, "regular", org_size, TEXT_LEADING, "muted"))
    if notes is not None:
        notes += _smaller(person, name, largest, org_size if org_lines else design.org_max, design)
    beyond = [ink_beyond(face, lines, style, leading) for lines, style, _, leading, _ in blocks]
    heights = [
        (LINE_ASCENT + leading * (len(lines) - 1) + LINE_DESCENT + above + below) * size * PT
        for (lines, _, size, leading, _), (above, below) in zip(blocks, beyond, strict=True)
    ]
    gap = BLOCK_GAP * design.k
    total = sum(heights) + gap * (len(blocks) - 1)
    if total > zone.height:
        raise LayoutError(
            PRODUCT,
            f"{person.name!r}: the name and affiliation do not fit the badge; shorten the title or organisations",
            _longest(person),
            None,
            *person.place(_longest_key(person)),
        )
    top = zone.y + (zone.height + total) / 2
    centre = zone.x + zone.width / 2
    items: list[Item] = []
    for (lines, style, size, leading, colour), height, (above, _) in zip(
        blocks, heights, beyond, strict=True
    ):
        for line in lines:
            face.require(line, style, PRODUCT, f"the badge of {person.name!r}")
        first = top - above * size * PT  # stacked marks: the first line lower, by their reach
        items += fitted_lines(lines, style, size, centre, first, leading, colour, "center").items
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
        where, field = person.place("name")
        this = f"the name {person.name!r}" if person.origin else "this name"
        notes.append(
            Note(
                field,
                f"the badge sets {this} {how} {pt(name.size)} pt, below its design size of"
                f" {pt(name_max)} pt, to fit",
                where,
            )
        )
    if shrunk(org_size, design.org_max):
        where, field = person.place("organisations" if person.organisations else "title")
        whose = f" of {person.name!r}" if person.origin else ""
        notes.append(
            Note(
                field,
                f"the badge sets the title and organisations{whose} at {pt(org_size)} pt, below"
                f" their design size of {pt(design.org_max)} pt, to fit two lines",
                where,
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
    face: Typeface, person: Person, text: str, width: float, design: BadgeType, most: int
) -> tuple[tuple[str, ...], float]:
    """Title and organisations: wrapped onto two lines, shrinking to the minimum size; failing
    that, onto up to ``most`` (three in the narrow column beside a tall code) so."""
    if not text:
        return (), design.org_max
    found = _wrapped(face, face.chain("regular"), text, width, design.org_max, design.org_min, most)
    if found is not None:
        return found
    raise LayoutError(
        PRODUCT,
        f"the title and organisations of {person.name!r} ({text!r}) do not fit {COUNTED[most]} lines of a"
        f" {design.size.width:g} mm badge even at {design.org_min:g} pt; shorten them",
        _longest(person),
        None,
        *person.place(_longest_key(person)),
    )


@lru_cache(maxsize=1 << 12)
def _wrapped(
    face: Typeface,
    chain: tuple[str, ...],
    text: str,
    width: float,
    largest: float,
    smallest: float,
    most: int,
) -> tuple[tuple[str, ...], float] | None:
    """``_affiliation_lines`` without the error: the lines and their size, or None. Kept by
    the fonts' registered names (``chain``, which name the files' contents): thousands of
    badges carry the same few organisations."""
    for allowed in range(min(ORG_LINES, most), most + 1):
        size = largest
        while size >= smallest - 1e-9:
            lines = balanced_lines(face, text, "regular", width, size)  # no lone last word
            if len(lines) <= allowed and all(
                width_mm(face, ln, "regular", size) <= width + 1e-6 for ln in lines
            ):
                return tuple(lines), size
            size -= ORG_STEP
    return None


def _longest_key(person: Person) -> str:
    """The field of ``_longest``: "title" or "organisations[2]" (1-based, as paths count)."""
    texts = (person.title or "", *person.organisations)
    index = max(range(len(texts)), key=lambda i: len(texts[i]))
    return "title" if index == 0 else f"organisations[{index}]"


def _longest(person: Person) -> str:
    """The longest of a person's title and organisations: the likeliest to shorten."""
    return max((person.title or "", *person.organisations), key=len) or person.name


def checked(
    face: Typeface,
    person: Person,
    text: str,
    style: str,
    size: float,
    x: float,
    y: float,
    colour: str,
    align: str = "left",
) -> Text:
    face.require(text, style, PRODUCT, f"the badge of {person.name!r}")
    return Text(x, y, text, style, size, colour, align)
