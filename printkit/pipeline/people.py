"""Who gets a badge, in which order: the event's people and the attendee list merged without
duplicates, sorted (as given, by last name with the language's collation, or by role) and
filtered (``--only role=staff``)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from printkit.errors import InputError, Location, suggest
from printkit.model.event import Event, Person, Role, SortOrder
from printkit.model.rows import lookup

FILTER_KEYS = ("role", "name", "organisation", "ticket_id", "email")


def key(name: str) -> str:
    """Two spellings of one name compare equal: NFC, spaces folded, case folded (as
    ``Person.key``)."""
    return Person(name=name, role="").key


def own_people(event: Event) -> tuple[Person, ...]:
    """The event file's people, each once across all sessions (by name, whatever its case):
    panelists before moderators, each in order of first appearance. Someone on any panel
    gets a panelist's badge, with the title and organisations of the first mention giving any."""
    mentions: dict[str, list[Person]] = {}
    for session in event.sessions:
        for person in session.people:
            mentions.setdefault(key(person.name), []).append(person)
    people = [_one_badge(group) for group in mentions.values()]
    return tuple(p for p in people if p.role == Role.PANELIST) + tuple(
        p for p in people if p.role != Role.PANELIST
    )


def _one_badge(mentions: list[Person]) -> Person:
    first = mentions[0]
    details = next((p for p in mentions if p.title or p.organisations), first)
    panelist = any(p.role == Role.PANELIST for p in mentions)
    return replace(details, name=first.name, role=Role.PANELIST if panelist else first.role)


def merged(event: Event) -> tuple[Person, ...]:
    result: list[Person] = list(own_people(event))
    index = {key(p.name): i for i, p in enumerate(result)}
    own = dict(index)  # only the event's own people are merged; two listed people who share a
    for person in event.attendees:  # name are two people (two tickets), and get two badges
        at = own.get(key(person.name))
        if at is None:
            result.append(person)
        else:  # already on the panel: keep the event's facts, add the list's
            known = result[at]
            result[at] = replace(
                known,
                first_name=known.first_name or person.first_name,
                last_name=known.last_name or person.last_name,
                pronouns=known.pronouns or person.pronouns,
                email=known.email or person.email,
                ticket_id=known.ticket_id or person.ticket_id,
                extra=known.extra or person.extra,
                title=known.title or person.title,
                organisations=known.organisations or person.organisations,
                origin=known.origin or person.origin,
                language=known.language or person.language,
            )
    return tuple(result)


def merged_count(event: Event) -> int:
    own = {key(p.name) for s in event.sessions for p in s.people}
    return sum(1 for p in event.attendees if key(p.name) in own)


def family_name(person: Person) -> str:
    """The name to sort by: the last-name column when the list has one, else the last word."""
    if person.last_name:
        return person.last_name
    words = person.name.split()
    return words[-1] if words else person.name


@cache
def _collator(language: str):
    import icu

    return icu.Collator.createInstance(icu.Locale(language.replace("-", "_")))


def collation_key(text: str, language: str) -> bytes:
    """Sort key in the language's alphabet: in Danish Æ, Ø and Å come after Z."""
    return _collator(language).getSortKey(text)


def badge_people(event: Event) -> tuple[Person, ...]:
    if event.only:
        check_filters(event.people, event.only)
    people = tuple(p for p in event.people if _selected(p, event.only))
    order = event.badge.sort
    if order is SortOrder.AS_GIVEN:
        return people
    language = event.language

    def by_name(person: Person) -> tuple[bytes, bytes]:
        return (collation_key(family_name(person), language), collation_key(person.name, language))

    if order is SortOrder.LAST_NAME:
        return tuple(sorted(people, key=by_name))
    rank = {role: i for i, role in enumerate(event.roles)}
    return tuple(sorted(people, key=lambda p: (rank.get(p.role, len(rank)), *by_name(p))))


def _selected(person: Person, only: tuple[tuple[str, str], ...]) -> bool:
    """Every filter key must match; several values for one key are alternatives. The name,
    organisation, e-mail and ticket match a part (name=Jensen); a role, or any column of the
    list by its header (``Product=Speaker pass``), matches whole, case and spacing aside."""
    by_key: dict[str, list[str]] = {}
    for field, value in only:
        by_key.setdefault(field, []).append(key(value))
    values = person.values()
    for field, wanted in by_key.items():
        have = key(lookup(values, field) or "")
        if field in FILTER_KEYS and field != "role":
            if not any(w in have for w in wanted):
                return False
        elif have not in wanted:
            return False
    return True


