"""The personal QR code as a phone sees it, decoded by a second decoder (OpenCV's, not the
zxing-cpp the other tests use): each code rendered at the resolution a phone camera gives a
badge held at a normal distance, then blurred, turned 7° and saved as a JPEG.

The distance is fixed by the sharpness: 5.93 px a millimetre (3.5 px a module of the 0.59 mm
modules of the codes that read badly before), a phone's 1920 px preview across a 65° field
at about 25 cm (README: personal codes). A larger module gets more pixels at that distance."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

cv2 = pytest.importorskip("cv2")  # opencv-python-headless, in the test extra
np = pytest.importorskip("numpy")

import pypdfium2 as pdfium  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

from printkit.layout.qr import encode  # noqa: E402
from tests.conftest import run  # noqa: E402
from tests.pdfread import qr_codes  # noqa: E402

PX_PER_MM = 3.5 / 0.59  # the phone at a normal distance
BLUR = 0.8  # px, Gaussian: a hand-held focus
TURN = 7.0  # degrees
JPEG_QUALITY = 60


def phone_reads(pdf: Path, level: str) -> tuple[int, int]:
    """(codes OpenCV reads back exactly, codes on the pages)."""
    doc = pdfium.PdfDocument(str(pdf))
    read = total = 0
    scale = PX_PER_MM * 25.4 / 72
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
                round(v * PX_PER_MM)
                for v in (cx - half, height_mm - cy - half, cx + half, height_mm - cy + half)
            ]
            shot = image.crop(box).rotate(TURN, expand=True, fillcolor=255, resample=Image.BILINEAR)
            shot = shot.filter(ImageFilter.GaussianBlur(BLUR))
            jpeg = io.BytesIO()
            shot.save(jpeg, "JPEG", quality=JPEG_QUALITY)
            pixels = cv2.imdecode(np.frombuffer(jpeg.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)
            text, _, _ = cv2.QRCodeDetector().detectAndDecode(pixels)
            read += text == code.text
    doc.close()
    return read, total


def _people(count: int) -> str:
    letters = "abcdefghjkmnpqrstuvwxyz23456789"
    rows = ["Name,Company,Email,Ticket ID"]
    for i in range(count):
        secret = "".join(letters[(i * 7 + k * 13) % len(letters)] for k in range(16))
        rows.append(f"Person {i:03d} Jensen,Firma {i % 9},p{i}@example.org,{secret}")
    return "\n".join(rows) + "\n"


def _build(event_dir: Path, qr: str, count: int) -> Path:
    (event_dir / "people.csv").write_text(_people(count), encoding="utf-8")
    path = event_dir / "event.yaml"
    body = path.read_text(encoding="utf-8").replace(
        "  sort: as-given\n", f"  sort: as-given\n  qr: {qr}\n"
    )
    path.write_text(body + "\nattendees: people.csv\n", encoding="utf-8")
    result = run("badges", path, "-o", event_dir / "out", "--only", "role=attendee")
    assert result.exit_code == 0, result.output
    return event_dir / "out" / "badges-only.pdf"


def test_personal_url_codes_read_from_a_phone_at_a_normal_distance(event_dir):
    pdf = _build(event_dir, '{url: "https://tickets.example.org/t/{ticket_id}"}', 100)
    read, total = phone_reads(pdf, "M")

    assert total == 100
    assert read >= 97, f"OpenCV read {read} of {total} phone-like pictures"


def test_personal_vcards_read_better_than_before(event_dir):
    """A vCard carries five times the bytes of a URL; at error correction L and without the
    redundant TYPE=INTERNET it reads in about four of ten pictures (a third before, at M);
    the README says to prefer a URL."""
    pdf = _build(event_dir, "vcard", 50)
    read, total = phone_reads(pdf, "L")

    assert total == 50
    assert read >= 15, f"OpenCV read {read} of {total} phone-like pictures"
