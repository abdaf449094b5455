"""XLSX workbooks → a ``Table``: the real cells (never the sheet's own stated dimension) of
the sheet the organiser sees (the active one, else the first visible; never a hidden one),
every part of the archive bounded before it is unpacked."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterator

from printkit.errors import InputError, InputWarning, Location
from printkit.read.cells import (
    MAX_COLUMNS,
    Broken,
    Table,
    clean_cell,
    first_nonblank,
    numbered,
)
from printkit.read.notdata import ERROR_VALUES
from printkit.read.notices import warn

#: Excel's own bounds: a cell beyond them is not from a spreadsheet program.
SHEET_ROWS, SHEET_COLUMNS = 1_048_576, 16_384


def xlsx_table(data: bytes, display: str) -> Table:
    try:
        import openpyxl
    except ImportError:
        raise InputError(
            Location(display),
            "",
            "this is an Excel workbook (.xlsx), and reading one needs openpyxl: install it with"
            " pip install 'printkit[xlsx]', or save the sheet as CSV UTF-8",
        ) from None
    _check_archive(data, display)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged zip or workbook raises many kinds
        raise InputError(
            Location(display),
            "",
            f"cannot read the workbook ({type(exc).__name__}); open it in Excel and save it again",
        ) from None
    sheet = _seen_sheet(book, display)
    records = _sheet_records(book, sheet)
    header, header_line = first_nonblank(records, display)
    rows = numbered(records, header, display)
    return Table(display, "xlsx", header, header_line, rows, sheet=sheet.title)


def _seen_sheet(book, display: str):  # noqa: ANN001, ANN202 (openpyxl's types)
    """The sheet the organiser sees on opening the workbook: the active one (the tab open
    when it was saved) if it is a visible worksheet, else the first visible worksheet. When
    other visible sheets hold data, a warning names the one read."""
    visible = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    if not visible:
        book.close()
        hidden = "has no worksheet" if not book.worksheets else "hides every worksheet"
        raise InputError(
            Location(display),
            "",
            f"the workbook {hidden}; show the sheet meant (right-click a tab → Unhide)"
            " and save it, or save that sheet as CSV UTF-8",
        )
    try:
        active = book.active
    except Exception:  # noqa: BLE001 (an activeTab beyond the sheets: none is active)
        active = None
    chosen = active if any(active is sheet for sheet in visible) else visible[0]
    others = [s.title for s in visible if s is not chosen and _holds_data(book, s)]
    if others:
        why = "the active one" if chosen is active else "the first visible one"
        listed = ", ".join(repr(title) for title in others)
        warn(
            InputWarning(
                Location(display),
                "",
                f"the sheet {chosen.title!r} is read ({why}); {listed}"
                f" {'holds' if len(others) == 1 else 'hold'} data too and"
                f" {'is' if len(others) == 1 else 'are'} not read: keep the list on one"
                " sheet, or open the workbook on the sheet meant and save it",
            )
        )
    return chosen


def _holds_data(book, sheet) -> bool:  # noqa: ANN001
    """Whether any cell of the sheet holds a value (read until the first one)."""
    try:
        return any(cells for _line, cells in _sheet_records(book, sheet, close=False))
    except Broken:
        return True  # a damaged sheet may hold data: say so rather than stay silent


def _sheet_records(book, sheet, close: bool = True) -> Iterator[tuple[int, tuple[str, ...]]]:  # noqa: ANN001
    """(sheet row, cells) for every row from 1 to the last with content, blank ones included.

    The rows are read from the cells the sheet holds, not from its ``<dimension>`` (which
    openpyxl's read-only mode trusts: one that understates the data drops rows and columns,
    one of A1:XFD1048576 pads a million rows 16,384 cells wide). Each row is as long as its
    last non-empty cell, so the work is that of the cells there.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    line = last = 0  # the last row yielded; the last row the sheet holds
    try:
        with sheet._get_source() as source:  # noqa: SLF001 (openpyxl has no public row stream)
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,  # noqa: SLF001
                data_only=True,
                epoch=book.epoch,
                date_formats=book._date_formats,  # noqa: SLF001
                timedelta_formats=book._timedelta_formats,  # noqa: SLF001
            )
            for number, cells in _quietly(parser.parse()):
                if not last < number <= SHEET_ROWS:
                    raise Broken(max(last, 1), None, _ORDER.format(last, number))
                last = number
                row = _row_cells(number, cells)
                if not row:
                    continue  # blank (a formatted row): yielded only if content follows
                while line + 1 < number:  # rows the sheet leaves out are blank
                    line += 1
                    yield line, ()
                line = number
                yield line, row
    except Broken:
        raise
    except Exception as exc:  # a damaged sheet fails while it is read, in many ways
        raise Broken(
            last + 1,
            None,
            f"the workbook cannot be read from this row on ({type(exc).__name__}); open it in Excel"
            " and save it again, or save it as CSV UTF-8",
        ) from None
    finally:
        if close:
            book.close()


