"""Dates, times and lists in the event's language, from Babel (CLDR). Never stored as text."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_time
from babel.lists import format_list
from babel.numbers import format_decimal

from printkit.lang.labels import CATALOGUE, fill


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)  # a festival's programme, posters and tents ask for each many times
def time_range(start: dt.time, end: dt.time, locale: str) -> str:
    """ "14.00–15.00" in Danish, "2:00 – 3:00 PM" in English: the locale's own clock."""
    pattern = Locale.parse(locale).time_formats["short"].pattern
    skeleton = "Hm" if "H" in pattern else "hm"
    try:
        return format_interval(start, end, skeleton, locale=locale)
    except NotImplementedError:  # Babel cannot yet set some 12-hour clocks (zh_Hant's "B")
        return format_interval(start, end, "Hm", locale=locale)


@lru_cache(maxsize=8192)
def date_line(day: dt.date, start: dt.time, end: dt.time, locale: str, glue: str) -> str:
    """The full date and time line, e.g. "Torsdag den 15. juni 2017 kl. 14.00–15.00"."""
    text = fill(
        glue, date=format_date(day, "full", locale=locale), time=time_range(start, end, locale)
    )
    return _sentence_case(text)


@lru_cache(maxsize=256)
def long_date(day: dt.date, locale: str) -> str:
    return _sentence_case(format_date(day, "full", locale=locale))


@lru_cache(maxsize=4096)  # a festival's programme asks for each start hundreds of times
def short_time(time: dt.time, locale: str) -> str:
    """ "10.00", "10:00 AM": a time as the locale writes it, short."""
    return format_time(time, "short", locale=locale)


@lru_cache(maxsize=1024)
def short_day(day: dt.date, locale: str) -> str:
    """ "tor. 11. jun.": a day as the programme's index names it."""
    return format_date(day, "EEE d MMM", locale=locale)


def date_span(first: dt.date, last: dt.date, locale: str) -> str:
    """One day in full ("Torsdag den 15. juni 2017"), or the locale's interval of days
    ("15.–18. jun. 2017")."""
    if first == last:
        return long_date(first, locale)
    return _sentence_case(format_interval(first, last, "yMMMMd", locale=locale))


@lru_cache(maxsize=4096)
def number(value: int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def page_of(page: int, pages: int, locale: str, phrase: str) -> str:
    """ "side 2 af 5": the label's phrase with the numbers in the locale's digits."""
    return fill(phrase, page=number(page, locale), pages=number(pages, locale))


def join(items: list[str] | tuple[str, ...], locale: str) -> str:
    """ "A, B og C": the locale's list pattern."""
    return _join(tuple(items), locale) if items else ""


@lru_cache(maxsize=8192)  # each session's people, on its tent, poster and programme entries
def _join(items: tuple[str, ...], locale: str) -> str:
    return format_list(list(items), locale=locale)


def is_known_locale(tag: str) -> bool:
    try:
        Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return False
    return True


def language_name(code: str, locale: str) -> str:
    """ "Danish", "dansk", "Dänisch": a language (its code) named in ``locale``'s words."""
    return Locale.parse(locale).languages.get(code) or code


def language_in(value: str, event_language: str) -> str | None:
    """The language a list's cell names, as its code ("de"): a tag Babel knows ("de",
    "en-GB", pretix's "de-informal") or a language's name in English, in the event's language
    or, for the languages printkit has words in, in itself ("German", "tysk", "Deutsch").
    ``None`` when it names none."""
    text = " ".join(value.split())
    primary = re.split(r"[-_\s]", text, maxsplit=1)[0].lower()
    if re.fullmatch(r"[a-z]{2,3}", primary):
        try:
            if Locale.parse(primary).language == primary:  # "und" parses as en_US
                return primary
        except (UnknownLocaleError, ValueError):
            pass
    wanted = text.casefold()
    for names in (Locale.parse("en").languages, Locale.parse(event_language).languages):
        for code, name in names.items():
            if "_" not in code and name.casefold() == wanted:
                return code
    for code in (*CATALOGUE, event_language):  # the languages with words, in themselves
        own = Locale.parse(code).get_language_name(code)
        if own and own.casefold() == wanted:
            return Locale.parse(code).language
    return None
