"""Logos and other pictures placed on the products: raster (PNG, JPEG) or vector (SVG).

SVG is drawn as vectors (svglib), its colours turned into CMYK so that no RGB reaches the
PDF; text inside an SVG would need fonts we cannot embed, so it is refused. Raster images are
checked where they are placed: in press mode an RGB image is refused and one below 300 ppi
at its placed size gets a warning naming the file and the figure.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PIL import Image as PILImage
from reportlab.lib.colors import CMYKColor, Color

from printkit.errors import InputError, Location
from printkit.model.geometry import MM_PER_INCH
from printkit.read.regular import open_regular
from printkit.read.svg import MAX_PIXELS
from printkit.read.versions import per_version

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing

PRESS_PPI = 300


def _shapes() -> ModuleType:
    """ReportLab's graphics, for SVG logos only: importing them pulls in platypus, a tenth
    of a second that an event with a PNG or JPEG logo (or none) does not spend."""
    from reportlab.graphics import shapes

    return shapes


def is_vector(path: Path) -> bool:
    return path.suffix.lower() == ".svg"


#: What Pillow names the formats a logo may have (MPO: a camera's JPEG with a preview).
FORMATS = ("PNG", "JPEG", "MPO")
#: Greyscale modes (1 bit, 8 bits with or without alpha, 16 bits): drawn as DeviceGray.
GREY = ("1", "L", "LA", "I", "I;16", "I;16B", "I;16L", "I;16N")
#: Modes a press job takes as they are: greyscale and CMYK.
PRESS_MODES = (*GREY, "CMYK")


@per_version
def size_px(path: Path) -> tuple[int, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)  # checked below
            with open_regular(path) as file, PILImage.open(file) as image:
                width, height = image.size
                if image.format not in FORMATS:
                    raise InputError(
                        Location(str(path)),
                        "",
                        f"the file is a{'n' if image.format[0] in 'AEIOU' else ''}"
                        f" {image.format} image, not PNG or JPEG; save it as PNG or JPEG",
                    )
                if width * height > MAX_PIXELS:
                    raise InputError(
                        Location(str(path)),
                        "",
                        f"the image is {width:,} × {height:,} pixels, more than the"
                        f" {MAX_PIXELS // 1_000_000} megapixels printkit places; scale it down",
                    )
                image.load()  # decode it all now: a truncated file fails here, not in the PDF
                return width, height
    except PILImage.DecompressionBombError:
        raise InputError(
            Location(str(path)),
            "",
            f"the image has far more than the {MAX_PIXELS // 1_000_000} megapixels printkit"
            " places; scale it down",
        ) from None
    except (OSError, ValueError, SyntaxError) as exc:
        problem = f"cannot read the image ({_reason(exc)}); save it again as PNG or JPEG"
        raise InputError(Location(str(path)), "", problem) from None


def _reason(exc: Exception) -> str:
    if isinstance(exc, PILImage.UnidentifiedImageError):
        return "not an image printkit reads"
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def problem(path: Path) -> str | None:
    """What is wrong with an image file, or None when it can be placed; checked as the event
    is read, so that the message can point at the line that names the file."""
    try:
        aspect(path)
    except InputError as exc:
        return exc.problem
    return None


@per_version
def mode(path: Path) -> str:
    with open_regular(path) as file, PILImage.open(file) as image:
        return image.mode


def aspect(path: Path) -> float:
    if is_vector(path):
        drawing = svg_drawing(path)
        return drawing.width / drawing.height
    width, height = size_px(path)
    return width / height


@per_version
def svg_drawing(path: Path) -> Drawing:
    """The SVG as a ReportLab drawing with every colour in CMYK (checked by ``read.svg``)."""
    from printkit.read import svg

    data, pictures = svg.read(path)
    drawing = svg.drawing(path, data)
    if drawing is None or not drawing.width or not drawing.height:
        raise InputError(
            Location(str(path)),
            "",
            "the SVG has no size; give its <svg> a width, height or viewBox",
        )
    _to_cmyk(drawing, path, _shapes())
    drawing.__dict__["printkit_pictures"] = pictures  # kept with the drawing: one cache to clear
    return drawing


def svg_pictures(path: Path) -> tuple:
    """The raster pictures inside an SVG (``read.svg.Picture``: mode and size)."""
    return svg_drawing(path).__dict__["printkit_pictures"]


def _to_cmyk(node, path: Path, shapes: ModuleType) -> None:
    if isinstance(node, shapes.String):
        raise InputError(
            Location(str(path)),
            "",
            "the SVG contains text, whose font cannot be embedded; convert the text to outlines (paths)",
        )
    if isinstance(node, shapes.Image) and isinstance(node.path, PILImage.Image):
        node.path = drawable(node.path)  # a picture from a data: URI, as Pillow opened it
    for attribute in ("fillColor", "strokeColor"):
        value = getattr(node, attribute, None)
        if isinstance(value, Color) and not isinstance(value, CMYKColor):
            setattr(node, attribute, rgb_to_cmyk(value))
    if isinstance(node, (shapes.Group, shapes.Drawing)):
        for child in node.contents:
            _to_cmyk(child, path, shapes)


def rgb_to_cmyk(colour: Color) -> CMYKColor:
    """The naive device conversion (no ICC profile): greys become pure K."""
    r, g, b = colour.red, colour.green, colour.blue
    k = 1.0 - max(r, g, b)
    if k >= 1.0 - 1e-9:
        return CMYKColor(0, 0, 0, 1, alpha=colour.alpha)
    c, m, y = ((1.0 - v - k) / (1.0 - k) for v in (r, g, b))
    return CMYKColor(round(c, 4), round(m, 4), round(y, 4), round(k, 4), alpha=colour.alpha)


class PressImageError(InputError):
    """A logo a press job cannot take; the build puts it at the line that names the file."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(Location(str(path)), "", problem)

    def located(self, where: Location | None, field: str) -> InputError:
        """At ``where`` (the line that names the file, when known)."""
        if where is None:
            return self
        return InputError(where, field, f"{self.path.name}: {self.problem}")


