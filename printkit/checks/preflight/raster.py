"""What a page shows: its QR codes (rendered with pypdfium2, decoded with zxing-cpp) and the
text that lies close to its edge (pdfium's glyph boxes).

QR codes are searched twice. At 300 dpi every code a phone could hope to read decodes (zxing
reads clean renders down to about 1.5 px a module, 0.12 mm). A second search at up to
1200 dpi, in tiles so an A4 page never needs more than a tile's memory, finds the codes too
small for that: they are on the page, but nobody will scan them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image

from printkit.checks.preflight.report import QRCode, TextNearEdge
from printkit.model.geometry import MM_PER_INCH, Rect

COARSE_DPI = 300
FINE_DPI = 1200
COARSE_BUDGET_PX = 100_000_000  # one gray rendering of the whole page: 100 MB at most
FINE_BUDGET_PX = 300_000_000  # the tiled search: about an A3 page at 1200 dpi
TILE_PX = 6000  # a tile's edge: 36 MB of gray
OVERLAP_MM = 25.0  # wider than any code too small for 300 dpi (177 modules of 0.13 mm)
_BLANK = 250  # a tile whose coarse pixels are all this light holds no code
_DARK = 128  # a gray value below this reads as a dark module


def find_qr_codes(page: pdfium.PdfPage, fine_dpi: int = FINE_DPI) -> tuple[list[QRCode], list[int]]:
    """Every QR code on the page, and the resolutions searched."""
    width_pt, height_pt = page.get_size()
    area_in2 = (width_pt / 72) * (height_pt / 72)
    coarse_dpi = _dpi_within(COARSE_DPI, COARSE_BUDGET_PX, area_in2)
    coarse = page.render(scale=coarse_dpi / 72, grayscale=True).to_pil().convert("L")
    codes = list(_decode(coarse, coarse_dpi, (0, 0)))
    dpis = [coarse_dpi]
    fine = _dpi_within(fine_dpi, FINE_BUDGET_PX, area_in2)
    if fine > coarse_dpi * 1.5:
        dpis.append(fine)
        for code in _tiled(page, fine, coarse, coarse_dpi):
            if not any(_same(code, known) for known in codes):
                codes.append(code)
    return codes, dpis


def _dpi_within(dpi: int, budget_px: int, area_in2: float) -> int:
    """The resolution, lowered if the page would take more pixels than the budget."""
    return min(dpi, int(math.sqrt(budget_px / area_in2))) if area_in2 > 0 else dpi


def _tiled(
    page: pdfium.PdfPage, dpi: int, coarse: Image.Image, coarse_dpi: int
) -> Iterator[QRCode]:
    width_pt, height_pt = page.get_size()
    scale = dpi / 72
    width_px, height_px = round(width_pt * scale), round(height_pt * scale)
    step = TILE_PX - round(OVERLAP_MM / MM_PER_INCH * dpi)
    ratio = coarse_dpi / dpi
    for top in _starts(height_px, step):
        for left in _starts(width_px, step):
            right, bottom = min(left + TILE_PX, width_px), min(top + TILE_PX, height_px)
            region = (int(left * ratio), int(top * ratio), math.ceil(right * ratio),
                      math.ceil(bottom * ratio))  # fmt: skip
            if coarse.crop(region).getextrema()[0] >= _BLANK:
                continue  # nothing printed here
            crop = (left / scale, height_pt - bottom / scale, width_pt - right / scale, top / scale)
            tile = page.render(scale=scale, crop=crop, grayscale=True).to_pil().convert("L")
            yield from _decode(tile, dpi, (left, top))


def _starts(total: int, step: int) -> list[int]:
    starts = [0]
    while starts[-1] + TILE_PX < total:
        starts.append(starts[-1] + step)
    return starts


def _decode(image: Image.Image, dpi: int, offset: tuple[int, int]) -> Iterator[QRCode]:
    mm_per_px = MM_PER_INCH / dpi
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        corners = [(c.x, c.y) for c in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
        version = str(result.extra.get("Version", ""))
        modules = modules_across(version)
        centre = (
            (sum(x for x, _ in corners) / 4 + offset[0]) * mm_per_px,
            (sum(y for _, y in corners) / 4 + offset[1]) * mm_per_px,
        )
        width = math.dist(corners[0], corners[1]) * mm_per_px
        quiet = _quiet_zone_dark(image, corners, modules, quiet_zone(version))
        yield QRCode(result.text, version, modules, width, centre, dpi, quiet)


def quiet_zone(version: str) -> int:
    """The light margin a symbol needs, in modules: 4 for QR, 2 for Micro QR and rMQR."""
    return 4 if version.isdigit() else 2


def _quiet_zone_dark(
    image: Image.Image, corners: list[tuple[float, float]], modules: int, margin: int
) -> float | None:
    """The share of the quiet zone that renders dark (or falls off the page).

    Samples every half module in a ring from half a module to ``margin`` modules outside the
    symbol, mapped through the symbol's corners (an affine map: the page is flat).
    """
    if not modules:
        return None
    (x0, y0), (x1, y1), _, (x3, y3) = corners
    ux, uy = (x1 - x0) / modules, (y1 - y0) / modules  # one module along the top edge
    vx, vy = (x3 - x0) / modules, (y3 - y0) / modules  # one module down the left edge
    pixels, (width, height) = image.load(), image.size
    steps = [k / 2 for k in range(-2 * margin + 1, 2 * (modules + margin))]
    dark = total = 0
    for v in steps:
        for u in steps:
            if 0 <= u <= modules and 0 <= v <= modules:
                continue  # the symbol itself
            x, y = x0 + u * ux + v * vx, y0 + u * uy + v * vy
            total += 1
            inside = 0 <= x < width and 0 <= y < height
            if not inside or pixels[int(x), int(y)] < _DARK:
                dark += 1
    return dark / total if total else None


def modules_across(version: str) -> int:
    """Modules across a symbol: QR version v has 17 + 4v, Micro QR Mv 9 + 2v, rMQR RhxW has W."""
    if version.isdigit():
        return 17 + 4 * int(version)
    if match := re.fullmatch(r"M(\d)", version):
        return 9 + 2 * int(match[1])
    if match := re.fullmatch(r"R\d+x(\d+)", version):
        return int(match[1])
    return 0  # unknown: the module size cannot be told


def _same(a: QRCode, b: QRCode) -> bool:
    """The same symbol found twice (in two searches, or two overlapping tiles)."""
    distance = math.dist(a.centre_mm, b.centre_mm)
    return distance < max(a.width_mm, b.width_mm) / 2


def text_near_edge(
    page: pdfium.PdfPage, frame: Rect, limit_mm: float, mm_per_unit: float, rotate: int = 0
) -> list[TextNearEdge]:
    """Runs of visible characters closer than ``limit_mm`` to the frame's edge (or across it).

    Characters wholly outside the frame (a slug line beyond the trim) are not counted. Each
    run is widened to whole words so the excerpt can be found on the page. Edges are named
    as the page is displayed (after its /Rotate).
    """
    textpage = page.get_textpage()
    try:
        chars = list(_chars(textpage, mm_per_unit))
    finally:
        textpage.close()
    flagged = [_distance(box, frame) if box else None for _, box in chars]
    runs: list[TextNearEdge] = []
    i = 0
    while i < len(chars):
        hit = flagged[i]
        if hit is None or hit[0] >= limit_mm:
            i += 1
            continue
        start, end, nearest = i, i, hit
        while end + 1 < len(chars) and _continues(chars, flagged, end + 1, limit_mm, hit[1]):
            end += 1
            candidate = flagged[end]
            if candidate is not None and candidate[0] < nearest[0]:
                nearest = candidate
        while start > 0 and chars[start - 1][1] is not None:  # widen to the word's start
            start -= 1
        while end + 1 < len(chars) and chars[end + 1][1] is not None:
            end += 1
        excerpt = "".join(c for c, _ in chars[start : end + 1]).strip()
        runs.append(TextNearEdge(excerpt, nearest[0], _displayed(nearest[1], rotate)))
        i = end + 1
    return runs


_CLOCKWISE = ("left", "top", "right", "bottom")  # each edge, a quarter turn later


def _displayed(edge: str, rotate: int) -> str:
    """The edge's name once the page is turned clockwise by ``rotate`` degrees."""
    turns = (rotate // 90) % 4
    return _CLOCKWISE[(_CLOCKWISE.index(edge) + turns) % 4]


def _chars(textpage: pdfium.PdfTextPage, mm_per_unit: float) -> Iterator[tuple[str, Rect | None]]:
    """Each character with its glyph box in mm; None for white space."""
    for i in range(textpage.count_chars()):
        char = textpage.get_text_range(i, 1)
        if not char.strip():
            yield (" ", None)
            continue
        left, bottom, right, top = (v * mm_per_unit for v in textpage.get_charbox(i))
        yield (char, Rect(left, bottom, max(right - left, 0.0), max(top - bottom, 0.0)))


def _distance(box: Rect, frame: Rect) -> tuple[float, str] | None:
    """How far the box keeps inside the frame, and from which edge; None if wholly outside."""
    if box.right <= frame.x or box.x >= frame.right or box.top <= frame.y or box.y >= frame.top:
        return None
    sides = {
        "left": box.x - frame.x,
        "right": frame.right - box.right,
        "bottom": box.y - frame.y,
        "top": frame.top - box.top,
    }
    edge = min(sides, key=sides.__getitem__)
    return (sides[edge], edge)


def _continues(chars: list, flagged: list, j: int, limit_mm: float, edge: str) -> bool:
    """Whether the run goes on at character j: past white space, text as close to the edge."""
    while j < len(chars) and chars[j][1] is None:
        j += 1
    if j == len(chars):
        return False
    hit = flagged[j]
    return hit is not None and hit[0] < limit_mm and hit[1] == edge
