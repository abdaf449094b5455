"""Reading our PDFs the way their readers do: text, glyph positions, fonts, boxes, QR codes."""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from pypdf import PdfReader
from pypdf.generic import IndirectObject

MM = 72 / 25.4  # points per mm

STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}


def text(pdf: Path | bytes, page: int | None = None) -> str:
    """All text as a PDF viewer's copy would give it (pypdf's extraction)."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    pages = reader.pages if page is None else [reader.pages[page]]
    return "\n".join(p.extract_text() for p in pages)


def flat(s: str) -> str:
    """Whitespace folded, so a wrapped line matches its source sentence."""
    return " ".join(s.split())


@dataclass(frozen=True)
class Glyph:
    char: str
    left: float  # mm from the page's left edge
    bottom: float
    right: float
    top: float


def glyphs(pdf: Path, page: int = 0) -> list[Glyph]:
    """Every visible character with its tight box in mm (pdfium)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[page].get_textpage()
        result = []
        for i in range(textpage.count_chars()):
            char = textpage.get_text_range(i, 1)
            if not char.strip():
                continue
            left, bottom, right, top = textpage.get_charbox(i)
            result.append(Glyph(char, left / MM, bottom / MM, right / MM, top / MM))
        return result
    finally:
        doc.close()


def page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def page_size_mm(pdf: Path, page: int = 0) -> tuple[float, float]:
    box = PdfReader(pdf).pages[page].mediabox
    return (float(box.width) / MM, float(box.height) / MM)


@dataclass(frozen=True)
class Code:
    text: str
    width_mm: float  # the symbol's width, finder pattern edge to edge
    centre: tuple[float, float]  # mm, page coordinates (y up)


def qr_codes(pdf: Path, page: int = 0, dpi: int = 300) -> list[Code]:
    """Render the page and decode every QR code with zxing-cpp."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pdf_page = doc[page]
        height_pt = pdf_page.get_height()
        image = pdf_page.render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
    codes = []
    px_per_mm = dpi / 25.4
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        width = ((p.top_right.x - p.top_left.x) ** 2 + (p.top_right.y - p.top_left.y) ** 2) ** 0.5
        cx = sum(xs) / 4 / px_per_mm
        cy = height_pt / MM - sum(ys) / 4 / px_per_mm
        codes.append(Code(result.text, width / px_per_mm, (cx, cy)))
    return codes


def fonts(pdf: Path) -> list[dict]:
    """Every font object in the file: its name, subtype and whether its program is embedded."""
    reader = PdfReader(pdf)
    found = []
    for num in range(1, reader.trailer["/Size"]):
        try:
            obj = reader.get_object(IndirectObject(num, 0, reader))
        except Exception:
            continue
        if not hasattr(obj, "get") or obj.get("/Type") != "/Font":
            continue
        descriptor = obj.get("/FontDescriptor")
        if obj.get("/Subtype") == "/Type0":
            descriptor = obj["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else None
        embedded = descriptor is not None and any(
            k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
        )
        base = str(obj.get("/BaseFont", ""))
        found.append(
            {"name": base.lstrip("/"), "subtype": str(obj.get("/Subtype")), "embedded": embedded}
        )
    return found


def content_streams(pdf: Path) -> list[bytes]:
    """Each page's content as it is painted: every form it places (``/Name Do``: a badge's
    band and foot, a logo, a trap) written out where it is placed, its own forms in turn."""
    reader = PdfReader(pdf)
    streams = []
    for page in reader.pages:
        contents = page.get_contents()
        data = contents.get_data() if contents is not None else b""
        streams.append(_forms_placed(data, page.get("/Resources"), depth=0))
    return streams


FORM_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do\b")
MAX_FORM_DEPTH = 8  # forms placing forms: deeper than ours ever go


def _forms_placed(data: bytes, resources, depth: int) -> bytes:
    """``data`` with each form XObject it places replaced by the form's own content."""
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is None or depth > MAX_FORM_DEPTH:
        return data
    xobjects = xobjects.get_object()

    def expand(match: re.Match) -> bytes:
        name = "/" + match.group(1).decode("latin-1")
        form = xobjects.get(name)
        form = form.get_object() if form is not None else None
        if form is None or form.get("/Subtype") != "/Form":
            return match.group(0)  # a picture: stays placed
        inner = _forms_placed(form.get_data(), form.get("/Resources"), depth + 1)
        return b"q\n" + inner + b"\nQ"

    return FORM_DO.sub(expand, data)


