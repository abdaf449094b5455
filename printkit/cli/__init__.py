"""The command line: arguments in, the pipeline called, reports out; options, bars beside."""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import click

from printkit import __version__
from printkit.cli.ask import ask
from printkit.cli.options import (
    OPTION_GROUPS,
    ProductChoice,
    booklet_option,
    event_argument,
    offset_options,
    out_option,
    people_options,
    press_options,
    reprint_into,
    sign_option,
)
from printkit.cli.progress import end_bars, progress_bar
from printkit.cli.report import (
    INTERNAL_ERROR,
    ISSUES_URL,
    OneLineErrors,
    check_files,
    is_event_file,
    review,
    sheets_listing,
)
from printkit.errors import PrintkitError, ResourceError, interruption
from printkit.model.event import SignKind, SortOrder
from printkit.pipeline import products as registry
from printkit.pipeline.build import Overrides, Report, build, calibrate
from printkit.pipeline.people import parse_filters
from printkit.tools.proof import DEFAULT_DPI, MAX_DPI, MIN_DPI, proof
from printkit.tools.starter import init
from printkit.tools.watch import BuildInterrupted, Rebuild, shown, status, watch, watching


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="printkit")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """printkit: one event.yaml in, print-ready PDFs out."""
    ctx.obj = {"debug": debug}


def _run(ctx: click.Context, action: Callable[[], Report]) -> Report:
    """The one boundary where errors become a message and an exit code; then report."""
    try:
        try:
            report = action()
        finally:
            end_bars()  # an interrupted bar would leave the terminal's cursor hidden
    except (click.Abort, click.ClickException):
        raise  # click's own: a question answered with Ctrl-C or Ctrl-D ("Aborted!")
    except (Exception, KeyboardInterrupt) as exc:
        sys.exit(_explain(ctx, exc))
    _warn(report)
    for path in report.written:
        click.echo(str(path))
    return report


def _explain(ctx: click.Context, exc: BaseException) -> int:
    """Say in one line on stderr what went wrong; return the exit code that means."""
    if isinstance(exc, MemoryError):  # exhaustion, not a bug: its own error and exit code
        exc = ResourceError("while building")
    if isinstance(exc, PrintkitError):
        click.echo(f"error: {exc.message()}", err=True)
        return exc.exit_code
    if isinstance(exc := interruption(exc) or exc, KeyboardInterrupt):  # Ctrl-C, SIGTERM/SIGHUP
        signum = exc.signum if isinstance(exc, Terminated) else signal.SIGINT
        name = signal.Signals(signum).name
        click.echo(f"interrupted ({name}); earlier files are untouched", err=True)
        return 128 + signum
    # the last line of defence: a bug, not a user's mistake
    if ctx.obj and ctx.obj.get("debug"):
        traceback.print_exception(exc)
    click.echo(
        f"printkit: internal error ({type(exc).__name__}: {exc}). This is a bug in printkit;"
        f" please report it at {ISSUES_URL} with the command and the event file."
        " Run again with --debug for the traceback. No earlier output was changed.",
        err=True,
    )
    return INTERNAL_ERROR


def _warn(report: Report, notes: bool = True) -> None:
    """A report's notes (unless ``notes`` is off: a watch prints its own) and warnings."""
    for note in report.notes if notes else ():
        click.echo(note, err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)


def _overrides(ctx: click.Context, options: dict) -> Overrides:
    if options.get("press") is False and any(
        options.get(k) is not None for k in ("bleed", "marks", "gang_up")
    ):
        click.echo(
            "error: --bleed, --marks/--no-marks and --gang-up/--one-per-page are press"
            " settings; drop --office",
            err=True,
        )
        sys.exit(2)
    sign = options.get("sign")
    sort = options.get("sort")
    try:
        only = parse_filters(tuple(options.get("only_people") or ()))
    except PrintkitError as exc:
        click.echo(f"error: {exc.message()}", err=True)
        sys.exit(exc.exit_code)
    return Overrides(
        sort=SortOrder(sort) if sort else None,
        only=only,
        keep_going=bool(options.get("keep_going")),
        replace_full=bool(options.get("replace_full")),
        start=options.get("start") or 1,
        sign=SignKind(sign) if sign else None,
        booklet=bool(options.get("booklet")),
        press=options.get("press"),
        bleed=options.get("bleed"),
        marks=options.get("marks"),
        gang_up=options.get("gang_up"),
        offset_x=options.get("offset_x"),
        offset_y=options.get("offset_y"),
    )


