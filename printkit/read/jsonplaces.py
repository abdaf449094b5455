"""Places in a JSON text, for messages about a file the standard decoder read (or would read
wrongly): where a value stands by its path, where a key is written twice in one object,
where the nesting passes ``MAX_DEPTH``, and where a number JSON does not have stands (``NaN``,
``Infinity``, ``1e400``).

The decoder stays ``json.loads`` (a large export is read in C); the scan here runs only to
place what was found, or to check the depth before decoding (which the C decoder would
otherwise end in a RecursionError, 100,000 ``[`` deep).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from itertools import accumulate

MAX_DEPTH = 40  # as event.yaml's and schedule files' nesting; pretix's export has 8 levels
MAX_DIGITS = 4300  # where Python's int() gives up (ValueError) on a number's digits
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_TOKEN = re.compile(_STRING + r'|[\[\]{}:,]|[^\s\[\]{}:,"]+')
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_CONSTANTS = ("NaN", "Infinity", "-Infinity")
_KINDS = {"{": "an object", "[": "a list", '"': "a string", "t": "true", "f": "false", "n": "null"}

Path = tuple[str | int, ...]


class Bad(Exception):
    """Raised by the decoder's hooks: the scan then says what and where."""


def deeper_than(text: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than ``limit``: escaped backslashes and
    quotes removed, every other quote opens or closes a string, and what is outside is ASCII
    in any JSON the decoder would read (at C speed: 50 MB in a tenth of a second)."""
    plain = text.replace("\\\\", "").replace('\\"', "")
    outside = "".join(plain.split('"')[::2]).encode("ascii", "ignore")
    steps = outside.translate(_STEPS, _NOT_BRACKETS)
    if len(steps) <= limit:
        return False
    return max(accumulate(s if s < 128 else s - 256 for s in steps)) > limit


def scalar_problem(token: str) -> str | None:
    """What is wrong with a bare token (a number, true, false, null), if anything."""
    if token in _CONSTANTS:
        return f"{token} is not a JSON value (JSON has no NaN or Infinity)"
    if token[:1] not in "-0123456789":
        return None  # true, false, null; anything else is the decoder's to refuse
    digits = sum(c.isdigit() for c in token.partition("e")[0].partition("E")[0])
    if digits > MAX_DIGITS:
        return f"a number of {digits:,} digits, more than the {MAX_DIGITS:,} read"
    try:
        if not math.isfinite(float(token)):
            return f"{token} is too large a number (it would be read as infinity)"
    except ValueError:
        return None
    return None


def first_problem(text: str) -> tuple[int, Path, str] | None:
    """The first key written twice in one object, nesting deeper than ``MAX_DEPTH``, or number
    JSON does not have: (offset, path, problem)."""
    for event, at, path, token in _walk(text):
        if event == "twice":
            return (
                at,
                path,
                "this key is written twice in one object (readers differ on which counts)",
            )
        if event == "deep":
            return at, (), f"nested more than {MAX_DEPTH} levels deep (pretix's export has 8)"
        if token[0] not in '"[{':
            problem = scalar_problem(token)
            if problem:
                return at, path, problem
    return None


def place_of(text: str, path: Path) -> int | None:
    """The offset of the value at ``path``; None when the file has none there."""
    return next(places_of(text, path), None)


def places_of(text: str, pattern: tuple[str | int | None, ...]) -> Iterator[int]:
    """The offset of every value whose path matches ``pattern`` (None: any key or index)."""
    for event, at, path, _token in _walk(text):
        if (
            event == "value"
            and len(path) == len(pattern)
            and all(p is None or p == s for p, s in zip(pattern, path, strict=True))
        ):
            yield at


def kind_at(text: str, offset: int | None) -> str:
    """What the value at ``offset`` is, in words: ``a number``, ``a string``, ``null`` …"""
    if offset is None:
        return "nothing"
    return _KINDS.get(text[offset], "a number")


def path_text(path: Path) -> str:
    """``event.orders[2].positions[0]``"""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def _walk(text: str) -> Iterator[tuple[str, int, Path, str]]:
    """("value", offset, path, token) for every value in order; ("twice", …) at a key seen
    before in its object and ("deep", …) at the bracket past ``MAX_DEPTH``, where it ends."""
    stack: list[list] = []  # [True, key, keys, awaiting a key] or [False, index]
    for match in _TOKEN.finditer(text):
        token, at = match.group(), match.start()
        top = stack[-1] if stack else None
        first = token[0]
        if first in ",:":
            if first == "," and top is not None and top[0]:
                top[3] = True
            continue
        if first in "]}":
            if stack:
                stack.pop()
            continue
        if top is not None and top[0] and top[3]:
            key = _key(token)
            top[1], top[3] = key, False
            if key in top[2]:
                yield "twice", at, _path(stack), token
            top[2].add(key)
            continue
        if top is not None and not top[0]:
            top[1] += 1
        path = _path(stack)
        yield "value", at, path, token
        if first in "[{":
            if len(stack) >= MAX_DEPTH:
                yield "deep", at, path, token
                return
            stack.append([True, None, set(), True] if first == "{" else [False, -1])


def _path(stack: list[list]) -> Path:
    return tuple(frame[1] for frame in stack)


def _key(token: str) -> str:
    try:
        return str(json.loads(token))
    except ValueError:
        return token
