"""Logos and other pictures placed on the products: raster (PNG, JPEG) or vector (SVG).

SVG is drawn as vectors (svglib), its colours turned into CMYK so that no RGB reaches the
PDF; text inside an SVG would need fonts we cannot embed, so it is refused. Raster images are
checked where they are placed: in press mode an RGB image is refused and one below 300 ppi
at its placed size gets a warning naming the file and the figure.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from PIL import Image as PILImage
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.colors import CMYKColor, Color

from printkit.errors import InputError, Location, PrintkitError
from printkit.model.geometry import MM_PER_INCH

PRESS_PPI = 300


def is_vector(path: Path) -> bool:
    return path.suffix.lower() == ".svg"


#: A logo, even across an A3 poster at 300 ppi, needs a few megapixels; far more is a mistake
#: or a "decompression bomb" (a small file that unpacks to gigabytes).
MAX_PIXELS = 40_000_000


@cache
def size_px(path: Path) -> tuple[int, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)  # checked below
            with PILImage.open(path) as image:
                width, height = image.size
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


@cache
def mode(path: Path) -> str:
    with PILImage.open(path) as image:
        return image.mode


def aspect(path: Path) -> float:
    if is_vector(path):
        drawing = svg_drawing(path)
        return drawing.width / drawing.height
    width, height = size_px(path)
    return width / height


@cache
def svg_drawing(path: Path) -> Drawing:
    """The SVG as a ReportLab drawing with every colour in CMYK."""
    from svglib.svglib import svg2rlg

    try:
        drawing = svg2rlg(str(path))
    except Exception as exc:  # svglib raises lxml's and its own errors for a broken file
        raise InputError(
            Location(str(path)), "", f"cannot read the SVG ({type(exc).__name__}: {exc})"
        ) from None
    if drawing is None or not drawing.width or not drawing.height:
        raise InputError(
            Location(str(path)),
            "",
            "the SVG has no size; give its <svg> a width, height or viewBox",
        )
    _to_cmyk(drawing, path)
    return drawing


def _to_cmyk(node, path: Path) -> None:
    if isinstance(node, String):
        raise InputError(
            Location(str(path)),
            "",
            "the SVG contains text, whose font cannot be embedded; convert the text to outlines (paths)",
        )
    for attribute in ("fillColor", "strokeColor"):
        value = getattr(node, attribute, None)
        if isinstance(value, Color) and not isinstance(value, CMYKColor):
            setattr(node, attribute, rgb_to_cmyk(value))
    if isinstance(node, (Group, Drawing)):
        for child in node.contents:
            _to_cmyk(child, path)


def rgb_to_cmyk(colour: Color) -> CMYKColor:
    """The naive device conversion (no ICC profile): greys become pure K."""
    r, g, b = colour.red, colour.green, colour.blue
    k = 1.0 - max(r, g, b)
    if k >= 1.0 - 1e-9:
        return CMYKColor(0, 0, 0, 1, alpha=colour.alpha)
    c, m, y = ((1.0 - v - k) / (1.0 - k) for v in (r, g, b))
    return CMYKColor(round(c, 4), round(m, 4), round(y, 4), round(k, 4), alpha=colour.alpha)


class PressImageError(PrintkitError):
    exit_code = 2


def check_placements(placements: Iterable[tuple[Path, float]], press: bool) -> list[str]:
    """``placements``: (file, placed width in mm). Warnings for low resolution; RGB refused in press."""
    warnings: list[str] = []
    smallest: dict[Path, float] = {}
    for path, width_mm in placements:
        if is_vector(path):
            continue
        ppi = size_px(path)[0] / (width_mm / MM_PER_INCH)
        smallest[path] = min(ppi, smallest.get(path, ppi))
    for path, ppi in sorted(smallest.items()):
        image_mode = mode(path)
        if press and image_mode in ("RGB", "RGBA", "P", "PA"):
            raise PressImageError(
                f"{path}: the image is {image_mode} (RGB colour); a press job needs CMYK or greyscale."
                " Save it as a CMYK JPEG or a greyscale PNG, or use an SVG"
            )
        if press and ppi < PRESS_PPI:
            warnings.append(
                f"{path}: {ppi:.0f} ppi at its placed size; print wants {PRESS_PPI} ppi or more"
            )
    return warnings
