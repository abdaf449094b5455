"""QR codes: content → module matrix (zxing-cpp's encoder). Drawing is the renderer's job.

One encoder for every code of a build: zxing-cpp's C++ encoder gives the standard symbol
(ISO/IEC 18004: the smallest version at the error correction level, the mask by the
standard's penalty rules) several times faster than the pure-Python ``qrcode`` library.
"""

from __future__ import annotations

import os
import signal
import threading
import weakref
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from printkit.errors import LayoutError, about

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

QUIET_ZONE = 4  # modules of light margin on every side, painted by the renderer
MIN_MODULE = 0.4  # mm: the smallest module a phone held in the hand reads (PRINT.md)
#: mm: the modules a phone held at ``PHONE_DISTANCE`` reads (tests/products/test_phone_qr.py:
#: OpenCV's decoder, 5.93 px a mm, blurred, turned and saved as a JPEG, as a phone sees a
#: badge at 25 cm); a code of larger modules reads from proportionally further.
PHONE_MODULE = 0.75
PHONE_DISTANCE = 25.0  # cm
#: modules across, at most, of a code read so: up to version 7 (45 modules) that decoder
#: reads 96-99 in 100 such pictures, and from version 8 on
#: about 9 in 10 or fewer, however large the modules (0.65-1.0 mm, measured)
PHONE_MODULES = 45
UTF8_ECI = 26  # ISO/IEC 18004's Extended Channel Interpretation of UTF-8


