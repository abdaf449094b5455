"""The console script's entry point: Ctrl-C from printkit's first line on ends as it does
later, with one line and exit 130, not a traceback.

The module's first statement answers SIGINT: until the libraries are loaded an interrupt
ends the process at once with that line (nothing has been written yet, so there is nothing
to undo). It uses ``_signal`` and ``os``, which Python has loaded before any script runs, so
no import comes before it. Raised instead, a ``KeyboardInterrupt`` would come out as a
traceback wherever it landed: inside click's import, or inside a C extension's
initialisation (pikepdf's), which wraps it in an ``ImportError`` that no ``except
KeyboardInterrupt`` sees. Once the libraries are loaded, Python's own handler is back and
the build answers an interrupt itself (its temporary files removed, the same line).

Before this line, Python answers alone: while the interpreter starts (SIGINT still at its
default, so the process ends by the signal, without a word) and while ``site`` and the
console script's own first lines run (pip's script imports ``re`` first), a Ctrl-C is a
traceback no package can prevent.

``printkit --version`` is answered here, before the libraries: it needs none of them."""

import _signal
import os
import sys

MESSAGE = "interrupted (SIGINT); earlier files are untouched\n"
INTERRUPTED = 128 + _signal.SIGINT  # 130, as the build's own answer to Ctrl-C


def _interrupted_early(signum: int, frame: object) -> None:
    """Ctrl-C before the libraries are loaded: one line, exit 130, now."""
    try:
        os.write(2, MESSAGE.encode())
    finally:  # with no stderr to say it on, the exit code says it
        os._exit(INTERRUPTED)


#: Installed only over Python's own handler: an ignored SIGINT (nohup, a job started with &)
#: stays ignored.
_EARLY = _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler
if _EARLY:
    _signal.signal(_signal.SIGINT, _interrupted_early)

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
    try:
        if _EARLY and _signal.getsignal(_signal.SIGINT) is _interrupted_early:
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        run()
    except KeyboardInterrupt:  # one between here and click's own handling
        sys.stderr.write(MESSAGE)
        sys.exit(INTERRUPTED)
