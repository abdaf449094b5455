"""Raster images placed on the products (logos)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.utils import ImageReader

from printkit.errors import InputError, Location


@cache
def size_px(path: Path) -> tuple[int, int]:
    try:
        return ImageReader(str(path)).getSize()
    except Exception as exc:  # Pillow raises many kinds for a broken file
        raise InputError(
            Location(str(path)),
            "",
            f"cannot read the image ({type(exc).__name__}); save it again as PNG or JPEG",
        ) from None


def aspect(path: Path) -> float:
    width, height = size_px(path)
    return width / height
