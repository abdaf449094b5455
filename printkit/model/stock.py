"""Named badge stock: one table of sheet presets, each with its geometry and its source.

Geometry is in mm, offsets from the sheet's top-left corner (see ``SheetGeometry``); values
that sources give in inches are converted exactly with ``geometry.inch``. Where sources
disagree, the table keeps the value most of them agree on and says so in ``note``. A test
print on the real stock is the final word (``printkit calibrate``).

Names are looked up ignoring case, spaces and punctuation: "Avery L4785", "avery-l4785" and
"L4785" are the same sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from printkit.errors import PrintkitError
from printkit.errors import nearest as closest
from printkit.model.geometry import PAPER, SheetGeometry, Size, inch


@dataclass(frozen=True)
class Preset:
    sheet: SheetGeometry
    source: str  # where the numbers come from
    note: str = ""  # doubts, and where sources disagree
    aliases: tuple[str, ...] = ()  # other names the same sheet is sold under

    @property
    def name(self) -> str:
        return self.sheet.name


def _preset(
    name: str,
    paper: str,
    label: tuple[float, float],
    grid: tuple[int, int],
    first: tuple[float, float],
    pitch: tuple[float, float],
    radius: float | None,
    source: str,
    note: str = "",
    aliases: tuple[str, ...] = (),
) -> Preset:
    """One row of the table: label (w, h), grid (columns, rows), first label's (left, top)
    from the sheet's top-left corner, pitch (across, down), corner radius; all in mm."""
    sheet = SheetGeometry(
        name=name,
        paper=PAPER[paper],
        label=Size(*label),
        columns=grid[0],
        rows=grid[1],
        left=first[0],
        top=first[1],
        pitch_x=pitch[0],
        pitch_y=pitch[1],
        corner_radius=radius,
    )
    return Preset(sheet, source, note, aliases)


def _label(
    name: str,
    page: tuple[float, float],
    edge: float,
    radius: float | None,
    source: str,
    note: str = "",
    aliases: tuple[str, ...] = (),
) -> Preset:
    """A label printer's stock: one badge per page, the page the label's exact size (w, h in
    mm, as the badge reads: landscape for a landscape badge); ``edge`` mm along every side
    that the printer cannot print, which the badge keeps clear of."""
    sheet = SheetGeometry(
        name=name,
        paper=Size(*page),
        label=Size(page[0] - 2 * edge, page[1] - 2 * edge),
        columns=1,
        rows=1,
        left=edge,
        top=edge,
        pitch_x=page[0] - 2 * edge,
        pitch_y=page[1] - 2 * edge,
        corner_radius=radius,
    )
    return Preset(sheet, source, note, aliases)


def one_per_page(sheet: SheetGeometry) -> bool:
    """A label printer's stock: one label, the page around it only its unprintable edges."""
    return (
        sheet.columns == sheet.rows == 1
        and abs(sheet.paper.width - sheet.label.width - 2 * sheet.left) < 1e-6
        and abs(sheet.paper.height - sheet.label.height - 2 * sheet.top) < 1e-6
    )


#: Brother QL-series printers leave about 1.5 mm unprinted along each edge of the tape.
QL_EDGE = 1.5
QL_LENGTH = 100.0  # mm: the default length cut from the 62 mm continuous tape

