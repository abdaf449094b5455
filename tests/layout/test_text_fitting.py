"""Text fitting by rule: properties over many names, and a few hundred hard names on real badges."""

from __future__ import annotations

import random

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from printkit.layout.text import _candidates, break_points, fit_block, wrap
from printkit.model.geometry import PT
from printkit.read.event import DEFAULT_SHEET
from printkit.typeset.fonts import typeface
from tests.conftest import run
from tests.pdfread import flat, text
from tests.products.test_badges import assert_glyphs_in_safe_areas

FACE = typeface()
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåäöüéèçñłżźśćńąęþðßÆØÅÉŁŻΑΒΓΔαβγδεζηθλμπσωЖЗИЙКЛжзийклмн"
word = st.text(alphabet=LETTERS, min_size=1, max_size=18)
names = st.lists(word, min_size=1, max_size=5).map(" ".join)
hyphenated = st.lists(word, min_size=2, max_size=3).map("-".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(names, hyphenated, st.tuples(names, hyphenated).map(" ".join)))
def test_fit_block_keeps_every_character_and_the_width(name):
    fitted = fit_block(FACE, name, "bold", 84.0, 22.0, 11.0, 2)
    if fitted is None:
        # nothing fits: then even the narrowest split is too wide at the minimum size
        one_line = FACE.width(name, "bold", 11.0) * PT
        assert one_line > 84.0
        return
    assert 11.0 <= fitted.size <= 22.0
    assert 1 <= len(fitted.lines) <= 2
    for line in fitted.lines:
        assert FACE.width(line, "bold", fitted.size) * PT <= 84.0 + 1e-6
        assert not line.startswith(" ") and not line.endswith(" ")
    joined = (
        fitted.lines[0]
        if len(fitted.lines) == 1
        else (fitted.lines[0] + ("" if fitted.lines[0].endswith("-") else " ") + fitted.lines[1])
    )
    assert joined == name


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet=LETTERS + " ", min_size=1, max_size=60),
            st.sampled_from(["regular", "bold"]),
        ),
        min_size=1,
        max_size=4,
    ),
    st.floats(30, 180),
)
def test_wrap_never_exceeds_its_width_unless_a_word_is_wider(spans, width):
    lines = wrap(FACE, spans, width, 10.0)
    ink = "".join("".join(t for t, _ in spans).split())
    assert "".join("".join(t.split()) for line in lines for _, t, _ in line) == ink  # nothing lost
    for line in lines:
        x, last, style = line[-1]
        used = x + FACE.width(last, style, 10.0) * PT
        if used > width + 1e-6:  # only a single over-long word may stick out
            assert len(line) == 1 and " " not in line[0][1].strip()


def hard_names(count: int, seed: int = 2017) -> list[str]:
    """Long double-barrelled, particled, accented, Greek and Cyrillic names, reproducibly."""
    rng = random.Random(seed)
    given_names = [
        "Zoë",
        "Łukasz",
        "Maximilian",
        "Αικατερίνη",
        "Александра",
        "Jean-Baptiste",
        "Ólafur",
        "Søren",
        "Åse",
        "Þórdís",
        "Mária",
        "Gülşen",
        "Dmitrij",
        "Ng",
        "Yi",
    ]
    particles = ["", "", "von ", "van der ", "de ", "af "]
    family = [
        "Ångström-Þórsdóttir",
        "Żółkiewski-Brzęczyszczykiewicz",
        "Hohenzollern-Sigmaringen",
        "Παπαδοπούλου",
        "Рождественская",
        "Kildesgaard",
        "Ørsted",
        "Li",
        "Bardenfleth-Østergaard",
        "Müller-Lüdenscheidt",
    ]
    result = []
    for _ in range(count):
        middle = rng.choice(["", "", rng.choice(given_names) + " "])
        result.append(
            f"{rng.choice(given_names)} {middle}{rng.choice(particles)}{rng.choice(family)}"
        )
    return result


def test_a_few_hundred_hard_names_stay_inside_their_badges(event_dir):
    people = hard_names(300)
    data = yaml.safe_load((event_dir / "event.yaml").read_text(encoding="utf-8"))
    data["panelists"] = [
        {"name": n, "title": "Direktør", "organisations": ["Kommunernes Landsforening"]}
        for n in people
    ]
    (event_dir / "event.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    result = run("badges", event_dir / "event.yaml", "-o", event_dir / "out")
    assert result.exit_code == 0, result.output
    pdf = event_dir / "out" / "badges.pdf"
    unique = list(dict.fromkeys(people))  # a name listed twice gets one badge
    assert_glyphs_in_safe_areas(pdf, DEFAULT_SHEET, len(unique) + 1)
    body = flat(text(pdf)).replace("- ", "-")
    for name in unique:
        assert name in body, name


def _candidates_by_rule(text: str, max_lines: int) -> tuple[tuple[str, ...], ...]:
    """``_candidates`` as its rule reads: the text, then its splits in two, then each first
    part with a split of its rest in two (``break_points`` of the rest, sliced anew)."""
    result: list[list[str]] = [[text]]
    for hyphens in (False, True):
        if max_lines >= 2:
            pairs = [list(p) for p in break_points(text, hyphens)]
            if hyphens:
                pairs = [p for p in pairs if p not in result]
            result += sorted(pairs, key=lambda p: max(len(x) for x in p))
    for hyphens in (False, True):
        if max_lines >= 3:
            triples = [
                [a, b, c]
                for a, rest in break_points(text, hyphens)
                for b, c in break_points(rest, hyphens)
            ]
            triples = [t for t in triples if t not in result]
            result += sorted(triples, key=lambda t: max(len(x) for x in t))[:60]
    return tuple(tuple(lines) for lines in result)


#: titles of words, spaces (doubled, leading, trailing), hyphens and dashes in any order
title_pieces = st.lists(
    st.sampled_from(["Velfærd", "og", "A", " ", "  ", "-", "‐", "–", "—", " – ", "x-y"]),
    max_size=14,
)


@settings(max_examples=500, deadline=None)
@given(title_pieces.map("".join), st.integers(min_value=1, max_value=3))
def test_a_titles_ways_to_break_are_its_rules(title, max_lines):
    """The splits into three lines are found from the text's breaks once (not by splitting
    each rest again): the same splits, in the same order, as the rule gives them."""
    assert _candidates.__wrapped__(title, max_lines) == _candidates_by_rule(title, max_lines)
