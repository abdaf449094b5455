"""The label catalogue: every label in every language, with the placeholders its phrase needs."""

from __future__ import annotations

import string

import pytest

from printkit.lang import i18n
from printkit.lang.labels import CATALOGUE, FALLBACK, KEYS, PLACEHOLDERS, labels_for
from tests.conftest import run

LANGUAGES = ("da", "en", "de", "sv", "nb")


def _fields(phrase: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(phrase) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_label(language):
    assert language in CATALOGUE
    missing = set(KEYS) - set(CATALOGUE[language])
    extra = set(CATALOGUE[language]) - set(KEYS)
    assert not missing and not extra, (missing, extra)
    assert all(CATALOGUE[language][key].strip() for key in KEYS)


def test_no_language_has_a_label_the_others_lack():
    keys = {lang: set(labels) for lang, labels in CATALOGUE.items()}
    assert all(k == keys[FALLBACK] for k in keys.values()), keys


@pytest.mark.parametrize("language", sorted(CATALOGUE))
def test_placeholders_are_exactly_the_ones_the_phrase_needs(language):
    for key in KEYS:
        assert _fields(CATALOGUE[language][key]) == set(PLACEHOLDERS.get(key, ())), (language, key)


@pytest.mark.parametrize(
    "language, expected",
    [
        ("da", "side 2 af 5"),
        ("en", "page 2 of 5"),
        ("de", "Seite 2 von 5"),
        ("sv", "sida 2 av 5"),
        ("nb", "side 2 av 5"),
    ],
)
def test_page_counter(language, expected):
    assert i18n.page_of(2, 5, language, labels_for(language)["page_of"]) == expected


def test_page_numbers_come_from_babel():
    assert i18n.page_of(1, 1234, "da", "{page}/{pages}") == "1/1.234"
    assert i18n.page_of(1, 1234, "en", "{page}/{pages}") == "1/1,234"


def test_an_override_with_a_wrong_placeholder(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text(
        "title: Debat\ndate: 2024-05-01\nstart: '10:00'\nend: '11:00'\nvenue: Salen\n"
        "url: https://example.org/\nlabels:\n  page_of: 'side {side}'\n",
        encoding="utf-8",
    )
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {event}:8:12: labels.page_of: may only use the placeholders {{page}} and {{pages}}\n"
    )
