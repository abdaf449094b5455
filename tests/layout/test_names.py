"""Names mended to title case (``badges: {name: {case: title}}``) and affiliations broken for
balance, as a reader of the badge sees them."""

from __future__ import annotations

import pytest

from printkit.layout.names import title_case
from printkit.layout.text import balanced_lines, width_mm, wrap
from printkit.typeset.fonts import typeface
from tests.conftest import run
from tests.pdfread import text


@pytest.mark.parametrize(
    "typed, printed",
    [
        ("yuki mensah", "Yuki Mensah"),
        ("CHLOÉ DUBOIS", "Chloé Dubois"),
        ("ludwig van beethoven", "Ludwig van Beethoven"),
        ("MARIA VON TRAPP", "Maria von Trapp"),
        ("karen af klint", "Karen af Klint"),
        ("pieter de vries", "Pieter de Vries"),
        ("anna van der berg", "Anna van der Berg"),
        ("sean o'brien", "Sean O'Brien"),
        ("RONALD MCDONALD", "Ronald McDonald"),
        ("JEAN-BAPTISTE POQUELIN", "Jean-Baptiste Poquelin"),
        ("gabriel garcía márquez", "Gabriel García Márquez"),
        ("mia al-sayed", "Mia Al-Sayed"),
        ("DE LA CRUZ", "De la Cruz"),  # a particle that starts the name is capitalised
        # mixed case is someone's own spelling: left alone
        ("Ann van Dijk", "Ann van Dijk"),
        ("bell Hooks", "bell Hooks"),
        ("Mia Al-Sayed", "Mia Al-Sayed"),
    ],
)
def test_title_case_mends_all_lower_and_all_upper_names_with_the_usual_exceptions(typed, printed):
    assert title_case(typed) == printed


def test_a_family_name_set_apart_keeps_its_particle_lower_case():
    assert title_case("van beethoven", "ludwig van beethoven", first=False) == "van Beethoven"


def test_case_title_on_the_badge(event_dir):
    (event_dir / "people.csv").write_text(
        "Name,Company\nyuki mensah,Kyoto University\nCHLOÉ DUBOIS,Inria\nAnn van Dijk,KL\n",
        encoding="utf-8",
    )
    path = event_dir / "event.yaml"
    body = path.read_text(encoding="utf-8").replace(
        "  sort: as-given\n", "  sort: as-given\n  name: {case: title}\n"
    )
    path.write_text(body + "\nattendees: people.csv\n", encoding="utf-8")
    result = run("badges", path, "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    printed = text(event_dir / "out" / "badges.pdf").splitlines()
    for name in ("Yuki Mensah", "Chloé Dubois", "Ann van Dijk"):
        assert name in printed
    assert "yuki mensah" not in printed and "CHLOÉ DUBOIS" not in printed
    path.write_text(body.replace("{case: title}", "{case: titel}") + "\nattendees: people.csv\n")
    bad = run("badges", path, "-o", event_dir / "o2")
    assert bad.exit_code == 2
    assert bad.output.endswith(
        "badges.name.case: 'titel' is not one of as-given, upper, title; did you mean 'title'?\n"
    )


def test_affiliation_breaks_for_balance_not_greedily():
    face = typeface()
    width, size = 84.0, 8.5
    # words are added until greedy breaking leaves the last one alone on the second line
    words = [
        "Head",
        "of",
        "Digital",
        "Passenger",
        "Information",
        "and",
        "Customer",
        "Services",
        "Deutsche",
        "Bahn",
    ]
    orphaned = None
    for n in range(2, len(words) + 1):
        lines = [ln[0][1] for ln in wrap(face, [(" ".join(words[:n]), "regular")], width, size)]
        if len(lines) == 2 and " " not in lines[1]:
            orphaned = " ".join(words[:n])
            break
    assert orphaned is not None
    first, second = balanced_lines(face, orphaned, "regular", width, size)
    assert len(second.split()) >= 2
    widths = [width_mm(face, line, "regular", size) for line in (first, second)]
    assert max(widths) <= width
    greedy = [ln[0][1] for ln in wrap(face, [(orphaned, "regular")], width, size)]
    assert max(widths) < width_mm(face, greedy[0], "regular", size)


def test_a_title_and_organisation_break_after_the_comma(event_dir):
    (event_dir / "people.csv").write_text(
        "Name,Title,Company\nMia Al-Sayed,Head of Passenger Information Systems,"
        "Deutsche Bahn Systel GmbH\n",
        encoding="utf-8",
    )
    path = event_dir / "event.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nattendees: people.csv\n", "utf-8")
    result = run("badges", path, "-o", event_dir / "out", "--only", "name=Mia")
    assert result.exit_code == 0, result.output
    lines = text(event_dir / "out" / "badges-only.pdf").splitlines()
    at = lines.index("Mia Al-Sayed")
    assert lines[at + 1 : at + 3] == [
        "Head of Passenger Information Systems,",
        "Deutsche Bahn Systel GmbH",
    ]
