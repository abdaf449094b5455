"""A build imports only what it uses: the checker, the proof renderer, ICU, the attendee
list's and the schedule file's readers, a festival's layouts and ReportLab's graphics (SVG
logos; they pull in platypus) load when a feature asks for them (a cold run pays for its
imports).
pikepdf is not among them: every file a build writes passes through it once (subset tags
from content, the true date: ``printkit.output.stamp``), in a small build's helper process
on two cores (``pipeline.helper``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEED, run

#: Imported only by ``check``/``review``/``proof``, bidi or a sort by name, an attendee list
#: (CSV, XLSX, a ticket shop's export), a schedule file, a festival's products, SVG logos.
ON_DEMAND = (
    "pypdf",
    "pypdfium2",
    "icu",
    "openpyxl",
    "printkit.read.attendees",
    "printkit.read.table",
    "printkit.read.schedule",
    "printkit.products.schedule",
    "printkit.products.posters",
    "reportlab.graphics.shapes",
    "reportlab.platypus",
    "svglib",
    "defusedxml",
    "multiprocessing",  # the code workers' pool: from a thousand codes
)


def _imported(*args: str, among: tuple[str, ...] = ON_DEMAND) -> list[str]:
    code = (
        "import json, sys\n"
        "from printkit.cli import main\n"
        f"sys.argv = ['printkit', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {among!r} if m in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_seed_build_imports_none_of_the_features_it_does_not_use(tmp_path):
    assert _imported("build", str(SEED), "-o", str(tmp_path)) == []
    assert (tmp_path / "badges.pdf").exists()


def test_checking_a_pdf_does_import_the_pdf_readers(tmp_path):
    _imported("build", str(SEED), "-o", str(tmp_path))
    found = _imported("check", str(tmp_path / "badges.pdf"))
    assert "pypdf" in found and "pypdfium2" in found


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">'
    '<rect width="20" height="20" fill="#1f4e8c"/></svg>'
)


def test_an_svg_logo_does_import_reportlabs_graphics(tmp_path):
    """The other side of the seed's test: the SVG reader and ReportLab's drawings (with the
    platypus they pull in) are what an SVG logo needs, and load for one."""
    (tmp_path / "logo.svg").write_text(SVG, encoding="utf-8")
    text = SEED.read_text(encoding="utf-8").replace(
        "assets/bestyrelsesforeningen-mark.png", str(tmp_path / "logo.svg")
    )
    event = tmp_path / "event.yaml"
    event.write_text(text, encoding="utf-8")
    found = _imported("programme", str(event), "-o", str(tmp_path / "out"))
    assert {"reportlab.graphics.shapes", "reportlab.platypus", "svglib"} <= set(found)
    assert (tmp_path / "out" / "programme.pdf").exists()


def test_an_attendee_list_and_a_schedule_file_do_import_their_readers(tmp_path):
    """The other side again: a list's and a schedule file's readers, and a festival's layouts,
    are what those features need, and load for them."""
    (tmp_path / "people.csv").write_text("Name,Organisation\nAnn Lee,KL\n", encoding="utf-8")
    text = SEED.read_text(encoding="utf-8").replace("assets/", f"{ROOT / 'assets'}/")
    listed = tmp_path / "listed.yaml"
    listed.write_text(text + "\nattendees:\n  file: people.csv\n", encoding="utf-8")
    found = _imported("badges", str(listed), "-o", str(tmp_path / "a"))
    assert {"printkit.read.attendees", "printkit.read.table"} <= set(found)
    schedules = ROOT / "tests" / "read" / "schedules"
    (tmp_path / "calendar.ics").write_bytes((schedules / "calendar.ics").read_bytes())
    festival = tmp_path / "festival.yaml"
    festival.write_text(
        "title: Summit\nurl: https://summit.example.org/\nlanguage: en\nschedule: calendar.ics\n",
        encoding="utf-8",
    )
    found = _imported("build", str(festival), "-o", str(tmp_path / "f"))
    assert {
        "printkit.read.schedule",
        "printkit.products.schedule",
        "printkit.products.posters",
    } <= set(found)
    assert (tmp_path / "f" / "posters.pdf").exists()


def test_the_version_loads_no_library():
    """``printkit --version`` through the real entry point: click's words, and neither click
    nor ReportLab nor any of printkit beyond its version imported."""
    code = (
        "import json, sys\n"
        "sys.argv = ['printkit', '--version']\n"
        "from printkit.entry import main\n"
        "main()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('click', 'reportlab',"
        " 'printkit.')))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    version, imported = done.stdout.splitlines()
    assert version == run("--version").output.strip()
    assert json.loads(imported) == ["printkit.entry"]


def test_help_loads_no_calendar_writer_but_a_build_does(tmp_path):
    """icalendar (a hundred modules) loads where a calendar is written: ``--help`` and a
    command's usage error skip it; the seed build, which writes programme.ics, loads it (in
    its helper, on two cores: ``pipeline.helper``)."""
    among = ("icalendar", *ON_DEMAND)
    assert _imported("--help", among=among) == []
    assert _imported("build", "--bleed", "99", among=among) == []
    helped = hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1
    expected = [] if helped else ["icalendar"]
    assert _imported("build", str(SEED), "-o", str(tmp_path), among=among) == expected
    assert (tmp_path / "programme.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
