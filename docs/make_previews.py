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
        if path.suffix == ".pdf":  # not programme.ics beside them
            render(path, DOCS / f"{path.stem}.png", 900)
    poster = build(ROOT / "event.yaml", out, ("tent",), Overrides(sign=SignKind.POSTER))
    render(poster.written[0], DOCS / "poster.png", 600)
    # the festival day: its programme's grid, slots and index, a door poster, a tent and the
    # booklet's first sheet
    festival = ROOT / "out" / "festival"
    build(ROOT / "examples" / "festival-day.yaml", festival, ("programme", "tent"))
    pages = len(pdfium.PdfDocument(str(festival / "programme.pdf")))
    render(festival / "programme.pdf", DOCS / "festival-programme.png", 600, page_index=0)
    render(festival / "programme.pdf", DOCS / "festival-slots.png", 600, page_index=1)
    render(festival / "programme.pdf", DOCS / "festival-index.png", 600, page_index=pages - 1)
    render(festival / "posters.pdf", DOCS / "festival-poster.png", 600)
    render(festival / "tents.pdf", DOCS / "festival-tent.png", 600)
    booklet = ROOT / "out" / "booklet"
    build(ROOT / "examples" / "festival-day.yaml", booklet, ("programme",), Overrides(booklet=True))
    render(booklet / "programme-booklet.pdf", DOCS / "festival-booklet.png", 900)
    # the conference example: a grid with tracks and breaks
    conference = ROOT / "out" / "conference"
    build(ROOT / "examples" / "conference.yaml", conference, ("programme",))
    render(conference / "programme.pdf", DOCS / "conference-grid.png", 600)
    # the festival day with its two organisers' tents indexed: the index of venues
    venues = ROOT / "out" / "festival-venues.yaml"  # in out/, so ../assets still finds the logo
    source = (ROOT / "examples" / "festival-day.yaml").read_text(encoding="utf-8")
    venues.write_text(source + "\nprogramme: {parts: [grid, slots, index, venues]}\n", "utf-8")
    build(venues, ROOT / "out" / "venues", ("programme",))
    last = len(pdfium.PdfDocument(str(ROOT / "out" / "venues" / "programme.pdf"))) - 1
    render(ROOT / "out" / "venues" / "programme.pdf", DOCS / "festival-venues.png", 600, last)
    # a day in twelve rooms: the grid's first page (rooms A–D; E–H and I–L follow)
    twelve = ROOT / "out" / "twelve"
    twelve.mkdir(parents=True, exist_ok=True)
    (twelve / "event.yaml").write_text(_twelve_rooms(), encoding="utf-8")
    build(twelve / "event.yaml", twelve / "out", ("programme",))
    render(twelve / "out" / "programme.pdf", DOCS / "grid-twelve-rooms.png", 600, page_index=1)


def _twelve_rooms() -> str:
    """A day of three hourly slots in twelve rooms, made by rule (as the tests make theirs)."""
    lines = ["title: A day in twelve rooms", "url: https://example.org/", "date: 2026-06-15"]
    lines.append("sessions:")
    for slot in range(3):
        for r in range(12):
            lines += [
                f"  - title: Session {slot * 12 + r + 1} in room {chr(65 + r)}",
                f"    start: '{9 + slot}:00'",
                f"    end: '{9 + slot}:50'",
                f"    venue: Room {chr(65 + r)}",
                f"    moderator: {{name: Moderator {chr(65 + r)}{slot}}}",
            ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
