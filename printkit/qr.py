"""QR codes: content → module matrix (the qrcode library). Drawing is the renderer's job."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import qrcode
import qrcode.constants
from qrcode.exceptions import DataOverflowError

from printkit.errors import LayoutError

QUIET_ZONE = 4  # modules of light margin on every side, painted by the renderer

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@dataclass(frozen=True)
class Matrix:
    """A QR symbol without its quiet zone: ``rows[y][x]`` is True for a dark module, y=0 on top."""

    content: str
    rows: tuple[tuple[bool, ...], ...]

    @property
    def modules(self) -> int:
        return len(self.rows)

    @property
    def modules_with_quiet_zone(self) -> int:
        return self.modules + 2 * QUIET_ZONE

    def runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (row, first column, length)."""
        result = []
        for y, row in enumerate(self.rows):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    result.append((y, start, x - start))
                else:
                    x += 1
        return result


@lru_cache(maxsize=4096)
def encode(content: str, level: str = "M") -> Matrix:
    code = qrcode.QRCode(error_correction=_LEVELS[level], border=0)
    code.add_data(content)
    try:
        code.make(fit=True)
    except (DataOverflowError, ValueError):
        raise LayoutError(
            "qr",
            f"{len(content.encode())} bytes are more than a QR code holds at level {level}; shorten it",
        ) from None
    rows = tuple(tuple(bool(m) for m in row) for row in code.get_matrix())
    return Matrix(content, rows)
