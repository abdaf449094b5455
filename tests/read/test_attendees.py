"""Attendee lists: messy real-world exports read exactly, or refused with one located message."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from printkit.errors import InputError
from printkit.read.attendees import (
    ALIASES,
    FIELDS,
    Attendee,
    ColumnMap,
    Origin,
    guess_columns,
    header_key,
    read_attendees,
)


def write(folder: Path, data: bytes | str, name: str = "people.csv", encoding: str = "utf-8"):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def read(path: Path, **kwargs):
    return read_attendees(path, path.name, **kwargs)


def refusal(path: Path, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        read(path, **kwargs)
    assert info.value.exit_code == 2
    return str(info.value)


def names(people) -> list[str]:
    return [person.name for person in people]


# -- reading messy exports correctly -----------------------------------------------------------

DANISH_EXCEL = (
    "\ufeffNavn ; Firma;E-mail;Billetnummer;Kost;;\r\n"
    "Søren Kierkegaard;Æbleø Bryggeri ApS;soren@example.dk;T-0001;;;\r\n"
    ";;;;;;\r\n"
    '  Åse Nørgaard  ;"Kommunernes Landsforening;\r\nCenter for Digitalisering";'
    "ase@example.dk;T-0002;Vegetar\r\n"
    "\r\n"
    '"Jens ""Jokke"" Hansen";Fællesforeningen;;T-0003\r\n'
    "Zoe\u0308 Ha\u030angstro\u0308m;;;;\r\n"  # decomposed (NFD) as some Mac exports write it
)


def test_danish_excel_export_with_bom_semicolons_quotes_and_blank_rows(tmp_path):
    people = read(write(tmp_path, DANISH_EXCEL))

    assert names(people) == [
        "Søren Kierkegaard",
        "Åse Nørgaard",
        'Jens "Jokke" Hansen',
        "Zoë Hångström",
    ]
    assert all(unicodedata.is_normalized("NFC", n) for n in names(people))
    soren, ase, jens, zoe = people
    assert soren == Attendee(
        name="Søren Kierkegaard",
        organisation="Æbleø Bryggeri ApS",
        email="soren@example.dk",
        ticket_id="T-0001",
        extra=(("Kost", ""),),
        origin=Origin("people.csv", 2, 1),
    )
    assert ase.organisation == "Kommunernes Landsforening;\r\nCenter for Digitalisering"
    assert ase.extra == (("Kost", "Vegetar"),)
    assert ase.origin == Origin("people.csv", 4, 3)
    assert jens.email is None and jens.ticket_id == "T-0003"
    assert jens.origin == Origin("people.csv", 7, 5)  # the quoted line break moved it down
    assert zoe.origin == Origin("people.csv", 8, 6)
    assert people.encoding == "utf-8-sig"
    assert people.delimiter == ";"
    assert (people.rows, people.blank_rows) == (6, 2)
    assert people.columns == ColumnMap(
        name="Navn", organisation="Firma", email="E-mail", ticket_id="Billetnummer"
    )
    assert people.header == ("Navn", "Firma", "E-mail", "Billetnummer", "Kost")
    assert people.summary() == (
        "people.csv: 4 attendees (UTF-8 with BOM, semicolon-separated; 2 blank rows skipped)"
    )


def test_windows_1252_export_with_nordic_letters_and_euro(tmp_path):
    text = (
        "Name,Company,Title,Fee\r\n"
        "Ærø Østergård,Brødrene Åberg A/S,Direktør,€ 250\r\n"
        '"Müller, Jürgen",Straße & Söhne GmbH,Geschäftsführer,"€ 1,000"\r\n'
        "Françoise Œuvrard,Café Noël,Chef – «cuisine»,€ 0\r\n"
    )
    people = read(write(tmp_path, text, encoding="cp1252"))

    assert people.encoding == "cp1252"
    assert people.delimiter == ","
    assert [(p.name, p.organisation, p.title, p.extra) for p in people] == [
        ("Ærø Østergård", "Brødrene Åberg A/S", "Direktør", (("Fee", "€ 250"),)),
        ("Müller, Jürgen", "Straße & Söhne GmbH", "Geschäftsführer", (("Fee", "€ 1,000"),)),
        ("Françoise Œuvrard", "Café Noël", "Chef – «cuisine»", (("Fee", "€ 0"),)),
    ]
    assert people.summary() == "people.csv: 3 attendees (Windows-1252, comma-separated)"


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    text = "Förnamn\tEfternamn\tFöretag\tE-post\nÅsa\tLindqvist\tSvenska Kraftnät\tasa@example.se\n"
    text += "Дмитрий\tПетров\tΑθήνα & Co\t\n李\t小龍\t\t\n"
    people = read(write(tmp_path, text, encoding="utf-16"))

    assert people.encoding == "utf-16"
    assert people.delimiter == "\t"
    assert names(people) == ["Åsa Lindqvist", "Дмитрий Петров", "李 小龍"]
    assert people.attendees[0].first_name == "Åsa"
    assert people.attendees[0].last_name == "Lindqvist"
    assert people.attendees[1].organisation == "Αθήνα & Co"
    assert people.attendees[2].email is None


def test_german_export_first_and_last_name_and_url_values(tmp_path):
    text = (
        "Vorname,Nachname,Firma,E-Mail-Adresse,Ticket-Nr,Sprache,Pronomen,Rolle,Bestellnummer\n"
        "Jürgen,Groß,Bäckerei Groß,jg@example.de,A17,de,er/ihm,Sprecher,9001\n"
        "Madonna,,,,A18,,,,9002\n"
    )
    people = read(write(tmp_path, text))

    jurgen, madonna = people
    assert jurgen == Attendee(
        name="Jürgen Groß",
        first_name="Jürgen",
        last_name="Groß",
        organisation="Bäckerei Groß",
        email="jg@example.de",
        ticket_id="A17",
        language="de",
        pronouns="er/ihm",
        role="Sprecher",
        extra=(("Bestellnummer", "9001"),),
        origin=Origin("people.csv", 2, 1),
    )
    assert madonna.name == "Madonna" and madonna.last_name is None
    template = "https://tickets.example.org/{ticket_id}?order={Bestellnummer}"
    assert template.format_map(jurgen.values()) == "https://tickets.example.org/A17?order=9001"
    assert people.encoding == "utf-8"


def test_short_rows_trailing_columns_and_spaces(tmp_path):
    text = "Name, Organisation ,Email,,\n  Ada Lovelace ,  Analytical Engines  \nAlan Turing,,,,\n"
    people = read(write(tmp_path, text))
    assert [(p.name, p.organisation, p.email) for p in people] == [
        ("Ada Lovelace", "Analytical Engines", None),
        ("Alan Turing", None, None),
    ]


def test_old_mac_line_endings(tmp_path):
    people = read(write(tmp_path, 'Name,Company\rAnna,"Acme\rNord"\r\rBo,Beta'))
    assert [(p.name, p.organisation, p.origin.line) for p in people] == [
        ("Anna", "Acme\rNord", 2),
        ("Bo", "Beta", 5),
    ]


def test_leading_blank_lines_and_excel_sep_hint(tmp_path):
    text = "sep=;\r\nName;Organisation, Inc\r\nAnna;Firma, A/S\r\n"
    people = read(write(tmp_path, text))
    assert people.delimiter == ";"
    assert people.attendees[0].origin == Origin("people.csv", 3, 1)
    assert people.attendees[0].extra == (("Organisation, Inc", "Firma, A/S"),)

    people = read(write(tmp_path, "\n\nName\nAnna\n"))
    assert names(people) == ["Anna"]
    assert people.attendees[0].origin == Origin("people.csv", 4, 1)


def test_delimiter_inside_quoted_header_does_not_count(tmp_path):
    text = '"Name, full";"Company, name";Email\n"Hansen, Anna";"A, B & C";a@example.org\n'
    people = read(write(tmp_path, text), columns={"name": "Name, full"})
    assert people.delimiter == ";"
    assert people.attendees[0].name == "Hansen, Anna"
    assert people.attendees[0].organisation == "A, B & C"


def test_tie_between_delimiters_is_settled_by_the_rows(tmp_path):
    text = "Name;Org,x\nAnna;Acme\nBo;Beta\n"  # one ';' and one ',' in the header
    people = read(write(tmp_path, text))
    assert people.delimiter == ";"
    assert [(p.name, p.extra) for p in people] == [
        ("Anna", (("Org,x", "Acme"),)),
        ("Bo", (("Org,x", "Beta"),)),
    ]


def test_explicit_columns_override_and_switch_off_guesses(tmp_path):
    text = "Title,Badge,Last name,First name,Ticket,Type\nMs,Kim Larsen,Larsen,Kim,T1,Speaker\n"
    people = read(
        write(tmp_path, text),
        columns={"name": "badge", "title": None, "role": "Type", "ticket_id": None},
    )
    kim = people.attendees[0]
    assert kim.name == "Kim Larsen"
    assert (kim.first_name, kim.last_name) == ("Kim", "Larsen")
    assert kim.title is None and kim.ticket_id is None
    assert kim.role == "Speaker"
    assert kim.extra == (("Title", "Ms"), ("Ticket", "T1"))
    assert people.columns == ColumnMap(
        name="Badge", first_name="First name", last_name="Last name", role="Type"
    )


def test_first_name_only_list_can_be_mapped_as_the_name(tmp_path):
    people = read(write(tmp_path, "First name,Team\nKim,Red\n"), columns={"name": "First name"})
    assert names(people) == ["Kim"]


# -- guessing columns ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers, expected",
    [
        (
            ["Full name", "Company", "Job title", "Email", "Ticket ID", "Pronouns", "Language"],
            ColumnMap(
                name="Full name",
                organisation="Company",
                title="Job title",
                email="Email",
                ticket_id="Ticket ID",
                pronouns="Pronouns",
                language="Language",
            ),
        ),
        (
            ["FORNAVN", "efternavn", "Virksomhed", "Stilling", "E-mail", "Billet", "Sprog"],
            ColumnMap(
                first_name="FORNAVN",
                last_name="efternavn",
                organisation="Virksomhed",
                title="Stilling",
                email="E-mail",
                ticket_id="Billet",
                language="Sprog",
            ),
        ),
        (
            ["Vorname", "Nachname", "Unternehmen", "E-Mail", "Rolle"],
            ColumnMap(
                first_name="Vorname",
                last_name="Nachname",
                organisation="Unternehmen",
                email="E-Mail",
                role="Rolle",
            ),
        ),
        (
            ["Namn", "Organisation", "Titel", "E-post", "Biljettnummer", "Språk"],
            ColumnMap(
                name="Namn",
                organisation="Organisation",
                title="Titel",
                email="E-post",
                ticket_id="Biljettnummer",
                language="Språk",
            ),
        ),
        (
            ["Fullt navn", "Organisasjon", "Tittel", "E-postadresse", "Billettnummer"],
            ColumnMap(
                name="Fullt navn",
                organisation="Organisasjon",
                title="Tittel",
                email="E-postadresse",
                ticket_id="Billettnummer",
            ),
        ),
        (
            ["first_name", "LAST-NAME", "e_mail"],
            ColumnMap(first_name="first_name", last_name="LAST-NAME", email="e_mail"),
        ),
        (["Title", "Job Title", "Name"], ColumnMap(name="Name", title="Job Title")),
        (["Comments", "Dietary needs"], ColumnMap()),
    ],
)
def test_guess_columns(headers, expected):
    assert guess_columns(headers) == expected


def test_each_header_name_belongs_to_one_field():
    owner: dict[str, str] = {}
    for field, aliases in ALIASES.items():
        for alias in aliases:
            key = header_key(alias)
            assert owner.setdefault(key, field) == field, (alias, owner[key], field)
    assert tuple(f.name for f in dataclasses.fields(ColumnMap)) == FIELDS


# -- workbooks ----------------------------------------------------------------------------------


def test_xlsx_first_sheet_with_numbers_dates_and_blank_rows(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tilmeldinger"
    sheet.append(["Fornavn", "Efternavn", "Billetnummer", "Tilmeldt", "Beløb"])
    sheet.append(["Søren", "Ødegaard", 1001, dt.datetime(2024, 6, 13, 9, 30), 250.0])
    sheet.append([])
    sheet.append(["  Åse ", "Brønd", 1002, dt.datetime(2024, 6, 14), 99.5])
    book.create_sheet("Noter").append(["Name"])
    book.save(tmp_path / "people.xlsx")

    people = read(tmp_path / "people.xlsx")

    assert [(p.name, p.ticket_id, p.extra) for p in people] == [
        ("Søren Ødegaard", "1001", (("Tilmeldt", "2024-06-13 09:30:00"), ("Beløb", "250"))),
        ("Åse Brønd", "1002", (("Tilmeldt", "2024-06-14"), ("Beløb", "99.5"))),
    ]
    assert [p.origin for p in people] == [
        Origin("people.xlsx", 2, 1),
        Origin("people.xlsx", 4, 3),
    ]
    assert (people.format, people.sheet, people.encoding, people.delimiter) == (
        "xlsx",
        "Tilmeldinger",
        None,
        None,
    )
    assert people.summary() == (
        "people.xlsx: 2 attendees (sheet 'Tilmeldinger'; 1 blank row skipped)"
    )


def test_xlsx_value_right_of_the_header(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["Name", "Company"])
    book.active.append(["Anna", "Acme", None, "forgotten"])
    book.save(tmp_path / "people.xlsx")
    assert refusal(tmp_path / "people.xlsx") == (
        "people.xlsx:2:4: row 1, column 4: a value in a column without a header;"
        " name the column or clear it"
    )


def test_xlsx_without_openpyxl_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl → ImportError
    path = write(tmp_path, b"PK\x03\x04rest of a zip", "people.xlsx")
    assert refusal(path) == (
        "people.xlsx: this is an Excel workbook (.xlsx), and reading one needs openpyxl:"
        " install it with pip install 'printkit[xlsx]', or save the sheet as CSV UTF-8"
    )


# -- refusals -----------------------------------------------------------------------------------

ROWS_12 = "".join(f"Person {i},Org {i},p{i}@example.org\n" for i in range(1, 12))

REFUSALS = [
    (
        "no-name-column-near-miss",
        "Nmae,Company,E-mail\nAnna,Acme,a@example.org\n",
        {},
        "people.csv:1: header: no name column (the columns are 'Nmae', 'Company', 'E-mail');"
        " if 'Nmae' holds the names, rename it 'Name' or map it: columns: {name: \"Nmae\"}",
    ),
    (
        "no-name-column",
        "Company;E-mail\nAcme;a@example.org\n",
        {},
        "people.csv:1: header: no name column (the columns are 'Company', 'E-mail');"
        " add a column 'Name' (or 'First name' and 'Last name'), or map yours: columns: {name: \"…\"}",
    ),
    (
        "first-name-without-last-name",
        "Fornavn;Firma\nKim;Acme\n",
        {},
        "people.csv:1: header: no last-name column to go with 'Fornavn' (the columns are"
        " 'Fornavn', 'Firma'); add it, or map columns: {name: \"Fornavn\"} to print 'Fornavn' alone",
    ),
    (
        "mapping-names-a-missing-header",
        "Full name,Company\nAnna,Acme\n",
        {"columns": {"name": "Full nme"}},
        "people.csv:1: columns.name: no column 'Full nme' in the header; did you mean 'Full name'?",
    ),
    (
        "mapping-names-a-missing-header-far-from-any",
        "Full name,Company\nAnna,Acme\n",
        {"columns": {"email": "Kontakt"}},
        "people.csv:1: columns.email: no column 'Kontakt' in the header"
        " (the columns are 'Full name', 'Company')",
    ),
    (
        "mapping-unknown-field",
        "Name\nAnna\n",
        {"columns": {"nmae": "Name"}},
        "people.csv:1: columns.nmae: not a field of an attendee; did you mean 'name'? (fields:"
        " name, first_name, last_name, organisation, title, role, pronouns, email, ticket_id, ticket_type, status, language)",
    ),
    (
        "row-without-a-name",
        'Name,Company,E-mail\nAnna,Acme,a@example.org\n"Bo\nBerg",Beta,\n,Gamma,g@example.org\n',
        {},
        "people.csv:5:1: row 3, column 'Name': empty; every attendee needs a name:"
        " fill it in or delete the row",
    ),
    (
        "row-without-first-or-last-name",
        "Fornavn;Efternavn;Firma\nKim;Larsen;Acme\n;;Beta\n",
        {},
        "people.csv:3:1: row 2: no name ('Fornavn' and 'Efternavn' are empty); every attendee"
        " needs a name: fill it in or delete the row",
    ),
    (
        "more-cells-than-the-header",
        'Name,Company,E-mail\nAnna,Acme,a@example.org\n"Bo\nBerg",Beta, Inc,b@example.org\n',
        {},
        "people.csv:3:4: row 2: 4 cells, but the header has 3 columns; put a value that contains"
        " ',' in double quotes, or delete the extra cells",
    ),
    (
        "extra-cells-empty-then-not",
        "Name;Company\nAnna;Acme;;;x\n",
        {},
        "people.csv:2:5: row 1: 5 cells, but the header has 2 columns; put a value that contains"
        " ';' in double quotes, or delete the extra cells",
    ),
    (
        "value-under-a-column-without-header",
        "Name;;Company\nAnna;x;Acme\n",
        {},
        "people.csv:2:2: row 1, column 2: a value in a column without a header;"
        " name the column or clear it",
    ),
    (
        "header-only",
        "Name,Company\r\n",
        {},
        "people.csv:1: header: no attendees below the header; check that the export includes the people",
    ),
    (
        "header-and-blank-rows",
        "Name,Company\n,\n\n",
        {},
        "people.csv:1: header: no attendees below the header (only 2 blank rows); check that the export"
        " includes the people",
    ),
    (
        "empty-file",
        "",
        {},
        "people.csv: the file is empty; export the attendee list with a header row (Name, Organisation, …)",
    ),
    (
        "blank-lines-only",
        "\ufeff\r\n;;;\r\n  \r\n",
        {},
        "people.csv: the file is empty; export the attendee list with a header row (Name, Organisation, …)",
    ),
    (
        "too-many-rows",
        "Name,Company,Email\n" + ROWS_12,
        {"max_rows": 10},
        "people.csv:12: row 11: more than 10 attendees, the most read from one list; split the"
        " list, or raise the limit (attendees: {max_rows: 20})",
    ),
    (
        "unclosed-quote",
        'Name,Company\nAnna,Acme\nBo,"Beta\nCarl,Gamma\n',
        {},
        "people.csv:3:2: row 2, column 'Company': a double quote (\") opened in this cell is"
        " never closed, so the rest of the file was read into it; close or remove the quote",
    ),
    (
        "value-too-long",
        "Name,Company\nAnna," + "x" * 301 + "\n",
        {},
        "people.csv:2:2: row 1, column 'Company': 301 characters, more than the 300 a badge can"
        ' hold; shorten it (if it holds several rows, a stray double quote (") joined them:'
        " check the quotes)",
    ),
    (
        "control-character",
        "Name,Company\nAn\x07na,Acme\n",
        {},
        "people.csv:2:1: row 1, column 'Name': contains the control character U+0007; remove it",
    ),
]


@pytest.mark.parametrize("case, text, kwargs, expected", REFUSALS, ids=[c[0] for c in REFUSALS])
def test_bad_lists_are_refused_with_a_located_message(tmp_path, case, text, kwargs, expected):
    assert refusal(write(tmp_path, text), **kwargs) == expected


BYTE_REFUSALS = [
    (
        "neither-utf8-nor-cp1252",
        b"Name,Company\nS\xf8ren,Acme\nAnna,Caf\x81\n",
        "people.csv:3: byte 0x81 is neither UTF-8 nor Windows-1252, the two encodings read here"
        ' (Excel for Mac\'s plain CSV is Mac Roman); save it as "CSV UTF-8"'
        " (in Excel: File → Save As → CSV UTF-8)",
    ),
    (
        "neither-with-old-mac-line-endings",
        b"Name\rS\xf8ren\r\rAnna\x8d\r",
        "people.csv:4: byte 0x8D is neither UTF-8 nor Windows-1252, the two encodings read here"
        ' (Excel for Mac\'s plain CSV is Mac Roman); save it as "CSV UTF-8"'
        " (in Excel: File → Save As → CSV UTF-8)",
    ),
    (
        "mostly-utf8-with-a-stray-byte",
        "Name,Company\nSøren,Æble\nÅse,Brød\n".encode() + b"J\xf8rgen,Acme\n",
        "people.csv:4: byte 0xF8 is not UTF-8, but the rest of the file is: it mixes two"
        ' encodings; retype the characters on that line and save it as "CSV UTF-8"'
        " (in Excel: File → Save As → CSV UTF-8)",
    ),
    (
        "bom-but-not-utf8",
        b"\xef\xbb\xbfName\nS\xf8ren\n",
        "people.csv:2: byte 0xF8 is not UTF-8, though the file starts with a UTF-8 byte-order"
        ' mark; retype that character or save it as "CSV UTF-8"'
        " (in Excel: File → Save As → CSV UTF-8)",
    ),
    (
        "utf16-bom-but-truncated",
        "Name\nAnna\n".encode("utf-16") + b"\x00",
        "people.csv: the file starts with a UTF-16 byte-order mark but is not UTF-16;"
        ' save it as "CSV UTF-8" (in Excel: File → Save As → CSV UTF-8)',
    ),
    (
        "nul-byte",
        b"Name\nAnna\nB\x00o\n",
        "people.csv:3: the file contains a NUL byte, so it is not a CSV text file (a workbook,"
        " or UTF-16 without a byte-order mark?); export the list as CSV UTF-8",
    ),
    (
        "old-xls-workbook",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
        "people.csv: this is an old Excel 97–2003 workbook (.xls); save it as .xlsx or as CSV UTF-8",
    ),
]


@pytest.mark.parametrize("case, data, expected", BYTE_REFUSALS, ids=[c[0] for c in BYTE_REFUSALS])
def test_undecodable_files_are_refused(tmp_path, case, data, expected):
    assert refusal(write(tmp_path, data)) == expected


def test_damaged_workbook(tmp_path):
    pytest.importorskip("openpyxl")
    path = write(tmp_path, b"PK\x03\x04 not really a zip", "people.xlsx")
    assert refusal(path) == (
        "people.xlsx: cannot read the workbook (BadZipFile); open it in Excel and save it again"
    )


def test_stray_quote_joining_a_huge_cell(tmp_path):
    text = 'Name,Company\nAnna,"Acme\n' + "Bo,Beta\n" * 20_000 + 'Carl,"Gamma"\n'
    assert refusal(write(tmp_path, text)) == (
        "people.csv:2: row 1: a cell is longer than 131,072 characters; a stray double quote"
        ' (") has probably joined many rows into one cell: check the quotes'
    )


def test_missing_file_and_folder(tmp_path):
    assert refusal(tmp_path / "people.csv") == (
        f"people.csv: attendee list not found (looked in {tmp_path.resolve()}); check the path"
    )
    (tmp_path / "people.csv").mkdir()
    assert refusal(tmp_path / "people.csv") == (
        "people.csv: is a folder; give the path of a CSV or XLSX file"
    )


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "people.csv"
    with path.open("wb") as handle:
        handle.truncate(50_000_001)  # sparse: no 50 MB written
    assert refusal(path) == (
        "people.csv: the file is 50,000,001 bytes; an attendee list may be at most 50,000,000"
        " bytes (50 MB): remove columns you do not need or split the list"
    )


def test_limit_counts_attendees_not_blank_rows(tmp_path):
    text = "Name\n" + "".join(f"P{i}\n\n" for i in range(10))
    people = read(write(tmp_path, text), max_rows=10)
    assert (len(people), people.rows, people.blank_rows) == (10, 20, 10)


# -- property: whatever the csv module writes, we read back ------------------------------------

SPECIAL = ';,"\t\n\r '
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.'&/()æøåÆØÅäöüÄÖÜßéèêçñ€–"
LATIN_TEXT = st.text(st.sampled_from(SPECIAL + LATIN), max_size=25)
WORLD_TEXT = st.text(
    st.one_of(
        st.sampled_from(SPECIAL),
        st.characters(exclude_categories=("Cs", "Cc")),
    ),
    max_size=25,
)


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@st.composite
def attendee_files(draw):
    text = draw(st.sampled_from([LATIN_TEXT, WORLD_TEXT]))
    name = text.filter(lambda s: _clean(s) != "")
    rows = draw(st.lists(st.tuples(name, text, text), min_size=1, max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    if newline == "\n" and quoting == csv.QUOTE_MINIMAL:
        # Python 3.11's writer leaves a bare CR unquoted unless it is in the line terminator,
        # which makes a file no reader can tell apart from one with a line break there.
        rows = [tuple(value.replace("\r", "") for value in row) for row in rows]
        assume(all(_clean(row[0]) for row in rows))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline, quoting=quoting)
    writer.writerow(["Name", "Organisation", "Note"])
    writer.writerows(rows)
    encodings = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
    encoding = draw(st.sampled_from(encodings))
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        encoding = "utf-8"
        data = buffer.getvalue().encode(encoding)
    return rows, delimiter, encoding, data


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(attendee_files())
def test_what_the_csv_module_writes_is_read_back_identical(tmp_path, case):
    rows, delimiter, encoding, data = case
    ascii_only = data.isascii()
    if encoding == "cp1252" and not ascii_only:
        # A Windows-1252 file whose bytes also happen to be well-formed UTF-8 is ambiguous
        # and read as UTF-8; real text never does this (a letter followed by a symbol).
        assume(all(c == "\ufffd" or c < "\x80" for c in data.decode("utf-8", "replace")))
    people = read(write(tmp_path, data))

    assert [(p.name, p.organisation, p.extra) for p in people] == [
        (_clean(n), _clean(o) or None, (("Note", _clean(x)),)) for n, o, x in rows
    ]
    assert people.delimiter == delimiter
    expected_encoding = "utf-8" if encoding == "cp1252" and ascii_only else encoding
    assert people.encoding == expected_encoding
    assert (people.rows, people.blank_rows) == (len(rows), 0)


def test_readme_lists_the_recognised_headers():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for field, aliases in ALIASES.items():
        assert f"| `{field}` | {', '.join(aliases)} |" in readme


def test_a_list_padded_with_millions_of_blank_rows_is_refused_at_the_limit(event_dir, monkeypatch):
    """Blank rows counted against a bound of their own: 2,000,000 empty lines after one
    person are refused at the 100,001st (they took 80 s for 10 MB, with no bound at all)."""
    from printkit.read.attendees import MAX_BLANK_ROWS
    from tests.conftest import run

    (event_dir / "people.csv").write_text("Name,Company\nAnna Berg,KL\n" + "\n" * 2_000_000)
    event = event_dir / "event.yaml"
    event.write_text(event.read_text(encoding="utf-8") + "\nattendees: people.csv\n", "utf-8")
    monkeypatch.chdir(event_dir)
    result = run("badges", "event.yaml", "-o", event_dir / "out")
    row = MAX_BLANK_ROWS + 2  # the person is row 1
    assert (result.exit_code, result.output) == (
        2,
        f"error: people.csv:{row + 1}: row {row}: more than {MAX_BLANK_ROWS:,} blank rows; the"
        " file is padded with empty rows: delete them (in a spreadsheet, the rows below the"
        " last person)\n",
    )
