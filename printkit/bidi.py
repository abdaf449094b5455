"""The Unicode bidirectional algorithm (UAX #9) for one line of text: levels and visual order.

A line is one paragraph. Its direction comes from its first strong character (P2, P3); the
implicit rules W1–W7, N0 (paired brackets), N1, N2, I1 and I2 resolve every character's
embedding level, L1 resets trailing whitespace, and L2 gives the visual order. The explicit
formatting characters (LRE, RLE, LRO, RLO, PDF, LRI, RLI, FSI, PDI) are ignored like BN:
names and titles do not carry them, and the implicit rules order real text correctly
without them. The tests check this module against python-bidi's (Rust) implementation.

Mirroring (L4) is left to the shaper: HarfBuzz mirrors brackets in a right-to-left run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache

#: Ignored, like BN (X9): the explicit embeddings, overrides and isolates.
_EXPLICIT = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))
_NEUTRAL = frozenset(("B", "S", "WS", "ON"))
_MAX_BRACKET_DEPTH = 63  # BD16


def base_level(text: str) -> int:
    """0 (left to right) or 1: the direction of the first strong character (P2, P3)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return 0


def levels(text: str) -> list[int]:
    """The resolved embedding level of every character of ``text``, in logical order."""
    base = base_level(text)
    classes = [unicodedata.bidirectional(c) for c in text]
    kept = [i for i, kind in enumerate(classes) if kind != "BN" and kind not in _EXPLICIT]
    types = [classes[i] for i in kept]
    sos = "R" if base % 2 else "L"
    _weak(types, sos)
    _brackets(types, [text[i] for i in kept], [classes[i] for i in kept], sos)
    _neutrals(types, sos)
    resolved = [_implicit(kind, base) for kind in types]

    result: list[int | None] = [None] * len(text)
    for k, i in enumerate(kept):
        result[i] = resolved[k]
    _trailing_whitespace(result, classes, base)
    # removed characters (BN, explicit) take the level of the character before them, so a
    # joiner stays in its run (UAX #9, 5.2); at the start, the paragraph's
    previous = base
    for i, level in enumerate(result):
        if level is None:
            result[i] = previous
        previous = result[i]
    return result  # type: ignore[return-value]


def _weak(types: list[str], sos: str) -> None:
    """W1–W7, in place."""
    n = len(types)
    original_nsm = [t == "NSM" for t in types]
    for k in range(n):  # W1
        if original_nsm[k]:
            types[k] = types[k - 1] if k else sos
    last = sos
    for k in range(n):  # W2, W3
        kind = types[k]
        if kind in ("L", "R", "AL"):
            last = kind
        elif kind == "EN" and last == "AL":
            types[k] = "AN"
        if kind == "AL":
            types[k] = "R"
    for k in range(1, n - 1):  # W4
        before, kind, after = types[k - 1], types[k], types[k + 1]
        if kind == "ES" and before == after == "EN":
            types[k] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[k] = before
    k = 0
    while k < n:  # W5
        if types[k] != "ET":
            k += 1
            continue
        end = k
        while end < n and types[end] == "ET":
            end += 1
        if (k > 0 and types[k - 1] == "EN") or (end < n and types[end] == "EN"):
            types[k:end] = ["EN"] * (end - k)
        k = end
    for k in range(n):  # W6
        if types[k] in ("ES", "ET", "CS"):
            types[k] = "ON"
    last = sos
    for k in range(n):  # W7
        if types[k] in ("L", "R"):
            last = types[k]
        elif types[k] == "EN" and last == "L":
            types[k] = "L"


def _strong(kind: str) -> str | None:
    """The direction a resolved type counts as for N0–N2: numbers count as R."""
    if kind == "L":
        return "L"
    if kind in ("R", "EN", "AN"):
        return "R"
    return None


