"""Attendee lists on badges: messy exports, roles, merging, sorting, filtering, personal QR."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run
from tests.pdfread import find_text, flat, page_count, qr_codes, text
from tests.products.test_badges import assert_glyphs_in_safe_areas

PANEL = [
    "Jan Damsgaard",
    "Jørgen Bardenfleth",
    "Laila Kildesgaard",
    "Lars Frelle",
    "Jesper Zwisler",
    "Tom Jacobsgaard",
]


@pytest.fixture(autouse=True)
def _in_the_folder(event_dir, monkeypatch):
    """Run where the organiser's files are, as from a terminal: a message names the list as
    the current folder sees it (``people.csv:3:1``), beside the event file."""
    monkeypatch.chdir(event_dir)


def _event(
    event_dir: Path, csv: bytes, badges_extra: str = "", attendees: str = "attendees: people.csv"
) -> Path:
    (event_dir / "people.csv").write_bytes(csv)
    path = event_dir / "event.yaml"
    text_ = path.read_text(encoding="utf-8")
    text_ = text_.replace("  sort: as-given\n", "  sort: as-given\n" + badges_extra)
    path.write_text(text_ + "\n" + attendees + "\n", encoding="utf-8")
    return Path(os.path.relpath(path))


MESSY = [
    (
        "bom-comma",
        '\ufeffName,Organisation,Role\r\nÅse Østergaard,KL,Presse\r\nZoë Ångström,"Region H, IT",staff\r\n'.encode(),
    ),
    (
        "cp1252-semicolon",
        "Navn;Firma\r\nSøren Ærø;Fællesrådet\r\nJosé Müller;Café €uro\r\n".encode("cp1252"),
    ),
    (
        "quoted-newline",
        b'Name,Organisation\n"Ida Holm","Region Hovedstaden\nCenter for IT"\nBo Ek,KL\n',
    ),
    ("blank-rows", b"Name,Organisation\n\nPer Dal,KL\n,\n\nMia Lund,DR\n\n"),
    (
        "first-last-tab",
        b"First name\tLast name\tCompany\nNils\tNilsson\tSVT\nKaja\tKaare\tNRK\n",
    ),
]


@pytest.mark.parametrize("name, data", MESSY, ids=[m[0] for m in MESSY])
def test_messy_exports_badge_every_person_exactly_once(event_dir, name, data):
    event = _event(event_dir, data)
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    body = flat(text(pdf))
    import csv
    import io

    decoded = data.decode("utf-8-sig") if name != "cp1252-semicolon" else data.decode("cp1252")
    delimiter = {"cp1252-semicolon": ";", "first-last-tab": "\t"}.get(name, ",")
    rows = [r for r in csv.reader(io.StringIO(decoded), delimiter=delimiter)][1:]
    listed = [
        " ".join(r[:2]) if name == "first-last-tab" else r[0]
        for r in rows
        if any(c.strip() for c in r)
    ]
    for person in listed + PANEL:
        assert body.count(person) == 1, person
    assert (
        f"badges: {len(listed) + 6} badges on 1 page; 6 from the event file, people.csv: {len(listed)} attendees"
        in result.stderr
    )
    assert_glyphs_in_safe_areas(
        pdf,
        __import__("printkit.read.event", fromlist=["DEFAULT_SHEET"]).DEFAULT_SHEET,
        len(listed) + 6,
    )


def test_quoted_newline_in_an_organisation_prints_on_one_line(event_dir):
    event = _event(event_dir, MESSY[2][1])
    assert run("badges", event, "-o", event_dir / "out").exit_code == 0
    assert "Region Hovedstaden Center for IT" in flat(text(event_dir / "out" / "badges.pdf"))


def test_a_missing_name_column_is_refused_with_its_location(event_dir):
    event = _event(event_dir, b"Nmae,Company\nA B,C\n")
    out = event_dir / "out"
    result = run("badges", event, "-o", out)
    assert result.exit_code == 2
    assert result.output == (
        "error: people.csv:1: header: no name column (the columns are 'Nmae', 'Company'); if 'Nmae' holds"
        " the names, rename it 'Name' or map it: columns: {name: \"Nmae\"}\n"
    )
    assert not out.exists()


def test_an_unknown_role_names_row_and_column(event_dir):
    event = _event(event_dir, b"Name,Role\nA B,staff\nC D,Sponsr\n")
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    assert result.output.startswith(
        "error: people.csv:3:2: row 2, column 'Role': 'Sponsr' is not a role; use one of panelist, moderator,"
        " speaker, staff, press, attendee, or add it under roles: in event.yaml"
    )


def test_roles_labels_and_colours_from_event_yaml(event_dir):
    event = _event(event_dir, b"Name,Role\nA B,sponsor\nC D,Presse\n")
    path = event_dir / "event.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "roles:\n  sponsor: {label: Hovedsponsor, colour: [0, 20, 100, 0]}\n",
        encoding="utf-8",
    )
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    body = flat(text(event_dir / "out" / "badges.pdf"))
    assert "Hovedsponsor" in body and "Presse" in body
    from tests.pdfread import content_streams

    stream = b"".join(content_streams(event_dir / "out" / "badges.pdf"))
    assert b"0 .2 1 0 k" in stream  # the sponsor's band, in its own CMYK
    assert b"0 1 .85 .1 k" in stream  # the built-in press colour


def test_a_panelist_in_the_list_gets_one_badge(event_dir):
    event = _event(event_dir, b"Name,Ticket\nJan Damsgaard,T-9\nNy Person,T-10\n")
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 0
    body = flat(text(event_dir / "out" / "badges.pdf"))
    assert body.count("Jan Damsgaard") == 1
    assert "1 listed people merged with the event's" in result.stderr


def test_danish_sort_puts_ae_oe_aa_after_z(event_dir):
    data = "Name\nÅse Åberg\nZara Zahle\nØrnulf Ørsted\nAnna Andersen\nÆgir Ærø\n".encode()
    event = _event(event_dir, data, attendees="attendees: people.csv")
    result = run(
        "badges", event, "-o", event_dir / "out", "--sort", "last-name", "--only", "role=attendee"
    )
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges-only.pdf"
    order = ["Anna Andersen", "Zara Zahle", "Ægir Ærø", "Ørnulf Ørsted", "Åse Åberg"]
    positions = [find_text(pdf, n)[0] for n in order]
    reading = sorted(range(len(order)), key=lambda i: (-round(positions[i][3]), positions[i][0]))
    assert reading == list(range(len(order)))  # laid out in that order, row by row


def test_sort_by_role_and_filter_by_name(event_dir):
    event = _event(event_dir, b"Name,Role\nAnn Staff,staff\nBo Press,press\n")
    result = run("badges", event, "-o", event_dir / "out", "--only", "name=jacobsgaard")
    assert result.exit_code == 0
    body = flat(text(event_dir / "out" / "badges-only.pdf"))
    assert "Tom Jacobsgaard" in body and "Jan Damsgaard" not in body and "Ann Staff" not in body
    bad = run("badges", event, "-o", event_dir / "out2", "--only", "colour=red")
    assert bad.exit_code == 2
    assert (
        bad.output
        == "error: --only: 'colour' is neither a field (role, name, organisation, ticket_id,"
        " email) nor a column of the attendee list\n"
    )


def test_every_personal_qr_decodes_to_its_person(event_dir):
    rows = "".join(f"Person {i:02d} Jensen,T-{1000 + i}\n" for i in range(12))
    event = _event(
        event_dir,
        ("Name,Ticket\n" + rows).encode(),
        badges_extra='  qr: {url: "https://tickets.example.org/{ticket_id}"}\n',
    )
    result = run("badges", event, "-o", event_dir / "out", "--only", "role=attendee")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges-only.pdf"
    assert page_count(pdf) == 2
    found = {}
    for page in range(2):
        for code in qr_codes(pdf, page=page, dpi=200):
            found[code.text] = (page, code.centre)
    assert sorted(found) == sorted(f"https://tickets.example.org/T-{1000 + i}" for i in range(12))
    # each code sits on the same badge as its person's name
    from printkit.read.event import DEFAULT_SHEET

    for i in range(12):
        page, (x, y) = found[f"https://tickets.example.org/T-{1000 + i}"]
        [box] = find_text(pdf, f"Person {i:02d} Jensen", page)
        slot = next(
            DEFAULT_SHEET.slot(c, r)
            for r in range(5)
            for c in range(2)
            if DEFAULT_SHEET.slot(c, r).x <= x <= DEFAULT_SHEET.slot(c, r).right
            and DEFAULT_SHEET.slot(c, r).y <= y <= DEFAULT_SHEET.slot(c, r).top
        )
        assert slot.x <= box[0] and box[2] <= slot.right and slot.y <= box[1] and box[3] <= slot.top


def test_vcard_qr(event_dir):
    event = _event(
        event_dir,
        'Name,Organisation,E-mail,Title\nAnna Ørsted,"KL; Center",anna@example.dk,Chef\n'.encode(),
        badges_extra="  qr: vcard\n",
    )
    result = run("badges", event, "-o", event_dir / "out", "--only", "role=attendee")
    assert result.exit_code == 0, result.output
    [code] = qr_codes(event_dir / "out" / "badges-only.pdf", dpi=300)
    assert code.text.split("\r\n") == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Ørsted;Anna",
        "FN:Anna Ørsted",
        "ORG:KL\\; Center",
        "TITLE:Chef",
        "EMAIL:anna@example.dk",
        "END:VCARD",
    ]


def test_a_vcard_too_large_to_read_from_a_phone_leaves_out_the_title_and_says_so(
    event_dir, monkeypatch
):
    """Anna's card has room for everything; Hans-Jürgen's, in full, would be a code of more
    than 45 modules (version 8): his leaves out the title, which his badge still shows."""
    long_title = "Wissenschaftlicher Mitarbeiter im Bereich Digitale Verwaltung"
    event = _event(
        event_dir,
        (
            "Name,Organisation,E-mail,Title\n"
            "Anna Ørsted,KL,anna@example.dk,Chef\n"
            f"Hans-Jürgen Müller,Fraunhofer IAO,hans-juergen.mueller@iao.fraunhofer.de,{long_title}\n"
        ).encode(),
        badges_extra="  qr: vcard\n",
    )
    result = run("badges", event, "-o", event_dir / "out", "--only", "role=attendee")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges-only.pdf"
    cards = sorted(code.text.split("\r\n") for code in qr_codes(pdf, dpi=300))
    assert cards == [
        ["BEGIN:VCARD", "VERSION:3.0", "N:Müller;Hans-Jürgen", "FN:Hans-Jürgen Müller"]
        + ["ORG:Fraunhofer IAO", "EMAIL:hans-juergen.mueller@iao.fraunhofer.de", "END:VCARD"],
        ["BEGIN:VCARD", "VERSION:3.0", "N:Ørsted;Anna", "FN:Anna Ørsted", "ORG:KL"]
        + ["TITLE:Chef", "EMAIL:anna@example.dk", "END:VCARD"],
    ]
    assert long_title in flat(text(pdf))  # on the badge, if not in the card

    monkeypatch.chdir(event_dir)
    review = run("review", "event.yaml")
    line = next(ln for ln in review.output.splitlines() if "badges.qr:" in ln)
    assert line.endswith(
        "badges.qr: 1 personal vCards leave out the title, or the title and organisation, which"
        " the badges show, so that their codes read from a phone at 25 cm: Hans-Jürgen Müller"
    )


def test_missing_ticket_in_the_list_is_refused(event_dir):
    event = _event(
        event_dir,
        b"Name,Ticket\nA B,T-1\nC D,\n",
        badges_extra='  qr: {url: "https://tickets.example.org/{ticket_id}"}\n',
    )
    result = run("badges", event, "-o", event_dir / "out")
    assert result.exit_code == 2
    assert (
        result.output
        == "error: people.csv:3: row 2: 'C D' has no ticket_id, which the badge's QR code needs; fill it in or drop the QR code\n"
    )


def test_name_presentation_options(event_dir):
    event = _event(
        event_dir,
        "First name,Last name,Pronouns\nMaria,Ørsted-Hansen,hun/hende\n".encode(),
        badges_extra="  name: {first_above: true, case: upper}\n",
    )
    result = run("badges", event, "-o", event_dir / "out", "--only", "role=attendee")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges-only.pdf"
    [first] = find_text(pdf, "MARIA")
    [family] = find_text(pdf, "ØRSTED-HANSEN")
    [pronouns] = find_text(pdf, "hun/hende")
    assert (
        first[1] > family[3] > family[1] > pronouns[3]
    )  # first name above the family name, then pronouns
    assert (first[3] - first[1]) > (family[3] - family[1])  # and larger


def test_a_light_role_colour_gets_black_words(event_dir):
    from tests.pdfread import content_streams

    event = _event(event_dir, b"Name,Role\nA B,sponsor\n")
    path = event_dir / "event.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "roles:\n  sponsor: {label: Sponsor, colour: [0, 15, 100, 0]}\n",
        encoding="utf-8",
    )
    assert run("badges", event, "-o", event_dir / "out", "--only", "role=sponsor").exit_code == 0
    stream = b"".join(content_streams(event_dir / "out" / "badges-only.pdf"))
    band = stream.index(b"0 .15 1 0 k")  # the yellow band …
    label = stream.index(b"(", band)  # … and the next text drawn after it
    assert stream.rfind(b"0 0 0 1 k", band, label) != -1  # in 100 % K, not white
