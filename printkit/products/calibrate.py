"""The calibration page: a sheet's label outlines, millimetre rulers, a crosshair at each
label's centre and instructions, on the sheet's paper.

Printed at 100 % and held against the stock, it shows how far the printer puts things from
where the PDF asks; that distance goes into ``badges.offset``. The page is drawn with the
offset already applied (like the badges), so a second print confirms the correction.

The rulers count millimetres from the paper's top-left corner: the top ruler to the right,
the left ruler DOWN the sheet, the directions in which an offset is positive. Their base
lines lie 5 mm inside the edges, where every printer prints.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from printkit.errors import LayoutError
from printkit.layout.flow import FIRST_BASELINE
from printkit.layout.items import Box, Document, Item, Line, Page, Text
from printkit.layout.sheets import shifted, slots
from printkit.layout.text import Span, wrap
from printkit.model.geometry import PAPER, PT, PrinterOffset, Rect, SheetGeometry, Size
from printkit.typeset.fonts import Typeface

PRODUCT = "calibrate"
HAIRLINE = 0.25  # pt: outlines, ticks and crosshairs
RULER_INSET = 5.0  # mm from the top and left edges to the rulers' base lines
TICK = {10: 4.0, 5: 2.5, 1: 1.5}  # every n mm: tick length in mm
RULER_NUMBERS = 5.5  # pt
FIRST_NUMBER = 20  # mm: the rulers' numbering starts here, clear of the corner
RULER_BAND = 13.0  # mm from the edges: rulers and their numbers stay within this band
CROSS = 4.0  # mm: half the length of a crosshair's arms
TEXT_INSET = 3.5  # mm: instructions keep this far inside a label's outline
TEXT_CLEAR = 1.5  # mm between the instructions and a crosshair
TEXT_MAX, TEXT_MIN = 7.0, 4.5  # pt
LEADING = 1.25


def layout_calibration(sheet: SheetGeometry, offset: PrinterOffset, face: Typeface) -> Document:
    items: list[Item] = []
    items += outlines(sheet)
    items += crosshairs(sheet)
    items += rulers(sheet.paper, face)
    items += instructions(sheet, offset, face)
    paper = next((k for k, v in PAPER.items() if v == sheet.paper), "paper")
    return Document(
        pages=(Page(sheet.paper, shifted(items, offset)),),
        title=f"Calibration – {sheet.name}",
        author="printkit",
        subject=f"{sheet.name}: {sheet.columns} × {sheet.rows} labels of"
        f" {_mm(sheet.label.width)} × {_mm(sheet.label.height)} mm on {paper}",
    )


def outlines(sheet: SheetGeometry) -> list[Box]:
    """Each label's outline, a hairline with the stock's corner radius (square if unknown)."""
    radius = sheet.corner_radius or 0.0
    return [Box(r, stroke="text", stroke_width=HAIRLINE, radius=radius) for r in slots(sheet)]


def crosshairs(sheet: SheetGeometry) -> list[Line]:
    arm = _arm(sheet)
    lines = []
    for rect in slots(sheet):
        cx, cy = rect.centre
        lines.append(Line(cx - arm, cy, cx + arm, cy, "text", HAIRLINE))
        lines.append(Line(cx, cy - arm, cx, cy + arm, "text", HAIRLINE))
    return lines


def _arm(sheet: SheetGeometry) -> float:
    return min(CROSS, sheet.label.width / 4, sheet.label.height / 4)


def _tick(mm: int) -> float:
    return next(length for every, length in TICK.items() if mm % every == 0)


def rulers(paper: Size, face: Typeface) -> list[Item]:
    """Millimetre rulers along the top edge (counting right) and the left edge (counting
    down), both from the paper's top-left corner; numbers every 10 mm."""
    top = paper.height - RULER_INSET
    left = RULER_INSET
    digits = face.cap_height("regular", RULER_NUMBERS) * PT
    items: list[Item] = [
        Line(left, top, paper.width - RULER_INSET, top, "text", HAIRLINE),
        Line(left, top, left, RULER_INSET, "text", HAIRLINE),
    ]
    longest = max(TICK.values())
    for d in range(math.floor(left) + 1, math.floor(paper.width - RULER_INSET) + 1):
        items.append(Line(d, top, d, top - _tick(d), "text", HAIRLINE))
        if d % 10 == 0 and d >= FIRST_NUMBER:
            baseline = top - longest - 0.8 - digits
            items.append(Text(d, baseline, str(d), "regular", RULER_NUMBERS, "text", "center"))
    for d in range(10, math.floor(paper.height - RULER_INSET) + 1):
        y = paper.height - d
        items.append(Line(left, y, left + _tick(d), y, "text", HAIRLINE))
        if d % 10 == 0 and d >= FIRST_NUMBER:
            x = left + longest + 0.8
            items.append(Text(x, y - digits / 2, str(d), "regular", RULER_NUMBERS, "text"))
    return items


