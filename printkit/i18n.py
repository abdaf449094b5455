"""Dates, times and lists in the event's language, from Babel (CLDR). Never stored as text."""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval
from babel.lists import format_list


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def time_range(start: dt.time, end: dt.time, locale: str) -> str:
    """ "14.00–15.00" in Danish, "2:00 – 3:00 PM" in English: the locale's own clock."""
    pattern = Locale.parse(locale).time_formats["short"].pattern
    skeleton = "Hm" if "H" in pattern else "hm"
    try:
        return format_interval(start, end, skeleton, locale=locale)
    except NotImplementedError:  # Babel cannot yet set some 12-hour clocks (zh_Hant's "B")
        return format_interval(start, end, "Hm", locale=locale)


def date_line(day: dt.date, start: dt.time, end: dt.time, locale: str, glue: str) -> str:
    """The full date and time line, e.g. "Torsdag den 15. juni 2017 kl. 14.00–15.00"."""
    text = glue.format(
        date=format_date(day, "full", locale=locale), time=time_range(start, end, locale)
    )
    return _sentence_case(text)


def long_date(day: dt.date, locale: str) -> str:
    return _sentence_case(format_date(day, "full", locale=locale))


def join(items: list[str] | tuple[str, ...], locale: str) -> str:
    """ "A, B og C": the locale's list pattern."""
    return format_list(list(items), locale=locale) if items else ""


def is_known_locale(tag: str) -> bool:
    try:
        Locale.parse(tag.replace("-", "_"))
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return False
    return True
