"""event.yaml → a validated, frozen ``Event``.

Every problem is an ``InputError`` naming file, line, column and field path. Paths to files
(logo, fonts) resolve relative to the event file's folder.

Two shapes: one debate, its facts at the top level; or, when the file lists ``sessions:``, a
schedule: the top level holds the event-wide facts, and each session the keys one debate has
at the top level (read by the same functions). A session without ``date`` or ``venue``
inherits the top level's; ``start`` and ``end`` are each session's own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from printkit.errors import InputError, elide, shown
from printkit.lang import labels as label_catalogue
from printkit.lang.i18n import is_known_locale
from printkit.model.event import (
    MAX_OFFSET,
    BadgeBack,
    Duplex,
    Event,
    FallbackFont,
    FontFamily,
    Organiser,
    PdfX,
    Person,
    Press,
    PrinterOffset,
    Question,
    Role,
    Session,
    SheetGeometry,
    SignKind,
    Venue,
)
from printkit.model.geometry import PAPER, Size
from printkit.model.stock import DEFAULT_SHEET, UnknownSheetError, find
from printkit.read.fields import Fields, as_flag, as_list, coerce, fail, scalar_text, suggest
from printkit.read.paths import PathProblem, find_file
from printkit.read.people import (
    BADGE_OPTION_KEYS,
    read_attendees_section,
    read_badge_options,
    read_roles,
)
from printkit.read.programme import read_programme, read_sign_paper
from printkit.read.source import Node, load_file, locations
from printkit.read.timetable import Written, check, mentions

__all__ = ["DEFAULT_SHEET", "build_event", "load_event"]

SESSION_KEYS = (
    "title",
    "subtitle",
    "date",
    "start",
    "end",
    "venue",
    "text",
    "questions",
    "panelists",
    "moderator",
)
EVENT_KEYS = SESSION_KEYS + (
    "language",
    "festival",
    "url",
    "organiser",
    "labels",
    "badges",
    "sign",
    "fonts",
    "press",
    "attendees",
    "roles",
    "programme",
)
#: A schedule's top level: the event-wide keys, and date and venue as defaults for sessions.
SCHEDULE_KEYS = (
    "title",
    "subtitle",
    "text",
    "date",
    "venue",
    "dates",
    "sessions",
) + EVENT_KEYS[len(SESSION_KEYS) :]
PERSON_KEYS = ("name", "title", "organisations", "organisation")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
FONT_SUFFIXES = (".ttf",)

_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", re.IGNORECASE)


def load_event(path: Path, display: str | None = None) -> Event:
    """Read and validate an event file."""
    display = display if display is not None else str(path)
    root = load_file(path, display)
    return build_event(root, path.resolve().parent)


def build_event(root: Node, base: Path) -> Event:
    if root.kind == "mapping" and "sessions" in root.value:
        return _schedule(root, base)
    top = Fields(root, "", EVENT_KEYS + ("sessions",), "the event", listed=EVENT_KEYS)
    language = _language(top)
    session = _session(top, base)
    warnings = check([_written(top, session)], None)
    return _event(
        top, base, language, title=session.title, sessions=(session,), warnings=tuple(warnings)
    )


def _schedule(root: Node, base: Path) -> Event:
    """The event-wide facts at the top level; every session read as one debate's top level."""
    for key in SESSION_KEYS:
        if key not in SCHEDULE_KEYS and key in root.keys:
            raise InputError(
                root.keys[key],
                key,
                f"with sessions:, each session gives its own {key}; move it into the sessions",
            )
    top = Fields(root, "", SCHEDULE_KEYS, "the event")
    language = _language(top)
    title = top.text("title", "name the event or festival the sessions belong to", 300) or ""
    dates = _dates(top)
    written = []
    listed = top.need("sessions", "list the sessions, each with its title, start and end")
    for i, node in enumerate(as_list(listed, "sessions", "sessions"), start=1):
        fields = Fields(node, f"sessions[{i}]", SESSION_KEYS, "a session")
        written.append(_written(fields, _session(fields, base, top), top))
    if not written:
        raise fail(listed, "sessions", "is an empty list; list at least one session")
    event = _event(
        top,
        base,
        language,
        title=title,
        sessions=tuple(w.session for w in written),
        schedule=True,
        subtitle=top.text("subtitle", max_length=300),
        intro=_paragraphs(top),
        dates=dates,
    )
    return replace(event, warnings=tuple(check(written, dates)))


