"""event.yaml's ``badges:`` sheet and sides: the stock (a preset or measurements), the
printer offset, backs and duplex, each located."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from printkit.errors import shown, suggest
from printkit.model.event import BadgeBack, Duplex
from printkit.model.geometry import MAX_OFFSET, PAPER, PrinterOffset, SheetGeometry, Size
from printkit.model.stock import DEFAULT_SHEET, UnknownSheetError, find, one_per_page
from printkit.read.fields import Fields, fail, scalar_text
from printkit.read.paths import PathProblem, find_file, named_beside, unreadable
from printkit.read.people import BADGE_OPTION_KEYS
from printkit.read.regular import TooLarge
from printkit.read.source import Node

BADGE_KEYS = ("sheet", "offset", "back", "duplex", *BADGE_OPTION_KEYS)
SHEET_KEYS = (
    "preset",
    "paper",
    "width",
    "height",
    "columns",
    "rows",
    "left",
    "top",
    "pitch_x",
    "pitch_y",
    "radius",
    "glabels",  # an organiser's own glabels template file, with the product's name:
    "name",
)


def badges_section(top: Fields) -> Fields | None:
    node = top.get("badges")
    return None if node is None else Fields(node, "badges", BADGE_KEYS, "badges")


def read_badge_sides(top: Fields) -> tuple[BadgeBack, Duplex]:
    """``badges.back`` and ``badges.duplex``; a foldable badge always has a back."""
    badges = badges_section(top)
    if badges is None:
        return BadgeBack.NONE, Duplex.LONG_EDGE
    back = badges.choice("back", BadgeBack, BadgeBack.NONE)
    duplex = badges.choice("duplex", Duplex, Duplex.LONG_EDGE)
    if duplex is Duplex.FOLD and back is BadgeBack.NONE:
        back = BadgeBack.INFO
    return back, duplex


def read_sheet(top: Fields, folder: Path | None = None) -> SheetGeometry:
    """``badges.sheet``: a preset's name, or a mapping of geometry that may start from one."""
    badges = badges_section(top)
    node = badges.get("sheet") if badges else None
    if node is None:
        return DEFAULT_SHEET
    if node.kind != "mapping":
        return _preset(node, "badges.sheet")
    sheet = Fields(node, "badges.sheet", SHEET_KEYS, "the badge sheet")
    if sheet.has("glabels") or sheet.has("name"):
        return _own_glabels(sheet, node, folder or Path("."))
    preset_node = sheet.get("preset")
    base = _preset(preset_node, "badges.sheet.preset") if preset_node else None
    d = base or DEFAULT_SHEET
    width = sheet.length("width", d.label.width, 20, 400)
    height = sheet.length("height", d.label.height, 20, 400)
    changed = [key for key in SHEET_KEYS[1:] if sheet.has(key)]
    if base is None:
        name = "custom"
    else:
        name = f"{base.name} (adjusted: {', '.join(changed)})" if changed else base.name
    if base is not None and one_per_page(base):  # a label printer: the page is the label
        return _label_page(sheet, base, name)
    geometry = SheetGeometry(
        name=name,
        paper=_paper(sheet, d.paper),
        label=Size(width, height),
        columns=sheet.integer("columns", d.columns, 1, 20),
        rows=sheet.integer("rows", d.rows, 1, 40),
        left=sheet.length("left", d.left, 0, 500),
        top=sheet.length("top", d.top, 0, 500),
        # a preset's labels stay where the stock has them; a sheet from scratch abuts
        pitch_x=sheet.length("pitch_x", base.pitch_x if base else width, 1, 500),
        pitch_y=sheet.length("pitch_y", base.pitch_y if base else height, 1, 500),
        corner_radius=sheet.length("radius", d.corner_radius, 0, min(width, height) / 2),
    )
    _check_sheet(node, geometry)
    return geometry


def _label_page(sheet: Fields, base: SheetGeometry, name: str) -> SheetGeometry:
    """A label printer's preset with its page's width or height chosen (the length cut from
    continuous tape): the badge is the page less the printer's unprintable edges."""
    width = sheet.length("width", base.paper.width, 20, 1000)
    height = sheet.length("height", base.paper.height, 20, 1000)
    label = Size(width - 2 * base.left, height - 2 * base.top)
    return replace(
        base,
        name=name,
        paper=Size(width, height),
        label=label,
        pitch_x=label.width,
        pitch_y=label.height,
    )


