"""Read a spreadsheet export (CSV or XLSX) into a header and rows of text that know their place.

This is the mechanical half of reading an attendee list: bytes → decoded text → cells. It
knows nothing about names or e-mails (``printkit.read.attendees`` does). Every cell is stripped of
surrounding whitespace and NFC-normalised; every row keeps the physical line it starts on (for
XLSX: its sheet row) and its number under the header, so later errors can point at it.

CSV is decoded as UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
Windows-1252 when the bytes are not UTF-8; the delimiter (``,`` ``;`` or tab) is read from the
header line, or from Excel's ``sep=;`` hint line.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from printkit.errors import InputError, Location
from printkit.read.cells import (
    MAX_COLUMNS,
    Broken,
    Row,
    Table,
    cell_ref,
    clean_cell,
    first_nonblank,
    numbered,
)
from printkit.read.regular import NotRegular, open_regular
from printkit.read.source import binary_kind
from printkit.read.xlsx import xlsx_table

MAX_FILE_BYTES = 50_000_000
DELIMITERS = ("\t", ";", ",")  # preference order when the header cannot decide

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
_SENTINEL = "\x00end\x00"  # NUL is refused in the text, so this can only come from us
_SEP_HINT = re.compile(r"sep=(.)[ \t]*(?:\r\n|\r|\n|$)", re.IGNORECASE)
# A well-formed multi-byte UTF-8 sequence (RFC 3629), to tell a UTF-8 file with a stray byte
# from a Windows-1252 file.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_SAVE_AS = 'save it as "CSV UTF-8" (in Excel: File → Save As → CSV UTF-8)'

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 with BOM",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def read_table(
    path: Path,
    display: str | None = None,
    other: Callable[[str, str], Table | None] | None = None,
) -> Table:
    """Read a CSV or XLSX file (told apart by content, not by name) into a ``Table``.

    ``other`` may read a text file of another shape (pretix's JSON): given the decoded text
    and the display name, it returns its table, or None for CSV."""
    display = display if display is not None else str(path)
    data = _read_bytes(path, display)
    if data.startswith(_ZIP):
        return xlsx_table(data, display)
    if data.startswith(_OLE):
        raise InputError(
            Location(display),
            "",
            "this is an old Excel 97–2003 workbook (.xls); save it as .xlsx or as CSV UTF-8",
        )
    what = binary_kind(data)
    if what is not None:
        raise InputError(
            Location(display),
            "",
            f"this is {what}, not an attendee list; export the list as CSV UTF-8 or .xlsx",
        )
    text, encoding = decode(data, display)
    if other is not None:
        table = other(text, display)
        if table is not None:
            return table
    return _csv_table(text, encoding, display)


def _read_bytes(path: Path, display: str) -> bytes:
    where = Location(display)
    try:
        with open_regular(path) as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise _too_large(where, f"{size:,} bytes")
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        folder = path.resolve().parent
        raise InputError(
            where, "", f"attendee list not found (looked in {folder}); check the path"
        ) from None
    except NotRegular as exc:
        kind = "a folder;" if exc.kind == "a folder" else f"{exc.kind}, not a regular file;"
        raise InputError(where, "", f"is {kind} give the path of a CSV or XLSX file") from None
    except OSError as exc:
        raise InputError(where, "", f"cannot read the file ({exc.strerror})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(where, f"more than {MAX_FILE_BYTES:,} bytes")
    return data


def _too_large(where: Location, size: str) -> InputError:
    return InputError(
        where,
        "",
        f"the file is {size}; an attendee list may be at most {MAX_FILE_BYTES:,} bytes"
        " (50 MB): remove columns you do not need or split the list",
    )


# -- decoding ------------------------------------------------------------------------------


def decode(data: bytes, display: str) -> tuple[str, str]:
    """Decode CSV bytes; return the text (byte-order mark removed) and the codec used."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError(
                Location(display),
                "",
                f"the file starts with a UTF-16 byte-order mark but is not UTF-16; {_SAVE_AS}",
            ) from None
    if data.startswith(_UTF8_BOM):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _byte_error(
                data,
                exc.start + 3,
                "is not UTF-8, though the file starts with a UTF-8 byte-order mark; "
                "retype that character or " + _SAVE_AS,
                display,
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _mostly_utf8(data):
        raise _byte_error(
            data,
            first_bad,
            "is not UTF-8, but the rest of the file is: it mixes two encodings; "
            "retype the characters on that line and " + _SAVE_AS,
            display,
        )
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise _byte_error(
            data,
            exc.start,
            "is neither UTF-8 nor Windows-1252, the two encodings read here "
            "(Excel for Mac's plain CSV is Mac Roman); " + _SAVE_AS,
            display,
        ) from None


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 sequences than stray high bytes: UTF-8 with a damaged spot.

    In Windows-1252 text a letter such as æ (0xE6) is followed by another letter or by ASCII,
    which never forms a UTF-8 sequence, so real Windows-1252 files score near zero.
    """
    sequences = 0
    covered = 0
    for match in _UTF8_MULTI.finditer(data):
        sequences += 1
        covered += len(match.group())
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return sequences > high - covered


def _byte_error(data: bytes, pos: int, problem: str, display: str) -> InputError:
    # lines end in \r\n, \n or (old Mac) \r, as the csv reader counts them
    line = data.count(b"\n", 0, pos) + data.count(b"\r", 0, pos) - data.count(b"\r\n", 0, pos) + 1
    return InputError(Location(display, line), "", f"byte 0x{data[pos]:02X} {problem}")


# -- CSV -----------------------------------------------------------------------------------


def _csv_table(text: str, encoding: str, display: str) -> Table:
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(
            Location(display, _line_at(text, nul)),
            "",
            "the file contains a NUL byte, so it is not a CSV text file (a workbook, or UTF-16"
            " without a byte-order mark?); export the list as CSV UTF-8",
        )
    skip = 0
    hint = _SEP_HINT.match(text)
    if hint and hint.group(1) in DELIMITERS:
        delimiter = hint.group(1)
        skip = 1
    else:
        delimiter = detect_delimiter(text)
    records = _csv_records(text, delimiter)
    for _ in range(skip):
        next(records, None)
    header, header_line = first_nonblank(records, display)
    rows = numbered(records, header, display)
    return Table(display, "csv", header, header_line, rows, encoding, delimiter)


def _line_at(text: str, index: int) -> int:
    return (
        text.count("\n", 0, index) + text.count("\r", 0, index) - text.count("\r\n", 0, index) + 1
    )


def detect_delimiter(text: str) -> str:
    """The delimiter of the first non-blank line: the candidate seen most outside quotes.

    A tie is settled by how many of the next rows split into as many cells as the header;
    a header with none (a one-column list) gives ``,``. ``csv.Sniffer`` is not used: it
    guesses from the letters of the data and is easily fooled by names.
    """
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    started = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            if started:
                break
            continue
        elif not quoted and char in counts:
            counts[char] += 1
        if not char.isspace():
            started = True
    best = max(counts.values())
    tied = [d for d in DELIMITERS if counts[d] == best]
    if best == 0:
        return ","
    if len(tied) == 1:
        return tied[0]
    return max(tied, key=lambda d: _consistency(text, d, best + 1))


def _consistency(text: str, delimiter: str, width: int, sample: int = 50) -> int:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return sum(1 for _, row in zip(range(sample), reader, strict=False) if len(row) == width)
    except csv.Error:
        return 0


def _csv_records(text: str, delimiter: str) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(start line, cells) for every record, blank ones included.

    A sentinel line is appended: if it comes back inside a cell, a quote was never closed
    (the csv module would otherwise return the rest of the file as that cell, silently).
    """
    ending = "" if text.endswith(("\n", "\r")) else "\n"
    lines = _bounded(io.StringIO(text + ending + _SENTINEL, newline=""))
    reader = csv.reader(
        lines, delimiter=delimiter, quotechar='"', doublequote=True, skipinitialspace=True
    )
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problem = f"not readable as CSV ({exc})"
            if "field larger than field limit" in str(exc):
                problem = (
                    f"a cell is longer than {csv.field_size_limit():,} characters; a stray double"
                    ' quote (") has probably joined many rows into one cell: check the quotes'
                )
            raise Broken(start, None, problem) from None
        if cells == [_SENTINEL]:
            return
        if cells and cells[-1].endswith(_SENTINEL):
            raise Broken(
                start,
                len(cells) - 1,
                'a double quote (") opened in this cell is never closed, so the rest of the'
                " file was read into it; close or remove the quote",
            )
        yield start, tuple(clean_cell(cell) for cell in cells)


#: The longest line read: 1,000 columns of 300 characters, quoted, fit with room to spare; a
#: line of 30 million commas would be 30 million cells (744 MB) once the csv module split it.
MAX_LINE = 1_000_000


def _bounded(lines: Iterator[str]) -> Iterator[str]:
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            raise Broken(
                number,
                None,
                f"the line is {len(line):,} characters long, more than the {MAX_LINE:,} read;"
                " an attendee list has a line per person: check the export",
            )
        yield line


__all__ = ["MAX_COLUMNS", "Row", "Table", "cell_ref", "read_table"]