def _mm(value: float) -> str:
    return f"{round(value, 2):g}"


NBSP = "\u00a0"  # keeps a number with its unit on one line


def _signed(value: float) -> str:
    return f"{round(value, 2):+g}"


def paragraphs(sheet: SheetGeometry, offset: PrinterOffset) -> list[list[Span]]:
    """What the page says: the sheet's facts, the offset applied, and how to read it."""
    s = sheet
    if s.corner_radius is None:
        radius = ""
    elif s.corner_radius == 0:
        radius = ", square corners"
    else:
        radius = f", corner radius {_mm(s.corner_radius)}{NBSP}mm"
    steps = (
        "Print at 100 % (“actual size”, not “fit to page”). From 20 to 120 on a ruler must"
        " measure 100 mm.",
        "Lay the print on a sheet of the stock, top-left corners together, and hold both"
        " against a window.",
        "Read on the rulers how far the real labels lie from the printed outlines: right and"
        " down count plus, left and up minus.",
        "Put both numbers in event.yaml as badges: offset: {x:\u00a0…,\u00a0y:\u00a0…} (or give"
        " --offset-x and --offset-y) and print this page again: the outlines now sit on the"
        " labels.",
    )
    return [
        [(f"Calibration: {s.name}", "bold")],
        [
            (
                f"{s.columns} × {s.rows} labels of {_mm(s.label.width)} × {_mm(s.label.height)}"
                f"{NBSP}mm{radius}. The first {_mm(s.left)}{NBSP}mm from the left edge,"
                f" {_mm(s.top)}{NBSP}mm from the top; pitch {_mm(s.pitch_x)}{NBSP}mm across,"
                f" {_mm(s.pitch_y)}{NBSP}mm down. Rulers in mm from the top-left corner.",
                "regular",
            )
        ],
        [
            ("Offset applied:", "bold"),
            (
                f" x {_signed(offset.x)}{NBSP}mm (right), y {_signed(offset.y)}{NBSP}mm (down)",
                "regular",
            ),
        ],
        *([(f"{n}", "bold"), (f" {step}", "regular")] for n, step in enumerate(steps, 1)),
    ]


def frames(sheet: SheetGeometry) -> Iterator[Rect]:
    """Room for text in reading order: above and below the crosshair of each label in turn,
    inside the outline and clear of the rulers."""
    arm = _arm(sheet)
    ceiling = sheet.paper.height - RULER_BAND
    for rect in slots(sheet):
        x = max(rect.x + TEXT_INSET, RULER_BAND)
        width = rect.right - TEXT_INSET - x
        cy = rect.centre[1]
        upper = (cy + arm + TEXT_CLEAR, min(rect.top - TEXT_INSET, ceiling))
        lower = (rect.y + TEXT_INSET, min(cy - arm - TEXT_CLEAR, ceiling))
        for bottom, top in (upper, lower):
            if width > 0 and top > bottom:
                yield Rect(x, bottom, width, top - bottom)


def instructions(sheet: SheetGeometry, offset: PrinterOffset, face: Typeface) -> list[Text]:
    """The paragraphs flowed through the frames, as large as fits (TEXT_MAX down to TEXT_MIN)."""
    size = TEXT_MAX
    while size >= TEXT_MIN:
        placed = _flow(paragraphs(sheet, offset), list(frames(sheet)), face, size)
        if placed is not None:
            return placed
        size -= 0.25
    raise LayoutError(
        PRODUCT,
        f"the labels of {sheet.name} are too small to hold the calibration instructions",
    )


def _flow(
    paras: list[list[Span]], rooms: list[Rect], face: Typeface, size: float
) -> list[Text] | None:
    """The paragraphs placed frame by frame, each whole within one frame; None when they do
    not all fit."""
    if not rooms:
        return None
    width = min(r.width for r in rooms)
    step = LEADING * size * PT
    gap = 0.35 * step  # between paragraphs
    extent = (FIRST_BASELINE + 0.3) * size * PT  # a line's top to its descenders
    items: list[Text] = []
    room, y = 0, rooms[0].top
    for para in paras:
        lines = wrap(face, para, width, size)
        height = (len(lines) - 1) * step + extent
        if y < rooms[room].top:
            y -= gap
        while y - height < rooms[room].y - 1e-9:
            if y == rooms[room].top or room + 1 == len(rooms):
                return None  # too tall for a whole frame, or no frame left
            room, y = room + 1, rooms[room + 1].top
        for pieces in lines:
            baseline = y - FIRST_BASELINE * size * PT
            items += [
                Text(rooms[room].x + dx, baseline, text, style, size) for dx, text, style in pieces
            ]
            y -= step
    return items
