"""Session kinds, speakers, tracks and the time zone: read from event.yaml, worded in the
event's language on what is printed, and refused at their line when wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from printkit.lang.labels import CATALOGUE
from printkit.model.kinds import KIND_KEYS
from printkit.read.event import load_event
from tests.conftest import ROOT, run
from tests.pdfread import flat, page_count, text

CONFERENCE = ROOT / "examples" / "conference.yaml"


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("conference")
    result = run("build", CONFERENCE, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_a_solo_keynote_has_a_speaker_not_a_panel(kit):
    programme = flat(text(kit / "programme.pdf"))
    assert "Speaker Priya Raman, Professor, Copenhagen Business School" in programme
    assert "Panel Priya Raman" not in programme and "Panellist" not in programme
    assert "Speakers Jonas Holm, Developer, Copenhagen Municipality Ada Nwosu" in programme
    assert "Panel Mette Lund, Lawyer, Digitaliseringsstyrelsen Ada Nwosu" in programme
    assert "Moderator Sofie Berg, Journalist, Altinget" in programme


def test_every_session_title_and_speaker_is_in_the_programme(kit):
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    programme = flat(text(kit / "programme.pdf"))
    for session in data["sessions"]:
        assert flat(session["title"]) in programme
        for person in session.get("speakers", []) + session.get("panelists", []):
            assert person["name"] in programme


def test_speakers_get_speaker_badges(kit):
    badges = text(kit / "badges.pdf").splitlines()
    for name in ("Priya Raman", "Jonas Holm"):
        at = badges.index(name)
        assert "Speaker" in badges[at - 3 : at], badges[at - 3 : at]


def test_breaks_get_no_tent(kit):
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    signs = [s for s in data["sessions"] if s.get("kind") != "break"]
    assert page_count(kit / "tents.pdf") == len(signs)
    tents = flat(text(kit / "tents.pdf"))
    assert "Lunch" not in tents and "Coffee" not in tents


def test_danish_wording(tmp_path):
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    data["language"] = "da"
    result = run("build", _write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    programme = flat(text(tmp_path / "out" / "programme.pdf"))
    assert "Taler Priya Raman" in programme
    assert "Talere Jonas Holm" in programme
    assert "Ordstyrer Sofie Berg" in programme


@pytest.mark.parametrize("language", sorted(CATALOGUE))
def test_every_kind_is_worded_in_every_language(language):
    labels = CATALOGUE[language]
    for key in KIND_KEYS:
        assert labels[f"kind_{key}"].strip()
    assert labels["one_speaker"].strip() and labels["speakers"].strip()


def test_the_model_carries_kinds_tracks_zone_and_language():
    event = load_event(CONFERENCE)
    assert event.timezone == "Europe/Copenhagen"
    assert [t.name for t in event.tracks] == ["Civic tech", "Policy"]
    assert event.tracks[1].colour == (0.0, 0.6, 1.0, 0.0)
    kinds = {s.title: s.kind for s in event.sessions}
    assert kinds["Lunch"] == "break" and kinds["Building a city's open budget"] == "talk"
    assert kinds["Open by default — what should the law require?"] == "panel"
    licences = next(s for s in event.sessions if s.title.startswith("Who owns"))
    assert licences.language == "da" and licences.track == "Policy"
    assert event.kind(licences).label == "Talk"
    workshop = next(s for s in event.sessions if s.kind == "workshop")
    assert workshop.url == "https://opendata.example.org/talk/scraping-minutes/"


def test_an_events_own_kind_with_labels_per_language(tmp_path):
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    data["language"] = "da"
    data["kinds"] = {"lightning": {"label": {"en": "Lightning talk", "da": "Lyntale"}}}
    data["sessions"][2]["kind"] = "lightning"
    event = load_event(_write(tmp_path, data))
    assert event.kind(event.sessions[2]).label == "Lyntale"
    assert event.kind(event.sessions[0]).label == "Hovedtale"


def _error(tmp_path: Path, data: dict) -> str:
    result = run("build", _write(tmp_path, data), "-o", tmp_path / "out")
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    return result.output.strip()


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


@pytest.mark.parametrize(
    "change, needle, message",  # needle: on the line the error points at
    [
        (
            lambda d: d["sessions"][2].update(kind="tlak"),
            "kind: tlak",
            "sessions[3].kind: 'tlak' is not a kind of session (talk, keynote, panel, workshop,"
            " break); did you mean 'talk'?",
        ),
        (
            lambda d: d["sessions"][2].update(track="Civic"),
            "track: Civic",
            "sessions[3].track: 'Civic' is not one of the tracks (Civic tech, Policy)",
        ),
        (
            lambda d: d.update(timezone="Europe/Copenhagn"),
            "timezone:",
            "timezone: 'Europe/Copenhagn' is not an IANA time zone; did you mean"
            " 'Europe/Copenhagen'?",
        ),
        (
            lambda d: d["sessions"][1].update(speakers=["Ann Ek"]),
            "- Ann Ek",
            "sessions[2].speakers: a break (break) gets no badges, so it names nobody",
        ),
    ],
)
def test_located_errors(tmp_path, change, needle, message):
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    change(data)
    output = _error(tmp_path, data)
    line = _line_of(tmp_path / "event.yaml", needle)
    assert output.startswith("error: ") and f"event.yaml:{line}:" in output, output
    assert message in output, output


def test_a_speaker_in_two_rooms_at_once_is_refused(tmp_path):
    data = yaml.safe_load(CONFERENCE.read_text(encoding="utf-8"))
    data["sessions"][3]["speakers"].append({"name": "jonas  holm"})
    output = _error(tmp_path, data)
    assert "sessions[4].speakers[2].name: jonas holm is also in sessions[3]" in output, output
