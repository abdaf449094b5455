"""Every script, or a clear refusal: fallback fonts, right-to-left shaping and order, NFC,
and the error for a character no font has — checked in the PDFs as their readers see them."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

from printkit.read.event import DEFAULT_SHEET, load_event
from tests.conftest import ROOT, run
from tests.pdfread import MM, find_text, fonts, glyphs, text
from tests.products.test_badges import assert_glyphs_in_safe_areas

FONTS = ROOT / "tests" / "fonts"
FALLBACK = {
    "fallback": [
        {"regular": "fonts/NotoSansArabic-Regular.ttf", "bold": "fonts/NotoSansArabic-Bold.ttf"},
        "fonts/NotoSansHebrew-Regular.ttf",
    ]
}
ARABIC = "محمد عبد الله"
HEBREW = "דוד כהן"


@pytest.fixture
def scripts_dir(event_dir: Path) -> Path:
    """The seed event's copy with the test fonts beside it."""
    shutil.copytree(FONTS, event_dir / "fonts")
    return event_dir


def _event(folder: Path, people: list, fonts: dict | None = FALLBACK) -> Path:
    data = yaml.safe_load((folder / "event.yaml").read_text(encoding="utf-8"))
    data["panelists"] = [p if isinstance(p, dict) else {"name": p} for p in people]
    if fonts is not None:
        data["fonts"] = fonts
    path = folder / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _badges(folder: Path, people: list, fonts: dict | None = FALLBACK) -> Path:
    result = run("badges", _event(folder, people, fonts), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out" / "badges.pdf"


def _ink(pdf: Path, box: tuple[float, float, float, float], dpi: int = 200) -> int:
    """Dark pixels inside a box (mm, page coordinates) of the rendered first page."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        height = page.get_height() / MM
        image = page.render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
    px = dpi / 25.4
    left, bottom, right, top = box
    crop = image.crop(
        (
            int(left * px),
            int((height - top) * px),
            int(right * px) + 1,
            int((height - bottom) * px) + 1,
        )
    )
    return sum(crop.histogram()[:128])


def _on(badge: int, boxes: list) -> list:
    """The boxes (mm: left, bottom, right, top) that lie on the n-th badge of the sheet."""
    slot = DEFAULT_SHEET.slot(badge % DEFAULT_SHEET.columns, badge // DEFAULT_SHEET.columns)
    return [
        b for b in boxes if slot.x <= b[0] and b[2] <= slot.right and slot.y <= b[1] <= slot.top
    ]


def test_arabic_and_hebrew_names_are_set_in_the_fallback_fonts(scripts_dir):
    people = [{"name": ARABIC, "title": "Direktør", "organisations": ["علي"]}, HEBREW]
    pdf = _badges(scripts_dir, people)
    embedded = {f["name"].split("+")[-1]: f["embedded"] for f in fonts(pdf)}
    # the names are bold: Arabic from the fallback's bold; Hebrew has only a regular
    assert embedded["NotoSansArabic-Bold"] and embedded["NotoSansHebrew-Regular"]
    assert embedded["NotoSansArabic-Regular"]  # the organisation, set regular
    assert all(embedded.values()), embedded
    for name in (ARABIC, HEBREW):
        (box,) = find_text(pdf, name)  # copied out as typed, in logical order (pdfium)
        assert _ink(pdf, box) > 500, name
    assert_glyphs_in_safe_areas(pdf, DEFAULT_SHEET, len(people) + 1)


def test_arabic_comes_out_shaped(scripts_dir):
    """The drawn glyphs are the font's contextual forms, which pypdf copies out as Arabic
    presentation forms (initial, medial, final); unshaped letters would copy out as the
    plain letters U+0621–U+064A. The first letter stands at the right."""
    pdf = _badges(scripts_dir, [ARABIC])
    line = next(ln for ln in text(pdf).splitlines() if unicodedata.normalize("NFKC", ln) == ARABIC)
    forms = [c for c in line if "\ufe70" <= c <= "\ufeff"]
    assert line == "ﻣﺤﻤﺪ ﻋﺒﺪ اﻟﻠﻪ"  # meem initial, hah medial, meem medial, dal final …
    assert len(forms) == 10
    letters = [g for g in glyphs(pdf) if "\u0600" <= g.char <= "\u06ff"][: len("محمد")]
    assert [g.char for g in letters] == list("محمد")
    assert all(a.left > b.left for a, b in zip(letters, letters[1:], strict=False))


def test_mixed_names_are_ordered_by_the_bidi_algorithm(scripts_dir):
    """An Arabic first word makes a right-to-left line: "محمد Ali" reads Ali at the left.
    A Latin first word makes a left-to-right line: "Sara عبد الله" has Sara at the left and
    the Arabic words right to left after it."""
    pdf = _badges(scripts_dir, ["محمد Ali", "Sara عبد الله", "علي (Ali)"])
    (ali,) = _on(0, find_text(pdf, "Ali"))
    (muhammad,) = _on(0, find_text(pdf, "محمد"))
    assert ali[2] < muhammad[0]
    (sara,) = _on(1, find_text(pdf, "Sara"))
    (abd,) = _on(1, find_text(pdf, "عبد"))
    (allah,) = _on(1, find_text(pdf, "الله"))
    assert sara[2] < abd[0] and allah[2] < abd[0]  # right to left: عبد, then الله to its left
    assert sara[2] < allah[0]
    # "(Ali)" in an Arabic line stands left of علي, its brackets drawn as "(" and ")"
    (ali,) = _on(2, find_text(pdf, "Ali"))
    (aliyy,) = _on(2, find_text(pdf, "علي"))
    assert ali[2] < aliyy[0]
    line = [
        g
        for g in glyphs(pdf)
        if _on(2, [(g.left, g.bottom, g.right, g.top)]) and g.top > ali[1] and g.bottom < ali[3]
    ]
    assert "".join(g.char for g in sorted(line, key=lambda g: g.left)) == "(Ali)يلع"
    assert_glyphs_in_safe_areas(pdf, DEFAULT_SHEET, 4)


def test_a_centred_right_to_left_name_is_centred(scripts_dir):
    """Measured as drawn: the shaped name's ink is centred on its badge."""
    pdf = _badges(scripts_dir, [ARABIC])
    (box,) = find_text(pdf, ARABIC)
    slot = DEFAULT_SHEET.slot(0, 0)
    assert abs((box[0] + box[2]) / 2 - (slot.x + slot.width / 2)) < 0.6


def test_a_name_no_font_has_fails_naming_person_character_and_fonts(scripts_dir):
    out = scripts_dir / "out"
    event = _event(scripts_dir, ["Anna Berg", "王小明"])
    for command in ("badges", "build"):
        result = run(command, event, "-o", out)
        assert result.exit_code == 3
        assert result.output.startswith(f"error: {event}:")  # at the name's line
        assert result.output.split("panelists[2].name: ", 1)[1] == (
            "badges: the name of '王小明' has '王' (U+738B), which none of the fonts has"
            " (Noto Sans, Noto Sans Arabic, Noto Sans Hebrew); add a font that covers it under"
            " fonts: fallback: in event.yaml\n"
        )
        assert not out.exists()


def test_without_fallback_fonts_arabic_is_refused(event_dir):
    result = run("badges", _event(event_dir, [ARABIC], fonts=None), "-o", event_dir / "out")
    assert result.exit_code == 3
    assert "panelists[1].name: " in result.output  # located at the name's line
    assert result.output.split("panelists[1].name: ", 1)[1] == (
        "badges: the name of 'محمد عبد الله' has 'م' (U+0645), which none of the fonts"
        " has (Noto Sans); add a font that covers it under fonts: fallback: in event.yaml\n"
    )


def test_an_emoji_is_refused_like_any_character_no_font_has(scripts_dir):
    out = scripts_dir / "out"
    result = run("badges", _event(scripts_dir, ["Ali 😀 Hassan"]), "-o", out)
    assert result.exit_code == 3
    assert "panelists[1].name: " in result.output  # located at the name's line
    assert result.output.split("panelists[1].name: ", 1)[1] == (
        "badges: the name of 'Ali 😀 Hassan' has '😀' (U+1F600), which none of the fonts"
        " has (Noto Sans, Noto Sans Arabic, Noto Sans Hebrew); add a font that covers it under"
        " fonts: fallback: in event.yaml\n"
    )
    assert not out.exists()


def test_a_decomposed_name_is_composed_before_layout(event_dir):
    event = _event(event_dir, ["A\u030angstro\u0308m"], fonts=None)
    assert load_event(event).main.panelists[0].name == "Ångström"
    pdf = _badges(event_dir, ["A\u030angstro\u0308m"], fonts=None)
    assert "Ångström" in text(pdf) and "\u030a" not in text(pdf)
    (box,) = find_text(pdf, "Ångström")
    inside = [
        g
        for g in glyphs(pdf)
        if box[0] <= (g.left + g.right) / 2 <= box[2] and box[1] <= (g.bottom + g.top) / 2 <= box[3]
    ]
    assert [g.char for g in inside] == list("Ångström")  # one glyph for Å, one for ö


def test_joiners_and_marks_need_no_glyph(scripts_dir):
    """A zero-width joiner or a direction mark in a name is invisible formatting: it is
    neither refused nor drawn as a box."""
    pdf = _badges(scripts_dir, ["Ali\u200f Berg", "محمد\u200d"])
    assert "Ali Berg" in text(pdf)
    assert not [g for g in glyphs(pdf) if g.char in "\u200d\u200f"]


def _with_fonts(folder: Path, block: str) -> tuple[Path, int]:
    """The event with a ``fonts:`` block appended; the line number the block starts on."""
    path = folder / "event.yaml"
    source = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(source + block, encoding="utf-8")
    return path, source.count("\n") + 1


def test_fallback_fonts_load_as_files_or_regular_and_bold(scripts_dir):
    event, _ = _with_fonts(
        scripts_dir,
        "fonts:\n  fallback:\n"
        "    - {regular: fonts/NotoSansArabic-Regular.ttf, bold: fonts/NotoSansArabic-Bold.ttf}\n"
        "    - fonts/NotoSansHebrew-Regular.ttf\n",
    )
    fonts_ = load_event(event).fonts
    assert fonts_.regular.name == "NotoSans-Regular.ttf"  # the bundled family, backed up
    assert [(f.regular.name, f.bold and f.bold.name) for f in fonts_.fallback] == [
        ("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
        ("NotoSansHebrew-Regular.ttf", None),
    ]


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (
            "fonts:\n  fallback:\n    - fonts/NotoSansThai-Regular.ttf\n",
            "event.yaml:{n2}:7: fonts.fallback[1]: font file 'fonts/NotoSansThai-Regular.ttf'"
            " not found (looked in {dir}/fonts); check the path, relative to the event file",
        ),
        (
            "fonts:\n  fallback:\n    - {regular: fonts/NotoSansHebrew-Regular.ttf, italic: x.ttf}\n",
            "event.yaml:{n2}:51: fonts.fallback[1].italic: unknown key in a fallback font"
            " (known keys: regular, bold)",
        ),
        (
            "fonts:\n  fallback: fonts/NotoSansHebrew-Regular.ttf\n",
            "event.yaml:{n1}:13: fonts.fallback: must be a list of font files (lines starting"
            " with '-'), not the value 'fonts/NotoSansHebrew-Regular.ttf'",
        ),
        (
            "fonts:\n  bold: fonts/NotoSansArabic-Bold.ttf\n  fallback:\n    - fonts/NotoSansHebrew-Regular.ttf\n",
            "event.yaml:{n1}:3: fonts.regular: missing; name the regular font file (.ttf), or"
            " fallback fonts",
        ),
        (
            "fonts:\n  fallback:\n    - fonts/OFL.txt\n",
            "event.yaml:{n2}:7: fonts.fallback[1]: 'fonts/OFL.txt': a font must be a TTF file",
        ),
    ],
)
def test_bad_fallback_fonts_are_refused_where_they_are_named(scripts_dir, block, message):
    event, line = _with_fonts(scripts_dir, block)
    result = run("badges", event, "-o", scripts_dir / "out")
    assert result.exit_code == 2
    expected = message.format(n1=line + 1, n2=line + 2, dir=scripts_dir)
    assert result.output == f"error: {scripts_dir}/{expected}\n"


