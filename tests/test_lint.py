"""The code stays as STYLE.md asks: ruff clean and formatted (configuration in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PATHS = ["printkit", "tests", "benchmarks", "docs", "assets"]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, *PATHS], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_finds_nothing():
    result = _ruff("check", "--no-cache")
    assert result.returncode == 0, result.stdout


def test_code_is_formatted():
    result = _ruff("format", "--check", "--no-cache")
    assert result.returncode == 0, result.stdout
