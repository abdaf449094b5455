"""Warnings gathered while reading input, for the command to report (``Report.warnings``).

Loading is pure and deep; rather than thread a list through every reader, the build opens a
``collecting()`` scope and readers call ``warn()``. Outside such a scope warnings are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from printkit.errors import InputWarning

_CURRENT: ContextVar[list[InputWarning] | None] = ContextVar("printkit_warnings", default=None)


@contextmanager
def collecting() -> Iterator[list[InputWarning]]:
    found: list[InputWarning] = []
    token = _CURRENT.set(found)
    try:
        yield found
    finally:
        _CURRENT.reset(token)


def warn(text: InputWarning) -> None:
    found = _CURRENT.get()
    if found is not None and text not in found:
        found.append(text)
