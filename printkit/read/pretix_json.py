"""pretix's JSON export ("Order data (JSON)") as a table of order positions.

The export is one object: ``event.items`` (products by id) and ``event.orders``, each with a
``code``, a one-letter ``status`` (n pending, p paid, e expired, c cancelled) and its
``positions`` (``positionid``, ``item``, ``attendee_name``, ``attendee_email``, ``company``,
``secret``). Each position becomes a row under the English headers of pretix's "Order
positions" sheet, so it is read, mapped and reported like that export; a row's line is the
line of its position's ``positionid``.

The whole file is checked before a row is read: every order and position an object, every
field read of the kind pretix writes, no key twice in one object, nothing nested deeper than
``MAX_DEPTH``, and no ``NaN`` or ``Infinity`` (which Python's decoder accepts and JSON does
not). Each problem is refused at its place in the file (``printkit.read.jsonplaces``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from printkit.errors import InputError, Location
from printkit.read.jsonplaces import (
    MAX_DEPTH,
    Bad,
    deeper_than,
    first_problem,
    kind_at,
    path_text,
    place_of,
    places_of,
    scalar_problem,
)
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
AGAIN = "export the list again from pretix (Orders → Export → Order data (JSON))"
#: What each field read may hold, as pretix writes it: ids are numbers, the rest text.
ORDER_FIELDS = {"code": str, "status": str, "email": str}
POSITION_FIELDS = {
    "positionid": int,
    "item": int,
    "attendee_name": str,
    "attendee_email": str,
    "company": str,
    "secret": str,
}
_SURROGATE = re.compile("[\ud800-\udfff]")
ID_DIGITS = 30  # pretix's ids are a few digits
_POSITION_KEY = re.compile(r'"positionid"\s*:')


def pretix_table(text: str, display: str) -> Table | None:
    """The positions of a pretix JSON export; None for text that is not JSON (a CSV)."""
    if text.lstrip("\ufeff \t\r\n")[:1] != "{":
        return None
    data = _load(text, display)
    event = data.get("event") if isinstance(data, dict) else None
    if not isinstance(event, dict) or not isinstance(event.get("orders"), list):
        raise InputError(
            Location(display, 1),
            "",
            "a JSON file, but not pretix's order export (no event.orders); export"
            ' "Order data (JSON)" from pretix, or the list as CSV',
        )
    items = _items(text, event, display)
    orders = event["orders"]
    _check_orders(text, orders, display)
    lines = _position_lines(text, orders)
    return Table(display, "json", HEADER, 1, _rows(orders, items, lines))


def _load(text: str, display: str) -> Any:
    """The decoded file, or a located refusal of what the standard decoder would let by."""
    if deeper_than(text, MAX_DEPTH):
        _refuse_first_problem(text, display)
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_key_twice,
            parse_constant=_refuse_scalar,
            parse_float=_float,
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            Location(display, exc.lineno, exc.colno),
            "",
            f"not readable as JSON ({exc.msg}); {AGAIN}",
        ) from None
    except (Bad, ValueError, RecursionError):  # a key twice, NaN, 5,000 digits: placed by the scan
        _refuse_first_problem(text, display)
        raise AssertionError("the scan finds what the decoder found") from None


def _refuse_first_problem(text: str, display: str) -> None:
    found = first_problem(text)
    if found is not None:
        offset, path, problem = found
        raise InputError(_where(text, offset, display), path_text(path), f"{problem}; {AGAIN}")


def _no_key_twice(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise Bad
    return result


def _refuse_scalar(token: str) -> Any:
    raise Bad


def _float(token: str) -> float:
    if scalar_problem(token):
        raise Bad
    return float(token)


def _where(text: str, offset: int, display: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(display, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _wrong(text: str, path: tuple, display: str, what: str) -> InputError:
    """A value of the wrong kind at ``path`` (or none), refused where it stands (or at the
    object that lacks it)."""
    offset = place_of(text, path)
    problem = f"{kind_at(text, offset)} where pretix writes {what}"
    if offset is None:
        offset = place_of(text, path[:-1])
        problem = f"missing (pretix writes {what} here)"
    where = Location(display, 1) if offset is None else _where(text, offset, display)
    return InputError(where, path_text(path), f"{problem}; {AGAIN}")


def _items(text: str, event: dict, display: str) -> dict[Any, str]:
    items = event.get("items", [])
    if not isinstance(items, list):
        raise _wrong(text, ("event", "items"), display, "the products (a list)")
    found: dict[Any, str] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise _wrong(text, ("event", "items", i), display, "a product (an object)")
        _check_fields(text, item, {"name": str}, ("event", "items", i), display)
        found[item.get("id")] = item.get("name") or ""
    return found


def _check_orders(text: str, orders: list, display: str) -> None:
    for i, order in enumerate(orders):
        at: tuple = ("event", "orders", i)
        if not isinstance(order, dict):
            raise _wrong(text, at, display, "an order (an object)")
        _check_fields(text, order, ORDER_FIELDS, at, display)
        positions = order.get("positions")
        if not isinstance(positions, list):
            raise _wrong(text, (*at, "positions"), display, "the order's positions (a list)")
        for j, position in enumerate(positions):
            if not isinstance(position, dict):
                raise _wrong(text, (*at, "positions", j), display, "a position (an object)")
            _check_fields(text, position, POSITION_FIELDS, (*at, "positions", j), display)


def _check_fields(text: str, entry: dict, kinds: dict, at: tuple, display: str) -> None:
    for key, kind in kinds.items():
        value = entry.get(key)
        if isinstance(value, str) and (half := _SURROGATE.search(value)):
            offset = place_of(text, (*at, key))
            raise InputError(
                Location(display, 1) if offset is None else _where(text, offset, display),
                path_text((*at, key)),
                f"holds half a character (U+{ord(half.group()):04X}, a lone surrogate, written"
                f" as a \\u escape), which is not text; {AGAIN}",
            )
        if value is None or isinstance(value, str):
            continue
        if kind is int and isinstance(value, int) and not isinstance(value, bool):
            if abs(value) < 10**ID_DIGITS:
                continue
            raise _wrong(text, (*at, key), display, f"a number of at most {ID_DIGITS} digits")
        what = "a number or text" if kind is int else "text (or null)"
        raise _wrong(text, (*at, key), display, what)


def _position_lines(text: str, orders: list) -> list[int]:
    """The line of each position's ``"positionid"`` (where it starts, for one without):
    quickly, from the keys in the text, when every position has one and nothing else does;
    else from a scan of the file."""
    count = sum(len(order["positions"]) for order in orders)
    keyed = all("positionid" in p for order in orders for p in order["positions"])
    found = [m.start() for m in _POSITION_KEY.finditer(text)]
    if not keyed or len(found) != count:
        found = _scanned_positions(text)
    lines, line, last = [], 1, 0
    for at in found:
        line += text.count("\n", last, at)
        last = at
        lines.append(line)
    return lines


def _scanned_positions(text: str) -> list[int]:
    pattern = ("event", "orders", None, "positions", None)
    starts = list(places_of(text, pattern))
    ids = list(places_of(text, (*pattern, "positionid")))
    found = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        found.append(next((at for at in ids if start < at < end), start))
    return found


def _rows(orders: list, items: dict, lines: list[int]) -> Iterator[Row]:
    number = 0
    for order in orders:
        status = STATUS.get(order.get("status") or "", order.get("status") or "")
        for position in order["positions"]:
            number += 1
            cells = (
                order.get("code") or "",
                _text(position.get("positionid")),
                status,
                order.get("email") or "",
                items.get(position.get("item"), _text(position.get("item"))),
                position.get("attendee_name") or "",
                position.get("attendee_email") or "",
                position.get("company") or "",
                position.get("secret") or "",
            )
            yield Row(
                lines[number - 1],
                number,
                tuple(" ".join(c.split()) if "\n" not in c else c.strip() for c in cells),
            )


def _text(value: Any) -> str:
    return "" if value is None else str(value)