@dataclass(frozen=True, slots=True)
class Matrix:
    """A QR symbol without its quiet zone, ``modules`` × ``modules``: ``bits`` holds one bit
    per module, row by row from the top (1 = dark; ``dark`` gives them a byte each), and the
    path is kept packed: a run of personal codes holds a few thousand of them at a time."""

    content: str
    modules: int
    bits: bytes
    #: ``path``, made beforehand (by ``encode_ahead``'s workers) and kept zlib-packed: a quarter
    #: of its 2.7 KB for a 29-module code, and unpacked 20 times faster than made again
    packed: bytes = field(default=b"", compare=False, repr=False)

    @classmethod
    def of(cls, content: str, modules: int, dark: bytes) -> Matrix:
        """The symbol of ``dark``, one byte per module (1 = dark)."""
        ones = dark.translate(_DIGITS)
        ones += b"0" * (-len(ones) % 8)
        return cls(content, modules, int(ones, 2).to_bytes(len(ones) // 8, "big"))

    @property
    def dark(self) -> bytes:
        """One byte per module, row by row from the top: 1 dark, 0 light."""
        return _dark(self.modules, self.bits)

    @property
    def modules_with_quiet_zone(self) -> int:
        return self.modules + 2 * QUIET_ZONE

    def runs(self) -> list[tuple[int, int, int]]:
        """Horizontal runs of dark modules as (row, first column, length)."""
        result = []
        n, dark = self.modules, self.dark
        for y in range(n):
            row = dark[y * n : (y + 1) * n]
            x = row.find(1)
            while x != -1:
                end = row.find(0, x)
                end = n if end == -1 else end
                result.append((y, x, end - x))
                x = row.find(1, end) if end < n else -1
        return result

    @property
    def path(self) -> str:
        """The dark modules as PDF path operators in module units, (0, 0) at the symbol's
        bottom-left corner (without the quiet zone): one ``re`` per horizontal run, whole
        numbers only. The renderer places it with one transform and fills it once."""
        if self.packed:
            return zlib.decompress(self.packed).decode("ascii")
        return _path(self.modules, self.bits)


def _dark(n: int, bits: bytes) -> bytes:
    ones = format(int.from_bytes(bits, "big"), f"0{len(bits) * 8}b")[: n * n]
    return ones.encode("ascii").translate(_VALUES)


@lru_cache(maxsize=64)
def _path(n: int, bits: bytes) -> str:
    """``Matrix.path``, made once for a code a document repeats (a festival's 3,000 tents,
    two faces each, carry the event's one address: 6,600 paths were 0.5 s of the signs)."""
    dark = _dark(n, bits)
    ops: list[str] = []
    add = ops.append
    for row in range(n):
        y = n - 1 - row
        x = 0
        for run in dark[row * n : (row + 1) * n].split(b"\0"):  # "" between light modules
            if run:
                add(f"{x} {y} {len(run)} 1 re")
                x += len(run)
            x += 1
    return "\n".join(ops)


@lru_cache(maxsize=1024)
def encode(content: str, level: str = "M") -> Matrix:
    """``content`` as a QR symbol at error correction ``level``; too much content is a
    ``LayoutError`` that says how much a code holds.

    Text beyond ASCII is carried as UTF-8 behind the UTF-8 ECI (26), the way phones read a
    contact or a page: zxing-cpp would otherwise pick the smallest legacy set (ISO 8859-2 for
    "Łukasz", 8859-7 for Greek) behind its ECI, which a reader that ignores ECIs, as many
    phone scanners do, shows as "£ukasz"; such readers guess UTF-8 right."""
    import zxingcpp

    extra = {} if content.isascii() else {"eci": UTF8_ECI}
    try:
        code = zxingcpp.create_barcode(
            content, zxingcpp.BarcodeFormat.QRCode, ec_level=level, **extra
        )
    except (ValueError, RuntimeError):
        raise _too_long(content, level) from None
    image = code.to_image(scale=1, add_quiet_zones=False)
    dark = bytes(memoryview(image)).translate(_INVERT)  # zxing: 0 is dark, 255 light
    return Matrix.of(content, image.shape[0], dark)


_INVERT = bytes([1] + [0] * 255)
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")  # a module's byte → its binary digit
_VALUES = bytes.maketrans(b"01", b"\x00\x01")

PARALLEL_FROM = 1000  # codes: fewer are encoded in this process (a worker costs its start)
CHUNK = 250  # codes a worker encodes per task
AHEAD = 4  # chunks a core's worker is given ahead of the layout: the codes held at most


def encode_ahead(contents: Iterable[str], level: str = "M", count: int = 0) -> Ahead:
    """The symbols of ``contents`` (an iterable of about ``count``), asked for in their order:
    with many codes and several cores, workers encode them, in chunks, a few chunks ahead of
    the layout (``Ahead``); the symbols are the ones one core makes. ``contents`` is read as
    the workers are given work, and a code is let go once a later one is asked for, so a run
    of 100,000 badges holds a few thousand codes at most, not all of them."""
    workers = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if workers < 2 or count < PARALLEL_FROM or threading.active_count() > 1:
        return Ahead(iter(()), level, 0)  # (no fork beside threads): each badge encodes its own
    return Ahead(iter(contents), level, workers)


class Ahead:
    """Codes that one worker per core encodes in chunks, ``AHEAD`` chunks a core ahead of
    the layout, which asks for them in the order given (``get``). Once every code is in, the
    workers end on their own (none is sent a SIGTERM); a run that stops before (an error,
    Ctrl-C) ends them with it."""

    def __init__(self, contents: Iterator[str], level: str, workers: int) -> None:
        self._contents = contents
        self._level = level
        #: the chunks given out and not yet passed: (position by content, the symbols once in)
        self._chunks: deque[tuple[dict[str, int], list | AsyncResult]] = deque()
        self._pool = None
        if workers:
            import multiprocessing  # the pool's machinery: for a run of many codes only

            self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker)
            self._stop = weakref.finalize(self, self._pool.terminate)  # let go unfinished
            self._ahead = AHEAD * workers
            self._give()

    def _give(self) -> None:
        """Chunks to the workers until ``_ahead`` are out; the pool closed once all are in."""
        while self._pool is not None and len(self._chunks) < self._ahead:
            chunk = list(islice(self._contents, CHUNK))
            if not chunk:
                self._pool.close()  # nothing more to encode: the workers end on their own
                break
            task = self._pool.apply_async(_symbols, (chunk, self._level))
            self._chunks.append(({c: i for i, c in enumerate(chunk)}, task))

    def get(self, content: str) -> Matrix | None:
        """``content``'s symbol, or None when it is not among the codes coming (then the
        caller encodes it), or is too long for a code (``encode`` then says why). The chunks
        before the one that holds it are let go."""
        if not any(content in positions for positions, _ in self._chunks):
            return None
        while content not in self._chunks[0][0]:
            self._chunks.popleft()
        positions, symbols = self._chunks[0]
        if not isinstance(symbols, list):
            symbols = symbols.get()
            self._chunks[0] = (positions, symbols)
            self._give()
        symbol = symbols[positions[content]]
        return None if symbol is None else Matrix(content, *symbol)

    def close(self) -> None:
        """Every code asked for: the workers, done, are waited for."""
        if self._pool is not None and self._stop.alive:
            self._stop.detach()
            self._chunks.clear()
            self._pool.close()
            self._pool.join()


PACK_LEVEL = 1  # zlib's fastest: 2.7 KB of path in 0.8 KB, at a twentieth of making it


def _symbol(content: str, level: str) -> tuple[int, bytes, bytes] | None:
    try:
        matrix = encode.__wrapped__(content, level)
    except LayoutError:
        return None
    return matrix.modules, matrix.bits, zlib.compress(matrix.path.encode("ascii"), PACK_LEVEL)


def _symbols(contents: list[str], level: str) -> list[tuple[int, bytes, bytes] | None]:
    return [_symbol(content, level) for content in contents]


def _worker() -> None:
    """A worker leaves the signals to the main process: it ignores Ctrl-C, and SIGTERM or
    SIGHUP (which the command line turns into an interruption, with a traceback if raised in
    a worker) simply end it, as when the pool is torn down after an interruption."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)


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
