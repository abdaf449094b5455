"""A build imports only what it uses: the checker, the proof renderer, ICU, the spreadsheet
reader and ReportLab's graphics (SVG logos; they pull in platypus) load when a feature asks
for them (a cold run pays for its imports).
pikepdf is not among them: every file a build writes passes through it once (subset tags
from content, the true date: ``printkit.output.stamp``)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SEED

#: Imported only by ``check``/``review``/``proof``, bidi or a sort by name, XLSX, SVG logos.
ON_DEMAND = (
    "pypdf",
    "pypdfium2",
    "icu",
    "openpyxl",
    "reportlab.graphics.shapes",
    "reportlab.platypus",
    "svglib",
    "defusedxml",
)


def _imported(*args: str) -> list[str]:
    code = (
        "import json, sys\n"
        "from printkit.cli import main\n"
        f"sys.argv = ['printkit', *{list(args)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {ON_DEMAND!r} if m in sys.modules]))\n"
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
