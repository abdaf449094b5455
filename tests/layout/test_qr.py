"""QR symbols: one encoder (zxing-cpp), the same symbols on one core or many."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import zxingcpp
from PIL import Image

from printkit.errors import LayoutError
from printkit.layout.qr import AHEAD, CAPACITY, CHUNK, PARALLEL_FROM, encode, encode_ahead


def _decoded(matrix, text_mode=zxingcpp.TextMode.HRI) -> str:
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
    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormat.QRCode, text_mode=text_mode
    )
    assert len(found) == 1
    return found[0].text


def _symbol_bytes(matrix) -> bytes:
    """What the symbol carries as a scanner hands it over (ISO/IEC 15424: the symbology
    identifier, then each ECI as a backslash and six digits, then the bytes)."""
    return bytes.fromhex(_decoded(matrix, zxingcpp.TextMode.HexECI))


@pytest.mark.parametrize(
    "name",
    ["Łukasz Wróblewski", "Αλέξανδρος Παπαδόπουλος", "Анастасия Константинова", "Søren Ørsted"],
)
def test_text_beyond_ascii_is_utf8_behind_its_eci(name):
    """Not the legacy set zxing-cpp would choose (ISO 8859-2, -7, -5 behind their ECIs),
    which a phone that ignores ECIs shows as "£ukasz": UTF-8, which such phones guess."""
    content = f"FN:{name}"
    matrix = encode(content, "L")
    assert _symbol_bytes(matrix) == b"]Q2\\000026" + content.encode()
    assert _decoded(matrix) == content


def test_ascii_text_carries_no_eci():
    assert _symbol_bytes(encode("https://example.org/t/ABC")) == b"]Q1https://example.org/t/ABC"


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
    too_long = "x" * (CAPACITY["M"] + 1)  # left to the caller, whose ``encode`` says why
    codes = encode_ahead([*contents, too_long], count=len(contents) + 1)
    for content in contents[:: len(contents) // 12]:
        alone = encode.__wrapped__(content)
        assert codes.get(content) == alone and codes.get(content).path == alone.path
        assert _decoded(codes.get(content)) == content
    assert codes.get(too_long) is None
    codes.close()


def test_too_much_content_says_how_much_a_code_holds():
    with pytest.raises(LayoutError, match="more than the 2,331 a QR code holds"):
        encode("x" * 2332)


@pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one core: nothing runs in parallel",
)
def test_codes_encoded_on_every_core_keep_their_error_correction_level():
    """A vCard run's codes are at level L (badges.front.VCARD_LEVEL): encoded together they
    are the level-L symbols, not level M's."""
    contents = [f"BEGIN:VCARD\nFN:Person {i}\nEND:VCARD" for i in range(PARALLEL_FROM + 1)]
    codes = encode_ahead(contents, "L", len(contents))
    for content in contents[::97]:
        assert codes.get(content) == encode.__wrapped__(content, "L")
    assert any(encode.__wrapped__(c, "L") != encode.__wrapped__(c, "M") for c in contents[::97])
    codes.close()


MANY_CODES_UNDER_THE_CLI = """
import multiprocessing, signal
from printkit import cli
from printkit.layout.qr import PARALLEL_FROM, _worker, encode_ahead
for signum in (signal.SIGTERM, signal.SIGHUP):  # what printkit.cli.main installs
    signal.signal(signum, cli._terminate)
for run in range(3):
    contents = [f"https://t.example.org/{run}-{i}" for i in range(PARALLEL_FROM + 1)]
    codes = encode_ahead(iter(contents), count=len(contents))
    assert all(codes.get(content) is not None for content in contents)
    codes.close()
with multiprocessing.get_context("fork").Pool(1, initializer=_worker) as pool:
    for signum in (signal.SIGTERM, signal.SIGINT):
        print(pool.apply(signal.getsignal, (signum,)).name)
"""


@pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one core: nothing runs in parallel",
)
def test_the_workers_end_quietly_under_the_command_lines_signal_handlers():
    """The command line turns SIGTERM into an interruption; a worker that kept that handler
    printed "Process ForkPoolWorker-1: Traceback …" when the pool was torn down (1 run in 4
    of 1,500 badges with codes). The workers end on their own, and SIGTERM just ends one."""
    done = subprocess.run(
        [sys.executable, "-c", MANY_CODES_UNDER_THE_CLI],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.split() == ["SIG_DFL", "SIG_IGN"]


@pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one core: nothing runs in parallel",
)
def test_the_first_codes_are_there_before_the_last_are_encoded_and_workers_let_go_end():
    """Codes are taken from the workers as the layout asks for them (issue 15): the first
    badge's code comes while later chunks are still being encoded, and a run that stops
    before asking for them all (an error) leaves no worker behind."""
    import gc
    import multiprocessing
    import time

    contents = [f"https://tickets.example.org/FM17-{i:06d}" for i in range(PARALLEL_FROM * 4)]
    codes = encode_ahead(iter(contents), count=len(contents))
    first = codes.get(contents[0])
    assert first == encode.__wrapped__(contents[0])
    assert multiprocessing.active_children()
    del codes, first
    gc.collect()
    deadline = time.monotonic() + 30
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one core: nothing runs in parallel",
)
def test_codes_are_read_and_held_a_few_chunks_ahead_of_the_layout_not_all_at_once():
    """Memory flat in the number of badges (issue 15): the contents are read only as the
    workers are given chunks, a few per core ahead of the code asked for, and the chunks
    before the one asked for are let go; a code asked for again after that is the caller's
    to encode (None), never a wrong one."""
    read = []

    def contents():
        for i in range(PARALLEL_FROM * 20):
            read.append(i)
            yield f"https://tickets.example.org/FM17-{i:06d}"

    workers = len(os.sched_getaffinity(0))
    codes = encode_ahead(contents(), count=PARALLEL_FROM * 20)
    ahead = AHEAD * workers * CHUNK
    assert len(read) <= ahead + 1  # a chunk a core's worker is given at a time
    middle = f"https://tickets.example.org/FM17-{PARALLEL_FROM * 10:06d}"
    assert codes.get(middle) is None  # not yet given out: not among the codes coming
    for i in range(0, PARALLEL_FROM * 10, 97):
        content = f"https://tickets.example.org/FM17-{i:06d}"
        assert codes.get(content) == encode.__wrapped__(content)
        assert len(read) <= i + ahead + CHUNK + 1  # read a few chunks ahead, no further
    assert len(codes._chunks) <= AHEAD * workers  # the chunks held: the ones ahead
    assert codes.get("https://tickets.example.org/FM17-000000") is None  # let go: re-encoded
    codes.close()
