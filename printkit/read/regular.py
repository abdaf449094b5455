"""Every input file printkit reads is opened here, and only if it is a regular file.

A named pipe (FIFO) blocks whoever opens it until something writes; /dev/zero and its kind
never end; a folder, a socket or a device is not a file an organiser meant. So a file is
opened without blocking (``O_NONBLOCK``), asked what it is (``fstat`` of the open file, so a
file swapped in between cannot slip past), refused unless it is a regular file, and read at
most up to a limit, whatever size it claims.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


class NotRegular(OSError):
    """The path names something other than a regular file; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        self.kind = kind
        super().__init__(f"{path} is {kind}, not a regular file")


class TooLarge(OSError):
    """The file holds more than the reader's limit."""

    def __init__(self, path: Path, limit: int) -> None:
        self.limit = limit
        super().__init__(f"{path} is more than {limit:,} bytes")


def kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file ("a named pipe (FIFO)", …)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: Path | str) -> io.BufferedReader:
    """``path`` opened for reading, if it is a regular file; raises ``NotRegular`` (with what
    it is) or the ``OSError`` of opening it. Never blocks on a FIFO."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:  # a socket cannot be opened at all (ENXIO): say what it is
        try:
            found = kind(os.stat(path).st_mode)
        except OSError:
            found = None
        if found is not None:
            raise NotRegular(Path(path), found) from None
        raise
    try:
        found = kind(os.fstat(fd).st_mode)
        if found is not None:
            raise NotRegular(Path(path), found)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them (``TooLarge`` past
    that, read no further); ``NotRegular`` or the ``OSError`` of reading it otherwise."""
    with open_regular(path) as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(Path(path), limit)
    return data


def size_of(path: Path | str) -> int:
    """The size of the regular file ``path`` (``NotRegular`` for anything else)."""
    with open_regular(path) as file:
        return os.fstat(file.fileno()).st_size
