"""Golden layouts: the laid-out documents of the seed kit (event.yaml: programme, badges,
tent and poster) and of examples/festival-day.yaml (programme, badges, tents, posters),
written as JSON by ``printkit.layout.dump`` and compared with the files kept here, one per
PDF: tests/golden/seed/*.json and tests/golden/festival/*.json.

Each line of a golden file is one item of a page: a text run with its position (mm), style,
size (pt), fonts and width; a box, line, image or QR code (with its payload) with its
rectangle. A failure shows the lines that changed, so it says which items moved.

When a change legitimately changes a laid-out page:

1. Regenerate: ``PRINTKIT_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden``.
   The files are rewritten, and the test FAILS on purpose ("regenerated N files; look at
   them, then run without the switch"): a switch left on can never pass, in CI or anywhere.
2. Look at what changed: ``git diff tests/golden`` (does every moved item belong to the
   change?), and at the pages themselves:
   ``printkit proof event.yaml -o /tmp/seed`` and ``printkit proof event.yaml -o /tmp/seed-poster
   --sign poster`` and ``printkit proof examples/festival-day.yaml -o /tmp/festival``, then
   view the PNGs in each proof/ folder.
3. Run the tests again without the switch, and commit the golden files with the change,
   saying in the message why the pages changed.

The documents are got as ``printkit build`` gets them, in ``laid_out`` below: the one place
to repoint when the pipeline's entry changes.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from printkit.layout.dump import dumps
from printkit.layout.items import Document
from printkit.model.event import SignKind
from printkit.pipeline.build import Overrides
from printkit.pipeline.prepare import lay_out, prepare
from printkit.pipeline.products import kit
from printkit.typeset.fonts import Typeface, typeface
from tests.conftest import ROOT, SEED

GOLDEN = Path(__file__).resolve().parent
SWITCH = "PRINTKIT_REGENERATE_GOLDEN"
FESTIVAL = ROOT / "examples" / "festival-day.yaml"
DIFF_LINES = 60  # of each file's diff, in a failure's message

#: kit → the runs whose documents it keeps: (event file, sign override, products)
KITS: dict[str, tuple[tuple[Path, SignKind | None, Sequence[str]], ...]] = {
    "seed": ((SEED, None, kit()), (SEED, SignKind.POSTER, ("tent",))),
    "festival": ((FESTIVAL, None, kit()),),
}


def laid_out(
    event_file: Path, sign: SignKind | None, products: Sequence[str]
) -> tuple[dict[str, Document], Typeface]:
    """The documents a build of ``event_file`` renders, by file name without .pdf."""
    prepared = prepare(event_file, products, Overrides(sign=sign))
    documents, _warnings = lay_out(prepared, products)
    return documents, typeface(prepared.event.fonts)


def expected(kit: str) -> dict[str, str]:
    """Each golden file's name and the text it should hold."""
    texts: dict[str, str] = {}
    for event_file, sign, products in KITS[kit]:
        documents, face = laid_out(event_file, sign, products)
        for stem, document in documents.items():
            texts[f"{stem}.json"] = dumps(document, face, root=ROOT)
    return texts


def _regenerate(folder: Path, texts: dict[str, str]) -> list[str]:
    """Write the files that differ or are missing, remove stale ones; their names."""
    folder.mkdir(exist_ok=True)
    changed = []
    for name, text in sorted(texts.items()):
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(name)
    for path in sorted(folder.glob("*.json")):
        if path.name not in texts:
            path.unlink()
            changed.append(f"{path.name} (removed)")
    return changed


def _diff(kit: str, name: str, kept: str, made: str) -> str:
    lines = list(
        difflib.unified_diff(
            kept.splitlines(),
            made.splitlines(),
            f"tests/golden/{kit}/{name} (kept)",
            f"{kit}/{name} (laid out now)",
            n=1,
            lineterm="",
        )
    )
    more = len(lines) - DIFF_LINES
    return "\n".join(lines[:DIFF_LINES] + ([f"… and {more} more lines"] if more > 0 else []))


@pytest.mark.parametrize("kit", sorted(KITS))
def test_layout_matches_its_golden_files(kit: str) -> None:
    texts = expected(kit)
    folder = GOLDEN / kit
    if os.environ.get(SWITCH, "") not in ("", "0"):
        changed = _regenerate(folder, texts)
        pytest.fail(
            f"{SWITCH} is set: regenerated {len(changed)} files in tests/golden/{kit}"
            f" ({', '.join(changed) or 'all were up to date'}); look at them (git diff, and"
            " the rendered pages: see this test's docstring), then run without the switch",
            pytrace=False,
        )
    kept = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.json")}
    problems = [
        f"tests/golden/{kit}/{name}: no golden file (run with {SWITCH}=1)"
        for name in sorted(texts.keys() - kept.keys())
    ]
    problems += [
        f"tests/golden/{kit}/{name}: the build makes no such document (run with {SWITCH}=1)"
        for name in sorted(kept.keys() - texts.keys())
    ]
    problems += [
        _diff(kit, name, kept[name], texts[name])
        for name in sorted(texts.keys() & kept.keys())
        if kept[name] != texts[name]
    ]
    if problems:
        pytest.fail(
            f"the laid-out pages differ from the golden files; if the change is meant,"
            f" regenerate with {SWITCH}=1 and look at the pages (see this file's docstring)\n"
            + "\n".join(problems),
            pytrace=False,
        )
