"""One preparation for every command that reads an event (build, review, proof).

The event file is read, the command line's overrides applied, the people to badge resolved
once (``Event.people``, ``Event.badged``), the press rules applied (a print shop cuts by the
marks, so press mode drops the desktop printer's offset) and every warning collected as one
type, ``InputWarning``. Then ``lay_out`` lays the products out in memory; a layout error is
located at the input its field path names.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from printkit.errors import InputWarning, LayoutError, Location, Unfit
from printkit.layout.inks import ink_ruled, obey_ink_rule
from printkit.layout.items import Document, Group, Image, Page
from printkit.model.event import Event, SignKind, SortOrder
from printkit.model.geometry import PrinterOffset
from printkit.model.production import Press
from printkit.pipeline import products as registry
from printkit.pipeline.people import badge_people, merged
from printkit.pipeline.share import Away
from printkit.read.event import load_event
from printkit.read.images import PressImageError, check_placements
from printkit.read.notices import collecting
from printkit.typeset.coverage import check_people
from printkit.typeset.fonts import typeface


@dataclass(frozen=True)
class Overrides:
    """Settings from the command line, which win over event.yaml's."""

    sign: SignKind | None = None
    booklet: bool = False  # --booklet: the programme as a saddle-stitched booklet
    press: bool | None = None  # True: press mode, False: office mode, None: as event.yaml says
    bleed: float | None = None
    marks: bool | None = None
    gang_up: bool | None = None  # press badges: ganged on sheets, or one a page
    offset_x: float | None = None  # mm, replacing event.yaml's badges.offset x
    offset_y: float | None = None
    sort: SortOrder | None = None
    only: tuple[tuple[str, str], ...] = ()  # badge filters: ("role", "staff"), …
    keep_going: bool = False  # print everyone who can be, list the others in rejected.csv
    replace_full: bool = False  # --replace: --only writes badges.pdf, not badges-only.pdf
    only_file: str | None = None  # -o desk.pdf with --only: the reprint's own file name
    start: int = 1  # --start N: begin on label N of a partly used sheet

    def apply(self, event: Event) -> Event:
        press = event.press
        if self.press is False:
            press = None
        elif self.press or any(v is not None for v in (self.bleed, self.marks, self.gang_up)):
            press = press or Press()  # --bleed, --marks, --gang-up mean press mode
            press = replace(
                press,
                bleed=self.bleed if self.bleed is not None else press.bleed,
                marks=self.marks if self.marks is not None else press.marks,
                gang_up=self.gang_up if self.gang_up is not None else press.gang_up,
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


OFFSET_IGNORED = (
    "the printer offset (badges.offset, --offset-x/-y) corrects a desktop printer;"
    " press mode ignores it, since a print shop cuts by the marks"
)


@dataclass(frozen=True)
class Prepared:
    """An event ready to lay out: read, overridden, its people resolved."""

    event: Event
    file: str  # the event file as messages name it
    warnings: tuple[InputWarning, ...]


#: The field that names a picture (the organiser's logo is the only one).
LOGO = "organiser.logo"


def prepare(
    event_file: Path,
    products: Sequence[str],
    overrides: Overrides | None = None,
    display: str | None = None,
) -> Prepared:
    """Read and resolve the event for ``products``; bad input raises a located error."""
    file = display if display is not None else str(event_file)
    with collecting() as cleaned:
        event = (overrides or Overrides()).apply(load_event(event_file, display))
    event = resolve_people(event)
    warnings = [*cleaned, *event.warnings]
    if event.press is not None and event.offset:
        if any(registry.get(name).people for name in products):
            warnings.append(InputWarning(None, "badges", OFFSET_IGNORED))
        event = replace(event, offset=PrinterOffset())
    return Prepared(event, file, tuple(warnings))


def resolve_people(event: Event) -> Event:
    """The event with its people resolved: everyone once (``people``), and who gets a badge
    this run, filtered and sorted (``badged``)."""
    event = replace(event, people=merged(event))
    return replace(event, badged=badge_people(event))


def lay_out(
    prepared: Prepared,
    products: Sequence[str],
    away: Away | None = None,
    only: Collection[str] | None = None,
    *,
    stream: bool = False,
) -> tuple[dict[str, Document], list[InputWarning]]:
    """Every file's document by stem, and what laying them out warns about; nothing is rendered.

    Asked for the whole kit, an event with nobody to badge gets no badges and a warning;
    asked for badges alone, that is an error. ``away``: the files a second process lays out
    (``pipeline.share``), checked here with the rest; ``only``: these files alone. With
    ``stream`` (and no ``away``), a product that can lays out its first page only, the others
    as they are drawn (``Document.rest``), and the placed images are left to the caller to
    check once every page is drawn (``check_images``).
    """
    event = prepared.event
    warnings: list[InputWarning] = []
    wanted = []
    for name in products:
        product = registry.get(name)
        if product.people and not event.people:
            if tuple(products) != registry.kit():
                raise LayoutError(
                    name,
                    "the event names no people (panelists, moderator) to make badges for",
                    where=Location(prepared.file),
                )
            warnings.append(
                InputWarning(
                    None,
                    name,
                    "the event names no people (panelists, moderator); no badges.pdf was made",
                )
            )
            continue
        wanted.append(name)
    try:
        elsewhere = away.stems if away is not None else ()
        documents = _documents(event, wanted, only, elsewhere, stream=stream and away is None)
        if any(document.rest is not None for document in documents.values()):
            return documents, warnings  # the images are checked once every page is drawn
        placements = placed_images(documents.values())
        if away is not None:  # its files come after these in the kit's order
            theirs = away.placements()
            if theirs is None:  # it could not lay them out: here, raising what it met
                documents.update(_documents(event, wanted, elsewhere))
                theirs = placed_images(documents[stem] for stem in elsewhere)
            placements += theirs
    except Unfit:
        raise  # several people's badges: ``rows.accounted`` reports them all
    except LayoutError as exc:  # located at the input its field path names
        raise locate(exc, event, prepared.file) from None
    return documents, warnings + check_images(event, placements)


def check_images(event: Event, placements: list[tuple[Path, float]]) -> list[InputWarning]:
    """The placed images checked (``read.images.check_placements``): what they warn about;
    an image a press job cannot take is an error at the line that names it."""
    try:
        placed = check_placements(placements, press=event.press is not None)
    except PressImageError as exc:  # at the line that names the picture
        raise exc.located(event.where(LOGO), LOGO) from None
    return [InputWarning(None, "", text) for text in placed]


def locate(error: LayoutError, event: Event, file: str) -> LayoutError:
    """``error`` at the line of its field; without a field, at the event file as a whole."""
    if error.where is not None:
        return error
    where = event.where(error.field) if error.field else None
    return error.located(where or Location(file), error.field)


def _documents(
    event: Event,
    products: Sequence[str],
    only: Collection[str] | None = None,
    skip: Collection[str] = (),
    *,
    stream: bool = False,
) -> dict[str, Document]:
    """The files' documents (``only`` these, if given; none of ``skip``), in order; with
    ``stream``, those that can be laid out as they are drawn hold their first page only."""
    face = typeface(event.fonts)
    outputs = {
        stem: made
        for stem, made in registry.outputs(products, event).items()
        if (only is None or stem in only) and stem not in skip
    }
    if any(product.people for product, _ in outputs.values()):  # before layout: names the person
        check_people(event, face, "badges")
    documents: dict[str, Document] = {}
    for stem, (product, output) in outputs.items():
        try:
            if stream and output.stream is not None:
                documents[stem] = _streamed(stem, product, output, event, face)
                continue
            document = output.layout(event, face)
        except LayoutError as exc:
            for earlier in documents.values():  # an earlier file's error is the one raised
                for _ in earlier.rest or ():
                    pass
            raise _named(stem, exc) from None
        document = obey_ink_rule(document)  # small text in one solid ink, every product
        if product.finish is not None and output.finish:
            pages = tuple(product.finish(page, event.press) for page in document.pages)
            document = replace(document, pages=pages)
        documents[stem] = document
    return documents


def _named(stem: str, error: LayoutError) -> LayoutError:
    """A text that does not fit, said of its file; any other layout error as it is."""
    if error.product != "text":
        return error
    return LayoutError(
        f"{stem}.pdf", error.problem, error.text, error.char, error.where, error.field
    )


def _streamed(
    stem: str, product: registry.Product, output: registry.Output, event: Event, face
) -> Document:
    """The document of ``output.stream``: its first page laid out, the rest to come."""
    made = output.stream(event, face)
    done: dict = {}  # the ink rule's groups looked at, for every page of the stream

    def pages() -> Iterator[Page]:
        try:
            for page in made.pages:
                page = ink_ruled(page, done)  # small text in one solid ink, as every product
                if product.finish is not None and output.finish:
                    page = product.finish(page, event.press)
                yield page
        except LayoutError as exc:
            raise _named(stem, exc) from None

    rest = pages()
    first = next(rest)  # a stream has a page, or raises why it has none
    return replace(made.document, pages=(first,), rest=rest)


def placed_images(documents: Iterable[Document]) -> list[tuple[Path, float]]:
    """Every placed image file with its placed width (mm), each such placement once (a
    logo on 10,000 badges is one), in the order first met."""
    placed = (
        found for document in documents for page in document.pages for found in placed_on(page)
    )
    return list(dict.fromkeys(placed))


def placed_on(page: Page) -> list[tuple[Path, float]]:
    """The image files ``page`` places, each with its placed width (mm)."""
    found: list[tuple[Path, float]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, Image):
                found.append((item.path, item.rect.width))
            elif isinstance(item, Group):
                walk(item.items)

    walk(page.items)
    return found
