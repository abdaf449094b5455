"""A day at a glance: time runs down the page, rooms across, each session a box as tall as
it lasts. Parallel sessions stand side by side at the same height; sessions that overlap in
one room share its column in lanes. A day with more rooms than fit the page's width at
``MIN_ROOM`` mm a room continues on the next page, the time axis repeated, the rooms shared
out evenly over as few pages as hold them. A day too long for a page at the smallest scale
goes on over pages, a window of hours each; the scale grows (and the windows shorten) until
the day's shortest session has room for its time and title.

A box is filled by rule (``fit``): the time, the title, the subtitle and the people at the
largest size down to ``FLOOR``; at the floor the subtitle is cut short ("…"), then dropped,
then the people's list is cut short and dropped, then the time; a title that still cannot
fit is an error naming the session.
"""

from __future__ import annotations

import datetime as dt
import math
from itertools import groupby

from printkit.errors import LayoutError
from printkit.lang import i18n
from printkit.layout.flow import FIRST_BASELINE, paragraph
from printkit.layout.items import Group, Item, Line, Text, field_path
from printkit.layout.text import fit_block, width_mm, wrap
from printkit.layout.words import language_tag, room
from printkit.model.event import Event, Session, Venue
from printkit.model.geometry import PT, Rect
from printkit.products.schedule.columns import Sheet
from printkit.products.schedule.frame import PRODUCT, Frame
from printkit.products.schedule.rows import ELLIPSIS
from printkit.products.schedule.tracks import decorations, inside, legend, tracks_on
from printkit.typeset.fonts import Typeface

AXIS = 12.0  # mm: the time labels' column at the left
MIN_ROOM = 32.0  # mm: the narrowest room column that reads at the floor size
MAX_SCALE = 1.5  # mm per minute: a short day does not balloon (an hour: 90 mm)
MIN_SCALE = 0.4  # mm per minute: a longer day goes on over pages, a window of hours each
HEADER = 20.0  # mm a page's date and room names take above the grid, at most
HEADING = 13.0  # pt: the day's date
ROOM = 8.0  # pt: the room's name over its column
ROOM_MIN = 6.5
HOUR = 7.0  # pt: the time axis
TITLE = 9.0  # pt: a box's title at its design size
FLOOR = 6.0  # pt: no smaller
STEP = 0.5
TIME = 6.5  # pt: the box's time range, fixed so parallel titles share a baseline
SMALLER = 1.5  # pt: the subtitle and people under a title of a given size
TITLE_LEADING = 1.1
EXTRA_LEADING = 1.15
TIME_SPACE = 0.45  # em below the time line
DESCENT = 0.3  # em below a baseline that a line's descenders take
PAD = 1.2  # mm inside a box
GAP = 0.8  # mm between boxes
HEAD_GAP = 2.5  # mm below the room names
#: mm the shortest box needs: its time and a line of title at the floor size, padded
SHORTEST = (
    2 * PAD
    + (FIRST_BASELINE + TIME_SPACE) * TIME * PT
    + FIRST_BASELINE * TITLE * PT
    + DESCENT * FLOOR * PT
    + GAP
)


