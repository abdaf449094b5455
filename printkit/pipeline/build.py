"""The pipeline: load → layout → render → output."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from printkit.errors import LayoutError, Location
from printkit.layout.items import Document, Group, Image
from printkit.layout.press import finish
from printkit.model.event import Event, Press, PrinterOffset, SignKind, SortOrder
from printkit.model.stock import find, slug
from printkit.output.files import write_all
from printkit.output.pdfx import make_pdfx
from printkit.pipeline.people import badge_people, key, merged_count, payload_or_none
from printkit.pipeline.rows import REJECTED, accounted, rejected_csv
from printkit.products.badges.front import layout_badges
from printkit.products.calibrate import layout_calibration
from printkit.products.posters import layout_posters
from printkit.products.programme import layout_programme
from printkit.products.schedule import layout_booklet, layout_schedule
from printkit.products.tent import layout_sign, layout_tents
from printkit.read.event import load_event
from printkit.read.images import check_placements
from printkit.read.notices import collecting
from printkit.read.origins import recording
from printkit.render.pdf import render
from printkit.typeset.coverage import check_people
from printkit.typeset.fonts import Typeface, typeface

PRODUCTS = ("programme", "badges", "tent")


Layout = Callable[[Event, Typeface], Document]

LAYOUTS: dict[str, Layout] = {
    "programme": layout_programme,
    "badges": layout_badges,
    "tent": layout_sign,
}
#: The imposed booklet: for an office duplex printer, so never given press finishing.
BOOKLET = "programme-booklet"
#: A schedule's signs: a tent sheet per session, a door poster per venue and day.
SCHEDULE_SIGNS: dict[SignKind, tuple[str, Layout]] = {
    SignKind.TENT: ("tents", layout_tents),
    SignKind.POSTER: ("posters", layout_posters),
}


def outputs(product: str, event: Event) -> dict[str, Layout]:
    """The files a product makes, by name without .pdf, with the layout of each.

    One debate: programme, badges, and tent or poster (``sign``). A schedule: a programme of
    many pages, badges, and both signs, tents and posters, unless ``sign`` names one.
    """
    if not event.schedule:
        if product == "tent":
            return {(event.sign or SignKind.TENT).value: layout_sign}
        return {product: LAYOUTS[product]}
    if product == "programme":
        if event.programme.booklet:
            return {"programme": layout_schedule, BOOKLET: layout_booklet}
        return {"programme": layout_schedule}
    if product == "tent":
        kinds = (event.sign,) if event.sign else tuple(SignKind)
        return dict(SCHEDULE_SIGNS[kind] for kind in kinds)
    return {product: LAYOUTS[product]}


def file_name(product: str, event: Event) -> str:
    """The (first) file a product makes."""
    return f"{next(iter(outputs(product, event)))}.pdf"


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
    """Every file's document, by file name without .pdf (see ``outputs``)."""
    face = typeface(event.fonts)
    if "badges" in products:  # before any product: the message names the person
        check_people(event, face, "badges")
    documents: dict[str, Document] = {}
    for name in products:
        for stem, layout in outputs(name, event).items():
            try:
                document = layout(event, face)
            except LayoutError as exc:
                if exc.product != "text":
                    raise
                raise LayoutError(  # say which file
                    f"{stem}.pdf", exc.problem, exc.text, exc.char, exc.where, exc.field
                ) from None
            if name != "badges" and stem != BOOKLET:  # badges finish their own sheets
                pages = tuple(finish(page, event.press) for page in document.pages)
                document = replace(document, pages=pages)
            documents[stem] = document
    return documents


