"""The built-in products: the programme, the badges and the sign, registered in that order.

Importing this module fills ``pipeline.products.REGISTRY``; ``pipeline.build`` does. A
festival's layouts (the schedule, its booklet, the venue posters) load for an event of
sessions only: a debate's build does not import them.
"""

from __future__ import annotations

from printkit.checks.findings import capitals, unaffiliated
from printkit.errors import InputWarning
from printkit.layout.codes import own_codes
from printkit.layout.items import Document
from printkit.layout.qr import MIN_MODULE
from printkit.model.event import BadgeBack, Duplex, Event, SignKind
from printkit.pipeline.people import merged_count, payload_or_none
from printkit.pipeline.products import IN_THE_HAND, Output, Product, Reading, register
from printkit.products.badges.run import badge_stream, layout_badges
from printkit.products.programme import layout_programme
from printkit.products.tent import POSTER_QR_MIN, TENT_QR_MIN, layout_sign, layout_tents

AT_A_METRE = Reading("the tent", "1 m", TENT_QR_MIN, 1.0)
ACROSS_A_ROOM = Reading("the poster", "2–3 m", POSTER_QR_MIN, 1.5)
#: a festival's door posters list the day's sessions, read as one walks up: about 1 m
WALKING_UP = Reading("the venue posters", "1 m", TENT_QR_MIN, 1.0)


#: The imposed booklet: for an office duplex printer, so never given press finishing.
BOOKLET = "programme-booklet"


def _programme(event: Event) -> tuple[Output, ...]:
    if not event.schedule:
        return (Output("programme", layout_programme, IN_THE_HAND),)
    from printkit.products.schedule import layout_booklet, layout_schedule  # (a festival's)

    if event.programme.booklet:
        booklet = Output(BOOKLET, layout_booklet, IN_THE_HAND, finish=False)
        return (Output("programme", layout_schedule, IN_THE_HAND), booklet)
    return (Output("programme", layout_schedule, IN_THE_HAND),)


def _badges(event: Event) -> tuple[Output, ...]:
    if event.badge.qr is not None:  # personal codes, on the fronts
        reading = Reading("the badges", "30 cm", 30.0, MIN_MODULE, "badges.qr", _larger(event))
    else:
        setting = "badges.duplex" if event.duplex is Duplex.FOLD else "badges.back"
        reading = Reading("the badges' backs", "30 cm", 30.0, MIN_MODULE, setting, _larger(event))
    return (Output("badges", layout_badges, reading, stream=badge_stream),)


def _larger(event: Event) -> str:
    """How to make the code on a badge's back larger."""
    if event.duplex is Duplex.FOLD:
        return "; a folded badge halves its room: duplex: long-edge makes it larger"
    if event.badge_back is BadgeBack.INFO:
        return "; back: qr, or a larger badge, makes it larger"
    return "; a larger badge makes it larger"


def _signs(event: Event) -> tuple[Output, ...]:
    """One debate: a tent or a poster (``sign``). A schedule: a tent sheet per session and a
    door poster per venue and day, or the one ``sign`` names."""
    if not event.schedule:
        if (event.sign or SignKind.TENT) is SignKind.POSTER:
            return (Output("poster", layout_sign, ACROSS_A_ROOM),)
        return (Output("tent", layout_sign, AT_A_METRE),)
    kinds = (event.sign,) if event.sign else tuple(SignKind)
    from printkit.products.posters import SESSION_QR, layout_posters  # (a festival's)

    # a session's own code in its row of a door poster, read with the phone held up to it
    held_up = Reading("the venue posters' sessions", "30 cm", SESSION_QR, MIN_MODULE, "sign.qr")
    found = {
        SignKind.TENT: Output("tents", layout_tents, AT_A_METRE),
        SignKind.POSTER: Output(
            "posters", layout_posters, held_up if own_codes(event) else WALKING_UP
        ),
    }
    return tuple(found[kind] for kind in kinds)


def badge_note(event: Event, document: Document) -> list[str]:
    """How many badges were made, and from where."""
    count = len(event.badged)
    sheets = document.page_count
    parts = [
        f"{count} badge{'s' if count != 1 else ''} on {sheets} page{'s' if sheets != 1 else ''}"
    ]
    if event.attendee_summary:
        own = len({p.key for s in event.sessions for p in s.people})
        parts.append(f"{own} from the event file, {event.attendee_summary}")
        merged = merged_count(event)
        if merged:
            parts.append(f"{merged} listed people merged with the event's")
    if event.only:
        parts.append("filtered by " + ", ".join(f"{k}={v}" for k, v in event.only))
    return ["badges: " + "; ".join(parts)]


def without_code(event: Event) -> list[InputWarning]:
    """People of the event file whose values the personal QR template lacks."""
    qr = event.badge.qr
    if qr is None:
        return []
    missing = [p.name for p in event.badged if payload_or_none(p, qr.template, qr.vcard) is None]
    if not missing:
        return []
    shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return [
        InputWarning(
            None,
            "badges",
            f"{len(missing)} badge(s) without a personal QR code (the event file gives no value for the template): {shown}",
        )
    ]


def _badge_checks(event: Event, document: Document) -> list[InputWarning]:
    return [*unaffiliated(event), *capitals(event)]


register(
    Product(
        "programme",
        "Build only the programme sheet (programme.pdf).",
        _programme,
        options=frozenset({"booklet"}),
    )
)
register(
    Product(
        "badges",
        "Build only the name badges (badges.pdf).",
        _badges,
        finish=None,  # each badge gets its own bleed on the sheet: the layout finishes them
        people=True,
        options=frozenset({"offset", "people"}),
        checks=_badge_checks,
        notes=badge_note,
        warnings=without_code,
        progress=True,
        contact=True,
    )
)
register(
    Product(
        "tent",
        "Build only the sign: the table tent (tent.pdf) or, with --sign poster, the door poster"
        " (poster.pdf); for an event of sessions, tents.pdf and posters.pdf.",
        _signs,
        options=frozenset({"sign"}),
    )
)