RGB_OPERATOR = re.compile(rb"(?<![\w.])(?:-?[\d.]+\s+){3}(rg|RG)\b")


@dataclass(frozen=True)
class Stroke:
    """A stroked straight segment in page mm, with the colour space and width it was drawn in."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour_space: str
    width_pt: float
    dashed: bool


def _mul(a, b):
    """Compose PDF matrices [a b c d e f]: a then b."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def strokes(pdf: Path, page: int = 0) -> list[Stroke]:
    """Every stroked line segment of a page's content stream (through q/Q/cm)."""
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    pdf_page = reader.pages[page]
    ops = ContentStream(pdf_page.get_contents(), reader).operations
    ctm = [1, 0, 0, 1, 0, 0]
    stack = []
    space, width, dashed = "DeviceGray", 1.0, False
    path: list[tuple[float, float]] = []
    segments: list[tuple] = []
    result = []
    for operands, op in ops:
        if op == b"q":
            stack.append((ctm, space, width, dashed))
        elif op == b"Q":
            ctm, space, width, dashed = stack.pop()
        elif op == b"cm":
            ctm = _mul([float(v) for v in operands], ctm)
        elif op == b"CS":
            space = str(operands[0]).lstrip("/")
        elif op == b"K":
            space = "DeviceCMYK"
        elif op == b"RG":
            space = "DeviceRGB"
        elif op == b"G":
            space = "DeviceGray"
        elif op == b"w":
            width = float(operands[0])
        elif op == b"d":
            dashed = len(operands[0]) > 0
        elif op == b"m":
            path = [(float(operands[0]), float(operands[1]))]
        elif op == b"l":
            point = (float(operands[0]), float(operands[1]))
            segments.append((path[-1], point))
            path.append(point)
        elif op in (b"S", b"s"):
            for (x1, y1), (x2, y2) in segments:
                a = (x1 * ctm[0] + y1 * ctm[2] + ctm[4], x1 * ctm[1] + y1 * ctm[3] + ctm[5])
                b = (x2 * ctm[0] + y2 * ctm[2] + ctm[4], x2 * ctm[1] + y2 * ctm[3] + ctm[5])
                result.append(
                    Stroke(a[0] / MM, a[1] / MM, b[0] / MM, b[1] / MM, space, width, dashed)
                )
            segments, path = [], []
        elif op in (b"n", b"f", b"f*", b"B", b"b"):  # a fill or no paint ends the path
            segments, path = [], []
    return result


def boxes_mm(pdf: Path, page: int = 0) -> dict[str, tuple[float, float, float, float] | None]:
    """The page boxes actually present in the page dictionary, in mm (x0, y0, x1, y1)."""
    pdf_page = PdfReader(pdf).pages[page]
    result = {}
    for name in ("/MediaBox", "/BleedBox", "/TrimBox", "/ArtBox", "/CropBox"):
        box = pdf_page.get(name)
        result[name.lstrip("/")] = (
            None if box is None else tuple(round(float(v) / MM, 3) for v in box)
        )
    return result


