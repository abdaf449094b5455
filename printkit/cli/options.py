"""The command line's options, each defined once, and the option groups a product's registry
row names (``Product.options``)."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from printkit.errors import OutputError
from printkit.model.event import SignKind, SortOrder
from printkit.model.geometry import MAX_OFFSET
from printkit.pipeline import products as registry
from printkit.pipeline.people import FILTER_KEYS
from printkit.pipeline.prepare import Overrides

#: a command function, as click's decorators take and give it
Command = Callable[..., Any]


class Millimetres(click.FloatRange):
    """A length in mm between two bounds, and a number: click's range lets ``nan`` through
    (no comparison with it is true), which then reached the page boxes and the content."""

    name = "millimetres"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(
                f"{value!r} is not a number of millimetres; give one from {self.min:g} to"
                f" {self.max:g}",
                param,
                ctx,
            )
        return number


def event_argument(f: Command) -> Command:
    return click.argument(
        "event_yaml",
        type=click.Path(path_type=Path, dir_okay=True),
        default="event.yaml",
        required=False,
    )(f)


def _out_folder(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    if value.suffix.lower() == ".pdf" and not value.is_dir():
        return value  # a reprint's own file (with --only): see reprint_into
    if value.exists() and not value.is_dir():
        raise OutputError(
            f"{value}: is a file, not a folder; give -o the folder the PDFs are written into"
        )
    return value


def reprint_into(out: Path, overrides: Overrides) -> tuple[Path, Overrides]:
    """``-o`` as the folder, or, with ``--only``, as the reprint's own file (``-o desk.pdf``):
    the folder it is in, and the file's name for the badges."""
    if out.suffix.lower() != ".pdf" or out.is_dir():
        return out, overrides
    if not overrides.only:
        click.echo(
            f"error: {out}: -o names the folder the PDFs are written into; a file name (.pdf)"
            " is for a reprint of some people (--only)",
            err=True,
        )
        sys.exit(OutputError.exit_code)
    return out.parent, replace(overrides, only_file=out.stem)


def out_option(f: Command) -> Command:
    return click.option(
        "-o",
        "--out",
        "out_dir",
        type=click.Path(path_type=Path),
        callback=_out_folder,
        default="out",
        show_default=True,
        help="Folder the PDFs are written to (with --only, a file name such as desk.pdf names"
        " the reprint).",
    )(f)


def sign_option(f: Command) -> Command:
    return click.option(
        "--sign",
        type=click.Choice([k.value for k in SignKind]),
        default=None,
        help="Sign variant: a folded table tent (A4) or a door poster (A3)."
        " Default: event.yaml's sign, else a tent; for an event of sessions, both: a tent per"
        " session (tents.pdf) and a poster per venue and day (posters.pdf).",
    )(f)


def offset_options(f: Command) -> Command:
    f = click.option(
        "--offset-y",
        type=Millimetres(-MAX_OFFSET, MAX_OFFSET),
        default=None,
        metavar="MM",
        help="Move everything on the sheet DOWN by MM (negative: up). Wins over event.yaml's"
        " badges.offset.y.",
    )(f)
    return click.option(
        "--offset-x",
        type=Millimetres(-MAX_OFFSET, MAX_OFFSET),
        default=None,
        metavar="MM",
        help="Move everything on the sheet RIGHT by MM (negative: left). Wins over event.yaml's"
        " badges.offset.x.",
    )(f)


def press_options(f: Command) -> Command:
    f = click.option(
        "--gang-up/--one-per-page",
        "gang_up",
        default=None,
        help="Press badges ganged on sheets of the stock's paper, each with its own bleed and"
        " marks, or one badge a page for the shop to impose (default); implies --press.",
    )(f)
    f = click.option(
        "--marks/--no-marks",
        default=None,
        help="Crop, cut and fold marks outside the bleed (default: on); implies --press.",
    )(f)
    f = click.option(
        "--bleed",
        type=Millimetres(0, 20),
        default=None,
        metavar="MM",
        help="Bleed in mm (default 3; 3.175 is the US 1/8 in); implies --press.",
    )(f)
    return click.option(
        "--press/--office",
        "press",
        default=None,
        help="Press mode (bleed, page boxes, registration marks) or office mode (a desktop"
        " printer). Default: as event.yaml says, else office.",
    )(f)


def people_options(f: Command) -> Command:
    f = click.option(
        "--only",
        "only_people",
        multiple=True,
        metavar="KEY=VALUE",
        help=f"Badge only these people, e.g. --only role=staff, --only name=Jensen (keys: {', '.join(FILTER_KEYS)},"
        ' or any column of the list: --only "Product=Speaker pass"); repeat a key for alternatives.'
        " Writes badges-only.pdf, leaving the full run's badges.pdf as it is (see --replace).",
    )(f)
    f = click.option(
        "--replace",
        "replace_full",
        is_flag=True,
        help="With --only: write badges.pdf itself, replacing the full run.",
    )(f)
    f = click.option(
        "--keep-going",
        is_flag=True,
        help="Print everyone who can be printed; list the rows that cannot, as they were read"
        " and with why, in rejected.csv beside the PDFs (default: report them all, write nothing).",
    )(f)
    f = click.option(
        "--start",
        type=click.IntRange(1, 1000),
        default=1,
        metavar="N",
        help="Begin on label N of the first sheet (counted across, then down), to use up a"
        " partly used sheet.",
    )(f)
    return click.option(
        "--sort",
        type=click.Choice([s.value for s in SortOrder]),
        default=None,
        help="Badge order: as given, by last name (the language's alphabet) or by role. Default: event.yaml's badges.sort.",
    )(f)


def booklet_option(f: Command) -> Command:
    return click.option(
        "--booklet",
        is_flag=True,
        help="A schedule's programme as a booklet: its pages at A5 (Half-Letter), padded to a"
        " multiple of four, and programme-booklet.pdf with them imposed two up on A4 (Letter)"
        " for a duplex print flipped on the short edge, to fold and staple.",
    )(f)


class ProductChoice(click.Choice):
    """The registered products, read when the command runs (a product registered after
    import is a choice too)."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:  # type: ignore[override]
        return registry.names()

    @choices.setter
    def choices(self, value: object) -> None:
        pass


#: a product's command-line option groups (``Product.options``) and their options
OPTION_GROUPS = {
    "sign": lambda f: sign_option(f),
    "booklet": lambda f: booklet_option(f),
    "offset": lambda f: offset_options(f),
    "people": lambda f: people_options(f),
}
