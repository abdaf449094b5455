"""The Unicode bidirectional algorithm (UAX #9) for one line of text: levels and visual order.

A line is one paragraph; its direction comes from its first strong character (P2, P3). The
levels come from ICU (the library's UAX #9: weak and neutral types, paired brackets, trailing
whitespace); ``visual_order`` is rule L2 on any list of levels (runs of pieces, not only
characters). Explicit formatting characters never reach here: text cleaning removes them.
The tests hold ICU's answer against python-bidi's, an independent implementation.

Mirroring (L4) is left to the shaper: HarfBuzz mirrors brackets in a right-to-left run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


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
    """The resolved embedding level of every character of ``text``, in logical order: ICU's
    implementation of UAX #9 (weak and neutral types, paired brackets, trailing whitespace)."""
    if not text:
        return []
    import icu  # ICU loads only for a line that is not plain left-to-right text

    para = icu.Bidi()
    para.setPara(
        icu.UnicodeString(text), icu.Bidi.DEFAULT_RTL if base_level(text) else icu.Bidi.DEFAULT_LTR
    )
    units = para.getLevels()  # one per UTF-16 code unit
    result, unit = [], 0
    for char in text:
        result.append(units[unit])
        unit += 2 if ord(char) > 0xFFFF else 1
    return result


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


def closing_bracket(char: str) -> str | None:
    """The closing bracket an opening bracket pairs with (Bidi_Paired_Bracket), else None."""
    import icu

    if icu.Char.getIntPropertyValue(char, icu.UProperty.BIDI_PAIRED_BRACKET_TYPE) != 1:  # 1: open
        return None
    return icu.Char.getBidiPairedBracket(char)
