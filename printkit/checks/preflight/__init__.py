"""Preflight any PDF for print: page boxes, fonts, colour, images, QR codes, text by the edge.

``check_pdf(path)`` returns a :class:`FileReport` (frozen facts per page and the findings
drawn from them) or raises :class:`~printkit.errors.PdfReadError` for a file that is not a
readable PDF. It prints nothing; the CLI does.

This is a check of the rules a print shop's preflight applies (see PRINT.md), not a PDF/X
validator.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from printkit.checks.preflight import rules
from printkit.checks.preflight.bounds import check_bounds
from printkit.checks.preflight.content import page_content
from printkit.checks.preflight.inks import ink_findings, page_text_inks
from printkit.checks.preflight.raster import COARSE_DPI, FINE_DPI, find_qr_codes, text_near_edge
from printkit.checks.preflight.report import (
    ColourKind,
    ColourUse,
    FileReport,
    Finding,
    Font,
    ImageUse,
    PageBoxes,
    PageReport,
    Placement,
    QRCode,
    Severity,
    TextNearEdge,
)
from printkit.checks.preflight.structure import box_problems, page_boxes, page_fonts, user_unit
from printkit.errors import PdfReadError
from printkit.read.regular import NotRegular, open_regular

__all__ = [
    "COARSE_DPI",
    "FINE_DPI",
    "ColourKind",
    "ColourUse",
    "FileReport",
    "Finding",
    "Font",
    "ImageUse",
    "PageBoxes",
    "PageReport",
    "Placement",
    "QRCode",
    "Severity",
    "TextNearEdge",
    "check_pdf",
]

#: What pypdf raises on a damaged file besides its own errors: a page tree that contains
#: itself (RecursionError), ``/Kids [5]`` (AttributeError, TypeError), a stream with
#: ``/Filter /NoSuchFilter`` (NotImplementedError), a bad index or key, a broken zlib stream.
DAMAGE = (
    ValueError,
    NotImplementedError,
    RecursionError,
    AttributeError,
    TypeError,
    KeyError,
    IndexError,
    AssertionError,
    ZeroDivisionError,
    OverflowError,
    zlib.error,
    struct.error,
)

#: a page with one of these says the file is meant for a print shop
PRESS_BOXES = ("TrimBox", "BleedBox", "ArtBox")
_HEADER_WINDOW = 1024  # the %PDF- header may sit anywhere in the first KiB


def check_pdf(path: Path, display: str | None = None, fine_dpi: int = FINE_DPI) -> FileReport:
    """Check every page of the PDF at ``path``; ``display`` names it in the report."""
    name = display or str(path)
    _require_pdf(path, name)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfReadError(name, "is encrypted with a password; send the unprotected file")
        document = pdfium.PdfDocument(str(path))
    except (PyPdfError, pdfium.PdfiumError, OSError, *DAMAGE) as exc:
        raise PdfReadError(name, f"cannot be read as a PDF ({_reason(exc)})") from None
    try:
        check_bounds(reader, name)
        if len(document) != len(reader.pages):
            raise PdfReadError(
                name, f"has a damaged page tree ({len(reader.pages)} or {len(document)} pages?)"
            )
        intent = "/OutputIntents" in reader.trailer["/Root"]
        press = intent or any(f"/{name}" in page for page in reader.pages for name in PRESS_BOXES)
        pages = tuple(
            _check_page(number, reader, document, fine_dpi, press)
            for number in range(1, len(reader.pages) + 1)
        )
    except (PyPdfError, pdfium.PdfiumError, *DAMAGE) as exc:
        raise PdfReadError(name, f"is damaged and cannot be checked ({_reason(exc)})") from None
    finally:
        document.close()
    version = reader.pdf_header.removeprefix("%PDF-")
    return FileReport(name, version, pages, press=press)


def _require_pdf(path: Path, name: str) -> None:
    try:
        with open_regular(path) as handle:
            head = handle.read(_HEADER_WINDOW)
    except NotRegular as exc:
        raise PdfReadError(name, f"is {exc.kind}, not a PDF file") from None
    except FileNotFoundError:
        raise PdfReadError(name, "no such file") from None
    except OSError as exc:
        raise PdfReadError(name, f"cannot be read ({exc.strerror or exc})") from None
    if b"%PDF-" not in head:
        raise PdfReadError(name, "is not a PDF (it does not start with %PDF-)")


def _reason(exc: Exception) -> str:
    if isinstance(exc, RecursionError):  # its text depends on where the limit was hit
        return "RecursionError: its objects nest too deeply to be read"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _check_page(
    number: int, reader: PdfReader, document: pdfium.PdfDocument, fine_dpi: int, press: bool
) -> PageReport:
    page = reader.pages[number - 1]
    boxes = page_boxes(page)
    fonts = page_fonts(page)
    try:
        colours, images = page_content(page, reader)
        inked = page_text_inks(page, reader)
        unreadable = []
    except PyPdfError as exc:  # one page's content: report it, check the rest
        colours, images, inked = (), (), []
        unreadable = [rules.unreadable_content(number, _reason(exc))]
    rotate = int(page.get("/Rotate", 0) or 0)
    rendered = document[number - 1]
    try:
        codes, dpis = find_qr_codes(rendered, fine_dpi)
        frame_name = (
            "trim" if boxes.get("TrimBox") else "art box" if boxes.get("ArtBox") else "page"
        )
        unit = user_unit(page)
        near = text_near_edge(rendered, boxes.finished, rules.SAFE_MM, unit, rotate)
    finally:
        rendered.close()
    findings = [
        *unreadable,
        *(Finding(number, problem, Severity.UNPRINTABLE) for problem in box_problems(page)),
        *rules.box_findings(number, boxes, press),
        *rules.font_findings(number, fonts),
        *rules.colour_findings(number, colours),
        *rules.image_findings(number, images),
        *rules.qr_findings(number, codes, dpis[0]),
        *rules.text_findings(number, near, frame_name),
        *ink_findings(number, inked),
    ]
    return PageReport(
        number=number,
        boxes=boxes,
        rotate=rotate,
        fonts=fonts,
        colours=colours,
        images=images,
        qr_codes=tuple(codes),
        qr_dpis=tuple(dpis),
        near_edge=tuple(near),
        findings=tuple(findings),
    )
