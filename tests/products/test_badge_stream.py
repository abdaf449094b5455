"""Badges as a stream (issue 15): a build sets a sheet's badges, draws the sheet, and only
then sets the next sheet's, so a run of any size holds one sheet of badges; a badge that
cannot be set on a later sheet still refuses the whole run, naming everyone, and writes
nothing."""

from __future__ import annotations

from pathlib import Path

from printkit.pipeline.prepare import prepare
from printkit.products.badges import run as badge_run
from printkit.read.event import DEFAULT_SHEET
from printkit.typeset.fonts import typeface
from tests.conftest import run
from tests.pdfread import flat, page_count, text
from tests.products.test_badges import _event_with

PER_SHEET = DEFAULT_SHEET.per_sheet
TOO_LONG = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessenschafewarenwohlgepflegtundsorgfaltigkeitbeschutzen"


def _people(count: int) -> list[dict]:
    return [{"name": f"Person Number{i:03d}", "title": "Direktør"} for i in range(count)]


def test_a_sheet_comes_before_the_next_sheets_badges_are_set(event_dir, monkeypatch):
    event_file = _event_with(event_dir, _people(4 * PER_SHEET))
    event = prepare(event_file, ("badges",)).event
    count = len(event.badged)
    set_ = []
    badge = badge_run.badge
    monkeypatch.setattr(badge_run, "badge", lambda *a, **k: set_.append(1) or badge(*a, **k))
    stream = badge_run.badge_stream(event, typeface(event.fonts))
    first = next(stream.pages)
    assert len(first.pieces) == PER_SHEET
    assert len(set_) <= PER_SHEET + 1  # the first sheet's badges (and the next one's first)
    rest = list(stream.pages)
    assert len(set_) == count
    assert 1 + len(rest) == stream.document.count == -(-count // PER_SHEET)


def test_a_badge_that_cannot_be_set_on_a_later_sheet_refuses_the_run_and_names_all(event_dir):
    people = _people(3 * PER_SHEET)
    people[2]["name"] = TOO_LONG  # on the first sheet
    people[-1]["name"] = TOO_LONG + "x"  # on the last: the first sheets are drawn by then
    event = _event_with(event_dir, people)
    out = event_dir / "out"
    out.mkdir()
    (out / "badges.pdf").write_bytes(b"the earlier run's")
    result = run("badges", event, "-o", out)
    assert result.exit_code == 3, result.output
    assert f"panelists[3].name: badges: the name {TOO_LONG!r} does not fit" in result.output
    assert f"panelists[{len(people)}].name: badges: the name {TOO_LONG + 'x'!r}" in result.output
    assert (out / "badges.pdf").read_bytes() == b"the earlier run's"
    assert [p.name for p in out.iterdir()] == ["badges.pdf"]  # no temporary file left


def test_a_streamed_run_says_how_many_badges_on_how_many_pages(event_dir):
    people = _people(3 * PER_SHEET + 1)
    event = _event_with(event_dir, people)
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf: Path = event_dir / "out" / "badges.pdf"
    sheets = -(-(len(people) + 1) // PER_SHEET)  # the moderator's too
    assert page_count(pdf) == sheets
    assert f"badges: {len(people) + 1} badges on {sheets} pages" in result.output
    body = flat(text(pdf))
    assert all(p["name"] in body for p in people)
