"""Write the corpus files that cannot be typed: attendee lists in odd encodings and formats,
broken images, things that are not fonts. Run from this folder:

    python make_binary.py

The files are committed; this script says how each was made. The CFF font needs fontTools
(``pip install fonttools``); without it that file is left as it is.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LOGO = ROOT / "assets" / "bestyrelsesforeningen-mark.png"
NOTO = ROOT / "fonts" / "NotoSans-Regular.ttf"


def csv_files() -> None:
    folder = HERE / "csv"
    folder.mkdir(exist_ok=True)

    def put(name: str, data: bytes | str) -> None:
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    put(
        "formula-hyperlink.csv",
        'Name,Company\n"=HYPERLINK(""https://evil.example/"",""Click me"")",ACME\n',
    )
    put("formula-in-organisation.csv", "Name,Company\nAnna Berg,=1+1\n")
    put("leading-plus-minus-at.csv", "Name,Company,Title\n+45 Anna,-ACME-,@anna\n")  # not formulas
    put("utf16-without-bom.csv", "Name,Company\nÅse Berg,ACME\n".encode("utf-16-le"))
    put("utf16-with-bom.csv", "Name,Company\nÅse Berg,ACME\n".encode("utf-16"))
    put("windows-1252.csv", "Navn;Firma\nÅse Bjørnstad;Smørrebrød A/S\n".encode("cp1252"))
    put(
        "mixed-encodings.csv",
        "Name,Company\nÅse Berg,Ærø Æbler\nJosé Núñez,Café\n".encode()
        + "Bjørn Berg,ACME\n".encode("cp1252"),
    )  # UTF-8, then one line pasted from Windows
    put("excel-sep-hint.csv", "sep=;\nName;Company\nAnna Berg;ACME, Inc.\n")
    put("unclosed-quote.csv", 'Name,Company\n"Anna Berg,ACME\nBo Hansen,Beta\n')
    put("quotes-inside-a-name.csv", 'Name,Company\nAnna "The Hammer" Berg,ACME\n')
    put("extra-cells.csv", "Name,Company\nAnna Berg,ACME,Copenhagen\n")
    put("no-name-column.csv", "Nmae,Company\nAnna Berg,ACME\n")
    put("duplicate-header.csv", "Name,Company,name\nAnna Berg,ACME,Anna\n")
    put("empty.csv", "")
    put("header-only.csv", "Name,Company\n")
    put("bidi-override-in-cell.csv", "Name,Company\nAnna \u202eBerg,ACME\n")
    put("private-use-in-cell.csv", "Name,Company\nAnna Berg,AC\ue000ME\n")
    put("control-character-in-cell.csv", "Name,Company\nAnna\x07 Berg,ACME\n")
    put("nul-in-cell.csv", b"Name,Company\nAnna\x00Berg,ACME\n")
    put("cell-of-301-characters.csv", "Name,Company\nAnna Berg," + "A" * 301 + "\n")
    put("crlf-line-endings.csv", "Name,Company\r\nAnna Berg,ACME\r\n")
    put("thousand-and-one-columns.csv", ",".join(f"c{i}" for i in range(1000)) + ",Name\n")
    put("unknown-role.csv", "Name,Role\nAnna Berg,Sponsr\n")
    put("vcard-injection-in-name.csv", 'Name,Company\n"Anna Berg\r\nEMAIL:evil@example.org",ACME\n')
    put("over-the-row-limit.csv", "Name\n" + "".join(f"Person {i}\n" for i in range(6)))
    put("long-values-for-personal-qr.csv", "Name,Ticket\nBo Hansen," + "Ø" * 290 + "\n")
    put(
        "ods-renamed.csv",
        _zip(
            {
                "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                "content.xml": b"<office:document-content/>",
            }
        ),
    )
    put(
        "word-document-renamed.csv",
        _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
    )
    put("zip-archive-renamed.csv", _zip({"notes.txt": b"not a workbook"}))
    put("xls-97-renamed.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    put("png-renamed.csv", LOGO.read_bytes())
    xlsx = _workbook([("Name", "Company"), ("Anna Berg", "ACME")])
    put("xlsx-renamed-as-csv.csv", xlsx)
    put(
        "xlsx-damaged-sheet.xlsx",
        _damage_sheet(_workbook([("Name", "Company")] + [(f"P {i}", "X") for i in range(50)])),
    )
    put("xlsx-zip-bomb.xlsx", _bomb(xlsx))


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _workbook(rows) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _damage_sheet(data: bytes) -> bytes:
    """The first sheet's XML cut off in the middle of its rows."""
    members = _members(data)
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = sheet[: len(sheet) // 2]
    return _zip(members)


def _bomb(data: bytes) -> bytes:
    """A real workbook plus a member that unpacks to 210 MB of zeros (about 200 KB packed)."""
    members = _members(data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, member in members.items():
            archive.writestr(name, member)
        with archive.open("xl/media/padding.bin", "w", force_zip64=True) as padding:
            block = bytes(1 << 20)
            for _ in range(210):
                padding.write(block)
    return buffer.getvalue()


def image_files() -> None:
    folder = HERE / "images"
    folder.mkdir(exist_ok=True)
    logo = LOGO.read_bytes()
    (folder / "truncated.png").write_bytes(logo[: len(logo) // 3])
    (folder / "text-named-png.png").write_bytes(b"This is not an image.\n")
    (folder / "empty.png").write_bytes(b"")
    (folder / "png-named-jpg.jpg").write_bytes(logo)  # told apart by content: must build
    (folder / "too-many-pixels.png").write_bytes(_png(7000, 7000))
    (folder / "decompression-bomb-header.png").write_bytes(_png_header_only(30000, 30000))
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">{}</svg>'
    (folder / "svg-with-text.svg").write_text(
        svg.format('<rect width="40" height="20"/><text y="15">Logo</text>')
    )
    (folder / "svg-without-size.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="2"/></svg>'
    )
    (folder / "svg-external-entity.svg").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        + svg.format('<title>&secret;</title><rect width="40" height="20"/>')
    )
    entities = "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
    )
    (folder / "svg-billion-laughs.svg").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [{entities}]>\n'
        + svg.format('<desc>&l9;</desc><rect width="40" height="20"/>')
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(width: int, height: int) -> bytes:
    """A greyscale PNG of zeros (it packs small: 49 megapixels in a few tens of KB)."""
    raw = zlib.compress(bytes(width + 1) * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", raw) + _chunk(b"IEND", b"")
    )


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims 900 megapixels and holds no pixels at all."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IEND", b"")


def font_files() -> None:
    folder = HERE / "fonts"
    folder.mkdir(exist_ok=True)
    (folder / "text-named-ttf.ttf").write_text("This is not a font.\n")
    (folder / "empty.ttf").write_bytes(b"")
    (folder / "truncated.ttf").write_bytes(NOTO.read_bytes()[:4096])
    (folder / "woff2-renamed.ttf").write_bytes(b"wOF2" + bytes(60))
    try:
        (folder / "cff-outlines-renamed.ttf").write_bytes(_cff_font())
    except ImportError:
        print("fontTools is not installed: fonts/cff-outlines-renamed.ttf left as it is")


def _cff_font() -> bytes:
    """A real OpenType font with CFF (PostScript) outlines, as a foundry's .otf is."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    strings = {}
    for name in (".notdef", "A"):
        pen = T2CharStringPen(600, None)
        pen.moveTo((50, 0))
        pen.lineTo((550, 0))
        pen.lineTo((300, 700))
        pen.closePath()
        strings[name] = pen.getCharString()
    builder.setupCFF("HostileCFF", {"FullName": "Hostile CFF"}, strings, {})
    builder.setupHorizontalMetrics({".notdef": (600, 50), "A": (600, 50)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Hostile CFF", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    buffer = io.BytesIO()
    builder.save(buffer)
    return buffer.getvalue()


def damaged_fonts() -> None:
    """Noto Sans damaged inside its glyph data (issue 13): every composite glyph's first
    component pointed at glyph 60,000, or at the glyph itself; maxp.numGlyphs set to 1; and
    every simple glyph claiming 32,767 contours (its letters vanished from the PDF)."""
    data = NOTO.read_bytes()
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag] = offset
    (glyphs,) = struct.unpack_from(">H", data, tables[b"maxp"] + 4)
    (long_offsets,) = struct.unpack_from(">h", data, tables[b"head"] + 50)
    raw = struct.unpack_from(f">{glyphs + 1}{'I' if long_offsets else 'H'}", data, tables[b"loca"])
    loca = raw if long_offsets else [2 * o for o in raw]
    composite, cycle, contours = bytearray(data), bytearray(data), bytearray(data)
    for glyph in range(glyphs):
        at = tables[b"glyf"] + loca[glyph]
        if loca[glyph + 1] > loca[glyph] and struct.unpack_from(">h", data, at)[0] < 0:
            struct.pack_into(">H", composite, at + 12, 60000)
            struct.pack_into(">H", cycle, at + 12, glyph)  # made of itself
        elif loca[glyph + 1] > loca[glyph]:
            struct.pack_into(">h", contours, at, 32767)
    (HERE / "fonts" / "simple-glyph-32767-contours.ttf").write_bytes(bytes(contours))
    (HERE / "fonts" / "composite-glyph-beyond-the-font.ttf").write_bytes(bytes(composite))
    (HERE / "fonts" / "composite-glyph-made-of-itself.ttf").write_bytes(bytes(cycle))
    one = bytearray(data)
    struct.pack_into(">H", one, tables[b"maxp"] + 4, 1)
    (HERE / "fonts" / "maxp-one-glyph.ttf").write_bytes(bytes(one))


if __name__ == "__main__":
    csv_files()
    image_files()
    font_files()
    damaged_fonts()