LABEL_PRINTERS: tuple[Preset, ...] = (
    _label(
        "Brother DK-11234",
        (86.0, 60.0),
        QL_EDGE,
        None,
        "Brother: DK-11234 name badge labels, 60 × 86 mm die-cut, for the QL series",
        "the page is landscape (86 × 60 mm): set the driver's orientation to landscape;"
        " 1.5 mm unprintable edges kept clear",
        aliases=("DK-11234", "DK11234"),
    ),
    _label(
        "Brother DK-11202",
        (100.0, 62.0),
        QL_EDGE,
        None,
        "Brother: DK-11202 shipping labels, 62 × 100 mm die-cut",
        "landscape page (100 × 62 mm); 1.5 mm unprintable edges kept clear",
        aliases=("DK-11202", "DK11202"),
    ),
    _label(
        "Brother QL 62 mm continuous",
        (QL_LENGTH, 62.0),
        QL_EDGE,
        0.0,
        "Brother: DK-22205 continuous paper tape, 62 mm wide, cut at any length",
        "length 100 mm unless badges: {sheet: {preset: …, width: LENGTH}} chooses another;"
        " 1.5 mm unprintable edges kept clear",
        aliases=("DK-22205", "DK22205", "Brother 62 mm", "QL 62"),
    ),
    _label(
        "Zebra 4 × 3 in",
        (inch(4), inch(3)),
        0.0,
        None,
        "Zebra direct thermal labels 4 × 3 in (101.6 × 76.2 mm), one per page",
        aliases=("Zebra 4x3", "4x3 in"),
    ),
    _label(
        "Zebra 4 × 6 in",
        (inch(4), inch(6)),
        0.0,
        None,
        "Zebra direct thermal labels 4 × 6 in (101.6 × 152.4 mm), portrait, one per page",
        aliases=("Zebra 4x6", "4x6 in"),
    ),
    _label(
        "Dymo 30856",
        (106.0, 62.0),
        0.0,
        None,
        "Dymo 30856 name badge cards 62 × 106 mm (issue 12; glabels gives the same size)",
        "the page is landscape (106 × 62 mm), as the badge reads; glabels has the card"
        " portrait: set the driver's orientation to landscape",
        aliases=("30856", "Dymo LabelWriter 30856"),
    ),
)

# CR80 cards (ISO/IEC 7810 ID-1) 2 × 5 on A4: printkit's own layout, centred on the sheet,
# with a 10 mm gutter between the columns and 3 mm between the rows for cutting.
_CR80 = Size(85.6, 53.98)
_CR80_GUTTER = (10.0, 3.0)
_CR80_FIRST = (
    (PAPER["A4"].width - 2 * _CR80.width - _CR80_GUTTER[0]) / 2,
    (PAPER["A4"].height - 5 * _CR80.height - 4 * _CR80_GUTTER[1]) / 2,
)

