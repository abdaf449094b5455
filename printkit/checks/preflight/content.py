"""What a page paints: colour spaces and images, from its content streams (pypdf).

The walk follows the current transformation matrix through ``q``/``Q``/``cm`` and into Form
XObjects (their ``/Matrix``) and tiling patterns, so an image's placed size — and with it its
effective resolution — is known where ``Do`` paints it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from pypdf import PageObject, PdfReader
from pypdf.generic import ArrayObject, ContentStream, DictionaryObject, NameObject, StreamObject

from printkit.checks.preflight.report import ColourKind, ColourUse, ImageUse, Placement
from printkit.checks.preflight.structure import MAX_DEPTH, as_dict, object_key, user_unit

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MM_PER_INCH = 25.4

_DEVICE = {
    "/DeviceGray": ("DeviceGray", ColourKind.GRAY),
    "/G": ("DeviceGray", ColourKind.GRAY),
    "/DeviceRGB": ("DeviceRGB", ColourKind.RGB),
    "/RGB": ("DeviceRGB", ColourKind.RGB),
    "/DeviceCMYK": ("DeviceCMYK", ColourKind.CMYK),
    "/CMYK": ("DeviceCMYK", ColourKind.CMYK),
    "/Pattern": ("Pattern", ColourKind.PATTERN),
}
_ICC = {1: ("Gray", ColourKind.GRAY), 3: ("RGB", ColourKind.RGB), 4: ("CMYK", ColourKind.CMYK)}
_CAL = {"/CalGray": ColourKind.GRAY, "/CalRGB": ColourKind.RGB, "/Lab": ColourKind.LAB}
_SET_COLOUR = {b"g": "/DeviceGray", b"G": "/DeviceGray", b"rg": "/DeviceRGB"}
_SET_COLOUR |= {b"RG": "/DeviceRGB", b"k": "/DeviceCMYK", b"K": "/DeviceCMYK"}


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies ``m``, then ``n`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def describe_space(
    space: object, resources: DictionaryObject, depth: int = 0
) -> tuple[str, ColourKind]:
    """A colour space as a short label and its kind; named spaces resolved from resources."""
    space = space.get_object() if hasattr(space, "get_object") else space
    if depth > 4:
        return ("unresolved", ColourKind.UNKNOWN)
    if isinstance(space, NameObject):
        if space in _DEVICE:
            return _DEVICE[space]
        named = as_dict(resources.get("/ColorSpace")).get(space)
        if named is None:
            return (f"undefined {space.lstrip('/')}", ColourKind.UNKNOWN)
        return describe_space(named, resources, depth + 1)
    if not isinstance(space, ArrayObject) or not space:
        return ("unknown", ColourKind.UNKNOWN)
    family = str(space[0])
    if len(space) == 1:
        return describe_space(space[0], resources, depth + 1)
    if family == "/ICCBased":
        components = int(as_dict(space[1]).get("/N", 0))
        label, kind = _ICC.get(components, (f"{components} channels", ColourKind.UNKNOWN))
        return (f"ICCBased {label}", kind)
    if family in _CAL:
        return (family.lstrip("/"), _CAL[family])
    if family == "/Separation":
        return _spot(f"Separation {str(space[1]).lstrip('/')}", space, resources, depth)
    if family == "/DeviceN":
        names = ", ".join(str(n).lstrip("/") for n in space[1].get_object())
        return _spot(f"DeviceN ({names})", space, resources, depth)
    if family in ("/Indexed", "/I"):
        label, kind = describe_space(space[1], resources, depth + 1)
        return (f"Indexed {label}", kind)
    if family == "/Pattern":
        label, kind = describe_space(space[1], resources, depth + 1)
        return (f"Pattern over {label}", kind)
    return (family.lstrip("/"), ColourKind.UNKNOWN)


#: what a spot colour's alternate (how a proof or a composite press shows it) may be
_PROCESS = (ColourKind.CMYK, ColourKind.GRAY, ColourKind.SPOT)


def _spot(
    label: str, space: ArrayObject, resources: DictionaryObject, depth: int
) -> tuple[str, ColourKind]:
    """A Separation or DeviceN space: a spot colour if its alternate space, and for DeviceN
    the colorants and process space its attributes name, are CMYK, gray or spot; else
    what the worst of them is (an RGB alternate is RGB on every proof and composite press)."""
    parts = [("alternate", space[2])] if len(space) > 2 else []
    if len(space) > 4:  # DeviceN attributes: its colorants' own spaces, its process space
        attributes = as_dict(space[4])
        parts += [("colorant", c) for c in as_dict(attributes.get("/Colorants")).values()]
        process = as_dict(attributes.get("/Process")).get("/ColorSpace")
        parts += [("process", process)] if process is not None else []
    for role, part in parts:
        inner, kind = describe_space(part, resources, depth + 1)
        if kind not in _PROCESS:
            return (f"{label}, {role} {inner}", kind)
    return (label, ColourKind.SPOT)


@dataclass
class _Found:
    colours: dict[tuple[str, str], ColourUse] = field(default_factory=dict)
    images: dict[tuple[object, str], ImageUse] = field(default_factory=dict)
    inline: int = 0
    patterns: set[object] = field(default_factory=set)
    fonts: set[object] = field(default_factory=set)  # Type 3 fonts walked


@dataclass(frozen=True)
class _Scope:
    """Where the walk is: resources, the matrix the stream started with, and how to name it."""

    resources: DictionaryObject
    base: Matrix
    where: str  # "content stream", "form Fm0", "pattern P1"
    inside: str = ""  # "" on the page itself, " in form Fm0" deeper
    path: str = ""  # "Fm0/Fm1" inside nested forms
    stack: tuple[object, ...] = ()  # forms and patterns being walked, against cycles

    def resource(self, category: str, name: object) -> tuple[object, DictionaryObject]:
        """The raw entry (for its object number) and the resolved dictionary."""
        entries = as_dict(self.resources.get(category))
        ref = entries.raw_get(name) if name in entries else None
        return ref, as_dict(ref)

    def enter(
        self, key: object, resources: DictionaryObject, base: Matrix, kind: str, name: str
    ) -> _Scope | None:
        """The scope of a form or pattern drawn from here; None for a cycle or deep nesting."""
        if key in self.stack or len(self.stack) >= MAX_DEPTH:
            return None
        path = f"{self.path}/{name}" if self.path else name
        return _Scope(
            resources, base, f"{kind} {path}", f" in {kind} {path}", path, (*self.stack, key)
        )


def page_content(
    page: PageObject, reader: PdfReader
) -> tuple[tuple[ColourUse, ...], tuple[ImageUse, ...]]:
    """Colour spaces used and images painted on the page, in the order first met."""
    walker = _Walker(reader, user_unit(page))
    resources = as_dict(page.get("/Resources"))
    walker.group(page, _Scope(resources, IDENTITY, "page"), "the page")
    contents = page.get_contents()
    if contents is not None:
        walker.walk(contents, _Scope(resources, IDENTITY, "content stream"))
    return tuple(walker.found.colours.values()), tuple(walker.found.images.values())


class _Walker:
    def __init__(self, reader: PdfReader, unit_mm: float) -> None:
        self.reader = reader
        self.unit_mm = unit_mm
        self.found = _Found()

    def colour(self, space: object, scope: _Scope, where: str | None = None) -> str:
        label, kind = describe_space(space, scope.resources)
        self.add_colour(label, kind, where or scope.where)
        return label

    def add_colour(self, label: str, kind: ColourKind, where: str) -> None:
        self.found.colours.setdefault((label, where), ColourUse(label, kind, where))

    def group(self, owner: DictionaryObject, scope: _Scope, what: str) -> None:
        """The blending colour space of a transparency group (``/Group /CS``): the page's or
        a form's; transparency in it is composited in that space before it is printed."""
        space = as_dict(owner.get("/Group")).get("/CS")
        if space is not None:
            self.colour(space, scope, f"the transparency group of {what}")

    def type3(self, name: object, size: float, ctm: Matrix, scope: _Scope) -> None:
        """A Type 3 font's glyph procedures, walked once per font where it is first set:
        each glyph is a content stream that may paint any colour, shading or inline image."""
        ref, font = scope.resource("/Font", name)
        if font.get("/Subtype") != "/Type3":
            return
        key = object_key(ref, _name(name))
        if key in self.found.fonts:
            return
        self.found.fonts.add(key)
        resources = as_dict(font.get("/Resources")) or scope.resources
        matrix = tuple(float(x) for x in font.get("/FontMatrix", (0.001, 0, 0, 0.001, 0, 0)))
        base = multiply(multiply(matrix, (size, 0.0, 0.0, size, 0.0, 0.0)), ctm)
        label = f"Type 3 font {_name(name)}" + (f" (object {key})" if isinstance(key, int) else "")
        procedures = as_dict(font.get("/CharProcs"))
        for glyph in procedures:
            inner = scope.enter((key, glyph), resources, base, "glyph", _name(glyph))
            procedure = procedures[glyph].get_object()
            if inner is None or not isinstance(procedure, StreamObject):
                continue
            inner = replace(inner, where=f"glyph {_name(glyph)} of {label}")
            inner = replace(inner, inside=f" in {inner.where}")
            self.walk(ContentStream(procedure, self.reader), inner)

    def walk(self, stream: ContentStream, scope: _Scope) -> None:
        ctm, saved = scope.base, []
        for operands, operator in stream.operations:
            if operator == b"q":
                saved.append(ctm)
            elif operator == b"Q":
                ctm = saved.pop() if saved else scope.base
            elif operator == b"cm" and len(operands) == 6:
                ctm = multiply(tuple(float(x) for x in operands), ctm)
            elif operator in _SET_COLOUR:
                self.colour(NameObject(_SET_COLOUR[operator]), scope)
            elif operator in (b"cs", b"CS") and operands and operands[0] != "/Pattern":
                self.colour(operands[0], scope)
            elif operator in (b"scn", b"SCN") and operands and isinstance(operands[-1], NameObject):
                self.pattern(operands[-1], scope)
            elif operator == b"sh" and operands:
                _, shading = scope.resource("/Shading", operands[0])
                where = f"shading {_name(operands[0])}{scope.inside}"
                self.colour(shading.get("/ColorSpace"), scope, where)
            elif operator == b"Do" and operands:
                self.xobject(operands[0], ctm, scope)
            elif operator == b"Tf" and len(operands) == 2:
                self.type3(operands[0], float(operands[1]), ctm, scope)
            elif operator == b"INLINE IMAGE" and isinstance(operands, dict):
                self.found.inline += 1
                where = f"inline image {self.found.inline}{scope.inside}"
                settings = as_dict(operands.get("settings"))
                self.image(("inline", self.found.inline), where, settings, ctm, scope)

    def xobject(self, name: object, ctm: Matrix, scope: _Scope) -> None:
        ref, xobject = scope.resource("/XObject", name)
        key = object_key(ref, _name(name))
        if xobject.get("/Subtype") == "/Image":
            self.image(key, f"image {_name(name)}{scope.inside}", xobject, ctm, scope)
        elif xobject.get("/Subtype") == "/Form":
            matrix = tuple(float(x) for x in xobject.get("/Matrix", IDENTITY))
            resources = as_dict(xobject.get("/Resources")) or scope.resources
            inner = scope.enter(key, resources, multiply(matrix, ctm), "form", _name(name))
            if inner is not None:
                self.group(xobject, inner, inner.where)
                self.walk(ContentStream(xobject, self.reader), inner)

    def pattern(self, name: object, scope: _Scope) -> None:
        ref, pattern = scope.resource("/Pattern", name)
        key = object_key(ref, _name(name))
        if key in self.found.patterns:
            return  # a pattern's content is the same wherever it is used
        self.found.patterns.add(key)
        if pattern.get("/PatternType") == 2:
            shading = as_dict(pattern.get("/Shading"))
            self.colour(shading.get("/ColorSpace"), scope, f"pattern {_name(name)}{scope.inside}")
        elif pattern.get("/PatternType") == 1:
            matrix = tuple(float(x) for x in pattern.get("/Matrix", IDENTITY))
            resources = as_dict(pattern.get("/Resources"))
            inner = scope.enter(
                key, resources, multiply(matrix, scope.base), "pattern", _name(name)
            )
            if inner is not None:
                self.walk(ContentStream(pattern, self.reader), inner)

    def image(
        self, key: object, where: str, image: DictionaryObject, ctm: Matrix, scope: _Scope
    ) -> None:
        width = int(image.get("/Width", image.get("/W", 0)))
        height = int(image.get("/Height", image.get("/H", 0)))
        if _flag(image.get("/ImageMask", image.get("/IM", False))):
            space = "stencil mask"  # painted in the current fill colour, already counted
        elif (colour_space := image.get("/ColorSpace", image.get("/CS"))) is not None:
            space = self.colour(colour_space, scope, where)
        else:  # JPEG 2000 carries its own colour space, which is not read here
            space = "JPX, own colour space"
            self.add_colour(space, ColourKind.UNKNOWN, where)
        placement = self.placement(width, height, ctm)
        if placement is None:
            return
        known = self.found.images.get((key, where))
        placements = (*known.placements, placement) if known else (placement,)
        self.found.images[(key, where)] = ImageUse(where, width, height, space, placements)

    def placement(self, width_px: int, height_px: int, ctm: Matrix) -> Placement | None:
        """The unit square the image fills, mapped by the CTM, measured in mm."""
        a, b, c, d, _, _ = ctm
        width_mm = math.hypot(a, b) * self.unit_mm
        height_mm = math.hypot(c, d) * self.unit_mm
        if width_mm <= 0 or height_mm <= 0 or width_px <= 0 or height_px <= 0:
            return None  # painted at no size: nothing prints
        ppi = min(width_px / width_mm, height_px / height_mm) * MM_PER_INCH
        return Placement(width_mm, height_mm, ppi)


def _flag(value: object) -> bool:
    """A PDF boolean as Python's (pypdf's BooleanObject(False) is truthy)."""
    return bool(getattr(value, "value", value))


def _name(name: object) -> str:
    return str(name).lstrip("/")