def find_text(
    pdf: Path, text_to_find: str, page: int = 0
) -> list[tuple[float, float, float, float]]:
    """Boxes (mm: left, bottom, right, top) of every occurrence of a string on a page."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[page].get_textpage()
        searcher = textpage.search(text_to_find, match_case=True)
        found = []
        while (hit := searcher.get_next()) is not None:
            start, count = hit
            boxes = [textpage.get_charbox(i) for i in range(start, start + count)]
            boxes = [b for b in boxes if b[2] > b[0]]
            found.append(
                (
                    min(b[0] for b in boxes) / MM,
                    min(b[1] for b in boxes) / MM,
                    max(b[2] for b in boxes) / MM,
                    max(b[3] for b in boxes) / MM,
                )
            )
        return found
    finally:
        doc.close()


@dataclass(frozen=True)
class Shape:
    """A path object's geometry in mm, page coordinates (y up): its points (on the curve
    and control points) and the box around them, without the stroke's width."""

    points: tuple[tuple[float, float], ...]
    curved: bool  # has Bézier segments

    @property
    def left(self) -> float:
        return min(x for x, _ in self.points)

    @property
    def right(self) -> float:
        return max(x for x, _ in self.points)

    @property
    def bottom(self) -> float:
        return min(y for _, y in self.points)

    @property
    def top(self) -> float:
        return max(y for _, y in self.points)

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def paths(pdf: Path | bytes, page: int = 0) -> list[Shape]:
    """Every path object on the page, in drawing order, read from its segments (pdfium)."""
    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        result = []
        for obj, placed in _placed_objects(doc[page]):
            if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            matrices = [obj.get_matrix(), *placed]
            points, curved = [], False
            for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
                segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
                x, y = ctypes.c_float(), ctypes.c_float()
                pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
                curved |= (
                    pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO
                )
                px, py = x.value, y.value
                for matrix in matrices:  # the object's own, then each form's it is in
                    px, py = matrix.on_point(px, py)
                points.append((px / MM, py / MM))
            if points:
                result.append(Shape(tuple(points), curved))
        return result
    finally:
        doc.close()


def _placed_objects(page, form=None, placed=(), depth=0):
    """Every object on the page with the matrices of the forms it is inside, innermost
    first: a path in a form is in the form's coordinates, the form placed by its own."""
    for obj in page.get_objects(max_depth=0, form=form):
        yield obj, placed
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 5:
            yield from _placed_objects(page, obj, (obj.get_matrix(), *placed), depth + 1)


def object_boxes(pdf: Path | bytes, page: int = 0) -> list[tuple[int, tuple[float, ...]]]:
    """(type, (left, bottom, right, top) in mm) of every page object, in drawing order (a form,
    such as a placed logo, counts as one object: what is inside it is in its own coordinates)."""
    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return [
            (obj.type, tuple(v / MM for v in obj.get_bounds()))
            for obj in doc[page].get_objects(max_depth=1)
        ]
    finally:
        doc.close()


def _to_unicode(font) -> dict[int, str]:
    """A simple font's code → text map from its ToUnicode CMap (bfchar and bfrange)."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.get_object().get_data().decode("latin-1")
    result: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            result[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int.from_bytes(bytes.fromhex(start), "big")
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                result[code] = chr(first + i)
    return result


def _raw(string) -> bytes:
    """The bytes a PDF string operand holds, as the font's codes."""
    return string.original_bytes if hasattr(string, "original_bytes") else bytes(string)


def text_colours(pdf: Path, page: int = 0) -> list[tuple[tuple, str]]:
    """Each string shown on a page (Tj, TJ) with the fill colour in force when it was shown,
    as the operator that set it gives it: ("k", (c, m, y, k)), ("rg", (r, g, b)), …"""
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    pdf_page = reader.pages[page]
    fonts = {
        str(name): _to_unicode(font.get_object())
        for name, font in pdf_page["/Resources"].get("/Font", {}).get_object().items()
    }
    fill: tuple = ("g", (0.0,))
    font: dict[int, str] = {}
    stack: list = []
    found: list[tuple[tuple, str]] = []
    for operands, op in ContentStream(pdf_page.get_contents(), reader).operations:
        if op in (b"k", b"rg", b"g"):
            fill = (op.decode(), tuple(round(float(a), 4) for a in operands))
        elif op in (b"sc", b"scn", b"cs"):
            fill = (op.decode(), tuple(str(a) for a in operands))
        elif op == b"q":
            stack.append((fill, font))
        elif op == b"Q" and stack:
            fill, font = stack.pop()
        elif op == b"Tf":
            font = fonts.get(str(operands[0]), {})
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            pieces = operands[0] if op == b"TJ" else [operands[-1]]
            raw = b"".join(_raw(p) for p in pieces if not isinstance(p, (int, float)))
            text = "".join(font.get(b, "?") for b in raw)
            if text.strip():
                found.append((fill, text))
    return found
