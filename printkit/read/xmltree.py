"""XML read into a small tree whose every element keeps the line and column of its start tag,
so that a problem is reported where it is (``schedule.xml:214:9: …``, ``badges.xml:12:7: …``).

Parsed with defusedxml's SAX reader: an entity declaration, an external entity or DTD and
DTD-driven expansion are refused (a small file that expands without end), and so is nesting
deeper than any of the formats read here needs.
"""

from __future__ import annotations

import io
import xml.sax
import xml.sax.xmlreader
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.sax.handler import ContentHandler

import defusedxml
import defusedxml.sax

from printkit.errors import InputError, Location

#: elements a file may nest; deeper is none of the formats read here
MAX_DEPTH = 12


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    where: Location
    children: list[Element] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts).strip()

    def child(self, tag: str) -> Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[Element]:
        return [c for c in self.children if c.tag == tag]

    def iter(self, tag: str) -> Iterator[Element]:
        """Every element named ``tag`` at any depth below this one, in document order."""
        for child in self.children:
            if child.tag == tag:
                yield child
            yield from child.iter(tag)


class _Builder(ContentHandler):
    def __init__(self, display: str) -> None:
        super().__init__()
        self.display = display
        self.stack: list[Element] = []
        self.root: Element | None = None
        self.locator = None

    def setDocumentLocator(self, locator) -> None:  # noqa: ANN001, N802 (SAX's name)
        self.locator = locator

    def where(self) -> Location:
        if self.locator is None:
            return Location(self.display)
        return Location(
            self.display, self.locator.getLineNumber(), self.locator.getColumnNumber() + 1
        )

    def startElement(self, name: str, attrs) -> None:  # noqa: ANN001, N802
        element = Element(name, dict(attrs.items()), self.where())
        if len(self.stack) >= MAX_DEPTH:
            raise InputError(element.where, name, f"nested more than {MAX_DEPTH} levels deep")
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)

    def endElement(self, name: str) -> None:  # noqa: N802
        self.stack.pop()

    def characters(self, content: str) -> None:
        if self.stack:
            self.stack[-1].parts.append(content)


def parse(data: bytes | str, display: str, refused: str, forbid_dtd: bool = True) -> Element:
    """The root element of ``data``: bytes, or text already decoded (the parser then never
    applies the declared encoding a second time). Entities and external references (and
    with ``forbid_dtd`` any DTD) are refused with the message ``refused``, at the
    declaration."""
    builder = _Builder(display)
    source = xml.sax.xmlreader.InputSource()
    if isinstance(data, str):
        source.setCharacterStream(io.StringIO(data))
    else:
        source.setByteStream(io.BytesIO(data))
    try:
        defusedxml.sax.parse(source, builder, forbid_dtd=forbid_dtd)
    except defusedxml.DefusedXmlException:
        raise InputError(builder.where(), "", refused) from None
    except xml.sax.SAXParseException as exc:
        where = Location(display, exc.getLineNumber(), exc.getColumnNumber() + 1)
        raise InputError(where, "", f"not well-formed XML ({exc.getMessage()})") from None
    if builder.root is None:
        raise InputError(Location(display), "", "holds no XML element")
    return builder.root