def _build(
    ctx: click.Context, event_yaml: Path, out_dir: Path, products, watch: bool = False, **options
) -> None:
    if watch and options.get("check"):
        click.echo("error: --check preflights one build; run it without --watch", err=True)
        sys.exit(2)
    out_dir, overrides = reprint_into(out_dir, _overrides(ctx, options))

    def action() -> Report:
        return build(
            event_yaml, out_dir, products, overrides, display=str(event_yaml), progress=progress_bar
        )

    if watch:
        _watch(ctx, event_yaml, action)
        return
    report = _run(ctx, action)
    if options.get("check"):
        sys.exit(check_files(ctx, [p for p in report.written if p.suffix == ".pdf"]))


def _watch(ctx: click.Context, event_yaml: Path, action: Callable[[], Report]) -> None:
    """Build, then rebuild on every change, each outcome reported as a build reports it;
    Ctrl-C while waiting ends with 0, during a build with 130 as any interrupted build."""

    def show(path: Path) -> str:
        return shown(path, event_yaml, str(event_yaml))

    watched: list[tuple[Path, ...]] = [()]

    def report(rebuild: Rebuild) -> None:
        if rebuild.error is not None:
            _explain(ctx, rebuild.error)
        elif rebuild.report is not None:
            _warn(rebuild.report, notes=False)
        click.echo(status(rebuild, show))
        if rebuild.watched != watched[0]:
            watched[0] = rebuild.watched
            click.echo(watching(rebuild.watched, show), err=True)

    try:
        watch(event_yaml, action, report)
    except BuildInterrupted as exc:
        sys.exit(_explain(ctx, exc))
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@cli.command("build")
@event_argument
@out_option
@sign_option
@booklet_option
@press_options
@offset_options
@people_options
@click.option(
    "--check",
    is_flag=True,
    help="Preflight every PDF written (as printkit check does); exit 1 if a press file is not fit to print.",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: rebuild whenever EVENT_YAML or a file it names (logo, fonts, ICC"
    " profile) changes, reporting errors without stopping. Ctrl-C stops.",
)
@click.pass_context
def build_command(ctx: click.Context, event_yaml: Path, out_dir: Path, **options: object) -> None:
    """Build the programme, the badges and the sign from EVENT_YAML (default ./event.yaml)."""
    _build(ctx, event_yaml, out_dir, registry.kit(), **options)


@cli.command("review")
@event_argument
@sign_option
@click.pass_context
def review_command(ctx: click.Context, event_yaml: Path, sign: str | None) -> None:
    """Check EVENT_YAML before printing, without building: validate it, lay everything out in
    memory and list what to look at, each at its line. Writes nothing.

    Warns of text set below its design size, QR codes too small for their reading distance,
    people without an organisation, a name written twice or two ways, a date in the past.
    Exit 0 with warnings; bad input fails as a build does.
    """
    review_event(ctx, event_yaml, sign)


def review_event(ctx: click.Context, event_yaml: Path, sign: str | None = None) -> None:
    """``printkit review``; ``printkit check`` given an event file rather than a PDF."""
    overrides = _overrides(ctx, {"sign": sign})
    report = _run(ctx, lambda: review(event_yaml, str(event_yaml), overrides))
    count = len(report.warnings)
    summary = f"{count} warning{'s' if count != 1 else ''}" if count else "no warnings"
    click.echo(f"{event_yaml}: {summary}; nothing was written")


def _single(product: registry.Product) -> click.Command:
    """``printkit NAME``: the one product, with the option groups its registry row names."""

    @event_argument
    @out_option
    @press_options
    @click.pass_context
    def command(ctx: click.Context, event_yaml: Path, out_dir: Path, **options) -> None:
        _build(ctx, event_yaml, out_dir, (product.name,), **options)

    command.__doc__ = product.help
    for group in OPTION_GROUPS:  # a fixed order keeps --help stable
        if group in product.options:
            command = OPTION_GROUPS[group](command)
    return cli.command(product.name)(command)


for _product in registry.names():
    _single(registry.get(_product))


@cli.command("proof")
@event_argument
@out_option
@sign_option
@click.option(
    "--dpi",
    type=click.IntRange(MIN_DPI, MAX_DPI),
    default=DEFAULT_DPI,
    show_default=True,
    help="Resolution of the page previews (the badge contact sheet keeps its own).",
)
@click.option(
    "--product",
    "only",
    type=ProductChoice(),
    multiple=True,
    help="Build and proof only this product; repeat for more. Default: the whole kit."
    " (build's --only picks people, not products.)",
)
@click.pass_context
def proof_command(
    ctx: click.Context,
    event_yaml: Path,
    out_dir: Path,
    sign: str | None,
    dpi: int,
    only: tuple[str, ...],
) -> None:
    """Build the kit into OUT (as build does), then write PNG proofs into OUT/proof.

    Every page of every PDF becomes NAME-PAGE.png (programme-1.png, badges-1.png, …), and the
    badges are cut from their sheets onto one contact sheet, badges-contact.png, in print
    order; past 32 badges it runs on over badges-contact-1.png, -2.png, …
    """
    overrides = _overrides(ctx, {"sign": sign})
    products = tuple(p for p in registry.names() if p in only) or registry.kit()
    _run(ctx, lambda: proof(event_yaml, out_dir, products, overrides, dpi, display=str(event_yaml)))


@cli.command("init")
@click.argument(
    "folder",
    metavar="[DIR]",
    type=click.Path(path_type=Path, file_okay=False),
    default=".",
    required=False,
)
@click.option("--force", is_flag=True, help="Replace an existing event.yaml.")
@click.pass_context
def init_command(ctx: click.Context, folder: Path, force: bool) -> None:
    """Write a commented starter event.yaml into DIR (default: the current folder).

    On a terminal it asks for the title, the date and the language first; otherwise it
    writes the example as it is.
    """
    _run(ctx, lambda: init(folder, force, ask if _interactive() else None))


def _interactive() -> bool:
    return sys.stdin.isatty()


@cli.command("calibrate")
@click.argument("sheet")
@out_option
@offset_options
@click.pass_context
def calibrate_command(
    ctx: click.Context,
    sheet: str,
    out_dir: Path,
    offset_x: float | None,
    offset_y: float | None,
) -> None:
    """Write calibrate-<SHEET>.pdf: the label outlines of SHEET with rulers and crosshairs, to
    print at 100 % and hold against the stock.

    SHEET is a preset's name (see printkit sheets), or an event file whose badge sheet and
    printer offset are used.
    """
    _run(ctx, lambda: calibrate(sheet, out_dir, offset_x, offset_y))


@cli.command("sheets")
@click.option(
    "--search",
    metavar="TEXT",
    default=None,
    help="Search glabels' database of label products too (any part of a name: 5395, L4785).",
)
def sheets_command(search: str | None) -> None:
    """List the badge sheets printkit knows by name (badges: sheet: NAME in event.yaml)."""
    sheets_listing(search)


@cli.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def check_command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Preflight PDF FILES for print: boxes, fonts, colour, images, QR codes, text by the edge.
    Given an event file (.yaml) instead, review it without building (as printkit review).

    Prints a summary of each page, then one line per problem. Exit 0: no problems found, or
    an office file (no page boxes: for a desktop printer); 1: a press file with problems;
    2: a file is not a readable PDF.
    """
    events = [f for f in files if is_event_file(f)]
    if events:
        if len(events) != len(files) or len(events) > 1:
            click.echo("error: check one event file at a time, or PDF files only", err=True)
            sys.exit(2)
        review_event(ctx, events[0])
        return
    sys.exit(check_files(ctx, files))


_RECEIVED: list[int] = []  # the signals _terminate was given, in order


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program stands so that it ends as Ctrl-C does:
    temporary files removed, one line said, earlier output untouched.

    A library may raise it again with other arguments (ReportLab's ``annotateException``
    passes an error on as ``type(error)(its own text)``), so the number is also kept aside
    by the handler."""

    def __init__(self, signum: int | str) -> None:
        super().__init__(signum)
        if not isinstance(signum, int):
            signum = _RECEIVED[-1] if _RECEIVED else signal.SIGTERM
        self.signum = signum


def _terminate(signum: int, frame: object) -> None:
    _RECEIVED.append(signum)
    raise Terminated(signum)


def main() -> None:
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, _terminate)
    cli(prog_name="printkit")
