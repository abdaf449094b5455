"""The typed, frozen model of an event: what load produces and layout consumes."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from functools import cached_property
from pathlib import Path

from printkit.errors import InputWarning, Location
from printkit.model.geometry import PrinterOffset, SheetGeometry
from printkit.model.kinds import Kind, Track
from printkit.model.production import FontFamily, Press
from printkit.model.programme import ProgrammeOptions
from printkit.model.roles import RoleDef
from printkit.model.rows import Refusal

#: the last step of a field path: ".name", "[2]" or a top-level key
_PARENT = re.compile(r"(?:^|\.)[^.\[\]]+$|\[\d+\]$")


@dataclass(frozen=True)
class InputFile:
    """A file the event file names (or the event file itself: ``field`` empty), as found."""

    path: Path
    where: Location | None  # where event.yaml names it
    field: str  # "schedule", "organiser.logo", …
    written: str  # as event.yaml writes it


class Role(StrEnum):
    """The roles the event file itself gives people; an attendee list may name others
    (``printkit.model.roles``), so a person's role is a plain string key."""

    PANELIST = "panelist"
    MODERATOR = "moderator"
    SPEAKER = "speaker"


class SortOrder(Enum):
    AS_GIVEN = "as-given"
    LAST_NAME = "last-name"
    ROLE = "role"


class BadgeBack(Enum):
    """What the back of a badge carries, for lanyards that turn."""

    NONE = "none"
    INFO = "info"  # the name again, the event's title, date and venue, a QR code
    QR = "qr"  # the name again and a large QR code


class Duplex(Enum):
    """How the backs are printed: on the next page, flipped on the long or the short edge,
    or on the same piece, folded."""

    LONG_EDGE = "long-edge"
    SHORT_EDGE = "short-edge"
    FOLD = "fold"


class SignKind(Enum):
    TENT = "tent"
    POSTER = "poster"


@dataclass(frozen=True, slots=True)  # one per listed person: no dict each
class ListRow:
    """Where a person of an attendee list was read: the row, and the column of each field."""

    file: str
    line: int  # the row's first line in the file
    row: int  # the row's number among the list's rows
    columns: tuple[tuple[str, int, str], ...] = ()  # (field, 1-based column, header as written)

    @property
    def where(self) -> Location:
        return Location(self.file, self.line)

    def cell(self, key: str) -> tuple[Location, str]:
        """``people.csv:14:3`` and ``row 12, column 'Company'``: where ``key`` was read."""
        key = key.split("[")[0].removesuffix("s") if key.startswith("organisation") else key
        for field_name, column, header in self.columns:
            if field_name == key:
                return Location(self.file, self.line, column), f"row {self.row}, column {header!r}"
        return self.where, f"row {self.row}, {key}"

    def __str__(self) -> str:
        return f"{self.where}: row {self.row}"


@dataclass(frozen=True, slots=True)  # 100,000 of them in a large run: no dict each
class Person:
    name: str
    role: str  # a key of Event.roles: "panelist", "moderator", "staff", …
    title: str | None = None
    organisations: tuple[str, ...] = ()
    first_name: str | None = None
    last_name: str | None = None
    pronouns: str | None = None
    email: str | None = None
    ticket_id: str | None = None
    extra: tuple[tuple[str, str], ...] = ()  # other columns of an attendee list
    language: str | None = None  # the list's language cell as a code: the badge's words
    origin: ListRow | None = None  # where a person from an attendee list was read
    path: str = field(default="", compare=False)  # in the event file, e.g. "panelists[2]"

    def place(self, key: str) -> tuple[Location | None, str]:
        """Where this person's ``key`` (name, title, …) was read, as a message names it: a
        list's cell, or the event file's field path (``Event.where`` finds its line)."""
        if self.origin is not None:
            return self.origin.cell(key)
        return None, f"{self.path}.{key}" if self.path else key

    @property
    def shown(self) -> str:
        """The person as a message about a list row names them: `` (Mia Al-Sayed)``."""
        return f" ({self.name})" if self.origin is not None else ""

    @property
    def key(self) -> str:
        """Who this is, across sessions and lists: the name, whatever its case, spacing or
        Unicode composition."""
        return " ".join(unicodedata.normalize("NFC", self.name).split()).casefold()

    def values(self) -> dict[str, str]:
        """Every value by name, for templates such as ``https://t.example.org/{ticket_id}``."""
        result = {
            "name": self.name,
            "first_name": self.first_name or "",
            "last_name": self.last_name or "",
            "title": self.title or "",
            "organisation": ", ".join(self.organisations),
            "role": self.role,
            "pronouns": self.pronouns or "",
            "email": self.email or "",
            "ticket_id": self.ticket_id or "",
            "language": self.language or "",
        }
        for header, value in self.extra:
            result.setdefault(header, value)
        return result


@dataclass(frozen=True)
class PersonalQR:
    """A code per badge: a URL made from a template with the person's values, or a vCard."""

    template: str | None = None  # e.g. https://tickets.example.org/{ticket_id}
    vcard: bool = False


