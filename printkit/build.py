"""The pipeline: load → layout → render → output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from printkit.errors import LayoutError
from printkit.fonts import typeface
from printkit.layout.badges import layout_badges
from printkit.layout.calibrate import layout_calibration
from printkit.layout.items import Document
from printkit.layout.programme import layout_programme
from printkit.layout.tent import layout_sign
from printkit.load import load_event
from printkit.model import Event, PrinterOffset, SignKind
from printkit.output import write_all
from printkit.render import render
from printkit.stock import find, slug

PRODUCTS = ("programme", "badges", "tent")


def _layouts(sign: SignKind | None) -> dict[str, Callable]:
    return {
        "programme": layout_programme,
        "badges": layout_badges,
        "tent": lambda event, face: layout_sign(event, face, sign),
    }


def file_name(product: str, event: Event, sign: SignKind | None) -> str:
    if product == "tent":
        return f"{(sign or event.sign).value}.pdf"
    return f"{product}.pdf"


def make(event: Event, products: Sequence[str], sign: SignKind | None = None) -> dict[str, bytes]:
    """Lay out and render products in memory."""
    face = typeface(event.fonts)
    layouts = _layouts(sign)
    documents: dict[str, Document] = {name: layouts[name](event, face) for name in products}
    return {name: render(doc, face) for name, doc in documents.items()}


@dataclass(frozen=True)
class Report:
    written: list[Path]
    warnings: list[str] = field(default_factory=list)


def build(
    event_file: Path,
    out_dir: Path,
    products: Sequence[str] = PRODUCTS,
    sign: SignKind | None = None,
    display: str | None = None,
    offset_x: float | None = None,
    offset_y: float | None = None,
) -> Report:
    """Build the products and write them; nothing is written unless every product succeeded.

    Asked for everything (``products`` is all of them), an event with nobody to badge gets
    no badges.pdf and a warning; asked for badges alone, that is an error. ``offset_x`` and
    ``offset_y`` (mm), when given, replace those of event.yaml's ``badges.offset``.
    """
    event = load_event(event_file, display)
    event = replace(event, offset=event.offset.override(offset_x, offset_y))
    warnings = []
    if not event.people and "badges" in products:
        if tuple(products) != PRODUCTS:
            raise LayoutError(
                "badges", "the event names no people (panelists, moderator) to make badges for"
            )
        products = tuple(p for p in products if p != "badges")
        warnings.append(
            "badges: the event names no people (panelists, moderator); no badges.pdf was made"
        )
    rendered = make(event, products, sign)
    written = write_all(
        {out_dir / file_name(name, event, sign): data for name, data in rendered.items()}
    )
    return Report(written, warnings)


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
