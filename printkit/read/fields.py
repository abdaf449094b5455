"""Typed reading of positioned YAML nodes, with located, actionable errors.

A ``Fields`` wraps one mapping: it refuses unknown keys (suggesting the near miss), and its
readers turn strings from YAML into types at the edge, each failure naming file, line,
column and field path.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum
from typing import TypeVar

from printkit.errors import InputError, InputWarning, key_text, shown, suggest
from printkit.read.clean import Refused, clean
from printkit.read.notices import warn
from printkit.read.source import Node

E = TypeVar("E", bound=Enum)

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt)?\s*$")
_UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, None: 1.0}


def fail(node: Node, path: str, problem: str) -> InputError:
    return InputError(node.where, path, problem)


def as_list(node: Node, path: str, what: str) -> list[Node]:
    if node.kind != "list":
        raise fail(
            node, path, f"must be a list of {what} (lines starting with '-'), not {_kind(node)}"
        )
    return node.value


def _kind(node: Node) -> str:
    return {"mapping": "a mapping", "list": "a list", "empty": "empty"}.get(
        node.kind, f"the value {shown(node.raw)}" if node.raw is not None else node.kind
    )


class Fields:
    """The keys of one YAML mapping, read one by one."""

    def __init__(
        self,
        node: Node,
        path: str,
        allowed: Iterable[str],
        what: str = "this section",
        listed: Iterable[str] | None = None,
    ):
        """``listed``: the keys to name when an unknown key is near none (default: all)."""
        if node.kind != "mapping":
            raise fail(
                node,
                path or "(top level)",
                f"must be a mapping of keys to values, not {_kind(node)}",
            )
        self.node = node
        self.path = path
        allowed = tuple(allowed)
        listed = allowed if listed is None else tuple(listed)
        for key, where in node.keys.items():
            if key not in allowed:
                raise InputError(
                    where,
                    self.sub(key),
                    f"unknown key in {what}{suggest(key, allowed)}"
                    + ("" if suggest(key, allowed) else f" (known keys: {', '.join(listed)})"),
                )

    def sub(self, key: str) -> str:
        key = key_text(key)
        return f"{self.path}.{key}" if self.path else key

    def has(self, key: str) -> bool:
        node = self.node.value.get(key)
        return node is not None and node.kind != "empty"

    def get(self, key: str) -> Node | None:
        node = self.node.value.get(key)
        return None if node is None or node.kind == "empty" else node

    def need(self, key: str, why: str) -> Node:
        node = self.get(key)
        if node is None:
            where = self.node.keys.get(key, self.node.where)
            raise InputError(where, self.sub(key), f"missing; {why}")
        return node

    # -- typed readers -----------------------------------------------------------------

    def text(
        self, key: str, why: str | None = None, max_length: int = 2000, single_line: bool = True
    ) -> str | None:
        node = self.need(key, why) if why else self.get(key)
        if node is None:
            return None
        return scalar_text(node, self.sub(key), max_length, single_line)

    def texts(self, key: str, max_length: int = 2000, single_line: bool = True) -> tuple[str, ...]:
        """A string or a list of strings."""
        node = self.get(key)
        if node is None:
            return ()
        if node.kind == "list":
            return tuple(
                scalar_text(item, f"{self.sub(key)}[{i + 1}]", max_length, single_line)
                for i, item in enumerate(node.value)
            )
        return (scalar_text(node, self.sub(key), max_length, single_line),)

    def date(self, key: str, why: str) -> dt.date:
        node = self.need(key, why)
        _scalar(node, self.sub(key), "a date, YYYY-MM-DD")
        if isinstance(node.value, dt.datetime):
            return node.value.date()
        if isinstance(node.value, dt.date):
            return node.value
        try:
            return dt.date.fromisoformat(str(node.raw).strip())
        except ValueError:
            raise fail(
                node,
                self.sub(key),
                f"{shown(node.raw)} is not a date; write it as YYYY-MM-DD, e.g. 2017-06-15",
            ) from None

    def time(self, key: str, why: str, midnight: bool = False) -> dt.time:
        """A time of day; with ``midnight`` (an end), "24:00" too, read as 00:00."""
        node = self.need(key, why)
        _scalar(node, self.sub(key), 'a time of day, "HH:MM"')
        match = _TIME.match(str(node.raw))
        if match:
            hour, minute = int(match.group(1)), int(match.group(2))
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
            if midnight and (hour, minute) == (24, 0):
                return dt.time()
        raise fail(
            node,
            self.sub(key),
            f'{shown(node.raw)} is not a time of day; write it as HH:MM, e.g. "14:00"',
        )

    def integer(self, key: str, default: int, low: int, high: int) -> int:
        node = self.get(key)
        if node is None:
            return default
        if isinstance(node.value, bool) or not isinstance(node.value, int):
            raise fail(node, self.sub(key), f"must be a whole number, not {_kind(node)}")
        if not low <= node.value <= high:
            raise fail(node, self.sub(key), f"must be between {low} and {high}, not {node.value}")
        return node.value

    def length(
        self, key: str, default: float | None, low: float = 0.0, high: float = 2000.0
    ) -> float | None:
        """A length in mm; "3.175 mm", "0.125 in", "12pt" and bare numbers (mm) are accepted."""
        node = self.get(key)
        if node is None:
            return default
        _scalar(node, self.sub(key), 'a length, e.g. 54 or "54 mm"')
        match = _LENGTH.match(str(node.raw))
        if match is None or isinstance(node.value, bool):
            raise fail(
                node,
                self.sub(key),
                f'{shown(node.raw)} is not a length; write e.g. 54, "54 mm" or "2.125 in"',
            )
        value = float(match.group(1)) * _UNIT_MM[match.group(2)]
        if not low <= value <= high:
            raise fail(
                node, self.sub(key), f"must be between {low:g} and {high:g} mm, not {value:g} mm"
            )
        return value

    def flag(self, key: str, default: bool) -> bool:
        node = self.get(key)
        if node is None:
            return default
        return as_flag(node, self.sub(key))

    def choice(self, key: str, enum: type[E], default: E) -> E:
        node = self.get(key)
        if node is None:
            return default
        return coerce(node, self.sub(key), enum)


def _scalar(node: Node, path: str, what: str) -> None:
    """Refuse a list or mapping where one value belongs (it has no text to quote)."""
    if node.kind in ("mapping", "list"):
        raise fail(node, path, f"must be {what}, not {_kind(node)}")


def as_flag(node: Node, path: str) -> bool:
    if isinstance(node.value, bool):
        return node.value
    raise fail(node, path, f"must be true or false, not {_kind(node)}")


def coerce(node: Node, path: str, enum: type[E]) -> E:
    values = [member.value for member in enum]
    _scalar(node, path, f"one of {', '.join(values)}")
    word = str(node.raw).strip().lower()
    if word in values:
        return enum(word)
    problem = f"{shown(node.raw)} is not one of {', '.join(values)}{suggest(word, values)}"
    raise fail(node, path, problem)


def scalar_text(node: Node, path: str, max_length: int = 2000, single_line: bool = True) -> str:
    """A text value, cleaned (``printkit.read.clean``): what was changed is warned about, what
    cannot be typeset is refused, and it must fit ``max_length`` characters."""
    if node.kind in ("mapping", "list"):
        raise fail(node, path, f"must be text, not {_kind(node)}")
    if node.kind == "empty":  # ~ or null would otherwise print as "~" or "null"
        raise fail(node, path, "is empty; write the text or remove it")
    if isinstance(node.value, bytes):
        raise fail(node, path, "must be text, not binary data")
    text = str(node.value) if node.quoted or isinstance(node.value, str) else str(node.raw)
    if len(text) > 4 * max_length + 1000:  # don't spend time cleaning what is refused anyway
        raise fail(
            node,
            path,
            f"is {len(text):,} characters long; at most {max_length:,} can be typeset here",
        )
    try:
        cleaned = clean(text, single_line=single_line)
    except Refused as refused:
        raise fail(node, path, refused.problem) from None
    for change in cleaned.changes:
        warn(InputWarning(node.where, path, change.what))
    text = cleaned.text
    if len(text) > max_length:
        raise fail(
            node,
            path,
            f"is {len(text):,} characters long; at most {max_length:,} can be typeset here",
        )
    return text
