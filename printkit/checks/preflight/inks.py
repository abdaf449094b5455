"""Text that breaks the ink rule (``layout/theme.py``'s ``INK_RULES``), read from a page's
content stream: each piece of text with its effective size, its fill colour and the colour of
the area it is painted over.

The walk follows ``q``/``Q``/``cm``, the text matrix (``Tm``, ``Td``, ``TD``, ``T*``) and the
font size (``Tf``), the fill colour (``g``, ``k``; a colour space set with ``cs`` — a spot
colour — counts as one solid ink, RGB is the colour check's business) and rectangles filled
(``re`` then ``f``/``F``/``f*``/``B``/``b``) and paths stroked (``m``/``l``/``c``… then
``S``, in the stroke colour ``K``/``G`` and width ``w``: a choke trap's ring). The background
of a piece of text is the last area painted under its first glyph's origin, else the paper.
A form the page draws (``Do``) is walked where it is drawn, under its matrix: a badge's
choke trap is a form every badge of the role places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader
from pypdf.generic import ContentStream, DictionaryObject, StreamObject

from printkit.checks.preflight.content import IDENTITY, Matrix, multiply
from printkit.checks.preflight.report import Finding, Severity
from printkit.checks.preflight.structure import MAX_DEPTH, as_dict, user_unit
from printkit.layout.theme import CMYK, ink_breach

MAX_INK_FINDINGS = 10  # per page; the rest are counted in one line
MAX_FORMS_DRAWN = 10_000  # per page: forms walked where they are drawn, then no more
_SHOW = (b"Tj", b"TJ", b"'", b'"')
_FILL = (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*")
PAPER: CMYK = (0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class InkedText:
    size: float  # pt, as it prints
    x_mm: float  # the first glyph's origin, from the page's bottom-left corner
    y_mm: float
    colour: CMYK | None  # None: a spot colour (one ink) or a space the rule does not judge
    background: CMYK


def page_text_inks(page: PageObject, reader: PdfReader) -> list[InkedText]:
    contents = page.get_contents()
    if contents is None:
        return []
    unit = user_unit(page)
    found: list[InkedText] = []
    fills: list[tuple[tuple[float, float, float, float], CMYK]] = []
    ctm: Matrix = IDENTITY
    colour: CMYK | None = (0.0, 0.0, 0.0, 1.0)
    stroke: CMYK | None = (0.0, 0.0, 0.0, 1.0)
    width = 1.0
    saved: list[tuple[Matrix, CMYK | None, CMYK | None, float]] = []
    path: list[tuple[float, float, float, float]] = []
    points: list[tuple[float, float]] = []  # the current path's points, page space
    tm: Matrix = IDENTITY
    line: Matrix = IDENTITY
    size, leading = 0.0, 0.0
    for operands, operator in _operations(contents.operations, page, reader, _Walk()):
        if operator == b"q":
            saved.append((ctm, colour, stroke, width))
        elif operator == b"Q":
            ctm, colour, stroke, width = saved.pop() if saved else (IDENTITY, colour, stroke, width)
        elif operator == b"K" and len(operands) == 4:
            stroke = tuple(float(v) for v in operands)
        elif operator == b"G" and len(operands) == 1:
            stroke = (0.0, 0.0, 0.0, 1.0 - float(operands[0]))
        elif operator in (b"RG", b"CS"):
            stroke = None
        elif operator == b"w" and operands:
            width = float(operands[0])
        elif operator in (b"m", b"l", b"c", b"v", b"y") and operands:
            values = [float(v) for v in operands]
            points += [_point(ctm, *values[i : i + 2]) for i in range(0, len(values) - 1, 2)]
        elif operator == b"S" and points and stroke is not None:
            half = width / 2 * math.sqrt(abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]))
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            fills.append(((min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half), stroke))
            points, path = [], []
        elif operator == b"cm" and len(operands) == 6:
            ctm = multiply(tuple(float(v) for v in operands), ctm)
        elif operator == b"k" and len(operands) == 4:
            colour = tuple(float(v) for v in operands)
        elif operator == b"g" and len(operands) == 1:
            colour = (0.0, 0.0, 0.0, 1.0 - float(operands[0]))
        elif operator in (b"rg", b"cs", b"scn", b"sc"):
            colour = None if operator != b"scn" and operator != b"sc" else colour
        elif operator == b"re" and len(operands) == 4:
            path.append(_box(ctm, *(float(v) for v in operands)))
        elif operator in _FILL:
            if colour is not None:
                fills += [(rect, colour) for rect in path]
            path, points = [], []
        elif operator in (b"n", b"S", b"s"):
            path, points = [], []
        elif operator == b"BT":
            tm = line = IDENTITY
        elif operator == b"Tf" and len(operands) == 2:
            size = float(operands[1])
        elif operator == b"TL" and operands:
            leading = float(operands[0])
        elif operator == b"Tm" and len(operands) == 6:
            tm = line = tuple(float(v) for v in operands)
        elif operator in (b"Td", b"TD") and len(operands) == 2:
            tx, ty = float(operands[0]), float(operands[1])
            if operator == b"TD":
                leading = -ty
            tm = line = multiply((1.0, 0.0, 0.0, 1.0, tx, ty), line)
        elif operator == b"T*":
            tm = line = multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), line)
        elif operator in _SHOW:
            full = multiply(tm, ctm)
            scale = math.sqrt(abs(full[0] * full[3] - full[1] * full[2]))
            x, y = full[4], full[5]
            found.append(
                InkedText(
                    round(size * scale * unit / _PT_MM, 2),
                    x * unit,
                    y * unit,
                    colour,
                    _under(fills, x + 0.3 * size * scale, y + 0.3 * size * scale),
                )
            )
    return found


_PT_MM = 25.4 / 72  # user_unit gives mm per unit; sizes are wanted in pt


def _operations(operations: list, owner: DictionaryObject, reader: PdfReader, walk: _Walk):
    """The content's operations, with each form it draws in its place: ``q``, the form's
    matrix as ``cm``, the form's own operations, ``Q``. A form inside itself, forms nested
    deeper than ``MAX_DEPTH`` and forms drawn beyond ``MAX_FORMS_DRAWN`` times on a page (a
    hostile file's fan-out) stay as they are, unread."""
    for operands, operator in operations:
        form = _form(operands, owner) if operator == b"Do" and operands else None
        key = id(form)
        if form is None or key in walk.inside or len(walk.inside) >= MAX_DEPTH:
            yield operands, operator
            continue
        walk.drawn += 1
        if walk.drawn > MAX_FORMS_DRAWN:
            yield operands, operator
            continue
        if key not in walk.parsed:
            walk.parsed[key] = ContentStream(form, reader).operations
        walk.inside.add(key)
        yield [], b"q"
        yield [float(v) for v in form.get("/Matrix", (1, 0, 0, 1, 0, 0))], b"cm"
        yield from _operations(walk.parsed[key], form, reader, walk)
        yield [], b"Q"
        walk.inside.discard(key)


@dataclass
class _Walk:
    """One page's walk through the forms it draws."""

    inside: set[int] = field(default_factory=set)  # the forms being walked
    parsed: dict[int, list] = field(default_factory=dict)  # each form's operations, once
    drawn: int = 0


def _form(operands: list, owner: DictionaryObject) -> StreamObject | None:
    """The form XObject ``Do`` names in ``owner``'s resources, or None."""
    xobjects = as_dict(as_dict(owner.get("/Resources")).get("/XObject"))
    found = xobjects.get(operands[0])
    found = found.get_object() if found is not None else None
    if isinstance(found, StreamObject) and found.get("/Subtype") == "/Form":
        return found
    return None


def _point(ctm: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = ctm
    return (a * x + c * y + e, b * x + d * y + f)


def _box(ctm: Matrix, x: float, y: float, w: float, h: float):
    a, b, c, d, e, f = ctm
    xs, ys = [], []
    for px, py in ((x, y), (x + w, y), (x, y + h), (x + w, y + h)):
        xs.append(a * px + c * py + e)
        ys.append(b * px + d * py + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _under(fills, x: float, y: float) -> CMYK:
    for (x0, y0, x1, y1), colour in reversed(fills):
        if x0 <= x <= x1 and y0 <= y <= y1:
            return colour
    return PAPER


def ink_findings(page: int, texts: list[InkedText]) -> list[Finding]:
    found = []
    for piece in texts:
        reason = ink_breach(piece.size, piece.colour, piece.background)
        if reason is not None:
            found.append(
                Finding(
                    page,
                    f"{piece.size:g} pt text at {piece.x_mm:.1f}, {piece.y_mm:.1f} mm (from the"
                    f" bottom left) is {reason}",
                    Severity.WARNING,
                )
            )
    if len(found) > MAX_INK_FINDINGS:
        more = len(found) - MAX_INK_FINDINGS
        found = found[:MAX_INK_FINDINGS]
        found.append(
            Finding(
                page, f"and {more} more pieces of text that break the ink rule", Severity.WARNING
            )
        )
    return found
