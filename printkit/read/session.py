"""One session's keys (one debate at the top level, or an item of ``sessions:``) → ``Session``:
its title, times, venue, text, questions, panel and moderator, each located."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from printkit.errors import InputError, InputWarning
from printkit.model.event import Person, Question, Role, Session, Venue
from printkit.read.fields import Fields, as_list, fail, scalar_text
from printkit.read.source import Node
from printkit.read.wallclock import change

PERSON_KEYS = ("name", "title", "organisations", "organisation")


#: a break's venue in every room until the event's labels word it
EVERY_ROOM = Venue(name="")


def inherited(fields: Fields, top: Fields | None, key: str) -> Fields:
    """Where an inherited key is read: the session, unless only the top level gives it."""
    if fields.has(key) or top is None or not top.has(key):
        return fields
    return top


def read_session(
    top: Fields, base: Path, defaults: Fields | None = None, everywhere: bool = False
) -> Session:
    """One debate's keys, at the top level or in ``sessions:`` (``defaults``: the top level,
    whose date and venue a session inherits). ``everywhere``: a break with no venue of its
    own, in every room (its venue is named by ``read.event``)."""
    what = "session" if defaults is not None else "event"
    also = ", here or once at the top level for every session" if defaults is not None else ""
    start = top.time("start", 'give the start time as HH:MM, e.g. "14:00"')
    end = top.time("end", 'give the end time as HH:MM, e.g. "15:00"', midnight=True)
    if end == start or (end < start and end != dt.time()):  # 00:00: it ends at midnight
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
        date=inherited(top, defaults, "date").date(
            "date", f"give the day as YYYY-MM-DD, e.g. 2017-06-15{also}"
        ),
        start=start,
        end=end,
        venue=EVERY_ROOM
        if everywhere
        else read_venue(inherited(top, defaults, "venue"), what, also),
        everywhere=everywhere,
        text=paragraphs(top),
        questions=_questions(top),
        panelists=panelists,
        moderator=moderator,
        speakers=_people(top, "speakers", Role.SPEAKER),
        path=top.path,
    )


def on_the_clock(fields: Fields, session: Session, zone: str | None) -> list[InputWarning]:
    """The session's start and end on a night the clocks change in ``zone``: a time they
    skip is refused where it stands; one they repeat is read as the first, with a warning."""
    found = []
    for key, time in (("start", session.start), ("end", session.end)):
        moment = dt.datetime.combine(session.date, time)
        jump = change(moment, zone) if zone else None
        if jump is None:
            continue
        if jump.gap:
            raise fail(fields.need(key, ""), fields.sub(key), jump.missing(moment))
        found.append(InputWarning(fields.need(key, "").where, fields.sub(key), jump.twice(moment)))
    return found


def read_venue(top: Fields, what: str = "event", also: str = "") -> Venue:
    """``venue``: a name, or a mapping of its name, area code and place."""
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


def paragraphs(top: Fields) -> tuple[str, ...]:
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
