"""Which column of an attendee list holds which field: guessed from the header, or set.

The guess knows common header names in English, Danish, German, Swedish and Norwegian (case,
spaces and punctuation ignored); ``columns:`` in event.yaml overrides it. A name is required:
one column with the full name, or a pair of first-name and last-name columns. Problems name
``header`` or ``columns.<field>`` at the header's line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from printkit.errors import InputError, Location, nearest, nearness, suggest
from printkit.model.rows import header_key
from printkit.read.exports import Shape, recognise, shape_columns
from printkit.read.notices import warn
from printkit.read.table import Table


def _aliases(*groups: str) -> tuple[str, ...]:
    return tuple(alias.strip() for group in groups for alias in group.split("|"))


#: Header names recognised for each field, in order of preference (English, then Danish,
#: German, Swedish, Norwegian). Compared after dropping case, spaces and punctuation, so
#: "E-mail", "email" and "E_Mail" are one name.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": _aliases(
        "Name | Full name | Attendee name | Participant name | Badge name | Display name",
        "Navn | Fulde navn | Fuldt navn",
        "Vollständiger Name | Teilnehmername",
        "Namn | Fullständigt namn | Deltagarnamn",
        "Fullt navn",
    ),
    "first_name": _aliases(
        "First name | Given name | Forename | First",
        "Fornavn",
        "Vorname",
        "Förnamn",
    ),
    "last_name": _aliases(
        "Last name | Surname | Family name | Last",
        "Efternavn",
        "Nachname | Familienname",
        "Efternamn",
        "Etternavn",
    ),
    "organisation": _aliases(
        "Organisation | Organization | Company | Company name | Organisation name"
        " | Organization name | Affiliation | Employer | Institution",
        "Virksomhed | Firma | Arbejdsplads",
        "Unternehmen | Organisation/Firma | Arbeitgeber",
        "Företag | Organisationsnamn | Arbetsgivare",
        "Organisasjon | Bedrift | Arbeidsgiver",
    ),
    "title": _aliases(
        "Job title | Title | Position | Job",
        "Stilling | Stillingsbetegnelse | Titel | Jobtitel",
        "Berufsbezeichnung | Funktion",
        "Befattning | Yrkestitel",
        "Tittel",
    ),
    "role": _aliases(
        "Role | Attendee type | Participant type | Badge type",
        "Rolle | Deltagertype",
        "Teilnehmertyp",
        "Roll | Deltagartyp",
        "Deltakertype",
    ),
    "pronouns": _aliases(
        "Pronouns | Pronoun",
        "Pronomener | Stedord",
        "Pronomen",
    ),
    "email": _aliases(
        "Email | E-mail | Email address | E-mail address | Mail",
        "E-mailadresse | Mailadresse",
        "E-Mail-Adresse",
        "E-post | E-postadress | Epost",
        "E-postadresse",
    ),
    "ticket_id": _aliases(
        "Ticket ID | Ticket | Ticket number | Ticket no | Ticket code | Barcode"
        " | Registration ID | Attendee ID",
        "Billet | Billetnummer | Billet-ID",
        "Ticketnummer | Ticket-Nr",
        "Biljett | Biljettnummer | Biljett-ID",
        "Billett | Billettnummer",
    ),
    "ticket_type": _aliases(
        "Ticket type | Product | Ticket category | Registration type | Pass type",
        "Billettype | Billetkategori",
        "Ticketart | Tickettyp | Produkt",
        "Biljettyp | Biljettkategori",
        "Billettkategori",
    ),
    "status": _aliases(
        "Order status | Attendee status | Registration state | Registration status | Status",
        "Ordrestatus | Bestillingsstatus",
        "Bestellstatus",
        "Orderstatus",
    ),
    "language": _aliases(
        "Language | Preferred language",
        "Sprog | Foretrukket sprog",
        "Sprache",
        "Språk",
    ),
}
FIELDS: tuple[str, ...] = tuple(ALIASES)


_ALIAS_KEYS: dict[str, tuple[str, ...]] = {
    field: tuple(header_key(alias) for alias in aliases) for field, aliases in ALIASES.items()
}


@dataclass(frozen=True)
class ColumnMap:
    """Which header holds which field; ``None``: the list has no such column."""

    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    organisation: str | None = None
    title: str | None = None
    role: str | None = None
    pronouns: str | None = None
    email: str | None = None
    ticket_id: str | None = None
    ticket_type: str | None = None
    status: str | None = None
    language: str | None = None

    def items(self) -> tuple[tuple[str, str], ...]:
        """(field, header) for every field that has a column."""
        return tuple((f, h) for f in FIELDS if (h := getattr(self, f)) is not None)

    @property
    def has_name(self) -> bool:
        return self.name is not None or (self.first_name is not None and self.last_name is not None)


def guess_columns(headers: Sequence[str], shape: Shape | None = None) -> ColumnMap:
    """The column of each field, from common header names in en, da, de, sv and nb.

    Headers are matched after dropping case, spaces and punctuation; where several headers
    fit a field, the earlier alias in ``ALIASES`` wins ("Job title" before "Title"). For a
    known export (``shape``), its own columns come first; the other fields are guessed from
    the headers the export does not own (the organiser's questions, such as "Job title").
    """
    found: dict[str, str] = shape_columns(shape, headers) if shape else {}
    owned = {header_key(h) for h in (*shape.fixed, *shape.signature)} if shape else set()
    owned |= {header_key(h) for h in found.values()}
    by_key: dict[str, str] = {}
    for header in headers:
        if header and header_key(header) not in owned:
            by_key.setdefault(header_key(header), header)
    for field in FIELDS:
        if field in found:
            continue
        for key in _ALIAS_KEYS[field]:
            if key in by_key:
                found[field] = by_key[key]
                break
    return ColumnMap(**found)


# -- the header ------------------------------------------------------------------------------


def resolve_columns(table: Table, columns: Mapping[str, str | None] | None) -> ColumnMap:
    """The guess, overridden by an explicit mapping; refuses a missing name. A header that
    appears twice is legal (pretix writes "Company" twice): the first is used, as warned."""
    shape = recognise(table.header)
    guessed = guess_columns(table.header, shape)
    _explain_duplicates(table, shape)
    if not columns:
        _check_name(table, guessed)
        return guessed
    where = Location(table.file, table.header_line)
    chosen: dict[str, str | None] = {}
    for field, wanted in columns.items():
        if field not in FIELDS:
            raise InputError(
                where,
                f"columns.{field}",
                f"not a field of an attendee{suggest(field, FIELDS, fold=True)}"
                f" (fields: {', '.join(FIELDS)})",
            )
        chosen[field] = None if wanted is None else _find_header(table, field, wanted)
    taken = {header for header in chosen.values() if header is not None}
    kept = {f: h for f, h in guessed.items() if f not in chosen and h not in taken}
    result = ColumnMap(**kept)
    result = replace(result, **chosen)
    _check_name(table, result)
    return result


def _explain_duplicates(table: Table, shape: Shape | None) -> None:
    """Say which column of a header written more than once is read, and why: one line for a
    known export's (pretix writes the invoice address after the attendee's), else one each."""
    seen: dict[str, list[int]] = {}
    for i, header in enumerate(table.header):
        if header:
            seen.setdefault(header.casefold(), []).append(i)
    twice = [indices for indices in seen.values() if len(indices) > 1]
    if not twice:
        return
    where = Location(table.file, table.header_line, twice[0][0] + 1)
    if shape is not None and shape.twice:
        names = [repr(table.header[i[0]]) for i in twice]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        firsts = ", ".join(str(i[0] + 1) for i in twice)
        warn(
            f"{where}: header: {listed} each appear more than once ({shape.system} export);"
            f" the first is read (column {firsts}): {shape.twice}"
        )
        return
    for indices in twice:
        header = table.header[indices[0]]
        others = ", ".join(str(i + 1) for i in indices[1:])
        warn(
            f"{Location(table.file, table.header_line, indices[0] + 1)}: header: the column"
            f" {header!r} appears {len(indices)} times (also column {others}); column"
            f" {indices[0] + 1} is read, for its field and in templates; rename the other if"
            " it is the one meant"
        )


def _find_header(table: Table, field: str, wanted: str) -> str:
    headers = [h for h in table.header if h]
    target = unicodedata.normalize("NFC", str(wanted)).strip()
    for same in (
        lambda h: h == target,
        lambda h: h.casefold() == target.casefold(),
        lambda h: header_key(h) == header_key(target),
    ):
        matches = list(dict.fromkeys(h for h in headers if same(h)))
        if len(matches) == 1:
            return matches[0]
    hint = suggest(target, headers, fold=True)
    raise InputError(
        Location(table.file, table.header_line),
        f"columns.{field}",
        f"no column {target!r} in the header{hint}"
        + ("" if hint else f" (the columns are {_listing(headers)})"),
    )


def _check_name(table: Table, columns: ColumnMap) -> None:
    if columns.has_name:
        return
    where = Location(table.file, table.header_line)
    headers = [h for h in table.header if h]
    found = f"the columns are {_listing(headers)}"
    half = columns.first_name or columns.last_name
    if half is not None:
        missing = "last" if columns.first_name else "first"
        raise InputError(
            where,
            "header",
            f"no {missing}-name column to go with {half!r} ({found}); add it, or map"
            f' columns: {{name: "{half}"}} to print {half!r} alone',
        )
    near = _near_name(headers)
    if near:
        header, alias = near
        raise InputError(
            where,
            "header",
            f"no name column ({found}); if {header!r} holds the names, rename it {alias!r}"
            f' or map it: columns: {{name: "{header}"}}',
        )
    raise InputError(
        where,
        "header",
        f"no name column ({found}); add a column 'Name' (or 'First name' and 'Last name'),"
        ' or map yours: columns: {name: "…"}',
    )


def _near_name(headers: Iterable[str]) -> tuple[str, str] | None:
    """The header closest to a name alias, as (header, alias), if any is close."""
    aliases = {
        header_key(alias): alias
        for field in ("name", "first_name", "last_name")
        for alias in ALIASES[field]
    }
    best: tuple[float, str, str] | None = None
    for header in headers:
        match = nearest(header_key(header), aliases, cutoff=0.75)
        if match is not None:
            score = nearness(header_key(header), match)
            if best is None or score > best[0]:
                best = (score, header, aliases[match])
    return (best[1], best[2]) if best else None


def _listing(headers: Sequence[str], limit: int = 12) -> str:
    shown = ", ".join(repr(h) for h in headers[:limit])
    return shown + (f" and {len(headers) - limit} more" if len(headers) > limit else "")