def check_filters(people: tuple[Person, ...], only: tuple[tuple[str, str], ...]) -> None:
    """Every filter key is a field or a column of the list; else say which there are."""
    known = dict.fromkeys(FILTER_KEYS)
    for person in people:
        known.update(dict.fromkeys(h for h, _ in person.extra))
    for field, _ in only:
        if lookup({k: k for k in known}, field) is None:
            raise InputError(
                Location("--only"),
                "",
                f"{field!r} is neither a field ({', '.join(FILTER_KEYS)}) nor a column of the"
                f" attendee list{suggest(field, known)}",
            )


def parse_filters(texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``role=staff`` → ("role", "staff"); a bad one raises with what to write."""
    result = []
    for text in texts:
        field, eq, value = text.partition("=")
        field = field.strip()
        if field.lower() in FILTER_KEYS:
            field = field.lower()
        if not eq or not value.strip() or not field:
            raise InputError(
                Location("--only"),
                "",
                f"{text!r}: write a filter as KEY=VALUE, e.g. role=staff or name=Jensen",
            )
        result.append((field, value.strip()))
    return tuple(result)


def personal_payload(person: Person, template: str | None, vcard: bool) -> str:
    """What a person's own QR code carries: the URL template filled with their values
    (each URL-encoded), or a vCard 3.0 with name, e-mail, organisation and title."""
    return personal_payloads(person, template, vcard)[0]


def personal_payloads(person: Person, template: str | None, vcard: bool) -> tuple[str, ...]:
    """The payloads the person's code may carry, the fullest first: the URL, or the vCard and
    then its shorter forms (``vcard_texts``) for a badge that cannot give the full one a code
    large enough to read from a phone held at a normal distance."""
    if vcard:
        return vcard_texts(person)
    from string import Formatter
    from urllib.parse import quote

    values = person.values()
    parts = []
    for literal, field, _spec, _conv in Formatter().parse(template or ""):
        parts.append(literal)
        if field is None:
            continue
        value = lookup(values, field)
        if value is None and person.origin is None:
            raise MissingValue(field)  # a list's column: the event file's people lack it
        if value is None:
            known = ", ".join(sorted(values))
            raise InputError(
                person.origin.where if person.origin else Location("event.yaml"),
                "badges.qr.url",
                f"the template uses {{{field}}}, which is not a column of the list{suggest(field, values)} (known: {known})",
            )
        if not value:
            if person.origin is None:
                raise MissingValue(field)
            raise InputError(
                person.origin.where,
                f"row {person.origin.row}",
                f"{person.name!r} has no {field}, which the badge's QR code needs; fill it in or drop the QR code",
            )
        parts.append(quote(value, safe=""))
    return ("".join(parts),)


class MissingValue(LookupError):
    """A person from the event file lacks a value the QR template needs: no personal code."""


def payload_or_none(person: Person, template: str | None, vcard: bool) -> str | None:
    """The person's code, or None for someone from the event file (not the list) who lacks
    a value the template needs: they get a badge without a personal code, and a warning."""
    payloads = payloads_or_none(person, template, vcard)
    return payloads[0] if payloads else None


def payloads_or_none(person: Person, template: str | None, vcard: bool) -> tuple[str, ...] | None:
    """``personal_payloads``, or None as ``payload_or_none`` says."""
    try:
        return personal_payloads(person, template, vcard)
    except MissingValue:
        return None


def _v(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


#: What a personal vCard leaves out, in this order, when the full card's code cannot be set
#: large enough on the badge to read from a phone at a normal distance: the title, then the
#: organisation (the badge still shows both). The name and the e-mail always stay.
VCARD_SHORTER = (("title",), ("title", "organisation"))


def vcard_text(person: Person, leave_out: tuple[str, ...] = ()) -> str:
    """The person as a vCard 3.0 (RFC 2426), as lean as the format allows: BEGIN, VERSION,
    N and FN (the two properties 3.0 requires; N with only its family and given names, as
    its grammar allows: ``0*4(text-value ";") text-value``), then ORG, TITLE and EMAIL when
    the person has them and ``leave_out`` does not name them, then END, with the CRLF line ends the format prescribes."""
    first = person.first_name or (person.name.split()[0] if person.name.split() else person.name)
    last = person.last_name or " ".join(person.name.split()[1:])
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_v(last)};{_v(first)}", f"FN:{_v(person.name)}"]
    if person.organisations and "organisation" not in leave_out:
        lines.append(f"ORG:{_v(person.organisations[0])}")
    if person.title and "title" not in leave_out:
        lines.append(f"TITLE:{_v(person.title)}")
    if person.email:
        lines.append(f"EMAIL:{_v(person.email)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines)


def vcard_texts(person: Person) -> tuple[str, ...]:
    """The person's vCard, then each shorter form of ``VCARD_SHORTER`` that is shorter."""
    return tuple(dict.fromkeys(vcard_text(person, omit) for omit in ((), *VCARD_SHORTER)))
