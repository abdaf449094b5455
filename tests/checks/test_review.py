"""printkit review: an event checked before printing, each warning at its line; nothing written."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

import printkit.cli
from printkit.checks.review import is_event_file, review
from printkit.pipeline.prepare import lay_out, prepare
from printkit.products.badges.front import BadgeType, badge
from printkit.read.event import load_event
from printkit.typeset.fonts import typeface
from tests.conftest import SEED, run

SEED_TEXT = SEED.read_text(encoding="utf-8")
BEFORE = dt.date(2017, 6, 1)  # a fortnight before the seed's debate


def line_of(fragment: str, text: str = SEED_TEXT) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.fixture
def reviewing(event_dir: Path, monkeypatch) -> Path:
    """The seed's copy as the current folder, reviewed as of BEFORE."""
    monkeypatch.chdir(event_dir)
    monkeypatch.setattr(printkit.cli, "review", functools.partial(review, today=BEFORE))
    return event_dir


def edit(folder: Path, *changes: tuple[str, str]) -> None:
    text = SEED_TEXT
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    (folder / "event.yaml").write_text(text, encoding="utf-8")


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_seed_reviews_clean_before_its_day(reviewing):
    result = run("review", "event.yaml")
    assert result.exit_code == 0, result.output
    assert result.output == "event.yaml: no warnings; nothing was written\n"


def test_a_date_in_the_past_is_measured_against_the_injected_day(reviewing, monkeypatch):
    later = functools.partial(review, today=dt.date(2025, 1, 1))
    monkeypatch.setattr(printkit.cli, "review", later)
    result = run("review", "event.yaml")
    assert result.exit_code == 0
    assert result.stderr == (
        f"warning: event.yaml:{line_of('date: 2017')}:7: date: 2017-06-15 is in the past"
        " (today is 2025-01-01); is this an earlier event's file?\n"
    )
    assert result.stdout == "event.yaml: 1 warning; nothing was written\n"


PANELIST_1 = line_of("  - name: Jan Damsgaard")
LAILA = line_of("  - name: Laila Kildesgaard")
LARS = line_of("  - name: Lars Frelle")
JESPER = line_of("  - name: Jesper Zwisler")
MODERATOR = line_of("moderator:")
LONG_TITLE = (
    "Disruption i kommunerne – it-monstre, nuttede robotsæler eller noget helt tredje? Og hvad"
    " gør vi så ved digitaliseringen af velfærden?"
)
ONE_MORE = "  Komiteen har knyttet et panel af kompetente digitaliseringseksperter til sig.\n"

