"""Renders the README's previews from the real output of the bundled event.yaml.

Run from the repository root after installing the test extra:
    python docs/make_previews.py
"""

from pathlib import Path

import pypdfium2 as pdfium

from printkit.build import build
from printkit.model import SignKind

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def render(pdf: Path, png: Path, width_px: int) -> None:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        scale = width_px / page.get_width()
        page.render(scale=scale).to_pil().convert("RGB").save(png, optimize=True)
    finally:
        doc.close()


def main() -> None:
    out = ROOT / "out"
    report = build(ROOT / "event.yaml", out)
    for path in report.written:
        render(path, DOCS / f"{path.stem}.png", 900)
    poster = build(ROOT / "event.yaml", out, ("tent",), sign=SignKind.POSTER)
    render(poster.written[0], DOCS / "poster.png", 600)


if __name__ == "__main__":
    main()