@dataclass(frozen=True)
class BadgeOptions:
    sort: SortOrder = SortOrder.AS_GIVEN
    qr: PersonalQR | None = None
    first_name_above: bool = False  # the first name emphasised above the family name
    upper: bool = False  # names in capitals (else as given)
    case: str = "as-given"  # as-given, upper, or title (mends all-lower and all-upper names)
    mono: bool = False  # colour: mono, for thermal printers: solid black, no tints
    pronouns: bool = True  # a pronouns line when the person has pronouns


@dataclass(frozen=True)
class Question:
    lead: str
    text: str


@dataclass(frozen=True)
class Venue:
    name: str
    area: str | None = None
    place: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        """Which room this is: its name and area code, whatever their case (not the place)."""
        return (" ".join(self.name.split()).casefold(), (self.area or "").casefold())


@dataclass(frozen=True)
class Picture:
    """An image file placed on the products, measured as the event is read: layout reads
    no files, it places ``aspect``; render draws ``path``."""

    path: Path
    aspect: float  # width / height


@dataclass(frozen=True)
class Organiser:
    name: str
    tagline: str | None = None
    logo: Picture | None = None


@dataclass(frozen=True)
class Session:
    """One programme item. A single-session event holds exactly one, built from the top level.

    ``kind`` is a key of ``Event.kinds``; ``speakers`` are a talk's (a panel has panelists and
    a moderator); ``track`` names one of ``Event.tracks``; ``url`` is the session's own page
    (a pretalx talk's), put on its tent and poster instead of the event's; ``uid`` is the
    schedule's identifier for it (frab's guid, an iCalendar UID), kept in ``programme.ics``.
    """

    title: str
    date: dt.date
    start: dt.time
    end: dt.time  # 00:00 after a later start: midnight, the end of ``date``
    venue: Venue
    subtitle: str | None = None
    text: tuple[str, ...] = ()
    questions: tuple[Question, ...] = ()
    panelists: tuple[Person, ...] = ()
    moderator: Person | None = None
    kind: str = "panel"
    speakers: tuple[Person, ...] = ()
    track: str | None = None
    language: str | None = None  # the language it is held in, when not the event's
    url: str | None = None
    uid: str | None = None
    everywhere: bool = False  # a break in every room: ``venue`` only words that ("All rooms")
    rooms: tuple[Venue, ...] = ()  # a break in these rooms: ``venue`` words them ("A, B")
    path: str = field(default="", compare=False)  # in the event file; "" is the top level

    @property
    def people(self) -> tuple[Person, ...]:
        return self.speakers + self.panelists + ((self.moderator,) if self.moderator else ())

    @property
    def since(self) -> int:
        """Its start in minutes after the day's midnight."""
        return self.start.hour * 60 + self.start.minute

    @property
    def until(self) -> int:
        """Its end in minutes after the day's midnight: 1,440 for a session that ends at
        midnight (``end`` 00:00), so that it ends after it starts and before the next day."""
        return (self.end.hour * 60 + self.end.minute) or 24 * 60

    @property
    def ends(self) -> dt.datetime:
        """The moment it ends (naive): the next day's 00:00 for a session that ends at midnight."""
        if self.end != dt.time():
            return dt.datetime.combine(self.date, self.end)  # keeps a repeated hour's fold
        return dt.datetime.combine(self.date + dt.timedelta(days=1), self.end)

    def credits(self, labels: dict[str, str]) -> tuple[tuple[str, tuple[Person, ...]], ...]:
        """Its people under their headings, as printed: "Speaker:" or "Speakers:" (by their
        number), "Panel:", "Moderator:"; headings without people are left out."""
        speaker = labels["one_speaker" if len(self.speakers) == 1 else "speakers"]
        moderator = (self.moderator,) if self.moderator else ()
        groups = (
            (speaker, self.speakers),
            (labels["panel"], self.panelists),
            (labels["moderator"], moderator),
        )
        return tuple((label, people) for label, people in groups if people)


