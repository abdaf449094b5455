"""Write the hostile PDFs for ``printkit check``: files that bound its work (attack F15, F16),
each a few kilobytes that asks for gigabytes or hours, and pages whose boxes no printer can
print (attack f06). Run from this folder: ``python make_pdfs.py``. The files are committed;
this says how each was made."""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent / "pdf"
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources %s >>"


def _pdf(name: str, objects: list[bytes], size: int | None = None) -> None:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    size = size or len(objects) + 1
    out += b"trailer << /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    (HERE / name).write_bytes(bytes(out))


def _stream(data: bytes, keys: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), keys, data)


def _bomb(byte: bytes, megabytes: int) -> bytes:
    """``megabytes`` of ``byte``, deflated twice (two Flate filters): about 2 kB a GB."""
    packer = zlib.compressobj(9)
    once = b"".join(packer.compress(byte * (1 << 20)) for _ in range(megabytes)) + packer.flush()
    return zlib.compress(once, 9)


def main() -> None:
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    line = _stream(b"0 0 m 100 100 l S")
    twice = b"/Filter [/FlateDecode /FlateDecode]"
    _pdf(
        "content-inflates-to-a-gigabyte.pdf",
        [CATALOG, pages, PAGE % b"<< >>", _stream(_bomb(b" ", 1024), twice)],
    )
    image = b"/Type /XObject /Subtype /Image /Width 20000 /Height 20000 /ColorSpace /DeviceRGB"
    _pdf(
        "image-of-400-million-pixels.pdf",
        [
            CATALOG,
            pages,
            PAGE % b"<< /XObject << /Im0 5 0 R >> >>",
            _stream(b"q 200 0 0 200 0 0 cm /Im0 Do Q"),
            _stream(_bomb(b"\0", 1024), image + b" /BitsPerComponent 8 " + twice),
        ],
    )
    image = b"/Type /XObject /Subtype /Image /Width 10000 /Height 10000 /ColorSpace /DeviceRGB"
    _pdf(  # within the pixels, but its data inflates past pypdf's 75 MB
        "image-data-inflates-past-the-limit.pdf",
        [
            CATALOG,
            pages,
            PAGE % b"<< /XObject << /Im0 5 0 R >> >>",
            _stream(b"q 200 0 0 200 0 0 cm /Im0 Do Q"),
            _stream(_bomb(b"\0", 300), image + b" /BitsPerComponent 8 " + twice),
        ],
    )
    _pdf(
        "count-of-two-billion-pages.pdf",
        [CATALOG, b"<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>", PAGE % b"<< >>", line],
    )
    # 10,100 pages: 101 page-tree nodes, each listing the same page 100 times (/Count honest)
    nodes = list(range(5, 106))
    kids = b" ".join(b"%d 0 R" % n for n in nodes)
    objects = [CATALOG, b"<< /Type /Pages /Kids [%s] /Count 10100 >>" % kids, PAGE % b"<< >>", line]
    objects += [
        b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count 100 >>" % b" ".join([b"3 0 R"] * 100)
        for _ in nodes
    ]
    _pdf("ten-thousand-one-hundred-pages.pdf", objects)
    _pdf("two-billion-objects.pdf", [CATALOG, pages, PAGE % b"<< >>", line], 2_000_000_000)
    # fifteen content streams of 70 MB each: every one within pypdf's limit, 1 GB together
    contents = b" ".join(b"%d 0 R" % n for n in range(4, 19))
    page = PAGE.replace(b"/Contents 4 0 R", b"/Contents [%s]" % contents) % b"<< >>"
    _pdf(
        "streams-inflate-to-a-gigabyte-together.pdf",
        [CATALOG, pages, page] + [_stream(_bomb(b" ", 70), twice)] * 15,
    )

    _page_boxes()


def _page_boxes() -> None:
    """Pages of no size, or beyond PDF's 14,400 units a side, and a TrimBox outside its
    BleedBox: each drawn in 100 % K, nothing else wrong with it (attack f06)."""
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    ink = _stream(b"0 0 0 1 k 10 10 50 50 re f")
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox %s %s /Contents 4 0 R /Resources << >> >>"
    huge = b"1" + b"0" * 30  # 1e30: PDF numbers have no exponent, so written out
    for name, box, extra in (
        ("page-of-zero-size.pdf", b"[0 0 0 0]", b""),
        ("page-of-1e30-points.pdf", b"[0 0 %s %s]" % (huge, huge), b""),
        ("page-one-unit-wider-than-pdf-allows.pdf", b"[0 0 14401 200]", b""),
        ("page-of-two-units.pdf", b"[0 0 2 2]", b""),
        ("user-unit-of-zero.pdf", b"[0 0 200 200]", b"/UserUnit 0"),
        ("user-unit-negative.pdf", b"[0 0 200 200]", b"/UserUnit -2"),
        ("trim-box-of-zero-size.pdf", b"[0 0 200 200]", b"/TrimBox [10 10 10 10]"),
        (
            "trim-box-outside-the-bleed-box.pdf",
            b"[0 0 200 200]",
            b"/BleedBox [5 5 195 195] /TrimBox [10 10 250 190]",
        ),
        ("trim-box-outside-the-media-box.pdf", b"[0 0 200 200]", b"/TrimBox [-20 10 190 190]"),
    ):
        _pdf(name, [CATALOG, pages, page % (box, extra), ink])


if __name__ == "__main__":
    main()