def _event(top: Fields, base: Path, language: str, **shape) -> Event:
    """The keys both shapes share, around the shape's own facts."""
    sides = _badge_sides(top)
    roles = read_roles(top, language)
    listed = read_attendees_section(top, base, roles)
    attendees, attendee_summary, attendee_file = listed.people, listed.summary, listed.path
    url_node = top.need("url", "the QR codes need an address, e.g. https://example.org/event")
    return Event(
        source=base,
        language=language,
        url=_url(url_node, "url"),
        labels=_labels(top, language),
        festival=top.text("festival", max_length=200),
        organiser=_organiser(top, base),
        sheet=_sheet(top),
        offset=_offset(top),
        sign=_sign(top),
        sign_paper=_sign_paper(top),
        programme=read_programme(top),
        fonts=_fonts(top, base),
        press=_press(top, base),
        badge_back=sides[0],
        duplex=sides[1],
        attendees=attendees,
        attendee_summary=attendee_summary,
        attendee_file=attendee_file,
        refused=listed.refused,
        roles=roles,
        badge=read_badge_options(_badges(top), _columns_of(attendees)),
        locations=locations(top.node),
        **shape,
    )


def _dates(top: Fields) -> tuple[dt.date, dt.date] | None:
    """``dates: {from: …, to: …}``: the event's first and last day, framing its sessions."""
    node = top.get("dates")
    if node is None:
        return None
    fields = Fields(node, "dates", ("from", "to"), "dates")
    first = fields.date("from", "give the first day as YYYY-MM-DD, e.g. 2017-06-15")
    last = fields.date("to", "give the last day as YYYY-MM-DD, e.g. 2017-06-18")
    if last < first:
        raise fail(
            fields.need("to", ""),
            "dates.to",
            f"the last day ({last.isoformat()}) is before the first ({first.isoformat()});"
            " check from and to",
        )
    return first, last


def _written(fields: Fields, session: Session, defaults: Fields | None = None) -> Written:
    """The session with where its start, date (perhaps the top level's) and people stand."""
    date = _source(fields, defaults, "date")
    return Written(
        session=session,
        path=fields.path,
        start=fields.need("start", "").where,
        date=(date.need("date", "").where, date.sub("date")),
        people=mentions(fields, session),
    )


def _source(fields: Fields, top: Fields | None, key: str) -> Fields:
    """Where an inherited key is read: the session, unless only the top level gives it."""
    if fields.has(key) or top is None or not top.has(key):
        return fields
    return top


def _columns_of(people: tuple[Person, ...]) -> tuple[str, ...]:
    """The attendee list's other columns (beyond name, title, …), for QR templates."""
    return tuple(dict.fromkeys(header for person in people for header, _ in person.extra))


def _language(top: Fields) -> str:
    node = top.get("language")
    if node is None:
        return label_catalogue.FALLBACK
    tag = scalar_text(node, "language", 35)
    if not is_known_locale(tag):
        raise fail(
            node,
            "language",
            f"{tag!r} is not a language Babel knows; use a code such as da, en, de, sv or nb",
        )
    return tag.replace("-", "_")


def _session(top: Fields, base: Path, defaults: Fields | None = None) -> Session:
    """One debate's keys, at the top level or in ``sessions:`` (``defaults``: the top level,
    whose date and venue a session inherits)."""
    what = "session" if defaults is not None else "event"
    also = ", here or once at the top level for every session" if defaults is not None else ""
    start = top.time("start", 'give the start time as HH:MM, e.g. "14:00"')
    end = top.time("end", 'give the end time as HH:MM, e.g. "15:00"')
    if end <= start:
        node = top.need("end", "")
        raise fail(
            node,
            top.sub("end"),
            f"the {what} ends ({end:%H:%M}) before it starts ({start:%H:%M}); check start and end",
        )
    panelists = _people(top, "panelists", Role.PANELIST)
    moderator_node = top.get("moderator")
    moderator = (
        _person(moderator_node, top.sub("moderator"), Role.MODERATOR) if moderator_node else None
    )
    return Session(
        title=top.text("title", f"every {what} needs a title", max_length=300),
        subtitle=top.text("subtitle", max_length=300),
        date=_source(top, defaults, "date").date(
            "date", f"give the day as YYYY-MM-DD, e.g. 2017-06-15{also}"
        ),
        start=start,
        end=end,
        venue=_venue(_source(top, defaults, "venue"), what, also),
        text=_paragraphs(top),
        questions=_questions(top),
        panelists=panelists,
        moderator=moderator,
    )


