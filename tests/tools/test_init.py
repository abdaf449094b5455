"""printkit init: a commented starter event.yaml that builds as written, never over a real one."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from printkit import cli as cli_module
from printkit.lang.labels import KEYS as LABEL_KEYS
from printkit.read.badges import BADGE_KEYS
from printkit.read.event import EVENT_KEYS, load_event
from printkit.read.session import PERSON_KEYS
from printkit.tools.starter import template
from tests.conftest import run

TEMPLATE = template()


def test_init_writes_a_starter_that_builds(tmp_path):
    folder = tmp_path / "new event"
    result = run("init", folder)
    assert result.exit_code == 0, result.output
    path = folder / "event.yaml"
    assert result.output == f"{path}\n"  # not a terminal: no questions asked
    assert path.read_text(encoding="utf-8") == TEMPLATE
    built = run("build", path, "-o", tmp_path / "out")
    assert built.exit_code == 0, built.output
    assert built.stdout.splitlines() == [
        str(tmp_path / "out" / n)
        for n in ("programme.pdf", "programme.ics", "badges.pdf", "tent.pdf")
    ]


def test_init_defaults_to_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init")
    assert result.exit_code == 0, result.output
    assert result.output == "event.yaml\n"
    assert (tmp_path / "event.yaml").read_text(encoding="utf-8") == TEMPLATE


def test_the_starter_is_an_english_debate_with_two_panelists_and_a_moderator(tmp_path):
    (tmp_path / "event.yaml").write_text(TEMPLATE, encoding="utf-8")
    event = load_event(tmp_path / "event.yaml")
    assert event.language == "en"
    assert len(event.main.panelists) == 2 and event.main.moderator is not None
    assert event.url.startswith("https://example.org/")


def _mentioned(key: str) -> bool:
    """The key is in the template, as a live key or a commented-out one."""
    return re.search(rf"^[ #]*(- )?{re.escape(key)}:", TEMPLATE, re.MULTILINE) is not None


@pytest.mark.parametrize(
    "key",
    [
        *EVENT_KEYS,
        *(k for k in PERSON_KEYS if k != "organisation"),  # the singular is an alias
        *("name", "area", "place", "lead", "tagline", "logo"),
        *("paper", "width", "height", "columns", "rows", "left", "top", "pitch_x", "pitch_y"),
        *("regular", "bold", "italic", "bold_italic"),
        *BADGE_KEYS,
        *("bleed", "marks", "pdfx", "profile", "condition"),
    ],
)
def test_the_starter_shows_every_key(key):
    assert _mentioned(key), key


def test_the_starter_explains_quoting_times_and_names_the_labels():
    assert 'start: "14:00"' in TEMPLATE
    assert re.search(
        r"^# Quote the times: YAML reads an unquoted 14:00 as a number", TEMPLATE, re.M
    )
    assert all(key in TEMPLATE for key in LABEL_KEYS)


def test_init_refuses_to_overwrite(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text("title: mine\n", encoding="utf-8")
    result = run("init", tmp_path)
    assert result.exit_code == 4
    assert result.stderr == (
        f"error: {path}: already exists; edit it, or run printkit init --force to replace it\n"
    )
    assert result.stdout == ""
    assert path.read_text(encoding="utf-8") == "title: mine\n"


def test_force_overwrites(tmp_path):
    path = tmp_path / "event.yaml"
    path.write_text("title: mine\n", encoding="utf-8")
    result = run("init", tmp_path, "--force")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == TEMPLATE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["event.yaml"]  # no temp files


def test_on_a_terminal_it_asks_for_title_date_and_language(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    answers = 'Byens rum: hvem ejer torvet? "Debat"\n3 May 2028\n2028-05-03\nxx-nope\nda\n'
    result = run_with_input(["init", str(tmp_path)], answers)
    assert result.exit_code == 0, result.output
    assert (
        "Title of the event [Who owns the town square? A debate on public space]:" in result.output
    )
    assert "Error: '3 May 2028' does not match the format '%Y-%m-%d'." in result.output
    assert "Error: 'xx-nope' is not a language code Babel knows, e.g. en or da" in result.output
    event = load_event(tmp_path / "event.yaml")
    assert event.title == 'Byens rum: hvem ejer torvet? "Debat"'
    assert event.main.date == dt.date(2028, 5, 3)
    assert event.language == "da"
    text = (tmp_path / "event.yaml").read_text(encoding="utf-8")
    assert text.count("\n") == TEMPLATE.count("\n")  # only the three values changed
    assert run("build", tmp_path / "event.yaml", "-o", tmp_path / "out").exit_code == 0


def test_on_a_terminal_the_defaults_are_the_example(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    result = run_with_input(["init", str(tmp_path)], "\n\n\n")
    assert result.exit_code == 0, result.output
    # answers are written as quoted YAML strings ("no", Norwegian, would be a boolean bare)
    assert (tmp_path / "event.yaml").read_text(encoding="utf-8") == TEMPLATE.replace(
        "language: en", 'language: "en"'
    )


def test_a_refusal_comes_before_the_questions(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    (tmp_path / "event.yaml").write_text("title: mine\n", encoding="utf-8")
    result = run_with_input(["init", str(tmp_path)], "")
    assert result.exit_code == 4
    assert "Title" not in result.output


def test_leaving_the_questions_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)
    result = run_with_input(["init", str(tmp_path)], "")  # Ctrl-D at the first question
    assert result.exit_code == 1
    assert result.stderr == "Aborted!\n"
    assert "internal error" not in result.output
    assert list(tmp_path.iterdir()) == []


def run_with_input(args: list[str], text: str):
    """The CLI with typed answers (CliRunner's stdin is no terminal: _interactive is patched)."""
    return CliRunner().invoke(cli_module.cli, args, input=text, catch_exceptions=False)


def test_the_template_ships_inside_the_package():
    import printkit

    assert (Path(printkit.__file__).parent / "tools" / "templates" / "event.yaml").is_file()
