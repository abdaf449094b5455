"""The product registry: each product says once what it makes and how.

A product is a layout module in ``printkit/products/`` and one ``register`` call (the
built-in rows are in ``pipeline.kit``). ``build``, the command
line's product commands and options, ``review`` and ``proof`` read this table and nothing
else, so a new product (a door hanger, a lanyard insert) touches nothing else.

A row gives the files the product makes for an event (``outputs``: each a file name with its
layout and how far away its QR code is read), whether its pages are finished for press or
office by ``layout.press.finish`` or impose themselves (badges cut from sheets), whether it
needs people to badge, the command-line option groups it takes, and its own pre-print checks,
notes and warnings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from printkit.errors import InputError, InputWarning, Location, suggest
from printkit.layout.items import Document, Page, Stream
from printkit.layout.press import finish
from printkit.layout.qr import MIN_MODULE
from printkit.model.event import Event
from printkit.model.production import Press
from printkit.typeset.fonts import Typeface

#: A product's layout: the prepared event and its typeface → a laid-out document in mm.
Layout = Callable[[Event, Typeface], Document]
#: Finishing a page for the press (bleed, marks, boxes) or the office printer.
Finish = Callable[[Page, Press | None], Page]


@dataclass(frozen=True)
class Reading:
    """How far away a file's QR codes are read, and what that asks of them (PRINT.md: the
    symbol about a tenth of the distance; modules of 0.4 mm in the hand, about 1 mm at 1–2 m)."""

    on: str  # "the tent", in a finding's words
    distance: str  # "1 m"
    symbol: float  # mm, the smallest comfortable symbol (without its quiet zone)
    module: float  # mm, the smallest comfortable module
    setting: str = "url"  # the event file's field that makes the code
    hint: str = ""  # how to make it larger, after "a code wants about 30 mm"


IN_THE_HAND = Reading("the programme", "30 cm", 30.0, MIN_MODULE)


@dataclass(frozen=True)
class Output:
    """One file a product makes: ``stem``.pdf, laid out by ``layout``."""

    stem: str
    layout: Layout
    reading: Reading = IN_THE_HAND
    finish: bool = True  # False: never finished for press (an imposed file for the office)
    #: the layout as a stream of pages, for a build that draws each page as it is laid out
    #: and holds none (badges: a run of any size in flat memory); None: ``layout`` only
    stream: Callable[[Event, Typeface], Stream] | None = None


def _no_findings(event: Event, document: Document) -> Iterable[InputWarning]:
    return ()


def _no_notes(event: Event, document: Document) -> list[str]:
    return []


def _no_warnings(event: Event) -> list[InputWarning]:
    return []


@dataclass(frozen=True)
class Product:
    name: str  # the command (``printkit NAME``) and the name in --product
    help: str  # the command's one-line help
    outputs: Callable[[Event], tuple[Output, ...]]
    finish: Finish | None = finish  # None: the layout imposes and finishes its own pages
    people: bool = False  # badges people: with nobody, left out of a whole kit, an error alone
    options: frozenset[str] = frozenset()  # command-line option groups: sign, offset, people
    in_kit: bool = True  # part of ``printkit build``'s whole kit
    checks: Callable[[Event, Document], Iterable[InputWarning]] = _no_findings  # for review
    notes: Callable[[Event, Document], list[str]] = _no_notes  # what a build tells after it
    warnings: Callable[[Event], list[InputWarning]] = _no_warnings  # what a build warns about
    progress: bool = False  # long runs show a progress bar (one step per page)
    contact: bool = False  # proof makes a contact sheet of its pieces (``Page.pieces``)
    aliases: tuple[str, ...] = field(default=())  # other stems a finding may name it by


REGISTRY: dict[str, Product] = {}


def register(product: Product) -> Product:
    """Add a product (or replace one of the same name); returns it."""
    REGISTRY[product.name] = product
    return product


def unregister(name: str) -> None:
    REGISTRY.pop(name, None)


def kit() -> tuple[str, ...]:
    """The products ``printkit build`` makes, in the registry's order."""
    return tuple(name for name, product in REGISTRY.items() if product.in_kit)


def names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def get(name: str) -> Product:
    try:
        return REGISTRY[name]
    except KeyError:
        raise InputError(
            Location("--product"),
            "",
            f"{name!r} is not one of {', '.join(REGISTRY)}{suggest(name, REGISTRY)}",
        ) from None


def outputs(products: Sequence[str], event: Event) -> dict[str, tuple[Product, Output]]:
    """Every file the products make for this event, by stem, in order."""
    found: dict[str, tuple[Product, Output]] = {}
    for name in products:
        product = get(name)
        for output in product.outputs(event):
            found[output.stem] = (product, output)
    return found


def file_name(product: str, event: Event) -> str:
    """The (first) file a product makes."""
    return f"{get(product).outputs(event)[0].stem}.pdf"