def grid_sheets(
    event: Event, face: Typeface, frame: Frame, first_top: float, tags: dict[int, int]
) -> list[Sheet]:
    sheets: list[Sheet] = []
    order = {venue.key: i for i, venue in enumerate(event.venues)}
    for day, sessions in groupby(event.timetable, key=lambda s: s.date):
        sessions = list(sessions)
        rooms = sorted(
            {v.key: v for s in sessions for v in _rooms_of(s)}.values(),
            key=lambda v: order[v.key],
        )
        per = max(1, int((frame.width - AXIS) // MIN_ROOM))
        pages = math.ceil(len(rooms) / per)
        per = math.ceil(len(rooms) / pages)
        start = min(s.since for s in sessions) // 60 * 60
        last = -(-max(s.until for s in sessions) // 60) * 60
        first = start
        while start < last:
            top = first_top if not sheets else frame.top
            room = int((top - HEADER - frame.bottom) / _least_scale(sessions))
            cut = _window_end(sessions, start, last, room)
            window = [s for s in sessions if start <= s.since < cut]
            for k in range(pages if window else 0):
                top = first_top if not sheets else frame.top
                group = rooms[k * per : (k + 1) * per]
                keys = {v.key for v in group}
                shown = [
                    s for s in window if s.everywhere or any(v.key in keys for v in _rooms_of(s))
                ]
                end = max([cut, *(-(-s.until // 60) * 60 for s in window)])
                continued = k > 0 or start > first
                sheets.append(
                    _page(event, face, frame, top, day, group, shown, (start, end), continued, tags)
                )
            start = cut
    return sheets


def _least_scale(sessions: list[Session]) -> float:
    """mm per minute for the day: ``MIN_SCALE``, or more, up to ``MAX_SCALE``, so that its
    shortest session's box holds its time and title (a day of 15-minute talks runs over
    more pages, each a shorter window of hours, rather than print a box too small to read)."""
    shortest = min(max(1, s.until - s.since) for s in sessions)
    return min(MAX_SCALE, max(MIN_SCALE, SHORTEST / shortest))


def _window_end(sessions: list[Session], start: int, last: int, room: int) -> int:
    """Where a page's time window ends: at the latest hour the page has room for at
    ``MIN_SCALE`` that no session runs across (else at that hour regardless: a session
    running across it is drawn whole on its page)."""
    limit = start + max(60, room // 60 * 60)
    if limit >= last:
        return last
    free = [
        hour
        for hour in range(start + 60, limit + 1, 60)
        if not any(s.since < hour < s.until for s in sessions)
    ]
    return max(free, default=limit)


def _page(
    event: Event,
    face: Typeface,
    frame: Frame,
    top: float,
    day: dt.date,
    rooms: list[Venue],
    sessions: list[Session],
    window: tuple[int, int],
    continued: bool,
    tags: dict[int, int],
) -> Sheet:
    sheet = Sheet(top=top, low=frame.bottom)
    bottom = frame.bottom
    tracks = tracks_on(event, sessions)
    if tracks:  # the legend at the page's foot, the grid above it
        key, height = legend(face, tracks, frame.left + AXIS, frame.width - AXIS)
        sheet.items.append(Group(tuple(key), offset=(0.0, frame.bottom)))
        bottom += height
    text = i18n.long_date(day, event.language)
    if continued:
        text += f" ({event.labels['continued']})"
    block = paragraph(face, [(text, "bold")], frame.left, top, frame.width, HEADING, 1.2, "accent")
    sheet.items += block.items
    y = top - block.height - 2.0
    column = (frame.width - AXIS) / max(1, len(rooms))  # a day of breaks alone: one column
    x0 = frame.left + AXIS
    names = [_room_name(face, venue, column - 2 * PAD) for venue in rooms]
    lines = max((len(n.lines) for n in names), default=1)
    name_size = min((n.size for n in names), default=ROOM)
    for i, fitted in enumerate(names):
        for j, line in enumerate(fitted.lines):
            baseline = y - (FIRST_BASELINE + j * 1.15) * name_size * PT
            sheet.items.append(Text(x0 + i * column + PAD, baseline, line, "bold", name_size))
    y -= ((lines - 1) * 1.15 + FIRST_BASELINE + 0.3) * name_size * PT + HEAD_GAP
    first, last = window
    scale = min((y - bottom) / (last - first), MAX_SCALE)

    def at(minutes: int) -> float:
        return y - (minutes - first) * scale

    for hour in range(first, last + 1, 60):
        line_y = at(hour)
        sheet.items.append(Line(x0, line_y, frame.right, line_y, "rule", 0.4))
        label = i18n.short_time(dt.time(hour // 60 % 24, 0), event.language)
        size = HOUR if width_mm(face, label, "bold", HOUR) <= AXIS - 1.5 else HOUR * 0.8
        sheet.items.append(
            Text(x0 - 1.5, line_y - size * 0.75 * PT, label, "bold", size, "text", "right")
        )
    for session in (s for s in sessions if s.everywhere or s.rooms):  # a break over columns
        for first_column, count in _runs(session, rooms):
            box = Rect(
                x0 + first_column * column + GAP / 2,
                at(session.until) + GAP / 2,
                column * count - GAP,
                (session.until - session.since) * scale - GAP,
            )
            sheet.items += decorations(event, session, box)
            sheet.items += fit(event, face, session, inside(event, session, box))
        sheet.tags.add(tags[id(session)])
    for i, venue in enumerate(rooms):
        mine = [s for s in sessions if not (s.everywhere or s.rooms) and s.venue.key == venue.key]
        lanes = _lanes(mine)
        count = max(lanes.values(), default=0) + 1
        lane = column / count
        for session in mine:
            box = Rect(
                x0 + i * column + lanes[id(session)] * lane + GAP / 2,
                at(session.until) + GAP / 2,
                lane - GAP,
                (session.until - session.since) * scale - GAP,
            )
            sheet.items += decorations(event, session, box)
            sheet.items += fit(event, face, session, inside(event, session, box))
            sheet.tags.add(tags[id(session)])
    return sheet


def _rooms_of(session: Session) -> tuple[Venue, ...]:
    """The columns a session takes: its rooms (a break in several), its venue, or none of
    its own (a break in every room)."""
    return session.rooms or (() if session.everywhere else (session.venue,))


def _runs(session: Session, rooms: list[Venue]) -> list[tuple[int, int]]:
    """A break's boxes on a page of ``rooms``: each run of adjacent columns it covers, as
    (first column, number of columns); a break in every room takes them all (at least one)."""
    if session.everywhere:
        return [(0, max(1, len(rooms)))]
    keys = {venue.key for venue in session.rooms}
    runs: list[tuple[int, int]] = []
    for i, venue in enumerate(rooms):
        if venue.key not in keys:
            continue
        if runs and sum(runs[-1]) == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def _room_name(face: Typeface, venue: Venue, width: float):
    fitted = fit_block(face, room(venue), "bold", width, ROOM, ROOM_MIN, 2)
    if fitted is None:
        raise LayoutError(
            PRODUCT,
            f"the room's name {room(venue)!r} does not fit its {width:.0f} mm column of the day's"
            " grid in two lines; shorten it",
            venue.name,
        )
    return fitted


def _lanes(sessions: list[Session]) -> dict[int, int]:
    """Sessions that overlap in one room go side by side: each takes the first free lane."""
    ends: list[int] = []
    lanes: dict[int, int] = {}
    for session in sorted(sessions, key=lambda s: (s.since, s.until)):
        start = session.since
        free = next((k for k, end in enumerate(ends) if end <= start), None)
        if free is None:
            ends.append(0)
            free = len(ends) - 1
        ends[free] = session.until
        lanes[id(session)] = free
    return lanes


def people_of(event: Event, session: Session) -> list[str]:
    return [p.name for p in session.people]


def fit(event: Event, face: Typeface, session: Session, box: Rect) -> list[Item]:
    """The box's words by the rule in the module's docstring."""
    width = box.width - 2 * PAD
    time = i18n.time_range(session.start, session.end, event.language)
    tag = language_tag(event, session)  # "10:00–10:45 · DA", or the time alone if no room
    times = (f"{time} · {tag}", time) if tag else (time,)
    names = people_of(event, session)
    sizes = [TITLE - STEP * k for k in range(int((TITLE - FLOOR) / STEP) + 1)]
    stages = [(size, "full") for size in sizes]
    # at the floor: the subtitle cut short, then dropped; the people cut short, then dropped;
    # then the time (the axis still tells it)
    stages += [
        (FLOOR, s) for s in ("cut subtitle", "no subtitle", "cut people", "no people", "no time")
    ]
    for size, stage in stages:
        items = _attempt(face, session, box, width, size, stage, times, names, event)
        if items is not None:
            return items
    raise LayoutError(
        PRODUCT,
        f"the title of {session.title!r} ({session.date.isoformat()}, {session.start:%H:%M},"
        f" {room(session.venue)}) does not fit its {box.width:.0f} × {box.height:.0f} mm box in the"
        f" day's grid even at {FLOOR:g} pt; shorten the title",
        session.title,
        field=field_path(session.path, "title"),
    )


def _attempt(
    face: Typeface,
    session: Session,
    box: Rect,
    width: float,
    size: float,
    stage: str,
    times: tuple[str, ...],
    names: list[str],
    event: Event,
) -> list[Item] | None:
    """The box's words at ``size`` and ``stage`` (see ``fit``), or None if they overflow."""
    small = max(size - SMALLER, FLOOR - 0.5)
    top = box.top - PAD
    bottom = box.y + PAD
    x = box.x + PAD
    items: list[Item] = []
    if stage != "no time":
        time = next((t for t in times if width_mm(face, t, "bold", TIME) <= width), None)
        if time is None:
            return None
        items.append(Text(x, top - FIRST_BASELINE * TIME * PT, time, "bold", TIME))
        top -= (FIRST_BASELINE + TIME_SPACE) * TIME * PT
    title = _lines(face, session.title, "bold", width, size)
    if title is None:
        return None
    # every title's first baseline where a full-size one's is: parallel titles align
    baseline = top - FIRST_BASELINE * TITLE * PT
    y = baseline - ((len(title) - 1) * TITLE_LEADING + DESCENT) * size * PT
    if y < bottom - 1e-6:
        return None
    items += _set(title, "bold", size, x, baseline, TITLE_LEADING)
    extras = []
    if session.subtitle and stage in ("full", "cut subtitle"):
        extras.append((session.subtitle, "italic", "muted", stage == "cut subtitle"))
    if names and stage in ("full", "cut subtitle", "no subtitle", "cut people"):
        extras.append((", ".join(names), "regular", "text", stage == "cut people"))
    for text, style, colour, cut in extras:
        lines = _lines(face, text, style, width, small)
        if lines is None:
            return None
        step = EXTRA_LEADING * small * PT
        first = y - (FIRST_BASELINE - DESCENT) * small * PT  # the first line's baseline
        fits = int((first - DESCENT * small * PT - bottom) / step) + 1 if first > bottom else 0
        if len(lines) > fits:
            if not cut or fits < 1:
                return None
            lines = _cut(face, text, style, width, small, fits)
        items += _set(lines, style, small, x, first, EXTRA_LEADING, colour)
        y = first - (len(lines) - 1) * step - DESCENT * small * PT
    return items


def _lines(face, text: str, style: str, width: float, size: float) -> list[str] | None:
    lines = ["".join(t for _, t, _ in line) for line in wrap(face, [(text, style)], width, size)]
    if any(width_mm(face, line, style, size) > width + 0.05 for line in lines):
        return None
    return lines


def _cut(face, text: str, style: str, width: float, size: float, count: int) -> list[str]:
    """The first ``count`` lines of ``text``, the last ending in "…"."""
    lines = _lines(face, text, style, width, size) or [text]
    kept = lines[:count]
    last = kept[-1]
    while last and width_mm(face, last + ELLIPSIS, style, size) > width:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,") + ELLIPSIS
    return kept


def _set(
    lines: list[str],
    style: str,
    size: float,
    x: float,
    baseline: float,
    leading: float,
    colour: str = "text",
) -> list[Item]:
    return [
        Text(x, baseline - i * leading * size * PT, line, style, size, colour)
        for i, line in enumerate(lines)
    ]
