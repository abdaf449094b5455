"""Ctrl-C from printkit's first line on, at moments chosen exactly, not by sleeping: one line
and exit 130, as a Ctrl-C later in a build ends (issue 13, second attack).

The child is the installed console script itself. A ``sitecustomize`` on its path (loaded
by Python's ``site`` before the script) sends the child SIGINT from inside it at one moment:
when a module is about to be imported, or when a function is called. A signal a process
sends itself is delivered before ``kill`` returns, so each run interrupts the same place.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("printkit")
MESSAGE = b"interrupted (SIGINT); earlier files are untouched\n"
HOOK = """\
import os, sys

KIND, _, NAME = os.environ["SIGINT_AT"].partition(":")


def interrupt():
    os.kill(os.getpid(), 2)


class Finder:
    def find_spec(self, name, path=None, target=None):
        if name == NAME:
            sys.meta_path.remove(self)
            interrupt()
        return None


def profile(frame, event, arg):
    code = frame.f_code
    if event == "call" and f"{os.path.basename(code.co_filename)}:{code.co_name}" == NAME:
        sys.setprofile(None)
        interrupt()


if KIND == "import":
    sys.meta_path.insert(0, Finder())
else:
    sys.setprofile(profile)
"""

MOMENTS = [
    "call:__init__.py:sub",  # the console script's next line: re.sub on its argv[0]
    "call:entry.py:main",  # main's first line
    "import:printkit.cli",  # the libraries begin to load
    "import:click",
    "import:babel",
    "import:yaml",
    "import:_rl_accel",  # a C extension's initialisation (pikepdf's no longer loads at the start)
    "import:PIL._imaging",
    "import:uharfbuzz._harfbuzz",
    "import:reportlab.pdfgen.canvas",
    "import:printkit.cli.report",
    "call:core.py:main",  # click's own main: the libraries are loaded
    "call:core.py:format_help",  # the command at work (click starts a new line after ^C)
]


def _hearing_sigint() -> None:
    """SIGINT at its default in the child, as in a terminal (a test run started with ``&``
    inherits it ignored, and Python keeps it so)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(not SCRIPT.exists(), reason="printkit's console script is not installed")
@pytest.mark.parametrize("moment", MOMENTS)
def test_ctrl_c_at_any_moment_from_the_first_line_is_one_line_and_exit_130(tmp_path, moment):
    (tmp_path / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(tmp_path), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "SIGINT_AT": moment}
    done = subprocess.run(
        [str(SCRIPT), "--help"],
        capture_output=True,
        timeout=120,
        env=env,
        preexec_fn=_hearing_sigint,
    )
    said = b"\n" + MESSAGE if moment == "call:core.py:format_help" else MESSAGE
    assert (done.returncode, done.stderr, done.stdout) == (130, said, b""), moment
