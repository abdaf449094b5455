from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

try:
    import fcntl
except ImportError:  # POSIX only: on Windows each worker builds its own
    fcntl = None

from printkit.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "event.yaml"


def run(*args: str):
    """Invoke the CLI as a user would; returns click's Result."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def seed_out(tmp_path_factory) -> Path:
    """The seed event built once with the real command."""
    out = tmp_path_factory.mktemp("seed")
    result = run("build", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    output: str  # stdout and stderr, as the user saw them


@dataclass(frozen=True)
class CheckedBuild:
    """A build run with ``--check``: its folder and each command's outcome."""

    folder: Path
    results: tuple[Outcome, ...]

    @property
    def output(self) -> str:
        return "".join(result.output for result in self.results)


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], list[Result]]) -> CheckedBuild:
    """``make(folder)``'s commands run once in a test run, however many workers it has.

    A session fixture is per process, and pytest-xdist runs one per core. So the first worker
    to ask runs the commands in a folder all workers of this run share (under the run's base
    temporary folder), holding a lock; the others wait for it and read what it wrote.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if worker is None or fcntl is None:  # one process (or no flock): nobody to share with
        folder = tmp_path_factory.mktemp(name)
        return CheckedBuild(folder, tuple(Outcome(r.exit_code, r.output) for r in make(folder)))
    root = tmp_path_factory.getbasetemp().parent  # this run's: pytest-N, above popen-gwK
    folder, done = root / name, root / f"{name}.json"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            folder.mkdir(exist_ok=True)
            outcomes = [[r.exit_code, r.output] for r in make(folder)]
            done.write_text(json.dumps(outcomes), encoding="utf-8")
        outcomes = json.loads(done.read_text(encoding="utf-8"))
    return CheckedBuild(folder, tuple(Outcome(code, output) for code, output in outcomes))


@pytest.fixture(scope="session")
def press_kit(tmp_path_factory) -> CheckedBuild:
    """The seed kit built in press mode with ``--check`` (programme, badges, tent), and its
    poster, built and given to ``printkit check``: one press build and one preflight (at
    1,200 dpi, the slowest work in the suite) for every test that reads them."""

    def make(out: Path) -> list[Result]:
        return [
            run("build", SEED, "-o", out, "--press", "--check"),
            run("tent", SEED, "-o", out, "--press", "--sign", "poster"),
            run("check", out / "poster.pdf"),
        ]

    return once_per_run(tmp_path_factory, "press-kit", make)


@pytest.fixture(scope="session")
def office_kit(tmp_path_factory) -> CheckedBuild:
    """The seed kit in office mode, built with ``--check``: one build and one preflight."""
    return once_per_run(
        tmp_path_factory, "office-kit", lambda out: [run("build", SEED, "-o", out, "--check")]
    )


@pytest.fixture
def event_dir(tmp_path: Path) -> Path:
    """A writable copy of the seed event with its assets, to edit in a test."""
    shutil.copy(SEED, tmp_path / "event.yaml")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    return tmp_path


# Hypothesis: quick in CI; PRINTKIT_HYPOTHESIS_PROFILE=long for a thorough local run.
settings.register_profile("ci", max_examples=300, derandomize=True)  # the same cases each run
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("PRINTKIT_HYPOTHESIS_PROFILE", "ci"))