CASES = [
    (
        "badge-name-shrunk",
        [("name: Jan Damsgaard", "name: Jan Christian Emanuel Damsgaard-Holm")],
        [
            f"event.yaml:{PANELIST_1}:11: panelists[1].name: the badge sets this name at 11.75 pt,"
            " below its design size of 22 pt, to fit"
        ],
    ),
    (
        "badge-name-on-two-lines",
        [("name: Jan Damsgaard", "name: Jan Christian Bartholomæus Damsgaard-Kristoffersen")],
        [
            f"event.yaml:{PANELIST_1}:11: panelists[1].name: the badge sets this name on two lines"
            " at 16.5 pt, below its design size of 22 pt, to fit"
        ],
    ),
    (
        "badge-affiliation-shrunk",
        [
            (
                "    organisations: KL\n",
                "    organisations: [KL, Kommunernes Landsforening, Center for Digitalisering og"
                " Velfærd, Styregruppen for Fællesoffentlig Digitalisering]\n",
            )
        ],
        [
            f"event.yaml:{LAILA + 2}:20: panelists[3].organisations: the badge sets the title and"
            " organisations at 7.25 pt, below their design size of 8.5 pt, to fit two lines"
        ],
    ),
    (
        "programme-at-92.5-percent",
        [(ONE_MORE, ONE_MORE.rstrip("\n") * 6 + "\n")],
        [
            f"event.yaml:{line_of('text: |')}:7: text: the programme sets the text, questions and"
            " panel at 92.5 % of their design size (9.25 pt body type instead of 10 pt) to fit"
            " the page"
        ],
    ),
    (
        "tent-title-shrunk",
        [
            (
                "title: Disruption i kommunerne – it-monstre eller nuttede robotsæler?",
                "title: " + LONG_TITLE,
            )
        ],
        [
            f"event.yaml:{line_of('title: Disruption')}:8: title: the tent sets the title at"
            " 21.5 pt, below its design size of 28 pt, to fit",
            f"event.yaml:{line_of('text: |')}:7: text: the programme sets the text, questions and"
            " panel at 95 % of their design size (9.5 pt body type instead of 10 pt) to fit the page",
        ],
    ),
    (
        "festival-left-off-the-badges",
        [
            (
                "festival: Folkemødet 2017",
                "festival: Folkemødet 2017 – Danmarks demokratiske festival i Allinge på Bornholm,"
                " med debatter og musik",
            )
        ],
        [
            f"event.yaml:{line_of('festival:')}:11: festival: too long for the badges' role band"
            " beside the role, so badges leave it out; shorten it to show it there"
        ],
    ),
    (
        "qr-on-the-badge-backs",
        [("  back: none ", "  back: info ")],
        [
            f"event.yaml:{line_of('  back: none')}:9: badges.back: the QR code on the badges' backs"
            " is 26.7 mm wide; read from 30 cm, a code wants about 30 mm; back: qr, or a larger"
            " badge, makes it larger"
        ],
    ),
    (
        "qr-on-folded-badges",
        [("  duplex: long-edge ", "  duplex: fold      ")],
        [
            f"event.yaml:{line_of('  duplex: long-edge')}:11: badges.duplex: the QR code on the badges' backs is"
            " 13.8 mm wide; read from 30 cm, a code wants about 30 mm; a folded badge halves its"
            " room: duplex: long-edge makes it larger"
        ],
    ),
    (
        "qr-modules-too-small",
        [("url: https://folkemoedet.dk/", "url: https://folkemoedet.dk/" + "a" * 800)],
        [
            f"event.yaml:{line_of('url: ')}:6: url: the QR code on the programme has modules of"
            " 0.34 mm; read from 30 cm, they should be at least 0.4 mm: a shorter address makes"
            " fewer, larger modules",
            f"event.yaml:{line_of('url: ')}:6: url: the QR code on the tent has modules of 0.72 mm;"
            " read from 1 m, they should be at least 1 mm: a shorter address makes fewer, larger"
            " modules",
        ],
    ),
    (
        "no-title-or-organisation",
        [
            (
                "  name: Tom Jacobsgaard\n  organisations: Bestyrelsesforeningen\n",
                "  name: Tom Jacobsgaard\n",
            )
        ],
        [
            f"event.yaml:{MODERATOR + 1}:3: moderator.organisations: 'Tom Jacobsgaard' has no title"
            " or organisation; the badge shows the name alone"
        ],
    ),
    (
        "title-but-no-organisation",
        [("    title: Direktør\n    organisations: KL\n", "    title: Direktør\n")],
        [
            f"event.yaml:{LAILA}:5: panelists[3].organisations: 'Laila Kildesgaard' has no"
            " organisation; the badge shows only the title"
        ],
    ),
    (
        "same-name-twice",
        [("  - name: Jesper Zwisler", "  - name: Lars Frelle")],
        [
            f"event.yaml:{JESPER}:11: panelists[5].name: Lars Frelle is already in this session"
            " (panelists[4].name); one badge is made (tell two people of one name apart, e.g. by"
            " an initial)",
            f"event.yaml:{JESPER}:11: panelists[5].name: Lars Frelle is 'Kommunaldirektør, Herlev'"
            " here but 'Direktør, digitaliseringsstyrelsen' at panelists[4].name; the badge shows"
            " the first",
        ],
    ),
    (
        "moderator-also-a-panelist",
        [("  name: Tom Jacobsgaard", "  name: Jan Damsgaard")],
        [
            f"event.yaml:{MODERATOR + 1}:9: moderator.name: Jan Damsgaard is already in this"
            " session (panelists[1].name); one badge is made (tell two people of one name apart,"
            " e.g. by an initial)",
            f"event.yaml:{MODERATOR + 1}:9: moderator.name: Jan Damsgaard is"
            " 'Bestyrelsesforeningen' here but 'Professor, CBS, medlem af regeringens"
            " Disruptionråd' at panelists[1].name; the badge shows the first",
        ],
    ),
    (
        "one-name-two-ways",
        [("  - name: Jesper Zwisler", "  - name: Lars  frelle")],
        [
            f"event.yaml:{JESPER}:11: panelists[5].name: collapsed repeated spaces into one",
            f"event.yaml:{JESPER}:11: panelists[5].name: Lars frelle is already in this session"
            " (panelists[4].name); one badge is made (tell two people of one name apart, e.g. by"
            " an initial)",
            f"event.yaml:{JESPER}:11: panelists[5].name: spelled 'Lars Frelle' at"
            " panelists[4].name; the badge shows that spelling",
            f"event.yaml:{JESPER}:11: panelists[5].name: Lars frelle is 'Kommunaldirektør, Herlev'"
            " here but 'Direktør, digitaliseringsstyrelsen' at panelists[4].name; the badge shows"
            " the first",
        ],
    ),
    (
        "name-in-capitals",
        [("  - name: Jesper Zwisler", "  - name: JESPER ZWISLER")],
        [
            f"event.yaml:{JESPER}:11: panelists[5].name: 'JESPER ZWISLER' is written in capitals;"
            " badges print a name as written, so write it as the person does"
        ],
    ),
    (
        "name-in-small-letters",
        [("  - name: Jesper Zwisler", "  - name: jesper zwisler")],
        [
            f"event.yaml:{JESPER}:11: panelists[5].name: 'jesper zwisler' is written in small"
            " letters; badges print a name as written, so write it as the person does"
        ],
    ),
]


