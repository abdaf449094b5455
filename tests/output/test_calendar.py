"""``programme.ics`` as RFC 5545 writes it: written line by line, with icalendar folding the
long ones, it is byte for byte icalendar's own serialisation of the same calendar."""

from __future__ import annotations

import icalendar
import pytest

from printkit.output.calendar import calendar, components
from printkit.pipeline.prepare import prepare
from tests.conftest import ROOT, SEED
from tests.products.programme_events import conference, write

#: A description whose multi-byte letters and escapes fall on every octet of a fold.
LONG = "Blåbærgrød, æbleskiver; \\ og ☕ " * 9


def _event(tmp_path, which: str):
    if which == "seed":
        return SEED
    if which == "festival-day":
        return ROOT / "examples" / "festival-day.yaml"
    if which in ZONES:  # every text property with what TEXT escapes, in the event's zone
        data = conference(
            rooms=2, slots=2, panel=2, tracks=(("Data, open; and \\ free", [0, 80, 0, 0]),)
        )
        data["timezone"] = ZONES[which]
        for n, session in enumerate(data["sessions"]):
            session["title"] += f", part {n}; on \\ off"
            session["venue"] = {"name": f"Hall {n}, east; \\ up", "area": f"A;{n}"}
            session["subtitle"] = "Line one\nline two, \\N no break"
            session["moderator"]["name"] += ", Jr."
            if n % 2:
                session["url"] = f"https://example.org/talk/{n}?a=1;b=2,3"
        return write(tmp_path, data)
    data = conference(rooms=2, slots=2, panel=2)
    for shift, session in enumerate(data["sessions"]):
        session["subtitle"] = "ø" * shift + LONG  # each one's letters a byte further on
        # SUMMARY lines of 72 to 75 octets: the last is folded
        session["title"] = f"Session {shift} " + "x" * (54 + shift)
    return write(tmp_path, data)


#: zones a calendar is written in: a zone's TZID with its VTIMEZONE, and UTC's own "Z"
ZONES = {"escapes in Copenhagen": "Europe/Copenhagen", "escapes in UTC": "UTC"}


@pytest.mark.parametrize("which", ["seed", "festival-day", "long lines", *ZONES])
def test_programme_ics_is_icalendars_own_serialisation(tmp_path, which):
    event = prepare(_event(tmp_path, which), ("programme",)).event
    data = calendar(event)
    assert data == components(event).to_ical()
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    if which == "long lines":
        assert sum(line.startswith(b" ") for line in lines) > 20  # folded, many times
        summaries = [len(line) for line in lines if line.startswith(b"SUMMARY:")]
        assert sorted(summaries) == [72, 73, 74, 74], summaries  # 75 folded: 74, then " x"
        read = icalendar.Calendar.from_ical(data)
        assert all(LONG.strip() in str(e["DESCRIPTION"]) for e in read.walk("VEVENT"))