def _venue(top: Fields, what: str = "event", also: str = "") -> Venue:
    node = top.need("venue", f"say where the {what} takes place (venue: name, area){also}")
    path = top.sub("venue")
    if node.kind != "mapping":
        return Venue(name=scalar_text(node, path, 200))
    fields = Fields(node, path, ("name", "area", "place"), "venue")
    return Venue(
        name=fields.text("name", "the venue needs a name", max_length=200),
        area=fields.text("area", max_length=40),
        place=fields.text("place", max_length=200),
    )


def _paragraphs(top: Fields) -> tuple[str, ...]:
    """``text`` is one block (paragraphs separated by a blank line) or a list of paragraphs."""
    node = top.get("text")
    if node is None:
        return ()
    blocks = top.texts("text", max_length=20_000, single_line=False)
    paragraphs: list[str] = []
    for block in blocks:
        for para in re.split(r"\n[ \t]*\n", block):
            para = _name(para)  # lines of a paragraph join with a space; U+00A0 stays
            if para:
                paragraphs.append(para)
    return tuple(paragraphs)


def _questions(top: Fields) -> tuple[Question, ...]:
    node = top.get("questions")
    if node is None:
        return ()
    result = []
    for i, item in enumerate(as_list(node, top.sub("questions"), "questions"), start=1):
        path = f"{top.sub('questions')}[{i}]"
        if item.kind != "mapping":
            result.append(Question(lead="", text=scalar_text(item, path, 2000)))
            continue
        fields = Fields(item, path, ("lead", "text"), "a question")
        result.append(
            Question(
                lead=fields.text("lead", max_length=120) or "",
                text=fields.text("text", "every question needs its text", max_length=2000) or "",
            )
        )
    return tuple(result)


def _people(top: Fields, key: str, role: Role) -> tuple[Person, ...]:
    node = top.get(key)
    if node is None:
        return ()
    path = top.sub(key)
    items = as_list(node, path, "people")
    return tuple(_person(item, f"{path}[{i}]", role) for i, item in enumerate(items, start=1))


def _person(node: Node, path: str, role: Role) -> Person:
    if node.kind != "mapping":
        return Person(name=_name(scalar_text(node, path, 200)), role=role, path=path)
    fields = Fields(node, path, PERSON_KEYS, "a person")
    if not fields.has("name"):
        where = node.keys.get("name", node.where)
        raise InputError(where, f"{path}.name", "missing; every person needs a name")
    organisations = fields.texts("organisations", 300) + fields.texts("organisation", 300)
    return Person(
        name=_name(fields.text("name", max_length=200) or ""),
        role=role,
        title=fields.text("title", max_length=200),
        organisations=organisations,
        path=path,
    )


