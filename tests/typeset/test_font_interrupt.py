"""A stop signal while ReportLab parses a font is not lost (typeset/fonts.py, errors.stops_held).

ReportLab reads a font's name table with a bare ``except:`` (``TTFNameBytes``: a name that
will not decode as UTF-16 is read as Latin-1), and decoding UTF-16 for the first time imports
its codec: a SIGTERM landing there was swallowed, the build ran on, and on a festival it then
waited forever for its second process, which the test had stopped (the interrupt test in
``tests/pipeline/test_share.py`` hung about 1 run in 12). Here the signal is made to land
inside that ``except`` every time, in a process of one thread as the command line is."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

INTERRUPTED_WHILE_REGISTERING = """
import os, signal
from reportlab.pdfbase import ttfonts
from printkit.cli import _terminate
from printkit.typeset import fonts

signal.signal(signal.SIGTERM, _terminate)
named = ttfonts.TTFNameBytes
sent = []

class Swallowing(named):  # as ReportLab's own: a bare except around the decoding
    def __new__(cls, b, enc="utf8"):
        try:
            if not sent:
                sent.append(1)
                os.kill(os.getpid(), signal.SIGTERM)
        except:  # noqa: E722
            pass
        return named.__new__(cls, b, enc)

ttfonts.TTFNameBytes = Swallowing
try:
    fonts.typeface().name("bold")
except KeyboardInterrupt:
    print("interrupted")
else:
    print("lost")
"""


def test_a_sigterm_while_a_font_is_parsed_is_not_lost():
    if not hasattr(signal, "pthread_sigmask"):
        pytest.skip("no signal masks on this system")
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_WHILE_REGISTERING],
        capture_output=True,
        timeout=60,
    )
    assert result.stdout == b"interrupted\n", result.stderr.decode()
