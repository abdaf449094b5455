"""A festival's kit on two cores (``pipeline.share``): the signs made in a second process give
the bytes one core gives, the same error when a sign cannot be set, and the same files when
the second process dies before it delivers them.

Each build runs the real command in a fresh process (a fork beside pytest's own threads is
refused, so in-process builds here would never share), pinned to one CPU or not, and reports
the CPU time of its children: the second process's, zero when the build kept to one."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from printkit.pipeline.share import SHARE_FROM
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="two CPUs, and a way to pin a process to one",
)

#: The command, with the CPU time of its children said last; ``crash``: the second process
#: ends abruptly once it has laid out its files and drawn them, before it sends them.
SCRIPT = """
import atexit, os, resource, sys

def said():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    sys.stderr.write(f"\\nchildren's CPU: {usage.ru_utime + usage.ru_stime:.3f}\\n")

atexit.register(said)
if sys.argv[1] == "crash":
    import printkit.pipeline.share as share

    started = share.Away.__init__

    def away(self, stems, work):
        def dying(stems, send):
            work(stems, lambda message: send(message) if message[0] == "laid" else os._exit(9))

        started(self, stems, dying)

    share.Away.__init__ = away
sys.argv = ["printkit", *sys.argv[2:]]
from printkit.entry import main

main()
"""


def _festival(folder: Path, sessions: int, long_title: int | None = None) -> Path:
    """The benchmark's generated festival of ``sessions``; ``long_title``: that session's
    title too long for a tent's three lines (and not for the programme)."""
    spec = importlib.util.spec_from_file_location("festival", ROOT / "benchmarks" / "festival.py")
    festival = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(festival)
    data = festival.festival(sessions, 10)
    if long_title is not None:
        data["sessions"][long_title]["title"] = " ".join(["Velfærdsstatens fremtid"] * 10)
    folder.mkdir(parents=True, exist_ok=True)
    event = folder / "event.yaml"
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return event


def _build(event: Path, out: Path, one_core: bool = False, crash: bool = False):
    """(exit code, what the user saw, the second process's CPU seconds, sha256 by file)."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            SCRIPT,
            "crash" if crash else "-",
            "build",
            str(event),
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=(lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
        if one_core
        else None,
    )
    said, _, children = done.stderr.rstrip().rpartition("\nchildren's CPU: ")
    sums = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.glob("*"))}
    output = (done.stdout + said).replace(str(out), "OUT")
    return done.returncode, output, float(children), sums


@pytest.fixture(scope="module")
def festival(tmp_path_factory) -> Path:
    return _festival(tmp_path_factory.mktemp("festival"), SHARE_FROM)


@pytest.fixture(scope="module")
def one_core(festival, tmp_path_factory):
    return _build(festival, tmp_path_factory.mktemp("one") / "out", one_core=True)


def test_two_cores_make_the_bytes_one_core_makes(festival, one_core, tmp_path):
    code, output, second, sums = _build(festival, tmp_path / "out")
    assert one_core[0] == 0 and one_core[2] == 0.0, one_core  # one process
    assert code == 0 and second > 0, output  # the signs made in a second process
    assert set(sums) == {"programme.pdf", "programme.ics", "badges.pdf", "tents.pdf", "posters.pdf"}
    assert sums == one_core[3]
    assert output == one_core[1]  # the same notes and warnings, in the same order


def test_a_second_process_that_dies_leaves_its_files_to_the_first(festival, one_core, tmp_path):
    code, output, second, sums = _build(festival, tmp_path / "out", crash=True)
    assert code == 0 and second > 0, output
    assert sums == one_core[3]
    assert output == one_core[1]


def test_a_sign_that_cannot_be_set_is_the_error_one_core_gives(tmp_path):
    event = _festival(tmp_path / "in", SHARE_FROM, long_title=150)
    old = tmp_path / "out"
    old.mkdir()
    (old / "tents.pdf").write_bytes(b"an earlier build's")
    one = _build(event, old, one_core=True)
    two = _build(event, old)
    assert one[0] == two[0] == 3, two
    assert "sessions[151].title: tent: the title does not fit the tent" in two[1], two[1]
    assert two[1] == one[1]
    assert two[2] > 0  # the second process met it, and this one raised it
    assert (old / "tents.pdf").read_bytes() == b"an earlier build's"  # nothing written
    assert sorted(p.name for p in old.iterdir()) == ["tents.pdf"]


#: The build, with its second process stopping itself (SIGSTOP) before it does any work: the
#: build cannot end before the test has interrupted it, however loaded the machine.
STOPPING = """
import os, signal, sys
import printkit.pipeline.share as share