def drawable(image: PILImage.Image) -> PILImage.Image:
    """``image`` (a Pillow image) as the PDF should get it: 1-bit and 16-bit greyscale as
    8-bit greyscale (ReportLab would make them RGB, and a 16-bit one white), else as it is."""
    if image.mode == "1":
        return image.convert("L")
    if image.mode in GREY and image.mode.startswith("I"):
        return image.point(lambda v: v * (1 / 257)).convert("L")  # 0…65535 onto 0…255
    return image


def pdf_source(path: Path) -> PILImage.Image | str:
    """What the renderer draws for a raster logo: the file, or its greyscale conversion."""
    if mode(path) in ("1",) or mode(path).startswith("I"):
        with open_regular(path) as file, PILImage.open(file) as image:
            return drawable(image)
    return str(path)


def check_placements(placements: Iterable[tuple[Path, float]], press: bool) -> list[str]:
    """``placements``: (file, placed width in mm). Warnings for low resolution; RGB refused in press."""
    warnings: list[str] = []
    smallest: dict[Path, float] = {}
    for path, width_mm in placements:
        if is_vector(path):
            if press:
                _check_pictures(path)
            inner = picture_ppi(path, width_mm)
            if inner is not None:
                smallest[path] = min(inner, smallest.get(path, inner))
            continue
        ppi = size_px(path)[0] / (width_mm / MM_PER_INCH)
        smallest[path] = min(ppi, smallest.get(path, ppi))
    for path, ppi in sorted(smallest.items()):
        image_mode = "vector" if is_vector(path) else mode(path)  # an SVG's checked above
        if press and image_mode not in (*PRESS_MODES, "vector"):
            raise PressImageError(
                path,
                f"the image is {image_mode} (RGB colour); a press job needs CMYK or greyscale."
                " Save it as a CMYK JPEG or a greyscale PNG, or use an SVG",
            )
        if press and ppi < PRESS_PPI:
            inside = "a picture inside the SVG is " if is_vector(path) else ""
            warnings.append(
                f"{path}: {inside}{ppi:.0f} ppi at its placed size; print wants {PRESS_PPI} ppi"
                " or more"
            )
    return warnings


def picture_ppi(path: Path, width_mm: float) -> float | None:
    """The lowest resolution of the raster pictures inside an SVG logo placed ``width_mm``
    wide: each picture's pixels over the size it is drawn at, every transform on its way
    applied (a picture scaled up inside the SVG has fewer pixels a millimetre). None: none."""
    drawing = svg_drawing(path)
    shapes = _shapes()
    per_unit = width_mm / drawing.width  # mm a drawing unit, as placed
    lowest: float | None = None
    stack: list[tuple[object, tuple[float, ...]]] = [(drawing, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))]
    while stack:
        node, outer = stack.pop()
        if isinstance(node, shapes.Image) and isinstance(node.path, PILImage.Image):
            a, b, c, d = outer[:4]
            wide = abs(node.width) * math.hypot(a, b) * per_unit
            high = abs(node.height) * math.hypot(c, d) * per_unit
            pixels_x, pixels_y = node.path.size
            if wide > 0 and high > 0:
                ppi = min(pixels_x / (wide / MM_PER_INCH), pixels_y / (high / MM_PER_INCH))
                lowest = ppi if lowest is None else min(lowest, ppi)
        elif isinstance(node, shapes.Group):
            inner = shapes.mmult(outer, tuple(node.transform))
            stack += [(child, inner) for child in node.contents]
    return lowest


def _check_pictures(path: Path) -> None:
    for picture in svg_pictures(path):
        if picture.mode not in PRESS_MODES:
            raise PressImageError(
                path,
                f"a picture inside the SVG is {picture.mode} (RGB colour); a press job needs"
                " CMYK or greyscale. Embed a CMYK JPEG or a greyscale PNG instead",
            )
