"""Proofs: PNG previews of every page of the kit, and a contact sheet of all badges.

For organisers who want to look and share without a PDF viewer. The kit is built exactly as
``printkit build`` builds it; the PDFs written are then rendered with pdfium, so a proof
shows the very files that go to the printer.

Memory stays flat however many badges there are: pages are rendered one at a time, and the
contact sheet is filled badge by badge and written a page at a time, ``ContactLayout.rows``
× ``columns`` badges a page (32 by default: about 2200 × 2600 px for 90 × 54 mm badges). One
page is ``badges-contact.png``; more are ``badges-contact-1.png``, ``-2.png``, …
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from printkit.errors import OutputError
from printkit.model.event import Event
from printkit.model.geometry import MM_PER_INCH, POINTS_PER_INCH, Rect, SheetGeometry
from printkit.output.files import write_atomic
from printkit.output.inputs import Target, writes_like
from printkit.pipeline import products as registry
from printkit.pipeline.build import Overrides, Report, build
from printkit.products.badges.duplex import imposed_sheet

if TYPE_CHECKING:
    import pypdfium2 as pdfium

FOLDER = "proof"
DEFAULT_DPI = 150
MIN_DPI = 36
MAX_DPI = 600  # an A3 poster at 600 dpi is already a 200 MB bitmap
CONTACT = "badges-contact"
EPSILON = 1e-6  # px: a slot edge this close to a pixel edge is on it

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class ContactLayout:
    """How the contact sheet is laid out. Independent of the previews' ``--dpi``."""

    dpi: float = 150.0  # badges at print size: an 11 pt name is about 23 px tall
    max_cell: int = 640  # px, a cell's longer side; a larger badge (larger type too) is shrunk
    columns: int = 4
    rows: int = 8  # per contact page
    gap: int = 6  # px between cells and around the edge
    background: RGB = (200, 200, 200)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


@dataclass(frozen=True)
class ContactGrid:
    """One contact page: ``count`` cells of ``cell`` px, filled row by row."""

    cell: tuple[int, int]
    columns: int
    count: int
    gap: int

    @property
    def rows(self) -> int:
        return math.ceil(self.count / self.columns)

    @property
    def size(self) -> tuple[int, int]:
        width, height = self.cell
        return (
            self.columns * width + (self.columns + 1) * self.gap,
            self.rows * height + (self.rows + 1) * self.gap,
        )

    def origin(self, index: int) -> tuple[int, int]:
        """The top-left pixel of cell ``index`` (0-based, reading order)."""
        row, column = divmod(index, self.columns)
        width, height = self.cell
        return (self.gap + column * (width + self.gap), self.gap + row * (height + self.gap))


def contact_dpi(sheet: SheetGeometry, layout: ContactLayout) -> float:
    """The resolution badges are rendered at for the contact sheet (capped by ``max_cell``)."""
    longest = max(sheet.label.width, sheet.label.height) / MM_PER_INCH * layout.dpi
    return layout.dpi * min(1.0, layout.max_cell / longest)


def contact_grids(sheet: SheetGeometry, count: int, layout: ContactLayout) -> list[ContactGrid]:
    """The contact pages for ``count`` badges; every page is as wide as the first."""
    cell = cell_size(sheet, contact_dpi(sheet, layout))
    columns = min(count, layout.columns)
    return [
        ContactGrid(cell, columns, min(layout.per_page, count - first), layout.gap)
        for first in range(0, count, layout.per_page)
    ]


def contact_names(pages: int) -> list[str]:
    if pages == 1:
        return [f"{CONTACT}.png"]
    return [f"{CONTACT}-{n}.png" for n in range(1, pages + 1)]


def cell_size(sheet: SheetGeometry, dpi: float) -> tuple[int, int]:
    """A badge's cell in px: only whole pixels that lie inside every slot, whatever its offset."""
    return (
        math.floor(_px(sheet.label.width, dpi)) - 1,
        math.floor(_px(sheet.label.height, dpi)) - 1,
    )


def slot_box(sheet: SheetGeometry, rect: Rect, dpi: float) -> tuple[int, int, int, int]:
    """A slot (mm, from the page's bottom-left) as a pixel box (from the top-left).

    The box starts at the first pixel wholly inside the badge and is ``cell_size`` big, so
    it holds no anti-aliased sliver of the neighbouring badge or of the margin; at most a
    pixel of the badge's own edge is left out.
    """
    left = math.ceil(_px(rect.x, dpi) - EPSILON)
    top = math.ceil(_px(sheet.paper.height - rect.top, dpi) - EPSILON)
    width, height = cell_size(sheet, dpi)
    return (left, top, left + width, top + height)