@pytest.mark.parametrize("name, changes, expected", CASES, ids=[c[0] for c in CASES])
def test_each_warning_names_its_line_and_field(reviewing, name, changes, expected):
    edit(reviewing, *changes)
    before = files(reviewing)
    result = run("review", "event.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [f"warning: {line}" for line in expected]
    count = len(expected)
    assert result.stdout == (
        f"event.yaml: {count} warning{'s' if count > 1 else ''}; nothing was written\n"
    )
    assert files(reviewing) == before


def test_the_poster_title_is_reviewed_when_the_sign_is_a_poster(reviewing):
    edit(
        reviewing,
        (
            "title: Disruption i kommunerne – it-monstre eller nuttede robotsæler?",
            "title: " + LONG_TITLE,
        ),
    )
    result = run("review", "event.yaml", "--sign", "poster")
    assert result.exit_code == 0
    assert (
        f"warning: event.yaml:{line_of('title: Disruption')}:8: title: the poster sets the title"
        " at 30.25 pt, below its design size of 48 pt, to fit"
    ) in result.stderr.splitlines()
    assert "the tent" not in result.stderr


def test_warnings_come_in_the_order_of_the_file(reviewing):
    edit(
        reviewing,
        ("  - name: Jesper Zwisler", "  - name: JESPER ZWISLER"),
        ("  back: none ", "  back: info "),
        ("name: Jan Damsgaard", "name: Jan Christian Emanuel Damsgaard-Holm"),
    )
    lines = run("review", "event.yaml").stderr.splitlines()
    assert [line.split(":")[2] for line in lines] == [
        str(PANELIST_1),
        str(JESPER),
        str(line_of("  back: none")),
    ]


def test_bad_input_fails_as_a_build_does_and_writes_nothing(reviewing):
    edit(reviewing, ("subtitle:", "subtitel:"))
    before = files(reviewing)
    result = run("review", "event.yaml")
    assert result.exit_code == 2
    assert result.output == (
        f"error: event.yaml:{line_of('subtitle:')}:1: subtitel: unknown key in the event;"
        " did you mean 'subtitle'?\n"
    )
    assert files(reviewing) == before


def test_content_that_cannot_be_set_fails_with_the_layout_exit_code(reviewing):
    edit(
        reviewing, ("  - name: Jesper Zwisler", "  - name: " + "Xylophonmacherinnenversammlung" * 3)
    )
    result = run("review", "event.yaml")
    assert result.exit_code == 3
    # the first to fail, located at its line as a build locates it
    assert result.output.startswith(
        "error: event.yaml:76:11: panelists[5].name: programme.pdf: 'Xylophonmacher"
    )
    assert "is wider than its column" in result.output


def test_review_writes_nothing_not_even_an_output_folder(reviewing):
    edit(reviewing, ("  back: none ", "  back: info "))
    before = files(reviewing)
    result = run("review", "event.yaml")
    assert result.exit_code == 0
    assert files(reviewing) == before
    assert sorted(p.name for p in reviewing.iterdir()) == ["assets", "event.yaml"]


def test_review_returns_a_report_with_nothing_written(event_dir):
    report = review(event_dir / "event.yaml", "event.yaml", today=BEFORE)
    assert report.written == [] and report.warnings == []
    assert report.event is not None and len(report.event.people) == 6


def test_build_warns_of_one_name_given_twice_but_not_of_the_review_warnings(reviewing):
    """Two people of one name get one badge: build says so; shrinking is review's to tell."""
    edit(
        reviewing,
        ("  - name: Jesper Zwisler", "  - name: Lars Frelle"),
        ("name: Jan Damsgaard", "name: Jan Christian Damsgaard"),
    )
    result = run("build", "event.yaml", "-o", "out")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "badges: 5 badges on 1 page",
        f"warning: event.yaml:{JESPER}:11: panelists[5].name: Lars Frelle is already in this"
        " session (panelists[4].name); one badge is made (tell two people of one name apart,"
        " e.g. by an initial)",
        f"warning: event.yaml:{JESPER}:11: panelists[5].name: Lars Frelle is 'Kommunaldirektør,"
        " Herlev' here but 'Direktør, digitaliseringsstyrelsen' at panelists[4].name; the badge"
        " shows the first",
    ]


