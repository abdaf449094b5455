"""What a sign's QR code carries for one session: the session's own page (a pretalx talk's
URL), the event's address, or — with ``sign: {qr: calendar}`` — the session itself as a
``BEGIN:VEVENT`` that phone cameras offer to add to the calendar."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from printkit.layout.words import room
from printkit.model.event import Event, Session


def session_code(event: Event, session: Session) -> str:
    """The text of the session's sign code."""
    if event.sign_code == "calendar":
        return vevent(event, session)
    return session.url or event.url


def own_code(event: Event, session: Session) -> str | None:
    """A session's own code among others (a door poster's row): its page, or itself with
    ``qr: calendar``; None when it has neither (the programme's code speaks for it) and for a
    kind that gets no sign (a break)."""
    if not event.kind(session).sign:
        return None
    return vevent(event, session) if event.sign_code == "calendar" else session.url


def own_codes(event: Event) -> bool:
    """Whether some session has its own code on the door posters (``own_code``)."""
    if event.sign_code == "calendar":
        return any(event.kind(s).sign for s in event.sessions)
    return any(s.url and event.kind(s).sign for s in event.sessions)


def code_cta(event: Event, session: Session) -> str:
    """The words under the code, saying what it gives."""
    if event.sign_code == "calendar":
        return event.labels["calendar_cta"]
    return event.labels["session_cta" if session.url else "sign_cta"]


def local(event: Event, session: Session, *, end: bool = False) -> dt.datetime:
    """When the session starts (or ``end``s), in the event's zone (floating without one)."""
    moment = session.ends if end else dt.datetime.combine(session.date, session.start)
    if event.timezone:
        return moment.replace(tzinfo=zoneinfo.ZoneInfo(event.timezone))
    return moment


def vevent(event: Event, session: Session) -> str:
    """One session as a bare ``BEGIN:VEVENT`` … ``END:VEVENT``, for a QR code: the facts a
    phone needs to add it (no DTSTAMP or VTIMEZONE, which the code has no room for; times in
    UTC when the zone is known, else floating)."""
    import icalendar  # as output.calendar does: loaded for a calendar code, not for --help

    item = icalendar.Event()
    item.add("summary", session.title)
    for name, end in (("dtstart", False), ("dtend", True)):
        moment = local(event, session, end=end)
        item.add(name, moment.astimezone(dt.UTC) if moment.tzinfo else moment)
    item.add("location", room(session.venue))
    if session.url:
        item.add("url", session.url)
    return item.to_ical().decode("utf-8").replace("\r\n", "\n").strip()
