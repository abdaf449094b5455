"""Errors of the command line itself: one line, the README's exit codes (issue 13)."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time

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
    ],
)
def test_usage_errors_are_one_line(args, expected):
    result = run(*args)
    assert (result.exit_code, result.output) == (2, expected + "\n")


def test_ctrl_c_while_the_libraries_load_prints_no_traceback():
    """SIGINT at several moments of the first second (the imports), through the real entry
    point: one line and exit 130, or, before Python's own handler is set, death by the signal."""
    for delay in (0.05, 0.15, 0.3, 0.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "printkit", "--version"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
        frames = re.findall(rb'File "([^"]+)"', err)
        entry = (b"printkit/__init__.py", b"printkit/__main__.py", b"printkit/entry.py")
        if b"init_import_site" in err or not [
            f
            for f in frames
            if (b"printkit" in f or b"site-packages" in f) and not f.endswith(entry)
        ]:
            continue  # in Python's start (site, runpy) or the entry's own two lines: no library yet
        assert b"Traceback" not in err, err.decode()
        if process.returncode == 130:
            assert err == b"interrupted (SIGINT); earlier files are untouched\n"
        else:
            assert process.returncode in (0, -signal.SIGINT), (process.returncode, err)


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

    monkeypatch.setattr(pipeline, "render", exhausted)
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
