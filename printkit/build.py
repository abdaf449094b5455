"""The pipeline: load → layout → render → output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from printkit.errors import LayoutError
from printkit.fonts import typeface
from printkit.layout.badges import layout_badges
from printkit.layout.items import Document
from printkit.layout.programme import layout_programme
from printkit.layout.tent import layout_sign
from printkit.load import load_event
from printkit.model import Event, SignKind
from printkit.output import write_all
from printkit.render import render

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
    """What a command did: the files it wrote, what the user should know, the event it read."""

    written: list[Path]
    warnings: list[str] = field(default_factory=list)
    event: Event | None = None


def build(
    event_file: Path,
    out_dir: Path,
    products: Sequence[str] = PRODUCTS,
    sign: SignKind | None = None,
    display: str | None = None,
) -> Report:
    """Build the products and write them; nothing is written unless every product succeeded.

    Asked for everything (``products`` is all of them), an event with nobody to badge gets
    no badges.pdf and a warning; asked for badges alone, that is an error.
    """
    event = load_event(event_file, display)
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
    return Report(written, warnings, event)
