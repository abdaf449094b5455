"""Cut the test fonts: Noto Sans Arabic and Hebrew reduced to the letters the tests use.

Run once by hand (needs fontTools and Debian's fonts-noto-core); the tests only read the
results. Each subset keeps, besides the characters asked for, every glyph the font's
shaping rules reach from them (initial, medial and final forms, ligatures) and every
code point of the full font that maps to one of those glyphs (the Arabic presentation
forms), so it shapes and extracts exactly as the full font does for these names.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/noto")
HERE = Path(__file__).resolve().parent
ARABIC = "محمد عبد الله علي"
HEBREW = "דוד כהן"
CUTS = {
    "NotoSansArabic-Regular.ttf": ARABIC,
    "NotoSansArabic-Bold.ttf": ARABIC,
    "NotoSansHebrew-Regular.ttf": HEBREW,
}


def _options() -> subset.Options:
    """fontTools' default layout features (those HarfBuzz applies by default), names kept."""
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the family name the error messages quote
    options.notdef_outline = True
    options.glyph_names = True
    options.hinting = False
    return options


def cut(name: str, text: str) -> None:
    full = TTFont(SOURCE / name)
    cmap = full.getBestCmap()
    first = TTFont(SOURCE / name)
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=[ord(c) for c in set(text)])
    subsetter.subset(first)
    glyphs = set(first.getGlyphOrder())
    unicodes = sorted({code for code, glyph in cmap.items() if glyph in glyphs})
    font = TTFont(SOURCE / name)
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    font.save(HERE / name)


if __name__ == "__main__":
    for name, text in CUTS.items():
        cut(name, text)
        print(name, (HERE / name).stat().st_size, "bytes")
