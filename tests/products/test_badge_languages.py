"""A person's badge words in their own language, from the attendee list's language column."""

from __future__ import annotations

import pypdfium2 as pdfium

from printkit.read.event import DEFAULT_SHEET
from tests.conftest import run
from tests.pdfread import MM, find_text

# (name, the list's language cell, the role word and the back's call to scan expected)
PEOPLE = [
    ("Astrid Holm", "da", "Deltager", "Scan for mere om arrangementet"),
    ("Hannah Schulz", "de-informal", "Gast", "Scannen für mehr zur Veranstaltung"),
    ("Oliver Grant", "English", "Attendee", "Scan for more about the event"),
    ("Ebba Lind", "svenska", "Deltagare", "Skanna för mer om evenemanget"),
    ("Ingrid Berg", "nb-NO", "Deltaker", "Skann for mer om arrangementet"),
    # a language printkit has no words in: the event's own words (Danish)
    ("Marie Dupont", "fr", "Deltager", "Scan for mere om arrangementet"),
    # no language given: the event's
    ("Kai Nørgaard", "", "Deltager", "Scan for mere om arrangementet"),
]


def _slot_text(pdf, page: int, name: str) -> str:
    """The text of the badge (front or back) on ``page`` whose slot holds ``name``."""
    [(left, bottom, right, top)] = find_text(pdf, name, page)
    x, y = (left + right) / 2, (bottom + top) / 2
    sheet = DEFAULT_SHEET
    slots = [sheet.slot(c, r) for r in range(sheet.rows) for c in range(sheet.columns)]
    [slot] = [s for s in slots if s.x <= x <= s.right and s.y <= y <= s.top]
    doc = pdfium.PdfDocument(str(pdf))
    try:
        box = (slot.x * MM, slot.y * MM, slot.right * MM, slot.top * MM)
        return " ".join(doc[page].get_textpage().get_text_bounded(*box).split())
    finally:
        doc.close()


def test_each_badge_speaks_its_persons_language(event_dir):
    rows = ["Name,Language"] + [f"{name},{language}" for name, language, _, _ in PEOPLE]
    rows.append("Sven Ek,Klingonesisk")  # names no language: warned, the event's words
    (event_dir / "people.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    yaml_text = (event_dir / "event.yaml").read_text(encoding="utf-8")
    assert "  back: none " in yaml_text and "\nlanguage: da" in yaml_text
    yaml_text = yaml_text.replace("  back: none ", "  back: qr ")
    (event_dir / "event.yaml").write_text(yaml_text + "\nattendees: people.csv\n", "utf-8")
    out = event_dir / "out"
    result = run("badges", event_dir / "event.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    pdf = out / "badges.pdf"
    for name, _language, role_word, cta in [*PEOPLE, ("Sven Ek", "", "Deltager", PEOPLE[0][3])]:
        front_page = next(p for p in range(0, 8, 2) if find_text(pdf, name, p))
        front = _slot_text(pdf, front_page, name)
        back = _slot_text(pdf, front_page + 1, name)
        assert role_word in front.split(), (name, front)
        assert cta in back, (name, back)
    line = 9  # the header is line 1, Sven Ek the eighth person
    assert (
        f"warning: {event_dir}/people.csv:{line}:2: row 8, column 'Language': 'Klingonesisk'"
        " names no language (write a code such as da, en or de-informal, or a name such as"
        " Dansk); this badge's words are in the event's language (da)" in result.output
    ), result.output
