"""Writing files: atomically (a temporary file in the same folder, then a rename).

A build renders every product to memory first and writes only when all succeeded, so a
failed or interrupted build leaves the previous files untouched. ``write_all`` then writes
every file of the build to a temporary file (``.<name>.<random>.tmp``, flushed to disk)
before it renames the first one into place: a write that fails (a full disk) changes none of
the old files. Each rename replaces one file whole (``os.replace``), so a reader, or a second
build writing into the same folder, only ever sees complete files; the renames follow one
another within microseconds, and only a kill in that moment could leave some products of
the new build beside some of the old one.

While its writer lives, a temporary file is locked (``flock``; the lock dies with the
process, even on SIGKILL). The next write of the same name removes the unlocked leftovers of
a killed build and never the file of a build still running.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

from printkit.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows: no flock; leftovers are then removed only when a day old
    fcntl = None  # type: ignore[assignment]

STALE_UNLOCKED_AGE = 24 * 3600  # seconds; without flock, a temporary file this old is a leftover


def write_atomic(path: Path, data: bytes) -> None:
    write_all({path: data})


def write_all(files: dict[Path, bytes]) -> list[Path]:
    """Write every file to a temporary file, then rename each into place; returns the paths."""
    temps: list[tuple[Path, int, str]] = []
    renamed: set[str] = set()
    try:
        for path, data in files.items():
            fd, tmp = _temporary(path)
            temps.append((path, fd, tmp))
            _fill(path, fd, tmp, data)
        for path in files:  # what a rename would refuse, refused before any file is replaced
            if path.exists() and not path.is_file():
                raise OutputError(
                    f"{path}: is not a file (a folder?), so it cannot be replaced; move it away"
                )
        for path, _fd, tmp in temps:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputError(f"{path}: cannot write the file ({exc.strerror})") from None
            renamed.add(tmp)
    finally:  # an error, Ctrl-C or SIGTERM: no temporary file stays behind
        for _path, fd, tmp in temps:
            if tmp not in renamed:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            with contextlib.suppress(OSError):
                os.close(fd)
    return list(files)


def _temporary(path: Path) -> tuple[int, str]:
    """A new, locked temporary file beside ``path``, after removing leftovers of its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path)
        while True:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            if _lock(fd, tmp):
                return fd, tmp
            os.close(fd)  # another build took it for a leftover before it was locked: again
    except OSError as exc:
        raise OutputError(
            f"{path.parent}: cannot write there ({exc.strerror}); choose another folder with -o"
        ) from None


def _fill(path: Path, fd: int, tmp: str, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.chmod(tmp, 0o644)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the file ({exc.strerror})") from None


def _lock(fd: int, tmp: str) -> bool:
    """Lock the new file; False if it was removed before the lock took (start again)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        return os.path.samestat(os.fstat(fd), os.stat(tmp))
    except FileNotFoundError:
        return False


def leftovers(path: Path) -> list[Path]:
    """Temporary files of ``path``'s name in its folder, whoever made them."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.parent / name for name in names if pattern.fullmatch(name)]


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files of ``path``'s name that no living writer holds."""
    for file in leftovers(path):
        with contextlib.suppress(OSError):
            _remove_if_abandoned(file)


def _remove_if_abandoned(file: Path) -> None:
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return  # its build is still writing
        elif os.fstat(fd).st_mtime > time.time() - STALE_UNLOCKED_AGE:
            return
        if os.path.samestat(os.fstat(fd), os.lstat(file)):
            os.unlink(file)
    finally:
        os.close(fd)
