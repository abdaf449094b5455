"""The rules: what a page's facts mean for print. Each finding names what and where."""

from __future__ import annotations

from printkit.checks.preflight.raster import quiet_zone
from printkit.checks.preflight.report import (
    ColourKind,
    ColourUse,
    Finding,
    Font,
    ImageUse,
    PageBoxes,
    QRCode,
    Severity,
    TextNearEdge,
    mm,
    quoted,
)
from printkit.layout.qr import MIN_MODULE
from printkit.model.geometry import Rect

MIN_PPI = 300  # effective resolution of an image at its placed size
MIN_MODULE_MM = MIN_MODULE  # a QR module a phone held in the hand reads
MAX_QUIET_ZONE_DARK = 0.02  # a stray pixel of anti-aliasing, not a background or a neighbour
SAFE_MM = 3.0  # text keeps this far inside the trim
MAX_TEXT_FINDINGS = 10  # per page; the rest are counted in one line
TOLERANCE_MM = 0.01
_PARENT = {
    "CropBox": "MediaBox",
    "BleedBox": "MediaBox",
    "TrimBox": "BleedBox",
    "ArtBox": "BleedBox",
}


def box_findings(page: int, boxes: PageBoxes, press: bool = True) -> list[Finding]:
    """``press``: the file claims to be for a print shop (a page box or an OutputIntent); an
    office file's missing TrimBox is what makes it an office file, said once for the file."""
    found = []
    trim, art = boxes.get("TrimBox"), boxes.get("ArtBox")
    if trim is None and art is None and press:
        found.append(Finding(page, "no TrimBox or ArtBox: the finished size is not set"))
    if trim is not None and art is not None:
        found.append(
            Finding(page, "both TrimBox and ArtBox are set; PDF/X wants one", Severity.WARNING)
        )
    for name, parent_name in _PARENT.items():
        box = boxes.get(name)
        if box is None:
            continue
        if boxes.get(parent_name) is None:
            parent_name = "MediaBox"
        overhang = _overhang(box, boxes.get(parent_name))
        if overhang:
            side, by = overhang
            found.append(
                Finding(
                    page, f"{name} is not inside the {parent_name}: {mm(by)} mm over its {side}"
                )
            )
    return found


def _overhang(box: Rect, parent: Rect) -> tuple[str, float] | None:
    sides = {
        "left edge": parent.x - box.x,
        "bottom edge": parent.y - box.y,
        "right edge": box.right - parent.right,
        "top edge": box.top - parent.top,
    }
    side = max(sides, key=sides.__getitem__)
    return (side, sides[side]) if sides[side] > TOLERANCE_MM else None


def unreadable_content(page: int, reason: str) -> Finding:
    return Finding(
        page,
        f"the content cannot be read ({reason}); its colours and images are unchecked",
        Severity.DAMAGE,
    )


def font_findings(page: int, fonts: tuple[Font, ...]) -> list[Finding]:
    return [Finding(page, f"font {f.name} is not embedded") for f in fonts if not f.embedded]


def colour_findings(page: int, colours: tuple[ColourUse, ...]) -> list[Finding]:
    found = []
    for use in colours:
        if use.kind is ColourKind.RGB:
            found.append(Finding(page, f"RGB colour ({use.space}) in {use.where}"))
        elif use.kind is ColourKind.LAB:
            message = f"Lab colour in {use.where}: the printer's RIP will convert it"
            found.append(Finding(page, message, Severity.WARNING))
        elif use.kind is ColourKind.UNKNOWN:
            message = (
                f"colour space {use.space} in {use.where} cannot be judged; check it is not RGB"
            )
            found.append(Finding(page, message, Severity.WARNING))
    return found


def image_findings(page: int, images: tuple[ImageUse, ...]) -> list[Finding]:
    found = []
    for image in images:
        low = image.lowest
        if round(low.ppi) < MIN_PPI:
            found.append(
                Finding(
                    page,
                    f"{image.where} ({image.width_px} × {image.height_px} px) is {low.ppi:.0f} ppi"
                    f" at {mm(low.width_mm)} × {mm(low.height_mm)} mm; {MIN_PPI} ppi needed",
                )
            )
    return found


def qr_findings(page: int, codes: list[QRCode], coarse_dpi: int) -> list[Finding]:
    found = []
    for code in codes:
        if not code.modules:
            continue  # the decoder gave no version: the module size is unknown
        x, y = code.centre_mm
        name = f"QR code {quoted(code.text)}"
        where = f"{mm(code.width_mm)} mm wide at {mm(x)}, {mm(y)} mm from top left"
        if code.dpi > coarse_dpi:
            found.append(
                Finding(
                    page,
                    f"{name} too small to scan: module {code.module_mm:.2f} mm"
                    f" ({where}; decodes only at {code.dpi} dpi)",
                )
            )
            continue
        if code.module_mm < MIN_MODULE_MM:
            found.append(
                Finding(
                    page,
                    f"{name} has modules of {code.module_mm:.2f} mm ({where});"
                    f" handheld scanning needs {MIN_MODULE_MM} mm",
                )
            )
        if code.quiet_zone_dark is not None and code.quiet_zone_dark > MAX_QUIET_ZONE_DARK:
            margin = quiet_zone(code.version)
            found.append(
                Finding(
                    page,
                    f"{name} has no clear quiet zone: {code.quiet_zone_dark:.0%} of its"
                    f" {margin}-module margin is not light ({where})",
                )
            )
    return found


def text_findings(page: int, runs: list[TextNearEdge], frame: str) -> list[Finding]:
    found = []
    for run in runs[:MAX_TEXT_FINDINGS]:
        if run.distance_mm < 0:
            message = (
                f"text {quoted(run.excerpt, 30)} crosses the {frame} edge ({run.edge})"
                f" by {mm(-run.distance_mm)} mm"
            )
        else:
            message = (
                f"text {quoted(run.excerpt, 30)} is {mm(run.distance_mm)} mm from the {frame} edge"
                f" ({run.edge}); keep text {mm(SAFE_MM)} mm inside"
            )
        found.append(Finding(page, message))
    if len(runs) > MAX_TEXT_FINDINGS:
        more = len(runs) - MAX_TEXT_FINDINGS
        found.append(
            Finding(
                page, f"and {more} more pieces of text within {mm(SAFE_MM)} mm of the {frame} edge"
            )
        )
    return found
