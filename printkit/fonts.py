"""The one place fonts are registered with ReportLab, and their metrics.

``typeface()`` registers a family once (idempotent, cached by file) and returns the names
and metrics layout and render share. Only TrueType outlines load (ReportLab's limit), and
ReportLab always subsets and embeds them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from printkit.errors import LayoutError
from printkit.model import FontFamily

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
    return Path(__file__).resolve().parent.parent / "fonts"


def bundled_family() -> FontFamily:
    base = fonts_dir()
    return FontFamily(**{style: base / name for style, name in _BUNDLED.items()})


def check_font_file(path: Path) -> str | None:
    """None when ReportLab can use the file, else what is wrong with it."""
    try:
        TTFont("printkit-probe", str(path))
    except TTFError as exc:
        return f"{path.name} cannot be used: {exc}; use a TrueType (.ttf) font with glyf outlines"
    except Exception as exc:  # a damaged file fails deep in the parser, in many ways
        kind = type(exc).__name__
        kind = f"{type(exc).__module__}.{kind}" if kind == "error" else kind  # struct.error
        return (
            f"{path.name} is not a readable TrueType font (damaged or cut short: {kind});"
            " use a complete .ttf file"
        )
    return None


@dataclass(frozen=True)
class Typeface:
    """Registered font names by style, with measuring and glyph coverage."""

    names: tuple[tuple[str, str], ...]

    def name(self, style: str) -> str:
        return dict(self.names)[style]

    def width(self, text: str, style: str, size: float) -> float:
        """Advance width in points."""
        return pdfmetrics.stringWidth(text, self.name(style), size)

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
        """The first character of ``text`` the font has no glyph for, if any."""
        cmap = pdfmetrics.getFont(self.name(style)).face.charToGlyph
        for char in text:
            if ord(char) not in cmap and char not in "\n\u200b":
                return char
        return None

    def require(self, text: str, style: str, product: str, what: str) -> None:
        char = self.missing(text, style)
        if char is not None:
            raise LayoutError(
                product,
                f"{what}: the font has no glyph for {char!r} (U+{ord(char):04X}) in {text!r};"
                " name a font that covers it under fonts: in event.yaml",
                text=text,
                char=char,
            )


@cache
def _register(path: str, digest: str) -> str:
    name = f"PK-{Path(path).stem}-{digest[:8]}"
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def typeface(family: FontFamily | None = None) -> Typeface:
    """Register the family (once per file) and return its names."""
    family = family or bundled_family()
    names = []
    for style in STYLES:
        path = Path(getattr(family, style)).resolve()
        digest = _file_digest(str(path))
        names.append((style, _register(str(path), digest)))
    return Typeface(tuple(names))


@cache
def _file_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
