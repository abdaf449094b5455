"""glabels' template database (bundled in ``printkit/data/glabels``, MIT licence) and an
organiser's own glabels template file, read into badge sheets.

A ``<Template brand="Avery" part="5395" size="US-Letter">`` names a product; its
``<Label-rectangle width height round>`` gives the label, and its ``<Layout nx ny x0 y0 dx
dy>`` the grid (the first label's offset from the sheet's top-left corner, then the pitch).
Lengths carry a unit (``pt``, ``in``, ``mm``, ``cm``, ``pc``; none means points). ``size`` is
a paper id from ``paper-sizes.xml``, or ``Other`` with the template's own width and height.
``<Template … equiv="5395"/>`` is the same stock sold under another part number. Round,
elliptic, CD and continuous labels, and sheets of several layouts, are not badge stock here
(``skipped`` counts them); ``Markup-*`` (the template's design guides) is not read: printkit
keeps its own margins.

Every product is held to its paper: the labels lie on it (within ``ROUNDING``, as glabels'
figures are rounded: Herma 4464 reaches 210.6 mm on 210 mm A4), do not overlap, have a size,
and are at most ``MAX_ACROSS`` a row or column on paper of at most ``MAX_PAPER`` a side. A
product that is not is skipped from the database, and refused at its line in an organiser's
own file when it is the one named. The file is read with ``read.xmltree``: entities are
refused.
"""

from __future__ import annotations

import gzip
import math
import re
import zlib
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from pathlib import Path

from printkit.errors import InputError, Location, shown
from printkit.model.geometry import SheetGeometry, Size
from printkit.read.regular import read_regular
from printkit.read.xmltree import Element, parse

