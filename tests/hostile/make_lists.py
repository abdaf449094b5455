"""Write the attendee-list attacks of issue 13's second round (csv/pretix-json-*.json and the
workbooks and lists beside them), and the schedule sheets' (schedules/sheet-*, xlsx-*). Run
from this folder:

    python make_lists.py

The files are committed; this script says how each was made, from one small pretix export.
"""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CSV = HERE / "csv"

#: pretix's "Order data (JSON)" cut to what printkit reads: two orders, three positions.
PRETIX = {
    "event": {
        "name": "Hostile",
        "items": [{"id": 11, "name": "Conference ticket"}, {"id": 12, "name": "Speaker pass"}],
        "orders": [
            {
                "code": "Q1W2E",
                "status": "p",
                "email": "a@example.org",
                "total": "250.00",
                "positions": [
                    {
                        "positionid": 1,
                        "item": 11,
                        "price": "250.00",
                        "attendee_name": "Anna Berg",
                        "company": "ACME",
                        "secret": "k2j3h4",
                    },
                    {
                        "positionid": 2,
                        "item": 12,
                        "price": "0.00",
                        "attendee_name": "Bo Hansen",
                        "company": "DTU",
                        "secret": "p0o9i8",
                    },
                ],
            },
            {
                "code": "Z9X8C",
                "status": "p",
                "email": "c@example.org",
                "total": "250.00",
                "positions": [
                    {
                        "positionid": 1,
                        "item": 11,
                        "price": "250.00",
                        "attendee_name": "Carl Ek",
                        "company": "KL",
                        "secret": "m1n2b3",
                    }
                ],
            },
        ],
    }
}


def _export(change=None) -> str:
    data = copy.deepcopy(PRETIX)
    if change is not None:
        change(data["event"])
    return json.dumps(data, indent=1, allow_nan=True) + "\n"


def pretix_files() -> None:
    def put(name: str, text: str) -> None:
        (CSV / name).write_text(text, encoding="utf-8")

    orders = "orders"
    put("pretix-json-order-a-number.json", _export(lambda e: e[orders].insert(1, 42)))
    put(
        "pretix-json-position-a-string.json",
        _export(lambda e: e[orders][0]["positions"].insert(1, "Bo Hansen")),
    )
    put(
        "pretix-json-positions-not-a-list.json",
        _export(lambda e: e[orders][1].update(positions="Carl Ek")),
    )
    put("pretix-json-product-not-an-object.json", _export(lambda e: e["items"].append("Crew")))
    put(
        "pretix-json-name-an-object.json",
        _export(lambda e: e[orders][0]["positions"][1].update(attendee_name={"given": "Bo"})),
    )
    put(
        "pretix-json-nan.json",
        _export(lambda e: e[orders][0]["positions"][0].update(price=float("nan"))),
    )
    put("pretix-json-infinity.json", _export(lambda e: e[orders][1].update(total=float("inf"))))
    put(
        "pretix-json-1e400.json",
        _export().replace('"total": "250.00"', '"total": 1e400', 1),
    )
    put(
        "pretix-json-5000-digits.json",
        _export().replace('"positionid": 2', '"positionid": ' + "9" * 5000),
    )
    put(
        "pretix-json-key-twice.json",
        _export().replace('"company": "DTU"', '"company": "DTU",\n     "company": "Evil Corp"'),
    )
    put(  # a \\ud800 escape: half a character, which no text holds
        "pretix-json-lone-surrogate.json",
        _export(lambda e: e[orders][1]["positions"][0].update(secret="m1n2\ud800")),
    )
    deep = 100_000
    put(
        "pretix-json-nested-100000-deep.json",
        '{"event": {"orders": ' + "[" * deep + "]" * deep + "}}\n",
    )


def _book(sheets: dict[str, list[tuple]], active: int = 0, states: dict[str, str] | None = None):
    """A workbook of these sheets (title → rows), ``active`` the tab open when it was saved;
    ``states`` hides sheets (written into xl/workbook.xml as Excel does, any tab allowed)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    members = _unzip(buffer.getvalue())
    workbook = members["xl/workbook.xml"].decode()
    workbook = re.sub(r'activeTab="\d+"', "", workbook)
    workbook = workbook.replace("<workbookView ", f'<workbookView activeTab="{active}" ')
    for title, state in (states or {}).items():
        workbook = re.sub(
            rf'(name="{title}" sheetId="\d+") state="visible"', rf'\1 state="{state}"', workbook
        )
    members["xl/workbook.xml"] = workbook.encode()
    return _zip(members)


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes]) -> bytes:
    """The members as a ZIP file, dated 2024-05-01 (so a file is the same every run)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, (2024, 5, 1, 0, 0, 0)), data)
    return out.getvalue()


