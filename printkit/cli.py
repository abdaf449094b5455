"""The command line: parses arguments, calls the pipeline, reports. Nothing else."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

import click

from printkit import __version__
from printkit.build import PRODUCTS, build
from printkit.errors import PrintkitError
from printkit.model import SignKind
from printkit.preflight import check_pdf

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="printkit")
@click.option("--debug", is_flag=True, help="Show the Python traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """printkit: one event.yaml in, print-ready PDFs out."""
    ctx.obj = {"debug": debug}


def _run(ctx: click.Context, event_yaml: Path, out_dir: Path, products, sign: str | None) -> None:
    try:
        report = build(
            event_yaml, out_dir, products, SignKind(sign) if sign else None, display=str(event_yaml)
        )
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
@click.pass_context
def build_command(ctx: click.Context, event_yaml: Path, out_dir: Path, sign: str | None) -> None:
    """Build the programme, the badges and the sign from EVENT_YAML (default ./event.yaml)."""
    _run(ctx, event_yaml, out_dir, PRODUCTS, sign)


def _single(product: str, doc: str):
    @_event_argument
    @_out_option
    @click.pass_context
    def command(ctx: click.Context, event_yaml: Path, out_dir: Path, **options) -> None:
        _run(ctx, event_yaml, out_dir, (product,), options.get("sign"))

    command.__doc__ = doc
    if product == "tent":
        command = _sign_option(command)
    return cli.command(product)(command)


_single("programme", "Build only the programme sheet (programme.pdf).")
_single("badges", "Build only the name badges (badges.pdf).")
_single(
    "tent",
    "Build only the sign: the table tent (tent.pdf) or, with --sign poster, the door poster.",
)


@cli.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
def check_command(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Preflight PDF FILES for print: boxes, fonts, colour, images, QR codes, text by the edge.

    Prints a summary of each page, then one line per problem. Exit 0: no problems found;
    1: problems; 2: a file is not a readable PDF.
    """
    # pypdf logs what it repairs in a damaged file; the report says what matters, once.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    worst = 0
    for path in files:
        try:
            report = check_pdf(path, display=str(path))
        except PrintkitError as exc:
            click.echo(f"error: {exc.message()}", err=True)
            worst = max(worst, exc.exit_code)
            continue
        except Exception as exc:  # a bug, not the file's fault
            if ctx.obj and ctx.obj.get("debug"):
                traceback.print_exc()
            click.echo(
                f"printkit: internal error checking {path} ({type(exc).__name__}: {exc})."
                f" This is a bug in printkit; please report it at {ISSUES_URL} with the file."
                " Run again with --debug for the traceback.",
                err=True,
            )
            sys.exit(INTERNAL_ERROR)
        for line in [*report.summary(), *report.finding_lines(), report.verdict()]:
            click.echo(line)
        if not report.fit_to_print:
            worst = max(worst, 1)
    sys.exit(worst)


def main() -> None:
    cli(prog_name="printkit")
