"""Writing files: atomically (a temporary file in the same folder, then a rename).

A build renders every product (into a temporary file of its own) first and writes only
when all succeeded, so a failed or interrupted build leaves the previous files untouched.
``write_all`` then writes
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
import stat
import struct
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from printkit.errors import OutputError

try:
    import fcntl
except ImportError:  # Windows: no flock; leftovers are then removed only when a day old
    fcntl = None  # type: ignore[assignment]

FILL_BUFFER = 1 << 20  # bytes: a written file's buffer
STALE_UNLOCKED_AGE = 24 * 3600  # seconds; without flock, a temporary file this old is a leftover


#: What a file is made of: its bytes, or what writes them into the opened temporary file
#: (a PDF copied from the build's staging file, never held whole).
Content = bytes | Callable[[BinaryIO], None]


def write_atomic(path: Path, data: bytes) -> None:
    write_all({path: data})


def write_all(files: dict[Path, Content]) -> list[Path]:
    """Write every file to a temporary file, then rename each into place; returns the paths.

    All or nothing: every target is checked to be replaceable before the first rename, and
    each old file is kept aside (a copy) until every rename succeeded; if
    one still fails, the files already replaced are put back and new ones removed.
    """
    temps: list[tuple[Path, int, str]] = []
    kept: list[tuple[Path, int, str] | None] = []  # per target: its old file, aside
    renamed: set[str] = set()
    try:
        for path, data in files.items():
            fd, tmp = _temporary(path)
            temps.append((path, fd, tmp))
            _fill(path, fd, tmp, data)
        for path in files:  # what a rename would refuse, refused before any file is replaced
            _check_replaceable(path)
        kept = [_keep_old(path) for path in files]
        done: list[int] = []
        try:
            for index, (path, _fd, tmp) in enumerate(temps):
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    raise OutputError(
                        f"{path}: cannot write the file ({exc.strerror}); no file was changed"
                    ) from None
                renamed.add(tmp)
                done.append(index)
        except BaseException:
            _put_back([(temps[i][0], kept[i]) for i in reversed(done)])
            raise
    finally:  # an error, Ctrl-C or SIGTERM: no temporary file stays behind
        for _path, fd, tmp in temps:
            if tmp not in renamed:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            with contextlib.suppress(OSError):
                os.close(fd)
        for old in kept:
            if old is not None:
                with contextlib.suppress(OSError):
                    os.unlink(old[2])
                with contextlib.suppress(OSError):
                    os.close(old[1])
    return list(files)


def _check_replaceable(path: Path) -> None:
    """Refuse, before any rename, a target the rename would fail on: not a file, another
    user's file in a shared (sticky) folder, or an immutable file or folder (chattr +i)."""
    if path.exists() and not path.is_file():
        raise OutputError(
            f"{path}: is not a file (a folder?), so it cannot be replaced; move it away"
        )
    try:
        folder = os.stat(path.parent)
        own = os.lstat(path) if os.path.lexists(path) else None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the file ({exc.strerror})") from None
    user = _user()
    if (
        own is not None
        and folder.st_mode & stat.S_ISVTX
        and user not in (0, own.st_uid, folder.st_uid)
    ):
        raise OutputError(
            f"{path}: belongs to another user in a shared folder, so it cannot be replaced;"
            " ask them to remove it, or choose another folder with -o; no file was changed"
        )
    for what in (path, path.parent) if own is not None else (path.parent,):
        if _immutable(what):
            raise OutputError(
                f"{what}: is marked immutable or append-only (chattr +i/+a), so {path.name} cannot"
                " be replaced; lift that (chattr -i) or choose another folder with -o; no file"
                " was changed"
            )


def _immutable(path: Path) -> bool:
    """Linux's immutable or append-only flag on ``path`` (False where flags cannot be read)."""
    if fcntl is None or not hasattr(fcntl, "ioctl"):
        return False
    get_flags = 0x80006601 | (struct.calcsize("l") << 16)  # FS_IOC_GETFLAGS
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        flags = struct.unpack("l", fcntl.ioctl(fd, get_flags, bytes(struct.calcsize("l"))))[0]
    except OSError:
        return False
    finally:
        os.close(fd)
    return bool(flags & (0x10 | 0x20))  # FS_IMMUTABLE_FL, FS_APPEND_FL


def _keep_old(path: Path) -> tuple[Path, int, str] | None:
    """A copy of the file at ``path`` in a locked temporary file beside it, so that it can be
    put back; None when there is no old file. (A copy, not a hard link: a link would share the
    old file's lock with whichever build wrote it.)"""
    if not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:  # another build replaced it just now: nothing of ours to keep
        return None
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot keep the old file aside while it is replaced ({exc.strerror});"
            " no file was changed"
        ) from None
    fd, aside = _temporary(path)
    _fill(path, fd, aside, data)
    return path, fd, aside


def _put_back(replaced: list[tuple[Path, tuple[Path, int, str] | None]]) -> None:
    """Undo the renames done: each old file back in place, each new one removed."""
    for path, old in replaced:
        with contextlib.suppress(OSError):
            if old is None:
                os.unlink(path)
            else:
                os.replace(old[2], path)


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


def _fill(path: Path, fd: int, tmp: str, data: Content) -> None:
    try:
        if callable(data):
            with os.fdopen(os.dup(fd), "wb", buffering=FILL_BUFFER) as file:
                data(file)
        else:
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
    """Only a regular file of our own is opened (never blocking: a FIFO named like a
    leftover would hang the open), and removed when no living build holds its lock."""
    before = os.lstat(file)
    if not stat.S_ISREG(before.st_mode) or before.st_uid != _user():
        return  # a FIFO, a device, a link, a folder, or another user's: not ours to touch
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(file, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return
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


def _user() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else 0
