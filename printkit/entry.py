"""The console script's entry point: Ctrl-C while the libraries load (the first second)
ends as it does later, with one line and exit 130, not a ``KeyboardInterrupt`` traceback."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    try:
        from printkit.cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("interrupted (SIGINT); earlier files are untouched\n")
        sys.exit(128 + signal.SIGINT)
    run()