def _preset(node: Node, path: str) -> SheetGeometry:
    """A preset's sheet, else the glabels product of that name (its bundled database)."""
    name = scalar_text(node, path, 100)
    try:
        return find(name).sheet
    except UnknownSheetError as exc:
        from printkit.read.glabels import bundled  # 1,200 products, read only when needed

        found = bundled().find(name)
        if found is not None:
            return found
        refusal = bundled().refusal(name)
        if refusal is not None:
            raise fail(
                node,
                path,
                f"glabels' template of {name!r} cannot be used ({refusal.problem});"
                " give the sheet's measurements instead (see badges.sheet in the README)",
            ) from None
        raise fail(
            node, path, exc.message().replace("printkit sheets lists them all", SEARCH_HINT)
        ) from None


SEARCH_HINT = "printkit sheets lists the presets, printkit sheets --search TEXT glabels' products"


def _own_glabels(sheet: Fields, node: Node, base: Path) -> SheetGeometry:
    """``sheet: {glabels: FILE, name: "…"}``: a product from an organiser's template file."""
    from printkit.read.glabels import own_file

    file_node = sheet.need("glabels", "name the glabels template file")
    file = scalar_text(file_node, "badges.sheet.glabels", 1000)
    name_node = sheet.need("name", 'name the product in it, e.g. name: "Avery 5395"')
    name = scalar_text(name_node, "badges.sheet.name", 200)
    try:
        path = find_file(base, file, "glabels template", file_node.where, "badges.sheet.glabels")
        catalogue = own_file(path, named_beside(file_node.where, file))
    except PathProblem as problem:
        raise fail(file_node, "badges.sheet.glabels", problem.problem) from None
    except TooLarge as exc:
        raise fail(
            file_node,
            "badges.sheet.glabels",
            f"{shown(file)} is more than {exc.limit:,}"
            " bytes, far more than a glabels template file; give the file of your product's"
            " templates",
        ) from None
    except OSError as exc:
        raise fail(
            file_node, "badges.sheet.glabels", unreadable(file, "glabels template", exc)
        ) from None
    found = catalogue.find(name)
    if found is None:
        refusal = catalogue.refusal(name)
        if refusal is not None:
            raise refusal
        names = ", ".join(repr(n) for n in list(catalogue.sheets)[:8]) or "none"
        raise fail(
            name_node,
            "badges.sheet.name",
            f"{file} has no product {name!r}{suggest(name, catalogue.sheets)} (it has {names})",
        )
    return found


def _paper(sheet: Fields, default: Size) -> Size:
    node = sheet.get("paper")
    if node is None:
        return default
    name = scalar_text(node, "badges.sheet.paper", 20)
    match = {k.lower(): k for k in PAPER}.get(name.lower())
    if match is None:
        raise fail(
            node,
            "badges.sheet.paper",
            f"{name!r} is not one of {', '.join(PAPER)}{suggest(name, PAPER)}",
        )
    return PAPER[match]


def read_offset(top: Fields) -> PrinterOffset:
    """``badges.offset``: the printer's correction in mm, x to the right and y down the sheet."""
    badges = badges_section(top)
    node = badges.get("offset") if badges else None
    if node is None:
        return PrinterOffset()
    offset = Fields(node, "badges.offset", ("x", "y"), "the printer offset")
    return PrinterOffset(
        x=offset.length("x", 0.0, -MAX_OFFSET, MAX_OFFSET),
        y=offset.length("y", 0.0, -MAX_OFFSET, MAX_OFFSET),
    )


def _check_sheet(node: Node, g: SheetGeometry) -> None:
    if g.pitch_x < g.label.width or g.pitch_y < g.label.height:
        raise fail(
            node,
            "badges.sheet",
            "the pitch is smaller than the badge, so badges would overlap; pitch_x ≥ width and pitch_y ≥ height",
        )
    right = g.left + (g.columns - 1) * g.pitch_x + g.label.width
    bottom = g.top + (g.rows - 1) * g.pitch_y + g.label.height
    if right > g.paper.width + 1e-6 or bottom > g.paper.height + 1e-6:
        raise fail(
            node,
            "badges.sheet",
            f"the badges reach {right:g} × {bottom:g} mm but the paper is {g.paper.width:g} × {g.paper.height:g} mm;"
            " reduce columns, rows, offsets or pitch",
        )
