"""Writing files: atomically (a temporary file in the same folder, then a rename).

A build renders every product to memory first and writes only when all succeeded, so a
failed or interrupted build leaves the previous files untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from printkit.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(
            f"{path.parent}: cannot write there ({exc.strerror}); choose another folder with -o"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"{path}: cannot write the file ({exc.strerror})") from None


def write_all(files: dict[Path, bytes]) -> list[Path]:
    written = []
    for path, data in files.items():
        write_atomic(path, data)
        written.append(path)
    return written
