"""A build killed or interrupted mid-run leaves the earlier files as they were, and two builds
into one folder each leave complete files.

The signal tests run the real command in a subprocess on an attendee list of 10,000 people
(a run of a few seconds) with its stderr on a pseudo-terminal, so that the badge run draws
its progress bar: the bar is the sign that rendering has begun, and the signal is sent then.
"""

from __future__ import annotations

import io
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import click
import pytest
from pypdf import PdfReader
from reportlab.lib.utils import annotateException

from printkit.cli import Terminated, _run, _terminate, cli
from printkit.cli.progress import progress_bar
from printkit.output.files import leftovers, write_all
from printkit.pipeline.build import Report
from tests.conftest import ROOT, SEED, run

pty = pytest.importorskip("pty")

PRODUCTS = ("programme.pdf", "badges.pdf", "tent.pdf")
PEOPLE = 10_000


def _people_csv(path: Path, rows: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    first = ["Anna", "Bo", "Carl", "Dorte", "Emil", "Freja", "Gustav", "Hanne", "Ib", "Jens"]
    last = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Sørensen", "Rasmussen", "Jørgensen"]
    lines = ["Name,Company,Title"]
    lines += [f"{rng.choice(first)} {rng.choice(last)},Firma {i},Konsulent" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _event_with_list(folder: Path, rows: int) -> Path:
    """The seed event, with an attendee list of ``rows`` generated people."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "assets", folder / "assets", dirs_exist_ok=True)
    _people_csv(folder / "people.csv", rows)
    text = SEED.read_text(encoding="utf-8").replace(
        "# attendees:\n#   file: people.csv\n", "attendees:\n  file: people.csv\n", 1
    )
    assert "attendees:\n  file: people.csv" in text
    # a personal code each: a render long enough for the signal to land in it on a loaded
    # machine, now that 10,000 badges without codes render in well under a second
    text = text.replace("  sort: as-given\n", "  sort: as-given\n  qr: vcard\n", 1)
    assert "  qr: vcard\n" in text
    event = folder / "event.yaml"
    event.write_text(text, encoding="utf-8")
    return event


@pytest.fixture(scope="module")
def big_event(tmp_path_factory) -> Path:
    return _event_with_list(tmp_path_factory.mktemp("big"), PEOPLE)


def _old_output(folder: Path, seed_out: Path) -> dict[str, bytes]:
    """An output folder holding a good earlier build; returns its files' bytes."""
    shutil.copytree(seed_out, folder)
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _start(event: Path, out: Path) -> tuple[subprocess.Popen, int]:
    """``printkit build`` in a subprocess, its stderr a terminal (so it draws progress)."""
    try:
        main, terminal = pty.openpty()
    except OSError:
        pytest.skip("no pseudo-terminal here")
    # Ctrl-C reaches a build in the foreground. A shell starts a background job (a script's
    # `pytest &`) with SIGINT ignored, which a child inherits and Python keeps; a signal
    # handled here is reset to the default in the child, so it starts as in the foreground.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "printkit", "build", str(event), "-o", str(out)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=terminal,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    os.close(terminal)
    return process, main


def _read(main: int, timeout: float) -> bytes:
    ready, _, _ = select.select([main], [], [], timeout)
    if not ready:
        return b""
    try:
        return os.read(main, 4096)
    except OSError:  # the other end closed: the process is gone
        return b""


def _wait_for_rendering(process: subprocess.Popen, main: int, timeout: float = 120.0) -> None:
    """Return once the badge run's progress bar is on the terminal: rendering has begun."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen += _read(main, 0.05)
        if b"badges.pdf" in seen:
            return
        if process.poll() is not None:
            pytest.fail(f"the build ended before rendering was seen: {seen!r}")
    process.kill()
    pytest.fail(f"no sign of rendering within {timeout} s: {seen!r}")


def _finish(process: subprocess.Popen, main: int) -> tuple[str, bytes]:
    """Wait for the process; what it wrote on the terminal after the signal, and on stdout."""
    printed, _ = process.communicate(timeout=60)
    said = b""
    while chunk := _read(main, 0.2):
        said += chunk
    os.close(main)
    return said.decode("utf-8", "replace"), printed


def _assert_untouched(out: Path, before: dict[str, bytes]) -> None:
    after = {p.name: p.read_bytes() for p in out.iterdir()}  # dot-files included
    assert after == before


def test_sigkill_mid_render_leaves_the_old_files(big_event, seed_out, tmp_path):
    out = tmp_path / "out"
    before = _old_output(out, seed_out)
    process, main = _start(big_event, out)
    _wait_for_rendering(process, main)
    process.send_signal(signal.SIGKILL)
    _finish(process, main)
    assert process.returncode == -signal.SIGKILL
    _assert_untouched(out, before)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_mid_render_says_so_and_leaves_the_old_files(
    big_event, seed_out, tmp_path, signum
):
    out = tmp_path / "out"
    before = _old_output(out, seed_out)
    process, main = _start(big_event, out)
    _wait_for_rendering(process, main)
    process.send_signal(signum)
    said, printed = _finish(process, main)
    assert process.returncode == 128 + signum
    name = signal.Signals(signum).name
    assert said.splitlines()[-1] == f"interrupted ({name}); earlier files are untouched"
    assert "Traceback" not in said
    assert printed == b""  # no path printed: nothing was written
    _assert_untouched(out, before)
    assert "\x1b[?25h" in said  # the progress bar gave the cursor back


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path):
    """A temporary file nobody holds (its build was killed) goes; one a living build still
    writes (locked) stays."""
    fcntl = pytest.importorskip("fcntl")
    out = tmp_path / "out"
    out.mkdir()
    abandoned = out / ".badges.pdf.k1ll3d_x.tmp"
    abandoned.write_bytes(b"%PDF-1.4 half a file")
    busy = out / ".badges.pdf.w0rk1ng_.tmp"
    busy.write_bytes(b"%PDF-1.4 being written")
    other = out / ".notes.txt.k1ll3d_x.tmp"  # not a name this build writes: not its business
    other.write_bytes(b"")
    with busy.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        result = run("badges", SEED, "-o", out)
        assert result.exit_code == 0, result.output
    assert not abandoned.exists()
    assert busy.exists() and other.exists()
    assert sorted(leftovers(out / "badges.pdf")) == [busy]
    assert PdfReader(out / "badges.pdf").get_num_pages() == 1


def test_two_builds_into_one_folder_each_leave_complete_files(tmp_path):
    """Two real builds started together into one folder: every file is one build's own."""
    small = _event_with_list(tmp_path / "small", 10)  # 16 badges: 2 pages
    large = _event_with_list(tmp_path / "large", 300)  # 306 badges: 31 pages
    reference = {}
    for event in (small, large):
        ref = event.parent / "ref"
        assert run("build", event, "-o", ref).exit_code == 0
        reference[event] = {name: (ref / name).read_bytes() for name in PRODUCTS}
    for _ in range(2):
        out = tmp_path / "shared"
        shutil.rmtree(out, ignore_errors=True)
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "printkit", "build", str(event), "-o", str(out)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for event in (small, large)
        ]
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
        assert sorted(p.name for p in out.iterdir()) == sorted((*PRODUCTS, "programme.ics"))
        for name in PRODUCTS:
            data = (out / name).read_bytes()
            owner = next((e for e in reference if reference[e][name] == data), None)
            assert owner is not None, f"{name} is neither build's file"
            expected_pages = PdfReader(owner.parent / "ref" / name).get_num_pages()
            assert PdfReader(out / name).get_num_pages() == expected_pages


def test_many_writers_into_one_folder_never_mix_or_leave_files(tmp_path):
    """write_all from 8 threads at once, 30 times each, while each clears leftovers:
    every file read afterwards is one writer's complete bytes, and no temporary file stays."""
    out = tmp_path / "out"
    payloads = [{name: bytes([i]) * (50_000 + i) for name in ("a.pdf", "b.pdf")} for i in range(8)]
    failures: list[BaseException] = []

    def writer(i: int) -> None:
        try:
            for _ in range(30):
                write_all({out / name: data for name, data in payloads[i].items()})
        except BaseException as exc:  # collected, asserted below
            failures.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "b.pdf"]
    for name in ("a.pdf", "b.pdf"):
        assert (out / name).read_bytes() in [p[name] for p in payloads]


