"""event.yaml's people beyond the panel: ``roles:``, ``attendees:`` and the badge options
that decide how names are set, sorted and coded. Part of load; errors are located."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from printkit.errors import (
    InputError,
    InputWarning,
    Location,
    elide,
    key_text,
    printable,
    shown,
    suggest,
)
from printkit.lang.i18n import language_in
from printkit.model.event import ListRow, Person
from printkit.model.roles import BUILTIN, DEFAULT_ROLE, RoleDef, matcher
from printkit.model.rows import Refusal, lookup
from printkit.read.clean import Refused, clean
from printkit.read.fields import Fields, fail, scalar_text
from printkit.read.notices import warn
from printkit.read.paths import PathProblem, find_file, named_beside
from printkit.read.selection import RolesFrom, read_roles_from, read_status, read_where, role_key
from printkit.read.source import Node

if TYPE_CHECKING:
    from printkit.read.attendees import Attendee, AttendeeList

ROLE_KEYS = ("label", "colour")
ATTENDEE_KEYS = ("file", "columns", "max_rows", "default_role", "status", "where", "roles_from")
BADGE_OPTION_KEYS = ("sort", "qr", "name", "colour")
COLOUR_CHOICES = ("full", "mono")
NAME_KEYS = ("first_above", "case", "pronouns")
QR_KEYS = ("url", "vcard")
CASES = ("as-given", "upper", "title")


def read_roles(top: Fields, language: str) -> dict[str, RoleDef]:
    """The built-in roles, with event.yaml's changes and additions (in that order)."""
    roles = dict(BUILTIN)
    node = top.get("roles")
    if node is None:
        return roles
    if node.kind != "mapping":
        raise fail(node, "roles", "must be a mapping of role names to {label, colour}")
    for name, where in node.keys.items():
        path = f"roles.{key_text(name)}"
        if not re.fullmatch(r"[a-z][a-z0-9_-]{0,30}", name):
            raise InputError(
                where, path, "a role's name is a short lower-case word, e.g. staff or sponsor"
            )
        fields = Fields(node.value[name], path, ROLE_KEYS, "a role")
        old = roles.get(name)
        labels = dict(old.labels) if old else {}
        label_node = fields.get("label")
        if label_node is not None:
            if label_node.kind == "mapping":
                for lang in label_node.value:
                    labels[lang] = scalar_text(label_node.value[lang], f"{path}.label.{lang}", 40)
            else:
                labels[language.split("_")[0]] = scalar_text(label_node, f"{path}.label", 40)
        if not labels:
            raise fail(node.value[name], path, "a new role needs a label, e.g. label: Sponsor")
        colour_node = fields.get("colour")
        colour = (
            _cmyk(colour_node, f"{path}.colour")
            if colour_node
            else (old.colour if old else BUILTIN[DEFAULT_ROLE].colour)
        )
        roles[name] = RoleDef(name, labels, colour)
    return roles


def _cmyk(node: Node, path: str) -> tuple[float, float, float, float]:
    """A colour as CMYK percentages: [0, 60, 100, 0]."""
    items = node.value if node.kind == "list" else None
    if (
        items is None
        or len(items) != 4
        or not all(
            isinstance(i.value, (int, float))
            and not isinstance(i.value, bool)
            and 0 <= i.value <= 100
            for i in items
        )
    ):
        raise fail(node, path, "write the colour as CMYK percentages, e.g. [0, 60, 100, 0]")
    c, m, y, k = (float(i.value) / 100 for i in items)
    return (c, m, y, k)


class Listed(NamedTuple):
    """The listed people, how the list was read (to report), its file (to watch), the rows
    that cannot be printed (each with why) and the list's header."""

    people: tuple[Person, ...] = ()
    summary: str | None = None
    path: Path | None = None
    refused: tuple[Refusal, ...] = ()
    header: tuple[str, ...] = ()


