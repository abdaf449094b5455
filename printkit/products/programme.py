"""The programme sheet: one A4 flyer for a single-session event.

Header band (festival, title, subtitle) → date and venue → two columns: the text and the
questions on the left, the panel, moderator and QR code on the right → the organiser's
footer. When the content is too long, body type shrinks step by step down to a minimum;
if it still does not fit, the build fails saying what overflowed.
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.errors import LayoutError, about
from printkit.layout.flow import Block, fitted_lines, one_line, paragraph
from printkit.layout.items import QR, Box, Document, Image, Item, Line, Note, Page, Text, field_path
from printkit.layout.qr import url_code
from printkit.layout.text import fit_block
from printkit.layout.words import affiliation, date_line, venue_line
from printkit.model.event import Event, Person, Question, Session
from printkit.model.geometry import PAPER, PT, Rect, Size
from printkit.typeset.fonts import Typeface

PRODUCT = "programme"
PAGE = PAPER["A4"]
MARGIN = 16.0
GUTTER = 8.0
SIDEBAR = 60.0
PAD = 5.0  # inside the sidebar panel
FOOTER = 24.0  # organiser block height
BOTTOM = 12.0
QR_SIZE = 40.0  # with quiet zone: a 25-module code's symbol is ≥ 30 mm, for reading at 30 cm
SCALES = tuple(1.0 - 0.025 * i for i in range(9))  # 100 % down to 80 %


@dataclass(frozen=True)
class Type:
    """Type sizes (pt) at one scale."""

    scale: float

    @property
    def body(self) -> float:
        return 10.0 * self.scale

    @property
    def name(self) -> float:
        return 10.5 * self.scale

    @property
    def role(self) -> float:
        return 8.5 * self.scale

    @property
    def heading(self) -> float:
        return 9.0 * self.scale


def layout_programme(event: Event, face: Typeface) -> Document:
    session = event.main
    header, header_bottom = _header(event, session, face)
    info, info_bottom = _info(event, session, face, header_bottom)
    footer = organiser_block(event, face)
    column_top = info_bottom - 7.0
    column_bottom = BOTTOM + FOOTER + 6.0
    available = column_top - column_bottom
    main_width = PAGE.width - 2 * MARGIN - GUTTER - SIDEBAR
    for scale in SCALES:
        kind = Type(scale)
        main = _main_column(session, face, kind, MARGIN, column_top, main_width)
        side = _sidebar(event, session, face, kind, PAGE.width - MARGIN - SIDEBAR, column_top)
        if main.height <= available and side.height <= available:
            break
    else:
        raise LayoutError(
            PRODUCT,
            f"the content does not fit on one A4 page even at {SCALES[-1]:.0%} type: the text and"
            f" questions need {main.height:.0f} mm and the panel {side.height:.0f} mm, but"
            f" {available:.0f} mm are free; shorten the text, the questions or the panel lines",
        )
    sidebar_panel = Box(
        Rect(
            PAGE.width - MARGIN - SIDEBAR, column_bottom, SIDEBAR, column_top - column_bottom + 3.0
        ),
        fill="accent_light",
    )
    items: list[Item] = [*header, *info, sidebar_panel, *main.items, *side.items, *footer]
    qr_rect = Rect(
        PAGE.width - MARGIN - SIDEBAR + (SIDEBAR - QR_SIZE) / 2,
        column_bottom + 9.0,
        QR_SIZE,
        QR_SIZE,
    )
    items.append(QR(qr_rect, url_code(event.url)))
    items.append(
        Text(
            qr_rect.centre[0],
            column_bottom + 5.0,
            event.labels["scan_cta"],
            "regular",
            7.5,
            "text",
            "center",
        )
    )
    for item in items:
        if isinstance(item, Text):
            face.require(item.text, item.style, PRODUCT, "text")
    return Document(
        pages=(Page(PAGE, tuple(items)),),
        title=f"{event.title} – {event.labels['programme']}",
        author=event.organiser.name if event.organiser else "",
        subject=date_line(event, session),
        notes=_notes(session, kind),
    )


def _notes(session: Session, kind: Type) -> tuple[Note, ...]:
    if kind.scale >= 1.0:
        return ()
    key = "text" if session.text else "questions" if session.questions else "panelists"
    return (
        Note(
            field_path(session.path, key),
            f"the programme sets the text, questions and panel at {kind.scale * 100:g} % of their design"
            f" size ({kind.body:g} pt body type instead of {Type(1.0).body:g} pt) to fit the page",
        ),
    )


def band_heading(
    face: Typeface,
    festival: str | None,
    title: str,
    width: float,
    largest: float,
    product: str,
    page: Size = PAGE,
    margin: float = MARGIN,
    field: str = "title",
) -> tuple[list[Item], float]:
    """The top band's words, white: the festival on one line over the title (as large as
    fits, three lines at most). Returns them and how far down they reach. ``field`` is the
    title's field, where an error points."""
    top = page.height - 14.0
    items: list[Item] = []
    if festival:
        with about(None, "festival"):
            block = one_line(
                face,
                festival,
                "bold",
                margin,
                top,
                width,
                10.0,
                7.0,
                "paper",
                "the festival",
                product,
            )
        items += block.items
        top -= block.height + 3.0
    fitted = fit_block(face, title, "bold", width, largest, 15.0, 3)
    if fitted is None:
        raise LayoutError(
            product, f"the title is too long to set in three lines: {title!r}", title, field=field
        )
    block = fitted_lines(fitted.lines, "bold", fitted.size, margin, top, 1.12, "paper")
    return items + list(block.items), top - block.height


