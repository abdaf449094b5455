"""Every row accounted for: all unprintable rows reported in one run, --keep-going with
rejected.csv, desk reprints that never replace the full run, --start on a used sheet."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from tests.conftest import run
from tests.pdfread import find_text, flat, page_count, text

LONG = (
    "Forskningsrådet for Informationsteknologi og Kommunikation ved Det Kongelige Danske"
    " Videnskabernes Selskab, Afdeling for Anvendt Digitalisering og Offentlig Forvaltning {}"
)


@pytest.fixture(autouse=True)
def _in_the_folder(event_dir, monkeypatch):
    """Run where the organiser's files are, as from a terminal: a message names the list as
    the current folder sees it (``people.csv:3:1``), beside the event file."""
    monkeypatch.chdir(event_dir)


def _event(event_dir: Path, rows: str, extra: str = "") -> Path:
    (event_dir / "people.csv").write_text("Name,Company\n" + rows, encoding="utf-8")
    path = event_dir / "event.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + f"\nattendees:\n  file: people.csv\n{extra}",
        encoding="utf-8",
    )
    return Path(os.path.relpath(path))


def _list(fit: int, unfit: int) -> str:
    rows = []
    for i in range(fit + unfit):
        company = (
            f'"{LONG.format(i)}"'
            if i % 3 == 1 and unfit > len([r for r in rows if "Forsk" in r])
            else f"Firma {i}"
        )
        rows.append(f"Person {i:02d},{company}\n")
    return "".join(rows)


def test_eleven_unfit_rows_are_all_named_in_one_run_and_nothing_is_written(event_dir):
    rows = _list(fit=30, unfit=11)
    assert rows.count("Forsk") == 11
    event = _event(event_dir, rows)
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 3
    lines = result.output.splitlines()
    unfit = [i for i, row in enumerate(rows.splitlines()) if "Forsk" in row]
    assert len(lines) == 12
    for line, i in zip(lines, unfit, strict=False):
        assert line.startswith(
            f"error: people.csv:{i + 2}:2: row {i + 1}, column 'Company': badges:"
        )
        assert line.endswith(f"(Person {i:02d})")
    assert lines[-1].startswith("11 rows cannot be printed, so nothing was written")
    assert not (event_dir / "out").exists()


def test_keep_going_prints_the_rest_and_writes_the_eleven_to_rejected_csv(event_dir):
    rows = _list(fit=30, unfit=11)
    event = _event(event_dir, rows)
    out = event_dir / "out"
    result = run("badges", event, "-o", out, "--keep-going")
    assert result.exit_code == 0, result.output
    body = flat(text(out / "badges.pdf"))
    names = [row.split(",")[0] for row in rows.splitlines()]
    unfit = {row.split(",")[0] for row in rows.splitlines() if "Forsk" in row}
    assert [n for n in names if n in body] == [n for n in names if n not in unfit]
    with (out / "rejected.csv").open(encoding="utf-8-sig", newline="") as f:
        rejected = list(csv.reader(f))
    assert rejected[0] == ["Name", "Company", "printkit: why left out"]
    assert len(rejected) == 12
    source = list(csv.reader(io.StringIO(rows)))
    assert [r[:2] for r in rejected[1:]] == [r for r in source if r[0] in unfit]
    assert all(r[2].startswith("badges: ") for r in rejected[1:])
    assert f"11 rows left out (see {out / 'rejected.csv'})" in result.output


def test_only_writes_its_own_file_and_leaves_the_full_run_byte_identical(event_dir):
    event = _event(event_dir, "Mia Al-Sayed,DB Systel\nBo Berg,KL\n")
    out = event_dir / "out"
    assert run("badges", event, "-o", out).exit_code == 0
    full = (out / "badges.pdf").read_bytes()
    result = run("badges", event, "-o", out, "--only", "name=Mia Al-Sayed")
    assert result.exit_code == 0, result.output
    assert (out / "badges.pdf").read_bytes() == full
    assert page_count(out / "badges-only.pdf") == 1
    assert "Mia Al-Sayed" in flat(text(out / "badges-only.pdf"))
    assert "Bo Berg" not in flat(text(out / "badges-only.pdf"))
    replaced = run("badges", event, "-o", out, "--only", "name=Mia", "--replace")
    assert replaced.exit_code == 0
    assert (out / "badges.pdf").read_bytes() != full
    assert "Bo Berg" not in flat(text(out / "badges.pdf"))


def test_start_begins_on_the_given_label_of_the_sheet(event_dir):
    from printkit.read.event import DEFAULT_SHEET

    event = _event(event_dir, "Mia Al-Sayed,DB Systel\n")
    out = event_dir / "out"
    result = run("badges", event, "-o", out, "--start", "4")
    assert result.exit_code == 0, result.output
    pdf = out / "badges.pdf"
    [box] = find_text(pdf, "Jan Damsgaard", 0)  # the first badge: label 4 = column 2, row 2
    slot = DEFAULT_SHEET.slot(1, 1)
    assert slot.x <= box[0] and box[2] <= slot.right and slot.y <= box[1] and box[3] <= slot.top
    assert page_count(pdf) == 1  # 7 badges from label 4 on fill labels 4 to 10
    refused = run("badges", event, "-o", out, "--start", "11")
    assert refused.exit_code == 3
    assert (
        refused.output
        == "error: --start: badges: --start 11: the sheet has 10 labels; give 1 to 10\n"
    )


def test_a_later_run_that_prints_every_row_removes_the_stale_rejected_csv(event_dir):
    """rejected.csv lists who an earlier --keep-going run left out; once every row prints it
    is gone, said so; a desk reprint (--only) or a programme build leaves it, and a file of
    that name the user wrote is never touched."""
    rows = _list(fit=3, unfit=1)
    event = _event(event_dir, rows)
    out = event_dir / "out"
    assert run("badges", event, "-o", out, "--keep-going").exit_code == 0
    rejected = out / "rejected.csv"
    assert rejected.exists()
    (event_dir / "people.csv").write_text("Name,Company\n" + _list(fit=4, unfit=0), "utf-8")
    for kept in (("programme",), ("badges", "--only", "name=Person 00")):
        assert run(*kept, event, "-o", out).exit_code == 0
        assert rejected.exists(), kept
    result = run("badges", event, "-o", out)
    assert result.exit_code == 0, result.output
    assert not rejected.exists()
    assert f"every row printed, so {rejected} (an earlier run's) was removed" in result.output
    rejected.write_text("Name,Note\nBo,call back\n", encoding="utf-8")  # the user's own
    assert run("badges", event, "-o", out).exit_code == 0
    assert rejected.read_text(encoding="utf-8") == "Name,Note\nBo,call back\n"


def test_keep_going_leaves_out_a_person_of_the_event_file_too(event_dir):
    """A panellist whose badge cannot be set stopped even a --keep-going run; now the others
    print, and rejected.csv names them with where the event file has them."""
    path = event_dir / "event.yaml"
    source = path.read_text(encoding="utf-8")
    line = next(i for i, t in enumerate(source.splitlines(), 1) if "Jan Damsgaard" in t)
    unfit = "Jan " + "Damsgaard" * 12  # one word too wide for the badge at any size
    path.write_text(source.replace("Jan Damsgaard", unfit, 1), encoding="utf-8")
    out = event_dir / "out"
    stopped = run("badges", path, "-o", out)
    assert stopped.exit_code == 3
    assert stopped.output.startswith(f"error: {path}:{line}:")
    result = run("badges", path, "-o", out, "--keep-going")
    assert result.exit_code == 0, result.output
    body = flat(text(out / "badges.pdf"))
    assert "Damsgaard" not in body and "Jørgen Bardenfleth" in body
    with (out / "rejected.csv").open(encoding="utf-8-sig", newline="") as f:
        rejected = list(csv.reader(f))
    assert rejected[0] == ["Name", "printkit: why left out"]
    [(name, why)] = rejected[1:]
    assert name == unfit
    assert why.startswith(f"{path}:{line}:") and "badges: " in why, why
    assert f"1 row left out (see {out / 'rejected.csv'})" in result.output
    # with a list beside: its header, the list's row as read, the panellist's cells empty
    _event(event_dir, _list(fit=2, unfit=1))
    result = run("badges", path, "-o", out, "--keep-going")
    assert result.exit_code == 0, result.output
    with (out / "rejected.csv").open(encoding="utf-8-sig", newline="") as f:
        rejected = list(csv.reader(f))
    assert rejected[0] == ["Name", "Company", "printkit: why left out"]
    assert sorted(r[0] for r in rejected[1:]) == ["", "Person 01"]
    [own] = [r for r in rejected[1:] if not r[0]]
    assert own[1] == "" and own[2].startswith(f"{path}:{line}:"), own


def test_keep_going_never_replaces_a_rejected_csv_printkit_did_not_write(event_dir):
    """The organiser's own rejected.csv in the output folder: --keep-going refuses, exit 4,
    before anything is written; the file and the earlier kit stay as they were."""
    event = _event(event_dir, _list(fit=3, unfit=1))
    out = event_dir / "out"
    out.mkdir()
    mine = out / "rejected.csv"
    mine.write_text("Name,Note\nBo,call back\n", encoding="utf-8")
    result = run("badges", event, "-o", out, "--keep-going")
    assert (result.exit_code, result.output) == (
        4,
        f"error: {mine}: a file printkit did not write; --keep-going would replace it with the"
        " rows it leaves out: move it, or build into another folder (-o)\n",
    )
    assert mine.read_text(encoding="utf-8") == "Name,Note\nBo,call back\n"
    assert sorted(p.name for p in out.iterdir()) == ["rejected.csv"]


def test_a_desk_reprint_takes_the_file_name_o_gives_it(event_dir):
    """``--only … -o out/desk.pdf``: the reprint is desk.pdf beside the full run, which stays
    byte for byte; an -o file name without --only is refused, exit 4, nothing written."""
    event = _event(event_dir, "Mia Al-Sayed,DB Systel\nBo Berg,KL\n")
    out = event_dir / "out"
    assert run("badges", event, "-o", out).exit_code == 0
    full = (out / "badges.pdf").read_bytes()
    desk = out / "desk.pdf"
    result = run("badges", event, "--only", "name=Mia", "-o", desk)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == str(desk)
    assert "Mia Al-Sayed" in flat(text(desk)) and "Bo Berg" not in flat(text(desk))
    assert (out / "badges.pdf").read_bytes() == full
    assert not (out / "badges-only.pdf").exists()
    refused = run("badges", event, "-o", out / "all.pdf")
    assert (refused.exit_code, refused.output) == (
        4,
        f"error: {out / 'all.pdf'}: -o names the folder the PDFs are written into; a file name"
        " (.pdf) is for a reprint of some people (--only)\n",
    )
    assert not (out / "all.pdf").exists()


def test_rejected_rows_keep_every_cell_where_it_stood(event_dir):
    """A row left out is written as it was read, every cell in its place, the one it is left
    out for included: a value under a blank header, cells beyond the header."""
    (event_dir / "people.csv").write_text(
        "Name,Company,,Dept\n"
        "Ann Lee,KL,stray,IT\n"
        "Bo Berg,KL,,HR,spill 1,spill 2\n"
        f'Cy Dahl,"{LONG.format(7)}",,Ops\n'
        "Di Eng,KL,,IT\n",
        encoding="utf-8",
    )
    path = event_dir / "event.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nattendees: people.csv\n", "utf-8")
    out = event_dir / "out"
    result = run("badges", "event.yaml", "-o", out, "--keep-going")
    assert result.exit_code == 0, result.output
    with (out / "rejected.csv").open(encoding="utf-8-sig", newline="") as f:
        rejected = list(csv.reader(f))
    assert rejected[0] == ["Name", "Company", "", "Dept", "", "", "printkit: why left out"]
    rows = {r[0]: r for r in rejected[1:]}
    assert {name: row[:-1] for name, row in rows.items()} == {
        "Ann Lee": ["Ann Lee", "KL", "stray", "IT", "", ""],
        "Bo Berg": ["Bo Berg", "KL", "", "HR", "spill 1", "spill 2"],
        "Cy Dahl": ["Cy Dahl", LONG.format(7), "", "Ops", "", ""],
    }
    assert rows["Ann Lee"][-1].startswith("a value in a column without a header")
    assert rows["Bo Berg"][-1].startswith("6 cells, but the header has 4 columns")
    assert rows["Cy Dahl"][-1].startswith("badges: ")
    assert "Di Eng" in flat(text(out / "badges.pdf"))
