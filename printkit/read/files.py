"""The files event.yaml names beyond the attendee list: the organiser's logo, fonts and their
fallbacks, and the press settings' ICC profile; each found, checked and located."""

from __future__ import annotations

from pathlib import Path

from printkit.errors import shown
from printkit.model.event import Organiser, Picture
from printkit.model.production import FallbackFont, FontFamily, PdfX, Press
from printkit.read.fields import Fields, as_flag, as_list, fail, scalar_text
from printkit.read.paths import PathProblem, find_file
from printkit.read.source import Node

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
FONT_SUFFIXES = (".ttf",)


def read_organiser(top: Fields, base: Path) -> Organiser | None:
    node = top.get("organiser")
    if node is None:
        return None
    if node.kind != "mapping":
        return Organiser(name=scalar_text(node, "organiser", 200))
    fields = Fields(node, "organiser", ("name", "tagline", "logo"), "organiser")
    logo_node = fields.get("logo")
    return Organiser(
        name=fields.text("name", "the organiser needs a name", max_length=200) or "",
        tagline=fields.text("tagline", max_length=300),
        logo=_image(logo_node, "organiser.logo", base) if logo_node else None,
    )


def _image(node: Node, path: str, base: Path) -> Picture:
    """An image file that can be placed: found, read through and measured (a broken one
    fails here, at its line, rather than while the PDF is drawn)."""
    from printkit.read import images  # Pillow and svglib load only for an event with a logo

    file = _file(node, path, base, IMAGE_SUFFIXES, "logo")
    problem = images.problem(file)
    if problem is not None:
        raise fail(node, path, f"{file.name}: {problem}")
    return Picture(file, images.aspect(file))


def _file(node: Node, path: str, base: Path, suffixes: tuple[str, ...], what: str) -> Path:
    name = scalar_text(node, path, 1000)
    if Path(name).suffix.lower() not in suffixes:
        raise fail(
            node,
            path,
            f"{shown(name)}: a {what} must be a {_kinds(suffixes)} file",
        )
    try:
        return find_file(base, name, f"{what} file", node.where, path)
    except PathProblem as problem:
        raise fail(node, path, problem.problem) from None


def _kinds(suffixes: tuple[str, ...]) -> str:
    names = [s.lstrip(".").upper() for s in suffixes]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def read_fonts(top: Fields, base: Path) -> FontFamily | None:
    """Your own family (``regular``, ``bold``, ``italic``, ``bold_italic``; missing styles use
    the regular), and/or ``fallback``: fonts for the characters the family lacks, in order."""
    node = top.get("fonts")
    if node is None:
        return None
    styles = ("regular", "bold", "italic", "bold_italic")
    fields = Fields(node, "fonts", (*styles, "fallback"), "fonts")
    from printkit.typeset.fonts import bundled_family  # fonts parse TrueType; import it late

    fallback_node = fields.get("fallback")
    fallback = _fallback_fonts(fallback_node, base) if fallback_node else ()
    if fields.has("regular") or fallback_node is None or any(map(fields.has, styles[1:])):
        regular = _font_file(
            fields.need("regular", "name the regular font file (.ttf), or fallback fonts"),
            "fonts.regular",
            base,
        )
    else:  # only fallback fonts: they back up the bundled family
        bundled = bundled_family()
        return FontFamily(**{s: getattr(bundled, s) for s in styles}, fallback=fallback)
    paths = {"regular": regular}
    for style in styles[1:]:
        sub = fields.get(style)
        paths[style] = _font_file(sub, f"fonts.{style}", base) if sub else regular
    return FontFamily(**paths, fallback=fallback)


def _fallback_fonts(node: Node, base: Path) -> tuple[FallbackFont, ...]:
    """``fallback``: a list whose entries are a .ttf file, or ``{regular: …, bold: …}``."""
    result = []
    for i, item in enumerate(as_list(node, "fonts.fallback", "font files"), start=1):
        path = f"fonts.fallback[{i}]"
        if item.kind != "mapping":
            result.append(FallbackFont(_font_file(item, path, base)))
            continue
        fields = Fields(item, path, ("regular", "bold"), "a fallback font")
        need = fields.need("regular", "name its regular font file (.ttf)")
        regular = _font_file(need, f"{path}.regular", base)
        bold_node = fields.get("bold")
        bold = _font_file(bold_node, f"{path}.bold", base) if bold_node else None
        result.append(FallbackFont(regular, bold))
    return tuple(result)


def _font_file(node: Node, path: str, base: Path) -> Path:
    """A font file that exists and that ReportLab can use (TrueType outlines)."""
    from printkit.typeset.fonts import check_font_file  # fonts parse TrueType; import it late

    file = _file(node, path, base, FONT_SUFFIXES, "font")
    problem = check_font_file(file)
    if problem:
        raise fail(node, path, problem)
    return file


def read_press(top: Fields, base: Path) -> Press | None:
    """``press: true`` (3 mm bleed and marks), ``false``, or ``{bleed: "0.125 in", marks: false}``."""
    node = top.get("press")
    if node is None:
        return None
    if node.kind != "mapping":
        return Press() if as_flag(node, "press") else None
    fields = Fields(node, "press", ("bleed", "marks", "pdfx", "gang_up"), "press")
    pdfx_node = fields.get("pdfx")
    return Press(
        bleed=fields.length("bleed", 3.0, 0.0, 20.0),
        marks=fields.flag("marks", True),
        gang_up=fields.flag("gang_up", False),
        pdfx=_pdfx(pdfx_node, base) if pdfx_node else None,
    )


def _pdfx(node: Node, base: Path) -> PdfX:
    fields = Fields(node, "press.pdfx", ("profile", "condition", "info"), "press.pdfx")
    from printkit.read.icc import ProfileProblem, read_profile

    node = fields.need("profile", "name the printing condition's CMYK ICC profile (.icc)")
    profile = _file(node, "press.pdfx.profile", base, (".icc", ".icm"), "ICC profile")
    try:
        read_profile(profile)
    except ProfileProblem as exc:
        raise fail(node, "press.pdfx.profile", f"{profile.name} {exc.problem}") from None
    return PdfX(
        profile=profile,
        condition=fields.text("condition", "give the condition identifier, e.g. FOGRA39", 100)
        or "",
        info=fields.text("info", max_length=200),
    )
