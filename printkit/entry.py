"""The console script's entry point: Ctrl-C while the libraries load (the first second)
ends as it does later, with one line and exit 130, not a traceback.

A SIGINT during the imports is held, not raised: raised inside a C extension's
initialisation (pikepdf's, for one) it comes out as an ``ImportError`` caused by the
``KeyboardInterrupt``, which no ``except KeyboardInterrupt`` sees. Held, it is answered once
the imports are done."""

from __future__ import annotations

import signal
import sys

MESSAGE = "interrupted (SIGINT); earlier files are untouched\n"


def main() -> None:
    held: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:  # an ignored SIGINT (nohup, &) stays ignored
        signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        from printkit.cli import main as run
    finally:
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous)
    try:
        if held:
            raise KeyboardInterrupt
        run()
    except KeyboardInterrupt:  # held above, or one between here and click's own handling
        sys.stderr.write(MESSAGE)
        sys.exit(128 + signal.SIGINT)