started = share.Away.__init__

def away(self, stems, work):
    def stopping(stems, send):
        os.kill(os.getpid(), signal.SIGSTOP)  # the test resumes it
        work(stems, send)

    started(self, stems, stopping)

share.Away.__init__ = away
sys.argv = ["printkit", *sys.argv[1:]]
from printkit.entry import main

main()
"""


def _status(pid: str, field: str) -> str:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return line.split(":", 1)[1].strip()
    return ""


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_ends_both_processes_and_writes_nothing(festival, tmp_path, signum):
    """Ctrl-C (which the second process ignores) or SIGTERM to the build, while the second
    process works: the build says it was interrupted, and the second process is gone too.
    The second process holds still (stopped) until the build has been interrupted and has
    told it to end, so the order is the same on any machine under any load."""
    out = tmp_path / "out"
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as in the foreground
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", STOPPING, "build", str(festival), "-o", str(out)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    found: list[str] = []

    def second_stopped() -> bool:
        assert process.poll() is None, process.communicate()
        if not found:
            found.extend(children.read_text().split())
        return bool(found) and _status(found[0], "State").startswith("T")

    _until(second_stopped, "the second process never started")
    (second,) = found
    process.send_signal(signum)
    term = 1 << (signal.SIGTERM - 1)  # the build's stop for it, waiting while it is stopped
    _until(lambda: int(_status(second, "ShdPnd") or "0", 16) & term, "the build never stopped it")
    os.kill(int(second), signal.SIGCONT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 128 + signum, err
    assert err == f"interrupted ({signum.name}); earlier files are untouched\n"
    assert not out.exists()
    assert not Path(f"/proc/{second}").exists()  # ended, and waited for by the build


RACE = """
import os, signal, sys, time
from printkit.pipeline.share import Away

def handler(signum, frame):
    sys.stderr.write(f"the build's handler ran in {os.getpid()}\\n")
    os._exit(1)

signal.signal(signal.SIGTERM, handler)
for _ in range(20):
    Away(("tents",), lambda stems, send: time.sleep(5)).stop()
print("stopped")
"""


def test_a_second_process_stopped_as_it_starts_never_runs_the_builds_handler():
    """The build stopping its second process just after the fork (a Ctrl-C then): the signal
    waits until the second process has its own handlers, so it ends quietly instead of
    printing the build's "interrupted" line a second time (1 in a few runs under load)."""
    result = subprocess.run(
        [sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "stopped\n", "")


HELD = """
import multiprocessing, os, signal, sys, time
import printkit.pipeline.share as share

def handler(signum, frame):
    raise KeyboardInterrupt

signal.signal(signal.SIGTERM, handler)
Forked = multiprocessing.get_context("fork").Process
start = Forked.start

def start_and_be_stopped(self):  # the stop signal arrives while the fork is under way
    start(self)
    os.kill(os.getpid(), signal.SIGTERM)

Forked.start = start_and_be_stopped
try:
    share.Away(("tents",), lambda stems, send: time.sleep(60))
except KeyboardInterrupt:
    print("stopped", [p.pid for p in multiprocessing.active_children()])
"""


def test_a_stop_signal_during_the_fork_ends_the_second_process_too():
    """A Ctrl-C that lands while the second process is being started is taken once it has
    started, and it is stopped with this one: it was left working, and the build, on its way
    out, waited for it (multiprocessing joins its children), a minute or for good."""
    result = subprocess.run(
        [sys.executable, "-c", HELD], capture_output=True, text=True, timeout=30
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "stopped []\n", "")