def test_no_people_is_the_builds_warning_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "event.yaml").write_text(
        'title: Debat\ndate: 2030-05-01\nstart: "10:00"\nend: "11:00"\nvenue: Salen\n'
        "url: https://example.org/\n",
        encoding="utf-8",
    )
    result = run("review", "event.yaml")
    assert result.exit_code == 0
    assert result.stderr == (
        "warning: badges: the event names no people (panelists, moderator); no badges.pdf was made\n"
    )


@pytest.mark.parametrize(
    "name, expected",
    [("event.yaml", True), ("festival.YML", True), ("programme.pdf", False), ("event", False)],
)
def test_check_can_tell_an_event_file_from_a_pdf(name, expected):
    assert is_event_file(Path(name)) is expected


def test_notes_do_not_change_what_is_drawn(event_dir):
    """The same badge with and without a notes list: the same items."""
    edit(
        event_dir,
        ("name: Jan Damsgaard", "name: Jan Christian Bartholomæus Damsgaard-Kristoffersen"),
    )
    prepared = prepare(event_dir / "event.yaml", ["badges"])
    event = prepared.event
    face = typeface()
    design = BadgeType(event.sheet.label)
    notes: list = []
    person = event.people[0]
    assert badge(event, person, face, design, notes=notes) == badge(event, person, face, design)
    assert [n.field for n in notes] == ["panelists[1].name"]
    assert lay_out(prepared, ["badges"])[0]["badges"].notes == tuple(notes)


def test_where_falls_back_to_the_enclosing_field(event_dir):
    event = load_event(event_dir / "event.yaml", "event.yaml")
    assert str(event.where("panelists[2].name")) == f"event.yaml:{line_of('  - name: Jørgen')}:11"
    assert str(event.where("moderator.title")) == f"event.yaml:{MODERATOR + 1}:3"
    assert str(event.where("badges.back")) == f"event.yaml:{line_of('  back: none')}:9"
    assert str(event.where("no.such[3].field")) == "event.yaml:7:1"


def test_review_has_help():
    result = run("review", "--help")
    assert result.exit_code == 0 and "EVENT_YAML" in result.output and "Writes" in result.output


