"""Warnings gathered while reading input, for the command to report (``Report.warnings``).

Loading is pure and deep; rather than thread a list through every reader, the build opens a
``collecting()`` scope and readers call ``warn()``. Outside such a scope warnings are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_CURRENT: ContextVar[list[str] | None] = ContextVar("printkit_warnings", default=None)


@contextmanager
def collecting() -> Iterator[list[str]]:
    found: list[str] = []
    token = _CURRENT.set(found)
    try:
        yield found
    finally:
        _CURRENT.reset(token)


def warn(text: str) -> None:
    found = _CURRENT.get()
    if found is not None and text not in found:
        found.append(text)
