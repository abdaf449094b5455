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
from dataclasses import replace
from pathlib import Path

from printkit.errors import InputError, Location, shown
from printkit.lang import labels as label_catalogue
from printkit.lang.i18n import is_known_locale
from printkit.model.event import Event, InputFile, Person, Session, SignKind, Venue
from printkit.model.stock import DEFAULT_SHEET
from printkit.read.badge_options import read_badge_options
from printkit.read.badges import badges_section, read_badge_sides, read_offset, read_sheet
from printkit.read.fields import Fields, as_list, coerce, fail, scalar_text
from printkit.read.files import read_fonts, read_organiser, read_press
from printkit.read.kinds import in_every_room, read_conference, session_facts
from printkit.read.paths import naming
from printkit.read.people import read_attendees_section, read_roles
from printkit.read.programme import read_programme_options, read_sign_paper
from printkit.read.rooms import LISTED, Named, listed_rooms, place_rooms
from printkit.read.session import inherited, on_the_clock, paragraphs, read_session, read_venue
from printkit.read.source import Node, load_file, locations
from printkit.read.timetable import Written, check, mentions
from printkit.read.urls import MAX_URL, url_problem

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
    "kind",
    "speakers",
    "track",
)
#: A session in ``sessions:`` may also name the language it is held in and its own page.
OWN_SESSION_KEYS = SESSION_KEYS + ("language", "url")
#: The programme's event-wide facts (``printkit.read.kinds``).
PROGRAMME_KEYS = ("kinds", "tracks", "timezone")
#: ``sign:`` as a mapping; ``qr`` is what a session's sign code carries (``layout.codes``)
SIGN_KEYS = ("kind", "paper", "qr")
SIGN_CODES = ("url", "calendar")
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
    *PROGRAMME_KEYS,
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
    "schedule",
) + EVENT_KEYS[len(SESSION_KEYS) :]


def load_event(path: Path, display: str | None = None) -> Event:
    """Read and validate an event file."""
    display = display if display is not None else str(path)
    root = load_file(path, display)
    with naming() as named:
        event = build_event(root, path.resolve().parent)
    itself = InputFile(path, Location(display), "", str(path))
    return replace(event, inputs=(itself, *named))


def build_event(root: Node, base: Path) -> Event:
    if root.kind == "mapping" and ("sessions" in root.value or "schedule" in root.value):
        return _schedule(root, base)
    top = Fields(root, "", EVENT_KEYS + ("sessions",), "the event", listed=EVENT_KEYS)
    language = _language(top)
    conference = read_conference(top, language, _labels(top, language))
    session = session_facts(top, read_session(top, base), conference)
    warnings = on_the_clock(top, session, conference.timezone)
    warnings += check([_written(top, session)], None)
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
    conference = read_conference(top, language, _labels(top, language))
    written, clock = [], []
    lists: dict[int, tuple[Named, ...]] = {}
    file_node = top.get("schedule")
    listed = top.get("sessions") if file_node else top.need("sessions", "list the sessions")
    for i, node in enumerate(as_list(listed, "sessions", "sessions") if listed else [], 1):
        fields = Fields(node, f"sessions[{i}]", OWN_SESSION_KEYS, "a session")
        everywhere = in_every_room(fields, conference.kinds)
        named = listed_rooms(fields, conference.kinds)
        if named:  # a break in the rooms it lists, found once every session is read
            lists[len(written)] = named
        session = read_session(fields, base, top, everywhere or bool(named))
        if named:
            session = replace(session, everywhere=False, venue=LISTED, rooms=(LISTED,))
        session = session_facts(fields, _own(fields, session), conference)
        clock += on_the_clock(fields, session, conference.timezone)
        written.append(_written(fields, session, top))
    if listed is not None and not written:
        raise fail(listed, "sessions", "is an empty list; list at least one session")
    if file_node:  # the schedule file's readers (ICS, CSV, XLSX, exports) load for one
        from printkit.read.schedule import read_schedule_section

        found = read_schedule_section(file_node, base, conference, written)
    else:
        found = None
    if found is not None:
        written += found.sessions
    written = place_rooms(_breaks(written, top, _labels(top, language)["every_room"]), lists)
    event = _event(
        top,
        base,
        language,
        title=title,
        sessions=tuple(w.session for w in written),
        schedule=True,
        subtitle=top.text("subtitle", max_length=300),
        intro=paragraphs(top),
        dates=dates,
    )
    warnings = [*clock, *(found.warnings if found else ()), *check(written, dates)]
    if found is not None:
        tracks, zone = event.tracks + found.tracks, found.zone
        places = {path: at for w in found.sessions for path, at in w.places.items()}
        event = replace(
            event,
            tracks=tracks,
            timezone=zone,
            schedule_file=found.file,
            locations={**event.locations, **places},
        )
    return replace(event, warnings=tuple(warnings))


#: why a break without a venue needs the top level's, when there are not two rooms to span
ALONE = ", once at the top level (a break spans every room only when there are two or more)"