def test_listed_people_are_reviewed_at_their_rows_and_summed_up_when_many(reviewing):
    (reviewing / "few.csv").write_text(
        "Name,Organisation\nAnna Hansen,\nBo Berg,KL\n", encoding="utf-8"
    )
    path = reviewing / "event.yaml"
    base = path.read_text(encoding="utf-8")
    path.write_text(base + "\nattendees: few.csv\n", encoding="utf-8")
    lines = run("review", "event.yaml").stderr.splitlines()
    assert (
        "warning: few.csv:2: row 1, organisations: 'Anna Hansen' has no title or organisation;"
        " the badge shows the name alone" in lines
    )
    rows = "".join(f"Person {i} Jensen,\n" for i in range(12))
    (reviewing / "many.csv").write_text("Name,Organisation\n" + rows, encoding="utf-8")
    path.write_text(base + "\nattendees: many.csv\n", encoding="utf-8")
    lines = run("review", "event.yaml").stderr.splitlines()
    assert (
        "warning: many.csv:2: organisations: 12 listed people have no organisation"
        " (rows 1, 2, 3, 4, 5, 6, 7, 8 and 4 more)" in lines
    )
    assert not any("Person 3 Jensen" in line for line in lines)


# -- review locates what build locates (one preparation) ----------------------------------


def test_a_too_long_question_lead_is_located_at_its_line_by_review_and_build(reviewing):
    long = "Gearskifte" * 12
    edit(reviewing, ("  - lead: Gearskifte", f"  - lead: {long}"))
    line = line_of("  - lead: Gearskifte")
    wanted = f"error: event.yaml:{line}:11: questions[1].lead: programme.pdf: '{long[:59]}…'"
    for command in ("review", "build"):
        result = run(command, "event.yaml", *(["-o", "out"] if command == "build" else []))
        assert result.exit_code == 3, result.output
        assert result.output.startswith(wanted), (command, result.output)


def test_a_listed_persons_warning_names_the_list_its_row_and_the_person(reviewing):
    (reviewing / "people.csv").write_text(
        "Name,Organisation\nMia Al-Sayed,Bornholms Regionskommune\n"
        "Jan Christian Bartholomæus Damsgaard-Kristoffersen,KL\n",
        encoding="utf-8",
    )
    text = SEED_TEXT + "\nattendees: {file: people.csv}\n"
    (reviewing / "event.yaml").write_text(text, encoding="utf-8")
    result = run("review", "event.yaml")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "people.csv" in line]
    assert len(lines) == 1, result.stderr
    (line,) = lines
    # the file, the row's line (3: the header is line 1), its column, the row and the person
    assert line.startswith(
        "warning: people.csv:3:1: row 2, column 'Name': the badge sets the name"
        " 'Jan Christian Bartholomæus Damsgaard-Kristoffersen' "
    ), line
    assert "below its design size of 22 pt, to fit" in line


def test_a_listed_persons_row_is_named_from_where_printkit_runs(reviewing, monkeypatch):
    """Run from the folder above, the list is named as that folder sees it (rv/people.csv),
    as the event file is: the path in the message opens the file."""
    (reviewing / "people.csv").write_text("Name,Organisation\nBo Berg,\n", encoding="utf-8")
    (reviewing / "event.yaml").write_text(SEED_TEXT + "\nattendees: people.csv\n", "utf-8")
    monkeypatch.chdir(reviewing.parent)
    folder = reviewing.name
    lines = run("review", f"{folder}/event.yaml").stderr.splitlines()
    rows = [line for line in lines if "people.csv" in line]
    assert rows == [
        f"warning: {folder}/people.csv:2: row 1, organisations: 'Bo Berg' has no title or"
        " organisation; the badge shows the name alone"
    ], lines
    assert Path(rows[0].split()[1].split(":")[0]).is_file()


def test_a_venue_too_wide_for_its_line_is_located_at_the_venue(reviewing):
    """A venue whose name has a word wider than the programme's column: at the venue's line
    in event.yaml, by build and review alike (it named the file alone)."""
    name = "W" * 90
    edit(reviewing, ("  name: KL's telt ved Allinge Røgeri", f"  name: {name}"))
    line = line_of("  name: KL's telt ved Allinge Røgeri")
    wanted = f"error: event.yaml:{line}:3: venue: programme.pdf: '{name[:59]}…' is wider"
    for command in ("review", "build"):
        result = run(command, "event.yaml", *(["-o", "out"] if command == "build" else []))
        assert result.exit_code == 3, result.output
        assert result.output.startswith(wanted), (command, result.output)
