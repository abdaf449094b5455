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
    reader = PdfReader(pdf)
    streams = []
    for page in reader.pages:
        contents = page.get_contents()
        streams.append(contents.get_data() if contents is not None else b"")
    return streams


RGB_OPERATOR = re.compile(rb"(?<![\w.])(?:-?[\d.]+\s+){3}(rg|RG)\b")


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
        for obj in doc[page].get_objects(max_depth=5):
            if obj.type != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            matrix = obj.get_matrix()
            points, curved = [], False
            for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
                segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
                x, y = ctypes.c_float(), ctypes.c_float()
                pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
                curved |= (
                    pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO
                )
                px, py = matrix.on_point(x.value, y.value)
                points.append((px / MM, py / MM))
            if points:
                result.append(Shape(tuple(points), curved))
        return result
    finally:
        doc.close()


def object_boxes(pdf: Path | bytes, page: int = 0) -> list[tuple[int, tuple[float, ...]]]:
    """(type, (left, bottom, right, top) in mm) of every page object, in drawing order."""
    doc = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    try:
        return [
            (obj.type, tuple(v / MM for v in obj.get_bounds()))
            for obj in doc[page].get_objects(max_depth=5)
        ]
    finally:
        doc.close()
