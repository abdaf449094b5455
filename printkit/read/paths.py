"""Files named in event.yaml (logo, fonts, ICC profile, attendee list), found and checked.

A name is relative to the event file's folder. It may point outside that folder only when it
says so: an absolute path (``/srv/fonts/x.ttf``, ``~/logo.png``) or one that climbs with
``..``. A plain relative name whose file turns out, through a symbolic link, to lie outside
the folder is refused: whoever shares an event folder should not be able to make printkit
read (and embed in a PDF) a file from elsewhere on the machine without it being visible in
event.yaml.
"""

from __future__ import annotations

import contextlib
import posixpath
from contextvars import ContextVar
from pathlib import Path

from printkit.errors import Location
from printkit.model.event import Event, InputFile
from printkit.read.notices import gathering
from printkit.read.regular import NotRegular, open_regular


class PathProblem(ValueError):
    """What is wrong with a named file, saying what to do; the caller adds where it was named."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


#: the files named so far by the event file being read (``naming``), each with its place
_NAMED: ContextVar[list[InputFile] | None] = ContextVar("named", default=None)


def naming() -> contextlib.AbstractContextManager[list[InputFile]]:
    """Collect every file ``find_file`` finds while the event file is read, with where it is
    named: the build refuses to write over any of them (``output.inputs``)."""
    return gathering(_NAMED)


def find_file(
    base: Path, name: str, what: str, where: Location | None = None, field: str = ""
) -> Path:
    """The file ``name`` (as written in event.yaml, at ``where`` in ``field``) names,
    relative to the folder ``base``.

    ``what`` names the file in messages: "logo file", "attendee list", … Raises
    ``PathProblem`` for a missing file, a folder, something that is not a regular file, a
    symbolic link out of the folder behind a plain name, or a file that cannot be read.
    """
    written = Path(name).expanduser()
    file = base / written  # an absolute name replaces base
    explicit = written.is_absolute() or ".." in written.parts
    if file.is_dir():
        raise PathProblem(f"{what} {name!r} is a folder; name the file inside it")
    if not file.exists():
        raise PathProblem(
            f"{what} {name!r} not found (looked in {file.parent});"
            " check the path, relative to the event file"
        )
    if not explicit:
        real, root = file.resolve(), base.resolve()
        if not real.is_relative_to(root):
            raise PathProblem(
                f"{what} {name!r} is a symbolic link out of the event's folder, to {real};"
                " if that file is meant, write its path in event.yaml instead"
            )
    try:
        with open_regular(file) as handle:
            handle.read(1)
    except OSError as exc:
        raise PathProblem(unreadable(name, what, exc)) from None
    named = _NAMED.get()
    if named is not None:
        named.append(InputFile(file, where, field, name))
    return file


def unreadable(name: str, what: str, exc: OSError) -> str:
    """Why ``what`` (written ``name`` in event.yaml) cannot be read, and what to do."""
    if isinstance(exc, NotRegular):
        return f"{what} {name!r} is {exc.kind}, not a regular file; name a file"
    return f"cannot read {what} {name!r} ({exc.strerror}); check that you may read it"


def named_beside(where: Location, name: str) -> str:
    """How a file named in event.yaml is named in messages about its own lines: beside the
    event file as the command line named it (``rv/event.yaml`` names ``people.csv``:
    ``rv/people.csv``), so the path works from where printkit was run. An absolute or
    ``~`` name stays as written."""
    if name.startswith(("/", "~")):
        return name
    folder = posixpath.dirname(where.file.replace("\\", "/"))
    return posixpath.normpath(posixpath.join(folder, name)) if folder else name


def files_read(event: Event) -> list[Path]:
    """Every file a build of ``event`` reads besides the event file itself."""
    family = event.fonts
    candidates = [
        event.organiser.logo.path if event.organiser and event.organiser.logo else None,
        *((family.regular, family.bold, family.italic, family.bold_italic) if family else ()),
        *(
            path
            for font in (family.fallback if family else ())
            for path in (font.regular, font.bold)
        ),
        event.press.pdfx.profile if event.press and event.press.pdfx else None,
        event.attendee_file,
        event.schedule_file,
    ]
    return [path for path in candidates if path is not None]