def _quietly(rows: Iterator[tuple[int, list[dict]]]) -> Iterator[tuple[int, list[dict]]]:
    """openpyxl's rows without its warnings (a date beyond the calendar is read as the error
    value #VALUE!, which the list's reader then treats as one, with a warning of its own)."""
    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row = next(rows, None)
        if row is None:
            return
        yield row


_ORDER = (
    "after row {} the sheet holds a row numbered {}: out of order, which a spreadsheet program"
    " never writes (a damaged or hand-made file); open it in Excel and save it again, or save"
    " it as CSV UTF-8"
)


_ERROR = (
    "an error value {!r}, which no spreadsheet program writes (a damaged or hand-made file);"
    " open it in Excel and save it again, or save it as CSV UTF-8"
)
_TWICE = (
    "two cells of the sheet claim this place, which a spreadsheet program never writes (a"
    " damaged or hand-made file); open it in Excel and save it again, or save it as CSV UTF-8"
)


def _row_cells(line: int, cells: list[dict]) -> tuple[str, ...]:
    values: dict[int, str] = {}
    seen: set[int] = set()
    for cell in cells:
        column = cell["column"]
        if not 1 <= column <= SHEET_COLUMNS:
            raise Broken(
                line,
                None,
                f"a cell in column {column:,}, beyond a sheet's {SHEET_COLUMNS:,}; open it in Excel and save it again",
            )
        if column in seen:
            raise Broken(line, column - 1, _TWICE)
        seen.add(column)
        text = clean_cell(_cell_text(cell["value"]))
        if cell.get("data_type") == "e" and text not in ERROR_VALUES:
            raise Broken(line, column - 1, _ERROR.format(text))
        if text:
            values[column] = text
    if not values:
        return ()
    width = max(values)
    if width > MAX_COLUMNS:
        raise Broken(
            line,
            width - 1,
            f"a value in column {width:,}, beyond the {MAX_COLUMNS:,} columns read; delete it"
            " (or the columns not needed)",
        )
    return tuple(values.get(column, "") for column in range(1, width + 1))


#: What a workbook may unpack to; an attendee list of 20,000 rows is a few tens of megabytes.
MAX_UNPACKED = 200_000_000


def _check_archive(data: bytes, display: str) -> None:
    """A ZIP file that is a workbook, and not one that unpacks to gigabytes ("zip bomb")."""
    where = Location(display)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            mimetype = archive.read("mimetype")[:100] if "mimetype" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(
            where,
            "",
            f"cannot read the workbook ({type(exc).__name__}); open it in Excel and save it again",
        ) from None
    names = {member.filename for member in members}
    if b"opendocument.spreadsheet" in mimetype:
        raise InputError(
            where, "", "this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV UTF-8"
        )
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        what = "a Word document" if any(n.startswith("word/") for n in names) else "a ZIP archive"
        raise InputError(
            where,
            "",
            f"this is {what}, not an Excel workbook; export the attendee list as"
            " .xlsx or CSV UTF-8",
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED:
        raise InputError(
            where,
            "",
            f"the workbook unpacks to {unpacked:,} bytes, more than the {MAX_UNPACKED:,} read"
            " (a damaged file, or one made to exhaust memory); save the list as CSV UTF-8",
        )
    _check_xml_prologs(data, members, where)


def _check_xml_prologs(data: bytes, members: list[zipfile.ZipInfo], where: Location) -> None:
    """No part of the workbook declares a DTD or entities (Excel never writes one; a
    "billion laughs" or an external entity needs one). defusedxml reads each part up to its
    root element, where any declaration must already have been."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in members:
            if not member.filename.endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with archive.open(member) as part:
                    for _event in iterparse(part, events=("start",), forbid_dtd=True):
                        break
            except DefusedXmlException:
                raise InputError(
                    where,
                    "",
                    f"the workbook's {member.filename} declares a DTD or entities, which Excel"
                    " never writes (a file made to attack the reader); save the list as CSV UTF-8",
                ) from None
            except (ParseError, zipfile.BadZipFile, OSError, EOFError, ValueError):
                continue  # a damaged part: openpyxl says so when it reads it


def _cell_text(value: object) -> str:
    """A workbook value as the text a person sees: 12345 not 12345.0, dates as ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)
