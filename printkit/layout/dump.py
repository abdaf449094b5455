"""A laid-out document as plain data and as readable, stable JSON: for debugging a layout
without opening a PDF, and for the golden-layout tests (tests/golden/).

Geometry is rounded to 0.01 mm and type sizes and line widths to 0.01 pt, so that a file
changes only when the page does. Every item is one line of the JSON text, so a diff of two
dumps reads as a list of the items that moved. With a ``Typeface``, each text run also says
the fonts it is set in and its width, as the renderer will draw it::

    from printkit.layout.dump import dumps
    print(dumps(document, typeface(event.fonts), root=event_file.parent))
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from printkit.layout.items import (
    QR,
    Box,
    Colour,
    Document,
    Group,
    Image,
    Item,
    Line,
    Page,
    Text,
    Trap,
)
from printkit.model.geometry import PT, Rect
from printkit.typeset.fonts import Typeface

DIGITS = 2  # 0.01 mm for geometry, 0.01 pt for type sizes and line widths
COLOUR_DIGITS = 4  # CMYK fractions: a role's colour is given in whole percent
#: keys whose lists are written one element a line (everything else stays on its line)
_LISTED = ("pages", "items", "notes")


def _n(value: float, digits: int = DIGITS) -> float:
    rounded = round(float(value), digits)
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


def _rect(rect: Rect | None) -> list[float] | None:
    """[x, y, width, height] in mm."""
    if rect is None:
        return None
    return [_n(rect.x), _n(rect.y), _n(rect.width), _n(rect.height)]


def _colour(colour: Colour | None) -> str | list[float] | None:
    if colour is None or isinstance(colour, str):
        return colour
    return [_n(c, COLOUR_DIGITS) for c in colour]


def _path(path: Path, root: Path | None) -> str:
    """A placed file's path relative to ``root`` (the event's folder), else its name alone:
    a dump reads the same in every checkout."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def _text(item: Text, face: Typeface | None) -> dict:
    data: dict = {
        "text": item.text,
        "x": _n(item.x),
        "y": _n(item.y),
        "style": item.style,
        "size": _n(item.size),
    }
    if face is not None:
        line = face.line(item.text, item.style)
        fonts = list(dict.fromkeys(run.font for run in line.runs))
        data["font"] = fonts[0] if len(fonts) == 1 else fonts
        data["width"] = _n(line.advance * item.size * PT)
    data["colour"] = item.colour
    data["align"] = item.align
    return data


def item_dict(item: Item, face: Typeface | None = None, root: Path | None = None) -> dict:
    """One item as plain data; its first key names its kind."""
    if isinstance(item, Text):
        return _text(item, face)
    if isinstance(item, Box):
        return {
            "box": _rect(item.rect),
            "fill": _colour(item.fill),
            "stroke": _colour(item.stroke),
            "stroke_width": _n(item.stroke_width),
            "radius": _n(item.radius),
        }
    if isinstance(item, Line):
        return {
            "line": [_n(item.x1), _n(item.y1), _n(item.x2), _n(item.y2)],
            "colour": item.colour,
            "width": _n(item.width),
            "dash": [_n(d) for d in item.dash] if item.dash else None,
        }
    if isinstance(item, Image):
        return {"image": _rect(item.rect), "path": _path(item.path, root)}
    if isinstance(item, QR):
        matrix = item.matrix
        return {
            "qr": _rect(item.rect),
            "payload": matrix.content,
            "modules": matrix.modules,
            "dark": hashlib.sha256(matrix.dark).hexdigest()[:16],  # the symbol itself
        }
    if isinstance(item, Trap):
        return {
            "trap": _text(item.text, face),
            "colour": _colour(item.colour),
            "width": _n(item.width),
        }
    if isinstance(item, Group):
        group = {
            "offset": [_n(v) for v in item.offset],
            "rotate": _n(item.rotate),
            "pivot": [_n(v) for v in item.pivot],
        }
        if item.repeated:  # drawn once per file and placed
            group["repeated"] = True
        return {"group": group, "items": [item_dict(child, face, root) for child in item.items]}
    raise TypeError(f"cannot dump {item!r}")  # pragma: no cover - the vocabulary is closed


def page_dict(page: Page, face: Typeface | None = None, root: Path | None = None) -> dict:
    return {
        "size": [_n(page.size.width), _n(page.size.height)],
        "trim": _rect(page.trim),
        "bleed": _rect(page.bleed),
        "folds": [{"horizontal": f.horizontal, "at": _n(f.at)} for f in page.folds],
        "items": [item_dict(item, face, root) for item in page.items],
    }


def document_dict(
    document: Document, face: Typeface | None = None, root: Path | None = None
) -> dict:
    """The document as plain data (rounded; see the module's docstring)."""
    return {
        "title": document.title,
        "author": document.author,
        "subject": document.subject,
        "notes": [{"field": note.field, "text": note.text} for note in document.notes],
        "pages": [page_dict(page, face, root) for page in document.pages],
    }


def dumps(document: Document, face: Typeface | None = None, root: Path | None = None) -> str:
    """The document as JSON text, one item a line, ending in a newline."""
    return _format(document_dict(document, face, root), 0) + "\n"


def _format(value: object, depth: int) -> str:
    if not isinstance(value, dict) or not any(key in value for key in _LISTED):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    inner = "  " * (depth + 1)
    lines = []
    for key, child in value.items():
        if key in _LISTED and child:
            elements = ",\n".join(inner + "  " + _format(e, depth + 2) for e in child)
            text = f"[\n{elements}\n{inner}]"
        else:
            text = _format(child, depth + 1)
        lines.append(f"{inner}{json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(lines) + "\n" + "  " * depth + "}"
