"""An SVG logo, checked before svglib draws it: only what is inside the file is drawn.

An SVG can point at other files (``<image href="../../secret.png">``, ``<use
href="other.svg#a">``, ``url(…)`` in a style, ``@import``), and svglib would read them, so a
shared event folder could put any file of the machine into a PDF without event.yaml naming
it. printkit draws nothing external at all: the only pictures an SVG may carry are PNG or
JPEG ``data:`` URIs, which get the same checks as a logo file (decoded through, within the
pixel limit, and in press mode the colour rules). The XML is parsed by defusedxml (no
entities, no DTD fetching); sizes and view boxes must be finite and positive, ``<use>`` may
not multiply the drawing past ``MAX_USES`` copies, and a complaint from svglib itself (an
element it cannot draw) refuses the logo rather than printing part of it.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from printkit.errors import InputError, Location
from printkit.read.regular import open_regular

if TYPE_CHECKING:  # svglib loads only for an event with an SVG logo
    from reportlab.graphics.shapes import Drawing

#: An SVG logo is a few kilobytes of paths, a few megabytes with pictures inside it.
MAX_BYTES = 10_000_000
#: Copies made by ``<use>``: svglib itself stops at 10,000 and draws the logo partly.
MAX_USES = 5_000
#: Elements drawn once every ``<use>`` is expanded.
MAX_ELEMENTS = 100_000
#: Nesting of elements, counting each ``<use>`` as a level (svglib draws them recursively).
MAX_DEPTH = 100
#: The largest coordinate, size or scale a logo's drawing may hold (a PDF reader's own limits
#: are near 32,767 units for some numbers; a logo is a few hundred).
MAX_NUMBER = 1e7
#: The smallest width, height or view box a drawing may have: a thousandth of a unit (a
#: logo is tens or hundreds). Smaller, the scale that places it overflows a PDF number.
MIN_SIZE = 1e-3

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_LENGTH = re.compile(
    r"\s*(?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?(?:nan|inf|infinity))"
    r"\s*(?P<unit>px|pt|pc|mm|cm|in|em|ex|%)?\s*",
    re.IGNORECASE,
)
_URL = re.compile(r"url\(\s*(['\"]?)(?P<target>[^)'\"]*)\1\s*\)", re.IGNORECASE)
_DATA_IMAGE = re.compile(r"data:image/(?P<kind>png|jpe?g);base64,(?P<data>.*)", re.DOTALL)
#: What svglib leaves out of a drawing without a word where a browser draws it, by the
#: property that asks for it: the logo would print without it, so it is refused.
UNDRAWN = {
    "filter": "a filter effect (a blur, a shadow)",
    "mask": "a mask",
    "marker": "markers (arrow heads, dots on a line)",
    "marker-start": "markers (arrow heads, dots on a line)",
    "marker-mid": "markers (arrow heads, dots on a line)",
    "marker-end": "markers (arrow heads, dots on a line)",
}
_PROPERTY = re.compile(r"(?P<name>[a-z-]+)\s*:\s*(?P<value>[^;{}]*)", re.IGNORECASE)
#: Elements whose width and height (when given) must be positive: they establish a viewport.
_VIEWPORTS = ("svg", "image", "use", "pattern", "symbol", "marker", "rect", "foreignObject")


@dataclass(frozen=True)
class Picture:
    """A raster picture inside an SVG (from a ``data:`` URI): its colour mode and pixels."""

    mode: str
    size: tuple[int, int]


def read(path: Path) -> tuple[bytes, tuple[Picture, ...]]:
    """The SVG's bytes, once checked, and the pictures it carries; InputError when not."""
    with open_regular(path) as file:
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        _refuse(path, f"the SVG is more than {MAX_BYTES:,} bytes; simplify it or use a PNG")
    root = _parse(path, data)
    pictures: list[Picture] = []
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    _count(path, root, by_id)  # first: the checks below recurse no deeper than it allows
    for element in root.iter():
        _check_element(path, element, root, pictures)
        _check_drawn(path, element, by_id)
    _check_size(path, root, True)
    return data, tuple(pictures)


def _refuse(path: Path, problem: str) -> None:
    raise InputError(Location(str(path)), "", problem)


