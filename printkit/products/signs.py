"""What an event's signs share, so that they read alike: their paper, the poster's band and
foot, the title's fitting (as large as fits, then broken where it reads best), the line that
names the panel and moderator, and the call to action set beside its code.

One rule per product: a product's sizes are found for all of its signs first (``common``) and
every sign is then set at them, so the tents of an event, or its posters, share their type.
"""

from __future__ import annotations

from printkit.errors import LayoutError
from printkit.lang import i18n
from printkit.layout.flow import FIRST_BASELINE, Block, fitted_lines, one_line
from printkit.layout.items import QR, Box, Image, Item, Line
from printkit.layout.text import Fitted, Span, balanced, fit_block
from printkit.model.event import Event, Session, SignKind
from printkit.model.geometry import PAPER, PT, Rect, Size
from printkit.typeset.fonts import Typeface

TENT_QR_MIN = 60.0  # symbol width (mm) for reading at about 1 m
POSTER_QR_MIN = 150.0  # symbol width (mm) for reading at 2–3 m, on A3
DESIGN_WIDTH = 297.0  # mm: the A3 poster the poster's sizes are designed for
#: A sign's paper when event.yaml asks for one for both signs: the tent's → the poster's.
POSTER_FOR_TENT = {"A4": "A3", "Letter": "Tabloid"}
CTA_GAP = 4.0  # mm from the call to action to its code's quiet zone
CTA_LEADING = 1.15

# the poster's band and foot, mm and pt on the A3 design (scaled to the paper's width)
POSTER_MARGIN = 20.0
POSTER_FOOT = 40.0  # the organiser's line sits below this
BAND_TOP = 22.0  # from the page's top to the kicker's top
KICKER = 20.0  # pt
KICKER_MIN = 12.0
POSTER_TITLE = 48.0  # pt
POSTER_TITLE_MIN = 24.0
BAND_GAP = 10.0  # below the title, inside the band
FOOT_RULE = 4.0  # the rule's height below POSTER_FOOT
LOGO = 18.0  # the logo's height
LOGO_BOTTOM = 12.0
ORGANISER_TOP = 29.5
TAGLINE_TOP = 20.2


def tent_paper(event: Event) -> Size:
    """The tent's sheet, landscape: A4 unless ``sign: {paper: Letter}``."""
    return PAPER[event.sign_paper or "A4"].landscape


def poster_paper(event: Event) -> Size:
    """The poster's page: A3 unless ``sign.paper`` names one (for both signs: the tent's
    paper's poster, A4 → A3, Letter → Tabloid)."""
    name = event.sign_paper
    if name is None:
        return PAPER["A3"]
    if event.sign is not SignKind.POSTER and name in POSTER_FOR_TENT:
        name = POSTER_FOR_TENT[name]
    return PAPER[name]


def scale_of(page: Size) -> float:
    """The poster's sizes on this paper, relative to the A3 design."""
    return page.width / DESIGN_WIDTH


def title_fit(
    face: Typeface,
    text: str,
    width: float,
    largest: float,
    smallest: float,
    lines: int = 3,
    height: float | None = None,
) -> Fitted | None:
    """A sign's title: as large as fits in up to ``lines`` lines, then balanced."""
    fitted = fit_block(
        face, text, "bold", width, largest, smallest, lines, height, 1.1, prefer_large=True
    )
    return None if fitted is None else balanced(face, fitted, text, "bold", width)


def people_spans(event: Event, session: Session) -> list[Span]:
    """ "Panel: A, B og C · Ordstyrer: D": who is speaking, in the event's language."""
    spans: list[Span] = []
    for label, names in (
        (label, [p.name for p in group]) for label, group in session.credits(event.labels)
    ):
        if names:
            # a span's leading space is the space before its first word (``text.wrap``)
            lead = " " if spans else ""
            if spans:
                spans.append((" ·", "regular"))
            spans += [
                (lead + label + ":", "bold"),
                (" " + i18n.join(names, event.language), "regular"),
            ]
    return spans


