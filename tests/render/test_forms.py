"""What every badge of a role repeats, its band and foot, is in the file once (issue 15): one
form per role, placed on each badge, while a reader still finds each badge's band and foot
words on it and sees the same pixels as when every badge drew them itself."""

from __future__ import annotations

import pikepdf

from tests.conftest import run
from tests.pdfread import flat, text

ROLES = ("attendee", "staff")
PEOPLE = 24  # listed, beside the seed's panellists and moderator (two roles more)


def _event(event_dir):
    rows = ["Name,Organisation,Role"]
    rows += [f"Person {i:02d},Firma {i % 3},{ROLES[i % 2]}" for i in range(PEOPLE)]
    (event_dir / "people.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    event = event_dir / "event.yaml"
    event.write_text(
        event.read_text(encoding="utf-8") + "\nattendees:\n  file: people.csv\n",
        encoding="utf-8",
    )
    return event


def _text_forms(pdf) -> list[bytes]:
    """The form XObjects of the file that set text, each once."""
    with pikepdf.open(pdf) as document:
        return [
            bytes(obj.read_bytes())
            for obj in document.objects
            if isinstance(obj, pikepdf.Stream)
            and obj.get("/Subtype") == "/Form"
            and b"Tj" in obj.read_bytes()
        ]


def test_each_roles_band_and_foot_are_in_the_file_once(event_dir):
    result = run("badges", _event(event_dir), "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    forms = _text_forms(pdf)
    assert len(forms) == 4  # panellist, moderator, attendee, staff: a band and foot each
    with pikepdf.open(pdf) as document:
        own = [bytes(page.Contents.read_bytes()) for page in document.pages]
    assert not any(b"Folkem" in content for content in own)  # the festival: in the forms only
    pages = [flat(text(pdf, page)) for page in range(len(own))]
    badges = PEOPLE + 6
    assert sum(page.count("Folkemødet 2017") for page in pages) == badges  # read on each
    assert sum(page.count("Deltager") for page in pages) == PEOPLE // 2
    assert sum(page.count("Person ") for page in pages) == PEOPLE
