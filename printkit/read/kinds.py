"""The event-wide facts a conference programme adds: session kinds, tracks and time zone.

``kinds:`` adds kinds to the built-in ones (talk, keynote, panel, workshop, break) or changes
their labels; ``tracks:`` lists the strands once, with their colours; ``timezone:`` names the
IANA zone the sessions' times are local to. Each session's ``kind`` and ``track`` are checked
against these, at their line.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass, replace

from printkit.errors import InputError, key_text
from printkit.lang.labels import FALLBACK
from printkit.model.event import Session
from printkit.model.kinds import KIND_KEYS, Kind, Track
from printkit.read.fields import Fields, as_list, fail, scalar_text, suggest
from printkit.read.people import _cmyk as colour_of  # the roles' CMYK reading
from printkit.read.source import Node

KIND_FIELDS = ("label", "badges", "sign")
TRACK_FIELDS = ("name", "colour")
#: a kind that gets no badges and no tent: a break, lunch or coffee
QUIET = ("break",)


def read_kinds(top: Fields, language: str, labels: dict[str, str]) -> dict[str, Kind]:
    """The built-in kinds labelled from the catalogue (``labels.kind_<key>``), then the
    event's own under ``kinds:`` ({key: {label: … or {da: …, en: …}, badges, sign}})."""
    kinds = {
        key: Kind(
            key,
            labels[f"kind_{key}"],
            people=key not in QUIET,
            sign=key not in QUIET,
            all_rooms=key in QUIET,
        )
        for key in KIND_KEYS
    }
    node = top.get("kinds")
    if node is None:
        return kinds
    if node.kind != "mapping":
        raise fail(node, "kinds", "must be a mapping of kind names to {label, badges, sign}")
    base = language.split("_")[0]
    for name, where in node.keys.items():
        path = f"kinds.{key_text(name)}"
        if not re.fullmatch(r"[a-z][a-z0-9_-]{0,30}", name):
            raise InputError(where, path, "a kind's name is a short lower-case word, e.g. talk")
        item = node.value[name]
        if item.kind != "mapping":
            item = Node({"label": item}, item.where, keys={"label": item.where})
        fields = Fields(item, path, KIND_FIELDS, "a kind")
        old = kinds.get(name)
        label = old.label if old else None
        label_node = fields.get("label")
        if label_node is not None and label_node.kind == "mapping":
            given = {
                lang: scalar_text(label_node.value[lang], f"{path}.label.{lang}", 60)
                for lang in label_node.value
            }
            label = given.get(language) or given.get(base) or given.get(FALLBACK) or label
            label = label or next(iter(given.values()), None)
        elif label_node is not None:
            label = scalar_text(label_node, f"{path}.label", 60)
        if not label:
            raise fail(item, path, "a new kind needs a label, e.g. label: Lightning talk")
        quiet = old is not None and not old.people
        kinds[name] = Kind(
            name,
            label,
            people=fields.flag("badges", not quiet),
            sign=fields.flag("sign", not quiet),
            all_rooms=old.all_rooms if old else False,
        )
    return kinds


def session_kind(fields: Fields, kinds: dict[str, Kind], panel: bool) -> str:
    """A session's ``kind``; without one, a panel when it has panelists or a moderator, else
    a talk."""
    node = fields.get("kind")
    if node is None:
        return "panel" if panel else "talk"
    path = fields.sub("kind")
    name = scalar_text(node, path, 40).strip().casefold()
    if name not in kinds:
        raise fail(
            node,
            path,
            f"{name!r} is not a kind of session ({', '.join(kinds)}){suggest(name, kinds)};"
            " add it under kinds: with its label",
        )
    return name


def in_every_room(fields: Fields, kinds: dict[str, Kind]) -> bool:
    """A session of a kind held in every room (a break) that names no venue of its own."""
    return not fields.has("venue") and kinds[session_kind(fields, kinds, False)].all_rooms


def read_tracks(top: Fields) -> tuple[Track, ...]:
    """``tracks:`` a list of names or of {name, colour: CMYK percentages}."""
    node = top.get("tracks")
    if node is None:
        return ()
    tracks: dict[str, Track] = {}
    for i, item in enumerate(as_list(node, "tracks", "tracks"), start=1):
        path = f"tracks[{i}]"
        if item.kind != "mapping":
            track = Track(scalar_text(item, path, 100))
        else:
            fields = Fields(item, path, TRACK_FIELDS, "a track")
            colour = fields.get("colour")
            track = Track(
                fields.text("name", "every track needs a name", max_length=100) or "",
                colour_of(colour, f"{path}.colour") if colour else None,
            )
        if track.key in tracks:
            raise fail(item, path, f"{track.name!r} is listed twice; list each track once")
        tracks[track.key] = track
    return tuple(tracks.values())


def session_track(fields: Fields, tracks: tuple[Track, ...]) -> str | None:
    """A session's ``track``: one of the event's, when it lists them."""
    node = fields.get("track")
    if node is None:
        return None
    path = fields.sub("track")
    name = " ".join(scalar_text(node, path, 100).split())
    names = [t.name for t in tracks]
    if tracks and Track(name).key not in {t.key for t in tracks}:
        raise fail(
            node,
            path,
            f"{name!r} is not one of the tracks ({', '.join(names)}){suggest(name, names)};"
            " add it under tracks:",
        )
    return next((t.name for t in tracks if t.key == Track(name).key), name)


def read_timezone(top: Fields) -> str | None:
    """``timezone:`` an IANA name such as Europe/Copenhagen."""
    node = top.get("timezone")
    if node is None:
        return None
    return zone_name(node, "timezone")


def zone_name(node: Node, path: str) -> str:
    name = scalar_text(node, path, 64).strip()
    if not known_zone(name):
        raise fail(
            node,
            path,
            f"{name!r} is not an IANA time zone{suggest(name, _zones())};"
            " write it as Region/City, e.g. Europe/Copenhagen",
        )
    return name


def known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _zones() -> set[str]:
    return zoneinfo.available_timezones()


@dataclass(frozen=True)
class Conference:
    """The event-wide facts sessions are checked against."""

    kinds: dict[str, Kind]
    tracks: tuple[Track, ...]
    timezone: str | None


def read_conference(top: Fields, language: str, labels: dict[str, str]) -> Conference:
    return Conference(read_kinds(top, language, labels), read_tracks(top), read_timezone(top))


def session_facts(fields: Fields, session: Session, programme: Conference) -> Session:
    """The session with its kind and track, checked: a kind without badges (a break) names
    nobody, since nobody in it would get a badge."""
    panel = bool(session.panelists or session.moderator)
    kind = session_kind(fields, programme.kinds, panel)
    if not programme.kinds[kind].people and session.people:
        who = next(k for k in ("speakers", "panelists", "moderator") if fields.has(k))
        raise fail(
            fields.need(who, ""),
            fields.sub(who),
            f"a {programme.kinds[kind].label.lower()} ({kind}) gets no badges, so it names"
            " nobody; make it a talk or a panel, or remove the names",
        )
    return replace(session, kind=kind, track=session_track(fields, programme.tracks))
