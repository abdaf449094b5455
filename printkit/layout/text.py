"""Fitting and wrapping type by rule: measure, shrink within limits, break at spaces or hyphens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from printkit.model.geometry import PT
from printkit.typeset.fonts import Typeface
from printkit.typeset.shaping import advance, ink

Span = tuple[str, str]  # (text, style)

#: How far (in em) a glyph's ink may reach beyond its advance box at either end of a line:
#: a bold J or an italic f hangs left or right of where the pen started or stopped.
OVERHANG = 0.08
#: A line's box, in em of its size: the first baseline this far below a block's top, and
#: this much room below the last baseline. Ink beyond it (stacked marks) is measured.
FIRST_BASELINE, LINE_BOTTOM = 0.98, 0.3


@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size: float  # points


def width_mm(face: Typeface, text: str, style: str, size: float) -> float:
    return face.width(text, style, size) * PT


DASHES = "-\u2010\u2013\u2014"
COMMA_SLACK = 1.2  # a balanced break after a comma may leave its longer line 20 % longer


def break_points(text: str, hyphens: bool = True) -> list[tuple[str, str]]:
    """Every way to split ``text`` in two: at a space (dropped) or after a hyphen (kept).

    A line never starts with a dash: "A – B" breaks after the dash, not before it.
    """
    return [(text[:end], text[start:]) for _, end, start in _breaks(text, hyphens)]


def _breaks(text: str, hyphens: bool) -> list[tuple[int, int, int]]:
    """``break_points`` as indices: (the space's or hyphen's index, the first part's end,
    the rest's start). The rest's own breaks are the text's beyond its start: a space from
    the start on, a hyphen after it (a hyphen never breaks a line's first character off)."""
    options = []
    last = len(text) - 1
    for found in (_BREAKS if hyphens else _SPACES).finditer(text):
        i = found.start()
        if text[i] == " ":
            if text[i + 1 : i + 2] in DASHES and text[i + 2 : i + 3] in (" ", ""):
                continue
            options.append((i, i, i + 1))
        elif 0 < i < last and text[i - 1] != " " and text[i + 1] != " ":
            options.append((i, i + 1, i + 1))
    return options


_SPACES = re.compile(" ")
_BREAKS = re.compile("[ \u2010-]")  # a space, a hyphen or the Unicode hyphen


def fit_block(
    face: Typeface,
    text: str,
    style: str,
    width: float,
    max_size: float,
    min_size: float,
    max_lines: int,
    height: float | None = None,
    leading: float = 1.15,
    prefer_large: bool = False,
    overhang: float = OVERHANG,
) -> Fitted | None:
    """Set ``text`` in as few lines as possible, as large as possible, within ``width`` mm.

    One line at the largest size that fits (down to ``min_size``); only if that fails, two
    lines broken at a space or hyphen, and so on up to ``max_lines``. ``height`` (mm), when
    given, also bounds the block. With ``prefer_large`` (signs read from afar) the split that
    allows the largest type wins instead of the one with the fewest lines. None when nothing
    fits.
    """
    return _fit(
        face.chain(style),
        text,
        width,
        max_size,
        min_size,
        max_lines,
        height,
        leading,
        prefer_large,
        overhang,
    )


@lru_cache(maxsize=1 << 13)
def _fit(
    chain: tuple[str, ...],
    text: str,
    width: float,
    max_size: float,
    min_size: float,
    max_lines: int,
    height: float | None,
    leading: float,
    prefer_large: bool,
    overhang: float,
) -> Fitted | None:
    """``fit_block`` in the registered fonts ``chain`` (a font file's registered name names
    its contents), kept: a badge run fits the same organisation, the same first names and
    the same foot on thousands of badges."""
    best: Fitted | None = None
    for lines in _candidates(text, max_lines):
        # per point of size: the widest line's advance plus the ink that may stick out each side
        widest = max(advance(chain, line) for line in lines) * PT + 2 * overhang * PT
        size = min(max_size, width / widest)
        if height is not None:
            extra = sum(_ink_beyond(chain, lines, leading))
            size = min(size, height / ((_block_height(len(lines), leading) + extra) * PT))
        size = _floor(size)
        if size < min_size:
            continue
        if not prefer_large:
            return Fitted(tuple(lines), size)
        if best is None or size > best.size * (1.0 if _spaces_only(text, lines) else 1.1):
            best = Fitted(tuple(lines), size)
            if size >= _floor(max_size):  # no later split can be set larger
                break
    return best


#: A line that ends in one of these reads as a phrase: the best place to break a title.
PHRASE_ENDS = (":", "–", "—", "?", "!", ",", ";")


def balanced(face: Typeface, fitted: Fitted, text: str, style: str, width: float) -> Fitted:
    """The same size and number of lines, broken where a title reads best: at spaces
    rather than hyphens, after a phrase's end (a colon, a dash) where possible, then with the
    most even line widths, so that no word stands alone on its line ("Disruption")."""
    count = len(fitted.lines)
    if count < 2:
        return fitted
    room = width - 2 * OVERHANG * fitted.size * PT
    best, best_score = fitted, None
    for lines in _candidates(text, count):
        if len(lines) != count:
            continue
        widths = [width_mm(face, line, style, fitted.size) for line in lines]
        if max(widths) > room:
            continue
        phrases = sum(1 for line in lines[:-1] if line.rstrip().endswith(PHRASE_ENDS))
        score = (not _spaces_only(text, lines), -phrases, max(widths) - min(widths))
        if best_score is None or score < best_score:
            best, best_score = Fitted(tuple(lines), fitted.size), score
    return best


def shrunk(size: float, design: float) -> bool:
    """Whether ``fit_block`` set text below its design size (more than the quarter point its
    sizes are floored to)."""
    return size < _floor(design) - 1e-9


def _spaces_only(text: str, lines: tuple[str, ...]) -> bool:
    return " ".join(lines) == text


def ink_beyond(
    face: Typeface, lines: tuple[str, ...], style: str, leading: float
) -> tuple[float, float]:
    """How far (em) a block's glyphs reach above its first line's box and below its last's:
    (0, 0) for ordinary text; marks a font stacks above a letter make it more."""
    return _ink_beyond(face.chain(style), tuple(lines), leading)


@lru_cache(maxsize=1 << 13)
def _ink_beyond(
    chain: tuple[str, ...], lines: tuple[str, ...], leading: float
) -> tuple[float, float]:
    above = below = 0.0
    last = (len(lines) - 1) * leading
    for k, line in enumerate(lines):
        top, bottom = ink(chain, line)
        above = max(above, top - k * leading - FIRST_BASELINE)
        below = max(below, k * leading - bottom - last - LINE_BOTTOM)
    return above, below


def _block_height(lines: int, leading: float) -> float:
    """Height of n lines in units of the font size (ascent+descent of the first, leading after)."""
    return 1.2 + (lines - 1) * leading


def _floor(size: float) -> float:
    return int(size * 4) / 4  # quarter points: stable, reproducible sizes


@lru_cache(maxsize=1 << 14)
def _candidates(text: str, max_lines: int) -> tuple[tuple[str, ...], ...]:
    """Splits of ``text`` into 1..max_lines lines: fewer lines first; for each count, breaks
    at spaces before breaks after hyphens, the most balanced first. Kept: a sign's title is
    fitted for the common size and again on its own face."""
    result: list[list[str]] = [[text]]
    if max_lines < 2:
        return ((text,),)
    found = {hyphens: _breaks(text, hyphens) for hyphens in (False, True)}
    n = len(text)
    spaces = set(found[False])
    for hyphens in (False, True):  # the breaks at a space, then those after a hyphen
        cuts = [cut for cut in found[hyphens] if not hyphens or cut not in spaces]
        cuts.sort(key=lambda cut: max(cut[1], n - cut[2]))
        result += [[text[:end], text[start:]] for _, end, start in cuts]
    if max_lines >= 3:  # sorted as cuts (no line made until kept), 60 of each kind kept
        taken: set[tuple[int, int, int, int]] = set()
        for hyphens in (False, True):
            breaks = found[hyphens]  # the rest's breaks are the text's beyond its start
            cuts = [
                (max(end, second - start, n - after), end, start, second, after)
                for _, end, start in breaks
                for where, second, after in breaks
                if where > start or (where == start and after > second)  # (a space)
            ]
            cuts = [cut for cut in cuts if cut[1:] not in taken]  # (the same cuts, same lines)
            cuts.sort(key=itemgetter(0))
            taken.update(cut[1:] for cut in cuts[:60])
            result += [[text[:e], text[s:second], text[a:]] for _, e, s, second, a in cuts[:60]]
    return tuple(tuple(lines) for lines in result)


def balanced_lines(face: Typeface, text: str, style: str, width: float, size: float) -> list[str]:
    """``text`` in as few lines as greedy breaking needs, but two lines broken for balance:
    of the breaks at a space where both lines fit, the one whose longer line is shortest,
    so no lone word is left on the second line when a better break exists. A break after a
    comma (between a title and an organisation) wins if its longer line is at most
    ``COMMA_SLACK`` longer."""
    lines = [ln[0][1] for ln in wrap(face, [(text, style)], width, size)]
    if len(lines) != 2:
        return lines
    fitting = [
        (max(width_mm(face, a, style, size), width_mm(face, b, style, size)), [a, b])
        for a, b in break_points(text, hyphens=False)
        if width_mm(face, a, style, size) <= width and width_mm(face, b, style, size) <= width
    ]
    if not fitting:
        return lines
    return min(fitting, key=lambda f: f[0] / (COMMA_SLACK if f[1][0].endswith(",") else 1.0))[1]


def wrap(
    face: Typeface, spans: list[Span], width: float, size: float
) -> list[list[tuple[float, str, str]]]:
    """Greedy line breaking of styled spans into lines of (x offset mm, text, style) pieces."""
    words: list[tuple[str, str, bool, float | None]] = []  # (word, style, space before, width)
    for text, style in spans:
        parts = text.split(" ")
        for i, part in enumerate(parts):
            if part == "":
                continue
            space_before = i > 0 or (text.startswith(" ") and bool(words))
            w = width_mm(face, part, style, size)
            if w > width and "-" in part[1:-1]:
                # a word wider than the column breaks after its hyphens, the hyphens kept
                pieces = re.findall(r"[^-]+-|[^-]+$", part)
                words.append((pieces[0], style, space_before, None))
                words += [(piece, style, False, None) for piece in pieces[1:]]
                continue
            words.append((part, style, space_before, w))
    spaces = {style: width_mm(face, " ", style, size) for _, style in spans}
    lines: list[list[tuple[float, str, str]]] = []
    line: list[tuple[float, str, str]] = []
    x = 0.0
    for word, style, space_before, known in words:
        space = spaces[style] if (space_before and line) else 0.0
        w = width_mm(face, word, style, size) if known is None else known
        if line and x + space + w > width + 1e-9:
            lines.append(_merge(line))
            line, x, space = [], 0.0, 0.0
        line.append((x + space, word if not space else " " + word, style))
        x += space + w
    if line:
        lines.append(_merge(line))
    return lines


def _merge(pieces: list[tuple[float, str, str]]) -> list[tuple[float, str, str]]:
    """Join neighbouring pieces of one style into one run.

    A piece's x is where its word starts; its text may begin with the space before it. That
    space stays inside a merged run and is dropped where a new run starts (the x covers it).
    """
    merged: list[tuple[float, str, str]] = []
    for x, text, style in pieces:
        if merged and merged[-1][2] == style:
            mx, mtext, _ = merged[-1]
            merged[-1] = (mx, mtext + text, style)
        else:
            merged.append((x, text.lstrip(" "), style))
    return merged
