"""How the products are made: press mode (bleed, marks, PDF/X) and the font family."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PdfX:
    """PDF/X-4 output: the printing condition's CMYK ICC profile and its identifier."""

    profile: Path
    condition: str  # OutputConditionIdentifier, e.g. FOGRA39
    info: str | None = None  # a human-readable description of the condition


@dataclass(frozen=True)
class Press:
    """Press mode: the products get bleed, crop marks and page boxes for a print shop."""

    bleed: float = 3.0  # mm beyond the trim that backgrounds run to
    marks: bool = True  # crop, cut and fold marks outside the bleed
    pdfx: PdfX | None = None
    gang_up: bool = False  # badges ganged on sheets; by default one badge a page


@dataclass(frozen=True)
class FallbackFont:
    """A font for the characters the family lacks: its regular, and its bold if it has one
    (bold text falls back to the regular otherwise; italic text to the upright)."""

    regular: Path
    bold: Path | None = None


@dataclass(frozen=True)
class FontFamily:
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    fallback: tuple[FallbackFont, ...] = ()  # tried in order, for each character