def cta_beside(
    face: Typeface,
    text: str,
    qr: QR,
    left: float,
    largest: float,
    smallest: float,
    lines: int,
    product: str,
    middle: bool = False,
) -> Block:
    """The call to action right-aligned ``CTA_GAP`` mm left of the code's quiet zone, between
    ``left`` and the code; its last line level with the symbol's foot, or (``middle``) the
    block centred on the code."""
    quiet = 4 * qr.module
    right = qr.rect.x + quiet - CTA_GAP
    fitted = fit_block(
        face, text, "bold", right - left, largest, smallest, lines, None, CTA_LEADING
    )
    if fitted is None:
        raise LayoutError(product, "the call to action does not fit beside the QR code", text)
    fitted = balanced(face, fitted, text, "bold", right - left)
    size = fitted.size
    height = ((len(fitted.lines) - 1) * CTA_LEADING + FIRST_BASELINE + 0.3) * size * PT
    if middle:
        top = qr.rect.centre[1] + height / 2
    else:
        last = qr.rect.y + quiet + 0.05 * size * PT
        top = last + ((len(fitted.lines) - 1) * CTA_LEADING + FIRST_BASELINE) * size * PT
    block = fitted_lines(fitted.lines, "bold", size, right, top, CTA_LEADING, "text", "right")
    return Block(block.items, height, len(fitted.lines))


def poster_head(
    face: Typeface, page: Size, kicker: str | None, heading: str, product: str, largest: float
) -> tuple[list[Item], float, float]:
    """The poster's top band: a small line (the festival) over a heading as large as fits,
    up to ``largest`` pt. Returns its items, the band's bottom edge and the heading's size."""
    k = scale_of(page)
    margin = POSTER_MARGIN * k
    width = page.width - 2 * margin
    y = page.height - BAND_TOP * k
    head: list[Item] = []
    if kicker:
        block = one_line(
            face,
            kicker,
            "bold",
            margin,
            y,
            width,
            KICKER * k,
            KICKER_MIN * k,
            "paper",
            "the line above the title",
            product,
        )
        head += block.items
        y -= block.height + 4.0 * k
    title = title_fit(face, heading, width, largest, POSTER_TITLE_MIN * k)
    if title is None:
        raise LayoutError(
            product, f"the title does not fit the poster in three lines: {heading!r}", heading
        )
    block = fitted_lines(title.lines, "bold", title.size, margin, y, 1.1, "paper")
    head += block.items
    y -= block.height + BAND_GAP * k
    return [Box(Rect(0.0, y, page.width, page.height - y), fill="accent"), *head], y, title.size


def poster_foot(event: Event, face: Typeface, page: Size, product: str) -> list[Item]:
    """The organiser's logo (at most a third of the width), name and tagline under a rule
    along the poster's foot, each line fitted to the width that is left."""
    organiser = event.organiser
    if organiser is None:
        return []
    k = scale_of(page)
    margin, foot = POSTER_MARGIN * k, POSTER_FOOT * k
    right = page.width - margin
    items: list[Item] = [
        Line(margin, foot - FOOT_RULE * k, right, foot - FOOT_RULE * k, "rule", 0.6)
    ]
    x = margin
    if organiser.logo is not None:
        w = min(LOGO * k * organiser.logo.aspect, (right - margin) / 3)
        h = w / organiser.logo.aspect
        items.append(
            Image(Rect(x, LOGO_BOTTOM * k + (LOGO * k - h) / 2, w, h), organiser.logo.path)
        )
        x += w + 6.0 * k
    name = one_line(
        face,
        organiser.name,
        "bold",
        x,
        ORGANISER_TOP * k,
        right - x,
        16.0 * k,
        9.0,
        "text",
        "the organiser's name",
        product,
    )
    items += name.items
    if organiser.tagline:
        tagline = one_line(
            face,
            organiser.tagline,
            "italic",
            x,
            TAGLINE_TOP * k,
            right - x,
            12.0 * k,
            7.0,
            "muted",
            "the tagline",
            product,
        )
        items += tagline.items
    return items
