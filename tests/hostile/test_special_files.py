"""Files that are not regular files (a named pipe, a socket, a device such as /dev/zero, a
folder), given as the event file or to ``printkit check``, or named by event.yaml as any
input: each refused at once, at the file and the line naming it, never waited on or read
without end (a FIFO hung the build, attack F17)."""

from __future__ import annotations

import os
import signal
import socket

import pytest

from tests.conftest import run
from tests.hostile.test_corpus import MINIMAL, SCHEDULE_EVENT

KINDS = {
    "fifo": "a named pipe (FIFO)",
    "socket": "a socket",
    "zero": "a device",
}


@pytest.fixture(autouse=True)
def no_hang():
    """A test that would hang fails after 30 s instead."""

    def hung(signum, frame):  # noqa: ARG001
        raise TimeoutError("printkit waited on a file that is not a regular file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _make(path, kind: str):
    """``path`` made a FIFO or a socket; /dev/zero for "zero" (returned)."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    else:
        return "/dev/zero"
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_the_event_file_is_refused(tmp_path, kind):
    event = _make(tmp_path / "event.yaml", kind)
    for command in ("build", "review"):
        result = (
            run(command, event, "-o", tmp_path / "out")
            if command == "build"
            else run(command, event)
        )
        assert (result.exit_code, result.output) == (
            2,
            f"error: {event}: is {KINDS[kind]}, not a regular file; give the path of an"
            " event.yaml file\n",
        )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", [*KINDS, "folder"])
def test_a_pdf_to_check_is_refused(tmp_path, kind):
    if kind == "folder":
        pdf, what = tmp_path, "a folder"
    else:
        pdf, what = _make(tmp_path / "x.pdf", kind), KINDS[kind]
    result = run("check", pdf)
    assert (result.exit_code, result.output) == (2, f"error: {pdf}: is {what}, not a PDF file\n")


NAMED = {
    # role: (what event.yaml says, its line and column, the field, how the message names it)
    "logo": ("organiser:\n  name: O\n  logo: {}\n", "11:9", "organiser.logo", "logo file"),
    "attendees": ("attendees:\n  file: {}\n", "10:9", "attendees.file", "attendee list"),
    "font": ("fonts:\n  regular: {}\n", "10:12", "fonts.regular", "font file"),
    "profile": (
        "press:\n  pdfx:\n    profile: {}\n    condition: FOGRA39\n",
        "11:14",
        "press.pdfx.profile",
        "ICC profile file",
    ),
    "glabels": (
        'badges:\n  sheet: {{glabels: {}, name: "A B"}}\n',
        "10:20",
        "badges.sheet.glabels",
        "glabels template",
    ),
}
SUFFIX = {"logo": ".png", "attendees": ".csv", "font": ".ttf", "profile": ".icc", "glabels": ".xml"}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("role", NAMED)
def test_a_named_file_is_refused_at_its_line(tmp_path, role, kind):
    text, place, field, what = NAMED[role]
    if kind == "zero":  # named by an absolute path, as the suffix is checked first
        name = str(tmp_path / f"zero{SUFFIX[role]}")
        os.symlink("/dev/zero", name)
    else:
        name = f"named{SUFFIX[role]}"
        _make(tmp_path / name, kind)
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL + text.format(name), encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        2,
        f"error: {event}:{place}: {field}: {what} {name!r} is {KINDS[kind]}, not a regular"
        " file; name a file\n",
    )


@pytest.mark.parametrize("kind", KINDS)
def test_a_schedule_file_is_refused_at_its_line(tmp_path, kind):
    if kind == "zero":
        name = str(tmp_path / "zero.xml")
        os.symlink("/dev/zero", name)
    else:
        name = "named.xml"
        _make(tmp_path / name, kind)
    event = tmp_path / "event.yaml"
    event.write_text(SCHEDULE_EVENT + f"schedule: {name}\n", encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert (result.exit_code, result.output) == (
        2,
        f"error: {event}:5:11: schedule: schedule file {name!r} is {KINDS[kind]}, not a"
        " regular file; name a file\n",
    )
