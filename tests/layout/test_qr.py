"""QR symbols: one encoder (zxing-cpp), the same symbols on one core or many."""

from __future__ import annotations

import os

import pytest
import zxingcpp
from PIL import Image

from printkit.errors import LayoutError
from printkit.layout.qr import CAPACITY, PARALLEL_FROM, encode, encode_all


def _decoded(matrix) -> str:
    """The symbol drawn at 4 px a module with its quiet zone, read back by zxing-cpp."""
    n, scale, quiet = matrix.modules, 4, 4
    side = (n + 2 * quiet) * scale
    pixels = bytearray(b"\xff" * side * side)
    for y, x, run in matrix.runs():
        for dy in range(scale):
            row = ((y + quiet) * scale + dy) * side
            start = row + (x + quiet) * scale
            pixels[start : start + run * scale] = b"\x00" * (run * scale)
    image = Image.frombytes("L", (side, side), bytes(pixels))
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1
    return found[0].text


def test_path_holds_every_dark_run_in_module_units():
    matrix = encode("https://example.org/event")
    n = matrix.modules
    expected = [f"{x} {n - 1 - y} {length} 1 re" for y, x, length in matrix.runs()]
    assert matrix.path.splitlines() == expected
    assert _decoded(matrix) == "https://example.org/event"


@pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one core: nothing runs in parallel",
)
def test_codes_encoded_on_every_core_are_the_codes_one_core_makes():
    contents = [f"https://tickets.example.org/FM17-{i:06d}" for i in range(PARALLEL_FROM + 7)]
    together = encode_all([*contents, "x" * (CAPACITY["M"] + 1)])  # one too long: left out
    assert len(together) == len(contents)
    for content in contents[:: len(contents) // 12]:
        alone = encode.__wrapped__(content)
        assert together[content] == alone and together[content].path == alone.path
        assert _decoded(together[content]) == content


def test_too_much_content_says_how_much_a_code_holds():
    with pytest.raises(LayoutError, match="more than the 2,331 a QR code holds"):
        encode("x" * 2332)
