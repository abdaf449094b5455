"""A session's own language (issue 10's "an optional session language", issue 13 F25), where
a reader needs it: "In Danish" in the programme's lists and on the door posters, a "DA" after
the time in the day's grid, and the phrase in programme.ics's DESCRIPTION; nothing where the
session is in the event's language (en-GB in an English event too). Read as a reader would,
from the PDFs' text and the calendar read back."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar

from tests.conftest import run
from tests.pdfread import flat, text

EVENT = """\
title: Civic Data Summit
language: {language}
url: https://example.org/
date: 2027-05-03
{extra}sessions:
  - title: Opening keynote
    start: "09:00"
    end: "09:45"
    venue: Hall A
    speakers: [{{name: Priya Raman}}]
  - title: Åbne data i kommunerne
    language: da
    start: "10:00"
    end: "10:45"
    venue: Hall A
    speakers: [{{name: Mette Holm}}]
  - title: Open data in the north
    language: en-GB
    start: "11:00"
    end: "11:45"
    venue: {second}
    speakers: [{{name: Ann Lee}}]
"""


def _build(tmp_path: Path, language: str = "en", second: str = "Hall B", extra: str = ""):
    event = tmp_path / "event.yaml"
    event.write_text(EVENT.format(language=language, second=second, extra=extra), "utf-8")
    result = run("build", event, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _description(out: Path, title: str) -> str:
    calendar = icalendar.Calendar.from_ical((out / "programme.ics").read_bytes())
    return next(str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT") if e["SUMMARY"] == title)


def test_the_grid_tags_it_and_the_slots_say_it(tmp_path):
    out = _build(tmp_path)
    grid, slots = (flat(text(out / "programme.pdf", page)) for page in (0, 1))
    assert "10:00 – 10:45 AM · DA Åbne data i kommunerne" in grid
    assert "10:00 – 10:45 AM · Hall A · In Danish Åbne data i kommunerne" in slots
    assert "In English" not in slots and "· EN" not in grid  # en-GB in an English event
    assert "In Danish" in _description(out, "Åbne data i kommunerne")
    assert "In " not in _description(out, "Open data in the north")
    assert "In Danish" in flat(text(out / "posters.pdf"))


def test_a_one_room_list_says_it_in_the_events_words(tmp_path):
    out = _build(tmp_path, language="da", second="Hall A")
    listing = flat(text(out / "programme.pdf"))
    assert "Åbne data i kommunerne" in listing and "På dansk" not in listing  # the event's
    assert listing.count("På engelsk") == 1  # en-GB, in a Danish event
    assert "På engelsk" in _description(out, "Open data in the north")


def test_a_festival_list_says_it(tmp_path):
    out = _build(tmp_path, extra="festival: Folkemødet\n")
    assert "In Danish" in flat(text(out / "programme.pdf"))


def test_a_schedule_files_language_is_shown_as_yamls(tmp_path):
    schedule = {
        "schedule": {
            "conference": {
                "title": "S",
                "days": [
                    {
                        "rooms": {
                            "Saal": [
                                {
                                    "title": "Offene Daten",
                                    "date": "2027-05-03T14:00:00+02:00",
                                    "duration": "00:45",
                                    "language": "de",
                                },
                                {
                                    "title": "Kontrolle",
                                    "date": "2027-05-03T15:00:00+02:00",
                                    "duration": "00:45",
                                    "language": "English/Deutsch",
                                },
                            ]
                        }
                    }
                ],
            }
        }
    }
    (tmp_path / "s.json").write_text(json.dumps(schedule), encoding="utf-8")
    out = _build(tmp_path, extra="timezone: Europe/Copenhagen\nschedule: s.json\n")
    programme = flat(text(out / "programme.pdf"))
    assert "In German" in programme
    assert "In English/Deutsch" in programme  # no one language: as the file writes it