def read_attendees_section(
    top: Fields, base: Path, roles: dict[str, RoleDef], language: str
) -> Listed:
    """The attendee list as ``Listed``; a row that cannot be printed is gathered, not raised
    (the build reports them all, or leaves them out with --keep-going)."""
    node = top.get("attendees")
    if node is None:
        return Listed()
    from printkit.read import attendees  # the list's readers (CSV, XLSX, exports): for a list

    if node.kind != "mapping":
        node = Node({"file": node}, node.where, keys={"file": node.where})
    fields = Fields(node, "attendees", ATTENDEE_KEYS, "attendees")
    file_node = fields.need("file", "name the attendee list, e.g. file: people.csv")
    name = scalar_text(file_node, "attendees.file", 1000)
    try:
        path = find_file(base, name, "attendee list", file_node.where, "attendees.file")
    except PathProblem as problem:
        raise fail(file_node, "attendees.file", problem.problem) from None
    columns = _columns(fields.get("columns"), attendees.FIELDS)
    max_rows = fields.integer("max_rows", attendees.MAX_ROWS, 1, 1_000_000)
    default_node = fields.get("default_role")
    default = DEFAULT_ROLE
    if default_node is not None:
        default = role_key(
            scalar_text(default_node, "attendees.default_role", 40),
            roles,
            default_node,
            "attendees.default_role",
        )
    paid_only = read_status(fields)
    where = read_where(fields.get("where"))
    roles_from = read_roles_from(fields.get("roles_from"), roles)
    listing = attendees.read_attendees(
        path,
        display=named_beside(file_node.where, name),
        columns=columns,
        max_rows=max_rows,
        paid_only=paid_only,
        strict=False,
    )
    where.check(listing.header)
    if roles_from is not None:
        _check_roles_column(roles_from, listing)
    people: list[Person] = []
    refused = list(listing.refused)
    left_out = 0
    located = tuple(_field_columns(listing))  # every row's, so shared (100,000 rows: 40 MB)
    find_role = matcher(roles)  # the roles' names casefolded once, not on every row
    for attendee in listing:
        try:
            person = _person(
                attendee, roles, default, listing, language, roles_from, located, find_role
            )
        except InputError as exc:
            who = elide(printable(attendee.name), 40)
            refused.append(
                Refusal(exc.message(), exc.problem, attendee.row, str(attendee.origin), who)
            )
            continue
        if where.keeps(person.values()):
            people.append(person)
        else:
            left_out += 1
    summary = listing.summary()
    if left_out:
        summary += f"; {left_out} row{'' if left_out == 1 else 's'} left out by where:"
    return Listed(tuple(people), summary, path, tuple(refused), listing.header)


def _check_roles_column(roles_from: RolesFrom, listing: AttendeeList) -> None:
    column = roles_from.column or listing.columns.ticket_type
    if column is None:
        raise InputError(
            roles_from.where,
            "attendees.roles_from.column",
            "the list has no ticket-type column to take roles from; name the column,"
            " e.g. column: Product",
        )
    if lookup({h: h for h in listing.header if h}, column) is None:
        raise InputError(
            roles_from.where,
            "attendees.roles_from.column",
            f"the list has no column {column!r}{suggest(column, [h for h in listing.header if h])}",
        )


def _columns(node: Node | None, known: tuple[str, ...]) -> dict[str, str | None] | None:
    if node is None:
        return None
    fields = Fields(node, "attendees.columns", known, "attendees.columns")
    result: dict[str, str | None] = {}
    for key in node.value:
        value = node.value[key]
        result[key] = None if value.kind == "empty" else fields.text(key, max_length=200)
    return result


