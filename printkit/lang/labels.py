"""The fixed words printed on the products, per language. English is the fallback.

An event can override any label in event.yaml (``labels:``). Dates, times and lists are not
labels: Babel produces them from the locale (see ``printkit.lang.i18n``). ``datetime`` glues the
locale's date and time interval together, since CLDR has no "date at time" phrase; ``page_of``
is a phrase with numbers put in (see ``PLACEHOLDERS``).
"""

from __future__ import annotations

import re

CATALOGUE: dict[str, dict[str, str]] = {
    "en": {
        "panel": "Panel",
        "panelist": "Panellist",
        "moderator": "Moderator",
        "organiser": "Organiser",
        "scan_cta": "Scan for more about the event",
        "sign_cta": "Scan the code for the programme",
        "programme": "Programme",
        "badges": "Name badges",
        "sign": "Sign",
        "datetime": "{date}, {time}",
        "page_of": "page {page} of {pages}",
        "continued": "continued",
        "index": "Index of people",
        "venue_index": "Index of venues",
        "page": "p.",
        "one_speaker": "Speaker",
        "speakers": "Speakers",
        "kind_talk": "Talk",
        "kind_keynote": "Keynote",
        "kind_panel": "Panel",
        "kind_workshop": "Workshop",
        "kind_break": "Break",
        "track": "Track",
        "held_in": "In {language}",
        "calendar_cta": "Scan to add it to your calendar",
        "session_cta": "Scan for more about this session",
        "every_room": "All rooms",
        "session_codes_cta": "Scan a session's code for more about it",
        "calendar_codes_cta": "Scan a session's code to add it to your calendar",
    },
    "da": {
        "panel": "Panel",
        "panelist": "Paneldeltager",
        "moderator": "Ordstyrer",
        "organiser": "Arrangør",
        "scan_cta": "Scan for mere om arrangementet",
        "sign_cta": "Scan koden og se programmet",
        "programme": "Program",
        "badges": "Navneskilte",
        "sign": "Skilt",
        "datetime": "{date} kl. {time}",
        "page_of": "side {page} af {pages}",
        "continued": "fortsat",
        "index": "Personregister",
        "venue_index": "Stedregister",
        "page": "s.",
        "one_speaker": "Taler",
        "speakers": "Talere",
        "kind_talk": "Oplæg",
        "kind_keynote": "Hovedtale",
        "kind_panel": "Panel",
        "kind_workshop": "Workshop",
        "kind_break": "Pause",
        "track": "Spor",
        "held_in": "På {language}",
        "calendar_cta": "Scan og føj det til din kalender",
        "session_cta": "Scan for mere om dette programpunkt",
        "every_room": "Alle lokaler",
        "session_codes_cta": "Scan et programpunkts kode for mere om det",
        "calendar_codes_cta": "Scan et programpunkts kode og føj det til din kalender",
    },
    "de": {
        "panel": "Podium",
        "panelist": "Podiumsgast",
        "moderator": "Moderation",
        "organiser": "Veranstalter",
        "scan_cta": "Scannen für mehr zur Veranstaltung",
        "sign_cta": "Code scannen und Programm ansehen",
        "programme": "Programm",
        "badges": "Namensschilder",
        "sign": "Schild",
        "datetime": "{date}, {time}",
        "page_of": "Seite {page} von {pages}",
        "continued": "Fortsetzung",
        "index": "Personenregister",
        "venue_index": "Ortsregister",
        "page": "S.",
        "one_speaker": "Vortragende",
        "speakers": "Vortragende",
        "kind_talk": "Vortrag",
        "kind_keynote": "Keynote",
        "kind_panel": "Podium",
        "kind_workshop": "Workshop",
        "kind_break": "Pause",
        "track": "Themenreihe",
        "held_in": "Auf {language}",
        "calendar_cta": "Scannen und in den Kalender eintragen",
        "session_cta": "Scannen für mehr zu diesem Programmpunkt",
        "every_room": "Alle Räume",
        "session_codes_cta": "Den Code eines Programmpunkts scannen: mehr dazu",
        "calendar_codes_cta": "Den Code eines Programmpunkts scannen und in den Kalender eintragen",
    },
    "sv": {
        "panel": "Panel",
        "panelist": "Paneldeltagare",
        "moderator": "Moderator",
        "organiser": "Arrangör",
        "scan_cta": "Skanna för mer om evenemanget",
        "sign_cta": "Skanna koden och se programmet",
        "programme": "Program",
        "badges": "Namnbrickor",
        "sign": "Skylt",
        "datetime": "{date} kl. {time}",
        "page_of": "sida {page} av {pages}",
        "continued": "forts.",
        "index": "Personregister",
        "venue_index": "Platsregister",
        "page": "s.",
        "one_speaker": "Talare",
        "speakers": "Talare",
        "kind_talk": "Föredrag",
        "kind_keynote": "Huvudtal",
        "kind_panel": "Panel",
        "kind_workshop": "Workshop",
        "kind_break": "Paus",
        "track": "Spår",
        "held_in": "På {language}",
        "calendar_cta": "Skanna och lägg till i kalendern",
        "session_cta": "Skanna för mer om programpunkten",
        "every_room": "Alla lokaler",
        "session_codes_cta": "Skanna en programpunkts kod för mer om den",
        "calendar_codes_cta": "Skanna en programpunkts kod och lägg till den i kalendern",
    },
    "nb": {
        "panel": "Panel",
        "panelist": "Paneldeltaker",
        "moderator": "Ordstyrer",
        "organiser": "Arrangør",
        "scan_cta": "Skann for mer om arrangementet",
        "sign_cta": "Skann koden og se programmet",
        "programme": "Program",
        "badges": "Navneskilt",
        "sign": "Skilt",
        "datetime": "{date} kl. {time}",
        "page_of": "side {page} av {pages}",
        "continued": "forts.",
        "index": "Personregister",
        "venue_index": "Stedsregister",
        "page": "s.",
        "one_speaker": "Foredragsholder",
        "speakers": "Foredragsholdere",
        "kind_talk": "Foredrag",
        "kind_keynote": "Hovedinnlegg",
        "kind_panel": "Panel",
        "kind_workshop": "Verksted",
        "kind_break": "Pause",
        "track": "Spor",
        "held_in": "På {language}",
        "calendar_cta": "Skann og legg til i kalenderen",
        "session_cta": "Skann for mer om programpunktet",
        "every_room": "Alle rom",
        "session_codes_cta": "Skann et programpunkts kode for mer om det",
        "calendar_codes_cta": "Skann et programpunkts kode og legg det til i kalenderen",
    },
}

