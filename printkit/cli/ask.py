"""The questions ``printkit init`` asks on a terminal."""

from __future__ import annotations

import click

from printkit.lang.i18n import is_known_locale
from printkit.tools.starter import Answers


def ask(defaults: Answers) -> Answers:
    return Answers(
        title=click.prompt("Title of the event", default=defaults.title).strip(),
        date=click.prompt(
            "Date (YYYY-MM-DD)",
            default=defaults.date.isoformat(),
            type=click.DateTime(["%Y-%m-%d"]),
        ).date(),
        language=click.prompt(
            "Language (da, en, de, sv, nb, …)", default=defaults.language, value_proc=language
        ),
    )


def language(value: str) -> str:
    if not is_known_locale(value.strip()):
        raise click.BadParameter(f"{value!r} is not a language code Babel knows, e.g. en or da")
    return value.strip()
