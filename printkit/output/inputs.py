"""A command never writes over its own input.

Before anything is written, every file a command may write, replace or remove in its output
folder (``Target``) is held against every file the event names (``Event.inputs``: the event
file, its schedule, attendee list, logo, fonts, ICC profile, glabels template). An input is
refused, at the line that names it, when it is one of them: the same path, the same file
behind a symbolic link either way (``schedule: sched.ics`` linking to ``out/programme.ics``,
or ``out/programme.ics`` linking to the schedule), or the same inode (a hard link). An input
named like a file the command removes (a temporary file's leftover, a proof's page) is
refused too.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from printkit.errors import InputError, Location, shown
from printkit.model.event import InputFile


@dataclass(frozen=True)
class Target:
    """What a command may write or remove: the file ``folder``/``name``, or (``name`` None)
    every file in ``folder`` whose name ``pattern`` matches. ``what`` says what an input
    that is one of them is: "the same file as out/programme.ics, which this command
    writes"."""

    folder: Path
    pattern: re.Pattern[str]
    what: str
    name: str | None = None


def writes(path: Path) -> list[Target]:
    """The file ``path`` a command writes, and the temporary files of its name (which the
    next write of it removes when left over, ``files.remove_leftovers``)."""
    temporary = re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]{{8}}\.tmp")
    return [
        Target(
            path.parent,
            re.compile(re.escape(path.name)),
            f"the same file as {path}, which this command writes",
            path.name,
        ),
        Target(
            path.parent,
            temporary,
            f"named like a temporary file of {path}, which this command removes when left over",
        ),
    ]


def writes_like(folder: Path, pattern: str, shown_as: str) -> list[Target]:
    """Every file in ``folder`` named as the regular expression ``pattern`` says (shown as
    ``shown_as``: "out/proof/programme-N.png"), which a command writes or removes, and the
    temporary files of such names."""
    return [
        Target(
            folder,
            re.compile(pattern),
            f"named like {shown_as}, which this command writes and removes",
        ),
        Target(
            folder,
            re.compile(rf"\.(?:{pattern})\.[A-Za-z0-9_]{{8}}\.tmp"),
            f"named like a temporary file of {shown_as}, which this command removes when left over",
        ),
    ]


def refuse_inputs(inputs: Sequence[InputFile], targets: Iterable[Target]) -> None:
    """Raise an ``InputError`` at the first input that is one of the targets."""
    targets = list(targets)
    listed: dict[Path, list[str]] = {}
    for named in inputs:
        for target in targets:
            if _is(named.path, target, listed):
                where = named.where if named.where is not None else Location(str(named.path))
                name = shown(named.written) if named.field else "the event file"
                raise InputError(
                    where,
                    named.field,
                    f"{name} is {target.what}; write the output into another"
                    " folder (-o), or move the file (and name it where it is)",
                )


def _is(path: Path, target: Target, listed: dict[Path, list[str]]) -> bool:
    """Whether ``path`` is (a name of) one of ``target``'s files."""
    folder = _resolved(target.folder)
    lexical = Path(os.path.abspath(path))
    for candidate in (lexical, _resolved(lexical)):  # the name itself, and where it leads
        if _resolved(candidate.parent) == folder and target.pattern.fullmatch(candidate.name):
            return True
    try:
        own = os.stat(path)
    except OSError:
        return False
    if target.name is not None:
        names = [target.name]
    else:
        if folder not in listed:
            try:
                listed[folder] = sorted(os.listdir(folder))
            except OSError:
                listed[folder] = []
        names = [name for name in listed[folder] if target.pattern.fullmatch(name)]
    for name in names:  # the same file under another name: a hard link, a case-blind folder
        try:
            if os.path.samestat(own, os.stat(folder / name)):
                return True
        except OSError:
            continue
    return False


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))
