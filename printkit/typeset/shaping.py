"""One line of text set in a chain of fonts: runs by font and direction, in visual order.

Each character is set in the first font of the chain that has it, except that marks stay
with their base and common characters (spaces, digits, punctuation, symbols) stay in the
font of the text around them: "Ali (القاهرة)" keeps both brackets in the Latin font, and
the space in "محمد عبد الله" in the Arabic one. A closing bracket takes its opening
bracket's font. The line is then cut into runs of one font and one bidi level
(``printkit.typeset.bidi``), put in visual order, and each run that needs it (right to left, or a
script with marks, joining or reordering) is shaped by HarfBuzz: contextual forms,
ligatures, marks placed by the font's anchors, brackets mirrored. Runs of plain left-to-right
text (Latin, Greek, Cyrillic, CJK) are drawn character by character as before, without
kerning or ligatures, so they copy out as typed.

Layout measures a line's ``advance`` and render draws its ``runs``; both come from
``set_line``, so what is measured is what is drawn.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr, TTFont

from printkit.typeset import bidi

#: Features for shaped left-to-right runs: kerning and ligatures stay off, as in the
#: unshaped runs beside them (a Latin name with a rare accent looks like its neighbours).
_LTR_FEATURES = {"kern": False, "liga": False}

#: Default_Ignorable_Code_Point (DerivedCoreProperties.txt): invisible, needing no glyph.
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)  # fmt: skip


def ignorable(char: str) -> bool:
    """Invisible formatting (zero-width joiners, direction marks, variation selectors, soft
    hyphens): no font needs a glyph for it."""
    code = ord(char)
    return code >= 0xAD and any(low <= code <= high for low, high in _IGNORABLE)


def _complex(char: str) -> bool:
    """A character whose script needs shaping: marks, and the scripts from Hebrew to
    Mongolian, the Indic and South-East Asian blocks, presentation forms, and beyond the BMP."""
    code = ord(char)
    return (
        0x0590 <= code <= 0x1DFF
        or 0xA800 <= code <= 0xABFF
        or 0xFB1D <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
        or code >= 0x10000
        or unicodedata.category(char)[0] == "M"
    )


@cache
def coverage(font: str) -> frozenset[str]:
    """The characters a registered font has glyphs for, by its cmap as loaded.

    Called when the font is registered, before shaping adds private code points to
    ReportLab's copy of the cmap for unencoded glyphs (contextual forms)."""
    return frozenset(map(chr, pdfmetrics.getFont(font).face.charToGlyph))


@dataclass(frozen=True)
class Run:
    """Glyphs in one font, drawn left to right from where the previous run ended."""

    font: str  # a registered ReportLab font name
    text: str  # the characters, or a ReportLab ShapedStr of the shaped glyphs
    advance: float  # width at 1 pt, in points
    rtl: bool = False


@dataclass(frozen=True)
class SetLine:
    runs: tuple[Run, ...]  # in visual order, left to right
    advance: float  # width at 1 pt, in points


@cache
def _plain(font: str) -> frozenset[str]:
    """The characters a font sets on its own, left to right, without shaping."""
    cover = coverage(font).difference(_IGNORABLE_SET)
    return frozenset(c for c in cover if not _complex(c))


_IGNORABLE_SET = frozenset(chr(c) for low, high in _IGNORABLE for c in range(low, high + 1))


def set_line(chain: tuple[str, ...], text: str) -> SetLine:
    """``text`` (one line, logical order) set in the chain of registered fonts."""
    primary = chain[0]
    if _plain(primary).issuperset(text):  # the common case, kept fast: one run, as typed
        advance = pdfmetrics.stringWidth(text, primary, 1.0)
        return SetLine((Run(primary, text, advance),), advance)
    return _set_mixed(chain, text)


@lru_cache(maxsize=1 << 17)
def advance(chain: tuple[str, ...], text: str) -> float:
    """``set_line(chain, text).advance``, without building runs in the common case (kept:
    fitting a title tries its lines at many breaks, and a festival measures the same words
    again on every product)."""
    primary = chain[0]
    if _plain(primary).issuperset(text):
        return pdfmetrics.stringWidth(text, primary, 1.0)
    return _set_mixed(chain, text).advance


@lru_cache(maxsize=8192)
def _set_mixed(chain: tuple[str, ...], text: str) -> SetLine:
    fonts = pick_fonts(chain, text)
    levels = bidi.levels(text)
    pieces: list[tuple[int, int, int]] = []  # (start, end, level), logical order
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (fonts[i], levels[i]) != (fonts[start], levels[start]):
            pieces.append((start, i, levels[start]))
            start = i
    order = bidi.visual_order([level for _, _, level in pieces])
    runs: list[Run] = []
    for k in order:
        begin, end, level = pieces[k]
        font = chain[max(fonts[begin], 0)]  # nothing has it: the notdef box; require() refuses
        run = _run(font, text[begin:end], rtl=level % 2 == 1)
        if not run.text:  # only invisible characters (a direction mark): nothing to draw
            continue
        last = runs[-1] if runs else None
        if last and last.font == font and _unshaped(last) and _unshaped(run):
            run = Run(font, last.text + run.text, last.advance + run.advance)
            runs.pop()
        runs.append(run)
    return SetLine(tuple(runs), sum(run.advance for run in runs))


