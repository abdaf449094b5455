"""How the command line reports: click's own errors in one line, ``printkit check``'s reports
of PDF files, and an internal error."""

from __future__ import annotations

import logging
import signal
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path

import click

from printkit.checks.preflight import check_pdf
from printkit.errors import PrintkitError, ResourceError

ISSUES_URL = "https://github.com/printkit/printkit/issues"
INTERNAL_ERROR = 70  # the exit code of a bug


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
