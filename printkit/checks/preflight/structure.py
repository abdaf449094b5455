"""A page's boxes and fonts, read from its dictionaries (pypdf)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pypdf import PageObject
from pypdf.generic import DictionaryObject, IndirectObject

from printkit.checks.preflight.report import BOX_NAMES, Font, PageBoxes
from printkit.model.geometry import PT, Rect

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_FONT_FILES = ("/FontFile", "/FontFile2", "/FontFile3")
MAX_DEPTH = 32  # nesting of forms and patterns; deeper is a malformed or hostile file


#: A page box's side in user space units (ISO 32000-1, Annex C, and the PDF Reference's
#: implementation note 177): at least 3, at most 14,400 — 200 inches at the default unit of
#: 1/72 inch; larger pages scale the unit by the page's /UserUnit (PDF 1.6) instead.
MIN_SIDE, MAX_SIDE = 3.0, 14_400.0


def user_unit(page: PageObject) -> float:
    """Millimetres per unit of the page's user space (the default unit for a /UserUnit that
    is not a positive finite number: ``box_problems`` says so)."""
    return _unit(page.get("/UserUnit", 1.0)) * PT


def _unit(value: object) -> float:
    unit = _number(value)
    return unit if unit is not None and unit > 0 else 1.0


def _number(value: object) -> float | None:
    """A PDF number as a finite float, or None."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _mm(value: float) -> str:
    return f"{value:,.1f}" if value < 1e7 else f"{value:.3g}"


def box_problems(page: PageObject) -> list[str]:
    """What makes the page's size unknowable or impossible: a /UserUnit that is not a positive
    number, and each box the page sets whose sides are not finite or not within
    ``MIN_SIDE``..``MAX_SIDE`` units (a 0 × 0 or a 1e30 pt page). Corners in either order
    are a rectangle (ISO 32000-1, 7.9.5), not a problem."""
    found = []
    raw = page.get("/UserUnit", 1.0)
    unit = _number(raw)
    if unit is None or unit <= 0:
        found.append(f"UserUnit {raw} is not a positive number: the page's size is unknown")
    unit = _unit(raw)
    for name in BOX_NAMES:
        if name != "MediaBox" and f"/{name}" not in page:
            continue
        box = getattr(page, name.lower())
        values = [_number(v) for v in (box.left, box.bottom, box.right, box.top)]
        if None in values:
            found.append(f"{name} has a corner that is not a finite number")
            continue
        left, bottom, right, top = values
        sides = (abs(right - left), abs(top - bottom))
        size = " × ".join(_mm(side * unit * PT) for side in sides) + " mm"
        units = " × ".join(f"{side:,g}" for side in sides)
        scale = f" at UserUnit {unit:g}" if unit != 1.0 else ""
        if min(sides) < MIN_SIDE:
            found.append(
                f"{name} is {size} ({units} units): a page box is at least {MIN_SIDE:g} units"
                " a side"
            )
        elif max(sides) > MAX_SIDE:
            found.append(
                f"{name} is {size} ({units} units): a page box is at most {MAX_SIDE:,g} units"
                f" a side ({MAX_SIDE * unit * PT:,.1f} mm{scale}); a larger page sets"
                " /UserUnit (PDF 1.6)"
            )
    return found


def page_boxes(page: PageObject) -> PageBoxes:
    """The boxes the page itself sets (pypdf has already applied inheritance), in mm."""
    unit = user_unit(page)
    boxes = []
    for name in BOX_NAMES:
        if name != "MediaBox" and f"/{name}" not in page:
            continue
        box = getattr(page, name.lower())
        left, right = sorted((float(box.left), float(box.right)))
        bottom, top = sorted((float(box.bottom), float(box.top)))
        boxes.append(
            (name, Rect(left * unit, bottom * unit, (right - left) * unit, (top - bottom) * unit))
        )
    return PageBoxes(tuple(boxes))


def page_fonts(page: PageObject) -> tuple[Font, ...]:
    """Every font in the page's resources and, recursively, in its forms' and patterns'."""
    found: dict[int | str, Font] = {}
    for key, font in _fonts_in(as_dict(page.get("/Resources")), set(), 0):
        found.setdefault(key, describe_font(font))
    return tuple(sorted(found.values(), key=lambda f: (f.name, f.subtype)))


def describe_font(font: DictionaryObject) -> Font:
    subtype = str(font.get("/Subtype", "/Unknown")).lstrip("/")
    base = str(font.get("/BaseFont", "")).lstrip("/")
    name = _SUBSET.sub("", base) or f"unnamed {subtype} font"
    if subtype == "Type3":  # its glyphs are procedures inside the file
        return Font(name, subtype, embedded=True)
    descriptor_of = font
    if subtype == "Type0":
        descendants = font.get("/DescendantFonts")
        descendants = descendants.get_object() if descendants is not None else None
        descriptor_of = as_dict(descendants[0]) if descendants else DictionaryObject()
    descriptor = as_dict(descriptor_of.get("/FontDescriptor"))
    embedded = any(key in descriptor for key in _FONT_FILES)
    return Font(name, subtype, embedded, subset=bool(_SUBSET.match(base)))


def _fonts_in(
    resources: DictionaryObject, seen: set[int], depth: int
) -> Iterator[tuple[int | str, DictionaryObject]]:
    if depth > MAX_DEPTH:
        return
    for name, ref in as_dict(resources.get("/Font")).items():
        font = as_dict(ref)
        yield object_key(ref, name), font
        if font.get("/Subtype") == "/Type3":
            yield from _fonts_in(as_dict(font.get("/Resources")), seen, depth + 1)
    children = list(as_dict(resources.get("/XObject")).values())
    children += list(as_dict(resources.get("/Pattern")).values())
    for ref in children:
        child = as_dict(ref)
        key = object_key(ref, "")
        if isinstance(key, int):
            if key in seen:
                continue
            seen.add(key)
        if "/Resources" in child:
            yield from _fonts_in(as_dict(child["/Resources"]), seen, depth + 1)


def object_key(ref: object, fallback: str) -> int | str:
    """The object number of an indirect object; direct objects get a key of their own."""
    if isinstance(ref, IndirectObject):
        return ref.idnum
    return f"{fallback}@{id(ref)}"


def as_dict(obj: object) -> DictionaryObject:
    """The object as a dictionary, resolving references; an empty one for anything else."""
    if obj is None:
        return DictionaryObject()
    obj = obj.get_object() if hasattr(obj, "get_object") else obj
    return obj if isinstance(obj, DictionaryObject) else DictionaryObject()
