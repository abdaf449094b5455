"""event.yaml's badge options: order, the personal QR code, how names are set, colour."""

from __future__ import annotations

import re
import string

from printkit.errors import elide, suggest
from printkit.model.event import BadgeOptions, PersonalQR, SortOrder
from printkit.model.rows import lookup
from printkit.read.fields import Fields, fail, scalar_text
from printkit.read.people import CASES, COLOUR_CHOICES, NAME_KEYS, QR_KEYS
from printkit.read.source import Node


def read_badge_options(badges: Fields | None, columns: tuple[str, ...] = ()) -> BadgeOptions:
    """``columns``: the attendee list's other columns, which a QR template may also use."""
    if badges is None:
        return BadgeOptions()
    sort = badges.choice("sort", SortOrder, SortOrder.AS_GIVEN)
    qr = _qr(badges.get("qr"), columns)
    name_node = badges.get("name")
    first_above, upper, pronouns, case = False, False, True, "as-given"
    if name_node is not None:
        name = Fields(name_node, "badges.name", NAME_KEYS, "badges.name")
        first_above = name.flag("first_above", False)
        pronouns = name.flag("pronouns", True)
        case = _word(name.get("case"), "badges.name.case", CASES, "as-given")
        upper = case == "upper"
    colour = _word(badges.get("colour"), "badges.colour", COLOUR_CHOICES, "full")
    mono = colour == "mono"  # solid black only, for a thermal label printer
    return BadgeOptions(
        sort=sort,
        qr=qr,
        mono=mono,
        first_name_above=first_above,
        upper=upper,
        case=case,
        pronouns=pronouns,
    )


def _word(node: Node | None, path: str, choices: tuple[str, ...], default: str) -> str:
    """One of a few words (any case), or an error listing them with the near miss."""
    if node is None:
        return default
    word = scalar_text(node, path, 20).lower()
    if word not in choices:
        raise fail(
            node, path, f"{word!r} is not one of {', '.join(choices)}{suggest(word, choices)}"
        )
    return word


PLACEHOLDER_FIELDS = (
    "name",
    "first_name",
    "last_name",
    "title",
    "organisation",
    "role",
    "pronouns",
    "email",
    "ticket_id",
)


def _qr(node: Node | None, columns: tuple[str, ...] = ()) -> PersonalQR | None:
    if node is None:
        return None
    if node.kind != "mapping":
        word = scalar_text(node, "badges.qr", 1000)
        if word.lower() == "vcard":
            return PersonalQR(vcard=True)
        node = Node({"url": node}, node.where, keys={"url": node.where})
    fields = Fields(node, "badges.qr", QR_KEYS, "badges.qr")
    if fields.flag("vcard", False):
        return PersonalQR(vcard=True)
    url_node = fields.need(
        "url", "give a URL template such as https://tickets.example.org/{ticket_id}, or vcard: true"
    )
    template = scalar_text(url_node, "badges.qr.url", 1000)
    try:
        parsed = string.Formatter().parse(template)
        parts = [(f, spec, conv) for _, f, spec, conv in parsed if f is not None]
    except ValueError as exc:
        raise fail(
            url_node,
            "badges.qr.url",
            f"the template is not valid ({exc}); write placeholders as {{ticket_id}}",
        ) from None
    names = [f for f, _, _ in parts]
    known = (*PLACEHOLDER_FIELDS, *columns)
    for name, spec, conv in parts:
        if spec or conv:
            written = name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "")
            column = lookup({k: k for k in columns}, written)
            hint = ""
            if column is not None:  # pretix's "Attendee name: Given name": a header with ':'
                bare = "_".join(re.findall(r"[^\W_]+", column)).lower()
                hint = f"; the column {elide(column, 40)!r} is written {{{bare}}}"
            raise fail(
                url_node,
                "badges.qr.url",
                f"write each placeholder as a bare name such as {{ticket_id}}, without '!' or ':'"
                f" (found {{{elide(written, 40)}}}){hint}",
            )
        if lookup({k: k for k in known}, name) is None:
            raise fail(
                url_node,
                "badges.qr.url",
                f"the template uses {{{elide(name, 40)}}}, which is neither a field"
                f" ({', '.join(PLACEHOLDER_FIELDS)}) nor a column of the attendee list"
                f"{suggest(name, known)}",
            )
    if not names:
        raise fail(
            url_node,
            "badges.qr.url",
            "the template has no placeholder, so every badge would get the same code; use e.g. {ticket_id}",
        )
    if not re.match(r"^(https?://|mailto:|tel:)", template, re.IGNORECASE):
        raise fail(
            url_node,
            "badges.qr.url",
            "a personal QR code must carry an http(s), mailto or tel address",
        )
    return PersonalQR(template=template)
