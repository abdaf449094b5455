"""ReportLab's document written to a file as it is drawn, not held until the end.

ReportLab keeps every finished page's content stream until ``save`` and then joins the whole
file in memory: for 10,000 badge sheets that is the file twice over. Here each page's
content stream is written out as its own object as soon as the page is finished (``Spill``
is the canvas's page callback), and ``finish`` writes the objects that remain (pages,
fonts, their subsets, which are only known once every page is drawn), the cross-reference
table and the trailer straight to the file. The objects are ReportLab's own, formatted by
ReportLab; only where each one lands in the file differs, and the stamp pass
(``output.stamp``) writes the file out again in its own order in any case.

A page's content is compressed with Flate alone. ReportLab adds ASCII85 on top, which the
stamp pass then undid, decoding and compressing every page again (a third of a 10,000-badge
run's time): the same compressed bytes are now made once, and the stamp pass copies them.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from reportlab.pdfbase.pdfdoc import (
    PDFCrossReferenceTable,
    PDFDocument,
    PDFIndirectObject,
    PDFName,
    PDFStream,
    PDFTrailer,
    PDFZCompress,
    pdfdocEnc,
)
from reportlab.pdfgen.canvas import Canvas

#: zlib's level for a page's content: 3 compresses a sheet of ten personal codes (34 KB of
#: operators) in 0.29 ms where ReportLab's 6 takes 0.71 ms, into 5.6 KB rather than 4.4 KB
#: (measured on the benchmark's pages); a file is the same bytes on every run either way.
PAGE_LEVEL = 3

#: The first bytes of the file, as ReportLab writes them (the binary comment marks it binary).
HEADER = b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n"


class _Written:
    """What stands in the document for an object already in the file."""

    __slots__ = ()


class Spill:
    """Writes the pages of ``canvas`` to ``out`` (a seekable file) as they are finished: the
    header at once, then each page's content stream, compressed; the header's version is
    set again at the end, when drawing is done."""

    def __init__(self, canvas: Canvas, out: BinaryIO) -> None:
        self.doc: PDFDocument = canvas._doc
        self.out = out
        self.offsets: dict[str, int] = {}  # object name → where it starts in the file
        self.position = 0
        self.start = out.tell()
        self._write(self._version())
        self._write(HEADER)

    def _version(self) -> bytes:
        major, minor = self.doc._pdfVersion
        return pdfdocEnc(f"%PDF-{major}.{minor}")

    def _write(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def page(self) -> None:
        """The page just finished: its content stream into the file, a reference in its place."""
        doc = self.doc
        page = doc.Pages.pages[-1]
        # Flate alone (ReportLab adds ASCII85, which the stamp pass then decoded and
        # compressed again, page by page): the same compressed bytes, made once
        content = page.stream.encode("utf8") if isinstance(page.stream, str) else page.stream
        stream = PDFStream(content=zlib.compress(content, PAGE_LEVEL))
        stream.dictionary["Filter"] = PDFName(PDFZCompress.pdfname)  # applied
        stream.__Comment__ = "page stream"
        reference = doc.Reference(stream)
        name = reference.name
        self.offsets[name] = self.position
        self._write(PDFIndirectObject(name, stream).format(doc))
        doc.idToObject[name] = _Written()  # the stream itself is let go
        page.Contents, page.stream = reference, None

    def finish(self, canvas: Canvas) -> None:
        """Everything else, as ReportLab's ``save`` would write it, then the cross-reference
        table (with the offsets of the objects written earlier) and the trailer."""
        if canvas._code:
            canvas.showPage()
        doc = self.doc
        for font in doc.delayedFonts:  # the fonts' subsets: every page is drawn now
            font.addObjects(doc)
        doc.info.invariant = doc.invariant
        doc.info.digest(doc.signature)
        doc.Reference(doc.Catalog)
        doc.Reference(doc.info)
        doc.Outlines.prepare(doc, canvas)
        if doc.Outlines.ready < 0:
            doc.Catalog.Outlines = None
        doc.encrypt.prepare(doc)
        root, info = doc.Reference(doc.Catalog), doc.Reference(doc.info)
        names = []
        number = 0
        while True:  # objects may be added while others are formatted: until none is left
            number += 1
            name = doc.numberToId.get(number)
            if name is None:
                break
            names.append(name)
            if name in self.offsets:
                continue
            self.offsets[name] = self.position
            self._write(PDFIndirectObject(name, doc.idToObject[name]).format(doc))
        doc.idToOffset.update(self.offsets)
        xref = PDFCrossReferenceTable()
        xref.addsection(0, names)
        start = self.position
        self._write(xref.format(doc))
        trailer = PDFTrailer(
            startxref=start, Size=len(names) + 1, Root=root, Info=info, ID=doc.ID()
        )
        self._write(trailer.format(doc))
        # the version drawing asked for (transparency is 1.4), where the file begins
        end = self.out.tell()
        self.out.seek(self.start)
        self.out.write(self._version())
        self.out.seek(end)
