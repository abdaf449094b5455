"""Write the hostile PDFs for ``printkit check``: files that bound its work (attack F15, F16),
each a few kilobytes that asks for gigabytes or hours, and pages whose boxes no printer can
print (attack f06). Run from this folder: ``python make_pdfs.py``. The files are committed;
this says how each was made. And press files whose RGB hides where a check may not look
(attack f05): in a Type 3 glyph, a spot colour's alternate, a transparency group, a shading,
an inline image."""

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
    _hidden_rgb()


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


def _hidden_rgb() -> None:
    """A press page (a TrimBox), drawn in 100 % K except for RGB in one hidden place each."""
    pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /TrimBox [10 10 190 190]"
        b" /Contents 4 0 R /Resources %s %s >>"
    )
    gold = b"<< /FunctionType 2 /Domain [0 1] /C0 [1 1 1] /C1 [1 0.8 0] /N 1 >>"
    type3 = (
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0"
        b" 0.001 0 0] /CharProcs << /a 6 0 R >> /Encoding << /Type /Encoding /Differences"
        b" [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [1000] /Resources << >> >>"
    )
    text = _stream(b"0 0 0 1 k BT /T1 20 Tf 50 50 Td (a) Tj ET")
    square = _stream(b"0 0 0 1 k 20 20 100 100 re f")
    blend = b"/Group << /Type /Group /S /Transparency /CS %s >>"
    ramp = b"/Coords [0 0 200 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [0] /C1 [1] /N 1 >>"
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 200 200]"
    for name, resources, extra, rest in (
        (
            "rgb-in-a-type-3-glyph.pdf",
            b"<< /Font << /T1 5 0 R >> >>",
            b"",
            [text, type3, _stream(b"1000 0 d0 1 0 0 rg 0 0 1000 1000 re f")],
        ),
        (
            "rgb-inline-image-in-a-type-3-glyph.pdf",
            b"<< /Font << /T1 5 0 R >> >>",
            b"",
            [
                text,
                type3,
                _stream(
                    b"1000 0 d0 q 1000 0 0 1000 0 0 cm BI /W 1 /H 1 /CS /RGB /BPC 8 ID"
                    b" \xff\x00\x00 EI Q"
                ),
            ],
        ),
        (
            "separation-with-an-rgb-alternate.pdf",
            b"<< /ColorSpace << /CS0 [/Separation /Gold /DeviceRGB 5 0 R] >> >>",
            b"",
            [_stream(b"/CS0 cs 1 scn 20 20 100 100 re f"), gold],
        ),
        (
            "devicen-with-an-rgb-alternate.pdf",
            b"<< /ColorSpace << /CS0 [/DeviceN [/Gold] /DeviceRGB 5 0 R] >> >>",
            b"",
            [_stream(b"/CS0 cs 1 scn 20 20 100 100 re f"), gold],
        ),
        (
            "devicen-with-an-rgb-process-space.pdf",
            b"<< /ColorSpace << /CS0 [/DeviceN [/Cyan /Gold] /DeviceCMYK 5 0 R << /Subtype"
            b" /NChannel /Process << /ColorSpace /DeviceRGB /Components [/Red] >> >>] >> >>",
            b"",
            [_stream(b"/CS0 cs 1 1 scn 20 20 100 100 re f"), gold],
        ),
        ("page-group-blends-in-rgb.pdf", b"<< >>", blend % b"/DeviceRGB", [square]),
        (
            "form-group-blends-in-icc-rgb.pdf",
            b"<< /XObject << /Fm0 5 0 R >> >>",
            b"",
            [
                _stream(b"/Fm0 Do"),
                _stream(b"0 0 0 1 k 20 20 100 100 re f", form + blend % b"[/ICCBased 6 0 R]"),
                _stream(b"not a profile: only its /N is read", b"/N 3"),
            ],
        ),
        (
            "shading-in-a-spot-colour-over-rgb.pdf",
            b"<< /Shading << /Sh0 5 0 R >> >>",
            b"",
            [
                _stream(b"/Sh0 sh"),
                b"<< /ShadingType 2 /ColorSpace [/Separation /Gold /DeviceRGB 6 0 R] %s >>" % ramp,
                gold,
            ],
        ),
        (
            "inline-image-in-a-spot-colour-over-rgb.pdf",
            b"<< /ColorSpace << /CS0 [/Separation /Gold /DeviceRGB 5 0 R] >> >>",
            b"",
            [_stream(b"q 100 0 0 100 20 20 cm BI /W 1 /H 1 /CS /CS0 /BPC 8 ID \xff EI Q"), gold],
        ),
    ):
        _pdf(name, [CATALOG, pages, page % (resources, extra), *rest])


if __name__ == "__main__":
    main()
