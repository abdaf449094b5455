"""Registration systems' exports read as they come, by their headers: pretix's order positions
(CSV and XLSX; English, German, Danish; the older shape that writes "Company" twice) and its
JSON export, Eventbrite's attendee report and Indico's registrations. The fixtures in
``exports/`` have the exact column shape each system writes (headers read from pretix's
exporter source and catalogues, Eventbrite's report and Indico's spreadsheet code)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from printkit.errors import InputError
from printkit.read.attendees import read_attendees
from printkit.read.notices import collecting
from tests.conftest import run
from tests.pdfread import flat, qr_codes, text

EXPORTS = Path(__file__).parent / "exports"

# file → (export recognised, [(name, organisation, title, ticket id, ticket type)], skipped)
EXPECTED = {
    "pretix-positions-en.csv": (
        "pretix order positions (English)",
        [
            (
                "Mia Al-Sayed",
                "Deutsche Bahn Systel",
                "Data engineer",
                "Q7XK2P",
                "Conference ticket",
            ),
            ("Yuki Mensah", "Kyoto University", "Professor", "R8JD3M", "Speaker pass"),
            ("Ana Lima", "Volunteers", "Runner", "W4NB6C", "Crew"),
        ],
        2,
    ),
    "pretix-positions-de.csv": (
        "pretix order positions (German)",
        [
            ("Jürgen Weiß", "Fraunhofer FOKUS", None, "hx7k2mq9vz", "Konferenzticket"),
            ("Chloé Dubois", "Inria", None, "p3n8w5rt2c", "Sprecherticket"),
            ("Lena Roth", "TU Berlin", None, "f6g7h8j9k0", "Konferenzticket"),
        ],
        1,
    ),
    "pretix-positions-da.xlsx": (
        "pretix order positions (Danish)",
        [
            ("Søren Ærø", "Københavns Kommune", None, "z9y8x7w6v5", "Konferencebillet"),
            ("Ida Lund", "Frivillige", None, "m5n6b7v8c9", "Frivillig"),
        ],
        1,
    ),
    "pretix-orders.json": (
        "pretix order positions (English)",
        [
            ("Ngozi Okafor", "University of Lagos", None, "k2j3h4g5f6d7s8a9", "Conference ticket"),
            ("Lars Holm", "DTU", None, "p0o9i8u7y6t5r4e3", "Speaker pass"),
        ],
        1,
    ),
    "eventbrite-attendees.csv": (
        "Eventbrite attendee report (English)",
        [
            ("Priya Raman", "Lumen Labs", "CTO", "18441583423", "General Admission"),
            ("Diego García Márquez", "Editorial Sol", "Author", "18441700883", "Speaker"),
        ],
        1,
    ),
    "indico-registrations.csv": (
        "Indico registrations (English)",
        [
            ("Marie Curie", "CERN", "Physicist", "1", None),
            ("Lise Meitner", "KTH", "Researcher", "3", None),
        ],
        1,
    ),
}


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_each_export_is_read_by_its_headers_without_a_mapping(file):
    export, people, skipped = EXPECTED[file]
    listing = read_attendees(EXPORTS / file, file)
    assert listing.export == export
    assert [
        (a.name, a.organisation, a.title, a.ticket_id, a.ticket_type) for a in listing
    ] == people
    assert listing.gone == skipped
    s = "" if skipped == 1 else "s"
    assert f"; {skipped} cancelled, expired or refunded order{s} skipped" in listing.summary()


def test_pretix_writes_company_twice_and_the_attendees_is_read_as_said():
    with collecting() as warned:
        listing = read_attendees(EXPORTS / "pretix-positions-en.csv", "orders.csv")
    header = listing.header
    assert [i + 1 for i, h in enumerate(header) if h == "Company"] == [19, 35]
    assert listing.attendees[0].organisation == "Deutsche Bahn Systel"  # not "Bahn Einkauf GmbH"
    assert warned == [
        "orders.csv:1:19: header: 'Company', 'Address', 'ZIP code', 'City', 'Country' and"
        " 'State' each appear more than once (pretix order positions export); the first is"
        " read (column 19, 20, 21, 22, 23, 24): the attendee's; pretix writes the invoice"
        " address's after the questions"
    ]


def test_a_header_twice_in_a_list_of_ones_own_is_legal_and_the_first_is_read(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Name,Email,Company,email\nAnna,a@x.org,Acme,b@x.org\n", encoding="utf-8")
    with collecting() as warned:
        [anna] = read_attendees(path, "people.csv")
    assert anna.email == "a@x.org"
    assert warned == [
        "people.csv:1:2: header: the column 'Email' appears 2 times (also column 4); column 2"
        " is read, for its field and in templates; rename the other if it is the one meant"
    ]


def test_status_paid_leaves_pending_orders_out_and_counts_them(tmp_path):
    listing = read_attendees(EXPORTS / "pretix-positions-en.csv", "o.csv", paid_only=True)
    assert [a.name for a in listing] == ["Mia Al-Sayed", "Yuki Mensah"]
    assert (listing.gone, listing.unpaid) == (2, 1)
    assert listing.summary().endswith(
        "; 2 cancelled, expired or refunded orders skipped; 1 unpaid order skipped (status: paid)"
    )


def test_status_paid_refuses_a_status_it_does_not_know(tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Name,Status\nAnna,Paid\nBo,maybe\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_attendees(path, "people.csv", paid_only=True)
    assert caught.value.message().startswith(
        "people.csv:3:2: row 2, column 'Status': 'maybe' is not a status known as paid,"
    )


@pytest.fixture(autouse=True)
def _in_the_folder(event_dir, monkeypatch):
    """Run where the organiser's files are, as from a terminal: a message names the list as
    the current folder sees it (``people.csv:3:1``), beside the event file."""
    monkeypatch.chdir(event_dir)


def _event(event_dir: Path, file: str, attendees: str, badges: str = "") -> Path:
    (event_dir / file).write_bytes((EXPORTS / file).read_bytes())
    path = event_dir / "event.yaml"
    body = path.read_text(encoding="utf-8").replace(
        "  sort: as-given\n", "  sort: as-given\n" + badges
    )
    path.write_text(body + f"\nattendees:\n  file: {file}\n{attendees}", encoding="utf-8")
    return Path(os.path.relpath(path))


ROLES = '  roles_from: {map: {"Speaker pass": speaker, Crew: staff}, default: attendee}\n'


def test_roles_come_from_the_ticket_type_and_codes_from_any_header(event_dir):
    event = _event(
        event_dir,
        "pretix-positions-en.csv",
        ROLES,
        '  qr: {url: "https://t.example.org/{Order code}/{Position ID}?p={pseudonymization_id}"}\n',
    )
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    body = flat(text(pdf))
    assert "Mia Al-Sayed" in body and "Tom Berg" not in body and "Ola Nord" not in body
    # roles from the Product column, in the event's language (Danish)
    labels = ("Deltager", "Oplægsholder", "Medarbejder", "Paneldeltager", "Ordstyrer")
    for name, role in [
        ("Mia Al-Sayed", "Deltager"),
        ("Yuki Mensah", "Oplægsholder"),
        ("Ana Lima", "Medarbejder"),
    ]:
        before = body[: body.index(name)]
        assert max(labels, key=lambda label: before.rfind(label + " ")) == role
    codes = {c.text for page in range(1) for c in qr_codes(pdf, page=page, dpi=300)}
    assert codes == {
        "https://t.example.org/ABC12/1?p=Q7XK2P",
        "https://t.example.org/ABC12/2?p=R8JD3M",
        "https://t.example.org/GHI56/1?p=W4NB6C",
    }
    assert "2 cancelled, expired or refunded orders skipped" in result.output


def test_a_ticket_type_the_map_lacks_names_the_value_and_near_misses(event_dir):
    event = _event(
        event_dir, "pretix-positions-en.csv", '  roles_from: {map: {"Speaker-pass": speaker}}\n'
    )
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == (
        "error: pretix-positions-en.csv:2:9: row 1, column 'Product': 'Conference ticket' is"
        " not in attendees.roles_from.map (the map has 'Speaker-pass'); add it to the map, or"
        " give a default: role (Mia Al-Sayed)"
    )
    assert lines[1].startswith(
        "error: pretix-positions-en.csv:3:9: row 2, column 'Product': 'Speaker pass' is not in"
        " attendees.roles_from.map; did you mean 'Speaker-pass'?"
    )
    assert lines[-1].startswith("3 rows cannot be printed, so nothing was written")
    assert not (event_dir / "out").exists()


@pytest.mark.parametrize(
    "where, names",
    [
        ("--only", ["Yuki Mensah"]),
        ("where", ["Yuki Mensah"]),
    ],
)
def test_filters_take_any_column(event_dir, where, names):
    extra = '  where: {Product: "speaker pass"}\n' if where == "where" else ""
    event = _event(event_dir, "pretix-positions-en.csv", ROLES + extra)
    args = ["--only", "Product=Speaker pass", "--only", "role=speaker"] if where == "--only" else []
    result = run("badges", event, "-o", event_dir / "out", *args)
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / ("badges-only.pdf" if args else "badges.pdf")
    body = flat(text(pdf))
    listed = ["Mia Al-Sayed", "Yuki Mensah", "Ana Lima"]
    assert [n for n in listed if n in body] == names


def test_where_names_a_column_the_list_lacks(event_dir):
    event = _event(event_dir, "pretix-positions-en.csv", '  where: {Produkt: "Speaker pass"}\n')
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {event}:")
    assert result.output.rstrip().endswith(
        "attendees.where.Produkt: the list has no column 'Produkt'; did you mean 'Product'?"
    )


def test_a_header_with_a_colon_is_a_placeholder_by_its_letters(event_dir):
    """pretix writes "Attendee name: Given name": {Attendee name: Given name} reads as a
    format spec and is refused, with the way to write it; that way fills the code."""
    (event_dir / "people.csv").write_text(
        "Attendee name,Attendee name: Given name,Ticket secret\nMia Berg,Mia,sec123\n", "utf-8"
    )
    event = event_dir / "event.yaml"
    body = event.read_text(encoding="utf-8") + "\nattendees: people.csv\n"
    template = '  sort: as-given\n  qr: {url: "https://t.example.org/{%s}"}\n'
    event.write_text(body.replace("  sort: as-given\n", template % "Attendee name: Given name"))
    refused = run("badges", event, "-o", event_dir / "out")
    assert refused.exit_code == 2
    assert refused.output.rstrip().endswith(
        "without '!' or ':' (found {Attendee name: Given name}); the column 'Attendee name:"
        " Given name' is written {attendee_name_given_name}"
    ), refused.output
    event.write_text(body.replace("  sort: as-given\n", template % "attendee_name_given_name"))
    result = run("badges", event, "-o", event_dir / "out", "--only", "name=Mia")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges-only.pdf"
    assert [c.text for c in qr_codes(pdf, 0)] == ["https://t.example.org/Mia"]


def test_a_pretix_rows_line_is_its_positions_own(tmp_path):
    """Lines were read from every ``"positionid"`` in the file: one inside an answer gave
    each later person the line of the one before."""
    import json

    from tests.hostile.make_lists import PRETIX

    data = json.loads(json.dumps(PRETIX))
    first, second = data["event"]["orders"][0]["positions"]
    first["answers"] = [{"question": "Q", "positionid": 7}]
    del second["positionid"]
    path = tmp_path / "orders.json"
    text = json.dumps(data, indent=1)
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    ids = [i + 1 for i, line in enumerate(lines) if line.startswith('      "positionid"')]
    starts = [i + 1 for i, line in enumerate(lines) if line == "     {"]  # each position's
    listing = read_attendees(path, "orders.json")
    assert [(a.name, a.origin.line) for a in listing] == [
        ("Anna Berg", ids[0]),
        ("Bo Hansen", starts[1]),  # its line, having no positionid
        ("Carl Ek", ids[1]),
    ]