def _parse(path: Path, data: bytes):
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        _refuse(
            path,
            "the SVG declares XML entities (<!ENTITY …>), which printkit does not expand; save"
            " it again as plain SVG (SVG 1.1, without entities)",
        )
    except ParseError as exc:
        _refuse(path, f"cannot read the SVG (not well-formed XML: {exc})")
    if _local(root.tag) != "svg":
        _refuse(path, f"the file's root element is <{_local(root.tag)}>, not <svg>")
    return root


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _check_element(path: Path, element, root, pictures: list[Picture]) -> None:
    name = _local(element.tag)
    href = element.get(XLINK_HREF, element.get("href"))
    if href is not None and name != "a":  # a link is not followed: it draws nothing
        href = href.strip()
        if name == "image" and href.startswith("data:"):
            pictures.append(_picture(path, href, pictures))
        elif not href.startswith("#"):
            _external(path, name, href)
    texts = [value for key, value in element.attrib.items() if key not in (XLINK_HREF, "href")]
    if name == "style" and element.text:
        texts.append(element.text)
        if "@import" in element.text:
            _refuse(
                path,
                "the SVG's <style> imports a style sheet (@import); printkit draws only"
                " what is inside the SVG: put the styles in the file itself",
            )
    for text in texts:
        for match in _URL.finditer(text):
            if not match.group("target").strip().startswith("#"):
                _external(path, name, match.group("target").strip())
    if element is not root:
        _check_size(path, element, False)


def _check_drawn(path: Path, element, by_id: dict) -> None:
    """Refuse what svglib would silently leave out: HTML in a ``<foreignObject>``, opacity,
    and a filter, mask, marker or pattern fill asked for by an attribute, a style or a style
    sheet."""
    if element.tag == f"{SVG_NS}foreignObject":
        _uses(path, "HTML inside it (<foreignObject>)")
    properties = [(key, value) for key, value in element.attrib.items() if "}" not in key]
    styles = [element.get("style") or ""]
    if element.tag == f"{SVG_NS}style":
        styles.append(element.text or "")
    properties += [(m["name"], m["value"]) for text in styles for m in _PROPERTY.finditer(text)]
    for key, value in properties:
        key, url = key.strip().lower(), _URL.search(value)
        if key == "opacity" and _fraction(value) < 1:  # svglib draws it fully opaque
            _uses(path, "opacity (a shape or group partly see-through)")
        if url is None:
            continue
        if key in UNDRAWN:
            _uses(path, UNDRAWN[key])
        target = by_id.get(url["target"].strip().removeprefix("#"))
        if key in ("fill", "stroke") and target is not None and _local(target.tag) == "pattern":
            _uses(path, f"a pattern as its {key} (<pattern>)")


def _fraction(value: str) -> float:
    """An opacity as written ("0.3", "30%"); 1 for what is not a number (svglib's own default)."""
    text = value.strip()
    try:
        return float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        return 1.0


def _uses(path: Path, what: str) -> None:
    _refuse(
        path,
        f"the SVG uses {what}, which printkit's SVG reader (svglib) leaves out, so the logo"
        " would print without it; flatten it in the drawing program (or export a plain SVG"
        " without effects), or use a PNG",
    )


def _external(path: Path, name: str, target: str) -> None:
    shown = target if len(target) <= 60 else target[:59] + "…"
    _refuse(
        path,
        f"<{name}> in the SVG refers to {shown!r} outside it; printkit draws only what is inside"
        " the SVG: embed the picture in it (as a data: URI) or use the picture itself as the logo",
    )


#: A logo (or the pictures inside an SVG one), even across an A3 poster at 300 ppi, needs a few megapixels; far more is a mistake
#: or a "decompression bomb" (a small file that unpacks to gigabytes).
MAX_PIXELS = 40_000_000


def _picture(path: Path, href: str, pictures: list[Picture]) -> Picture:
    from PIL import Image as PILImage

    match = _DATA_IMAGE.fullmatch(href)
    if match is None:
        _refuse(
            path,
            f"an <image> in the SVG is {href[:40]!r}…; only PNG or JPEG pictures"
            " (data:image/png;base64,…) can be embedded",
        )
    try:
        raw = base64.b64decode(re.sub(r"\s+", "", match.group("data")), validate=True)
    except (binascii.Error, ValueError):
        _refuse(path, "a picture inside the SVG is not valid base64; export the SVG again")
    used = sum(w * h for w, h in (p.size for p in pictures))
    try:
        with PILImage.open(io.BytesIO(raw)) as image:
            width, height = image.size
            if image.format not in ("PNG", "JPEG"):
                raise ValueError(f"a {image.format} image")
            if used + width * height > MAX_PIXELS:
                _refuse(
                    path,
                    f"the pictures inside the SVG have more than the"
                    f" {MAX_PIXELS // 1_000_000} megapixels printkit places; scale them down",
                )
            image.load()
            return Picture(image.mode, (width, height))
    except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError) as exc:
        _refuse(
            path,
            f"a picture inside the SVG cannot be read ({type(exc).__name__}: {exc});"
            " embed it again as PNG or JPEG",
        )
    raise AssertionError  # unreachable: _refuse raises


