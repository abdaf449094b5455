"""Rebuilding when the event changes: ``printkit build --watch``.

The watched set is the event file and every file a build of it reads (``inputs``). Every
``poll`` seconds their modification time, size and inode are compared with the last build's;
after a change the watcher waits until they have stayed the same for ``settle`` seconds
(editors save by writing a temporary file and renaming it over the old one, sometimes in
several steps), then rebuilds. A failed rebuild is reported and watching goes on; the output
stays as the last good build left it, because a build writes only once every product
succeeded. Polling a handful of named files needs no dependency and works on network and
synced folders, where change notifications often do not arrive.

Time is injected (``sleep``, ``now``) and ``stop`` or ``max_builds`` end the loop, so tests
drive it deterministically.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from printkit.pipeline.build import Report
from printkit.read.paths import files_read as inputs

POLL = 0.5  # seconds between looks at the files
SETTLE = 0.3  # seconds the files must stay unchanged before a rebuild
SETTLE_ROUNDS = 10  # then rebuild anyway: a file written without pause

Stamp = tuple[int, int, int] | None  # (mtime in ns, size, inode); None: the file is missing


def stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def snapshot(paths: Iterable[Path]) -> dict[Path, Stamp]:
    return {path: stamp(path) for path in paths}


@dataclass(frozen=True)
class Rebuild:
    """One build: when it finished, which watched files set it off (none for the first),
    its report or its error, and the files watched from now on."""

    at: datetime
    changed: tuple[Path, ...]
    watched: tuple[Path, ...]
    report: Report | None = None
    error: Exception | None = None


class BuildInterrupted(KeyboardInterrupt):
    """Ctrl-C during a build rather than while waiting: work was cut short."""


def watch(
    event_file: Path,
    rebuild: Callable[[], Report],
    report: Callable[[Rebuild], None],
    *,
    poll: float = POLL,
    settle: float = SETTLE,
    sleep: Callable[[float], None] = time.sleep,
    now: Callable[[], datetime] = datetime.now,
    stop: threading.Event | None = None,
    max_builds: int | None = None,
) -> int:
    """Build, then rebuild after every change to a watched file, calling ``report`` after
    each build, until ``stop`` is set or ``max_builds`` builds were made; returns how many
    builds were made. Any error of a build is reported, not raised; Ctrl-C is raised, as
    ``BuildInterrupted`` when it came during a build."""
    event_file = Path(event_file).absolute()
    watched: tuple[Path, ...] = (event_file,)
    builds = 0

    def build(changed: tuple[Path, ...]) -> dict[Path, Stamp]:
        nonlocal watched, builds
        before = snapshot(watched)
        result, error = _attempt(rebuild)
        builds += 1
        if result is not None and result.event is not None:
            watched = tuple(dict.fromkeys((event_file, *inputs(result.event))))
        report(Rebuild(now(), changed, watched, result, error))
        # a file changed during the build counts as changed after it: compare with before
        return {path: before[path] if path in before else stamp(path) for path in watched}

    def done() -> bool:
        stopped = stop is not None and stop.is_set()
        return stopped or (max_builds is not None and builds >= max_builds)

    stamps = build(())
    while not done():
        sleep(poll)
        if stop is not None and stop.is_set():
            break
        current = snapshot(watched)
        if current == stamps:
            continue
        current = _settled(watched, current, sleep, settle)
        changed = tuple(path for path in watched if current[path] != stamps[path])
        if changed:
            stamps = build(changed)
    return builds


def _settled(
    paths: tuple[Path, ...], seen: dict[Path, Stamp], sleep: Callable[[float], None], settle: float
) -> dict[Path, Stamp]:
    """The files' stamps once they have stopped changing (or after SETTLE_ROUNDS tries)."""
    for _ in range(SETTLE_ROUNDS):
        sleep(settle)
        current = snapshot(paths)
        if current == seen:
            break
        seen = current
    return seen


def _attempt(rebuild: Callable[[], Report]) -> tuple[Report | None, Exception | None]:
    try:
        return rebuild(), None
    except KeyboardInterrupt:
        raise BuildInterrupted from None
    except Exception as exc:  # a user's mistake or a bug: the caller says which; watching goes on
        return None, exc


# -- what to tell the user ------------------------------------------------------------------


def shown(path: Path, event_file: Path, display: str) -> str:
    """A watched file as the user knows it: the event file as they named it, the files it
    names relative to it (``assets/logo.png``)."""
    folder = Path(event_file).absolute().parent
    if path == Path(event_file).absolute():
        return display
    for base in (folder, folder.resolve()):
        if path.is_relative_to(base):
            return str(Path(display).parent / path.relative_to(base))
    return str(path)


def status(rebuild: Rebuild, show: Callable[[Path], str]) -> str:
    """One line: when, what changed, and what was (re)built, or that nothing was."""
    clock = rebuild.at.strftime("%H:%M:%S")
    cause = ", ".join(show(path) for path in rebuild.changed)
    cause = f" {cause} changed:" if cause else ""
    if rebuild.report is not None:
        made = ", ".join(str(path) for path in rebuild.report.written)
        verb = "rebuilt" if rebuild.changed else "built"
        return f"{clock}{cause} {verb} {made}"
    if not rebuild.changed:
        return f"{clock} not built; correct the event and save it, and the build runs again"
    return f"{clock}{cause} not rebuilt; the files already built are untouched"


def watching(watched: Iterable[Path], show: Callable[[Path], str]) -> str:
    return f"watching {', '.join(show(path) for path in watched)}; Ctrl-C stops"
