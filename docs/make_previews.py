"""Renders the README's previews from the real output of the bundled examples.

Run from the repository root after installing the test extra:
    python docs/make_previews.py
"""

from pathlib import Path

import pypdfium2 as pdfium

from printkit.model.event import SignKind
from printkit.pipeline.build import Overrides, build

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def render(pdf: Path, png: Path, width_px: int, page_index: int = 0) -> None:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[page_index]
        scale = width_px / page.get_width()
        page.render(scale=scale).to_pil().convert("RGB").save(png, optimize=True)
    finally:
        doc.close()


def main() -> None:
    out = ROOT / "out"
    report = build(ROOT / "event.yaml", out)
    for path in report.written:
        render(path, DOCS / f"{path.stem}.png", 900)
    poster = build(ROOT / "event.yaml", out, ("tent",), Overrides(sign=SignKind.POSTER))
    render(poster.written[0], DOCS / "poster.png", 600)
    # the festival day: its programme's second page (two venues, a day running on) and the
    # door poster of its first venue
    festival = ROOT / "out" / "festival"
    build(ROOT / "examples" / "festival-day.yaml", festival, ("programme", "tent"))
    render(festival / "programme.pdf", DOCS / "festival-programme.png", 900, page_index=1)
    render(festival / "posters.pdf", DOCS / "festival-poster.png", 600)


if __name__ == "__main__":
    main()
