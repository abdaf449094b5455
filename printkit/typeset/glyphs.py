"""The glyph data of a TrueType font, checked before any layout uses it.

ReportLab reads a font's tables when it registers it, but the glyph outlines only while it
subsets the font into a PDF, after every page has been laid out: a composite glyph that
points at glyph 60,000, or ``maxp.numGlyphs`` cut to 1, then ends in an IndexError deep in
the writer. ``problem`` walks every glyph as the subsetter would (``loca`` offsets inside
``glyf``, each composite's components inside the font and without a cycle, the character
map's glyphs inside the font), so that such a file is refused at the line naming it.
"""

from __future__ import annotations

import struct

#: Flags of a composite glyph's component (OpenType ``glyf``).
_ARGS_ARE_WORDS, _HAVE_SCALE, _MORE, _XY_SCALE, _TWO_BY_TWO = 0x1, 0x8, 0x20, 0x40, 0x80
#: Components nested deeper than this are a loop or an attack (fonts use 1 or 2 levels).
MAX_COMPONENT_DEPTH = 16


class _Bad(Exception):
    pass


def problem(data: bytes, char_to_glyph: dict[int, int] | None = None) -> str | None:
    """What is wrong with the font's glyph data, or None when every glyph can be read."""
    try:
        _check(data, char_to_glyph or {})
    except _Bad as exc:
        return str(exc)
    except (struct.error, IndexError, ValueError):
        return "its tables are cut short or point outside the file"
    return None


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    (count,) = struct.unpack_from(">H", data, 4)
    found = {}
    for i in range(count):
        tag, _sum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        if offset + length > len(data):
            raise _Bad(
                f"its {tag.decode('latin-1').strip()!r} table reaches past the end of the file"
            )
        found[tag] = (offset, length)
    return found


def _check(data: bytes, char_to_glyph: dict[int, int]) -> None:
    tables = _tables(data)
    for tag in (b"head", b"maxp", b"loca", b"glyf", b"hhea", b"hmtx"):
        if tag not in tables:
            raise _Bad(f"it has no {tag.decode().strip()!r} table")
    (glyphs,) = struct.unpack_from(">H", data, tables[b"maxp"][0] + 4)
    (long_offsets,) = struct.unpack_from(">h", data, tables[b"head"][0] + 50)
    (metrics,) = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)
    if glyphs == 0 or metrics == 0 or metrics > glyphs:
        raise _Bad(f"maxp counts {glyphs:,} glyphs but hhea {metrics:,} metrics")
    loca_at, loca_length = tables[b"loca"]
    size = 4 if long_offsets else 2
    if loca_length < size * (glyphs + 1):
        raise _Bad(f"its loca table holds fewer than the {glyphs:,} glyphs maxp says")
    raw = struct.unpack_from(f">{glyphs + 1}{'I' if long_offsets else 'H'}", data, loca_at)
    offsets = raw if long_offsets else tuple(2 * o for o in raw)
    glyf_at, glyf_length = tables[b"glyf"]
    if any(b < a for a, b in zip(offsets, offsets[1:], strict=False)) or offsets[-1] > glyf_length:
        raise _Bad("its loca table points outside the glyph data")
    components: dict[int, tuple[int, ...]] = {}
    for glyph in range(glyphs):
        start, end = offsets[glyph], offsets[glyph + 1]
        if end - start >= 10:
            (contours,) = struct.unpack_from(">h", data, glyf_at + start)
            if contours < 0:
                components[glyph] = _components(
                    data, glyf_at + start + 10, glyf_at + end, glyph, glyphs
                )
            elif contours > 0:
                _outline(data, glyf_at + start, glyf_at + end, glyph, contours)
        elif end != start:
            raise _Bad(f"glyph {glyph} is cut short")
    _acyclic(components)
    for char, glyph in char_to_glyph.items():
        if glyph >= glyphs:
            raise _Bad(f"U+{char:04X} maps to glyph {glyph:,}, beyond the font's {glyphs:,}")


def _outline(data: bytes, at: int, end: int, glyph: int, contours: int) -> None:
    """A simple glyph's contour ends and instructions inside its own data, with room for a
    flag byte at least (a count of 32,767 contours made the letter vanish from the PDF). The
    flags and coordinates are not walked: that would take seconds for a CJK font."""
    header = at + 10 + 2 * contours
    if header + 2 > end:
        raise _Bad(f"glyph {glyph} claims {contours:,} contours, more than its data holds")
    ends = struct.unpack_from(f">{contours}H", data, at + 10)
    if any(b < a for a, b in zip(ends, ends[1:], strict=False)):
        raise _Bad(f"glyph {glyph}'s contours end out of order")
    (instructions,) = struct.unpack_from(">H", data, header)
    if header + 2 + instructions + 1 > end:
        raise _Bad(f"glyph {glyph}'s outline is cut short")


def _components(data: bytes, at: int, end: int, glyph: int, glyphs: int) -> tuple[int, ...]:
    found = []
    while True:
        if at + 4 > end:
            raise _Bad(f"composite glyph {glyph} is cut short")
        flags, component = struct.unpack_from(">HH", data, at)
        if component >= glyphs:
            raise _Bad(
                f"glyph {glyph} is made of glyph {component:,}, beyond the font's {glyphs:,}"
            )
        found.append(component)
        at += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        at += (
            8
            if flags & _TWO_BY_TWO
            else 4
            if flags & _XY_SCALE
            else 2
            if flags & _HAVE_SCALE
            else 0
        )
        if not flags & _MORE:
            return tuple(found)


def _acyclic(components: dict[int, tuple[int, ...]]) -> None:
    depth: dict[int, int] = {}
    for root in components:
        stack = [(root, 0)]
        path: list[int] = []
        while stack:
            glyph, level = stack.pop()
            del path[level:]
            if glyph in path:
                raise _Bad(f"glyph {glyph} is made of itself (through its components)")
            if level > MAX_COMPONENT_DEPTH:
                raise _Bad(f"glyph {root}'s components nest more than {MAX_COMPONENT_DEPTH} deep")
            if depth.get(glyph, -1) >= 0 and glyph != root:
                continue  # already walked from another glyph, and found sound
            path.append(glyph)
            stack.extend((child, level + 1) for child in components.get(glyph, ()))
        depth[root] = 0
