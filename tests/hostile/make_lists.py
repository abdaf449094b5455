"""Write the attendee-list attacks of issue 13's second round (csv/pretix-json-*.json and the
workbooks and lists beside them). Run from this folder:

    python make_lists.py

The files are committed; this script says how each was made, from one small pretix export.
"""

from __future__ import annotations

import copy
import json
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
    deep = 100_000
    put(
        "pretix-json-nested-100000-deep.json",
        '{"event": {"orders": ' + "[" * deep + "]" * deep + "}}\n",
    )


if __name__ == "__main__":
    pretix_files()