@pytest.fixture(scope="module")
def face():
    from printkit.model.production import FallbackFont
    from printkit.typeset.fonts import bundled_family, typeface

    arabic = FallbackFont(FONTS / "NotoSansArabic-Regular.ttf", FONTS / "NotoSansArabic-Bold.ttf")
    hebrew = FallbackFont(FONTS / "NotoSansHebrew-Regular.ttf")
    family = bundled_family()
    return typeface(type(family)(**{**vars(family), "fallback": (arabic, hebrew)}))


def _fonts_of(face, text: str, style: str = "regular") -> str:
    """One letter per character: N for Noto Sans, A for Arabic, H for Hebrew."""
    from printkit.typeset.fonts import family_name
    from printkit.typeset.shaping import pick_fonts

    chain = face.chain(style)
    return "".join(
        family_name(chain[k])[len("Noto Sans ") :][:1] or "N" for k in pick_fonts(chain, text)
    )


def test_common_characters_stay_in_the_font_around_them(face):
    assert _fonts_of(face, "Ali (علي)") == "NNNNNAAAN"  # both brackets Latin, like "Ali ("
    assert _fonts_of(face, "علي (Cairo)") == "AAAANNNNNNN"  # the Arabic font has no brackets
    assert _fonts_of(face, "محمد عبد") == "AAAAAAAA"  # the space stays Arabic
    assert _fonts_of(face, "דוד. כהן") == "HHHNHHHH"  # Noto Sans Hebrew has no full stop
    assert _fonts_of(face, "q\u0301 عبد") == "NNNAAA"  # a mark stays with its letter


