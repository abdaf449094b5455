from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

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


@pytest.fixture
def event_dir(tmp_path: Path) -> Path:
    """A writable copy of the seed event with its assets, to edit in a test."""
    shutil.copy(SEED, tmp_path / "event.yaml")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    return tmp_path


# Hypothesis: quick in CI; PRINTKIT_HYPOTHESIS_PROFILE=long for a thorough local run.
settings.register_profile("ci", max_examples=300)
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("PRINTKIT_HYPOTHESIS_PROFILE", "ci"))