def _header(event: Event, session: Session, face: Typeface) -> tuple[list[Item], float]:
    width = PAGE.width - 2 * MARGIN
    title = field_path(session.path, "title")
    items, top = band_heading(
        face, event.festival, session.title, width, 26.0, PRODUCT, field=title
    )
    if session.subtitle:
        top -= 2.5
        with about(None, field_path(session.path, "subtitle")):
            sub = paragraph(
                face, [(session.subtitle, "italic")], MARGIN, top, width, 13.0, 1.3, "paper"
            )
        items += sub.items
        top -= sub.height
    bottom = top - 8.0
    band = Box(Rect(0.0, bottom, PAGE.width, PAGE.height - bottom), fill="accent")
    return [band, *items], bottom


def _info(event: Event, session: Session, face: Typeface, top: float) -> tuple[list[Item], float]:
    width = PAGE.width - 2 * MARGIN
    top -= 6.0
    first = paragraph(
        face, [(date_line(event, session), "bold")], MARGIN, top, width, 13.0, 1.3, "accent"
    )
    top -= first.height + 1.0
    with about(None, field_path(session.path, "venue")):
        second = paragraph(face, [(venue_line(session), "regular")], MARGIN, top, width, 11.0, 1.3)
    top -= second.height + 3.0
    rule = Line(MARGIN, top, PAGE.width - MARGIN, top, "rule", 0.6)
    return [*first.items, *second.items, rule], top


def _main_column(
    session: Session, face: Typeface, kind: Type, x: float, top: float, width: float
) -> Block:
    items: list[Item] = []
    y = top
    gap = 0.55 * kind.body * 1.45 * PT
    for para in session.text:
        with about(None, field_path(session.path, "text")):
            block = paragraph(face, [(para, "regular")], x, y, width, kind.body, 1.45)
        items += block.items
        y -= block.height + gap
    if session.questions:
        y -= gap
    number_width = 7.0
    for i, question in enumerate(session.questions, start=1):
        items.append(Box(Rect(x, y - 5.6 * kind.scale, 1.2, 5.6 * kind.scale), fill="accent"))
        items.append(Text(x + 2.8, y - 0.98 * kind.body * PT, str(i), "bold", kind.body, "accent"))
        spans = (
            [(question.lead + ":", "bold"), (" " + question.text, "regular")]
            if question.lead
            else [(question.text, "regular")]
        )
        path = field_path(session.path, f"questions[{i}]")
        with about(None, _question_field(face, path, question, width - number_width, kind.body)):
            block = paragraph(
                face, spans, x + number_width, y, width - number_width, kind.body, 1.45
            )
        items += block.items
        y -= block.height + gap * 1.3
    return Block(tuple(items), top - y, 0)


def _sidebar(
    event: Event, session: Session, face: Typeface, kind: Type, x: float, top: float
) -> Block:
    items: list[Item] = []
    inner = x + PAD
    width = SIDEBAR - 2 * PAD
    y = top - PAD + 1.0

    def heading(text: str) -> None:
        nonlocal y
        block = paragraph(face, [(text, "bold")], inner, y, width, kind.heading, 1.3, "text")
        items.extend(block.items)
        y -= block.height + 2.0

    def person_entry(person: Person) -> None:
        nonlocal y
        name, line = person.name, affiliation(event, person)
        with about(*person.place("name")):
            block = paragraph(face, [(name, "bold")], inner, y, width, kind.name, 1.25)
        items.extend(block.items)
        y -= block.height + 0.3
        if line:
            key = "organisations" if person.organisations else "title"
            with about(*person.place(key)):
                block = paragraph(
                    face, [(line, "regular")], inner, y, width, kind.role, 1.3, "muted"
                )
            items.extend(block.items)
            y -= block.height
        y -= 2.6 * kind.scale

    for i, (label, group) in enumerate(session.credits(event.labels)):
        y -= 1.5 if i else 0.0
        heading(label)
        for person in group:
            person_entry(person)
    # the QR code and its caption sit at the sidebar's foot
    return Block(tuple(items), top - y + QR_SIZE + 12.0, 0)


def organiser_block(
    event: Event, face: Typeface, page: Size = PAGE, margin: float = MARGIN
) -> list[Item]:
    """The organiser's footer: a rule at ``BOTTOM + FOOTER`` mm, the logo, name and tagline."""
    items: list[Item] = []
    top = BOTTOM + FOOTER
    items.append(Line(margin, top, page.width - margin, top, "rule", 0.6))
    organiser = event.organiser
    if organiser is None:
        return items
    x = margin
    logo_height = FOOTER - 6.0
    if organiser.logo is not None:
        width = min(logo_height * organiser.logo.aspect, 60.0)
        height = width / organiser.logo.aspect
        items.append(
            Image(Rect(x, BOTTOM + (FOOTER - height) / 2 - 1.0, width, height), organiser.logo.path)
        )
        x += width + 6.0
    text_width = page.width - margin - x
    y = top - 5.0
    for text, style, size, colour, field in (
        (event.labels["organiser"], "bold", 7.5, "text", "labels.organiser"),  # small: 100 % K
        (organiser.name, "bold", 11.0, "text", "organiser.name"),
        (organiser.tagline or "", "italic", 9.0, "muted", "organiser.tagline"),
    ):
        if not text:
            continue
        with about(None, field):
            block = paragraph(face, [(text, style)], x, y, text_width, size, 1.25, colour)
        items += block.items
        y -= block.height + 0.8
    return items


def _question_field(
    face: Typeface, path: str, question: Question, width: float, size: float
) -> str:
    """Which part of a question a word too wide for the column is in: its lead or its text."""
    if question.lead and any(
        face.width(word, "bold", size) * PT > width for word in (question.lead + ":").split()
    ):
        return field_path(path, "lead")
    return field_path(path, "text")
