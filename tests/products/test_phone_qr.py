"""The personal QR code as a phone sees it, decoded by a second decoder (OpenCV's, not the
zxing-cpp the other tests use): each code rendered at the resolution a phone camera gives a
badge held at a normal distance, then blurred, turned 7° and saved as a JPEG.

The distance is fixed by the sharpness: 5.93 px a millimetre (3.5 px a module of the 0.59 mm
modules of the codes that read badly before), a phone's 1920 px preview across a 65° field
at about 25 cm (README: personal codes). A larger module gets more pixels at that distance.
OpenCV's reading turns on a module's position against the pixel grid, so a vCard run is
photographed from 24, 25 and 26 cm, three pictures of each code."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

cv2 = pytest.importorskip("cv2")  # opencv-python-headless, in the test extra
np = pytest.importorskip("numpy")

import pypdfium2 as pdfium  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

from printkit.layout.qr import QUIET_ZONE, encode  # noqa: E402
from printkit.read.event import load_event  # noqa: E402
from tests.conftest import run  # noqa: E402
from tests.pdfread import glyphs, page_count, qr_codes  # noqa: E402
from tests.products.test_badges import assert_glyphs_in_safe_areas, badge_slots  # noqa: E402

PX_PER_MM = 3.5 / 0.59  # the phone at a normal distance, 25 cm
DISTANCE = 25.0  # cm
BLUR = 0.8  # px, Gaussian: a hand-held focus
TURN = 7.0  # degrees
JPEG_QUALITY = 60
PEOPLE = Path(__file__).with_name("vcard-people.csv")  # 64 people of many scripts and lengths
#: of the vCards' pictures OpenCV reads at least: 181 of 192 (94 %) were measured on each
#: stock (2 of 62 before, at 25 cm); a module's position against the pixels moves single
#: codes in and out (0.7 or 0.8 mm modules instead of 0.75: 175-183), hence the margin
VCARD_READS = 0.9
SAFE, EDGE_CLEAR = 3.0, 1.0  # mm: the badge's safe margin; a tall code's quiet zone's clearance


def phone_reads(pdf: Path, level: str, distance: float = DISTANCE) -> tuple[int, int]:
    """(codes OpenCV reads back exactly, codes on the pages) from ``distance`` cm."""
    doc = pdfium.PdfDocument(str(pdf))
    read = total = 0
    px_per_mm = PX_PER_MM * DISTANCE / distance
    scale = px_per_mm * 25.4 / 72
    for n in range(len(doc)):
        page = doc[n]
        height_mm = page.get_height() / 72 * 25.4
        image = page.render(scale=scale).to_pil().convert("L")
        for code in qr_codes(pdf, page=n, dpi=300):  # where the codes are, from a clean scan
            total += 1
            assert encode(code.text, level).modules > 0
            cx, cy = code.centre
            half = code.width_mm * 0.9
            box = [
                round(v * px_per_mm)
                for v in (cx - half, height_mm - cy - half, cx + half, height_mm - cy + half)
            ]
            shot = image.crop(box).rotate(TURN, expand=True, fillcolor=255, resample=Image.BILINEAR)
            shot = shot.filter(ImageFilter.GaussianBlur(BLUR))
            jpeg = io.BytesIO()
            shot.save(jpeg, "JPEG", quality=JPEG_QUALITY)
            pixels = cv2.imdecode(np.frombuffer(jpeg.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)
            data, _, _ = cv2.QRCodeDetector().detectAndDecodeBytes(pixels)  # (its str: ASCII)
            read += data == code.text.encode()
    doc.close()
    return read, total


def _people(count: int) -> str:
    letters = "abcdefghjkmnpqrstuvwxyz23456789"
    rows = ["Name,Company,Email,Ticket ID"]
    for i in range(count):
        secret = "".join(letters[(i * 7 + k * 13) % len(letters)] for k in range(16))
        rows.append(f"Person {i:03d} Jensen,Firma {i % 9},p{i}@example.org,{secret}")
    return "\n".join(rows) + "\n"


def _build(event_dir: Path, qr: str, people: str, sheet: str | None = None) -> Path:
    (event_dir / "people.csv").write_text(people, encoding="utf-8")
    path = event_dir / "event.yaml"
    body = path.read_text(encoding="utf-8").replace(
        "  sort: as-given\n", f"  sort: as-given\n  qr: {qr}\n"
    )
    if sheet is not None:
        start, end = body.index("  sheet:\n"), body.index("  back: none")
        body = body[:start] + f"  sheet: {sheet}\n" + body[end:]
    path.write_text(body + "\nattendees: people.csv\n", encoding="utf-8")
    result = run("badges", path, "-o", event_dir / "out", "--only", "role=attendee")
    assert result.exit_code == 0, result.output
    return event_dir / "out" / "badges-only.pdf"


def test_personal_url_codes_read_from_a_phone_at_a_normal_distance(event_dir):
    pdf = _build(event_dir, '{url: "https://tickets.example.org/t/{ticket_id}"}', _people(100))
    read, total = phone_reads(pdf, "M")

    assert total == 100
    assert read >= 97, f"OpenCV read {read} of {total} phone-like pictures"


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _cards(row: dict[str, str]) -> list[str]:
    """The vCards a row's code may carry (RFC 2426, CRLF): with title and organisation, without
    the title, without either; name and e-mail always."""
    given, _, family = row["Name"].partition(" ")
    head = ["BEGIN:VCARD", "VERSION:3.0", f"N:{_escaped(family)};{_escaped(given)}"]
    head.append(f"FN:{_escaped(row['Name'])}")
    org = [f"ORG:{_escaped(row['Organisation'])}"] if row["Organisation"] else []
    title = [f"TITLE:{_escaped(row['Title'])}"] if row["Title"] else []
    email = [f"EMAIL:{_escaped(row['E-mail'])}"] if row["E-mail"] else []
    tail = [*email, "END:VCARD"]
    return ["\r\n".join(head + middle + tail) for middle in (org + title, org, [])]


@pytest.mark.parametrize(
    "sheet", [None, "Avery L4785"], ids=["90x54", "80x50"]
)  # the seed's 90 × 54 mm badges; 80 × 50 mm
def test_personal_vcards_read_from_a_phone_at_a_normal_distance(event_dir, sheet):
    """Long names, Greek, Cyrillic and Polish ones, long organisations, titles and e-mails:
    the code is as large as reading from 25 cm needs (the foot moves beside it), the card
    leaves out the title, then the organisation, where that is what it takes; every code
    decodes (zxing-cpp) to one of its person's cards, and no glyph leaves the safe area or
    touches a code's quiet zone."""
    rows = list(csv.DictReader(PEOPLE.read_text(encoding="utf-8").splitlines()))
    pdf = _build(event_dir, "vcard", PEOPLE.read_text(encoding="utf-8"), sheet)

    by_name = {row["Name"]: row for row in rows}
    codes = [code for page in range(page_count(pdf)) for code in qr_codes(pdf, page=page)]
    names = [code.text.split("\r\n")[3].removeprefix("FN:").replace("\\,", ",") for code in codes]
    assert sorted(names) == sorted(by_name)  # everyone's code, read by zxing-cpp
    for code, name in zip(codes, names, strict=True):
        assert code.text in _cards(by_name[name]), code.text
    full = sum(
        code.text == _cards(by_name[name])[0] for code, name in zip(codes, names, strict=True)
    )
    assert full  # short names with short e-mails keep everything

    read = total = 0
    for distance in (24.0, 25.0, 26.0):
        seen, count = phone_reads(pdf, "L", distance)
        read, total = read + seen, total + count
    print("READ", read, total, "FULL", full)
    assert total == 3 * len(rows)
    assert read >= VCARD_READS * total, f"OpenCV read {read} of {total} phone-like pictures"

    geometry = load_event(event_dir / "event.yaml").sheet
    assert_glyphs_in_safe_areas(pdf, geometry, len(rows))
    _assert_codes_clear(pdf, geometry, len(rows))


