"""Where each text of an event came from, so that a problem found while laying out (a name
too long for its badge, a character the font lacks) can point at the line that gave it.

Like ``notices``: the build opens a ``recording()`` scope around loading, and the readers
(``fields.scalar_text`` for event.yaml, the attendee reader for list cells) call
``record()``. Outside such a scope nothing is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from printkit.errors import LayoutError, Location


@dataclass(frozen=True)
class Origin:
    """One text as read: where it stood, its field path (or list cell), and the text."""

    where: Location
    field: str
    text: str


class Origins(list[Origin]):
    """The texts of one event, in the order they were read."""

    def find(self, text: str | None, char: str | None = None) -> Origin | None:
        """The input that gave ``text``: the same text, else one that holds it (a line of a
        wrapped title, a name set in capitals), else the first that holds ``char``."""
        if text:
            wanted = _words(text)
            for same in (
                lambda origin: _words(origin.text) == wanted,
                lambda origin: wanted in _words(origin.text),
                lambda origin: wanted.casefold() in _words(origin.text).casefold(),
            ):
                found = next((origin for origin in self if same(origin)), None)
                if found is not None:
                    return found
        if char:
            return next((origin for origin in self if char in origin.text), None)
        return None

    def locate(self, error: LayoutError, file: str) -> LayoutError:
        """``error`` with the place of its text; without one, the event file as a whole."""
        if error.where is not None:
            return error
        found = self.find(error.text, error.char)
        if found is None:
            return error.located(Location(file))
        return error.located(found.where, found.field)


def _words(text: str) -> str:
    return " ".join(text.split())


_CURRENT: ContextVar[Origins | None] = ContextVar("printkit_origins", default=None)


@contextmanager
def recording() -> Iterator[Origins]:
    found = Origins()
    token = _CURRENT.set(found)
    try:
        yield found
    finally:
        _CURRENT.reset(token)


def record(where: Location, field: str, text: str) -> None:
    found = _CURRENT.get()
    if found is not None:
        found.append(Origin(where, field, text))
