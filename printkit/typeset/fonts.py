"""The one place fonts are registered with ReportLab, and their metrics.

``typeface()`` registers a family and its fallback fonts once (idempotent, cached by file)
and returns the names, metrics and line setting layout and render share. Only TrueType
outlines load (ReportLab's limit), and ReportLab always subsets and embeds them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from printkit.errors import LayoutError, stops_held
from printkit.model.production import FallbackFont, FontFamily
from printkit.read.regular import open_regular, read_regular
from printkit.read.versions import per_version
from printkit.typeset.outline import outline
from printkit.typeset.shaping import SetLine, advance, coverage, ignorable, ink, set_line

STYLES = ("regular", "bold", "italic", "bold_italic")
_BUNDLED = {
    "regular": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "bold_italic": "NotoSans-BoldItalic.ttf",
}


def fonts_dir() -> Path:
    """The bundled fonts: inside the installed package, or ``fonts/`` of a source checkout."""
    packaged = Path(str(resources.files("printkit"))) / "_data" / "fonts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "fonts"


def bundled_family() -> FontFamily:
    base = fonts_dir()
    return FontFamily(**{style: base / name for style, name in _BUNDLED.items()})


#: A font file may be this large (a CJK font is 10–30 MB); ReportLab reads the whole file.
MAX_FONT_BYTES = 64_000_000


def check_font_file(path: Path) -> str | None:
    """None when ReportLab can use the file, else what is wrong with it: its tables and, before
    any layout, the glyph data that subsetting reads only when the PDF is written."""
    from printkit.typeset import glyphs

    try:
        with open_regular(path) as file:
            data = file.read(MAX_FONT_BYTES + 1)
    except OSError as exc:
        return f"{path.name} cannot be read ({exc.strerror})"
    if len(data) > MAX_FONT_BYTES:
        return f"{path.name} is more than {MAX_FONT_BYTES:,} bytes, more than a font printkit reads; give the .ttf file of one style"
    try:
        font = TTFont("printkit-probe", str(path))
    except TTFError as exc:
        return f"{path.name} cannot be used: {exc}; use a TrueType (.ttf) font with glyf outlines"
    except Exception as exc:  # a damaged file fails deep in the parser, in many ways
        kind = type(exc).__name__
        kind = f"{type(exc).__module__}.{kind}" if kind == "error" else kind  # struct.error
        return (
            f"{path.name} is not a readable TrueType font (damaged or cut short: {kind});"
            " use a complete .ttf file"
        )
    damage = glyphs.problem(data, font.face.charToGlyph)
    if damage is not None:
        return f"{path.name} is damaged inside its glyph data ({damage}); use a complete .ttf file"
    return None


@dataclass(frozen=True)
class Typeface:
    """Registered font names by style, each with its fallback chain; measuring, glyph
    coverage and the runs a line is drawn in.

    A line of text is set in the first font of the style's chain that has each character
    (see ``printkit.typeset.shaping``): ``width`` is the sum of its runs' advances, ``line`` the runs
    the renderer draws, and ``missing`` the first character no font of the chain has.
    """

    #: style → the font file, registered the first time the style is asked for
    paths: tuple[tuple[str, str], ...]
    #: style → the fallback fonts' files, in the order they are tried
    fallback: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def name(self, style: str) -> str:
        """The registered name of the style's own font (registering it on first use: a run
        that sets no italic never reads the italic's file)."""
        return _registered_file(dict(self.paths)[style])

    @cached_property
    def _chains(self) -> dict[str, tuple[str, ...]]:
        return _Chains(self)

    def chain(self, style: str) -> tuple[str, ...]:
        """The registered fonts that set ``style``, the family's own first."""
        return self._chains[style]

    def line(self, text: str, style: str) -> SetLine:
        """``text`` as runs of one font and direction, in visual order (sizes at 1 pt)."""
        return set_line(self._chains[style], text)

    def width(self, text: str, style: str, size: float) -> float:
        """Advance width in points: the sum of the runs' advances, shaped where drawn shaped."""
        return advance(self._chains[style], text) * size

    def ink(self, text: str, style: str, size: float) -> tuple[float, float]:
        """How far ``text``'s glyphs reach above and below the baseline, in points (below:
        negative), marks included where the font stacks them."""
        top, bottom = ink(self._chains[style], text)
        return top * size, bottom * size

    def outline(self, text: str, style: str) -> tuple[tuple, ...]:
        """The glyphs' outlines as path segments at 1 pt (``typeset.outline``)."""
        return outline(self._chains[style], text)

    def ascent(self, style: str, size: float) -> float:
        face = pdfmetrics.getFont(self.name(style)).face
        return face.ascent * size / 1000.0

    def descent(self, style: str, size: float) -> float:
        """Negative: how far below the baseline the font reaches."""
        face = pdfmetrics.getFont(self.name(style)).face
        return face.descent * size / 1000.0

    def cap_height(self, style: str, size: float) -> float:
        face = pdfmetrics.getFont(self.name(style)).face
        return face.capHeight * size / 1000.0

    def missing(self, text: str, style: str) -> str | None:
        """The first character of ``text`` that no font of the chain has a glyph for, if any
        (invisible formatting characters such as joiners need none)."""
        return _missing(self._chains[style], text)

    def families(self, style: str) -> list[str]:
        """The family names of the chain's fonts, in order, each once."""
        names = [family_name(font) for font in self._chains[style]]
        return list(dict.fromkeys(names))

    def require(self, text: str, style: str, product: str, what: str) -> None:
        char = self.missing(text, style)
        if char is not None:
            raise LayoutError(
                product,
                f"{what} has {char!r} (U+{ord(char):04X}), which none of the fonts has"
                f" ({', '.join(self.families(style))}); add a font that covers it under"
                " fonts: fallback: in event.yaml",
                text=text,
                char=char,
            )