def test_a_line_is_measured_as_it_is_drawn(face):
    line = face.line("Sara عبد الله", "bold")
    assert [
        (face.families("bold")[0] if r.font == face.name("bold") else "A", r.rtl) for r in line.runs
    ] == [("Noto Sans", False), ("A", True)]
    assert face.width("Sara عبد الله", "bold", 10) == pytest.approx(
        10 * sum(r.advance for r in line.runs)
    )
    assert line.runs[1].text.__shapeData__  # drawn glyph by glyph, with HarfBuzz's advances
    # bold Arabic is set in the fallback's bold, italic in its upright regular
    assert "Bold" in face.chain("bold")[1] and "Regular" in face.chain("italic")[1]


def test_the_whole_kit_builds_with_right_to_left_names(scripts_dir):
    """The programme's panel list sets names through its own wrapping: each line is still
    one bidi-ordered line."""
    out = scripts_dir / "out"
    result = run("build", _event(scripts_dir, ["Sara عبد الله", HEBREW]), "-o", out)
    assert result.exit_code == 0, result.output
    pdf = out / "programme.pdf"
    (sara,) = find_text(pdf, "Sara")
    (abd,) = find_text(pdf, "عبد")
    (allah,) = find_text(pdf, "الله")
    assert sara[2] < allah[0] < allah[2] < abd[0]
    assert len(find_text(pdf, HEBREW)) == 1
    assert all(f["embedded"] for f in fonts(pdf))