def prepare(
    event: Event, products: Sequence[str], file: str | None = None
) -> tuple[dict[str, Document], list[str]]:
    """Lay out the products in memory, with what a build warns about; nothing is rendered.

    Asked for everything (``products`` is all of them), an event with nobody to badge gets
    no badges and a warning; asked for badges alone, that is an error.
    """
    warnings: list[str] = []
    if event.press is not None and event.offset and "badges" in products:
        warnings.append(
            "badges: the printer offset (badges.offset, --offset-x/-y) corrects a desktop printer;"
            " press mode ignores it, since a print shop cuts by the marks"
        )
    if not event.people and "badges" in products:
        if tuple(products) != PRODUCTS:
            raise LayoutError(
                "badges",
                "the event names no people (panelists, moderator) to make badges for",
                where=Location(file) if file else None,
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
    booklet: bool = False  # --booklet: the programme as a saddle-stitched booklet
    press: bool | None = None  # True: press mode, False: office mode, None: as event.yaml says
    bleed: float | None = None
    marks: bool | None = None
    offset_x: float | None = None  # mm, replacing event.yaml's badges.offset x
    offset_y: float | None = None
    sort: SortOrder | None = None
    only: tuple[tuple[str, str], ...] = ()  # badge filters: ("role", "staff"), …
    keep_going: bool = False  # print everyone who can be, list the others in rejected.csv
    replace_full: bool = False  # --replace: --only writes badges.pdf, not badges-only.pdf
    start: int = 1  # --start N: begin on label N of a partly used sheet

    def apply(self, event: Event) -> Event:
        press = event.press
        if self.press is False:
            press = None
        elif self.press or self.bleed is not None or self.marks is not None:  # --bleed means press
            press = press or Press()
            press = replace(
                press,
                bleed=self.bleed if self.bleed is not None else press.bleed,
                marks=self.marks if self.marks is not None else press.marks,
            )
        offset = event.offset.override(self.offset_x, self.offset_y)
        badge = replace(event.badge, sort=self.sort) if self.sort else event.badge
        programme = event.programme
        if self.booklet and event.schedule:
            programme = replace(programme, booklet=True)
        return replace(
            event,
            programme=programme,
            sign=self.sign or event.sign,
            press=press,
            offset=offset,
            badge=badge,
            only=self.only,
            keep_going=self.keep_going,
            start=self.start,
        )


@dataclass(frozen=True)
class Report:
    """What a command did: the files it wrote, what the user should know, the event it read."""

    written: list[Path]
    warnings: list[str] = field(default_factory=list)
    event: Event | None = None
    notes: list[str] = field(default_factory=list)  # what the user may like to know


#: A progress reporter: called with a label and a total, returns what to call after each step.
Progress = Callable[[str, int], Callable[[int], None]]
PROGRESS_FROM = 300  # badges: below this a run is quick enough to need no progress bar


def build(
    event_file: Path,
    out_dir: Path,
    products: Sequence[str] = PRODUCTS,
    overrides: Overrides | None = None,
    display: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Build the products and write them; nothing is written unless every product succeeded.

    Asked for everything (``products`` is all of them), an event with nobody to badge gets
    no badges.pdf and a warning; asked for badges alone, that is an error.
    """
    file = display if display is not None else str(event_file)
    with collecting() as cleaned, recording() as origins:
        event = (overrides or Overrides()).apply(load_event(event_file, display))
    event, refused, documents, warnings = accounted(event, products, file, origins, prepare)
    warnings = [*cleaned, *(warning.message() for warning in event.warnings), *warnings]
    face = typeface(event.fonts)
    rendered = {}
    for name, doc in documents.items():
        step = None
        if progress is not None and name == "badges" and len(badge_people(event)) >= PROGRESS_FROM:
            step = progress(f"{name}.pdf", len(doc.pages))
        rendered[name] = render(doc, face, step)
    notes = [badge_note(event, documents["badges"])] if "badges" in documents else []
    extra = {}
    if refused:
        extra[out_dir / REJECTED] = rejected_csv(refused)
        s = "" if len(refused) == 1 else "s"
        notes.append(
            f"badges: {len(refused)} row{s} left out (see {out_dir / REJECTED}), as --keep-going asks"
        )
    if "badges" in documents and event.badge.qr is not None:
        warnings += _without_code(event)
    if event.press is not None and event.press.pdfx is not None:
        rendered = {name: make_pdfx(data, event.press.pdfx) for name, data in rendered.items()}
    files = {
        out_dir / f"{_stem(stem, event, overrides)}.pdf": data for stem, data in rendered.items()
    }
    written = write_all({**files, **extra})
    return Report(written, warnings, event, notes)


ONLY_SUFFIX = "-only"  # a desk reprint's file: badges-only.pdf beside the full run's badges.pdf


def _stem(stem: str, event: Event, overrides: Overrides | None) -> str:
    """A reprint for some people (``--only``) never replaces the full run's file."""
    if stem == "badges" and event.only and not (overrides and overrides.replace_full):
        return stem + ONLY_SUFFIX
    return stem


def _without_code(event: Event) -> list[str]:
    qr = event.badge.qr
    missing = [
        p.name for p in badge_people(event) if payload_or_none(p, qr.template, qr.vcard) is None
    ]
    if not missing:
        return []
    shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return [
        f"badges: {len(missing)} badge(s) without a personal QR code (the event file gives no value for the template): {shown}"
    ]


def badge_note(event: Event, document: Document) -> str:
    """How many badges were made, and from where."""
    count = len(badge_people(event))
    sheets = len(document.pages)
    parts = [
        f"{count} badge{'s' if count != 1 else ''} on {sheets} page{'s' if sheets != 1 else ''}"
    ]
    if event.attendee_summary:
        own = len({key(p.name) for s in event.sessions for p in s.people})
        parts.append(f"{own} from the event file, {event.attendee_summary}")
        merged = merged_count(event)
        if merged:
            parts.append(f"{merged} listed people merged with the event's")
    if event.only:
        parts.append("filtered by " + ", ".join(f"{k}={v}" for k, v in event.only))
    return "badges: " + "; ".join(parts)


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
