"""The benchmark runs: ``benchmarks/compare.py --quick`` prints every figure and every target
of issue 15, and a run on one core writes the same bytes as a run on all of them."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

TARGETS = (
    "no QR: printkit ÷ bare floor",
    "no QR: printkit ÷ pretix-style peer",
    "a QR each: printkit ÷ bare floor without QR",
    "seed kit, cold: printkit ÷ import floor",
    "with codes: time ÷",
    "with codes: peak RSS",
    "one core and two, same bytes",
)


def test_quick_benchmark_prints_every_target_and_one_core_matches_two():
    done = subprocess.run(
        [sys.executable, "benchmarks/compare.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: a target missed (machine-dependent)
    lines = done.stdout.splitlines()
    for target in TARGETS:
        assert sum(target in line for line in lines) == 1, (target, done.stdout)
    cores = next(line for line in lines if "one core and two" in line)
    assert "| identical | identical | yes |" in cores, done.stdout
    assert "bare ReportLab floor, 1,100 badges, no QR" in done.stdout
