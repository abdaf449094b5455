"""An XML schedule's bytes → its text, by the XML specification's own rules (XML 1.0,
4.3.3 and Appendix F): a byte-order mark first, then the ``encoding`` of the
``<?xml …?>`` declaration, and UTF-8 when neither is given.

The parser is handed the text this gives, never the bytes, so it cannot read them a second
time in another encoding. What cannot honestly be the encoding the file names is refused at
its place: a byte-order mark that contradicts the declaration, an encoding no codec reads,
bytes that are not the declared encoding, and the careless export: bytes that form UTF-8's
multi-byte sequences under a declaration of a one-byte encoding such as ISO-8859-1, which
would print every "ø" as "Ã¸".
"""

from __future__ import annotations

import codecs
import re

from printkit.errors import InputError, Location
from printkit.read.source import binary_kind

#: byte-order marks, longest first (UTF-32's little-endian mark begins with UTF-16's)
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: ``<?`` in UTF-16 without a mark (Appendix F)
_UNMARKED = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
_DECLARATION = re.compile(r"<\?xml\s[^>]*?\bencoding\s*=\s*(['\"])([^'\"]*)\1")
#: Python codecs that are not a way of storing text in a file
_NOT_FILE_ENCODINGS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}


def xml_text(data: bytes, display: str) -> str:
    """The file's text, without its byte-order mark."""
    what = binary_kind(data)
    if what is not None:
        raise InputError(
            Location(display), "", f"this is {what}, not a schedule; export the schedule as XML"
        )
    mark = next(((m, name) for m, name in _MARKS if data.startswith(m)), None)
    body = data[len(mark[0]) :] if mark else data
    family = mark[1] if mark else next((n for p, n in _UNMARKED if data.startswith(p)), None)
    head = body[:1024].decode(family or "latin-1", "replace")
    declared = _DECLARATION.match(head)
    if declared is None:
        said = "UTF-8, which an XML file without an encoding declaration is"
        return _decoded(body, family or "utf-8", display, said)
    name = declared.group(2)
    where = Location(display, *_line_column(head[: declared.start(2)]))
    codec = _codec(name, where)
    if family is not None and not _same(codec, family):
        how = "starts with the byte-order mark of" if mark else "is written in"
        raise InputError(
            where,
            "encoding",
            f"the file {how} {family[:6].upper()}, but its declaration says {name}; change the"
            f' declaration to encoding="{family[:6].upper()}"',
        )
    if family is None and _unicode(codec) and not codec.startswith("utf-8"):
        raise InputError(
            where,
            "encoding",
            f"the declaration says {name}, but it is written one byte a character; change it to"
            ' the encoding the file is saved in (normally encoding="UTF-8")',
        )
    said = f"{name}, the encoding the file declares"
    text = _decoded(body, family or codec, display, said)
    if not _unicode(codec):
        _careless(body, name, display)
    return text


def _codec(name: str, where: Location) -> str:
    try:
        info = codecs.lookup(name)
    except LookupError:
        info = None
    if info is None or not info._is_text_encoding or info.name in _NOT_FILE_ENCODINGS:
        raise InputError(
            where,
            "encoding",
            f"{name!r} is not an encoding printkit can read; export the schedule as UTF-8"
            ' (encoding="UTF-8")',
        )
    return info.name


def _unicode(codec: str) -> bool:
    return codec.startswith(("utf-8", "utf-16", "utf-32"))


def _same(codec: str, marked: str) -> bool:
    """The declared codec is the one the byte-order mark says (UTF-16 names both orders)."""
    return codec.replace("-sig", "") in (marked, marked[:6])


def _decoded(body: bytes, codec: str, display: str, said: str) -> str:
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        bad = " ".join(f"0x{b:02x}" for b in body[exc.start : exc.end][:4])
        where = Location(display, *_line_column(body[: exc.start].decode(codec, "replace")))
        raise InputError(
            where,
            "encoding",
            f"{'byte' if ' ' not in bad else 'bytes'} {bad} {'is' if ' ' not in bad else 'are'}"
            f" not {said}; export the schedule again as UTF-8, or declare the encoding it is"
            ' saved in (<?xml version="1.0" encoding="…"?>)',
        ) from None


def _careless(body: bytes, name: str, display: str) -> None:
    """Refuse a one-byte declaration over bytes that are UTF-8 with a multi-byte sequence:
    text in a one-byte encoding almost never forms one by chance, an export that wrote
    UTF-8 and named the encoding it was told to write does every time."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return
    first = next((i for i, c in enumerate(text) if ord(c) > 0x7F), None)
    if first is None:
        return
    char = text[first]
    misread = char.encode("utf-8").decode(name, "replace")
    raise InputError(
        Location(display, *_line_column(text[:first])),
        "encoding",
        f"the file declares {name}, but its bytes are UTF-8 ({char!r} would print as"
        f" {misread!r}): the program that exported it wrote UTF-8 and named another encoding;"
        ' change the declaration to encoding="UTF-8"',
    )


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column, in characters, of what follows ``before``."""
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1
