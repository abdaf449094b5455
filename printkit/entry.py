"""The console script's entry point: Ctrl-C while the libraries load (the first second)
ends as it does later, with one line and exit 130, not a traceback.

A SIGINT during the imports is held, not raised: raised inside a C extension's
initialisation (pikepdf's, for one) it comes out as an ``ImportError`` caused by the
``KeyboardInterrupt``, which no ``except KeyboardInterrupt`` sees. Held, it is answered once
the imports are done.

``printkit --version`` is answered here, before them: it needs none of them."""

from __future__ import annotations

import signal
import sys

MESSAGE = "interrupted (SIGINT); earlier files are untouched\n"
OUT_OF_MEMORY = (
    "error: ran out of memory while starting (loading the libraries); close other programs"
    " and try again; earlier files are untouched\n"
)
RESOURCE_EXIT = 5  # as errors.ResourceError, which cannot be imported without memory
INSTALL_EXIT = 70  # the installation is broken: EX_SOFTWARE, as an internal error
#: What the dynamic loader says when it cannot map a library for want of memory (ENOMEM).
SHORT_OF_MEMORY = ("failed to map segment", "Cannot allocate memory", "cannot allocate memory")


def main() -> None:
    if sys.argv[1:] == ["--version"]:  # answered before any library loads (as click words it)
        from printkit import __version__

        sys.stdout.write(f"printkit, version {__version__}\n")
        return
    held: list[int] = []
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:  # an ignored SIGINT (nohup, &) stays ignored
        signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        from printkit.cli import main as run
    except MemoryError:  # too little memory for the libraries themselves: not a bug either
        sys.stderr.write(OUT_OF_MEMORY)
        sys.exit(RESOURCE_EXIT)
    except ImportError as exc:  # a library's shared object: unmappable (memory) or missing
        if any(sign in str(exc) for sign in SHORT_OF_MEMORY):
            sys.stderr.write(OUT_OF_MEMORY)
            sys.exit(RESOURCE_EXIT)
        sys.stderr.write(
            f"error: a library printkit needs cannot be loaded ({' '.join(str(exc).split())[:200]});"
            " install printkit again (pip install printkit) in this environment\n"
        )
        sys.exit(INSTALL_EXIT)
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
