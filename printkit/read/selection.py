"""``attendees:`` options that decide who gets a badge and which role: ``status: paid``,
``where: {Product: Speaker pass}`` and ``roles_from: {column: Product, map: {…}, default: …}``.

They are read from event.yaml before the list (so a mistake in them is located there) and
checked against the list's header once it is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from printkit.errors import InputError, Location, suggest
from printkit.model.roles import RoleDef, match
from printkit.model.rows import header_key, lookup
from printkit.read.fields import Fields, as_list, fail, scalar_text
from printkit.read.source import Node

ROLES_FROM_KEYS = ("column", "map", "default")
STATUS_CHOICES = ("any", "paid")


@dataclass(frozen=True)
class RolesFrom:
    """A column's values turned into roles: the map (value as written → role key)."""

    column: str | None  # None: the list's ticket-type column
    map: tuple[tuple[str, str], ...]
    default: str | None
    where: Location

    def role(self, value: str) -> str | None:
        """The role for a cell, or None when the map lacks it and there is no default."""
        wanted = " ".join(value.split()).casefold()
        for key, role in self.map:
            if " ".join(key.split()).casefold() == wanted:
                return role
        return self.default

    def near(self, value: str) -> str:
        return suggest(value, [key for key, _ in self.map])


@dataclass(frozen=True)
class Where:
    """Rows printed: every header given must hold one of its values (case and spacing aside)."""

    tests: tuple[tuple[str, tuple[str, ...], Location], ...] = ()

    def keeps(self, values: dict[str, str]) -> bool:
        for header, wanted, _ in self.tests:
            have = " ".join((lookup(values, header) or "").split()).casefold()
            if have not in wanted:
                return False
        return True

    def check(self, header: tuple[str, ...]) -> None:
        """Every header named must be in the list."""
        present = {header_key(h): h for h in header if h}
        for name, _, where in self.tests:
            if header_key(name) not in present:
                raise InputError(
                    where,
                    f"attendees.where.{name}",
                    f"the list has no column {name!r}{suggest(name, present.values())}",
                )


def read_status(fields: Fields) -> bool:
    """``status: paid``: print paid orders only (True); ``any`` (the default) prints pending ones."""
    node = fields.get("status")
    if node is None:
        return False
    value = scalar_text(node, "attendees.status", 20).strip().lower()
    if value not in STATUS_CHOICES:
        raise fail(
            node,
            "attendees.status",
            f"{value!r} is not one of {', '.join(STATUS_CHOICES)}{suggest(value, STATUS_CHOICES)}"
            " (paid: only paid orders get a badge; any: pending ones too)",
        )
    return value == "paid"


def read_where(node: Node | None) -> Where:
    if node is None:
        return Where()
    if node.kind != "mapping":
        raise fail(node, "attendees.where", 'a mapping of column to value, e.g. {Status: "Paid"}')
    tests = []
    for name in node.value:
        item = node.value[name]
        path = f"attendees.where.{name}"
        items = as_list(item, path, "a value") if item.kind == "list" else [item]
        wanted = tuple(" ".join(scalar_text(i, path, 200).split()).casefold() for i in items)
        tests.append((str(name), wanted, node.keys[name]))
    return Where(tuple(tests))


def read_roles_from(node: Node | None, roles: dict[str, RoleDef]) -> RolesFrom | None:
    if node is None:
        return None
    fields = Fields(node, "attendees.roles_from", ROLES_FROM_KEYS, "attendees.roles_from")
    column_node = fields.get("column")
    column = scalar_text(column_node, "attendees.roles_from.column", 200) if column_node else None
    map_node = fields.need("map", 'map values to roles, e.g. map: {"Speaker pass": speaker}')
    if map_node.kind != "mapping":
        raise fail(map_node, "attendees.roles_from.map", 'e.g. {"Speaker pass": speaker}')
    pairs = []
    for key in map_node.value:
        path = f"attendees.roles_from.map.{key}"
        pairs.append(
            (
                str(key),
                role_key(
                    scalar_text(map_node.value[key], path, 40), roles, map_node.value[key], path
                ),
            )
        )
    default_node = fields.get("default")
    default = None
    if default_node is not None:
        path = "attendees.roles_from.default"
        default = role_key(scalar_text(default_node, path, 40), roles, default_node, path)
    return RolesFrom(column, tuple(pairs), default, node.where)


def role_key(value: str, roles: dict[str, RoleDef], node: Node, path: str) -> str:
    """The role key ``value`` names (a key or a label), or an error at ``node``."""
    found = match(value, roles)
    if found is None:
        raise fail(
            node,
            path,
            f"{value!r} is not a role{suggest(value.casefold(), roles)}"
            f" (roles: {', '.join(roles)}; add one under roles:)",
        )
    return found
