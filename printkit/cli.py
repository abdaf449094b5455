"""The command line: parses arguments, calls the pipeline, reports. Nothing else."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from printkit import __version__
from printkit.build import PRODUCTS, build, calibrate
from printkit.errors import PrintkitError
from printkit.model import MAX_OFFSET, SignKind
from printkit.stock import listing

ISSUES_URL = "https://github.com/printkit/printkit/issues"
INTERNAL_ERROR = 70


def _event_argument(f):
    return click.argument(
        "event_yaml",
        type=click.Path(path_type=Path, dir_okay=True),
        default="event.yaml",
        required=False,
    )(f)


def _out_option(f):
    return click.option(
        "-o",
        "--out",
        "out_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default="out",
        show_default=True,
        help="Folder the PDFs are written to.",
    )(f)


def _sign_option(f):
    return click.option(
        "--sign",
        type=click.Choice([k.value for k in SignKind]),
        default=None,
        help="Sign variant: a folded table tent (A4) or a door poster (A3). Default: event.yaml's sign, else tent.",
    )(f)


def _offset_options(f):
    f = click.option(
        "--offset-y",
        type=click.FloatRange(-MAX_OFFSET, MAX_OFFSET),
        default=None,
        metavar="MM",
        help="Move everything on the sheet DOWN by MM (negative: up). Wins over event.yaml's"
        " badges.offset.y.",
    )(f)
    return click.option(
        "--offset-x",
        type=click.FloatRange(-MAX_OFFSET, MAX_OFFSET),
        default=None,
        metavar="MM",
        help="Move everything on the sheet RIGHT by MM (negative: left). Wins over event.yaml's"
        " badges.offset.x.",
    )(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="printkit")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """printkit: one event.yaml in, print-ready PDFs out."""
    ctx.obj = {"debug": debug}


def _run(
    ctx: click.Context,
    event_yaml: Path,
    out_dir: Path,
    products,
    sign: str | None,
    offset_x: float | None = None,
    offset_y: float | None = None,
) -> None:
    kind = SignKind(sign) if sign else None
    _report(
        ctx,
        lambda: build(
            event_yaml,
            out_dir,
            products,
            kind,
            display=str(event_yaml),
            offset_x=offset_x,
            offset_y=offset_y,
        ),
    )


def _report(ctx: click.Context, work) -> None:
    """Run ``work`` (which returns a Report) and report it: the one place errors become exits."""
    try:
        report = work()
    except PrintkitError as exc:
        click.echo(f"error: {exc.message()}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted; earlier files are untouched", err=True)
        sys.exit(130)
    except Exception as exc:  # the last line of defence: a bug, not a user's mistake
        if ctx.obj and ctx.obj.get("debug"):
            traceback.print_exc()
        click.echo(
            f"printkit: internal error ({type(exc).__name__}: {exc}). This is a bug in printkit;"
            f" please report it at {ISSUES_URL} with the command and the event file."
            " Run again with --debug for the traceback. No earlier output was changed.",
            err=True,
        )
        sys.exit(INTERNAL_ERROR)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for path in report.written:
        click.echo(str(path))


@cli.command("build")
@_event_argument
@_out_option
@_sign_option
@_offset_options
@click.pass_context
def build_command(
    ctx: click.Context,
    event_yaml: Path,
    out_dir: Path,
    sign: str | None,
    offset_x: float | None,
    offset_y: float | None,
) -> None:
    """Build the programme, the badges and the sign from EVENT_YAML (default ./event.yaml)."""
    _run(ctx, event_yaml, out_dir, PRODUCTS, sign, offset_x, offset_y)


def _single(product: str, doc: str):
    @_event_argument
    @_out_option
    @click.pass_context
    def command(ctx: click.Context, event_yaml: Path, out_dir: Path, **options) -> None:
        _run(
            ctx,
            event_yaml,
            out_dir,
            (product,),
            options.get("sign"),
            options.get("offset_x"),
            options.get("offset_y"),
        )

    command.__doc__ = doc
    if product == "tent":
        command = _sign_option(command)
    if product == "badges":
        command = _offset_options(command)
    return cli.command(product)(command)


_single("programme", "Build only the programme sheet (programme.pdf).")
_single("badges", "Build only the name badges (badges.pdf).")
_single(
    "tent",
    "Build only the sign: the table tent (tent.pdf) or, with --sign poster, the door poster.",
)


@cli.command("calibrate")
@click.argument("sheet")
@_out_option
@_offset_options
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
    _report(ctx, lambda: calibrate(sheet, out_dir, offset_x, offset_y))


@cli.command("sheets")
def sheets_command() -> None:
    """List the badge sheets printkit knows by name (badges: sheet: NAME in event.yaml)."""
    rows = listing()
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]))


def main() -> None:
    cli(prog_name="printkit")
