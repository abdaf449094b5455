"""Errors of the command line itself: one line, the README's exit codes (issue 13)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys

import pytest

from tests.conftest import SEED, run


def test_an_output_folder_that_is_a_file_is_one_line_and_exit_4(tmp_path):
    target = tmp_path / "out"
    target.write_text("not a folder", encoding="utf-8")
    result = run("build", SEED, "-o", target)
    assert (result.exit_code, result.output) == (
        4,
        f"error: {target}: is a file, not a folder; give -o the folder the PDFs are written into\n",
    )
    assert target.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(
    "args, expected",
    [
        (
            ("programme", "--check"),
            "error: No such option '--check'. Did you mean '--help'? (see 'printkit programme --help')",
        ),
        (("nosuch",), "error: No such command 'nosuch'. (see 'printkit --help')"),
        (
            ("build", "--bleed", "99"),
            "error: Invalid value for '--bleed': 99.0 is not in the range 0<=x<=20. (see 'printkit build --help')",
        ),
        # not a number: click's range let it through, and it reached the boxes and the page
        (
            ("build", "--bleed", "nan"),
            "error: Invalid value for '--bleed': 'nan' is not a number of millimetres; give one from 0 to 20 (see 'printkit build --help')",
        ),
        (
            ("badges", "--offset-x", "-NaN"),
            "error: Invalid value for '--offset-x': '-NaN' is not a number of millimetres; give one from -20 to 20 (see 'printkit badges --help')",
        ),
        (
            ("calibrate", "Avery L7418", "--offset-y", "nan"),
            "error: Invalid value for '--offset-y': 'nan' is not a number of millimetres; give one from -20 to 20 (see 'printkit calibrate --help')",
        ),
    ],
)
def test_usage_errors_are_one_line(args, expected):
    result = run(*args)
    assert (result.exit_code, result.output) == (2, expected + "\n")


def hearing_sigint() -> None:
    """In the child before it starts: SIGINT at its default, as in a terminal. A job started
    in the background (``cmd &``) inherits SIGINT ignored, and Python keeps it ignored, so
    without this a test run from one would send signals nobody hears and pass unseen."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


INTERRUPTED_IN_AN_EXTENSION = """
import os, signal, sys, time
class Extension:  # what a C extension's initialisation does with a Ctrl-C: wraps it
    def find_spec(self, name, path=None, target=None):
        if name == "printkit.cli":
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.2)
            except KeyboardInterrupt as exc:
                raise ImportError("Encountered an error while initializing the extension.") from exc
        return None
sys.meta_path.insert(0, Extension())
sys.argv = ["printkit", "--help"]
from printkit.entry import main
main()
"""


def test_ctrl_c_inside_an_extensions_import_is_held_until_the_imports_are_done():
    """The race CI met: SIGINT while pikepdf's C extension initialised came out as an
    ImportError caused by the KeyboardInterrupt, with a traceback. Made to happen every time:
    the signal arrives inside an import that wraps a KeyboardInterrupt as that extension does."""
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_IN_AN_EXTENSION],
        capture_output=True,
        timeout=60,
        preexec_fn=hearing_sigint,
    )
    assert (result.returncode, result.stderr) == (
        130,
        b"interrupted (SIGINT); earlier files are untouched\n",
    )
    assert result.stdout == b""  # the command did not go on to run


def test_an_error_a_ctrl_c_caused_is_the_interruption_not_a_bug(tmp_path, monkeypatch, seed_out):
    """A lazy import that a Ctrl-C broke (ImportError from KeyboardInterrupt) mid-build: the
    one interrupted line and exit 130, not "a bug in printkit"; the earlier files stay."""
    from printkit.pipeline import build as pipeline

    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*_args, **_kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise ImportError("Encountered an error while initializing the extension.") from exc

    monkeypatch.setattr(pipeline, "render_into", broken)
    result = run("build", SEED, "-o", out)
    assert (result.exit_code, result.output) == (
        130,
        "interrupted (SIGINT); earlier files are untouched\n",
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_running_out_of_memory_is_a_resource_error_not_a_bug(tmp_path, monkeypatch, seed_out):
    """Any MemoryError (a reader without a bound, a machine short of memory): exit 5 and one
    line that says what ran out, never "a bug in printkit"; the earlier files stay."""
    from printkit.cli import report as cli_module  # where check_files calls check_pdf
    from printkit.pipeline import build as pipeline

    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pipeline, "render_into", exhausted)
    result = run("build", SEED, "-o", out)
    assert (result.exit_code, result.output) == (
        5,
        "error: ran out of memory while building; close other programs, or make the input"
        " smaller (a shorter attendee list, a smaller logo or font); earlier files are untouched\n",
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    monkeypatch.setattr(cli_module, "check_pdf", exhausted)
    pdf = out / "programme.pdf"
    result = run("check", pdf)
    assert result.exit_code == 5
    assert result.output.startswith(f"error: ran out of memory while checking {pdf};")


def test_too_little_memory_to_load_the_libraries_is_one_line_and_exit_5(tmp_path):
    """Address space capped at sizes from too small for the libraries to enough for a
    build: a MemoryError or a library the loader cannot map while importing is one line and
    exit 5, like running out later; never a traceback."""
    import resource

    def capped(megabytes: int):
        def limit() -> None:
            resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))

        return limit

    hit = 0
    for megabytes in (40, 60, 80, 100, 130, 160, 200):
        result = subprocess.run(
            [sys.executable, "-m", "printkit", "badges", str(SEED), "-o", str(tmp_path / "o")],
            capture_output=True,
            timeout=120,
            preexec_fn=capped(megabytes),
        )
        if b"Fatal Python error" in result.stderr:
            continue  # the interpreter itself could not start: before any of printkit
        assert b"Traceback" not in result.stderr, (megabytes, result.stderr.decode())
        assert result.returncode in (0, 5), (megabytes, result.returncode, result.stderr)
        if result.returncode == 5:
            hit += 1
            [line] = result.stderr.decode().splitlines()
            assert line.startswith("error: ran out of memory while "), line
    assert hit, "no cap was small enough to run out of memory"
