"""Warnings gathered while reading input, for the command to report (``Report.warnings``).

Loading is pure and deep; rather than thread a list through every reader, the build opens a
``collecting()`` scope and readers call ``warn()``. Outside such a scope warnings are dropped.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from printkit.errors import InputWarning

T = TypeVar("T")

_CURRENT: ContextVar[list[InputWarning] | None] = ContextVar("printkit_warnings", default=None)


@contextmanager
def gathering(scope: ContextVar[list[T] | None]) -> Iterator[list[T]]:
    """A list that readers add to (through ``scope``) until the ``with`` ends."""
    found: list[T] = []
    token = scope.set(found)
    try:
        yield found
    finally:
        scope.reset(token)


def collecting() -> contextlib.AbstractContextManager[list[InputWarning]]:
    return gathering(_CURRENT)


def warn(text: InputWarning) -> None:
    found = _CURRENT.get()
    if found is not None and text not in found:
        found.append(text)
