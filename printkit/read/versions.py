"""What a file's reader remembers, remembered per version of the file.

An image's size, an SVG's drawing, an ICC profile or a font's digest is read once per build
and again only when the file changes: ``per_version`` caches by the path together with the
file's modification time, size and inode, so ``build --watch`` reads a changed logo or font
afresh with nothing to clear.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: what tells two versions of a file apart; None for a file that cannot be read
Version = tuple[int, int, int] | None


def version(path: Path | str) -> Version:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def per_version(function: Callable[[Path], T]) -> Callable[[Path], T]:
    """``function(path)``, cached per version of the file at ``path``."""

    @functools.cache
    def read(path: Path, _version: Version) -> T:
        return function(path)

    @functools.wraps(function)
    def cached(path: Path) -> T:
        return read(path, version(path))

    return cached
