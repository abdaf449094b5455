"""A festival's kit on two cores: the signs (a tent per session, a door poster per venue and
day) are laid out, drawn and stamped in a second process, forked once the event is read,
while this one makes the programme, the badges and the calendar.

The files are byte for byte what one process makes: a product's pages depend on the event
alone, and the second process starts from this one's event (a fork: nothing is read again).
It makes the last files of the kit's order only, so an error in this process's products is
the one a one-process build raises first. Whatever the second process cannot deliver (an
error, a crash) this process makes itself, raising what a one-process build raises. Nothing
is written until both halves are done.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from printkit.errors import STOPS
from printkit.model.event import Event
from printkit.pipeline import products as registry

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

#: sessions: a smaller schedule is built in one process (the fork costs more than it gives)
SHARE_FROM = 200
#: the files the second process makes, when they end the kit: the signs, a page per session
#: and per venue and day, about half a festival's work (the programme, the badges and the
#: calendar are the other half)
AWAY = ("tents", "posters")


#: The images a file's pages place: (file, placed width in mm), as ``lay_out`` checks them.
Placements = list[tuple[Path, float]]
#: What the second process sends: ``send(message)``.
Send = Callable[[tuple], None]
#: The second process's work: lay out ``stems``, send their placements, make the files.
Work = Callable[[Sequence[str], Send], None]


def cores() -> int:
    """The CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def away_stems(event: Event, products: Sequence[str]) -> tuple[str, ...]:
    """The files a second process would make for this build: the kit's trailing signs, when
    the schedule is large enough and something is left for this process."""
    if not event.schedule or len(event.sessions) < SHARE_FROM:
        return ()
    stems = list(registry.outputs(products, event))
    away: list[str] = []
    while stems and stems[-1] in AWAY:
        away.insert(0, stems.pop())
    return tuple(away) if stems else ()


class Away:
    """The second process making ``stems``, and what it has sent."""

    def __init__(self, stems: tuple[str, ...], work: Work) -> None:
        import multiprocessing  # the second process's machinery: a large festival's only

        self.stems = stems
        context = multiprocessing.get_context("fork")
        self._inbox, outbox = context.Pipe(duplex=False)
        self._process = context.Process(target=_run, args=(work, stems, outbox))
        # Forked with the stop signals blocked: until the second process has its own
        # handlers, a signal meant for it (this one's terminate) would run this process's
        # handler there and print this build's "interrupted" a second time. Held, it is
        # taken once the handlers are set; one sent to this process, once it has started.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
        try:
            self._process.start()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            raise
        outbox.close()  # this process's copy: the pipe ends when the other process's does
        self._failed = False
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held stop is taken here
        except BaseException:  # (its handler raised) and the second process goes too
            self.stop()
            raise

    def placements(self) -> Placements | None:
        """The images its files place, in their order, once it has laid them out; None if it
        could not (this process then lays them out itself, and ``stems`` is empty)."""
        message = self._receive()
        if message[0] != "laid":
            self.stop()
            self.stems, self._failed = (), True  # nothing is made elsewhere now
            return None
        return message[1]

    def files(self) -> dict[str, tuple[bytes, list[str]]]:
        """Each file it made, stamped, with its notes; a file it could not make is missing."""
        if self._failed:
            return {}
        message = self._receive()
        self.stop()
        return message[1] if message[0] == "made" else {}

    def _receive(self) -> tuple:
        try:
            return self._inbox.recv()
        except (EOFError, OSError):  # it ended without a word (killed, out of memory)
            self._failed = True
            return ("failed",)

    def stop(self) -> None:
        """End the second process (at once, if it is still working) and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._inbox.close()


def start(event: Event, products: Sequence[str], work: Work, shared: bool) -> Away | None:
    """The second process, started, or None when this build is made in one process: one
    core, a small schedule, threads beside this one (no fork beside threads), or a build
    that keeps its documents or re-lays out (``--keep-going``)."""
    if not shared or event.keep_going or not hasattr(os, "fork") or cores() < 2:
        return None
    if threading.active_count() > 1:
        return None
    stems = away_stems(event, products)
    if not stems:
        return None
    # an interruption landing while the second process is forked waits until it is known,
    # and then stops it: a Ctrl-C there left it running, and the build waited for it forever
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    away = Away(stems, work)
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # one held is raised here
    except BaseException:
        away.stop()
        raise
    return away


def _run(work: Work, stems: tuple[str, ...], outbox: Connection) -> None:
    """In the second process: the signals are the first process's (Ctrl-C is ignored here;
    SIGTERM, which the first sends to stop it, simply ends it), and every failure is sent,
    never printed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOPS - {signal.SIGINT}:
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)  # blocked across the fork (Away)
    try:
        work(stems, outbox.send)
    except BaseException:  # noqa: BLE001 - the first process makes what is missing
        with contextlib.suppress(OSError):  # the first process has gone
            outbox.send(("failed",))
    finally:
        outbox.close()
