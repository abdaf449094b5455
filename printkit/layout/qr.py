"""QR codes: content → module matrix (the qrcode library). Drawing is the renderer's job."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import qrcode
import qrcode.constants
from qrcode.exceptions import DataOverflowError

from printkit.errors import LayoutError, about

QUIET_ZONE = 4  # modules of light margin on every side, painted by the renderer
MIN_MODULE = 0.4  # mm: the smallest module a phone held in the hand reads (PRINT.md)

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}


@dataclass(frozen=True)
class Matrix:
    """A QR symbol without its quiet zone, ``modules`` × ``modules``: ``dark`` holds one byte
    per module, row by row from the top (1 = dark). Bytes, not tuples of booleans: a run of
    10,000 personal codes keeps them all until the PDF is written."""

    content: str
    modules: int
    dark: bytes

    @classmethod
    def from_rows(cls, content: str, rows: Sequence[Sequence[object]]) -> Matrix:
        size = len(rows)
        return cls(content, size, bytes(1 if cell else 0 for row in rows for cell in row))

    @property
    def modules_with_quiet_zone(self) -> int:
        return self.modules + 2 * QUIET_ZONE

    def runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (row, first column, length)."""
        result = []
        n = self.modules
        for y in range(n):
            row = self.dark[y * n : (y + 1) * n]
            x = row.find(1)
            while x != -1:
                end = row.find(0, x)
                end = n if end == -1 else end
                result.append((y, x, end - x))
                x = row.find(1, end) if end < n else -1
        return result


@lru_cache(maxsize=4096)
def encode(content: str, level: str = "M") -> Matrix:
    code = qrcode.QRCode(error_correction=_LEVELS[level], border=0)
    code.add_data(content)
    try:
        code.make(fit=True)
    except (DataOverflowError, ValueError):
        raise _too_long(content, level) from None
    return Matrix.from_rows(content, code.get_matrix())


@lru_cache(maxsize=1024)
def encode_fast(content: str, level: str = "M") -> Matrix:
    """The same standard symbol (ISO/IEC 18004: smallest version, best mask by the standard's
    penalty rules) from zxing-cpp's C++ encoder: about 25 times faster than the qrcode
    library, for the thousands of personal codes of a badge run."""
    import zxingcpp

    try:
        code = zxingcpp.create_barcode(content, zxingcpp.BarcodeFormat.QRCode, ec_level=level)
    except (ValueError, RuntimeError):
        raise _too_long(content, level) from None
    image = code.to_image(scale=1, add_quiet_zones=False)
    dark = bytes(memoryview(image)).translate(_INVERT)  # zxing: 0 is dark, 255 light
    return Matrix(content, image.shape[0], dark)


_INVERT = bytes([1] + [0] * 255)

#: Bytes the largest QR code (version 40) holds in byte mode, by error correction level.
CAPACITY = {"L": 2953, "M": 2331, "Q": 1663, "H": 1273}


def _too_long(content: str, level: str) -> LayoutError:
    return LayoutError(
        "QR code",
        f"{len(content.encode()):,} bytes, more than the {CAPACITY[level]:,} a QR code holds at"
        f" error correction {level}; shorten it",
        text=content,
    )


def url_code(url: str) -> Matrix:
    """The code to the event's page: ``url`` in event.yaml, where an error points."""
    with about(None, "url"):
        return encode(url)