FALLBACK = "en"
KEYS = tuple(CATALOGUE[FALLBACK])

#: The placeholders a label must be written with (an override may leave some out).
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "datetime": ("date", "time"),
    "page_of": ("page", "pages"),
    "held_in": ("language",),
}


class LabelError(ValueError):
    """A label's text is not a phrase with bare placeholders from its closed list."""


def fill(phrase: str, **values: str) -> str:
    """``phrase`` with each ``{name}`` replaced by ``values[name]`` (``{{`` and ``}}`` stand for
    braces). Never ``str.format``: a label is input text, and a format string would let it
    pad to gigabytes (``{date:>99999999}``) or reach into Python objects (``{date.__class__}``)."""
    return "".join(values[part] if kind == "field" else part for kind, part in parse(phrase))


def parse(phrase: str) -> list[tuple[str, str]]:
    """``phrase`` as ("text", …) and ("field", name) parts; raises LabelError for a brace
    that opens no bare name: a format spec, a conversion, an attribute or an index."""
    parts: list[tuple[str, str]] = []
    for match in _PART.finditer(phrase):
        text, field = match.group("text", "field")
        if text is not None:
            parts.append(("text", text.replace("{{", "{").replace("}}", "}")))
        elif field is not None:
            parts.append(("field", field))
        else:
            raise LabelError(match.group(0))
    return parts


#: A run of text (doubled braces allowed), a bare ``{name}``, or else any one brace: an error.
_PART = re.compile(
    r"(?P<text>(?:[^{}]|\{\{|\}\})+)|\{(?P<field>[A-Za-z_][A-Za-z0-9_]*)\}|(?P<bad>\{[^{}]{0,30}\}?|[{}])"
)


def placeholders(phrase: str) -> set[str]:
    """The names a phrase uses (LabelError when it is not a phrase of bare placeholders)."""
    return {part for kind, part in parse(phrase) if kind == "field"}


def primary_language(language: str) -> str:
    """A tag's language without its region or variant: "da" for "da-DK" and "nb_NO" → "nb"."""
    return language.replace("-", "_").split("_")[0].lower()


def labels_for(language: str, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The label set for a language tag ("da", "da-DK", "nb_NO"), with overrides applied."""
    base = primary_language(language)
    result = dict(CATALOGUE[FALLBACK])
    result.update(CATALOGUE.get(base, {}))
    if overrides:
        result.update(overrides)
    return result
