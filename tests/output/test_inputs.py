"""A command never writes over its own input (issue 13, f01): an input that is a file the
command would write, replace or remove is refused at the line naming it, and nothing is
written. Cases the corpus cannot lay out (links inside the output folder, hard links, proof,
calibrate) are here; tests/hostile/cases-output.toml has the plain ones."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run
from tests.hostile.test_corpus import MINIMAL

SCHEDULE = """\
title: Clash
language: en
timezone: Europe/Copenhagen
url: https://example.org/
schedule: {name}
"""
TAIL = "; write the output into another folder (-o), or move the file (and name it where it is)\n"


def _tree(folder: Path) -> dict[str, bytes]:
    """Every entry under ``folder``: a file's bytes, a link's target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[key] = path.read_bytes()
        else:
            found[key] = b"<folder>"
    return found


def _schedule_event(tmp_path: Path, seed_out: Path, name: str) -> Path:
    shutil.copy(seed_out / "programme.ics", tmp_path / "sched.ics")
    event = tmp_path / "event.yaml"
    event.write_text(SCHEDULE.format(name=name), encoding="utf-8")
    return event


def _refused(tmp_path: Path, args: list, message: str) -> None:
    before = _tree(tmp_path)
    result = run(*args)
    assert (result.exit_code, result.output) == (2, message)
    assert _tree(tmp_path) == before  # nothing written, nothing removed


def test_a_schedule_written_as_the_output_folder_is_refused(tmp_path, seed_out):
    """The attack as found: ``schedule: programme.ics`` and ``-o .`` replaced the schedule."""
    shutil.copy(seed_out / "programme.ics", tmp_path / "programme.ics")
    event = tmp_path / "event.yaml"
    event.write_text(SCHEDULE.format(name="programme.ics"), encoding="utf-8")
    _refused(
        tmp_path,
        ["build", event, "-o", tmp_path],
        f"error: {event}:5:11: schedule: 'programme.ics' is the same file as"
        f" {tmp_path}/programme.ics, which this command writes" + TAIL,
    )


@pytest.mark.parametrize("link", ["hard link", "symbolic link"])
def test_an_output_that_is_an_input_under_another_name_is_refused(tmp_path, seed_out, link):
    """``out/programme.ics`` a link to the schedule: the build replaced the link."""
    event = _schedule_event(tmp_path, seed_out, "sched.ics")
    (tmp_path / "out").mkdir()
    if link == "hard link":
        os.link(tmp_path / "sched.ics", tmp_path / "out" / "programme.ics")
    else:
        (tmp_path / "out" / "programme.ics").symlink_to(tmp_path / "sched.ics")
    _refused(
        tmp_path,
        ["build", event, "-o", tmp_path / "out"],
        f"error: {event}:5:11: schedule: 'sched.ics' is the same file as"
        f" {tmp_path}/out/programme.ics, which this command writes" + TAIL,
    )


def test_an_output_folder_reached_through_a_link_is_the_same_folder(tmp_path, seed_out):
    event = _schedule_event(tmp_path, seed_out, "sched.ics")
    (tmp_path / "here").symlink_to(tmp_path)
    os.rename(tmp_path / "sched.ics", tmp_path / "programme.ics")
    event.write_text(SCHEDULE.format(name="programme.ics"), encoding="utf-8")
    _refused(
        tmp_path,
        ["build", event, "-o", tmp_path / "here"],
        f"error: {event}:5:11: schedule: 'programme.ics' is the same file as"
        f" {tmp_path}/here/programme.ics, which this command writes" + TAIL,
    )


#: the event file as an output: where it is, the link made to it, the command, and what the
#: message says it is (``{out}`` the output folder)
EVENT_FILE_CASES = {
    "linked from tent.pdf": (
        "event.yaml",
        "out/tent.pdf",
        "build",
        "the same file as {out}/tent.pdf, which this command writes",
    ),
    "named like a leftover": (
        "out/.badges.pdf.abcdefgh.tmp",  # the next build removes it as a killed build's
        None,
        "build",
        "named like a temporary file of {out}/badges.pdf, which this command removes when"
        " left over",
    ),
    "linked from calibrate's file": (
        "event.yaml",
        "out/calibrate-durable-1445-02.pdf",  # the default sheet's
        "calibrate",
        "the same file as {out}/calibrate-durable-1445-02.pdf, which this command writes",
    ),
}


@pytest.mark.parametrize("case", EVENT_FILE_CASES, ids=list(EVENT_FILE_CASES))
def test_the_event_file_itself_is_never_an_output(tmp_path, case):
    name, link, command, what = EVENT_FILE_CASES[case]
    (tmp_path / "out").mkdir()
    event = tmp_path / name
    event.write_text(MINIMAL, encoding="utf-8")
    if link is not None:
        (tmp_path / link).symlink_to(event)
    _refused(
        tmp_path,
        [command, event, "-o", tmp_path / "out"],
        f"error: {event}: the event file is {what.format(out=tmp_path / 'out')}" + TAIL,
    )


def test_an_attendee_list_that_is_the_rejected_rows_is_refused(tmp_path):
    """rejected.csv is written with --keep-going and removed when no row is left out."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "rejected.csv").write_text("Name\nAnna\n", encoding="utf-8")
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL + "attendees: out/rejected.csv\n", encoding="utf-8")
    _refused(
        tmp_path,
        ["badges", event, "-o", tmp_path / "out"],
        f"error: {event}:9:12: attendees.file: 'out/rejected.csv' is the same file as"
        f" {tmp_path}/out/rejected.csv, which this command writes" + TAIL,
    )


def test_proof_never_writes_over_a_logo_in_its_folder(tmp_path):
    """Neither the kit nor a page is written when the logo is named like a proof's page."""
    proof = tmp_path / "out" / "proof"
    proof.mkdir(parents=True)
    shutil.copy(ROOT / "assets" / "bestyrelsesforeningen-mark.png", proof / "programme-1.png")
    event = tmp_path / "event.yaml"
    logo = "organiser:\n  name: O\n  logo: out/proof/programme-1.png\n"
    event.write_text(MINIMAL + logo, encoding="utf-8")
    _refused(
        tmp_path,
        ["proof", event, "-o", tmp_path / "out"],
        f"error: {event}:11:9: organiser.logo: 'out/proof/programme-1.png' is named like"
        f" {proof}/NAME-N.png, which this command writes and removes" + TAIL,
    )