PRESETS: tuple[Preset, ...] = (
    _preset(
        "Avery 5395",
        "Letter",
        label=(inch(3.375), inch(7 / 3)),
        grid=(2, 4),
        first=(inch(0.6875), inch(7 / 12)),
        pitch=(inch(3.75), inch(2.5)),
        radius=inch(0.1875),
        source="glabels and LibreOffice labels agree; height 2 1/3 in and top 7/12 in"
        " (PRINT.md rounds them to 2.333 and 0.5833 in)",
        note="unverified: Avery's own template reads top 0.5625 in and vertical pitch ≈ 2.52 in",
        aliases=("Avery 8395", "Avery 5095", "5395", "8395", "5095"),
    ),
    _preset(
        "Avery 5392",
        "Letter",
        label=(inch(4), inch(3)),
        grid=(2, 3),
        first=(inch(0.25), inch(1.0)),
        pitch=(inch(4), inch(3)),
        radius=None,
        source="LibreOffice labels; pretix's Avery 74459 has the same geometry",
        note="corner radius not stated by any source",
        aliases=("Avery 5384", "Avery 74540", "5392", "5384", "74540"),
    ),
    _preset(
        "Avery L4785",
        "A4",
        label=(80.0, 50.0),
        grid=(2, 5),
        first=(17.5, 13.5),
        pitch=(95.0, 55.0),
        radius=4.0,
        source="pretix; glabels (size, pitch, radius 4 mm)",
        note="glabels puts the first label at 18 / 13 mm; pretix's 17.5 / 13.5 mm centres"
        " the labels on the sheet",
        aliases=("L4785",),
    ),
    _preset(
        "Avery L7418",
        "A4",
        label=(86.0, 55.0),
        grid=(2, 4),
        first=(19.0, 38.5),
        pitch=(86.0, 55.0),
        radius=None,
        source="LibreOffice labels",
        note="single source; corner radius not stated",
        aliases=("L7418",),
    ),
    _preset(
        "Zweckform 32015",
        "A4",
        label=(85.0, 54.0),
        grid=(2, 4),
        first=(17.0, 31.5),
        pitch=(91.0, 60.0),
        radius=0.0,
        source="glabels (Zweckform and Avery 32015, C32015; square corners)",
        aliases=("Avery Zweckform 32015", "Avery 32015", "C32015", "32015"),
    ),
    _preset(
        "Durable 1445-02",
        "A4",
        label=(90.0, 54.0),
        grid=(2, 5),
        first=(15.0, 12.0),
        pitch=(90.0, 54.0),
        radius=None,
        source="pretix (Durable Badgemaker 54 × 90 mm)",
        note="corner radius not stated; 15 mm at the bottom, 12 mm at the top",
        aliases=("1445-02",),
    ),
    _preset(
        "Durable 1456-02",
        "A4",
        label=(90.0, 60.0),
        grid=(2, 4),
        first=(15.0, 28.5),
        pitch=(90.0, 60.0),
        radius=None,
        source="pretix (Durable Badgemaker 60 × 90 mm)",
        note="corner radius not stated",
        aliases=("1456-02",),
    ),
    _preset(
        "Herma 4412",
        "A4",
        label=(80.0, 50.0),
        grid=(2, 5),
        first=(17.5, 13.5),
        pitch=(95.0, 55.0),
        radius=None,
        source="pretix",
        note="single source; corner radius not stated",
        aliases=("4412",),
    ),
    _preset(
        "A6 on A4",
        "A4",
        label=(105.0, 148.5),
        grid=(2, 2),
        first=(0.0, 0.0),
        pitch=(105.0, 148.5),
        radius=0.0,
        source="pretix (4 portrait A6 on A4)",
        note="a quarter of A4 (105 × 148.5 mm), half a millimetre taller than A6;"
        " cut with a guillotine, the badges touch the paper's edges",
        aliases=("A6",),
    ),
    _preset(
        "A7 on A4",
        "A4",
        label=(105.0, 74.25),
        grid=(2, 4),
        first=(0.0, 0.0),
        pitch=(105.0, 74.25),
        radius=0.0,
        source="pretix (8 landscape A7 on A4)",
        note="an eighth of A4 (105 × 74.25 mm), a quarter of a millimetre taller than A7;"
        " cut with a guillotine, the badges touch the paper's edges",
        aliases=("A7",),
    ),
    _preset(
        "CR80 on A4",
        "A4",
        label=(_CR80.width, _CR80.height),
        grid=(2, 5),
        first=_CR80_FIRST,
        pitch=(_CR80.width + _CR80_GUTTER[0], _CR80.height + _CR80_GUTTER[1]),
        radius=3.18,
        source="printkit's own layout: ISO/IEC 7810 ID-1 cards (85.6 × 53.98 mm, corner"
        " radius 3.18 mm) centred on A4, gutters 10 mm across and 3 mm down for cutting",
        aliases=("CR80", "ID-1", "ID1"),
    ),
)


def slug(name: str) -> str:
    """A sheet's name as part of a file name: "Avery L4785" → "avery-l4785"."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "sheet"


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def _index(presets: tuple[Preset, ...]) -> dict[str, Preset]:
    index: dict[str, Preset] = {}
    for preset in presets:
        for name in (preset.name, *preset.aliases):
            key = _key(name)
            if key in index and index[key] is not preset:
                raise ValueError(f"{name!r} names both {index[key].name} and {preset.name}")
            index[key] = preset
    return index


PRESETS = PRESETS + LABEL_PRINTERS
_INDEX = _index(PRESETS)


class UnknownSheetError(PrintkitError):
    """A sheet name not in the table; suggests the nearest name."""

    exit_code = 2

    def __init__(self, name: str) -> None:
        self.name = name
        self.suggestion = nearest(name)
        super().__init__(self.message())

    def message(self) -> str:
        if self.suggestion:
            return (
                f"{self.name!r} is not a sheet printkit knows; did you mean"
                f" {self.suggestion!r}? (printkit sheets lists them all)"
            )
        return f"{self.name!r} is not a sheet printkit knows; printkit sheets lists them all"


def nearest(name: str) -> str | None:
    """The preset whose name (or alias) is closest to ``name``, if any is close."""
    match = closest(_key(name), _INDEX)
    return _INDEX[match].name if match else None


def find_or_none(name: str) -> Preset | None:
    return _INDEX.get(_key(name))


def find(name: str) -> Preset:
    """The preset called ``name`` (case, spaces and punctuation ignored)."""
    preset = _INDEX.get(_key(name))
    if preset is None:
        raise UnknownSheetError(name)
    return preset


#: The default badge stock: 90 × 54 mm, 2 × 5 on A4.
DEFAULT_SHEET = find("Durable 1445-02").sheet
