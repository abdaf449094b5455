"""The build: one preparation, the products laid out, rendered and written all or none."""

from __future__ import annotations

import contextlib
import gc
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from printkit.errors import InputWarning, LayoutError, OutputError, Unfit
from printkit.layout.items import Document, Page
from printkit.model.event import Event
from printkit.model.geometry import PrinterOffset
from printkit.model.production import PdfX
from printkit.model.stock import find, slug
from printkit.output.calendar import calendar
from printkit.output.dates import source_date
from printkit.output.files import Content, write_all
from printkit.output.inputs import Target, refuse_inputs, writes
from printkit.pipeline import helper as helping
from printkit.pipeline import kit as _kit  # noqa: F401  (registers the built-in products)
from printkit.pipeline import products as registry
from printkit.pipeline import share
from printkit.pipeline.prepare import (
    Overrides,
    Prepared,
    check_images,
    lay_out,
    locate,
    placed_images,
    placed_on,
    prepare,
)
from printkit.pipeline.rows import (
    REJECTED,
    accounted,
    is_rejected_report,
    refusal,
    rejected_csv,
)
from printkit.products.calibrate import layout_calibration
from printkit.read.event import load_event
from printkit.read.paths import files_read
from printkit.render.pdf import render, render_into
from printkit.typeset.fonts import Typeface, bundled_family, typeface


@dataclass(frozen=True)
class Report:
    """What a command did: the files it wrote, what the user should know, the event it read."""

    written: list[Path]
    warnings: list[InputWarning] = field(default_factory=list)
    event: Event | None = None
    notes: list[str] = field(default_factory=list)  # what the user may like to know
    #: the laid-out documents of what was written, by file stem, when kept (for proofs)
    documents: dict[str, Document] = field(default_factory=dict, compare=False, repr=False)


#: A progress reporter: called with a label and a total, returns what to call after each step.
Progress = Callable[[str, int], Callable[[int], None]]
COPY_BUFFER = 1 << 20  # bytes: a stamped file copied from the helper's into the target's
PROGRESS_FROM = 300  # people to badge: below this a run is quick enough to need no progress bar


def build(
    event_file: Path,
    out_dir: Path,
    products: Sequence[str] | None = None,
    overrides: Overrides | None = None,
    display: str | None = None,
    progress: Progress | None = None,
    keep_documents: bool = False,
    also: Callable[[Event], list[Target]] | None = None,
) -> Report:
    """Build the products (default: the whole kit) and write them; nothing is written unless
    every product succeeded. The laid-out documents are let go page by page as they are
    rendered, unless ``keep_documents`` (a proof cuts its contact sheet where they say).
    No input is written over: neither the build's files nor what ``also`` says the caller
    writes next may be a file the event names."""
    products = registry.kit() if products is None else tuple(products)
    with young_collections_only():
        prepared = prepare(event_file, products, overrides, display)
        event = prepared.event
        targets = planned(products, event, out_dir, overrides)
        refuse_inputs(event.inputs, targets + (also(event) if also is not None else []))
        pdfx = event.press.pdfx if event.press is not None else None
        epoch = source_date([event_file, *files_read(event)])
        work = _elsewhere(prepared, products, epoch, pdfx)
        away = share.start(event, products, work, shared=not keep_documents)
        helper = None
        if away is None and len(event.badged) < PROGRESS_FROM:  # a small build: a seed's
            helper = helping.start(event, "programme" in products, epoch, pdfx)
        try:
            return _build(
                prepared,
                products,
                out_dir,
                overrides,
                progress,
                keep_documents,
                away,
                epoch,
                helper,
            )
        finally:
            if away is not None:
                away.stop()
            if helper is not None:
                helper.stop()


#: the oldest generation's threshold during a build: in effect, no full collection
OLD_THRESHOLD = 1_000_000


