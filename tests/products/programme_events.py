"""Events made by rule for the programme's tests: any number of rooms, days, slots and people.

``conference(rooms=5)`` is a day with a session in every room at every slot (09:00, 10:00,
…), every session with a moderator and panelists drawn from a pool of names with accents, so
people recur across sessions and days. Nothing here is one fixture's content: each test
asks for the shape it needs and reads the expected facts back from the data.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

URL = "https://example.org/conference"
FIRST = (
    "Åse",
    "Bjørn",
    "Camille",
    "Dávid",
    "Eeva",
    "Farid",
    "Grete",
    "Hélène",
    "Ida",
    "Jürgen",
    "Kaja",
    "Lars",
    "Mónica",
    "Nils",
    "Øystein",
    "Pia",
    "Quentin",
    "Rasmus",
    "Søren",
    "Tove",
)
LAST = (
    "Aaberg",
    "Østergaard",
    "Nielsen",
    "Ærø",
    "Bach",
    "Zimmermann",
    "Lund",
    "Čapek",
    "Holm",
    "Andersen",
    "Mortensen",
    "Kjær",
    "Dahl",
    "Wolff",
    "Sørensen",
    "Berg",
)
TOPICS = (
    "Open data in the city",
    "Care robots and dignity",
    "Schools after the screen",
    "Energy for the island",
    "Who owns the algorithm?",
    "Budgets that listen",
    "The library as a workshop",
    "Health records we can trust",
    "Rural broadband",
    "Procurement without lock-in",
    "Civic tech on a shoestring",
    "Archives for everyone",
)


POOL = 80  # distinct names: FIRST and LAST pair up over 80 numbers


def person(n: int) -> dict:
    n %= POOL
    return {
        "name": f"{FIRST[n % len(FIRST)]} {LAST[(n * 7) % len(LAST)]}",
        "title": "Director" if n % 3 == 0 else "Researcher",
        "organisations": f"Organisation {n % 9 + 1}",
    }


def conference(
    rooms: int = 5,
    days: int = 1,
    slots: int = 4,
    minutes: int = 50,
    panel: int = 2,
    language: str = "en",
    text: int = 1,
    first_day: dt.date = dt.date(2026, 6, 15),
    paper: str | None = None,
    booklet: bool = False,
    parts: list[str] | None = None,
    tracks: tuple[tuple[str, list[int]], ...] = (),
    breaks: tuple[str, ...] = (),
) -> dict:
    """A conference of ``days`` days with ``slots`` hourly slots in each of ``rooms`` rooms."""
    assert rooms * (panel + 1) <= POOL, "a slot needs more distinct people than the pool has"
    sessions = []
    n = 0
    for d in range(days):
        day = first_day + dt.timedelta(days=d)
        for s in range(slots):
            start = dt.time(9 + s, 0)
            end = (dt.datetime.combine(day, start) + dt.timedelta(minutes=minutes)).time()
            base = (d * slots + s) * 13  # a slot's people are distinct; people recur across slots
            for r in range(rooms):
                sessions.append(
                    {
                        "title": f"{code(r, n)} {TOPICS[(n * 5) % len(TOPICS)]}",
                        "subtitle": f"Session {n} of day {d + 1}",
                        "date": day.isoformat(),
                        "start": f"{start:%H:%M}",
                        "end": f"{end:%H:%M}",
                        "venue": {"name": f"Room {chr(65 + r % 26)}"},
                        "text": " ".join(
                            ["A conversation about what changes and what stays."] * text
                        ),
                        "panelists": [person(base + r * (panel + 1) + k) for k in range(panel)],
                        "moderator": person(base + r * (panel + 1) + panel),
                    }
                )
                if tracks:  # the rooms take the tracks in turn
                    sessions[-1]["track"] = tracks[r % len(tracks)][0]
                n += 1
        for at in breaks:  # a break in every room (no venue) after the slot starting ``at``
            start = dt.datetime.combine(day, dt.time.fromisoformat(at)) + dt.timedelta(
                minutes=minutes
            )
            sessions.append(
                {
                    "title": f"Break at {start:%H:%M}",
                    "kind": "break",
                    "date": day.isoformat(),
                    "start": f"{start:%H:%M}",
                    "end": f"{start + dt.timedelta(minutes=60 - minutes):%H:%M}",
                }
            )
    data: dict = {
        "language": language,
        "title": f"Conference of {rooms} rooms",
        "url": URL,
        "organiser": {"name": "The Organisers"},
        "sessions": sessions,
    }
    if tracks:
        data["tracks"] = [{"name": name, "colour": colour} for name, colour in tracks]
    programme: dict = {}
    if paper:
        programme["paper"] = paper
    if booklet:
        programme["booklet"] = True
    if parts:
        programme["parts"] = parts
    if programme:
        data["programme"] = programme
    return data


def code(room: int, n: int) -> str:
    """A session's title starts with a code of its own ("C7"): a reader's test finds it."""
    return f"{chr(65 + room % 26)}{n}"


def title_start(session: dict) -> str:
    """The title's first two words: on its first line in any box or column."""
    return " ".join(session["title"].split()[:2])


def write(folder: Path, data: dict) -> Path:
    path = folder / "event.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def room_names(data: dict) -> list[str]:
    seen: dict[str, None] = {}
    for session in data["sessions"]:
        if "venue" in session:  # a break in every room has none of its own
            seen.setdefault(session["venue"]["name"])
    return list(seen)


def people_names(data: dict) -> set[str]:
    names = set()
    for session in data["sessions"]:
        names |= {p["name"] for p in session.get("panelists", [])}
        if "moderator" in session:
            names.add(session["moderator"]["name"])
    return names