UNITS = {"pt": 25.4 / 72, "in": 25.4, "mm": 1.0, "cm": 10.0, "pc": 25.4 / 6, "": 25.4 / 72}
_LENGTH = re.compile(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([a-z]*)\s*$")
DATA = "printkit.data.glabels"
#: mm a label may reach past the paper's edge, or into its neighbour: glabels' rounding
ROUNDING = 1.0
#: mm: a side of the largest paper (A0 is 841 × 1189 mm)
MAX_PAPER = 1200.0
#: labels in a row or a column (the database's most is 48)
MAX_ACROSS = 100
REFUSED = (
    "the file declares entities or an external DTD (<!ENTITY …>, <!DOCTYPE … SYSTEM …>), which"
    " a glabels template never needs and which can make a small file expand without end;"
    " remove the <!DOCTYPE …> and the entities"
)
SHAPES = {
    "Label-round": "round labels",
    "Label-ellipse": "elliptic labels",
    "Label-cd": "CD labels",
    "Label-continuous": "continuous tape",
    "Label-path": "labels of a drawn shape",
}


#: what each length of a template is, for messages
MEANING = {
    "width": "the {}'s width",
    "height": "the {}'s height",
    "round": "the label's corner radius",
    "x0": "the first label's offset from the sheet's left edge",
    "y0": "the first label's offset from the sheet's top edge",
    "dx": "the step from one label to the next across",
    "dy": "the step from one label to the next down",
}


class GlabelsError(ValueError):
    """A length that cannot be read, with what is wrong."""


def length(text: str) -> float:
    """A glabels length in mm: "3.375in" → 85.725, "5" (points) → 1.764."""
    match = _LENGTH.match(text or "")
    if not match or match.group(2) not in UNITS:
        raise GlabelsError(f"{text!r} is not a length (a number and pt, in, mm, cm or pc)")
    value = float(match.group(1)) * UNITS[match.group(2)]
    if not math.isfinite(value):
        raise GlabelsError(f"{text!r} is not a length (a number and pt, in, mm, cm or pc)")
    return value


@dataclass(frozen=True)
class Catalogue:
    """Every rectangular product of some template files, by name ("Avery 5395"), and why
    each product that is not badge stock was left out (where it is)."""

    sheets: dict[str, SheetGeometry]
    skipped: int
    refused: dict[str, InputError] = field(default_factory=dict)

    def find(self, name: str) -> SheetGeometry | None:
        key = _key(name)
        for sheet_name, sheet in self.sheets.items():
            if _key(sheet_name) == key:
                return sheet
        return None

    def refusal(self, name: str) -> InputError | None:
        """Why the product ``name`` was left out, at its template, if it was."""
        key = _key(name)
        return next((e for n, e in self.refused.items() if _key(n) == key), None)

    def search(self, text: str) -> list[SheetGeometry]:
        key = _key(text)
        return [sheet for name, sheet in self.sheets.items() if key in _key(name)]


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def paper_sizes(root: Element) -> dict[str, Size]:
    return {
        p.attrs.get("id", ""): Size(
            length(p.attrs.get("width", "")), length(p.attrs.get("height", ""))
        )
        for p in root.iter("Paper-size")
    }


def read_templates(roots: list[Element], papers: dict[str, Size]) -> Catalogue:
    """The products of parsed template files (equivalents resolved within a brand); each
    template that is not badge stock is left out, with why in ``refused``."""
    sheets: dict[str, SheetGeometry] = {}
    refused: dict[str, InputError] = {}
    equivalents: list[tuple[str, str, str]] = []
    for root in roots:
        for template in root.iter("Template"):
            brand = template.attrs.get("brand", "").strip()
            name = f"{brand} {template.attrs.get('part', '').strip()}".strip()
            if template.attrs.get("equiv"):
                equivalents.append((brand, name, template.attrs.get("equiv", "")))
                continue
            try:
                sheets.setdefault(name, _sheet(template, name, papers))
            except InputError as exc:
                refused.setdefault(name, exc)
    for brand, name, equiv in equivalents:
        base = f"{brand} {equiv}".strip()
        if base in sheets:
            sheets.setdefault(name, replace(sheets[base], name=name))
        elif base in refused:
            refused.setdefault(name, refused[base])
    skipped = len([n for n in refused if n not in sheets])
    return Catalogue(sheets, skipped, refused)


def _sheet(template: Element, name: str, papers: dict[str, Size]) -> SheetGeometry:
    where = f"Template {name!r}"
    shapes = [c for c in template.children if c.tag.startswith("Label-")]
    if not shapes:
        raise InputError(template.where, where, "has no label (<Label-rectangle>)")
    if len(shapes) > 1 or shapes[0].tag != "Label-rectangle":
        other = next((s for s in shapes if s.tag != "Label-rectangle"), shapes[-1])
        kind = SHAPES.get(other.tag, "labels") if len(shapes) == 1 else "labels of several kinds"
        raise InputError(
            other.where,
            where,
            f"has {kind} (<{other.tag}>), not one rectangle; printkit prints badges on"
            " rectangular labels: choose a rectangular product",
        )
    label = shapes[0]
    layouts = label.all("Layout")
    if len(layouts) != 1:
        raise InputError(
            label.where,
            where,
            f"has {len(layouts)} <Layout>s; printkit reads sheets of one"
            " layout (one grid of labels): choose another product, or give each grid a template",
        )
    paper = _paper(template, papers, where)
    width = _length(label, "width", where, above=0.0)
    height = _length(label, "height", where, above=0.0)
    radius = _length(label, "round", where, 0.0) if "round" in label.attrs else None
    if radius is not None and radius > min(width, height) / 2 + 1e-9:
        raise InputError(
            label.where,
            where,
            f"round {_mm(radius)} mm is more than half the label's"
            f" {_mm(min(width, height))} mm; give the corner radius",
        )
    sheet = _layout(layouts[0], f"{where} > Layout", name, paper, Size(width, height))
    return replace(sheet, corner_radius=radius)


def _paper(template: Element, papers: dict[str, Size], where: str) -> Size:
    size = template.attrs.get("size", "")
    if size in papers:
        return papers[size]
    if "width" not in template.attrs or "height" not in template.attrs:
        raise InputError(
            template.where,
            where,
            f"size {size!r} is not one of glabels' paper sizes; give"
            ' size="Other" with the paper\'s width and height',
        )
    paper = Size(*(_length(template, side, where, above=0.0) for side in ("width", "height")))
    if max(paper.width, paper.height) > MAX_PAPER:
        raise InputError(
            template.where,
            where,
            f"paper of {_mm(paper.width)} × {_mm(paper.height)} mm is"
            f" larger than any printer's (at most {MAX_PAPER:,.0f} mm a side); check its width and height",
        )
    return paper


def _layout(layout: Element, where: str, name: str, paper: Size, label: Size) -> SheetGeometry:
    nx, ny = (_count(layout, key, where) for key in ("nx", "ny"))
    x0, y0 = (_length(layout, key, where, 0.0) for key in ("x0", "y0"))
    dx, dy = (_length(layout, key, where, 0.0) for key in ("dx", "dy"))
    for n, pitch, side, key in ((nx, dx, label.width, "dx"), (ny, dy, label.height, "dy")):
        if n > 1 and pitch < side - ROUNDING:
            raise InputError(
                layout.where,
                where,
                f"{key} {_mm(pitch)} mm is less than the label's"
                f" {_mm(side)} mm, so the labels would overlap; {key} is the step from one"
                " label to the next",
            )
    right, bottom = x0 + (nx - 1) * dx + label.width, y0 + (ny - 1) * dy + label.height
    if right > paper.width + ROUNDING or bottom > paper.height + ROUNDING:
        raise InputError(
            layout.where,
            where,
            f"the labels reach {_mm(right)} × {_mm(bottom)} mm from the"
            f" sheet's top-left corner, past the {_mm(paper.width)} × {_mm(paper.height)} mm"
            " paper; correct nx, x0 and dx, or ny, y0 and dy",
        )
    return SheetGeometry(name, paper, label, nx, ny, x0, y0, dx, dy)


def _length(
    element: Element, key: str, where: str, least: float = 0.0, above: float | None = None
) -> float:
    """``key``'s length in mm; at least ``least``, or more than ``above``."""
    text = element.attrs.get(key, "0")
    meaning = MEANING[key].format("paper" if element.tag == "Template" else "label")
    try:
        value = length(text)
    except GlabelsError as exc:
        raise InputError(element.where, where, f"{key}: {exc}; give {meaning}") from None
    if (value <= above) if above is not None else (value < least):
        bound = f"more than {above:g}" if above is not None else f"at least {least:g}"
        raise InputError(
            element.where, where, f"{key} {shown(text, 20)} must be {bound} mm; it is {meaning}"
        )
    return value


def _count(layout: Element, key: str, where: str) -> int:
    text = layout.attrs.get(key, "1").strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_ACROSS:
        raise InputError(
            layout.where,
            where,
            f"{key} {text[:20]!r} is not a whole number from 1 to"
            f" {MAX_ACROSS}; give the number of labels {'across' if key == 'nx' else 'down'}",
        )
    return int(text)


def _mm(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _read(data: bytes, display: str) -> Element:
    return parse(data, display, REFUSED, forbid_dtd=False)


def _papers() -> dict[str, Size]:
    data = files(DATA).joinpath("paper-sizes.xml.gz").read_bytes()
    return paper_sizes(_read(gzip.decompress(data), "paper-sizes.xml"))


@cache
def bundled() -> Catalogue:
    """glabels' own database, as bundled."""
    roots = [
        _read(gzip.decompress(entry.read_bytes()), entry.name)
        for entry in sorted(files(DATA).iterdir(), key=lambda e: e.name)
        if entry.name.endswith("-templates.xml.gz")
    ]
    return read_templates(roots, _papers())


#: bytes of an organiser's template file, unpacked (glabels' largest file is 0.2 MB)
MAX_FILE_BYTES = 10_000_000


def own_file(path: Path, display: str) -> Catalogue:
    """An organiser's own glabels template file, gzipped or not; paper ids from glabels'
    paper sizes. ``display`` names the file in messages. Raises ``InputError`` for a file
    too large (unpacked, too), and the ``OSError`` of reading it (``read.regular``)."""
    data = read_regular(path, MAX_FILE_BYTES)
    if data[:2] == b"\x1f\x8b":
        unpack = zlib.decompressobj(wbits=31)
        try:
            data = unpack.decompress(data, MAX_FILE_BYTES + 1)
        except zlib.error as exc:
            raise InputError(Location(display), "", f"not a readable gzip file ({exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            Location(display),
            "",
            f"unpacks to more than {MAX_FILE_BYTES:,} bytes, far more"
            " than a glabels template file; give the file of your product's templates",
        )
    return read_templates([_read(data, display)], _papers())
