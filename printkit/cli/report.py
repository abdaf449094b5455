"""How the command line reports: click's own errors in one line, ``printkit check``'s reports
of PDF files, and an internal error."""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from printkit.errors import PrintkitError, ResourceError
from printkit.model.stock import PRESETS, find_or_none
from printkit.model.stock_table import differences, listing

if TYPE_CHECKING:
    from printkit.checks.preflight.report import FileReport
    from printkit.pipeline.build import Report
    from printkit.pipeline.prepare import Overrides

ISSUES_URL = "https://github.com/printkit/printkit/issues"
INTERNAL_ERROR = 70  # the exit code of a bug


def is_event_file(path: Path) -> bool:
    """Whether ``printkit check PATH`` means an event file (review) rather than a PDF."""
    from printkit.checks.review import is_event_file as named

    return named(path)


def review(event_yaml: Path, display: str, overrides: Overrides) -> Report:
    """``printkit.checks.review.review``, imported when a review is asked for (it lays out
    every product and reads the findings, which a build does not need)."""
    from printkit.checks.review import review as reviewed

    return reviewed(event_yaml, display, overrides)


def check_pdf(path: Path, display: str) -> FileReport:
    """``printkit.checks.preflight.check_pdf``, imported when a PDF is checked: pypdf and
    pdfium load for ``check`` only."""
    from printkit.checks.preflight import check_pdf as checked

    return checked(path, display=display)


def check_files(ctx: click.Context, files: Iterable[Path]) -> int:
    """Preflight each file, print its report; the worst exit code of them all."""
    # pypdf logs what it repairs in a damaged file; the report says what matters, once.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    worst = 0
    for path in files:
        try:
            report = check_pdf(path, display=str(path))
        except MemoryError:
            error = ResourceError(f"while checking {path}")
            click.echo(f"error: {error.message()}", err=True)
            worst = max(worst, error.exit_code)
            continue
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
        if report.failed:
            worst = max(worst, 1)
        if report.damaged:  # damaged: as for a file that cannot be opened
            worst = max(worst, 2)
    return worst


class OneLineErrors(click.Group):
    """click, with every error as one line ``error: …`` (click prints its usage and a hint
    over three): a wrong option, a missing argument, an -o that names a file."""

    def main(self, *args: object, standalone_mode: bool = True, **kwargs: object) -> object:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            result = super().main(*args, standalone_mode=False, **kwargs)
        except click.Abort as exc:  # Ctrl-C or Ctrl-D at a prompt, or while parsing
            if isinstance(exc.__context__, KeyboardInterrupt):
                click.echo("interrupted (SIGINT); earlier files are untouched", err=True)
                sys.exit(128 + signal.SIGINT)
            click.echo("Aborted!", err=True)  # click's word for a question left with Ctrl-D
            sys.exit(1)
        except click.ClickException as exc:
            message = " ".join(exc.format_message().split())
            context = getattr(exc, "ctx", None)
            if isinstance(exc, click.UsageError) and context is not None:
                command = " ".join(["printkit", *context.command_path.split()[1:]])
                message += f" (see '{command} --help')"
            click.echo(f"error: {message}", err=True)
            sys.exit(exc.exit_code)
        except PrintkitError as exc:  # raised while the options are read
            click.echo(f"error: {exc.message()}", err=True)
            sys.exit(exc.exit_code)
        sys.exit(result if isinstance(result, int) else 0)


def sheets_listing(search: str | None) -> None:
    """``printkit sheets``: the presets (and with ``search`` glabels' products) as a table."""
    from printkit.read.glabels import bundled

    glabels = bundled()
    rows = listing()
    if search is not None:
        key = "".join(c for c in search.casefold() if c.isalnum())
        rows = [rows[0]] + [
            r for r in rows[1:] if key in "".join(c for c in r[0].casefold() if c.isalnum())
        ]
        found = [s for s in glabels.search(search) if find_or_none(s.name) is None]
        rows += [_glabels_row(sheet) for sheet in found]
        if len(rows) == 1:
            click.echo(f"no sheet or glabels product matches {search!r}", err=True)
            sys.exit(2)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[-1]]))
    shown = {row[0] for row in rows[1:]}
    for preset in PRESETS:
        other = next(
            (glabels.find(n) for n in (preset.name, *preset.aliases) if glabels.find(n)), None
        )
        line = differences(preset, other) if other is not None and preset.name in shown else None
        if line:
            click.echo(f"differs from glabels: {line}")


def _glabels_row(sheet) -> tuple[str, ...]:  # noqa: ANN001
    return (
        sheet.name,
        f"{sheet.paper.width:.6g} × {sheet.paper.height:.6g}",
        f"{round(sheet.label.width, 2):g} × {round(sheet.label.height, 2):g}",
        f"{sheet.columns} × {sheet.rows}",
        f"{round(sheet.left, 2):g} / {round(sheet.top, 2):g}",
        f"{round(sheet.pitch_x, 2):g} / {round(sheet.pitch_y, 2):g}",
        "glabels' template database (MIT)",
    )
