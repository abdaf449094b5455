"""JSON parsed with the place of every value, so a schedule.json's problems are located.

The standard library's decoder gives values without positions; this is a small
recursive-descent reader over the same grammar (RFC 8259), using the standard library's own
string scanner. Nesting deeper than ``MAX_DEPTH`` is refused (a schedule is a few levels deep),
and so is a key given twice in one object, which the standard library's reader settles by
keeping the last (two rooms of one name: the first room's sessions vanished).
"""

from __future__ import annotations

import bisect
import json.decoder
import re
from dataclasses import dataclass
from typing import Any

from printkit.errors import InputError, Location, shown

MAX_DEPTH = 40
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_SPACE = re.compile(r"[ \t\n\r]*")
_WORDS = {"true": True, "false": False, "null": None}


@dataclass(frozen=True)
class Value:
    """A JSON value and where it starts; objects map keys to ``Value``s, arrays list them."""

    data: Any
    where: Location

    def get(self, key: str) -> Value | None:
        return self.data.get(key) if isinstance(self.data, dict) else None

    def text(self, key: str) -> str | None:
        found = self.get(key)
        if found is None or found.data is None:
            return None
        return found.data if isinstance(found.data, str) else str(found.data)


class _Reader:
    def __init__(self, source: str, display: str) -> None:
        self.s = source
        self.display = display
        self.lines = [0] + [m.end() for m in re.finditer("\n", source)]

    def where(self, pos: int) -> Location:
        line = bisect.bisect_right(self.lines, pos)
        return Location(self.display, line, pos - self.lines[line - 1] + 1)

    def fail(self, pos: int, problem: str) -> InputError:
        return InputError(self.where(pos), "", f"not valid JSON ({problem})")

    def skip(self, pos: int) -> int:
        return _SPACE.match(self.s, pos).end()

    def value(self, pos: int, depth: int) -> tuple[Value, int]:
        pos = self.skip(pos)
        if depth > MAX_DEPTH:
            raise InputError(self.where(pos), "", f"nested more than {MAX_DEPTH} levels deep")
        where = self.where(pos)
        char = self.s[pos : pos + 1]
        if char == "{":
            return self.object(pos + 1, depth, where)
        if char == "[":
            return self.array(pos + 1, depth, where)
        if char == '"':
            try:
                string, end = json.decoder.scanstring(self.s, pos + 1)
            except json.JSONDecodeError as exc:
                raise self.fail(exc.pos, exc.msg) from None
            return Value(string, where), end
        for word, data in _WORDS.items():
            if self.s.startswith(word, pos):
                return Value(data, where), pos + len(word)
        number = _NUMBER.match(self.s, pos)
        if number and number.end() > pos:
            literal = number.group()
            data = float(literal) if any(c in literal for c in ".eE") else int(literal)
            return Value(data, where), number.end()
        raise self.fail(pos, "a value was expected" if char else "the file ends early")

    def object(self, pos: int, depth: int, where: Location) -> tuple[Value, int]:
        items: dict[str, Value] = {}
        keys: dict[str, Location] = {}
        pos = self.skip(pos)
        if self.s.startswith("}", pos):
            return Value(items, where), pos + 1
        while True:
            pos = self.skip(pos)
            if not self.s.startswith('"', pos):
                raise self.fail(pos, "a key in double quotes was expected")
            key, pos = self.value(pos, depth + 1)
            pos = self.skip(pos)
            if not self.s.startswith(":", pos):
                raise self.fail(pos, "':' was expected after the key")
            item, pos = self.value(pos + 1, depth + 1)
            if key.data in keys:
                raise _twice(key, keys[key.data])
            keys[key.data] = key.where
            items[key.data] = item
            pos = self.skip(pos)
            if self.s.startswith(",", pos):
                pos += 1
                continue
            if self.s.startswith("}", pos):
                return Value(items, where), pos + 1
            raise self.fail(pos, "',' or '}' was expected")

    def array(self, pos: int, depth: int, where: Location) -> tuple[Value, int]:
        items: list[Value] = []
        pos = self.skip(pos)
        if self.s.startswith("]", pos):
            return Value(items, where), pos + 1
        while True:
            item, pos = self.value(pos, depth + 1)
            items.append(item)
            pos = self.skip(pos)
            if self.s.startswith(",", pos):
                pos += 1
                continue
            if self.s.startswith("]", pos):
                return Value(items, where), pos + 1
            raise self.fail(pos, "',' or ']' was expected")


def _twice(key: Value, first: Location) -> InputError:
    """A key given twice in one object: JSON readers keep the last, and what the first held
    (a room's sessions, a title) would be lost without a word."""
    return InputError(
        key.where,
        "",
        f"the key {shown(key.data)} is given twice in one object (first at line {first.line},"
        f" column {first.column}); a JSON reader keeps only the last, which would lose what the"
        " first holds: merge the two or rename one",
    )


def parse(source: str, display: str) -> Value:
    reader = _Reader(source, display)
    value, end = reader.value(0, 0)
    end = reader.skip(end)
    if end != len(source):
        raise reader.fail(end, "more after the end of the document")
    return value
