"""glabels' template database (bundled in ``printkit/data/glabels``, MIT licence) and an
organiser's own glabels template file, read into badge sheets.

A ``<Template brand="Avery" part="5395" size="US-Letter">`` names a product; its
``<Label-rectangle width height round>`` gives the label, and its ``<Layout nx ny x0 y0 dx
dy>`` the grid (the first label's offset from the sheet's top-left corner, then the pitch).
Lengths carry a unit (``pt``, ``in``, ``mm``, ``cm``, ``pc``; none means points). ``size`` is
a paper id from ``paper-sizes.xml``, or ``Other`` with the template's own width and height.
``<Template … equiv="5395"/>`` is the same stock sold under another part number. Round, CD
and continuous labels, and sheets of several layouts, are not badge stock here and are
left out (``skipped`` counts them).
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from printkit.model.geometry import SheetGeometry, Size

UNITS = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "pc": 25.4 / 6, "": 25.4 / 72}
_LENGTH = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([a-z]*)\s*$")
DATA = "printkit.data.glabels"


class GlabelsError(ValueError):
    """A template file that cannot be read, with what is wrong."""


def length(text: str) -> float:
    """A glabels length in mm: "3.375in" → 85.725, "5" (points) → 1.764."""
    match = _LENGTH.match(text or "")
    if not match or match.group(2) not in UNITS:
        raise GlabelsError(f"{text!r} is not a length (a number and pt, in, mm, cm or pc)")
    return float(match.group(1)) * UNITS[match.group(2)]


@dataclass(frozen=True)
class Catalogue:
    """Every rectangular product of some template files, by name ("Avery 5395")."""

    sheets: dict[str, SheetGeometry]
    skipped: int

    def find(self, name: str) -> SheetGeometry | None:
        key = _key(name)
        for sheet_name, sheet in self.sheets.items():
            if _key(sheet_name) == key:
                return sheet
        return None

    def search(self, text: str) -> list[SheetGeometry]:
        key = _key(text)
        return [sheet for name, sheet in self.sheets.items() if key in _key(name)]


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def paper_sizes(root: ET.Element) -> dict[str, Size]:
    return {
        p.get("id", ""): Size(length(p.get("width", "")), length(p.get("height", "")))
        for p in root.iter("Paper-size")
    }


def read_templates(
    roots: list[ET.Element], papers: dict[str, Size], strict: bool = False
) -> Catalogue:
    """The products of parsed template files (equivalents resolved within a brand). A
    template whose lengths cannot be read is skipped, or with ``strict`` refused by name."""
    sheets: dict[str, SheetGeometry] = {}
    equivalents: list[tuple[str, str, str]] = []
    skipped = 0
    for root in roots:
        for template in root.iter("Template"):
            brand, part = template.get("brand", "").strip(), template.get("part", "").strip()
            name = f"{brand} {part}".strip()
            if template.get("equiv"):
                equivalents.append((brand, name, template.get("equiv", "")))
                continue
            try:
                sheet = _sheet(template, name, papers)
            except (GlabelsError, ValueError) as exc:
                if strict:
                    raise GlabelsError(f"template {name!r}: {exc}") from None
                sheet = None
            if sheet is None:
                skipped += 1
            else:
                sheets.setdefault(name, sheet)
    for brand, name, equiv in equivalents:
        base = sheets.get(f"{brand} {equiv}".strip())
        if base is None:
            skipped += 1
        else:
            sheets.setdefault(name, _renamed(base, name))
    return Catalogue(sheets, skipped)


def _renamed(sheet: SheetGeometry, name: str) -> SheetGeometry:
    from dataclasses import replace

    return replace(sheet, name=name)


def _sheet(template: ET.Element, name: str, papers: dict[str, Size]) -> SheetGeometry | None:
    labels = template.findall("Label-rectangle")
    if len(labels) != 1:
        return None
    label = labels[0]
    layouts = label.findall("Layout")
    if len(layouts) != 1:
        return None
    size = template.get("size", "")
    if size in papers:
        paper = papers[size]
    elif template.get("width") and template.get("height"):
        paper = Size(length(template.get("width", "")), length(template.get("height", "")))
    else:
        return None
    layout = layouts[0]
    return SheetGeometry(
        name=name,
        paper=paper,
        label=Size(length(label.get("width", "")), length(label.get("height", ""))),
        columns=int(layout.get("nx", "1")),
        rows=int(layout.get("ny", "1")),
        left=length(layout.get("x0", "0")),
        top=length(layout.get("y0", "0")),
        pitch_x=length(layout.get("dx", "0")),
        pitch_y=length(layout.get("dy", "0")),
        corner_radius=length(label.get("round")) if label.get("round") else None,
    )


def _parse(data: bytes, display: str) -> ET.Element:
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise GlabelsError(f"{display}: not readable as XML ({exc})") from None


@cache
def bundled() -> Catalogue:
    """glabels' own database, as bundled."""
    folder = files(DATA)
    papers = paper_sizes(
        _parse(
            gzip.decompress(folder.joinpath("paper-sizes.xml.gz").read_bytes()), "paper-sizes.xml"
        )
    )
    roots = [
        _parse(gzip.decompress(entry.read_bytes()), entry.name)
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith("-templates.xml.gz")
    ]
    return read_templates(roots, papers)


def own_file(path: Path) -> Catalogue:
    """An organiser's own glabels template file; paper ids from glabels' paper sizes."""
    folder = files(DATA)
    papers = paper_sizes(
        _parse(
            gzip.decompress(folder.joinpath("paper-sizes.xml.gz").read_bytes()), "paper-sizes.xml"
        )
    )
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return read_templates([_parse(data, path.name)], papers, strict=True)
