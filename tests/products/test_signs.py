"""The signs of an event, read as their readers read them: one set of type sizes for all the
tents and one for all the posters, the speakers named on each, the call to action beside its
code, balanced title lines, and the paper asked for."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from tests.conftest import SEED, run
from tests.pdfread import MM, find_text, flat, glyphs, page_count, page_size_mm, qr_codes, text
from tests.products.programme_events import conference, write

CTA = "Scan"  # the English call to action's first word: "Scan the code for the programme"
CTA_END = "programme"  # and its last, where the words end beside the code


def _signs(folder: Path, data: dict) -> Path:
    result = run("tent", write(folder, data), "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out"


@pytest.fixture(scope="module")
def signs(tmp_path_factory) -> tuple[dict, Path]:
    data = conference(rooms=3, slots=3, panel=3)
    data["sessions"][4]["title"] = "Opening keynote: The next ten years of the web"
    data["sessions"][5]["panelists"] = data["sessions"][5]["panelists"][:1]  # panels differ
    return data, _signs(tmp_path_factory.mktemp("signs"), data)


def _sizes(pdf: Path, page: int, word: str) -> list[float]:
    """The font size (pt) each occurrence of ``word`` is set at on the page."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[page].get_textpage()
        searcher = textpage.search(word, match_case=True)
        sizes = []
        while (hit := searcher.get_next()) is not None:
            sizes.append(round(pdfium_c.FPDFText_GetFontSize(textpage.raw, hit[0]), 2))
        return sizes
    finally:
        doc.close()


def _title_size(pdf: Path, page: int, title: str) -> float:
    return max(_sizes(pdf, page, title.split()[0]))


def test_the_tents_of_an_event_share_their_type_sizes(signs):
    data, out = signs
    pdf = out / "tents.pdf"
    assert page_count(pdf) == len(data["sessions"])
    order = sorted(data["sessions"], key=lambda s: (s["venue"]["name"], s["start"]))
    titles = {_title_size(pdf, page, s["title"]) for page, s in enumerate(order)}
    ctas = {size for page in range(page_count(pdf)) for size in _sizes(pdf, page, CTA)}
    panels = {size for page in range(page_count(pdf)) for size in _sizes(pdf, page, "Panel:")}
    assert len(titles) == 1 and len(ctas) == 1 and len(panels) == 1, (titles, ctas, panels)


def test_the_posters_of_an_event_share_their_type_sizes(signs):
    data, out = signs
    pdf = out / "posters.pdf"
    rooms = sorted({s["venue"]["name"] for s in data["sessions"]})
    assert page_count(pdf) == len(rooms)
    heads = {max(_sizes(pdf, page, room)) for page, room in enumerate(rooms)}
    ctas = {size for page in range(page_count(pdf)) for size in _sizes(pdf, page, CTA)}
    titles = set()
    for page, room in enumerate(rooms):
        for session in (s for s in data["sessions"] if s["venue"]["name"] == room):
            titles.add(_title_size(pdf, page, session["title"]))
    assert len(heads) == 1 and len(ctas) == 1 and len(titles) == 1, (heads, ctas, titles)


def test_every_sign_names_the_panel_and_the_moderator(signs):
    data, out = signs
    tents = out / "tents.pdf"
    bodies = [flat(text(tents, page)) for page in range(page_count(tents))]
    for session in data["sessions"]:
        mine = [b for b in bodies if session["title"] in b]
        assert len(mine) == 1, session["title"]
        names = [p["name"] for p in session["panelists"]] + [session["moderator"]["name"]]
        for name in names:
            assert mine[0].count(name) == 2, name  # on both faces of the tent
    posters = " ".join(
        flat(text(out / "posters.pdf", p)) for p in range(page_count(out / "posters.pdf"))
    )
    for session in data["sessions"]:
        assert session["moderator"]["name"] in posters


