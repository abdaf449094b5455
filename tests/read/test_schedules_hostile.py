"""Schedule files read as their formats define them (issue 13's second attack): what each
reader used to lose or misread without a word is read, or refused at its place; the
refusals are in the hostile corpus (tests/hostile/cases-schedules.toml), the files that
must be read are here, read back from the programme as its readers see it."""

from __future__ import annotations

import codecs
from pathlib import Path

import icalendar
import pytest

from tests.conftest import run
from tests.pdfread import flat, text

EVENT = """\
title: Summit
language: en
timezone: Europe/Copenhagen
url: https://summit.example.org/
schedule: {file}
"""
XML = """{declaration}
<schedule>
  <conference><title>Summit</title><time_zone_name>Europe/Copenhagen</time_zone_name></conference>
  <day index='1' date='2026-05-20'>
    <room name='Saal 1'>
      <event id='1' guid='6f1c0a52-6a4e-4b8e-9a51-0d1e8a3f2b01'>
        <date>2026-05-20T09:30:00+02:00</date><start>09:30</start><duration>00:45</duration>
        <room>Saal 1</room><title>{title}</title><type>Talk</type>
        <persons>{persons}</persons>
      </event>
    </room>
  </day>
</schedule>
"""


def build(folder: Path, name: str, data: bytes) -> str:
    """The programme's text, after a build that must succeed."""
    (folder / name).write_bytes(data)
    (folder / "event.yaml").write_text(EVENT.format(file=name), encoding="utf-8")
    result = run("build", folder / "event.yaml", "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return flat(text(folder / "out" / "programme.pdf"))


@pytest.mark.parametrize(
    "declaration, encode",
    [
        ('<?xml version="1.0" encoding="ISO-8859-1"?>', lambda s: s.encode("latin-1")),
        ('<?xml version="1.0" encoding="windows-1252"?>', lambda s: s.encode("cp1252")),
        ('<?xml version="1.0" encoding="UTF-16"?>', lambda s: s.encode("utf-16")),
        (
            '<?xml version="1.0" encoding="UTF-16"?>',
            lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
        ),
        ('<?xml version="1.0"?>', lambda s: codecs.BOM_UTF8 + s.encode("utf-8")),
        ('<?xml version="1.0" encoding="utf-8"?>', lambda s: s.encode("utf-8")),
    ],
    ids=["latin-1", "windows-1252", "utf-16-le", "utf-16-be", "utf-8-bom", "utf-8"],
)
def test_an_xml_schedule_in_the_encoding_it_declares(tmp_path, declaration, encode):
    """A Latin-1 file that says so was refused as "not UTF-8"; it is read, and every
    encoding honestly declared prints the same letters."""
    source = XML.format(
        declaration=declaration,
        title="Søren Kierkegaard reads",
        persons="<person id='1'>Åse Ødegård</person>",
    )
    programme = build(tmp_path, "schedule.xml", encode(source))
    assert "Søren Kierkegaard reads" in programme
    assert "Åse Ødegård" in programme
    assert "Ã" not in programme


def test_two_sessions_of_one_guid_are_two_events_in_the_calendar_build_after_build(tmp_path):
    """Issue 13, F10: both sessions reach programme.ics, each with its own UID, and a second
    build writes the same bytes (the suffix follows the file's order, not chance)."""
    corpus = Path(__file__).resolve().parent.parent / "hostile" / "schedules"
    build(tmp_path, "guid-twice.xml", (corpus / "guid-twice.xml").read_bytes())
    first = (tmp_path / "out" / "programme.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(first)
    events = {str(e["UID"]): str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    guid = "c1b2a3d4-0000-4000-8000-000000000001"
    assert events == {guid: "Opening", f"{guid}-2": "Open budgets"}
    build(tmp_path, "guid-twice.xml", (corpus / "guid-twice.xml").read_bytes())
    assert (tmp_path / "out" / "programme.ics").read_bytes() == first