def _name(text: str) -> str:
    """Ordinary spaces folded; a no-break space (U+00A0) inside a name is kept."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


QR_SCHEMES = ("http", "https", "mailto", "tel")


def _url(node: Node, path: str) -> str:
    """An address a QR code may carry: http(s) with a host, mailto: or tel:."""
    url = scalar_text(node, path, 1000)
    scheme, colon, rest = url.partition(":")
    scheme = scheme.lower()
    if not colon or not re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme):
        raise fail(
            node,
            path,
            f"{shown(url)} is not a full address; write it with its scheme, e.g. https://{elide(url.strip('/'))}",
        )
    if scheme not in QR_SCHEMES:
        raise fail(
            node,
            path,
            f"{shown(url)} uses the scheme {elide(scheme, 20)}:, but a QR code may only carry"
            " http, https, mailto or tel addresses",
        )
    if any(c.isspace() for c in url):
        raise fail(node, path, f"{shown(url)} contains a space; encode it as %20")
    if scheme in ("http", "https") and not _URL.match(url):
        raise fail(node, path, f"{shown(url)} is not a web address; write it as https://host/path")
    if scheme in ("http", "https") and "@" in re.split(r"[/?#]", rest.lstrip("/"), maxsplit=1)[0]:
        raise fail(
            node,
            path,
            f"{shown(url)} has a user name before '@', which hides the real host"
            " (after the '@') from whoever scans the code; remove it",
        )
    return url


def _labels(top: Fields, language: str) -> dict[str, str]:
    node = top.get("labels")
    overrides: dict[str, str] = {}
    if node is not None:
        fields = Fields(node, "labels", label_catalogue.KEYS, "labels")
        for key in node.value:
            value = fields.text(key, max_length=200)
            if value is not None:
                overrides[key] = value
        for key, names in label_catalogue.PLACEHOLDERS.items():
            if key in overrides:
                _check_glue(fields.need(key, ""), f"labels.{key}", overrides[key], names)
    return label_catalogue.labels_for(language, overrides)


def _check_glue(node: Node, path: str, glue: str, names: tuple[str, ...]) -> None:
    try:
        glue.format(**dict.fromkeys(names, ""))
    except (KeyError, IndexError, ValueError):
        which = " and ".join(f"{{{name}}}" for name in names)
        plural = "s" if len(names) > 1 else ""
        raise fail(node, path, f"may only use the placeholder{plural} {which}") from None


def _organiser(top: Fields, base: Path) -> Organiser | None:
    node = top.get("organiser")
    if node is None:
        return None
    if node.kind != "mapping":
        return Organiser(name=scalar_text(node, "organiser", 200))
    fields = Fields(node, "organiser", ("name", "tagline", "logo"), "organiser")
    logo_node = fields.get("logo")
    return Organiser(
        name=fields.text("name", "the organiser needs a name", max_length=200) or "",
        tagline=fields.text("tagline", max_length=300),
        logo=_image(logo_node, "organiser.logo", base) if logo_node else None,
    )


def _image(node: Node, path: str, base: Path) -> Path:
    """An image file that can be placed: found, and read through (a broken one fails here,
    at its line, rather than while the PDF is drawn)."""
    from printkit.read import images  # Pillow and svglib load only for an event with a logo

    file = _file(node, path, base, IMAGE_SUFFIXES, "logo")
    problem = images.problem(file)
    if problem is not None:
        raise fail(node, path, f"{file.name}: {problem}")
    return file


def _file(node: Node, path: str, base: Path, suffixes: tuple[str, ...], what: str) -> Path:
    name = scalar_text(node, path, 1000)
    if Path(name).suffix.lower() not in suffixes:
        raise fail(
            node,
            path,
            f"{shown(name)}: a {what} must be a {_kinds(suffixes)} file",
        )
    try:
        return find_file(base, name, f"{what} file")
    except PathProblem as problem:
        raise fail(node, path, problem.problem) from None


def _kinds(suffixes: tuple[str, ...]) -> str:
    names = [s.lstrip(".").upper() for s in suffixes]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _fonts(top: Fields, base: Path) -> FontFamily | None:
    """Your own family (``regular``, ``bold``, ``italic``, ``bold_italic``; missing styles use
    the regular), and/or ``fallback``: fonts for the characters the family lacks, in order."""
    node = top.get("fonts")
    if node is None:
        return None
    styles = ("regular", "bold", "italic", "bold_italic")
    fields = Fields(node, "fonts", (*styles, "fallback"), "fonts")
    from printkit.typeset.fonts import bundled_family  # fonts parse TrueType; import it late

    fallback_node = fields.get("fallback")
    fallback = _fallback_fonts(fallback_node, base) if fallback_node else ()
    if fields.has("regular") or fallback_node is None or any(map(fields.has, styles[1:])):
        regular = _font_file(
            fields.need("regular", "name the regular font file (.ttf), or fallback fonts"),
            "fonts.regular",
            base,
        )
    else:  # only fallback fonts: they back up the bundled family
        bundled = bundled_family()
        return FontFamily(**{s: getattr(bundled, s) for s in styles}, fallback=fallback)
    paths = {"regular": regular}
    for style in styles[1:]:
        sub = fields.get(style)
        paths[style] = _font_file(sub, f"fonts.{style}", base) if sub else regular
    return FontFamily(**paths, fallback=fallback)


def _fallback_fonts(node: Node, base: Path) -> tuple[FallbackFont, ...]:
    """``fallback``: a list whose entries are a .ttf file, or ``{regular: …, bold: …}``."""
    result = []
    for i, item in enumerate(as_list(node, "fonts.fallback", "font files"), start=1):
        path = f"fonts.fallback[{i}]"
        if item.kind != "mapping":
            result.append(FallbackFont(_font_file(item, path, base)))
            continue
        fields = Fields(item, path, ("regular", "bold"), "a fallback font")
        need = fields.need("regular", "name its regular font file (.ttf)")
        regular = _font_file(need, f"{path}.regular", base)
        bold_node = fields.get("bold")
        bold = _font_file(bold_node, f"{path}.bold", base) if bold_node else None
        result.append(FallbackFont(regular, bold))
    return tuple(result)


def _font_file(node: Node, path: str, base: Path) -> Path:
    """A font file that exists and that ReportLab can use (TrueType outlines)."""
    from printkit.typeset.fonts import check_font_file  # fonts parse TrueType; import it late

    file = _file(node, path, base, FONT_SUFFIXES, "font")
    problem = check_font_file(file)
    if problem:
        raise fail(node, path, problem)
    return file


def _press(top: Fields, base: Path) -> Press | None:
    """``press: true`` (3 mm bleed and marks), ``false``, or ``{bleed: "0.125 in", marks: false}``."""
    node = top.get("press")
    if node is None:
        return None
    if node.kind != "mapping":
        return Press() if as_flag(node, "press") else None
    fields = Fields(node, "press", ("bleed", "marks", "pdfx"), "press")
    pdfx_node = fields.get("pdfx")
    return Press(
        bleed=fields.length("bleed", 3.0, 0.0, 20.0),
        marks=fields.flag("marks", True),
        pdfx=_pdfx(pdfx_node, base) if pdfx_node else None,
    )


def _pdfx(node: Node, base: Path) -> PdfX:
    fields = Fields(node, "press.pdfx", ("profile", "condition", "info"), "press.pdfx")
    profile = fields.need("profile", "name the printing condition's CMYK ICC profile (.icc)")
    return PdfX(
        profile=_file(profile, "press.pdfx.profile", base, (".icc", ".icm"), "ICC profile"),
        condition=fields.text("condition", "give the condition identifier, e.g. FOGRA39", 100)
        or "",
        info=fields.text("info", max_length=200),
    )


def _sign(top: Fields) -> SignKind | None:
    """The sign asked for; None when the file does not say (see ``Event.sign``)."""
    node = top.get("sign")
    if node is None:
        return None
    if node.kind == "mapping":
        fields = Fields(node, "sign", ("kind", "paper"), "sign")
        return fields.choice("kind", SignKind, None)
    return coerce(node, "sign", SignKind)


def _sign_paper(top: Fields) -> str | None:
    node = top.get("sign")
    if node is None or node.kind != "mapping":
        return None
    kind = _sign(top)
    return read_sign_paper(Fields(node, "sign", ("kind", "paper"), "sign"), kind and kind.value)


BADGE_KEYS = ("sheet", "offset", "back", "duplex", *BADGE_OPTION_KEYS)
SHEET_KEYS = (
    "preset",
    "paper",
    "width",
    "height",
    "columns",
    "rows",
    "left",
    "top",
    "pitch_x",
    "pitch_y",
    "radius",
)


def _badges(top: Fields) -> Fields | None:
    node = top.get("badges")
    return None if node is None else Fields(node, "badges", BADGE_KEYS, "badges")


def _badge_sides(top: Fields) -> tuple[BadgeBack, Duplex]:
    """``badges.back`` and ``badges.duplex``; a foldable badge always has a back."""
    badges = _badges(top)
    if badges is None:
        return BadgeBack.NONE, Duplex.LONG_EDGE
    back = badges.choice("back", BadgeBack, BadgeBack.NONE)
    duplex = badges.choice("duplex", Duplex, Duplex.LONG_EDGE)
    if duplex is Duplex.FOLD and back is BadgeBack.NONE:
        back = BadgeBack.INFO
    return back, duplex


def _sheet(top: Fields) -> SheetGeometry:
    """``badges.sheet``: a preset's name, or a mapping of geometry that may start from one."""
    badges = _badges(top)
    node = badges.get("sheet") if badges else None
    if node is None:
        return DEFAULT_SHEET
    if node.kind != "mapping":
        return _preset(node, "badges.sheet")
    sheet = Fields(node, "badges.sheet", SHEET_KEYS, "the badge sheet")
    preset_node = sheet.get("preset")
    base = _preset(preset_node, "badges.sheet.preset") if preset_node else None
    d = base or DEFAULT_SHEET
    width = sheet.length("width", d.label.width, 20, 400)
    height = sheet.length("height", d.label.height, 20, 400)
    changed = [key for key in SHEET_KEYS[1:] if sheet.has(key)]
    if base is None:
        name = "custom"
    else:
        name = f"{base.name} (adjusted: {', '.join(changed)})" if changed else base.name
    geometry = SheetGeometry(
        name=name,
        paper=_paper(sheet, d.paper),
        label=Size(width, height),
        columns=sheet.integer("columns", d.columns, 1, 20),
        rows=sheet.integer("rows", d.rows, 1, 40),
        left=sheet.length("left", d.left, 0, 500),
        top=sheet.length("top", d.top, 0, 500),
        # a preset's labels stay where the stock has them; a sheet from scratch abuts
        pitch_x=sheet.length("pitch_x", base.pitch_x if base else width, 1, 500),
        pitch_y=sheet.length("pitch_y", base.pitch_y if base else height, 1, 500),
        corner_radius=sheet.length("radius", d.corner_radius, 0, min(width, height) / 2),
    )
    _check_sheet(node, geometry)
    return geometry


