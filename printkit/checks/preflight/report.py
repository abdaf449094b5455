"""What a preflight found: frozen facts per page, the findings drawn from them, and their text.

Geometry is in mm. Page boxes and text are in the page's own coordinates (origin at the
bottom left, y up, as in PDF); QR code positions are as the page is displayed (origin at the
top left), which is how an operator looks for them on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from printkit.model.geometry import Rect

BOX_NAMES = ("MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox")


class Severity(Enum):
    PROBLEM = "problem"  # the file is not fit to print
    WARNING = "warning"  # worth a look; does not fail the check
    DAMAGE = "damage"  # part of the file cannot be read: damaged, whatever it is for
    UNPRINTABLE = "unprintable"  # a page of no size, or beyond PDF's: office or press, unfit


class ColourKind(Enum):
    GRAY = "gray"
    RGB = "RGB"
    CMYK = "CMYK"
    SPOT = "spot"
    LAB = "Lab"
    PATTERN = "pattern"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Finding:
    page: int  # 1-based
    message: str
    severity: Severity = Severity.PROBLEM

    def line(self, file: str) -> str:
        label = "warning: " if self.severity is Severity.WARNING else ""
        return f"{file}: page {self.page}: {label}{self.message}"


@dataclass(frozen=True)
class PageBoxes:
    """The boxes a page sets (``boxes``: name → rect in mm); MediaBox is always there."""

    boxes: tuple[tuple[str, Rect], ...]

    def get(self, name: str) -> Rect | None:
        return dict(self.boxes).get(name)

    @property
    def media(self) -> Rect:
        return dict(self.boxes)["MediaBox"]

    @property
    def finished(self) -> Rect:
        """The finished size: the TrimBox, else the ArtBox, else the MediaBox."""
        return self.get("TrimBox") or self.get("ArtBox") or self.media


@dataclass(frozen=True)
class Font:
    name: str  # BaseFont without a subset prefix
    subtype: str  # Type1, TrueType, Type0, Type3, …
    embedded: bool
    subset: bool = False


@dataclass(frozen=True)
class ColourUse:
    space: str  # e.g. "DeviceCMYK", "ICCBased RGB", "Separation All", "Indexed DeviceRGB"
    kind: ColourKind
    where: str  # "content stream", "form Fm0", "image Im1", "shading Sh0", …


@dataclass(frozen=True)
class Placement:
    width_mm: float
    height_mm: float
    ppi: float  # the lower of the horizontal and the vertical effective resolution


@dataclass(frozen=True)
class ImageUse:
    where: str  # "image Im1", "image Im0 in form Fm1", "inline image"
    width_px: int
    height_px: int
    space: str  # colour space, or "stencil mask"
    placements: tuple[Placement, ...]

    @property
    def lowest(self) -> Placement:
        return min(self.placements, key=lambda p: p.ppi)


@dataclass(frozen=True)
class QRCode:
    text: str
    version: str  # "2", "M3" (Micro QR) or "R15x59" (rMQR), as the decoder reports it
    modules: int  # across the symbol
    width_mm: float  # the symbol, finder pattern edge to edge
    centre_mm: tuple[float, float]  # from the displayed page's top-left corner
    dpi: int  # the rendering it was first decoded at
    quiet_zone_dark: float | None = None  # share of the quiet zone that is not light

    @property
    def module_mm(self) -> float:
        return self.width_mm / self.modules


@dataclass(frozen=True)
class TextNearEdge:
    excerpt: str
    distance_mm: float  # negative: the text crosses the edge
    edge: str  # left, right, top, bottom


@dataclass(frozen=True)
class PageReport:
    number: int
    boxes: PageBoxes
    rotate: int
    fonts: tuple[Font, ...]
    colours: tuple[ColourUse, ...]
    images: tuple[ImageUse, ...]
    qr_codes: tuple[QRCode, ...]
    qr_dpis: tuple[int, ...]  # the resolutions searched for QR codes
    near_edge: tuple[TextNearEdge, ...]
    findings: tuple[Finding, ...]

    def summary(self) -> list[str]:
        """A few indented lines: boxes, fonts, colour spaces, images, QR codes."""
        lines = [f"  page {self.number}: {_boxes(self.boxes)}" + _rotation(self.rotate)]
        fonts = ", ".join(_font(f) for f in self.fonts) or "none"
        lines.append(f"    fonts: {fonts}")
        lines.append(f"    colour: {_colours(self.colours)}")
        images = "; ".join(_image(i) for i in self.images) or "none"
        lines.append(f"    images: {images}")
        codes = "; ".join(_qr(c) for c in self.qr_codes) or "none found"
        dpis = " and ".join(str(d) for d in self.qr_dpis)
        lines.append(f"    QR codes: {codes} (searched at {dpis} dpi)")
        return lines


OFFICE = (
    "an office file (no TrimBox, no bleed, no OutputIntent), made for a desktop printer."
    " Press mode (printkit build --press) would add 3 mm bleed, a TrimBox and BleedBox on"
    " every page and registration crop marks outside the bleed"
)


@dataclass(frozen=True)
class FileReport:
    file: str  # as the user named it
    pdf_version: str
    pages: tuple[PageReport, ...]
    press: bool = True  # the file claims to be for a print shop: page boxes or an OutputIntent

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for page in self.pages for f in page.findings)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is not Severity.WARNING)

    @property
    def damaged(self) -> bool:
        """Part of the file (a page's content) cannot be read: exit 2, as for a file that
        cannot be opened, office or press."""
        return any(f.severity is Severity.DAMAGE for f in self.findings)

    @property
    def fit_to_print(self) -> bool:
        return not self.problems

    @property
    def unprintable(self) -> bool:
        """A page that no printer can print as it is set (its size zero or beyond PDF's)."""
        return any(f.severity is Severity.UNPRINTABLE for f in self.findings)

    @property
    def failed(self) -> bool:
        """A press file that is not fit to print, or any file with a page no printer can print:
        an office file's other problems do not fail the check."""
        return (self.press and not self.fit_to_print) or self.unprintable

    def summary(self) -> list[str]:
        count = len(self.pages)
        lines = [f"{self.file}: PDF {self.pdf_version}, {count} page{'s' * (count != 1)}"]
        for page in self.pages:
            lines.extend(page.summary())
        return lines

    def finding_lines(self) -> list[str]:
        return [f.line(self.file) for f in self.findings]

    def verdict(self) -> str:
        problems = len(self.problems)
        warnings = len(self.findings) - problems
        if not self.press and not self.unprintable:
            found = problems + warnings
            tail = f"; it has {_count(found, 'thing')} to look at, above" if found else ""
            return f"{self.file}: {OFFICE}{tail}"
        if problems:
            return f"{self.file}: not fit to print: {_count(problems, 'problem')}" + (
                f", {_count(warnings, 'warning')}" if warnings else ""
            )
        tail = f" ({_count(warnings, 'warning')})" if warnings else ""
        return f"{self.file}: no problems found{tail}"


def mm(value: float) -> str:
    return f"{value:.1f}"


def quoted(text: str, limit: int = 40) -> str:
    """Text for one line of output: control characters escaped, long text shortened."""
    flat = text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text
    return '"' + (flat if len(flat) <= limit else flat[: limit - 1] + "…") + '"'


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _size(rect: Rect) -> str:
    return f"{mm(rect.width)} × {mm(rect.height)} mm"


def _boxes(boxes: PageBoxes) -> str:
    media = boxes.media
    origin = f" at {mm(media.x)}, {mm(media.y)}" if (media.x, media.y) != (0, 0) else ""
    parts = [f"MediaBox {_size(media)}{origin}"]
    for name in BOX_NAMES[1:]:
        rect = boxes.get(name)
        if rect is None:
            continue
        if rect == media:
            parts.append(f"{name} = MediaBox")
        else:
            parts.append(f"{name} {_size(rect)} at {mm(rect.x)}, {mm(rect.y)}")
    trim = boxes.get("TrimBox")
    bleed = boxes.get("BleedBox") or boxes.get("CropBox") or media
    if trim is not None:
        sides = (trim.x - bleed.x, trim.y - bleed.y, bleed.right - trim.right, bleed.top - trim.top)
        if max(sides) - min(sides) < 0.05:
            parts.append(f"bleed {mm(sides[0])} mm")
        else:
            parts.append("bleed " + "/".join(mm(s) for s in sides) + " mm (left/bottom/right/top)")
    else:
        parts.append("no TrimBox")
    return "; ".join(parts)


def _rotation(rotate: int) -> str:
    return f"; displayed turned {rotate}°" if rotate % 360 else ""


def _font(font: Font) -> str:
    state = "embedded" + (" subset" if font.subset else "") if font.embedded else "NOT embedded"
    return f"{font.name} ({font.subtype}, {state})"


def _colours(colours: tuple[ColourUse, ...]) -> str:
    if not colours:
        return "none"
    places: dict[str, list[str]] = {}
    for use in colours:
        places.setdefault(use.space, [])
        if use.where not in places[use.space]:
            places[use.space].append(use.where)
    return "; ".join(f"{space} ({', '.join(where)})" for space, where in places.items())


def _image(image: ImageUse) -> str:
    low = image.lowest
    times = f", placed {len(image.placements)}×" if len(image.placements) > 1 else ""
    return (
        f"{image.where} {image.width_px} × {image.height_px} px {image.space} at "
        f"{mm(low.width_mm)} × {mm(low.height_mm)} mm, {low.ppi:.0f} ppi{times}"
    )


def _qr(code: QRCode) -> str:
    x, y = code.centre_mm
    return (
        f"{quoted(code.text)} {mm(code.width_mm)} mm, {code.modules} modules of "
        f"{code.module_mm:.2f} mm, centre {mm(x)}, {mm(y)} mm from top left"
    )
