"""A schedule file's entry passed through the rules event.yaml's own sessions pass, before it
becomes a session: each text field cleaned (``printkit.read.clean``: bidi controls and
invisible characters removed with a warning, lone surrogates, private-use characters and
noncharacters refused, NFC), and the page's address held to the QR code rule
(``printkit.read.urls``), each message at the field's place in the schedule file.

A control character (C0 or C1; in an abstract, tabs and line breaks are fine) is refused,
as in an attendee list: a schedule is an export from another program, where a bell or an
escape character is a broken export, not an escape someone typed on purpose.
"""

from __future__ import annotations

import re
from dataclasses import replace

from printkit.errors import InputError, InputWarning, Location, shown
from printkit.model.kinds import Track
from printkit.read.clean import Refused, clean
from printkit.read.schedule.entry import Entry, Named
from printkit.read.urls import MAX_URL, url_problem

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_MULTI = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")  # tab, breaks fine
#: the single-line text fields of an entry, by the name a message gives them
_FIELDS = ("title", "subtitle", "room", "type", "track", "language", "uid")


def checked(entry: Entry, warnings: list[InputWarning]) -> Entry:
    """``entry`` with every text field cleaned and its address checked; what cleaning changed
    is added to ``warnings``, what cannot be printed is refused where it stands."""

    def one(name: str, value: str | None, where: Location, multi: bool = False) -> str | None:
        if value is None or not value.strip():  # an empty "abstract": "" gives none
            return None
        return _clean(value, where, entry.path, name, warnings, multi)

    fields = {name: one(name, getattr(entry, name), entry.at(name)) for name in _FIELDS}
    fields["room"] = fields["room"] or ""  # none: a break in every room, or refused later
    speakers = tuple(_person(p, f"person {p.name!r}", entry.path, warnings) for p in entry.speakers)
    moderator = entry.moderator
    if moderator is not None:
        moderator = _person(moderator, f"moderator {moderator.name!r}", entry.path, warnings)
    url = one("url", entry.url, entry.at("url"))
    if url is not None:
        problem = (
            f"is {len(url):,} characters long; at most {MAX_URL:,} fit a QR code"
            if len(url) > MAX_URL
            else url_problem(url)
        )
        if problem is not None:
            raise InputError(entry.at("url"), entry.path, f"url: {problem}")
    return replace(
        entry,
        **fields,
        abstract=one("abstract", entry.abstract, entry.at("abstract"), multi=True),
        url=url,
        speakers=speakers,
        moderator=moderator,
    )


def checked_tracks(
    tracks: tuple[Track, ...], where: Location, warnings: list[InputWarning]
) -> tuple[Track, ...]:
    """The file's own track list, its names cleaned as the sessions' are."""
    return tuple(
        replace(t, name=_clean(t.name, where, "tracks", f"track {t.name!r}", warnings))
        for t in tracks
    )


def _person(named: Named, name: str, path: str, warnings: list[InputWarning]) -> Named:
    def one(field: str, value: str | None) -> str | None:
        if value is None:
            return None
        return _clean(value, named.where, path, field, warnings)

    return replace(
        named,
        name=one(name, named.name) or "",
        title=one(f"{name} title", named.title),
        organisation=one(f"{name} organisation", named.organisation),
    )


def _clean(
    value: str,
    where: Location,
    path: str,
    name: str,
    warnings: list[InputWarning],
    multi: bool = False,
) -> str:
    bad = (_CONTROL_MULTI if multi else _CONTROL).search(value)
    if bad is not None:
        at = bad.start()
        after = f" after {shown(value[max(0, at - 12) : at])}" if at else " at the start"
        raise InputError(
            where,
            path,
            f"{name}: contains the control character U+{ord(bad.group()):04X}{after}; remove it",
        )
    try:
        cleaned = clean(value, single_line=not multi)
    except Refused as refused:
        raise InputError(where, path, f"{name}: {refused.problem}") from None
    for change in cleaned.changes:
        warning = InputWarning(where, path, f"{name}: {change.what}")
        if warning not in warnings:
            warnings.append(warning)
    return cleaned.text