def proof(
    event_file: Path,
    out_dir: Path,
    products: Sequence[str] | None = None,
    overrides: Overrides | None = None,
    dpi: int = DEFAULT_DPI,
    display: str | None = None,
    layout: ContactLayout = ContactLayout(),
) -> Report:
    """Build the products into ``out_dir`` as ``build`` does, then proof them in ``proof/``.

    Returns the PDFs and PNGs written, in that order. Each PNG is written atomically; pages
    left over from an earlier, longer proof of a product are removed.
    """
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise ValueError(f"dpi must be between {MIN_DPI} and {MAX_DPI}, not {dpi}")
    folder = out_dir / FOLDER

    def also(event: Event) -> list[Target]:  # the pages and contact sheets proof writes
        stems = registry.outputs(products or registry.kit(), event)
        pages = "|".join(re.escape(stem) for stem in stems)
        return writes_like(
            folder, rf"(?:{pages})-\d+\.png|{CONTACT}(?:-\d+)?\.png", f"{folder}/NAME-N.png"
        )

    kit = build(event_file, out_dir, products, overrides, display, keep_documents=True, also=also)
    event = kit.event
    contacts = {
        out_dir / f"{stem}.pdf"
        for stem, (product, _) in registry.outputs(products or registry.kit(), event).items()
        if product.contact
    }
    written: list[Path] = []
    for pdf in (path for path in kit.written if path.suffix == ".pdf"):  # not programme.ics
        contact = None
        if pdf in contacts:  # cut out where the laid-out document put each piece
            sheet, _ = imposed_sheet(event)
            pieces = [page.pieces for page in kit.documents[pdf.stem].pages]
            contact = _ContactSheet(folder, sheet, pieces, layout)
        pages = _previews(pdf, folder, dpi, contact)
        written += pages
        _remove_stale(folder, re.compile(rf"{re.escape(pdf.stem)}-\d+\.png"), pages)
        if contact is not None:
            written += contact.written
            _remove_stale(folder, re.compile(rf"{CONTACT}(-\d+)?\.png"), contact.written)
    return Report(kit.written + written, kit.warnings, event)


def _previews(pdf: Path, folder: Path, dpi: int, contact: _ContactSheet | None) -> list[Path]:
    """Render ``pdf`` page by page: one PNG per page, and its badges onto the contact sheet."""
    import pypdfium2 as pdfium  # only proofs render pages

    written = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                image = _render(page, dpi)
                written.append(_save(folder / f"{pdf.stem}-{index + 1}.png", image, dpi))
                if contact is not None and contact.pieces[index]:  # fronts, not backs
                    same = math.isclose(contact.dpi, dpi)
                    image = image if same else _render(page, contact.dpi)
                    contact.add_sheet(image, contact.pieces[index])
            finally:
                page.close()
    finally:
        document.close()
    if contact is not None:
        contact.finish()
    return written


def _render(page: pdfium.PdfPage, dpi: float) -> Image.Image:
    """The page as RGB pixels; the bitmap is copied out and freed at once."""
    bitmap = page.render(scale=dpi / POINTS_PER_INCH)
    try:
        return bitmap.to_pil().convert("RGB")
    finally:
        bitmap.close()


class _ContactSheet:
    """Collects badge crops in print order and writes each contact page when it is full.
    ``pieces``: per page of the PDF, the rectangles its layout put the fronts at."""

    def __init__(
        self,
        folder: Path,
        sheet: SheetGeometry,
        pieces: list[tuple[Rect, ...]],
        layout: ContactLayout,
    ):
        self.sheet = sheet
        self.pieces = pieces
        self.layout = layout
        self.dpi = contact_dpi(sheet, layout)
        count = sum(len(on_page) for on_page in pieces)
        self.grids = contact_grids(sheet, count, layout)
        self.paths = [folder / name for name in contact_names(len(self.grids))]
        self.remaining = count
        self.written: list[Path] = []
        self.page: Image.Image | None = None
        self.filled = 0

    def add_sheet(self, image: Image.Image, rects: tuple[Rect, ...]) -> None:
        for rect in rects:
            self._add(image.crop(slot_box(self.sheet, rect, self.dpi)))
        self.remaining -= len(rects)

    def _add(self, badge: Image.Image) -> None:
        grid = self.grids[len(self.written)]
        if self.page is None:
            self.page = Image.new("RGB", grid.size, self.layout.background)
        self.page.paste(badge, grid.origin(self.filled))
        self.filled += 1
        if self.filled == grid.count:
            self.written.append(_save(self.paths[len(self.written)], self.page, self.dpi))
            self.page, self.filled = None, 0

    def finish(self) -> None:
        if self.remaining or self.page is not None:
            raise RuntimeError(
                f"badges.pdf has fewer badges than the event's {len(self.grids)} contact pages need"
            )


def _save(path: Path, image: Image.Image, dpi: float) -> Path:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    write_atomic(path, buffer.getvalue())
    return path


def _remove_stale(folder: Path, pattern: re.Pattern[str], keep: list[Path]) -> None:
    """Remove the pages an earlier proof of the same product left beyond this one's."""
    if not folder.is_dir():
        return
    kept = {path.name for path in keep}
    for path in sorted(folder.iterdir()):
        if pattern.fullmatch(path.name) and path.name not in kept:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                raise OutputError(
                    f"{path}: cannot remove this page of an earlier proof ({exc.strerror})"
                ) from None


def _px(length_mm: float, dpi: float) -> float:
    return length_mm / MM_PER_INCH * dpi