@dataclass(frozen=True)
class Event:
    """An event: one debate (``sessions`` holds the one Session built from the top level) or,
    when event.yaml lists ``sessions:``, a schedule of them (``schedule`` is True) with the
    event-wide facts here: ``title`` is then the event's or festival's name."""

    source: Path
    language: str
    title: str
    url: str
    sessions: tuple[Session, ...]  # in the file's order; ``timetable`` sorts them
    labels: dict[str, str] = field(hash=False, compare=True)
    festival: str | None = None
    organiser: Organiser | None = None
    sheet: SheetGeometry | None = None
    offset: PrinterOffset = PrinterOffset()
    sign: SignKind | None = None  # None: a tent for one debate; tents and posters for a schedule
    sign_code: str = "url"  # a session's sign code: "url" (its own or the event's), "calendar"
    fonts: FontFamily | None = None
    press: Press | None = None  # None: office mode, for a desktop printer
    badge_back: BadgeBack = BadgeBack.NONE
    duplex: Duplex = Duplex.LONG_EDGE
    attendees: tuple[Person, ...] = ()  # from the attendee list, as read
    attendee_summary: str | None = None  # how the list was read, to report
    attendee_file: Path | None = None
    roles: dict[str, RoleDef] = field(default_factory=dict, hash=False)
    badge: BadgeOptions = BadgeOptions()
    only: tuple[tuple[str, str], ...] = ()  # badge filters from the command line
    refused: tuple[Refusal, ...] = ()  # listed rows that cannot be printed, each with why
    keep_going: bool = False  # --keep-going: print everyone else, list the refused rows
    start: int = 1  # --start N: the first badge goes on label N of the first sheet
    schedule: bool = False  # event.yaml lists sessions: a programme of many pages, signs per room
    subtitle: str | None = None  # a schedule's subtitle (one debate's is its session's)
    intro: tuple[str, ...] = ()  # a schedule's introduction: paragraphs before the sessions
    dates: tuple[dt.date, dt.date] | None = None  # a festival's first and last day, as stated
    programme: ProgrammeOptions = ProgrammeOptions()  # a schedule's parts, paper and booklet
    sign_paper: str | None = None  # sign: {paper: …}; None: A4 tents, A3 posters
    warnings: tuple[InputWarning, ...] = field(default=(), compare=False)
    #: everyone to badge, each once: the event's own people first (panelists before
    #: moderators), then the attendee list, a listed panelist merged into the panel's entry;
    #: filled by the preparation (``pipeline.prepare``), empty as read
    people: tuple[Person, ...] = field(default=(), compare=False, repr=False)
    #: who gets a badge this run, in order: ``people`` filtered (--only) and sorted
    badged: tuple[Person, ...] = field(default=(), compare=False, repr=False)
    #: field path ("panelists[2].name") → where its value is in the event file
    locations: dict[str, Location] = field(default_factory=dict, compare=False, repr=False)
    kinds: dict[str, Kind] = field(default_factory=dict, hash=False)  # key → kind, labelled
    tracks: tuple[Track, ...] = ()
    timezone: str | None = None  # IANA name; the sessions' times are local times there
    schedule_file: Path | None = None  # ``schedule:``, read for sessions (to report and watch)
    #: the event file and every file it names, where it names them: never written over
    inputs: tuple[InputFile, ...] = field(default=(), compare=False, repr=False)

    def kind(self, session: Session) -> Kind:
        """The session's kind, labelled in the event's language."""
        found = self.kinds.get(session.kind)
        return found if found is not None else Kind(session.kind, session.kind.title())

    def track(self, session: Session) -> Track | None:
        if session.track is None:
            return None
        wanted = " ".join(session.track.split()).casefold()
        return next((t for t in self.tracks if t.key == wanted), None)

    def place(self, where: Location | None, path: str) -> Location | None:
        """``where`` if known (a list's cell), else where ``path`` is in the event file."""
        return where if where is not None else self.where(path)

    def where(self, path: str) -> Location | None:
        """Where ``path`` is in the event file; for a key not written there (a missing
        organisation), where the nearest enclosing one is, as load's errors point."""
        while path and path not in self.locations:
            parent = _PARENT.sub("", path)
            path = parent if parent != path else ""
        return self.locations.get(path)

    @property
    def main(self) -> Session:
        return self.sessions[0]

    @property
    def timetable(self) -> tuple[Session, ...]:
        """The sessions by day and time (the file's order breaks ties)."""
        return tuple(sorted(self.sessions, key=lambda s: (s.date, s.start, s.until)))

    @property
    def days(self) -> tuple[dt.date, ...]:
        return tuple(sorted({session.date for session in self.sessions}))

    @cached_property
    def venues(self) -> tuple[Venue, ...]:
        """Every room once, in the order the file first names it (computed once: a festival's
        programme and signs ask for it per page)."""
        found: dict[tuple[str, str], Venue] = {}
        for session in self.sessions:
            for venue in session.rooms or (() if session.everywhere else (session.venue,)):
                found.setdefault(venue.key, venue)
        return tuple(found.values())

    def by_day_and_venue(self) -> tuple[tuple[dt.date, Venue, tuple[Session, ...]], ...]:
        """The sessions of each day in each venue, by time: days in order, venues in the order
        the file first names them; a day's breaks in every room first, under their own; a break
        in several rooms (``Session.rooms``) in each of them."""
        order = {key: i for i, key in enumerate(v.key for v in self.venues)}
        groups: dict[tuple[dt.date, int], list[Session]] = {}
        for session in self.timetable:
            rooms = () if session.everywhere else session.rooms or (session.venue,)
            for index in [order[v.key] for v in rooms] or [-1]:
                groups.setdefault((session.date, index), []).append(session)
        return tuple(
            (day, self.venues[index] if index >= 0 else found[0].venue, tuple(found))
            for (day, index), found in sorted(groups.items(), key=lambda item: item[0])
        )

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The first and last day with a session (within ``dates``, which may be wider)."""
        days = self.days
        return days[0], days[-1]