@lru_cache(maxsize=1 << 16)
def ink(chain: tuple[str, ...], text: str) -> tuple[float, float]:
    """How far the ink of ``text`` set in ``chain`` reaches above and below its baseline, in
    points at 1 pt (below: negative): each glyph's box where it is drawn, so marks the font
    stacks above a letter ("Z" with eight accents) count at their real height."""
    top = bottom = 0.0
    for run in set_line(chain, text).runs:
        if isinstance(run.text, ShapedStr):  # each glyph raised by its offset
            rises = [d.y_offset / 1000.0 for d in run.text.__shapeData__]
            placed = zip(str(run.text), rises, strict=True)
        else:  # on the baseline: each character once is enough
            placed = ((char, 0.0) for char in set(run.text))
        for char, rise in placed:
            extent = _glyph_ink(run.font, char)
            if extent is None:
                continue
            top = max(top, rise + extent[0])
            bottom = min(bottom, rise + extent[1])
    return top, bottom


@cache
def _glyph_ink(font: str, char: str) -> tuple[float, float] | None:
    """The top and bottom of a character's glyph in em (None: no ink), read once per font.
    A private code point (a contextual form) is only met after shaping has mapped it."""
    hb_font = _hb_font(font)
    glyph = pdfmetrics.getFont(font).face.charToGlyph.get(ord(char), 0)
    box = hb_font.get_glyph_extents(glyph)
    if box is None or box.height == 0:
        return None
    per_em = hb_font.scale[1]
    return box.y_bearing / per_em, (box.y_bearing + box.height) / per_em


def _unshaped(run: Run) -> bool:
    return not run.rtl and not isinstance(run.text, ShapedStr)


def pick_fonts(chain: tuple[str, ...], text: str) -> list[int]:
    """For each character, the index in ``chain`` of the font that sets it; -1 where none can."""
    covers = [coverage(font) for font in chain]

    def first(char: str) -> int:
        return next((k for k, cover in enumerate(covers) if char in cover), -1)

    letters: list[int | None] = [
        first(c) if unicodedata.category(c)[0] == "L" else None for c in text
    ]
    picked = list(letters)
    opened: list[tuple[str, int]] = []  # (closing bracket, font of its opening bracket)
    before: int | None = None  # the font of the last letter
    for i, char in enumerate(text):
        if letters[i] is not None:
            before = letters[i]
            continue
        if unicodedata.category(char)[0] == "M":
            candidates = [picked[i - 1]] if i else []  # a mark stays with its base
        else:  # the letters' font before, then after; a closing bracket its opening's
            after = next((k for k in letters[i + 1 :] if k is not None), None)
            candidates = [before, after]
            if opened and opened[-1][0] == char:
                candidates.insert(0, opened.pop()[1])
        candidates = [k for k in candidates if k is not None and k >= 0]
        if ignorable(char):  # a joiner or a mark of direction: it needs no glyph, only context
            font = candidates[0] if candidates else 0
        else:
            font = next((k for k in candidates if char in covers[k]), None)
            font = first(char) if font is None else font
        picked[i] = font
        closer = bidi.closing_bracket(char)
        if closer is not None:
            opened.append((closer, font))
    return picked  # type: ignore[return-value]


def _run(font: str, text: str, rtl: bool) -> Run:
    if rtl or any(map(_complex, text)):
        glyphs, advance = shape(font, text, rtl)
        return Run(font, glyphs, advance, rtl)
    plain = "".join(c for c in text if not ignorable(c))
    return Run(font, plain, pdfmetrics.stringWidth(plain, font, 1.0))


@cache
def _hb_font(font_name: str) -> uharfbuzz.Font:
    """ReportLab's HarfBuzz font for a registered font; this also arms its ``hbAddPrivate``."""
    return pdfmetrics.getFont(font_name).hbFont(10)


def shape(font_name: str, text: str, rtl: bool) -> tuple[ShapedStr, float]:
    """HarfBuzz's glyphs for ``text`` in visual order, as a ReportLab ``ShapedStr``, and
    their advance at 1 pt.

    A ShapedStr holds one character per glyph (a glyph the cmap does not reach, such as a
    contextual form, gets a private code point in ReportLab's copy of the cmap) and each
    glyph's offsets and advance in thousandths of an em; the canvas draws it glyph by glyph.
    """
    font: TTFont = pdfmetrics.getFont(font_name)
    hb_font = _hb_font(font_name)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.guess_segment_properties()
    buffer.cluster_level = uharfbuzz.BufferClusterLevel.MONOTONE_CHARACTERS
    buffer.flags = uharfbuzz.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    uharfbuzz.shape(hb_font, buffer, None if rtl else _LTR_FEATURES)
    face = font.face
    scale = font.pdfScale
    chars, data = [], []
    for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
        gid = info.codepoint
        encoded = face.glyphToChar.get(gid)
        if encoded:
            code = encoded[0]
        else:
            name = hb_font.glyph_to_string(gid)
            code = font.hbAddPrivate(name, gid, scale(hb_font.get_glyph_h_advance(gid)))
        chars.append(chr(code))
        data.append(
            ShapeData(
                info.cluster,
                scale(pos.x_advance),
                scale(pos.y_advance),
                scale(pos.x_offset),
                scale(pos.y_offset),
                face.charWidths[code],
            )
        )
    advance = sum(d.x_advance for d in data) / 1000.0
    return ShapedStr("".join(chars), shapeData=data), advance
