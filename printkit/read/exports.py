"""Registration systems' exports, known by their headers: which column is which field, and
what an order's status means for its badge.

Each shape here was read from the exporting system itself: pretix's "Order positions" sheet
(``pretix/base/exporters/orderlist.py`` and its German and Danish catalogues, in the current
shape with "Attendee company" and in the older one that writes "Company" twice), Eventbrite's
attendee report and Indico's registrant export (``generate_spreadsheet_from_registrations``,
whose "Title" is a salutation, not a job title). ``columns:`` in event.yaml still wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from printkit.model.rows import header_key


class Standing(Enum):
    """What an order's status means for its badge."""

    PAID = "paid"
    PENDING = "pending"
    GONE = "gone"  # cancelled, expired, refunded, withdrawn: no badge


#: Status values as the systems write them (in English, German and Danish), compared
#: case-folded with spaces folded.
def _values(text: str, standing: Standing) -> dict[str, Standing]:
    return {value.strip(): standing for value in text.split("|")}


STANDINGS: dict[str, Standing] = {
    **_values(
        "paid | bezahlt | betalt | completed | complete | attending | checked in | confirmed",
        Standing.PAID,
    ),
    **_values(
        "pending | ausstehend | afventer | approval pending | freigabe ausstehend"
        " | godkendelse afventer | pending (confirmed) | ausstehend (bestätigt)"
        " | under behandling(bekræftet) | awaiting payment | unpaid | offline",
        Standing.PENDING,
    ),
    **_values(
        "canceled | cancelled | expired | refunded | storniert | abgelaufen | annulleret"
        " | udløbet | canceled (paid fee) | storniert (bezahlte gebühr)"
        " | annulleret (gebyr betalt) | not attending | deleted | rejected | withdrawn"
        " | refunded/canceled | refunded/cancelled | transferred",
        Standing.GONE,
    ),
}


def standing(value: str) -> Standing | None:
    """What a status cell means; None for a value no system here writes."""
    return STANDINGS.get(" ".join(value.split()).casefold())


@dataclass(frozen=True)
class Shape:
    """One export's header: what identifies it and which of its headers holds each field.

    ``fields`` lists candidates per field, the first present wins. ``fixed`` are the export's
    own headers that the general guess must not read as a field (Danish pretix calls the
    event's name "Navn"; German pretix's position number is "Position"). ``twice`` says why
    the first of a header the export writes twice is the one used.
    """

    system: str
    language: str
    signature: tuple[str, ...]
    fields: dict[str, tuple[str, ...]]
    fixed: tuple[str, ...] = ()
    twice: str = ""

    @property
    def name(self) -> str:
        return f"{self.system} ({self.language})"


def _pretix(
    language: str,
    *,
    order: str,
    position: str,
    product: str,
    status: str,
    email: str,
    name: str,
    given: str,
    family: str,
    attendee_email: str,
    attendee_company: str,
    company: str,
    secret: str,
    pseudonym: str,
    fixed: str,
) -> Shape:
    return Shape(
        "pretix order positions",
        language,
        (order, position, product),
        {
            "name": (name,),
            "first_name": (f"{name}: {given}",),
            "last_name": (f"{name}: {family}",),
            "organisation": (attendee_company, company),
            "email": (attendee_email, email),
            "ticket_id": (secret, pseudonym, order),
            "ticket_type": (product,),
            "status": (status,),
        },
        fixed=tuple(h.strip() for h in fixed.split("|")),
        twice="the attendee's; pretix writes the invoice address's after the questions",
    )


PRETIX = (
    _pretix(
        "English",
        order="Order code",
        position="Position ID",
        product="Product",
        status="Status",
        email="Email",
        name="Attendee name",
        given="Given name",
        family="Family name",
        attendee_email="Attendee email",
        attendee_company="Attendee company",
        company="Company",
        secret="Ticket secret",
        pseudonym="Pseudonymization ID",
        fixed="Event name | Order locale | Invoice address name | Invoice address company"
        " | Attendee name: Title",
    ),
    _pretix(
        "German",
        order="Bestellnummer",
        position="Position",
        product="Produkt",
        status="Status",
        email="E-Mail",
        name="Name Teilnehmer*in",
        given="Vorname",
        family="Nachname",
        attendee_email="E-Mail Teilnehmer*in",
        attendee_company="Teilnehmer*innen-Firma",
        company="Firma",
        secret="Ticket-Code",
        pseudonym="Pseudonyme ID",
        fixed="Veranstaltungstitel | Bestellsprache | Rechnungsadresse: Name"
        " | Rechnungsadresse: Firma | Name Teilnehmer*in: Title",
    ),
    _pretix(
        "Danish",
        order="Bestillingsnr.",
        position="Post-ID",
        product="Produkt",
        status="Status",
        email="Email",
        name="Navn på deltager",
        given="Fornavn",
        family="Efternavn",
        attendee_email="E-mailadresse",
        attendee_company="Deltagerens virksomhed",
        company="Virksomhed",
        secret="Billethemmelighed",
        pseudonym="Pseudonymiserings-ID",
        fixed="Navn | Sprog | Navn på faktura-adresse | Virksomhedens faktureringsadresse"
        " | Navn på deltager: Title",
    ),
)

EVENTBRITE = Shape(
    "Eventbrite attendee report",
    "English",
    ("Order #", "Attendee #", "Ticket Type"),
    {
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email",),
        "organisation": ("Company",),
        "title": ("Job Title",),
        "ticket_id": ("Barcode #", "Attendee #"),
        "ticket_type": ("Ticket Type",),
        "status": ("Attendee Status",),
    },
    fixed=("Group", "Order Type"),
)

INDICO = Shape(
    "Indico registrations",
    "English",
    ("ID", "Name", "Email Address"),
    {
        "name": ("Name",),
        "first_name": ("First Name",),
        "last_name": ("Last Name",),
        "email": ("Email Address",),
        "organisation": ("Affiliation",),
        "title": ("Position",),
        "ticket_id": ("ID",),
        "status": ("Registration state",),
    },
    fixed=("Title",),  # Mr, Ms, Dr: a salutation
)

SHAPES: tuple[Shape, ...] = (*PRETIX, EVENTBRITE, INDICO)


def recognise(headers: Sequence[str]) -> Shape | None:
    """The export whose identifying headers all appear (compared as ``header_key`` does)."""
    keys = {header_key(h) for h in headers if h}
    for shape in SHAPES:
        if all(header_key(h) in keys for h in shape.signature):
            return shape
    return None


def shape_columns(shape: Shape, headers: Sequence[str]) -> dict[str, str]:
    """The shape's field → header, for the headers this file has."""
    by_key: dict[str, str] = {}
    for header in headers:
        if header:
            by_key.setdefault(header_key(header), header)
    found: dict[str, str] = {}
    for name, candidates in shape.fields.items():
        for candidate in candidates:
            if header_key(candidate) in by_key:
                found[name] = by_key[header_key(candidate)]
                break
    return found
