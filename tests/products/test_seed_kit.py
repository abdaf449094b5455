"""The seed event's kit, read back as its readers see it."""

from __future__ import annotations

import yaml

from tests.conftest import SEED
from tests.pdfread import flat, glyphs, page_count, page_size_mm, qr_codes, text

SEED_DATA = yaml.safe_load(SEED.read_text(encoding="utf-8"))
URL = "https://folkemoedet.dk/"
PEOPLE = [p["name"] for p in SEED_DATA["panelists"]] + [SEED_DATA["moderator"]["name"]]


def test_programme_is_one_a4_page(seed_out):
    pdf = seed_out / "programme.pdf"
    assert page_count(pdf) == 1
    width, height = page_size_mm(pdf)
    assert round(width, 1) == 210.0 and round(height, 1) == 297.0


def test_programme_carries_every_fact_with_its_characters(seed_out):
    body = flat(text(seed_out / "programme.pdf"))
    expected = [
        "Disruption i kommunerne – it-monstre eller nuttede robotsæler?",
        "Digitaliseringsstrategi i den kommunale sektor – muligheder og dilemmaer",
        "Torsdag den 15. juni 2017 kl. 14.00–15.00",
        "KL's telt ved Allinge Røgeri (F2)",
        "Folkemødet 2017",
        "Gearskifte:",
        "Kommunale it-løsninger:",
        "Udfordringer og dilemmaer:",
        "Komiteen har knyttet et panel af kompetente digitaliseringseksperter til sig.",
        "Bestyrelsesforeningen",
        "Fokus på værdiskabelse, ledelse og governance",
        "Panel",
        "Ordstyrer",
        "Arrangør",
        "Professor, CBS og medlem af regeringens Disruptionråd",
    ]
    for phrase in expected + PEOPLE:
        assert phrase in body, phrase
    for question in SEED_DATA["questions"]:
        assert flat(question["text"]) in body, question["lead"]
    for paragraph in SEED_DATA["text"].split("\n\n"):
        assert flat(paragraph) in body


def test_no_typo_from_the_announcement(seed_out):
    body = text(seed_out / "programme.pdf")
    assert "FØRENINGEN" not in body.upper()
    assert "ekspertter" not in body


def test_programme_qr_decodes_to_the_event_url(seed_out):
    codes = qr_codes(seed_out / "programme.pdf")
    assert [c.text for c in codes] == [URL]
    assert codes[0].width_mm >= 28.0  # read at arm's length


def test_programme_text_stays_on_the_page(seed_out):
    for g in glyphs(seed_out / "programme.pdf"):
        assert g.left >= 10.0 and g.right <= 200.0 and g.bottom >= 8.0 and g.top <= 290.0, g


def test_badges_have_every_person_once(seed_out):
    body = flat(text(seed_out / "badges.pdf"))
    for name in PEOPLE:
        assert body.count(name) == 1, name
    assert body.count("Paneldeltager") == 5
    assert body.count("Ordstyrer") == 1
    assert "Torsdag den 15. juni 2017 kl. 14.00–15.00" in body


def test_tent_faces_read_upright_from_both_sides(seed_out):
    pdf = seed_out / "tent.pdf"
    width, height = page_size_mm(pdf)
    assert (round(width), round(height)) == (297, 210)
    chars = glyphs(pdf)
    title_start = "Disruption"
    lower, upper = [], []
    for i in range(len(chars) - len(title_start)):
        if "".join(c.char for c in chars[i : i + len(title_start)]) == title_start:
            run = chars[i : i + len(title_start)]
            (lower if run[0].bottom < 105 else upper).append(run)
    assert len(lower) == 1 and len(upper) == 1
    # lower face: reads left to right; upper face: turned 180°, reads right to left
    assert lower[0][0].left < lower[0][-1].left
    assert upper[0][0].left > upper[0][-1].left
    # the two faces mirror each other through the sheet's centre
    a, b = lower[0][0], upper[0][0]
    assert abs((a.left + b.right) - 297) < 0.5 and abs((a.bottom + b.top) - 210) < 0.5


def test_tent_qr_codes_are_large_and_decode(seed_out):
    codes = qr_codes(seed_out / "tent.pdf", dpi=150)
    assert sorted(c.text for c in codes) == [URL, URL]
    assert all(c.width_mm >= 60.0 for c in codes), [c.width_mm for c in codes]
    assert sorted(round(c.centre[1] > 105) for c in codes) == [0, 1]  # one code on each face


def test_tent_content_keeps_off_the_fold(seed_out):
    for g in glyphs(seed_out / "tent.pdf"):
        assert not (g.bottom < 105 < g.top), g
        assert abs(g.bottom - 105) > 5 and abs(g.top - 105) > 5, g


def test_poster_variant(tmp_path):
    from tests.conftest import run

    result = run("tent", SEED, "-o", tmp_path, "--sign", "poster")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "poster.pdf"
    assert result.output.strip() == str(pdf)
    width, height = page_size_mm(pdf)
    assert (round(width), round(height)) == (297, 420)
    codes = qr_codes(pdf, dpi=100)
    assert [c.text for c in codes] == [URL]
    assert codes[0].width_mm >= 150.0
    assert "Torsdag den 15. juni 2017 kl. 14.00–15.00" in flat(text(pdf))
