"""Rows of an attendee list that get no badge, each with the reason, for one report of all of
them (and, with ``--keep-going``, for ``rejected.csv``)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Refusal:
    """One row that cannot be printed: the located message line, the problem alone (for the
    "why" column of rejected.csv), and the row's cells as read, by header."""

    message: str
    reason: str
    row: tuple[tuple[str, str], ...] = ()
    origin: str | None = None  # "people.csv:14: row 12"; None for a person of the event file
    who: str = ""  # the row's name, to tell the lines of a long report apart


def report_lines(refused: tuple[Refusal, ...] | list[Refusal]) -> tuple[str, ...]:
    """One line per refusal: alone, its message as any error reads; among several, each
    with whose row it is (``… (Mia Al-Sayed)``)."""
    if len(refused) == 1:
        return (refused[0].message,)
    return tuple(f"{r.message} ({r.who})" if r.who else r.message for r in refused)


def header_key(header: str) -> str:
    """How a header is compared with a name written for it (a template's ``{order_code}``,
    ``--only product=…``, a guessed alias): case, spaces and punctuation ignored."""
    text = unicodedata.normalize("NFC", header).casefold()
    return "".join(char for char in text if char.isalnum())


def lookup(values: dict[str, str], name: str) -> str | None:
    """``values[name]``, else the value of the one key that is ``name`` as ``header_key``
    compares (``order_code`` finds "Order code"); None when there is none."""
    if name in values:
        return values[name]
    wanted = header_key(name)
    found = [key for key in values if header_key(key) == wanted]
    return values[found[0]] if found else None