def _brackets(types: list[str], chars: list[str], classes: list[str], sos: str) -> None:
    """N0: a pair of brackets takes the direction of what it encloses, or of its context."""
    embedding = sos
    opposite = "L" if embedding == "R" else "R"
    for opening, closing in _bracket_pairs(types, chars):
        inside = {_strong(t) for t in types[opening + 1 : closing]}
        if embedding in inside:
            new = embedding
        elif opposite in inside:
            context = next(
                (d for d in map(_strong, reversed(types[:opening])) if d is not None), sos
            )
            new = opposite if context == opposite else embedding
        else:
            continue
        for at in (opening, closing):
            types[at] = new
            k = at + 1
            while k < len(types) and classes[k] == "NSM":
                types[k] = new
                k += 1


def closing_bracket(char: str) -> str | None:
    """The bracket that closes ``char``, if it is an opening bracket."""
    return _bracket_table()[0].get(char)


def _bracket_pairs(types: list[str], chars: list[str]) -> list[tuple[int, int]]:
    """BD16: matching opening and closing brackets (both still ON), by the opening's position."""
    opening, closing = _bracket_table()
    stack: list[tuple[str, int]] = []
    pairs = []
    for k, char in enumerate(chars):
        if types[k] != "ON":
            continue
        closer = opening.get(char)
        if closer is not None:
            if len(stack) == _MAX_BRACKET_DEPTH:
                break
            stack.append((closer, k))
        elif char in closing:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _neutrals(types: list[str], sos: str) -> None:
    """N1, N2: neutrals between two strong types of one direction take it; others, the
    embedding direction."""
    n = len(types)
    k = 0
    while k < n:
        if types[k] not in _NEUTRAL:
            k += 1
            continue
        end = k
        while end < n and types[end] in _NEUTRAL:
            end += 1
        before = _strong(types[k - 1]) if k > 0 else sos
        after = _strong(types[end]) if end < n else sos
        types[k:end] = [before if before == after else sos] * (end - k)
        k = end


def _implicit(kind: str, base: int) -> int:
    """I1, I2."""
    if base % 2 == 0:
        return base + {"R": 1, "AN": 2, "EN": 2}.get(kind, 0)
    return base + (1 if kind in ("L", "EN", "AN") else 0)


def _trailing_whitespace(result: list[int | None], classes: list[str], base: int) -> None:
    """L1: separators, and whitespace before them or at the end of the line, at the base level."""
    trailing = True
    for i in range(len(classes) - 1, -1, -1):
        kind = classes[i]
        if kind in ("S", "B"):
            result[i] = base
            trailing = True
        elif trailing and (kind == "WS" or kind == "BN" or kind in _EXPLICIT):
            result[i] = base
        else:
            trailing = False


def visual_order(levels: Sequence[int]) -> list[int]:
    """L2: the logical indices in visual order (left to right)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((v for v in levels if v % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            end = i
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[i:end] = reversed(order[i:end])
            i = end
    return order


#: Bidi_Paired_Bracket pairs that are not neighbouring code points.
_FAR_PAIRS = {
    "[": "]",
    "{": "}",
    "\uff3b": "\uff3d",
    "\uff5b": "\uff5d",
    "\u298d": "\u2990",
    "\u298f": "\u298e",
}


@cache
def _bracket_table() -> tuple[dict[str, str], frozenset[str]]:
    """Opening → closing bracket (Bidi_Paired_Bracket, which Python's unicodedata does not
    carry): each mirrored opening punctuation (Ps) and the mirrored closing punctuation (Pe)
    after it, with the few pairs that lie further apart named."""
    opening: dict[str, str] = {}
    for code in range(0x10000):
        char = chr(code)
        if unicodedata.category(char) != "Ps" or not unicodedata.mirrored(char):
            continue
        closer = chr(code + 1)
        if unicodedata.category(closer) == "Pe" and unicodedata.mirrored(closer):
            opening[char] = closer
    opening.update(_FAR_PAIRS)
    return opening, frozenset(opening.values())
