"""The pipeline: load → layout → render → output."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from printkit.errors import LayoutError
from printkit.findings import same_names
from printkit.fonts import Typeface, typeface
from printkit.layout.badges import layout_badges
from printkit.images import check_placements
from printkit.layout.calibrate import layout_calibration
from printkit.layout.items import Document, Group, Image
from printkit.layout.press import finish
from printkit.layout.programme import layout_programme
from printkit.layout.tent import layout_sign
from printkit.load import load_event
from printkit.model import Event, Press, PrinterOffset, SignKind
from printkit.output import write_all
from printkit.pdfx import make_pdfx
from printkit.render import render
from printkit.stock import find, slug

PRODUCTS = ("programme", "badges", "tent")


LAYOUTS: dict[str, Callable[[Event, Typeface], Document]] = {
    "programme": layout_programme,
    "badges": layout_badges,
    "tent": layout_sign,
}


def file_name(product: str, event: Event) -> str:
    if product == "tent":
        return f"{event.sign.value}.pdf"
    return f"{product}.pdf"


def make(event: Event, products: Sequence[str]) -> dict[str, bytes]:
    """Lay out and render products in memory."""
    face = typeface(event.fonts)
    return {name: render(doc, face) for name, doc in lay_out(event, products).items()}


def _placements(documents: Iterable[Document]) -> list[tuple[Path, float]]:
    """Every placed image file with its placed width (mm)."""
    found: list[tuple[Path, float]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Image):
                found.append((item.path, item.rect.width))
            elif isinstance(item, Group):
                walk(item.items)

    for document in documents:
        for page in document.pages:
            walk(page.items)
    return found


def lay_out(event: Event, products: Sequence[str]) -> dict[str, Document]:
    face = typeface(event.fonts)
    layouts = LAYOUTS
    documents: dict[str, Document] = {}
    for name in products:
        document = layouts[name](event, face)
        if name != "badges":  # badges finish their own sheets (bleed per badge)
            pages = tuple(finish(page, event.press) for page in document.pages)
            document = replace(document, pages=pages)
        documents[name] = document
    return documents


def prepare(event: Event, products: Sequence[str]) -> tuple[dict[str, Document], list[str]]:
    """Lay out the products in memory, with what a build warns about; nothing is rendered.

    Asked for everything (``products`` is all of them), an event with nobody to badge gets
    no badges and a warning; asked for badges alone, that is an error.
    """
    warnings = [finding.message() for finding in same_names(event)]
    if not event.people and "badges" in products:
        if tuple(products) != PRODUCTS:
            raise LayoutError(
                "badges", "the event names no people (panelists, moderator) to make badges for"
            )
        products = tuple(p for p in products if p != "badges")
        warnings.append(
            "badges: the event names no people (panelists, moderator); no badges.pdf was made"
        )
    documents = lay_out(event, products)
    warnings += check_placements(_placements(documents.values()), press=event.press is not None)
    return documents, warnings


@dataclass(frozen=True)
class Overrides:
    """Settings from the command line, which win over event.yaml's."""

    sign: SignKind | None = None
    press: bool | None = None  # True: press mode, False: office mode, None: as event.yaml says
    bleed: float | None = None
    marks: bool | None = None
    offset_x: float | None = None  # mm, replacing event.yaml's badges.offset x
    offset_y: float | None = None

    def apply(self, event: Event) -> Event:
        press = event.press
        if self.press is False:
            press = None
        elif self.press or (press is not None and (self.bleed is not None or self.marks is not None)):
            press = press or Press()
            press = replace(
                press,
                bleed=self.bleed if self.bleed is not None else press.bleed,
                marks=self.marks if self.marks is not None else press.marks,
            )
        offset = event.offset.override(self.offset_x, self.offset_y)
        return replace(event, sign=self.sign or event.sign, press=press, offset=offset)


@dataclass(frozen=True)
class Report:
    """What a command did: the files it wrote, what the user should know, the event it read."""

    written: list[Path]
    warnings: list[str] = field(default_factory=list)
    event: Event | None = None


def build(
    event_file: Path,
    out_dir: Path,
    products: Sequence[str] = PRODUCTS,
    overrides: Overrides | None = None,
    display: str | None = None,
) -> Report:
    """Build the products and write them; nothing is written unless every product succeeded.

    Asked for everything (``products`` is all of them), an event with nobody to badge gets
    no badges.pdf and a warning; asked for badges alone, that is an error.
    """
    event = (overrides or Overrides()).apply(load_event(event_file, display))
    documents, warnings = prepare(event, products)
    face = typeface(event.fonts)
    rendered = {name: render(doc, face) for name, doc in documents.items()}
    if event.press is not None and event.press.pdfx is not None:
        rendered = {name: make_pdfx(data, event.press.pdfx) for name, data in rendered.items()}
    written = write_all(
        {out_dir / file_name(name, event): data for name, data in rendered.items()}
    )
    return Report(written, warnings, event)


def calibrate(
    sheet: str,
    out_dir: Path,
    offset_x: float | None = None,
    offset_y: float | None = None,
) -> Report:
    """Write ``calibrate-<sheet>.pdf`` for a preset's name, or for the badge sheet and printer
    offset of an event file (a name ending in .yaml or .yml); the offsets given win."""
    if sheet.lower().endswith((".yaml", ".yml")):
        event = load_event(Path(sheet), sheet)
        geometry, offset = event.sheet, event.offset
    else:
        geometry, offset = find(sheet).sheet, PrinterOffset()
    offset = offset.override(offset_x, offset_y)
    face = typeface()
    data = render(layout_calibration(geometry, offset, face), face)
    return Report(write_all({out_dir / f"calibrate-{slug(geometry.name)}.pdf": data}))
