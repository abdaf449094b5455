"""pretix's JSON export ("Order data (JSON)") as a table of order positions.

The export is one object: ``event.items`` (products by id) and ``event.orders``, each with a
``code``, a one-letter ``status`` (n pending, p paid, e expired, c cancelled) and its
``positions`` (``positionid``, ``item``, ``attendee_name``, ``attendee_email``, ``company``,
``secret``). Each position becomes a row under the English headers of pretix's "Order
positions" sheet, so it is read, mapped and reported like that export; a row's line is the
line its position starts on in the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from printkit.errors import InputError, Location
from printkit.read.table import Row, Table

HEADER = (
    "Order code",
    "Position ID",
    "Status",
    "Email",
    "Product",
    "Attendee name",
    "Attendee email",
    "Attendee company",
    "Ticket secret",
)
STATUS = {"n": "pending", "p": "paid", "e": "expired", "c": "canceled"}


def pretix_table(text: str, display: str) -> Table | None:
    """The positions of a pretix JSON export; None for text that is not JSON (a CSV)."""
    if text.lstrip("\ufeff \t\r\n")[:1] != "{":
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            Location(display, exc.lineno, exc.colno),
            "",
            f"not readable as JSON ({exc.msg}); export the list again from pretix",
        ) from None
    event = data.get("event") if isinstance(data, dict) else None
    if not isinstance(event, dict) or not isinstance(event.get("orders"), list):
        raise InputError(
            Location(display, 1),
            "",
            "a JSON file, but not pretix's order export (no event.orders); export"
            ' "Order data (JSON)" from pretix, or the list as CSV',
        )
    items = {
        i.get("id"): str(i.get("name", "")) for i in event.get("items", []) if isinstance(i, dict)
    }
    return Table(display, "json", HEADER, 1, _rows(text, event["orders"], items, display))


def _rows(text: str, orders: list, items: dict, display: str) -> Iterator[Row]:
    lines = _position_lines(text)
    number = 0
    for order in orders:
        if not isinstance(order, dict):
            continue
        status = STATUS.get(str(order.get("status", "")), str(order.get("status", "")))
        for position in order.get("positions") or []:
            if not isinstance(position, dict):
                continue
            number += 1
            line = lines[number - 1] if number <= len(lines) else 1
            cells = (
                str(order.get("code") or ""),
                str(position.get("positionid") or ""),
                status,
                str(order.get("email") or ""),
                items.get(position.get("item"), str(position.get("item") or "")),
                str(position.get("attendee_name") or ""),
                str(position.get("attendee_email") or ""),
                str(position.get("company") or ""),
                str(position.get("secret") or ""),
            )
            yield Row(
                line,
                number,
                tuple(" ".join(c.split()) if "\n" not in c else c.strip() for c in cells),
            )


def _position_lines(text: str) -> list[int]:
    """The line of each position's ``"positionid"`` key, in the file's order."""
    found = []
    at = text.find('"positionid"')
    line, last = 1, 0
    while at >= 0:
        line += text.count("\n", last, at)
        last = at
        found.append(line)
        at = text.find('"positionid"', at + 1)
    return found
