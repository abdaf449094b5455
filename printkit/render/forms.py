"""What a file draws once and places many times, as form XObjects: a placed picture, and a
group that many pieces carry (``Group.repeated``: the band and foot of every badge of a
role). A badge's own content is then its lines, its code and a few ``Do``s: smaller pages,
compressed and copied faster."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reportlab.lib.rl_accel import fp_str
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printkit.layout.items import Group, Image, Item, Trap
from printkit.read.images import is_vector, pdf_source
from printkit.render.glyphs import prepare_trap
from printkit.render.ops import REGISTRATION, colour
from printkit.typeset.fonts import Typeface

#: draws items on the canvas (``render.pdf._draw``), or a group in place
Draw = Callable[[Canvas, Iterable[Item], Typeface], None]
DrawGroup = Callable[[Canvas, Group, Typeface], None]


def image_form(canvas: Canvas, path: Path) -> str:
    """The form of a picture (1000 units square), drawn on its first use in the file."""
    forms = canvas.__dict__.setdefault("_printkit_forms", {})
    name = forms.get(path)
    if name is None:
        name = f"pkimg{len(forms)}"
        canvas.beginForm(name, 0, 0, 1000, 1000)
        canvas.drawImage(ImageReader(pdf_source(path)), 0, 0, 1000, 1000, mask="auto")
        canvas.endForm()
        forms[path] = name
    return name


def place_repeated(
    canvas: Canvas, item: Group, face: Typeface, draw: Draw, in_place: DrawGroup
) -> None:
    """``item`` (an unturned, repeated group) drawn into a form on its first use in the file,
    and the form placed. Looked up by identity first (the layout shares one object), then by
    value. A group that paints a spot ink (registration) is drawn in place (``in_place``):
    the ink names itself in the page's resources."""
    by_id, by_value = canvas.__dict__.setdefault("_printkit_parts", ({}, {}))
    found = by_id.get(id(item))
    if found is not None and found[0] is item:
        name = found[1]
    else:
        name = by_value.get(item)
        if name is None:
            name = by_value[item] = "" if _spot(item.items) else f"pkpart{len(by_value)}"
            by_id[id(item)] = (item, name)  # (the group kept: its id is not reused)
            if name:
                _prepared(canvas, item.items, face)  # the forms it places, made first
                width, height = canvas._pagesize
                canvas.beginForm(name, -width, -height, 2 * width, 2 * height)  # bleed too
                draw(canvas, item.items, face)
                canvas.endForm()
    if not name:
        in_place(canvas, item, face)
    elif item.offset != (0.0, 0.0):
        canvas.addLiteral(f"q 1 0 0 1 {fp_str(item.offset[0] * mm, item.offset[1] * mm)} cm")
        canvas.doForm(name)
        canvas.addLiteral("Q")
    else:
        canvas.doForm(name)


def _spot(items: Iterable[Item]) -> bool:
    """Whether any of the items (or of their groups') paints in registration colour."""
    for item in items:
        if isinstance(item, Group):
            if _spot(item.items):
                return True
            continue
        if isinstance(item, Trap):
            inks = (item.colour, item.text.colour)
        else:
            inks = tuple(getattr(item, key, None) for key in ("colour", "fill", "stroke"))
        if REGISTRATION in inks:
            return True
    return False


def _prepared(canvas: Canvas, items: Iterable[Item], face: Typeface) -> None:
    """The forms the items place (pictures, traps) made before a form that places them is
    begun, so that no form is begun inside another."""
    for item in items:
        if isinstance(item, Image) and not is_vector(item.path):
            image_form(canvas, item.path)
        elif isinstance(item, Trap):
            prepare_trap(canvas, item, face, colour(item.colour))
        elif isinstance(item, Group):
            _prepared(canvas, item.items, face)