@pytest.mark.parametrize("name", ["tents.pdf", "posters.pdf"])
def test_the_call_to_action_stands_beside_its_code(signs, name):
    _, out = signs
    pdf = out / name
    for page in range(page_count(pdf)):
        codes = qr_codes(pdf, page, dpi=150)
        ctas = find_text(pdf, CTA_END, page)
        assert codes and len(ctas) == len(codes), page
        for left, bottom, right, top in ctas:
            near = min(codes, key=lambda c: abs(c.centre[1] - (bottom + top) / 2))
            half = near.width_mm / 2
            if right < near.centre[0]:  # upright: the words end left of the code
                gap = (near.centre[0] - half) - right
            else:  # the tent's upper face, turned: they start right of it
                gap = left - (near.centre[0] + half)
            assert 0 < gap < 20, (page, gap)
            assert near.centre[1] - half - 1 < (bottom + top) / 2 < near.centre[1] + half + 1


def test_an_english_poster_names_its_room_without_a_preposition(signs):
    _, out = signs
    pdf = out / "posters.pdf"
    for page in range(page_count(pdf)):
        body = flat(text(pdf, page))
        assert "Today" not in body and " at Room" not in body
        assert body.startswith(f"Conference of 3 rooms Room {'ABC'[page]} ")


def test_titles_break_into_balanced_lines(tmp_path, signs):
    _, out = signs
    pdf = out / "tents.pdf"
    for page in range(page_count(pdf)):
        body = text(pdf, page)
        if "Opening keynote:" in body:
            lines = [line.strip() for line in body.splitlines()]
            assert "Opening keynote:" in lines  # broken after the colon
            assert "The next ten years of the web" in lines
            break
    else:
        pytest.fail("no tent carries the keynote")
    result = run("tent", SEED, "-o", tmp_path, "--sign", "poster")
    assert result.exit_code == 0, result.output
    poster = tmp_path / "poster.pdf"
    big = [g for g in glyphs(poster) if g.top - g.bottom > 8.0]  # the title's glyphs
    rows: list[list] = []
    for g in sorted(big, key=lambda g: -(g.top + g.bottom)):
        if rows and abs((rows[-1][0].top + rows[-1][0].bottom) - (g.top + g.bottom)) < 12:
            rows[-1].append(g)
        else:
            rows.append([g])
    widths = [max(g.right for g in row) - min(g.left for g in row) for row in rows if len(row) > 2]
    assert len(widths) >= 2 and min(widths) / max(widths) > 0.5, widths  # no word alone


@pytest.mark.parametrize(
    ("paper", "tent", "poster"),
    [("Letter", (279.4, 215.9), (279.4, 431.8)), ("A4", (297.0, 210.0), (297.0, 420.0))],
)
def test_signs_on_the_paper_asked_for(tmp_path, paper, tent, poster):
    data = conference(rooms=2, slots=2)
    data["sign"] = {"paper": paper}
    out = _signs(tmp_path, data)
    for name, size in (("tents.pdf", tent), ("posters.pdf", poster)):
        for page in range(page_count(out / name)):
            assert page_size_mm(out / name, page) == pytest.approx(size, abs=0.01), name
    assert MM  # points per mm, as the sizes above were read


def test_each_tent_turns_its_own_face_not_the_one_before(signs):
    """A tent's upper face is its lower face turned (drawn once, written again): on every
    sheet the two halves hold the same letters, and the sheets differ by session."""
    _, out = signs
    pdf = out / "tents.pdf"
    _, height = page_size_mm(pdf)
    faces = []
    for page in range(page_count(pdf)):
        chars = [g for g in glyphs(pdf, page) if g.char.strip()]
        lower = sorted(g.char for g in chars if g.top < height / 2)
        upper = sorted(g.char for g in chars if g.bottom > height / 2)
        assert lower and lower == upper, page
        faces.append("".join(lower))
    assert len(set(faces)) == len(faces)  # no two sessions' faces alike
