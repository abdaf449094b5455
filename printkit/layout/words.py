"""The phrases every product shares, made from the model and the locale."""

from __future__ import annotations

from functools import lru_cache

from printkit.lang import i18n
from printkit.lang.labels import CATALOGUE, fill, primary_language
from printkit.model.event import Event, Person, Session, Venue
from printkit.model.roles import BUILTIN, DEFAULT_ROLE


def date_line(event: Event, session: Session) -> str:
    return i18n.date_line(
        session.date, session.start, session.end, event.language, event.labels["datetime"]
    )


def time_range(event: Event, session: Session) -> str:
    return i18n.time_range(session.start, session.end, event.language)


def held_in(event: Event, session: Session) -> str | None:
    """ "In Danish" (the ``held_in`` label): the language a session is held in, when it is
    not the event's, named in the event's; a language the file names in words no language
    has (a sheet's "English/Danish") as it is written."""
    if not session.language:
        return None
    return _held_in(session.language, event.language, event.labels["held_in"])


def language_tag(event: Event, session: Session) -> str | None:
    """ "DA": the same as a code, where a grid's box has room for no more."""
    if held_in(event, session) is None:
        return None
    code = i18n.language_in(session.language or "", event.language)
    return code.upper() if code else session.language


@lru_cache(maxsize=256)  # a festival's sessions share a few languages
def _held_in(value: str, language: str, label: str) -> str | None:
    code = i18n.language_in(value, language)
    if code == primary_language(language):
        return None
    return fill(label, language=i18n.language_name(code, language) if code else value)


def when(event: Event) -> str:
    """When the whole event is: one debate's date line, or a schedule's day or days."""
    if not event.schedule:
        return date_line(event, event.main)
    return i18n.date_span(*event.span, event.language)


def where(event: Event) -> str | None:
    """Where the whole event is: one debate's venue, a schedule's only venue, else None."""
    if not event.schedule:
        return venue_line(event.main, with_place=False)
    venues = event.venues
    return room(venues[0]) if len(venues) == 1 else None


def room(venue: Venue) -> str:
    """ "KL's telt ved Allinge Røgeri (F2)": the venue's name and area code."""
    return venue.name + (f" ({venue.area})" if venue.area else "")


def venue_line(session: Session, with_place: bool = True) -> str:
    venue = session.venue
    text = room(venue)
    if with_place and venue.place:
        text += f" · {venue.place}"
    return text


def affiliation(event: Event, person: Person) -> str:
    """ "Professor, CBS og medlem af …": title, then the organisations as the locale lists them."""
    organisations = i18n.join(person.organisations, event.language)
    return ", ".join(part for part in (person.title, organisations) if part)


def role_label(event: Event, role: str, language: str | None = None) -> str:
    """A role's words: the label catalogue's (panelist, moderator: overridable under labels:),
    else the role's own label in the event's language. For a person whose list row gives
    another ``language``, the role's words in that one when it has them."""
    key = str(getattr(role, "value", role))
    if _other(event, language):
        definition = event.roles.get(key)
        if definition is not None and definition.labels.get(str(language)):
            return definition.labels[str(language)]
    if key in event.labels:
        return event.labels[key]
    definition = event.roles.get(key)
    return definition.label(event.language) if definition else key.title()


def badge_word(event: Event, key: str, language: str | None = None) -> str:
    """A fixed phrase on a person's badge (``scan_cta``): in the person's ``language`` when
    the catalogue has words in it, else the event's (with its ``labels:`` overrides)."""
    if _other(event, language):
        word = CATALOGUE.get(str(language), {}).get(key)
        if word:
            return word
    return event.labels[key]


def _other(event: Event, language: str | None) -> bool:
    """Whether a person's language is one besides the event's ("da" is the event's "da_DK")."""
    return language is not None and language != primary_language(event.language)


def role_colour(event: Event, role: str) -> tuple[float, float, float, float]:
    key = str(getattr(role, "value", role))
    definition = event.roles.get(key) or BUILTIN.get(key) or BUILTIN[DEFAULT_ROLE]
    return definition.colour