def _person(
    attendee: Attendee,
    roles: dict[str, RoleDef],
    default: str,
    listing: AttendeeList,
    language: str,
    roles_from: RolesFrom | None = None,
    columns: tuple[tuple[str, int, str], ...] | None = None,
    find_role: Callable[[str], str | None] | None = None,
) -> Person:
    role = default
    if roles_from is not None:
        role = _mapped_role(attendee, roles_from, listing)
    elif attendee.role:
        found = (find_role or matcher(roles))(attendee.role)
        if found is None:
            where, field = _cell(listing, attendee, "role")
            raise InputError(
                where,
                field,
                f"{attendee.role!r} is not a role{suggest(attendee.role.casefold(), roles)};"
                f" use one of {', '.join(roles)}, or add it under roles: in event.yaml",
            )
        role = found

    def line(value: str | None, key: str) -> str | None:
        """One cell as one line of print: cleaned, with what was changed warned about."""
        if not value:
            return value
        try:
            cleaned = clean(value, single_line=True)
        except Refused as refused:
            raise InputError(*_cell(listing, attendee, key), refused.problem) from None
        if cleaned.text.startswith("="):
            formula = _FORMULA.format(shown(cleaned.text, 40))
            raise InputError(*_cell(listing, attendee, key), formula)
        if cleaned.changes:  # where the cell is: found only to be said
            where, field = _cell(listing, attendee, key)
            for change in cleaned.changes:
                warn(InputWarning(where, field, change.what))
        return cleaned.text

    name = line(attendee.name, "name") or attendee.name
    return Person(
        name=name,
        role=role,
        title=line(attendee.title, "title"),
        organisations=(line(attendee.organisation, "organisation"),)
        if attendee.organisation
        else (),
        first_name=line(attendee.first_name, "first_name"),
        last_name=line(attendee.last_name, "last_name"),
        pronouns=line(attendee.pronouns, "pronouns"),
        email=attendee.email,
        ticket_id=attendee.ticket_id,
        extra=attendee.row,
        language=_language(attendee, listing, language),
        origin=ListRow(
            attendee.origin.file,
            attendee.origin.line,
            attendee.origin.row,
            columns if columns is not None else tuple(_field_columns(listing)),
        ),
    )


def _language(attendee: Attendee, listing: AttendeeList, event_language: str) -> str | None:
    """The person's language, from the list's language column: the badge's fixed words are
    in it. A cell that names no language is warned about and the event's words are used."""
    if not attendee.language:
        return None
    found = language_in(attendee.language, event_language)
    if found is None:
        where, field = _cell(listing, attendee, "language")
        warn(
            InputWarning(
                where,
                field,
                f"{shown(attendee.language, 40)} names no language (write a code such as da, en or"
                f" de-informal, or a name such as Dansk); this badge's words are in the event's"
                f" language ({event_language})",
            )
        )
    return found


def _mapped_role(attendee: Attendee, roles_from: RolesFrom, listing: AttendeeList) -> str:
    """The role ``roles_from`` gives this row's value; a value the map lacks (without a
    default) is refused, naming the value and the map's near misses."""
    column = roles_from.column or listing.columns.ticket_type or ""
    values = dict(attendee.row)
    value = lookup(values, column) or ""
    role = roles_from.role(value)
    if role is not None:
        return role
    header = next(h for h in values if lookup({h: h}, column))
    index = listing.header.index(header)
    origin = attendee.origin
    keys = ", ".join(repr(k) for k, _ in roles_from.map)
    raise InputError(
        Location(origin.file, origin.line, index + 1),
        f"row {origin.row}, column {header!r}",
        f"{value!r} is not in attendees.roles_from.map{roles_from.near(value)} (the map has"
        f" {keys}); add it to the map, or give a default: role",
    )


#: A printed cell that starts with "=" is a spreadsheet formula exported as its text (or
#: typed into a form to look like one): a badge would print "=HYPERLINK(…)". Refused.
_FORMULA = (
    "{} starts with '=' like a spreadsheet formula, and a badge would print it as it stands;"
    " put the value itself in the cell (copy, then paste as values) or correct it"
)


def _field_columns(listing: AttendeeList) -> list[tuple[str, int, str]]:
    """Each printed field's column in the list: (field, 1-based column, header); a name made
    of first and last name points at the first-name column."""
    found = []
    for key in ("name", "title", "organisation", "first_name", "last_name", "pronouns", "role"):
        header = getattr(listing.columns, key, None)
        if key == "name" and header is None:
            header = listing.columns.first_name
        if header is not None and header in listing.header:
            found.append((key, listing.header.index(header) + 1, header))
    return found


def _cell(listing: AttendeeList, attendee: Attendee, key: str) -> tuple[Location, str]:
    """Where a field of a listed person was read: ``people.csv:14:3`` and ``row 12, column
    'Company'``; a name made of first and last name points at the first-name column."""
    origin = attendee.origin
    columns = listing.columns
    header = getattr(columns, key, None)
    if key == "name" and header is None:
        header = columns.first_name
    if header is None or header not in listing.header:
        return origin.where, f"row {origin.row}, {key}"
    column = listing.header.index(header) + 1
    return Location(origin.file, origin.line, column), f"row {origin.row}, column {header!r}"
