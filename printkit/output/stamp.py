"""What ReportLab does not write by itself, set in one pass over its output (pikepdf): a
subset tag derived from each font subset's content, and the build's true date.

**Subset tags.** ReportLab names a font's subsets by their number (``SUBSETN`` in
``reportlab/pdfbase/ttfonts.py``), so the first subset of every font in every file is
``AAAAAA+Name``. A shop that merges or imposes two files then holds two different fonts
under one name. ReportLab offers no hook for the prefix (``TTFont.addObjects`` builds it
inline), so rather than patch its internals the tags are rewritten here: six capitals from a
hash of the embedded font program and its ToUnicode map, in the font dictionary, its
descriptor and the map's own name. Different subsets get different tags; the same subset the
same tag in every build.

**Dates.** ``SOURCE_DATE_EPOCH`` when it is set, else the newest modification time of the
files the build read (``output.dates``): the same inputs still give the same bytes,
and a shop's job list shows a true date instead of ReportLab's invariant 2000-01-01.
"""

from __future__ import annotations

import hashlib
import io
import re
from typing import BinaryIO

import pikepdf
from pikepdf import Name, String

from printkit.model.production import PdfX
from printkit.output.dates import pdf_date
from printkit.output.pdfx import PDFX_PDF, identify

TAG_LENGTH = 6
_TAGGED = re.compile(rb"^[A-Z]{6}\+")


def subset_tag(*parts: bytes) -> str:
    """Six capitals from a hash of ``parts``: 26⁶ ≈ 3 × 10⁸ tags."""
    value = int.from_bytes(hashlib.sha256(b"\0".join(parts)).digest()[:8], "big")
    letters = []
    for _ in range(TAG_LENGTH):
        value, rest = divmod(value, 26)
        letters.append(chr(ord("A") + rest))
    return "".join(letters)


def retag_subsets(doc: pikepdf.Pdf) -> dict[str, str]:
    """Give every embedded subset a tag from its content; returns old name → new name."""
    renamed: dict[str, str] = {}
    for obj in doc.objects:
        if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != Name.Font:
            continue
        base = obj.get("/BaseFont")
        descriptor = obj.get("/FontDescriptor")
        if base is None or descriptor is None or "/FontFile2" not in descriptor:
            continue
        old = bytes(String(str(base)[1:]))
        if not _TAGGED.match(old):
            continue
        program = descriptor.FontFile2.read_bytes()
        unicode = obj.ToUnicode.read_bytes() if "/ToUnicode" in obj else b""
        new = subset_tag(program, unicode).encode() + old[TAG_LENGTH:]
        name = Name("/" + new.decode("latin-1"))
        obj.BaseFont = name
        descriptor.FontName = name
        if unicode:
            obj.ToUnicode.write(unicode.replace(old, new))  # compressed again on save
        renamed[old.decode("latin-1")] = new.decode("latin-1")
    return renamed


def stamp(doc: pikepdf.Pdf, epoch: int) -> None:
    """Subset tags from content, and the dates of ``epoch``, on an open document."""
    retag_subsets(doc)
    date = String(pdf_date(epoch))
    doc.docinfo[Name.CreationDate] = date
    doc.docinfo[Name.ModDate] = date
    if not str(doc.docinfo.get(Name.Keywords, "")):
        del doc.docinfo[Name.Keywords]  # ReportLab writes an empty one


def stamped(pdf: bytes, epoch: int, pdfx: PdfX | None = None) -> bytes:
    """ReportLab's bytes with content-derived subset tags and the build's date, and the
    PDF/X-4 identification when ``pdfx`` is given: one pass, a trailer /ID from the content."""
    out = io.BytesIO()
    stamp_into(io.BytesIO(pdf), out, epoch, pdfx)
    return out.getvalue()


def stamp_into(source: BinaryIO, out: BinaryIO, epoch: int, pdfx: PdfX | None = None) -> None:
    """``stamped``, from a file ReportLab wrote to another: pikepdf reads the objects and
    copies each stream's data from the one file to the other, so neither is held whole."""
    source.seek(0)
    with pikepdf.open(source) as doc:
        stamp(doc, epoch)
        options: dict = {}
        if pdfx is not None:
            identify(doc, pdfx)
            options = {"min_version": PDFX_PDF, "force_version": PDFX_PDF}
        doc.save(out, deterministic_id=True, compress_streams=True, **options)
