"""A small build's calendar and stamp pass in a second process (issue 15's cold start): the
build's own process loads neither icalendar nor pikepdf, the files are the bytes one core
makes, and a helper that dies leaves its work to the build, which makes the same files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from printkit.pipeline import helper
from tests.conftest import ROOT, SEED, run

TWO_CORES = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2 if hasattr(os, "sched_getaffinity") else True,
    reason="one core: no helper",
)

BUILD = """
import json, os, sys
if sys.argv[2] == "one":
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from printkit.cli import main
sys.argv = ["printkit", "build", %r, "-o", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(json.dumps([m for m in ("pikepdf", "icalendar") if m in sys.modules]))
"""


def _build(out: Path, cores: str) -> tuple[list[str], dict[str, str]]:
    done = subprocess.run(
        [sys.executable, "-c", BUILD % str(SEED), str(out), cores],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return loaded, _sums(out)


def _sums(out: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


@TWO_CORES
def test_two_cores_make_the_seed_without_loading_pikepdf_or_icalendar_and_the_same_bytes(
    tmp_path,
):
    loaded, two = _build(tmp_path / "two", "two")
    assert loaded == []  # the helper loaded them
    loaded, one = _build(tmp_path / "one", "one")
    assert loaded == ["pikepdf", "icalendar"]  # one core: no helper, this process stamps
    assert two == one
    assert set(two) == {"programme.pdf", "programme.ics", "badges.pdf", "tent.pdf"}


@TWO_CORES
def test_a_helper_that_dies_leaves_its_work_to_the_build(tmp_path, monkeypatch, seed_out):
    def dies(*args) -> None:
        os._exit(1)

    monkeypatch.setattr(helper, "_serve", dies)
    result = run("build", SEED, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert _sums(tmp_path) == _sums(seed_out)


@TWO_CORES
def test_a_helper_whose_stamp_fails_leaves_the_rest_to_the_build(tmp_path, monkeypatch, seed_out):
    """The calendar came, then the first stamp failed there: the build stamps every file."""
    serve = helper._serve

    def failing(*args) -> None:
        import printkit.output.stamp as stamp

        def fails(*args, **kwargs) -> None:
            raise RuntimeError("the helper's stamp")

        stamp.stamp_into = fails  # in the helper (a fork) only: the build keeps its own
        serve(*args)

    monkeypatch.setattr(helper, "_serve", failing)
    result = run("build", SEED, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    assert _sums(tmp_path) == _sums(seed_out)