def _breaks(written: list[Written], top: Fields, label: str) -> list[Written]:
    """A break with no venue of its own is in every room ("All rooms") when the programme
    has two rooms or more; else in its one room, the top level's venue first."""
    rooms = {
        w.session.venue.key: w.session.venue
        for w in written
        if not w.session.everywhere and not w.session.rooms
    }
    if not any(w.session.everywhere for w in written):
        return written
    if len(rooms) >= 2:
        venue, everywhere = Venue(name=label), True
    elif top.has("venue") or not rooms:
        venue, everywhere = read_venue(top, "session", ALONE), False
    else:
        venue, everywhere = next(iter(rooms.values())), False
    return [
        replace(w, session=replace(w.session, venue=venue, everywhere=everywhere))
        if w.session.everywhere
        else w
        for w in written
    ]


def _own(fields: Fields, session: Session) -> Session:
    """A session's own language and page, which one debate takes from the top level."""
    url = fields.get("url")
    language = fields.get("language")
    return replace(
        session,
        url=_url(url, fields.sub("url")) if url else None,
        language=_language(fields) if language else None,
    )


def _event(top: Fields, base: Path, language: str, **shape) -> Event:
    """The keys both shapes share, around the shape's own facts."""
    sides = read_badge_sides(top)
    roles = read_roles(top, language)
    listed = read_attendees_section(top, base, roles, language)
    attendees, attendee_summary, attendee_file = listed.people, listed.summary, listed.path
    url_node = top.need("url", "the QR codes need an address, e.g. https://example.org/event")
    labels = _labels(top, language)
    conference = read_conference(top, language, labels)
    return Event(
        source=base,
        language=language,
        url=_url(url_node, "url"),
        labels=labels,
        festival=top.text("festival", max_length=200),
        organiser=read_organiser(top, base),
        sheet=read_sheet(top, base),
        offset=read_offset(top),
        sign=_sign(top),
        sign_paper=_sign_paper(top),
        programme=read_programme_options(top),
        sign_code=_sign_code(top),
        fonts=read_fonts(top, base),
        press=read_press(top, base),
        badge_back=sides[0],
        duplex=sides[1],
        attendees=attendees,
        attendee_summary=attendee_summary,
        attendee_file=attendee_file,
        refused=listed.refused,
        roles=roles,
        badge=read_badge_options(badges_section(top), _columns_of(attendees)),
        locations=locations(top.node),
        kinds=conference.kinds,
        tracks=conference.tracks,
        timezone=conference.timezone,
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
    date = inherited(fields, defaults, "date")
    return Written(
        session=session,
        path=fields.path,
        start=fields.need("start", "").where,
        date=(date.need("date", "").where, date.sub("date")),
        people=mentions(fields, session),
    )


def _columns_of(people: tuple[Person, ...]) -> tuple[str, ...]:
    """The attendee list's other columns (beyond name, title, …), for QR templates."""
    return tuple(dict.fromkeys(header for person in people for header, _ in person.extra))


def _language(top: Fields) -> str:
    node = top.get("language")
    if node is None:
        return label_catalogue.FALLBACK
    tag = scalar_text(node, top.sub("language"), 35)
    if not is_known_locale(tag):
        raise fail(
            node,
            top.sub("language"),
            f"{tag!r} is not a language Babel knows; use a code such as da, en, de, sv or nb",
        )
    return tag.replace("-", "_")


def _url(node: Node, path: str) -> str:
    """An address a QR code may carry (``printkit.read.urls``)."""
    url = scalar_text(node, path, MAX_URL)
    problem = url_problem(url)
    if problem is not None:
        raise fail(node, path, problem)
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
    which = " and ".join(f"{{{name}}}" for name in names)
    plural = "s" if len(names) > 1 else ""
    try:
        used = label_catalogue.placeholders(glue)
    except label_catalogue.LabelError as exc:
        raise fail(
            node,
            path,
            f"{shown(str(exc), 30)} is not a placeholder; a label may use only {which}, bare"
            " (no format spec, no '.' or '[…]'); write '{{' and '}}' for a brace",
        ) from None
    if not used <= set(names):
        raise fail(node, path, f"may only use the placeholder{plural} {which}")


def _sign(top: Fields) -> SignKind | None:
    """The sign asked for; None when the file does not say (see ``Event.sign``)."""
    node = top.get("sign")
    if node is None:
        return None
    if node.kind == "mapping":
        fields = Fields(node, "sign", SIGN_KEYS, "sign")
        return fields.choice("kind", SignKind, None)
    return coerce(node, "sign", SignKind)


def _sign_paper(top: Fields) -> str | None:
    node = top.get("sign")
    if node is None or node.kind != "mapping":
        return None
    kind = _sign(top)
    return read_sign_paper(Fields(node, "sign", SIGN_KEYS, "sign"), kind and kind.value)


def _sign_code(top: Fields) -> str:
    """``sign: {qr: url | calendar}``: what a session's sign code carries (``layout.codes``)."""
    node = top.get("sign")
    qr = node.value.get("qr") if node is not None and node.kind == "mapping" else None
    if qr is None:
        return "url"
    value = scalar_text(qr, "sign.qr", 20).strip().lower()
    if value not in SIGN_CODES:
        raise fail(qr, "sign.qr", f"{value!r} is not one of {', '.join(SIGN_CODES)}")
    return value