class _Terminal(io.StringIO):
    """stderr on a terminal, where a signal lands just as the progress bar is first drawn
    (the moment the subprocess tests above send theirs: on a loaded machine the build can be
    stopped right after that write, before its next line runs)."""

    pending = True

    def isatty(self) -> bool:
        return True

    def flush(self) -> None:
        if self.pending and "badges.pdf" in self.getvalue():
            self.pending = False
            raise KeyboardInterrupt


def test_an_interrupt_as_the_bar_appears_still_gives_the_cursor_back(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)

    def action() -> Report:
        progress_bar("badges.pdf", 10)(1)
        return Report([])

    with pytest.raises(SystemExit) as exited:
        _run(click.Context(cli), action)
    assert exited.value.code == 128 + signal.SIGINT
    said = terminal.getvalue()
    assert "badges.pdf" in said and "\x1b[?25l" in said  # the bar drawn, the cursor hidden
    assert said.endswith("\x1b[?25h\ninterrupted (SIGINT); earlier files are untouched\n")


def test_a_sigterm_that_reportlab_passes_on_still_ends_as_sigterm(capsys):
    """SIGTERM landing while ReportLab reads the logo: its ImageReader passes the exception on
    as ``Terminated("identity=[ImageReader …] 15")`` (found under load: exit 1, a traceback)."""

    def action() -> Report:
        try:
            _terminate(signal.SIGTERM, None)
        except Terminated:
            annotateException("\nidentity=[ImageReader@0x7f filename='assets/logo.png']")
        return Report([])

    with pytest.raises(SystemExit) as exited:
        _run(click.Context(cli), action)
    assert exited.value.code == 128 + signal.SIGTERM
    assert capsys.readouterr().err == "interrupted (SIGTERM); earlier files are untouched\n"