def _assert_codes_clear(pdf: Path, sheet, count: int) -> None:
    """Each code's symbol inside its badge's safe area; its quiet zone inside the badge, short
    of the edge, and clear of every glyph."""
    slots = badge_slots(sheet, count)
    for page in range(page_count(pdf)):
        rects = [r for p, r in slots if p == page]
        chars = glyphs(pdf, page)
        for code in qr_codes(pdf, page=page):
            cx, cy = code.centre
            [badge] = [r for r in rects if r.x <= cx <= r.right and r.y <= cy <= r.top]
            half = code.width_mm / 2
            module = code.width_mm / encode(code.text, "L").modules
            safe, clear = badge.inset(SAFE - 0.05), badge.inset(EDGE_CLEAR - 0.05)
            assert safe.x <= cx - half and cx + half <= safe.right, code.text
            assert safe.y <= cy - half and cy + half <= safe.top, code.text
            quiet = half + QUIET_ZONE * module - 0.05
            assert clear.x <= cx - quiet and cx + quiet <= clear.right, code.text
            assert clear.y <= cy - quiet and cy + quiet <= clear.top, code.text
            for g in chars:
                apart = (
                    g.right <= cx - quiet
                    or g.left >= cx + quiet
                    or g.top <= cy - quiet
                    or g.bottom >= cy + quiet
                )
                assert apart, (g, code.text)