def _preset(node: Node, path: str) -> SheetGeometry:
    name = scalar_text(node, path, 100)
    try:
        return find(name).sheet
    except UnknownSheetError as exc:
        raise fail(node, path, exc.message()) from None


def _paper(sheet: Fields, default: Size) -> Size:
    node = sheet.get("paper")
    if node is None:
        return default
    name = scalar_text(node, "badges.sheet.paper", 20)
    match = {k.lower(): k for k in PAPER}.get(name.lower())
    if match is None:
        raise fail(
            node,
            "badges.sheet.paper",
            f"{name!r} is not one of {', '.join(PAPER)}{suggest(name, PAPER)}",
        )
    return PAPER[match]


def _offset(top: Fields) -> PrinterOffset:
    """``badges.offset``: the printer's correction in mm, x to the right and y down the sheet."""
    badges = _badges(top)
    node = badges.get("offset") if badges else None
    if node is None:
        return PrinterOffset()
    offset = Fields(node, "badges.offset", ("x", "y"), "the printer offset")
    return PrinterOffset(
        x=offset.length("x", 0.0, -MAX_OFFSET, MAX_OFFSET),
        y=offset.length("y", 0.0, -MAX_OFFSET, MAX_OFFSET),
    )


def _check_sheet(node: Node, g: SheetGeometry) -> None:
    if g.pitch_x < g.label.width or g.pitch_y < g.label.height:
        raise fail(
            node,
            "badges.sheet",
            "the pitch is smaller than the badge, so badges would overlap; pitch_x ≥ width and pitch_y ≥ height",
        )
    right = g.left + (g.columns - 1) * g.pitch_x + g.label.width
    bottom = g.top + (g.rows - 1) * g.pitch_y + g.label.height
    if right > g.paper.width + 1e-6 or bottom > g.paper.height + 1e-6:
        raise fail(
            node,
            "badges.sheet",
            f"the badges reach {right:g} × {bottom:g} mm but the paper is {g.paper.width:g} × {g.paper.height:g} mm;"
            " reduce columns, rows, offsets or pitch",
        )