PEOPLE = [("Name", "Company"), ("Anna Berg", "ACME"), ("Bo Hansen", "DTU")]
OLD = [("Name", "Company"), ("Hidden Person", "Old export")]


def workbook_files() -> None:
    def put(name: str, data: bytes) -> None:
        (CSV / name).write_bytes(data)

    put(
        "xlsx-first-sheet-hidden.xlsx",
        _book({"Old": OLD, "Attendees": PEOPLE}, active=1, states={"Old": "hidden"}),
    )
    put(  # a hand-made file: the active tab itself is hidden
        "xlsx-active-sheet-very-hidden.xlsx",
        _book({"Old": OLD, "Attendees": PEOPLE}, active=0, states={"Old": "veryHidden"}),
    )
    put(
        "xlsx-two-visible-sheets.xlsx",
        _book({"Notes": [("Catering", "Tuesday")], "Attendees": PEOPLE, "Empty": []}, active=1),
    )
    put(
        "xlsx-every-sheet-hidden.xlsx",
        _book({"Attendees": PEOPLE}, states={"Attendees": "hidden"}),
    )
    put(
        "xlsx-error-value-as-company.xlsx",
        _book({"Attendees": [*PEOPLE[:2], ("Bo Hansen", "#DIV/0!")]}),
    )
    put("xlsx-error-value-as-name.xlsx", _book({"Attendees": [*PEOPLE[:2], ("#N/A", "DTU")]}))
    put("xlsx-header-row-again.xlsx", _book({"Attendees": [*PEOPLE[:2], *PEOPLE]}))
    data = _book({"Attendees": [*PEOPLE, ("Carl Ek", "#WHAT!")]})
    put("xlsx-unknown-error-value.xlsx", _error_cell(data, "#WHAT!"))


def _error_cell(data: bytes, text: str) -> bytes:
    """The cell holding ``text`` made an error cell (t="e"), as no program writes it."""
    members = _unzip(data)
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    sheet = re.sub(
        rf'<c r="([A-Z]+\d+)" t="inlineStr"><is><t>{re.escape(text)}</t></is></c>',
        rf'<c r="\1" t="e"><v>{text}</v></c>',
        sheet,
    )
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    return _zip(members)


def text_lists() -> None:
    def put(name: str, text: str) -> None:
        (CSV / name).write_text(text, encoding="utf-8")

    put("error-value-as-name.csv", "Name,Company\nAnna Berg,ACME\n#REF!,DTU\n")
    put("error-value-as-company.csv", "Name,Company,Title\nAnna Berg,#N/A,Chair\n")
    put(
        "header-row-again.csv",
        "Name,Company\nAnna Berg,ACME\n\nNAME , company,,\nBo Hansen,DTU\n",
    )
    exports = HERE.parent / "read" / "exports"
    header, *rows = (exports / "eventbrite-attendees.csv").read_text("utf-8").splitlines(True)
    put(  # two reports pasted into one: the second's header stays between them
        "eventbrite-reports-pasted-together.csv", "".join([header, rows[0], header, *rows[1:]])
    )


SESSIONS = [
    ("Date", "Start", "End", "Room", "Title", "Track", "Speakers"),
    ("2027-05-20", "10:00", "10:30", "Hall", "Opening", "Data", "Anna Berg"),
    ("2027-05-20", "11:00", "11:30", "Hall", "Open budgets", "Data", "Bo Ek"),
]


def schedule_sheets() -> None:
    """Schedule sheets with what attendee lists have too: error values, the header again."""
    schedules = HERE / "schedules"

    def put(name: str, rows: list[tuple]) -> None:
        if name.endswith(".xlsx"):
            (schedules / name).write_bytes(_book({"Programme": rows}))
        else:
            text = "".join(",".join(row) + "\n" for row in rows)
            (schedules / name).write_text(text, encoding="utf-8")

    def changed(row: int, column: int, value: str) -> list[tuple]:
        rows = list(SESSIONS)
        rows[row] = (*rows[row][:column], value, *rows[row][column + 1 :])
        return rows

    put("sheet-error-value-as-room.csv", changed(2, 3, "#N/A"))
    put("sheet-error-value-as-track.csv", changed(1, 5, "#REF!"))
    put("sheet-header-row-again.csv", [*SESSIONS[:2], SESSIONS[0], SESSIONS[2]])
    put("xlsx-error-value-as-speakers.xlsx", changed(1, 6, "#N/A"))
    put("xlsx-header-row-again.xlsx", [*SESSIONS[:2], SESSIONS[0], SESSIONS[2]])


if __name__ == "__main__":
    pretix_files()
    workbook_files()
    text_lists()
    schedule_sheets()
