"""The hostile-input corpus: every file under tests/hostile/ is built, and printkit must give
exactly the answer tests/hostile/cases.toml writes down for it.

Each file is one attack, named for what it attacks. Where it goes depends on its folder:

- ``yaml/``, ``unicode/``, ``url/``, ``paths/``: the file is the event file itself;
- ``csv/``: an attendee list, named by a small event file (``attendees: file: <name>``);
- ``images/``: the organiser's logo; ``fonts/``: the regular font;
- ``glabels/``: a glabels template file, its product "Hostile Badge" the badge sheet;
- ``pdf/``: a file given to ``printkit check`` (which must say it is damaged, not crash).

A case that must fail gives its exit code and its one message line; a case that must build
gives exit 0 and its warning lines, and may say what the programme prints (``printed``:
phrases of programme.pdf's text) and lines programme.ics holds (``calendar``). Paths in
messages are written ``<dir>`` (the case's folder) and ``<outside>`` (a folder beside it,
holding logo.png and people.csv). Every case starts from an output folder holding a good
earlier build, which a failure must leave byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests import pdfread
from tests.conftest import ROOT, run

CORPUS = Path(__file__).resolve().parent
#: cases.toml, then cases-*.toml (one file per area, so that work on two areas never edits
#: the same file)
CASES = [
    case
    for file in sorted(CORPUS.glob("cases*.toml"))
    for case in tomllib.loads(file.read_text(encoding="utf-8"))["case"]
]
EVENT_FOLDERS = ("yaml", "unicode", "url", "paths")
MINIMAL = """\
title: Hostile input
date: 2024-05-01
start: "10:00"
end: "11:00"
venue: Salen
url: https://example.org/
panelists:
  - name: Anna Berg
