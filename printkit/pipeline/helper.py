"""A small build on two cores: the calendar and the stamp pass in a second process.

The stamp pass (``output.stamp``: pikepdf) and ``programme.ics`` (icalendar) need two large
libraries that nothing else of a build needs, and a seed kit spends a third of its CPU
loading them and using them. Forked once the event is read, a helper loads them and makes
the calendar while this process lays out and draws the files; each file drawn is handed
over (its descriptor, over a socket) and comes back stamped, in a file of the helper's.

The bytes are what one process makes: the helper runs the same code on the same event (a
fork: nothing is read again). Whatever it cannot deliver (an error, a crash) this process
makes itself, at the moment a one-process build makes it, so it raises what such a build
raises. It uses ``os.fork`` and a socket pair, not ``multiprocessing`` (whose import would
cost a seed build what it saves).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import socket
import struct
import tempfile
import threading
from typing import BinaryIO

from printkit.errors import STOPS
from printkit.model.event import Event
from printkit.model.production import PdfX
from printkit.pipeline.share import cores

HEADER = struct.Struct("!I")  # a message's length, before it
NOT_MADE = ("failed",)


class Helper:
    """The second process, and what it has sent so far."""

    def __init__(self, event: Event, ics: bool, epoch: int, pdfx: PdfX | None) -> None:
        self._socket, theirs = socket.socketpair()
        held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)  # until the child has its own
        try:
            pid = os.fork()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
            raise
        if pid == 0:  # the helper: never returns
            self._socket.close()
            _serve(theirs, event, ics, epoch, pdfx)
        self._pid = pid
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held stop is taken here
        theirs.close()
        self._received: dict[str, tuple] = {}
        self._failed = False

    def stamp(self, stem: str, staged: BinaryIO) -> None:
        """Hand ``staged`` (a file drawn, before the stamp pass) over to be stamped."""
        if self._failed:
            return
        staged.flush()
        try:
            _send(self._socket, ("stamp", stem), [staged.fileno()])
        except OSError:
            self._failed = True

    def calendar(self) -> bytes | None:
        """The calendar's bytes, or None if the helper could not make them."""
        found = self._wait("calendar")
        return None if found is None else found[2]

    def stamped(self, stem: str) -> BinaryIO | None:
        """``stem``'s file stamped (a file of the helper's, at its start), or None."""
        found = self._wait(stem)
        if found is None:
            return None
        file = os.fdopen(found[2], "rb")
        file.seek(0)
        return file

    def _wait(self, key: str) -> tuple | None:
        while key not in self._received and not self._failed:
            try:
                message, fds = _receive(self._socket)
            except (OSError, EOFError, pickle.UnpicklingError):
                message, fds = NOT_MADE, []
            if message[0] == "failed":
                self._failed = True
                for fd in fds:
                    os.close(fd)
                break
            self._received[message[1]] = (*message, *fds)
        return self._received.pop(key, None)

    def stop(self) -> None:
        """End the helper (at once, if it is still working) and wait for it."""
        with contextlib.suppress(OSError):
            _send(self._socket, ("end",), [])
        self._socket.close()
        for entry in self._received.values():
            for fd in entry[2:]:
                with contextlib.suppress(OSError):
                    os.close(fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)


def start(event: Event, ics: bool, epoch: int, pdfx: PdfX | None) -> Helper | None:
    """The helper, or None: one core, threads beside this one (no fork beside threads), or
    no ``os.fork``."""
    if not hasattr(os, "fork") or cores() < 2 or threading.active_count() > 1:
        return None
    return Helper(event, ics, epoch, pdfx)


def _serve(ours: socket.socket, event: Event, ics: bool, epoch: int, pdfx: PdfX | None) -> None:
    """In the helper: the calendar first, then each file handed over, stamped; every failure
    is sent, never printed. Ctrl-C is the first process's to answer; a SIGTERM ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOPS - {signal.SIGINT}:
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    try:
        if ics:
            from printkit.output.calendar import calendar

            _send(ours, ("made", "calendar", calendar(event)), [])
        from printkit.output.stamp import stamp_into

        while True:
            message, fds = _receive(ours)
            if message[0] != "stamp":
                break
            with os.fdopen(fds[0], "rb") as staged, tempfile.TemporaryFile() as out:
                stamp_into(staged, out, epoch, pdfx)
                out.flush()
                _send(ours, ("made", message[1]), [out.fileno()])
    except BaseException:  # noqa: BLE001 - the first process makes what is missing
        with contextlib.suppress(OSError):
            _send(ours, NOT_MADE, [])
    finally:
        os._exit(0)


def _send(sock: socket.socket, message: tuple, fds: list[int]) -> None:
    data = pickle.dumps(message)
    socket.send_fds(sock, [HEADER.pack(len(data))], fds)
    sock.sendall(data)


def _receive(sock: socket.socket) -> tuple[tuple, list[int]]:
    head, fds, _, _ = socket.recv_fds(sock, HEADER.size, 4)
    if not head:
        raise EOFError
    if len(head) < HEADER.size:
        head += _exactly(sock, HEADER.size - len(head))
    (length,) = HEADER.unpack(head)
    return pickle.loads(_exactly(sock, length)), list(fds)


def _exactly(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(size)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
