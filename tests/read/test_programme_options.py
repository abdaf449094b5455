"""``programme:`` and ``sign.paper`` in event.yaml: read into the model, or refused with one
located line that says what to write instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from printkit.model.programme import Part
from printkit.read.event import load_event
from tests.conftest import run
from tests.products.programme_events import conference, write


def _event(tmp_path: Path, **top) -> Path:
    data = conference(rooms=2, slots=1)
    data.update(top)
    return write(tmp_path, data)


def test_the_options_are_read(tmp_path):
    event = load_event(
        _event(
            tmp_path,
            programme={"parts": ["slots", "index"], "paper": "letter", "booklet": True},
            sign={"paper": "Letter"},
        )
    )
    assert event.programme.parts == (Part.SLOTS, Part.INDEX)
    assert event.programme.paper == "Letter"  # as the catalogue spells it
    assert event.programme.booklet
    assert event.sign_paper == "Letter"


@pytest.mark.parametrize(
    ("top", "message"),
    [
        (
            {"programme": {"parts": ["grid", "slot"]}},
            "programme.parts[2]: 'slot' is not one of grid, slots, index, list, venues; did you mean 'slots'?",
        ),
        ({"programme": {"parts": ["grid", "grid"]}}, "programme.parts[2]: grid is named twice"),
        ({"programme": {"parts": []}}, "programme.parts: is an empty list; name at least one part"),
        (
            {"programme": {"paper": "B5"}},
            "programme.paper: 'B5' is not one of A4, A5, Letter, Half-Letter, A3, Tabloid",
        ),
        ({"programme": {"booklet": "yes"}}, "programme.booklet: must be true or false"),
        ({"programme": {"colour": "red"}}, "programme.colour: unknown key in programme"),
        ({"sign": {"kind": "tent", "paper": "A3"}}, "sign.paper: 'A3' is not one of A4, Letter"),
    ],
)
def test_a_bad_option_is_one_located_line(tmp_path, top, message):
    result = run("build", _event(tmp_path, **top), "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"error: {tmp_path / 'event.yaml'}:")
    assert message in result.output, result.output
    assert not (tmp_path / "out").exists()
