"""One error base for printkit; each error carries its facts and says what to do.

Library code raises these; only the CLI turns them into a message and an exit code.
"""

from __future__ import annotations

import difflib
import signal
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class PrintkitError(Exception):
    """Base of every error printkit reports to a user (never with a traceback)."""

    exit_code = 1

    def message(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Location:
    """Where in an input file something is: 1-based line and column."""

    file: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class InputError(PrintkitError):
    """Bad input: names the file, line, column and field, and what is wanted.

    Prints as ``event.yaml:14:7: panelists[2].name: missing; every person needs a name``.
    """

    exit_code = 2

    def __init__(self, where: Location, field: str, problem: str) -> None:
        self.where = where
        self.field = elide(printable(field), 80)  # a key can be as long as a line
        self.problem = problem
        super().__init__(self.message())

    def message(self) -> str:
        return located(self.where, self.field, self.problem)


def located(where: Location, field: str, problem: str) -> str:
    """``event.yaml:14:7: panelists[2].name: problem``: how every input message reads."""
    field = f" {field}:" if field else ""
    return f"{where}:{field} {problem}"


@dataclass(frozen=True)
class InputWarning:
    """Input that builds but is probably not what was meant, or what an organiser should hear
    before printing; located like an ``InputError`` where it has a place. The one warning type
    of every command: the build goes on, and the CLI prints it as
    ``warning: event.yaml:88:7: field: problem``."""

    where: Location | None
    field: str
    problem: str

    def message(self) -> str:
        if self.where is None:
            return f"{self.field}: {self.problem}" if self.field else self.problem
        return located(self.where, self.field, self.problem)

    def __str__(self) -> str:
        return self.message()


def key_text(key: str) -> str:
    """A mapping key as a field path shows it: as written when it is a plain word, else
    quoted (an empty key, spaces at its ends, a control character that would break the
    one-line message)."""
    if key and key == key.strip() and key.isprintable():
        return key
    return repr(key)


def printable(text: str) -> str:
    """``text`` with every character that is not printable escaped as Python writes it."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def elide(text: str, limit: int = 60) -> str:
    """``text`` cut to about ``limit`` characters with "…" where it was cut, for a message
    that quotes what someone wrote (which may be a line of a megabyte)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def nearest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice nearest ``word`` (difflib's ratio), if one is at least ``cutoff`` near:
    the one measure of "did you mean" for every message."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return match[0] if match else None


def nearness(word: str, choice: str) -> float:
    """How near two words are, 0 to 1, as ``nearest`` measures it."""
    return difflib.SequenceMatcher(None, word, choice).ratio()


def suggest(word: str, choices: Iterable[str], fold: bool = False) -> str:
    """``; did you mean 'subtitle'?`` for the choice nearest ``word``, or nothing; ``fold``
    compares without case (a header written in capitals)."""
    choices = list(choices)
    if not fold:
        match = nearest(word, choices)
        return f"; did you mean {match!r}?" if match else ""
    folded = {choice.casefold(): choice for choice in choices}
    match = nearest(word.casefold(), folded)
    return f"; did you mean {folded[match]!r}?" if match else ""


def shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: ``repr``, elided."""
    text = str(value)
    return repr(elide(text, limit)) if len(text) > limit else repr(text)


class LayoutError(PrintkitError):
    """The content cannot be set within the design's rules (it would overflow or clip).

    ``text`` is the content at fault (a name, a title, a line of it) and ``char`` a character
    the font lacks. ``field`` is the input it came from: the event file's field path
    (``panelists[4].name``), which the build turns into a line with ``Event.where``, or a list's
    cell with ``where`` given (``people.csv:14:3``, ``row 12, column 'Name'``). Layout code
    names the field where it sets the text, directly or with ``about``; the message prints as
    ``event.yaml:73:11: panelists[4].name: badges: the name … does not fit …``.
    """

    exit_code = 3

    def __init__(
        self,
        product: str,
        problem: str,
        text: str | None = None,
        char: str | None = None,
        where: Location | None = None,
        field: str = "",
    ) -> None:
        self.product = product
        self.problem = problem
        self.text = text
        self.char = char
        self.where = where
        self.field = field
        super().__init__(self.message())

    def located(self, where: Location | None, field: str = "") -> LayoutError:
        return LayoutError(self.product, self.problem, self.text, self.char, where, field)

    def message(self) -> str:
        if self.where is None:
            field = f"{self.field}: " if self.field else ""
            return f"{field}{self.product}: {self.problem}"
        field = f" {self.field}:" if self.field else ""
        return f"{self.where}:{field} {self.product}: {self.problem}"


class RowsRefused(PrintkitError):
    """Every row (or person) that cannot be printed, each on its own located line, then the
    count; nothing is written. ``--keep-going`` prints the others instead."""

    def __init__(self, lines: tuple[str, ...], exit_code: int = 2) -> None:
        self.lines = lines
        self.exit_code = exit_code
        super().__init__(self.message())

    def message(self) -> str:
        text = "\nerror: ".join(self.lines)
        if len(self.lines) > 1:
            text += (
                f"\n{len(self.lines)} rows cannot be printed, so nothing was written; correct"
                " them, or print everyone else with --keep-going (rejected.csv lists the rest)"
            )
        return text


class Unfit(LayoutError):
    """Several people's badges cannot be set; reads as the first one's error, and carries
    every (person, error) for the build to report them all (or leave them out)."""

    def __init__(self, failures: list[tuple[object, LayoutError]]) -> None:
        first = failures[0][1]
        super().__init__(
            first.product, first.problem, first.text, first.char, first.where, first.field
        )
        self.failures = failures


@contextmanager
def about(where: Location | None, field: str) -> Iterator[None]:
    """A ``LayoutError`` raised inside that names no input yet is about ``field``: a field
    path of the event file (``where`` None: the build finds its line), or a list's cell
    (``Person.place`` gives both). The layout says what it sets; nothing searches for it."""
    try:
        yield
    except LayoutError as exc:
        if exc.field or exc.where is not None:
            raise
        raise exc.located(where, field) from None


class OutputError(PrintkitError):
    """A file could not be written."""

    exit_code = 4


class ResourceError(PrintkitError):
    """The machine ran out of something (memory) while doing what was asked: not bad input
    that a line could point at, and not a bug in printkit."""

    exit_code = 5

    def __init__(self, doing: str) -> None:
        self.doing = doing
        super().__init__(self.message())

    def message(self) -> str:
        return (
            f"ran out of memory {self.doing}; close other programs, or make the input smaller"
            " (a shorter attendee list, a smaller logo or font); earlier files are untouched"
        )


class PdfReadError(PrintkitError):
    """A file given to ``printkit check`` is not a PDF, or cannot be read as one."""

    exit_code = 2

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(self.message())

    def message(self) -> str:
        return f"{self.file}: {self.problem}"


#: The signals that stop a build (cli turns SIGTERM and SIGHUP into an interruption).
STOPS = frozenset(
    s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None
)


@contextmanager
def stops_held() -> Iterator[None]:
    """The stop signals wait while the block runs and are taken the moment it ends: for a
    library that would lose the interruption they raise (ReportLab's font parser catches
    every exception with a bare ``except``; HarfBuzz calls Python from C and drops what it
    raises), so a build interrupted there ran on and waited for its stopped second process
    forever."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def interruption(exc: BaseException | None) -> KeyboardInterrupt | None:
    """The ``KeyboardInterrupt`` an exception comes from, if one: Ctrl-C inside a C
    extension's import (a lazy ``import pikepdf``) surfaces as an ``ImportError`` caused by it."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None