def _number(text: str) -> float | None:
    match = _LENGTH.fullmatch(text)
    return None if match is None else float(match.group("number"))


def _check_size(path: Path, element, is_root: bool) -> None:
    name = _local(element.tag)
    what = "the <svg>" if is_root else f"<{name}> in the SVG"
    for attribute in ("width", "height") if (is_root or name in _VIEWPORTS) else ():
        text = element.get(attribute)
        if text is None or (not is_root and text.strip() in ("", "auto")):
            continue
        value = _number(text)
        if value is None or not math.isfinite(value) or value < 0 or (is_root and value == 0):
            _refuse(path, f"{what} has {attribute}={text.strip()[:20]!r}; give a positive size")
        if is_root and value < MIN_SIZE:
            _refuse(
                path,
                f"{what} has {attribute}={text.strip()[:20]!r}, too small to draw (under"
                f" {MIN_SIZE:g}); give its real size",
            )
    box = element.get("viewBox")
    if box is not None:
        parts = [_number(p) for p in re.split(r"[\s,]+", box.strip())]
        if (
            len(parts) != 4
            or any(p is None or not math.isfinite(p) for p in parts)
            or parts[2] < MIN_SIZE
            or parts[3] < MIN_SIZE
        ):
            _refuse(
                path,
                f"{what} has viewBox={box.strip()[:40]!r}; give four numbers:"
                f" x, y and a width and height of at least {MIN_SIZE:g}",
            )


def _count(path: Path, root, by_id: dict) -> None:
    """Refuse a ``<use>`` that refers to itself, or a drawing that ``<use>`` multiplies past
    ``MAX_USES`` copies or ``MAX_ELEMENTS`` elements (a "billion laughs" made of elements)."""
    sizes: dict[int, tuple[int, int]] = {}  # id(element) → (elements, uses) once expanded
    active: set[int] = set()

    def size(element) -> tuple[int, int]:
        key = id(element)
        if key in sizes:
            return sizes[key]
        if len(active) > MAX_DEPTH:
            _refuse(
                path,
                f"the SVG nests its elements (and <use>s) more than {MAX_DEPTH} levels"
                " deep; simplify it",
            )
        if key in active:
            _refuse(
                path,
                f"a <use> in the SVG refers to itself (through #{element.get('id')});"
                " it cannot be drawn whole",
            )
        active.add(key)
        elements, uses = 1, 0
        children = list(element)
        if _local(element.tag) == "use":
            href = (element.get(XLINK_HREF, element.get("href")) or "").strip()
            target = by_id.get(href[1:])
            if target is not None:
                children.append(target)
                uses += 1
        for child in children:
            more, more_uses = size(child)
            elements, uses = elements + more, uses + more_uses
            if uses > MAX_USES or elements > MAX_ELEMENTS:
                _refuse(
                    path,
                    f"<use> in the SVG multiplies it to more than {MAX_USES:,} copies"
                    f" or {MAX_ELEMENTS:,} elements; simplify it",
                )
        active.discard(key)
        sizes[key] = (elements, uses)
        return sizes[key]

    size(root)


def drawing(path: Path, data: bytes) -> Drawing:
    """svglib's drawing of checked SVG bytes; refused when svglib says it cannot draw some of
    it, or when a number in the drawing is not finite (``nan`` in a path or a transform)."""
    from svglib.svglib import svg2rlg

    complaints: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            complaints.append(record.getMessage())

    logger = logging.getLogger("svglib.svglib")
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        # bytes, not the path: svglib then has no folder to resolve a reference in
        result = svg2rlg(io.BytesIO(data))
    except Exception as exc:  # svglib raises lxml's and its own errors for a broken file
        _refuse(path, f"cannot read the SVG ({type(exc).__name__}: {exc})")
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    if complaints:
        _refuse(
            path,
            f"svglib cannot draw all of the SVG ({complaints[0][:80]}); simplify it or"
            " export it again as plain SVG",
        )
    if result is not None:
        _check_numbers(path, result, 0)
    return result


def _check_numbers(path: Path, node, depth: int) -> None:
    values = [v for k, v in vars(node).items() if k not in ("contents", "_attrMap")]
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, (list, tuple)):
            stack.extend(value)
        elif isinstance(value, float) and not (math.isfinite(value) and abs(value) <= MAX_NUMBER):
            _refuse(
                path,
                f"the SVG holds the number {value!r} (in a {type(node).__name__}),"
                " which cannot be drawn; correct it in the SVG",
            )
    for child in getattr(node, "contents", ()):
        _check_numbers(path, child, depth + 1)
