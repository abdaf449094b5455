"""Progress bars on a terminal, for long badge runs; every bar drawn is ended again, even by
an interrupt, so the terminal gets its cursor back."""

from __future__ import annotations

import sys
from collections.abc import Callable

import click


def progress_bar(label: str, total: int) -> Callable[[int], None]:
    """A progress bar on stderr, only on a terminal (a log file gets no bar)."""
    if not sys.stderr.isatty():
        return lambda n: None
    bar = click.progressbar(length=total, label=label, file=sys.stderr)
    # Listed before it is drawn, and unlisted only once it has ended: a signal can land on
    # any line (the moment the bar is first on the screen, too), and end_bars must find it.
    BARS.append(bar)
    bar.__enter__()
    done = 0

    def step(n: int) -> None:
        nonlocal done
        bar.update(n)
        done += n
        if done >= total:
            bar.__exit__(None, None, None)
            BARS.remove(bar)

    return step


BARS: list = []  # progress bars that may be on the screen and have not ended


def end_bars() -> None:
    """End every bar left: the cursor it hid is shown again (a bar ended twice shows it
    twice, which does no harm; one not ended leaves the terminal without a cursor)."""
    while BARS:
        BARS[-1].__exit__(None, None, None)
        BARS.pop()
