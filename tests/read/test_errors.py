"""Bad input: one located message, a non-zero exit, no traceback, earlier files untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED, run

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _line_of(fragment: str) -> int:
    return SEED_TEXT[: SEED_TEXT.index(fragment)].count("\n") + 1


CASES = [
    (
        "missing-name",
        ("  - name: Laila Kildesgaard\n    title: Direktør", "  - title: Direktør"),
        f"event.yaml:{_line_of('  - name: Laila Kildesgaard')}:5: panelists[3].name: missing; every person needs a name",
    ),
    (
        "unknown-key",
        ("subtitle:", "subtitel:"),
        f"event.yaml:{_line_of('subtitle:')}:1: subtitel: unknown key in the event; did you mean 'subtitle'?",
    ),
    (
        "person-key-typo",
        ("    title: Professor", "    titel: Professor"),
        f"event.yaml:{_line_of('    title: Professor')}:5: panelists[1].titel: unknown key in a person; did you mean 'title'?",
    ),
    (
        "end-before-start",
        ('end: "15:00"', 'end: "13:30"'),
        f"event.yaml:{_line_of('end: ')}:6: end: the event ends (13:30) before it starts (14:00); check start and end",
    ),
    (
        "url-without-scheme",
        ("url: https://folkemoedet.dk/", "url: folkemoedet.dk"),
        f"event.yaml:{_line_of('url: https')}:6: url: 'folkemoedet.dk' is not a full address; write it with its scheme, e.g. https://folkemoedet.dk",
    ),
    (
        "url-javascript",
        ("url: https://folkemoedet.dk/", "url: javascript:alert(1)"),
        f"event.yaml:{_line_of('url: https')}:6: url: 'javascript:alert(1)' uses the scheme javascript:, but a QR code may only carry http, https, mailto or tel addresses",
    ),
    (
        "url-ftp",
        ("url: https://folkemoedet.dk/", "url: ftp://folkemoedet.dk/"),
        f"event.yaml:{_line_of('url: https')}:6: url: 'ftp://folkemoedet.dk/' uses the scheme ftp:, but a QR code may only carry http, https, mailto or tel addresses",
    ),
    (
        "logo-missing",
        ("logo: assets/bestyrelsesforeningen-mark.png", "logo: assets/logo.png"),
        "event.yaml:{line}:9: organiser.logo: logo file 'assets/logo.png' not found (looked in {dir}/assets); check the path, relative to the event file",
    ),
    (
        "logo-not-an-image",
        ("logo: assets/bestyrelsesforeningen-mark.png", "logo: assets/make_logo.py"),
        "event.yaml:{line}:9: organiser.logo: 'assets/make_logo.py': a logo must be a PNG, JPG, JPEG or SVG file",
    ),
    (
        "font-missing",
        ("sign: tent", "fonts:\n  regular: fonts/Missing.ttf\nsign: tent"),
        "event.yaml:{fontline}:12: fonts.regular: font file 'fonts/Missing.ttf' not found (looked in {dir}/fonts); check the path, relative to the event file",
    ),
    (
        "date-format",
        ("date: 2017-06-15", "date: 15/6/2017"),
        f"event.yaml:{_line_of('date: 2017')}:7: date: '15/6/2017' is not a date; write it as YYYY-MM-DD, e.g. 2017-06-15",
    ),
    (
        "impossible-date",
        ("date: 2017-06-15", "date: 2017-02-30"),
        f"event.yaml:{_line_of('date: 2017')}:7: date: '2017-02-30' is not a valid value (day is out of range for month)",
    ),
    (
        "time-format",
        ('start: "14:00"', 'start: "2 pm"'),
        f"event.yaml:{_line_of('start: ')}:8: start: '2 pm' is not a time of day; write it as HH:MM, e.g. \"14:00\"",
    ),
    (
        "organisation-is-a-mapping",
        ("    organisations: KL", "    organisations: {name: KL}"),
        f"event.yaml:{_line_of('    organisations: KL')}:20: panelists[3].organisations: must be text, not a mapping",
    ),
    (
        "unknown-key-far-from-any",
        ("sign: tent", "sign: tent\nzzzqqq: 1"),
        "event.yaml:{signline_next}:1: zzzqqq: unknown key in the event (known keys: title, subtitle, date, start, end, venue, text, questions, panelists, moderator, kind, speakers, track, language, festival, url, organiser, labels, badges, sign, fonts, press, attendees, roles, programme, kinds, tracks, timezone)",
    ),
    (
        "title-is-a-list",
        ("title: Disruption", "title:\n  - Disruption"),
        f"event.yaml:{_line_of('title: Disruption') + 1}:3: title: must be text, not a list",
    ),
    (
        "duplicate-key",
        ("sign: tent", "sign: tent\ntitle: Again"),
        "event.yaml:{signline_next}:1: title: duplicate key; it is already given at line "
        + str(_line_of("title: Disruption"))
        + "; keep one",
    ),
    (
        "python-tag",
        ("festival: Folkemødet 2017", 'festival: !!python/object/apply:os.system ["echo owned"]'),
        f"event.yaml:{_line_of('festival:')}:11: festival: the YAML tag !!python/object/apply:os.system is not allowed; use plain values, lists and mappings",
    ),
    (
        "yaml-syntax",
        ("title: Disruption", 'title: "Disruption'),
        None,  # the message depends on where YAML notices; asserted below by shape
    ),
    (
        "unknown-language",
        ("language: da", "language: xx-klingon"),
        f"event.yaml:{_line_of('language: da')}:11: language: 'xx-klingon' is not a language Babel knows; use a code such as da, en, de, sv or nb",
    ),
    (
        "sign-typo",
        ("sign: tent", "sign: tnet"),
        "event.yaml:{signline}:7: sign: 'tnet' is not one of tent, poster; did you mean 'tent'?",
    ),
    (
        "sheet-too-big",
        ("    rows: 5", "    rows: 6"),
        f"event.yaml:{_line_of('    paper: A4')}:5: badges.sheet: the badges reach 195 × 336 mm but the paper is 210 × 297 mm; reduce columns, rows, offsets or pitch",
    ),
    (
        "empty-name",
        ("  - name: Lars Frelle", '  - name: ""'),
        f"event.yaml:{_line_of('  - name: Lars Frelle')}:11: panelists[4].name: is empty; write the text or remove the key",
    ),
]


@pytest.mark.parametrize("name, change, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_located_message(
    tmp_path: Path, seed_out: Path, name, change, expected
):
    shutil.copytree(SEED.parent / "assets", tmp_path / "assets")
    old, new = change
    assert old in SEED_TEXT
    bad = SEED_TEXT.replace(old, new, 1)
    event = tmp_path / "event.yaml"
    event.write_text(bad, encoding="utf-8")
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    result = run("build", event, "-o", out)

    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    message = lines[0].removeprefix("error: ").replace(str(event), "event.yaml")
    if expected is None:
        assert message.startswith(
            f"event.yaml:{_line_of('title: Disruption') + 1}:"
        ) or message.startswith("event.yaml:")
        assert "YAML syntax" in message
    else:
        expected = expected.format(
            line=_line_of("logo: assets"),
            dir=tmp_path,
            fontline=_line_of("sign: tent") + 1,
            signline=_line_of("sign: tent"),
            signline_next=_line_of("sign: tent") + 1,
        )
        assert message == expected
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert after == before  # nothing written, nothing damaged, no temporary files left


def test_missing_event_file(tmp_path):
    result = run("build", tmp_path / "nope.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == f"error: {tmp_path / 'nope.yaml'}: file not found; check the path\n"
    assert not (tmp_path / "out").exists()


def test_empty_event_file(tmp_path):
    (tmp_path / "event.yaml").write_text("", encoding="utf-8")
    result = run("build", tmp_path / "event.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output.endswith(
        "event.yaml: the file is empty; start from the example event.yaml\n"
    )


def test_not_utf8(tmp_path):
    (tmp_path / "event.yaml").write_bytes("title: Fokus på v\xe6rdi\n".encode("latin-1"))
    result = run("build", tmp_path / "event.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert (
        result.output
        == f"error: {tmp_path / 'event.yaml'}:1:15: byte 0xe5 is not UTF-8; save the file as UTF-8\n"
    )


def test_internal_error_is_reported_as_a_bug(tmp_path, monkeypatch):
    import printkit.cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(printkit.cli, "build", broken)
    result = run("build", SEED, "-o", tmp_path)
    assert result.exit_code == 70
    assert "Traceback" not in result.output
    assert "internal error (ZeroDivisionError: boom). This is a bug in printkit" in result.output
    debug = run("--debug", "build", SEED, "-o", tmp_path)
    assert "Traceback" in debug.output


MINIMAL = """\
title: Debat
date: 2024-05-01
start: "10:00"
end: "11:00"
venue: Salen
url: https://example.org/
"""


@pytest.mark.parametrize(
    "extra, expected",
    [
        (
            "panelists: Jan",
            "event.yaml:7:12: panelists: must be a list of people (lines starting with '-'), not the value 'Jan'",
        ),
        (
            "questions: {a: 1}",
            "event.yaml:7:12: questions: must be a list of questions (lines starting with '-'), not a mapping",
        ),
        ("moderator:\n  name: [A, B]", "event.yaml:8:9: moderator.name: must be text, not a list"),
        (
            "badges:\n  sheet:\n    columns: two",
            "event.yaml:9:14: badges.sheet.columns: must be a whole number, not the value 'two'",
        ),
        (
            "badges:\n  sheet:\n    width: 9 furlongs",
            'event.yaml:9:12: badges.sheet.width: \'9 furlongs\' is not a length; write e.g. 54, "54 mm" or "2.125 in"',
        ),
        (
            "labels:\n  moderatr: Vært",
            "event.yaml:8:3: labels.moderatr: unknown key in labels; did you mean 'moderator'?",
        ),
        (
            "a: &a [x, x]\nb: &b [*a, *a]",
            "event.yaml:7:1: a: unknown key in the event (known keys: title, subtitle, date, start, end, venue, text, questions, panelists, moderator, kind, speakers, track, language, festival, url, organiser, labels, badges, sign, fonts, press, attendees, roles, programme, kinds, tracks, timezone)",
        ),
    ],
)
def test_minimal_event_errors(tmp_path: Path, extra: str, expected: str):
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL + extra + "\n", encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 2, result.output
    assert result.output == "error: " + expected.replace("event.yaml", str(event), 1) + "\n"


def test_minimal_event_builds(tmp_path: Path):
    event = tmp_path / "event.yaml"
    event.write_text(MINIMAL, encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "programme.ics",
        "programme.pdf",
        "tent.pdf",
    ]
    assert (
        "warning: badges: the event names no people (panelists, moderator); no badges.pdf was made"
        in result.output
    )
    only = run("badges", event, "-o", tmp_path / "out")
    assert only.exit_code == 3
    assert only.output == (
        f"error: {event}: badges: the event names no people (panelists, moderator) to make"
        " badges for\n"
    )
