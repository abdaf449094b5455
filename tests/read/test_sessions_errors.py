"""Sessions checked against each other: each clash one located message, a non-zero exit and
earlier output untouched; each doubt a located warning on a build that goes on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from printkit.model.event import Role
from printkit.pipeline.prepare import prepare
from printkit.pipeline.products import kit
from printkit.read.event import load_event
from tests.conftest import ROOT, run

FESTIVAL = ROOT / "examples" / "festival-day.yaml"
TEXT = FESTIVAL.read_text(encoding="utf-8")


def _where(text: str, fragment: str, column_of: str | None = None, nth: int = 1) -> str:
    """``line:column`` of the nth ``fragment`` (the column of ``column_of`` inside it)."""
    at = -1
    for _ in range(nth):
        at = text.index(fragment, at + 1)
    at += fragment.index(column_of) if column_of else 0
    line = text[:at].count("\n") + 1
    return f"{line}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


def _edit(old: str, new: str, nth: int = 1) -> str:
    at = -1
    for _ in range(nth):
        at = TEXT.index(old, at + 1)
    return TEXT[:at] + new + TEXT[at + len(old) :]


def _write(folder: Path, text: str) -> Path:
    """The event in folder/examples/, its logo in folder/assets/, as in the repository."""
    (folder / "examples").mkdir(exist_ok=True)
    if not (folder / "assets").exists():
        shutil.copytree(ROOT / "assets", folder / "assets")
    event = folder / "examples" / "event.yaml"
    event.write_text(text, encoding="utf-8")
    return event


OVERLAP = _edit('start: "11:00"', 'start: "10:00"')
TWO_PLACES = _edit('start: "10:00"\n    end: "10:45"', 'start: "11:00"\n    end: "11:45"')
OWN_DATE = _edit(
    "  - title: Disruption i kommunerne – it-monstre eller nuttede robotsæler?\n",
    "  - title: Disruption i kommunerne – it-monstre eller nuttede robotsæler?\n"
    "    date: 2017-06-19\n",
)
INHERITED_DATE = _edit("{from: 2017-06-15,", "{from: 2017-06-16,")
BACKWARDS = _edit('end: "15:00"', 'end: "13:30"')
NAMELESS = _edit(
    "      - name: Jan Damsgaard\n        title: Professor", "      - title: Professor"
)
TOP_PANEL = _edit("\nsessions:\n", "\npanelists:\n  - name: Jan Damsgaard\nsessions:\n")
SESSION_TYPO = _edit("    subtitle: Velfærdsteknologi", "    subtitel: Velfærdsteknologi")
NO_DATE = _edit("date: 2017-06-15\n", "")
DATES_BACKWARDS = _edit("to: 2017-06-18}", "to: 2017-06-14}")
START_10, END_1330, QUOTE = 'start: "10:00"', 'end: "13:30"', '"'

CASES = [
    (
        "venue-double-booked",
        OVERLAP,
        f"event.yaml:{_where(OVERLAP, START_10, QUOTE)}: sessions[2].start: overlaps"
        " sessions[1] (09:30–10:30) in KL's telt ved Allinge Røgeri (F2) on 2017-06-15; a venue"
        " holds one session at a time, so move one of them",
    ),
    (
        "person-in-two-places",
        TWO_PLACES,
        f"event.yaml:{_where(TWO_PLACES, 'name: Henrik', 'Henrik')}: sessions[2].panelists[1].name:"
        " Henrik Brandt Mikkelsen is also in sessions[5] (11:00–11:45, Ledelsesteltet ved Havnen"
        " (H3)) at the same time; nobody can be in two places at once, so change a time or a panel",
    ),
    (
        "session-outside-dates",
        OWN_DATE,
        f"event.yaml:{_where(OWN_DATE, 'date: 2017-06-19', '2')}: sessions[3].date: 2017-06-19 is"
        " outside the event's dates (2017-06-15 to 2017-06-18); correct the date, or dates: from"
        " and to",
    ),
    (
        "inherited-date-outside-dates",
        INHERITED_DATE,
        f"event.yaml:{_where(INHERITED_DATE, 'date: 2017-06-15', '2')}: date: 2017-06-15 is outside"
        " the event's dates (2017-06-16 to 2017-06-18); correct the date, or dates: from and to",
    ),
    (
        "session-ends-before-it-starts",
        BACKWARDS,
        f"event.yaml:{_where(BACKWARDS, END_1330, QUOTE)}: sessions[3].end: the session ends"
        " (13:30) before it starts (14:00); check start and end",
    ),
    (
        "panelist-without-a-name",
        NAMELESS,
        f"event.yaml:{_where(NAMELESS, '- title: Professor', 'title')}: sessions[3].panelists[1].name:"
        " missing; every person needs a name",
    ),
    (
        "panel-at-the-top-level",
        TOP_PANEL,
        f"event.yaml:{_where(TOP_PANEL, 'panelists:')}: panelists: with sessions:, each session"
        " gives its own panelists; move it into the sessions",
    ),
    (
        "unknown-key-in-a-session",
        SESSION_TYPO,
        f"event.yaml:{_where(SESSION_TYPO, 'subtitel')}: sessions[2].subtitel: unknown key in a"
        " session; did you mean 'subtitle'?",
    ),
    (
        "no-date-anywhere",
        NO_DATE,
        f"event.yaml:{_where(NO_DATE, 'title: Morgenkaffe')}: sessions[1].date: missing; give the"
        " day as YYYY-MM-DD, e.g. 2017-06-15, here or once at the top level for every session",
    ),
    (
        "dates-backwards",
        DATES_BACKWARDS,
        f"event.yaml:{_where(DATES_BACKWARDS, 'to: 2017-06-14', '2')}: dates.to: the last day"
        " (2017-06-14) is before the first (2017-06-15); check from and to",
    ),
]


@pytest.mark.parametrize("name, bad, expected", CASES, ids=[c[0] for c in CASES])
def test_a_clash_gives_one_located_message(tmp_path, seed_out, name, bad, expected):
    event = _write(tmp_path, bad)
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    result = run("build", event, "-o", out)

    assert result.exit_code == 2, result.output
    assert result.output == f"error: {expected.replace('event.yaml', str(event), 1)}\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def _warnings(tmp_path: Path, text: str) -> list[str]:
    event = _write(tmp_path, text)
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "programme.pdf").is_file()
    lines = [line for line in result.output.splitlines() if line.startswith("warning: ")]
    return [line.replace(str(event), "event.yaml") for line in lines]


def test_different_details_are_a_warning(tmp_path):
    text = _edit(
        "        title: Direktør\n        organisations: Dansk Velfærdsteknologi",
        "        title: Adm. direktør\n        organisations: Dansk Velfærdsteknologi",
        nth=3,
    )
    assert _warnings(tmp_path, text) == [
        f"warning: event.yaml:{_where(text, 'name: Henrik', 'Henrik', nth=3)}:"
        " sessions[7].panelists[2].name: Henrik Brandt Mikkelsen is 'Adm. direktør, Dansk"
        " Velfærdsteknologi' here but 'Direktør, Dansk Velfærdsteknologi' at sessions[2].panelists[1].name; the"
        " badge shows the first"
    ]
    event = prepared(tmp_path / "examples" / "event.yaml")
    henrik = [p for p in event.people if p.name == "Henrik Brandt Mikkelsen"]
    assert [p.title for p in henrik] == ["Direktør"]


def test_no_time_between_venues_is_a_warning(tmp_path):
    text = _edit('end: "10:45"', 'end: "11:00"')
    assert _warnings(tmp_path, text) == [
        f"warning: event.yaml:{_where(text, 'name: Henrik', 'Henrik')}:"
        " sessions[2].panelists[1].name: Henrik Brandt Mikkelsen leaves sessions[5] in"
        " Ledelsesteltet ved Havnen (H3) at 11:00 and is due here, in KL's telt ved Allinge Røgeri"
        " (F2), at the same minute; allow time to get there"
    ]


def test_a_person_named_twice_in_a_session_is_a_warning(tmp_path):
    text = _edit(
        "    moderator:\n      name: Tom Jacobsgaard",
        "      - name: jan damsgaard\n    moderator:\n      name: Tom Jacobsgaard",
    )
    assert _warnings(tmp_path, text) == [
        f"warning: event.yaml:{_where(text, 'name: jan', 'jan')}: sessions[3].panelists[6].name:"
        " jan damsgaard is already in this session (sessions[3].panelists[1].name); one badge is"
        " made (tell two people of one name apart, e.g. by an initial)",
        f"warning: event.yaml:{_where(text, 'name: jan', 'jan')}: sessions[3].panelists[6].name:"
        " spelled 'Jan Damsgaard' at sessions[3].panelists[1].name; the badge shows that spelling",
    ]


def test_people_once_each_panelists_first():
    event = prepared(FESTIVAL)
    names = [p.name for p in event.people]
    assert len(names) == len(set(names))
    roles = [p.role for p in event.people]
    assert roles == sorted(roles, key=lambda r: r is Role.MODERATOR)  # panelists first
    karen = next(p for p in event.people if p.name == "Karen Dahl Poulsen")
    assert karen.role is Role.PANELIST  # moderates one session, sits on two panels
    assert karen.organisations == ("Dataetisk Forum", "Region Syddanmark")
    moderators = {p.name for p in event.people if p.role is Role.MODERATOR}
    assert moderators == {"Signe Vestergaard Nielsen", "Tom Jacobsgaard", "Tobias Winther Krogh"}


def test_sessions_inherit_date_and_venue():
    event = load_event(FESTIVAL)
    assert event.schedule and event.title.startswith("Digital velfærd")
    assert {s.date.isoformat() for s in event.sessions} == {"2017-06-15"}
    assert [s.venue.area for s in event.sessions] == ["F2"] * 4 + ["H3"] * 4
    assert event.sessions[0].venue.place == "Allinge, Bornholm"
    assert event.dates is not None and event.dates[1].isoformat() == "2017-06-18"


def test_the_logo_one_folder_up_resolves():
    event = load_event(FESTIVAL)
    assert event.organiser.logo.path.resolve() == (
        ROOT / "assets" / "bestyrelsesforeningen-mark.png"
    )


def test_a_session_taller_than_a_page_is_named(tmp_path):
    long = " ".join(["Lang tekst om digitalisering og velfærd i kommunerne."] * 90)
    text = _edit(
        "    text: >-\n      Dagen slutter",
        f"    text:\n      - {long}\n      - {long}\n      - {long}\n    subtitle: >-\n      Dagen slutter",
    )
    # the by-slot list runs a long entry on into the next column and page
    result = run("programme", _write(tmp_path, text), "-o", tmp_path / "slots")
    assert result.exit_code == 0, result.output
    # the compact list keeps a session whole on a page
    text = "programme:\n  parts: [list]\n" + text
    result = run("programme", _write(tmp_path, text), "-o", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert (
        ".yaml:208:12: sessions[8].title: programme: the session 'Fyraftensdebat: Hvem skal"
        " eje fremtidens velfærdsdata?' (2017-06-15, 19:00) is " in result.output
    )  # at its title
    assert result.output.endswith("; shorten its text or questions\n")
    assert not (tmp_path / "out").exists()


def test_an_empty_list_of_sessions(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text("title: Festival\nurl: https://example.org/\nsessions: []\n", encoding="utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {event}:3:11: sessions: is an empty list; list at least one session\n"
    )


def test_a_single_session_list_builds_a_schedule(tmp_path):
    event = tmp_path / "event.yaml"
    event.write_text(
        "title: Festival\nurl: https://example.org/\nlanguage: sv\nsessions:\n"
        "  - title: Debatt\n    date: 2024-07-01\n    start: '10:00'\n    end: '11:00'\n"
        "    venue: Salen\n    moderator: Anna Berg\n",
        encoding="utf-8",
    )
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["badges.pdf", "posters.pdf", "programme.ics", "programme.pdf", "tents.pdf"]


def prepared(path):
    """The event as every command sees it: read, its people resolved (``pipeline.prepare``)."""
    return prepare(path, kit()).event
