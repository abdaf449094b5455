"""A build runs none of Python's full garbage collections (each walks every object the event
and its pages hold: a fifth of a festival's CPU time), still runs the young ones, and puts the
collector's thresholds back as they were, even when it fails."""

from __future__ import annotations

import gc

import pytest

from printkit.errors import PrintkitError
from printkit.pipeline.build import build
from tests.products.programme_events import conference, write


def _collections(during) -> dict[int, int]:
    """How many collections of each generation ran during ``during()``."""
    counted = {0: 0, 1: 0, 2: 0}

    def callback(phase: str, info: dict) -> None:
        if phase == "start":
            counted[info["generation"]] += 1

    gc.callbacks.append(callback)
    try:
        during()
    finally:
        gc.callbacks.remove(callback)
    return counted


def test_a_build_runs_no_full_collection_and_puts_the_thresholds_back(tmp_path):
    event = write(tmp_path, conference(rooms=4, slots=6))
    before = gc.get_threshold()
    counted = _collections(lambda: build(event, tmp_path / "out"))
    assert counted[2] == 0, counted
    assert counted[0] > 0, counted  # the young generation is still collected
    assert gc.get_threshold() == before


def test_a_failed_build_puts_the_thresholds_back(tmp_path):
    (tmp_path / "event.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    before = gc.get_threshold()
    with pytest.raises(PrintkitError):
        build(tmp_path / "event.yaml", tmp_path / "out")
    assert gc.get_threshold() == before