"""
#: the event for a file under schedules/: a conference whose sessions come from it
SCHEDULE_EVENT = """\
title: Hostile schedule
language: en
timezone: Europe/Copenhagen
url: https://example.org/
"""
PRODUCTS = ("programme.pdf", "badges.pdf", "tent.pdf")


def test_every_file_has_a_case_and_every_case_a_file():
    files = {
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.parent != CORPUS and "__pycache__" not in p.parts
    }
    named = [case["file"] for case in CASES]
    assert len(named) == len(set(named)), "a file has two cases"
    assert files == set(named)
    assert len(files) >= 50


def _prepare(case: dict, base: Path) -> Path:
    """Lay the case out in ``base``/case; returns the event file to build."""
    folder, outside = base / "case", base / "outside"
    folder.mkdir()
    outside.mkdir()
    shutil.copy(ROOT / "assets" / "bestyrelsesforeningen-mark.png", outside / "logo.png")
    (outside / "people.csv").write_text("Name\nOut Side\n", encoding="utf-8")
    source = CORPUS / case["file"]
    kind = source.parent.name
    data = source.read_bytes()
    if case.get("substitute"):
        data = data.replace(b"<outside>", str(outside).encode())
    (folder / source.name).write_bytes(data)
    for step in case.get("setup", ()):
        _setup(step.replace("<outside>", str(outside)), folder)
    if kind in EVENT_FOLDERS:
        return folder / source.name
    if kind == "schedules":
        event = folder / "event.yaml"
        text = SCHEDULE_EVENT + f"schedule: {source.name}\n" + case.get("event_extra", "")
        event.write_text(text, encoding="utf-8")
        return event
    extra = {
        "csv": f"attendees:\n  file: {source.name}\n",
        "images": f"organiser:\n  name: Bestyrelsesforeningen\n  logo: {source.name}\n",
        "fonts": f"fonts:\n  regular: {source.name}\n",
        "glabels": f'badges:\n  sheet: {{glabels: {source.name}, name: "Hostile Badge"}}\n',
    }[kind]
    event = folder / "event.yaml"
    event.write_text(MINIMAL + extra + case.get("event_extra", ""), encoding="utf-8")
    return event


def _setup(step: str, folder: Path) -> None:
    """One preparation: ``mkdir PATH``, ``mkfifo PATH``, ``symlink LINK -> TARGET``, ``sparse
    PATH BYTES`` (a file of that size that takes no room on disk: zeros, after the case's
    own first bytes when PATH is the case's file)."""
    action, _, rest = step.partition(" ")
    if action == "sparse":
        name, _, size = rest.rpartition(" ")
        with (folder / name).open("ab") as file:
            file.truncate(int(size))
    elif action == "mkdir":
        (folder / rest).mkdir(parents=True)
    elif action == "mkfifo":
        os.mkfifo(folder / rest)
    elif action == "symlink":
        link, _, target = rest.partition(" -> ")
        (folder / link).symlink_to(target)
    else:
        raise ValueError(f"unknown setup step {step!r}")


def _normal(text: str, base: Path) -> str:
    for path in (base.resolve(), base):
        text = text.replace(str(path / "case"), "<dir>").replace(str(path / "outside"), "<outside>")
    return text


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_hostile_input(case, tmp_path, seed_out):
    if case["file"].startswith("pdf/"):
        result = run("check", CORPUS / case["file"])
        output = result.output.replace(str(CORPUS / "pdf"), "<dir>")
        assert "Traceback" not in output
        assert (result.exit_code, output) == (case["exit"], case["message"] + "\n"), output
        return
    event = _prepare(case, tmp_path)
    out = tmp_path / "case" / "out"
    shutil.copytree(seed_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    result = run("build", event, "-o", out)

    output = _normal(result.output, tmp_path)
    assert "Traceback" not in output
    assert (result.exit_code, output if result.exit_code else "") == (
        case["exit"],
        case["message"] + "\n" if case["exit"] else "",
    ), output
    if result.exit_code:
        after = {p.name: p.read_bytes() for p in out.iterdir()}
        assert after == before  # nothing written, nothing damaged, no temporary file
        return
    warnings = [
        line
        for line in _normal(result.stderr, tmp_path).splitlines()
        if line.startswith("warning: ")
    ]
    assert warnings == case.get("warnings", [])
    names = {p.name for p in out.iterdir()}
    assert not [n for n in names if n.startswith(".")]  # no temporary file
    assert names >= set(before) if case["file"].startswith("schedules/") else names == set(before)
    for name in sorted(n for n in names if n.endswith(".pdf")):
        assert PdfReader(out / name).get_num_pages() >= 1
    printed = pdfread.flat(pdfread.text(out / "programme.pdf")) if case.get("printed") else ""
    for words in case.get("printed", ()):  # what the programme's reader sees
        assert words in printed, printed
    calendar = (out / "programme.ics").read_text(encoding="utf-8") if case.get("calendar") else ""
    for line in case.get("calendar", ()):  # lines of programme.ics, unfolded
        assert line in calendar.replace("\r\n ", "").splitlines(), calendar


def test_an_unreadable_file_is_named(tmp_path, monkeypatch):
    """chmod 000 does not stop root (CI runs as root), so the refusal is simulated."""
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL, encoding="utf-8")
    original = os.open

    def refuse(path, *args, **kwargs):
        if Path(path).name == "event.yaml":
            raise PermissionError(13, "Permission denied")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {event}: cannot read the file (Permission denied); check that you may read it\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_an_unreadable_logo_is_named(tmp_path):
    logo = tmp_path / "logo.png"
    shutil.copy(ROOT / "assets" / "bestyrelsesforeningen-mark.png", logo)
    logo.chmod(0)
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL + "organiser:\n  name: O\n  logo: logo.png\n", encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {event}:11:9: organiser.logo: cannot read logo file 'logo.png' (Permission"
        " denied); check that you may read it\n"
    )


@pytest.mark.parametrize(
    "target, expected",
    [
        ("folder", "{path}: is a folder; give the path of an event.yaml file"),
        (
            "/dev/zero",
            "{path}: is a device, not a regular file; give the path of an event.yaml file",
        ),
        (
            "oversized",
            "{path}: file is 8,388,609 bytes; an event file may be at most 8,388,608 bytes (put attendee lists in a CSV file)",
        ),
    ],
)
def test_special_event_files(tmp_path, target, expected):
    """A folder, an endless device and a file one byte over the limit, given as event.yaml."""
    if target == "folder":
        path = tmp_path
    elif target == "oversized":
        path = tmp_path / "event.yaml"
        path.write_bytes(MINIMAL.encode() + b"#" * (8 * 1024 * 1024 + 1 - len(MINIMAL)))
    else:
        path = Path(target)
        if not path.exists():
            pytest.skip(f"no {target} here")
    result = run("build", path, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == "error: " + expected.format(path=path) + "\n"


def test_the_readme_counts_the_corpus_as_it_is():
    """The README's Reliability section says how many hostile inputs the corpus holds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"- **A corpus of {len(CASES)} hostile inputs**" in readme
