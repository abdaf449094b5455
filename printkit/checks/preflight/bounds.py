"""How much a PDF given to ``printkit check`` may ask of the machine, checked before any page
is rendered: a file past these bounds is too big to check (``PdfReadError``, exit 2), never
minutes of work or gigabytes of memory.

PDFium decodes whatever a page draws, however far it inflates (a content stream of 2 kB that
inflates to 1 GB took 2.1 GB of memory; an image whose data inflates to 1 GB, 1.4 GB), so
every stream in the file is first decoded by pypdf one at a time, each bounded by pypdf's own
limit (75 MB), all of them together by ``MAX_DECODED_BYTES``; an image may hold at most
``MAX_IMAGE_PIXELS``; the file may have at most ``MAX_PAGES`` pages and ``MAX_OBJECTS``
objects (a page tree's ``/Count`` is read as a claim, and refused when it claims more).
"""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.errors import LimitReachedError
from pypdf.filters import decode_stream_data
from pypdf.generic import IndirectObject, StreamObject

from printkit.errors import PdfReadError

#: pages: printkit's own largest products (10,000 badges, a festival's tents) have fewer
MAX_PAGES = 10_000
#: objects (a 10,000-badge file has about 40,000)
MAX_OBJECTS = 1_000_000
#: bytes of all streams decoded: far more than any printkit product (10,000 badges: 60 MB)
MAX_DECODED_BYTES = 500_000_000
#: pixels of one image: an A0 poster's picture at 300 ppi has 139 million
MAX_IMAGE_PIXELS = 150_000_000


#: bytes one stream may inflate to: pypdf's own limit, which raises past it
STREAM_BYTES = 75_000_000


def too_big(problem: str) -> str:
    return f"is too big to check: {problem}"


def check_bounds(reader: PdfReader, name: str) -> None:
    """Refuse the file (``PdfReadError``) when checking it would ask too much."""
    pages = reader.trailer["/Root"]["/Pages"]
    claimed, size = pages.get("/Count", 0), reader.trailer.get("/Size", 0)
    if not isinstance(claimed, int) or not isinstance(size, int):
        raise PdfReadError(
            name, "is damaged and cannot be checked (its /Count or /Size is not a number)"
        )
    if claimed > MAX_PAGES:
        raise PdfReadError(
            name,
            too_big(f"its page tree claims {claimed:,} pages, more than the {MAX_PAGES:,} checked"),
        )
    if size > MAX_OBJECTS:
        raise PdfReadError(
            name,
            too_big(f"it says it has {size:,} objects, more than the {MAX_OBJECTS:,} checked"),
        )
    if len(reader.pages) > MAX_PAGES:
        raise PdfReadError(name, too_big(f"more than {MAX_PAGES:,} pages"))
    decoded = 0
    listed = _listed(reader)
    if len(listed) > MAX_OBJECTS:
        raise PdfReadError(name, too_big(f"more than {MAX_OBJECTS:,} objects"))
    for number, generation in listed:
        obj = IndirectObject(number, generation, reader).get_object()
        if not isinstance(obj, StreamObject):
            continue
        _image_size(obj, number, name)
        try:
            decoded += len(_decoded(obj))
        except LimitReachedError:
            raise PdfReadError(
                name,
                too_big(f"object {number}, a stream, inflates to more than {STREAM_BYTES:,} bytes"),
            ) from None
        if decoded > MAX_DECODED_BYTES:
            raise PdfReadError(
                name, too_big(f"its streams inflate to more than {MAX_DECODED_BYTES:,} bytes")
            )


def _decoded(obj: StreamObject) -> bytes:
    """The stream's data decoded, and not kept (``get_data`` keeps it with the object)."""
    return decode_stream_data(obj) if obj.get("/Filter") else obj.get_data()


def _listed(reader: PdfReader) -> list[tuple[int, int]]:
    """Every object the cross-reference tables list (number, generation), in order."""
    found = {(n, g) for g, table in reader.xref.items() for n in table}
    found |= {(n, 0) for n in reader.xref_objStm}
    return sorted(found)


def _image_size(obj: StreamObject, number: int, name: str) -> None:
    if obj.get("/Subtype") != "/Image":
        return
    width, height = obj.get("/Width", 0), obj.get("/Height", 0)
    if not isinstance(width, int) or not isinstance(height, int):
        return  # pypdf and PDFium refuse it as damage
    if width * height > MAX_IMAGE_PIXELS:
        raise PdfReadError(
            name,
            too_big(
                f"image object {number} is {width:,} × {height:,} pixels, more than the"
                f" {MAX_IMAGE_PIXELS:,} checked"
            ),
        )