@lru_cache(maxsize=1 << 14)
def _missing(chain: tuple[str, ...], text: str) -> str | None:
    """``Typeface.missing`` in the registered fonts ``chain``, kept: a badge run checks the
    same foot, band and organisations on every badge."""
    covers = [coverage(font) for font in chain]
    if covers[0].issuperset(text):
        return None
    for char in text:
        if char == "\n" or ignorable(char):
            continue
        if not any(char in cover for cover in covers):
            return char
    return None


def family_name(font: str) -> str:
    """A registered font's family name, as its name table gives it ("Noto Sans Arabic")."""
    face = pdfmetrics.getFont(font).face
    name = face.familyName
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)


@cache
def _register(path: str, digest: str) -> str:
    name = f"PK-{Path(path).stem}-{digest[:8]}"
    with stops_held():  # ReportLab's parser swallows any exception, an interruption too
        pdfmetrics.registerFont(TTFont(name, path))
    coverage(name)  # the cmap as the file has it, before shaping adds private code points
    return name


def _style_path(family: FontFamily, style: str) -> Path:
    return Path(getattr(family, style))


def _fallback_path(font: FallbackFont, style: str) -> Path:
    """A fallback's file for a style: bold styles use its bold if it has one, else its
    regular; italics are set upright (the scripts fallbacks serve rarely slant)."""
    return font.bold if "bold" in style and font.bold is not None else font.regular


class _Chains(dict):
    """style → its chain of registered fonts, each style's registered when first asked for."""

    def __init__(self, face: Typeface) -> None:
        super().__init__()
        self.face = face

    def __missing__(self, style: str) -> tuple[str, ...]:
        extra = dict(self.face.fallback).get(style, ())
        chain = (self.face.name(style), *(_registered_file(path) for path in extra))
        self[style] = chain
        return chain


def typeface(family: FontFamily | None = None) -> Typeface:
    """The family and its fallback fonts, each registered (once per file) when first used."""
    family = family or bundled_family()
    paths = tuple((style, str(_style_path(family, style).resolve())) for style in STYLES)
    fallback = tuple(
        (style, tuple(str(_fallback_path(font, style).resolve()) for font in family.fallback))
        for style in STYLES
    )
    return Typeface(paths, fallback if family.fallback else ())


def _registered_file(path: str) -> str:
    return _register(path, _file_digest(path))


@per_version
def _file_digest(path: str) -> str:
    return hashlib.sha256(read_regular(path, MAX_FONT_BYTES)).hexdigest()
