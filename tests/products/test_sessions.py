"""A festival day (examples/festival-day.yaml), built with the real command and read back as
its readers see it: the organiser's programme, the doors' posters, the tables' tents and the
people's badges."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from printkit.lang.i18n import time_range
from tests.conftest import ROOT, run
from tests.pdfread import (
    RGB_OPERATOR,
    STANDARD_14,
    boxes_mm,
    content_streams,
    find_text,
    flat,
    fonts,
    glyphs,
    page_count,
    page_size_mm,
    qr_codes,
    text,
)

FESTIVAL = ROOT / "examples" / "festival-day.yaml"
DATA = yaml.safe_load(FESTIVAL.read_text(encoding="utf-8"))
URL = DATA["url"]
TOP_VENUE = DATA["venue"]


def _room(venue: dict) -> str:
    return f"{venue['name']} ({venue['area']})"


def _sessions(data: dict) -> list[dict]:
    """Each session as a reader expects it: inherited date and venue filled in."""
    result = []
    for s in data["sessions"]:
        venue = s.get("venue", data["venue"])
        people = [p["name"] for p in s.get("panelists", [])]
        if "moderator" in s:
            people.append(s["moderator"]["name"])
        result.append(
            {
                "title": s["title"],
                "date": s.get("date", data["date"]),
                "start": dt.time.fromisoformat(s["start"]),
                "end": dt.time.fromisoformat(s["end"]),
                "room": _room(venue),
                "people": people,
            }
        )
    return result


def _in_programme_order(sessions: list[dict], data: dict) -> list[dict]:
    """By day, then venue in the order the file first names it, then time."""
    rooms = list(dict.fromkeys(s["room"] for s in sessions))
    return sorted(sessions, key=lambda s: (s["date"], rooms.index(s["room"]), s["start"]))


SESSIONS = _sessions(DATA)
ORDERED = _in_programme_order(SESSIONS, DATA)
PRODUCTS = ["programme.pdf", "badges.pdf", "tents.pdf", "posters.pdf"]


def _time(session: dict, language: str = "da") -> str:
    """The time range as text extraction gives it (Babel's narrow spaces folded)."""
    return flat(time_range(session["start"], session["end"], language))


@pytest.fixture(scope="module")
def festival_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("festival")
    result = run("build", FESTIVAL, "-o", out)
    assert result.exit_code == 0, result.output
    written = ["programme.pdf", "programme.ics", *PRODUCTS[1:]]  # the calendar beside it
    assert result.stdout.splitlines() == [str(out / name) for name in written]
    assert "warning" not in result.stderr
    return out


def _english_two_days(folder: Path) -> Path:
    """The festival in English with a Saturday session added, in a folder of its own (the
    logo's ../assets path must keep working there too)."""
    data = yaml.safe_load(FESTIVAL.read_text(encoding="utf-8"))
    data["language"] = "en"
    data["sessions"].append(
        {
            "title": "Saturday breakfast at the harbour",
            "date": dt.date(2017, 6, 17),
            "start": "09:00",
            "end": "10:00",
            "panelists": [{"name": "Louise Grøn Andersen"}],
        }
    )
    (folder / "examples").mkdir(parents=True)
    shutil.copytree(ROOT / "assets", folder / "assets")
    event = folder / "examples" / "festival.yaml"
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return event


@pytest.fixture(scope="module")
def english_out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("english")
    result = run("build", _english_two_days(folder), "-o", folder / "out", "--press")
    assert result.exit_code == 0, result.output
    return folder / "out"


def _pages(pdf: Path) -> list[str]:
    return [flat(text(pdf, i)) for i in range(page_count(pdf))]


# -- the programme --------------------------------------------------------------------------


def _by_slot(sessions: list[dict]) -> list[dict]:
    """By day, start time, then room in the order the file first names it."""
    rooms = list(dict.fromkeys(s["room"] for s in sessions))
    return sorted(sessions, key=lambda s: (s["date"], s["start"], rooms.index(s["room"])))


def test_programme_lists_every_session_by_slot_with_its_time_room_and_people(festival_out):
    pages = _pages(festival_out / "programme.pdf")
    assert len(pages) >= 2  # eight sessions run over more than one page
    places = []
    for session in _by_slot(SESSIONS):
        heading = f"{_time(session)} · {session['room']} {session['title']}"
        found = [(p, page.index(heading)) for p, page in enumerate(pages) if heading in page]
        assert len(found) == 1, (heading, found)  # once in the by-slot list
        places.append(found[0])
    assert places == sorted(places)
    body = " ".join(pages)  # an entry may run on into the next column or page
    starts = [body.index(pages[p][i:]) for p, i in places]
    for k, session in enumerate(_by_slot(SESSIONS)):
        entry = body[starts[k] : starts[k + 1] if k + 1 < len(starts) else None]
        for name in session["people"]:
            assert name in entry, (session["title"], name)


def test_the_by_slot_list_numbers_each_sessions_questions(festival_out):
    body = " ".join(_pages(festival_out / "programme.pdf"))
    questions = [(s, q) for s in DATA["sessions"] for q in s.get("questions", [])]
    assert questions
    for session in DATA["sessions"]:
        for number, question in enumerate(session.get("questions", []), start=1):
            lead = f"{question['lead']}: " if question.get("lead") else ""
            assert flat(f"{number} {lead}{question['text']}") in body


def _listed(folder: Path) -> Path:
    """The festival with ``programme: {parts: [list]}``: the compact list by day and room."""
    data = yaml.safe_load(FESTIVAL.read_text(encoding="utf-8"))
    data["programme"] = {"parts": ["list"]}
    (folder / "examples").mkdir(parents=True)
    shutil.copytree(ROOT / "assets", folder / "assets")
    event = folder / "examples" / "festival.yaml"
    event.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("programme", event, "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out" / "programme.pdf"


@pytest.fixture(scope="module")
def listed_pdf(tmp_path_factory) -> Path:
    return _listed(tmp_path_factory.mktemp("listed"))


def test_the_list_part_groups_the_day_by_venue(listed_pdf):
    body = " ".join(_pages(listed_pdf))
    day = "Torsdag den 15. juni 2017"
    first_entry = body.index(f"{_time(ORDERED[0])} {ORDERED[0]['title']}")
    assert day in body[:first_entry]
    rooms = list(dict.fromkeys(s["room"] for s in ORDERED))
    for room in rooms:  # each venue's heading precedes its sessions, after the previous venue's
        heading = body.index(room)
        mine = [body.index(s["title"]) for s in ORDERED if s["room"] == room]
        others = [body.index(s["title"]) for s in ORDERED if s["room"] != room]
        assert heading < min(mine)
        assert all(not (heading < i < min(mine)) for i in others)


def test_the_lists_times_stand_in_one_column_beside_their_titles(listed_pdf):
    pdf = listed_pdf
    lefts = []
    for page in range(page_count(pdf)):
        for session in ORDERED:
            times = find_text(pdf, _time(session), page)
            titles = find_text(pdf, session["title"].split(" ")[0], page)
            if not times:
                continue
            (left, bottom, right, top) = times[0]
            lefts.append(left)
            assert any(b < top and bottom < t and tl > right for tl, b, _, t in titles), session
    assert len(lefts) == len(ORDERED)
    assert max(lefts) - min(lefts) < 0.3


def test_page_numbers_in_danish(festival_out):
    pages = _pages(festival_out / "programme.pdf")
    for number, page in enumerate(pages, start=1):
        assert f"side {number} af {len(pages)}" in page


def test_page_numbers_and_days_in_english(english_out):
    pages = _pages(english_out / "programme.pdf")
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page
        assert "side " not in page
    body = " ".join(pages)
    thursday, saturday = (
        body.index("Thursday, June 15, 2017"),
        body.index("Saturday, June 17, 2017"),
    )
    assert thursday < saturday
    assert saturday < body.index("9:00 – 10:00 AM Saturday breakfast at the harbour")
    for session in SESSIONS:
        assert thursday < body.index(f"{_time(session, 'en')} {session['title']}") < saturday


def test_running_header_and_footer_on_every_page(festival_out):
    pdf = festival_out / "programme.pdf"
    pages = _pages(pdf)
    assert DATA["title"] in pages[0]  # in the band
    for number in range(1, len(pages)):
        found = find_text(pdf, DATA["title"], number)
        assert found and found[0][1] > 280.0, number  # at the top of the page
    for number in range(len(pages)):
        assert find_text(pdf, URL, number)[0][3] < 17.0  # in the footer


def test_every_glyph_keeps_to_its_zone(festival_out):
    """Content between the running header (or the band) and the footer, inside the margins:
    nothing runs into the footer or off the page."""
    pdf = festival_out / "programme.pdf"
    for page in range(page_count(pdf)):
        for g in glyphs(pdf, page):
            assert g.left >= 15.0 and g.right <= 195.0, (page, g)
            assert g.top <= 17.0 or g.bottom >= 19.0, (page, g)  # footer, or above its rule
            if page:
                assert g.bottom >= 280.5 or g.top <= 275.0, (page, g)  # header, or below it


def test_programme_qr_on_the_first_page(festival_out):
    codes = qr_codes(festival_out / "programme.pdf", 0)
    assert [c.text for c in codes] == [URL]
    assert codes[0].width_mm >= 28.0
    assert codes[0].centre[1] > 240.0


def test_the_organiser_closes_the_last_page(festival_out):
    pages = _pages(festival_out / "programme.pdf")
    assert "Arrangør Bestyrelsesforeningen" in pages[-1]
    assert all("Arrangør" not in page for page in pages[:-1])


# -- posters and tents ----------------------------------------------------------------------


def test_a_poster_per_venue_and_day_lists_exactly_its_sessions(festival_out):
    pdf = festival_out / "posters.pdf"
    rooms = list(dict.fromkeys(s["room"] for s in ORDERED))
    assert page_count(pdf) == len(rooms)
    for page, room in enumerate(rooms):
        assert tuple(round(v) for v in page_size_mm(pdf, page)) == (297, 420)
        body = flat(text(pdf, page))
        assert body.startswith(f"Folkemødet 2017 {room} Torsdag den 15. juni 2017")
        mine = [s for s in ORDERED if s["room"] == room]
        positions = [body.index(f"{_time(s)} {s['title']}") for s in mine]
        assert positions == sorted(positions)
        for other in (s for s in SESSIONS if s["room"] != room):
            assert other["title"] not in body


def test_english_posters_for_each_day(english_out):
    pdf = english_out / "posters.pdf"
    bodies = [flat(text(pdf, page)) for page in range(page_count(pdf))]
    assert len(bodies) == 3  # Thursday in two venues, Saturday in one
    saturday = bodies[2]
    # the room's name heads its poster: no preposition to get wrong ("Today at Room B")
    assert saturday.startswith(
        "Folkemødet 2017 KL's telt ved Allinge Røgeri (F2) Saturday, June 17, 2017"
    )
    assert " at KL's" not in saturday and "Today" not in saturday
    assert "Saturday breakfast at the harbour" in saturday
    assert not any(s["title"] in saturday for s in SESSIONS)
    assert "Saturday breakfast" not in bodies[0] + bodies[1]


def test_a_long_day_keeps_every_time_and_title_on_its_poster(tmp_path):
    """Ten sessions with long titles, subtitles and full panels: the poster drops the detail
    the programme carries, never a session."""
    data = {"title": "Tent", "url": URL, "date": "2017-06-15", "venue": TOP_VENUE, "sessions": []}
    for hour in range(9, 19):
        data["sessions"].append(
            {
                "title": f"Debat {hour}: hvem tager ansvaret for fremtidens velfærd i kommunerne?",
                "subtitle": "En undertitel der forklarer lidt mere om, hvad debatten handler om",
                "start": f"{hour:02d}:00",
                "end": f"{hour:02d}:45",
                "panelists": [{"name": f"Deltager {hour}-{k} Holm Sørensen"} for k in range(5)],
            }
        )
    event = tmp_path / "event.yaml"
    event.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("tent", event, "-o", tmp_path, "--sign", "poster")
    assert result.exit_code == 0, result.output
    body = flat(text(tmp_path / "posters.pdf"))
    for session in data["sessions"]:
        start, end = (dt.time.fromisoformat(session[k]) for k in ("start", "end"))
        assert f"{flat(time_range(start, end, 'en'))} {session['title']}" in body
    assert "Deltager" not in body and "undertitel" not in body


def test_poster_qr_codes_decode(festival_out):
    pdf = festival_out / "posters.pdf"
    for page in range(page_count(pdf)):
        codes = qr_codes(pdf, page, dpi=100)
        assert [c.text for c in codes] == [URL]
        assert codes[0].width_mm >= 80.0


def test_a_tent_per_session_in_order(festival_out):
    pdf = festival_out / "tents.pdf"
    assert page_count(pdf) == len(ORDERED)
    for page, session in enumerate(ORDERED):
        body = flat(text(pdf, page))
        assert session["title"] in body
        assert f"kl. {_time(session)}" in body
        assert tuple(round(v) for v in page_size_mm(pdf, page)) == (297, 210)


def test_tent_qr_codes_decode_on_both_faces(festival_out):
    pdf = festival_out / "tents.pdf"
    for page in range(page_count(pdf)):
        codes = qr_codes(pdf, page, dpi=150)
        assert sorted(c.text for c in codes) == [URL, URL]
        assert all(c.width_mm >= 60.0 for c in codes)


def test_sign_picks_one_kind_of_sign(tmp_path):
    result = run("tent", FESTIVAL, "-o", tmp_path, "--sign", "poster")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["posters.pdf"]


# -- badges ---------------------------------------------------------------------------------


def test_one_badge_per_person_across_sessions(festival_out):
    body = flat(text(festival_out / "badges.pdf"))
    everyone = list(dict.fromkeys(name for s in SESSIONS for name in s["people"]))
    assert "Henrik Brandt Mikkelsen" in everyone  # on three panels
    for name in everyone:
        assert body.count(name) == 1, name
    on_a_panel = {p["name"] for s in DATA["sessions"] for p in s.get("panelists", [])}
    assert body.count("Paneldeltager") == len(on_a_panel)
    assert body.count("Ordstyrer") == len(set(everyone) - on_a_panel)
    assert body.count("Torsdag den 15. juni 2017") == len(everyone)  # the day, not a session's time


# -- press mode, and the file as a whole ----------------------------------------------------


def test_press_mode_finishes_every_page(english_out):
    for name in PRODUCTS:
        pdf = english_out / name
        for page in range(page_count(pdf)):
            boxes = boxes_mm(pdf, page)
            media, bleed, trim = boxes["MediaBox"], boxes["BleedBox"], boxes["TrimBox"]
            assert trim is not None and bleed is not None, (name, page)
            assert media[0] <= bleed[0] < trim[0] and trim[2] < bleed[2] <= media[2], (name, page)


@pytest.mark.parametrize("name", PRODUCTS)
def test_fonts_embedded_and_colour_cmyk(festival_out, name):
    found = fonts(festival_out / name)
    assert found and all(f["embedded"] for f in found), found
    assert not any(f["name"].split("+")[-1] in STANDARD_14 for f in found)
    for stream in content_streams(festival_out / name):
        assert not RGB_OPERATOR.search(stream)


def test_metadata_names_the_event(festival_out):
    for name in PRODUCTS:
        info = PdfReader(festival_out / name).metadata
        assert info.title.startswith(DATA["title"] + " – "), name


def test_same_input_same_bytes(festival_out, tmp_path):
    result = run("build", FESTIVAL, "-o", tmp_path)
    assert result.exit_code == 0
    for name in PRODUCTS:
        assert (tmp_path / name).read_bytes() == (festival_out / name).read_bytes(), name


def _walk(items, dy=0.0):
    """Every Text of a laid-out page with its baseline on the page (Groups followed)."""
    from printkit.layout.items import Group, Text

    for item in items:
        if isinstance(item, Group):
            yield from _walk(item.items, dy + item.offset[1])
        elif isinstance(item, Text):
            yield item, item.y + dy


def test_a_session_too_tall_for_the_first_page_moves_to_the_next(tmp_path):
    """The first page's band leaves less room than a full page: a session that fits only a
    full page starts on page 2 instead of running into page 1's footer."""
    from dataclasses import replace

    from printkit.products.schedule import frame as frames
    from printkit.products.schedule import layout_schedule, listing
    from printkit.read.event import load_event
    from printkit.typeset.fonts import typeface

    face = typeface()
    data = {
        "title": "Festival",
        "url": URL,
        "date": "2017-06-15",
        "venue": "Salen",
        "sessions": [{"title": "Lang debat", "start": "10:00", "end": "11:00"}],
    }
    (tmp_path / "event.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    event = load_event(tmp_path / "event.yaml")
    frame = frames.Frame(event.programme.page)
    first_page = frames.band(event, face, frame)[1] - frame.bottom
    sentence = "Lang tekst om digitalisering og velfærd i kommunerne. " * 10
    for paragraphs in range(1, 40):
        session = replace(event.sessions[0], text=(sentence,) * paragraphs)
        event = replace(event, sessions=(session,))
        columns = listing._columns(event, face, frame)
        height = listing._entry(event, session, face, columns).height
        if height > first_page:
            break
    assert height < frame.height  # fits a full page
    document = layout_schedule(event, face)
    assert len(document.pages) == 2
    for page in document.pages:
        for item, baseline in _walk(page.items):
            assert baseline >= frame.bottom or baseline < frames.FOOT_RULE, item
    assert "Lang debat" not in [item.text for item, _ in _walk(document.pages[0].items)]