@contextlib.contextmanager
def young_collections_only() -> Iterator[None]:
    """The build without Python's full garbage collections (the young ones still run, and
    the thresholds are put back after). A build makes cycles hardly ever (a 3,000-session
    festival: 4 objects found by its 12 full collections), but each of them walks every
    object the event and its pages hold: 2-3 s of the festival's 12 s on one core."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, OLD_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)


def _build(
    prepared: Prepared,
    products: tuple[str, ...],
    out_dir: Path,
    overrides: Overrides | None,
    progress: Progress | None,
    keep_documents: bool,
    away: share.Away | None,
    epoch: int,
    helper: helping.Helper | None = None,
) -> Report:
    prepared, refused, documents, laid_out = accounted(
        prepared, products, away, stream=not keep_documents
    )
    report = out_dir / REJECTED
    if refused and report.exists() and not is_rejected_report(report):
        raise OutputError(
            f"{report}: a file printkit did not write; --keep-going would replace it with the"
            " rows it leaves out: move it, or build into another folder (-o)"
        )
    event = prepared.event
    face = typeface(event.fonts)
    notes: list[str] = []
    warnings: list[InputWarning] = [*prepared.warnings, *laid_out]
    images = len(warnings)  # where the placed images' warnings go, when checked after drawing
    streamed = any(document.rest is not None for document in documents.values())
    placements: dict[tuple[Path, float], None] = {}  # (file, placed width), in order, once each
    seen: set[str] = set()
    elsewhere = away.stems if away is not None else ()
    pdfx = event.press.pdfx if event.press is not None else None
    with contextlib.ExitStack() as staging:
        staged: dict[str, BinaryIO] = {}  # stem → the file ReportLab wrote, before the stamp
        for stem, (product, _output) in registry.outputs(products, event).items():
            if stem in documents:
                document = documents[stem] if keep_documents else documents.pop(stem)
                step = None
                if progress is not None and product.progress and len(event.badged) >= PROGRESS_FROM:
                    step = progress(f"{stem}.pdf", document.page_count)
                if streamed:
                    placements.update(dict.fromkeys(placed_images([document])))
                staged[stem] = staging.enter_context(_staging())
                notes += _draw(staged[stem], document, face, step, product, prepared, placements)
                del document
                if helper is not None:  # stamped there while the next file is drawn here
                    helper.stamp(stem, staged[stem])
            elif stem not in elsewhere:
                continue
            if product.name not in seen:
                seen.add(product.name)
                warnings += product.warnings(event)
        if streamed:  # every page drawn: their images, checked as a layout checks them
            warnings[images:images] = check_images(event, list(placements))
        rendered: dict[str, Content] = {
            stem: partial(_stamp, file, epoch, pdfx, helper, stem) for stem, file in staged.items()
        }
        ics = None
        if "programme" in rendered:
            ics = (helper.calendar() if helper is not None else None) or calendar(event)
        if away is not None:  # its files end the kit: they and their notes come last
            made = away.files()
            missing = [stem for stem in away.stems if stem not in made]
            if missing:  # it could not make them: made here
                work = _elsewhere(prepared, products, epoch, pdfx)
                work(
                    missing, lambda message: made.update(message[1] if message[0] == "made" else {})
                )
            for stem in away.stems:
                rendered[stem], said = made[stem]
                notes += said
        extra: dict[Path, Content] = {}
        if refused:
            extra[out_dir / REJECTED] = rejected_csv(refused)
            s = "" if len(refused) == 1 else "s"
            notes.append(
                f"badges: {len(refused)} row{s} left out (see {out_dir / REJECTED}), as"
                " --keep-going asks"
            )
        files: dict[Path, Content] = {}
        for stem, data in rendered.items():
            files[out_dir / f"{_stem(stem, event, overrides)}.pdf"] = data
            if stem == "programme":  # the programme as a calendar, beside it
                files[out_dir / "programme.ics"] = ics
        written = write_all({**files, **extra})
    stale = out_dir / REJECTED
    whole = not event.only and any(registry.get(name).people for name in products)
    if whole and not refused and is_rejected_report(stale):  # an earlier run's, now stale
        try:
            stale.unlink()
            notes.append(f"badges: every row printed, so {stale} (an earlier run's) was removed")
        except OSError as exc:
            notes.append(f"badges: every row printed, but {stale} is stale: {exc.strerror}")
    return Report(written, warnings, event, notes, documents)


def _draw(
    out: BinaryIO,
    document: Document,
    face: Typeface,
    step: Callable[[int], None] | None,
    product: registry.Product,
    prepared: Prepared,
    placements: dict[tuple[Path, float], None],
) -> list[str]:
    """``document`` drawn into ``out``, its pages let go as they are drawn (unless held
    elsewhere); the product's notes on it. A stream's (``Document.rest``) are laid out as
    they are drawn, their images added to ``placements``, and told of once all are drawn."""
    event = prepared.event
    pages = deque(document.pages)  # taken as drawn: held nowhere else unless kept
    rest, drawn = document.rest, [len(pages)]
    notes = product.notes(event, document) if rest is None else []
    document = replace(document, pages=document.pages[:1], rest=None)  # the canvas's first size
    if rest is None:
        render_into(out, document, face, step, pages)
        return notes
    render_into(out, document, face, step, chain(pages, _drawn(rest, placements, drawn, prepared)))
    return product.notes(event, replace(document, count=drawn[0]))


def _drawn(
    pages: Iterator[Page],
    placements: dict[tuple[Path, float], None],
    drawn: list[int],
    prepared: Prepared,
) -> Iterator[Page]:
    """The pages of a stream as they are laid out, their images noted and ``drawn`` counted;
    a badge that cannot be set is refused, as laying them out first refused it."""
    try:
        for page in pages:
            placements.update(dict.fromkeys(placed_on(page)))
            drawn[0] += 1
            yield page
    except Unfit as exc:
        raise refusal(prepared, exc) from None
    except LayoutError as exc:  # located at the input its field path names
        raise locate(exc, prepared.event, prepared.file) from None


def planned(
    products: Sequence[str], event: Event, out_dir: Path, overrides: Overrides | None
) -> list[Target]:
    """Every file a build of ``products`` may write into ``out_dir``."""
    files = []
    for stem in registry.outputs(products, event):
        files.append(out_dir / f"{_stem(stem, event, overrides)}.pdf")
        if stem == "programme":
            files.append(out_dir / "programme.ics")
    if any(registry.get(name).people for name in products):
        files.append(out_dir / REJECTED)  # written with --keep-going, else removed when stale
    return [target for file in files for target in writes(file)]


def _elsewhere(
    prepared: Prepared, products: tuple[str, ...], epoch: int, pdfx: PdfX | None
) -> share.Work:
    """What the second process does with its files: lays them out, sends the images they
    place, then draws and stamps them and sends them with their notes."""

    def work(stems: Sequence[str], send: share.Send) -> None:
        event = prepared.event
        documents, _ = lay_out(prepared, products, only=stems)
        send(("laid", placed_images(documents.values())))
        face = typeface(event.fonts)
        outputs = registry.outputs(products, event)
        made = {}
        for stem in stems:
            document = documents.pop(stem)
            notes = outputs[stem][0].notes(event, document)
            pages = deque(document.pages)  # as ``build`` draws them
            document = replace(document, pages=document.pages[:1])
            made[stem] = (_stamped(render(document, face, None, pages), epoch, pdfx), notes)
            del document, pages
        send(("made", made))

    return work


ONLY_SUFFIX = "-only"  # a desk reprint's file: badges-only.pdf beside the full run's badges.pdf


def _staging() -> BinaryIO:
    """A file for ReportLab to write a product into, gone when closed (or the process ends):
    the stamp pass copies it into the file beside the target (``write_all``)."""
    try:
        return tempfile.TemporaryFile(prefix="printkit-")
    except OSError as exc:
        folder = tempfile.gettempdir()
        raise OutputError(
            f"{folder}: cannot write a temporary file there ({exc.strerror}); set TMPDIR to a"
            " folder with room"
        ) from None


def _stamp(
    source: BinaryIO,
    epoch: int,
    pdfx: PdfX | None,
    helper: helping.Helper | None,
    stem: str,
    out: BinaryIO,
) -> None:
    """The file ReportLab wrote, stamped into ``out``: by the helper if it could, else here."""
    made = helper.stamped(stem) if helper is not None else None
    if made is None:
        from printkit.output.stamp import stamp_into  # pikepdf: the helper's, when there is one

        stamp_into(source, out, epoch, pdfx)
        return
    with made:
        shutil.copyfileobj(made, out, COPY_BUFFER)


def _stamped(pdf: bytes, epoch: int, pdfx: PdfX | None = None) -> bytes:
    from printkit.output.stamp import stamped  # (pikepdf: loaded when a file is stamped)

    return stamped(pdf, epoch, pdfx)


def _stem(stem: str, event: Event, overrides: Overrides | None) -> str:
    """A reprint for some people (``--only``) never replaces the full run's file: it is
    ``badges-only.pdf``, or the name ``-o`` gives it."""
    if stem == "badges" and event.only and overrides and overrides.only_file:
        return overrides.only_file
    if stem == "badges" and event.only and not (overrides and overrides.replace_full):
        return stem + ONLY_SUFFIX
    return stem


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
        refuse_inputs(event.inputs, writes(out_dir / f"calibrate-{slug(geometry.name)}.pdf"))
    else:
        geometry, offset = find(sheet).sheet, PrinterOffset()
    offset = offset.override(offset_x, offset_y)
    face = typeface()
    data = render(layout_calibration(geometry, offset, face), face)
    read = [Path(sheet)] if sheet.lower().endswith((".yaml", ".yml")) else []
    data = _stamped(data, source_date(read or _bundled_files()))
    return Report(write_all({out_dir / f"calibrate-{slug(geometry.name)}.pdf": data}))


def _bundled_files() -> list[Path]:
    family = bundled_family()
    return [family.regular, family.bold, family.italic, family.bold_italic]
