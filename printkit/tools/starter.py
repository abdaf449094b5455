"""A commented starter event.yaml for a new organiser (``printkit init``).

The template is package data (``printkit/tools/templates/event.yaml``): a complete example event
that loads and builds as written. The few answers ``init`` asks for on a terminal replace the
values of its ``title``, ``date`` and ``language`` lines; every comment and every other value
stays as the template has it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from printkit.errors import OutputError
from printkit.output.files import write_atomic
from printkit.pipeline.build import Report
from printkit.read.event import build_event
from printkit.read.source import parse

FILE_NAME = "event.yaml"
TEMPLATE = ("templates", "event.yaml")


@dataclass(frozen=True)
class Answers:
    """What a new organiser is asked; the template's own values are the defaults."""

    title: str
    date: dt.date
    language: str


def template() -> str:
    """The starter event.yaml as shipped, comments and all."""
    return resources.files("printkit.tools").joinpath(*TEMPLATE).read_text(encoding="utf-8")


def defaults() -> Answers:
    data = yaml.safe_load(template())
    return Answers(title=data["title"], date=data["date"], language=data["language"])


def starter_text(answers: Answers | None = None) -> str:
    """The template, with the answers (if any) put on its title, date and language lines."""
    text = template()
    if answers is None:
        return text
    values = {
        "title": _quoted(answers.title),
        "date": answers.date.isoformat(),
        "language": _quoted(answers.language),
    }
    for key, value in values.items():
        line = f"{key}: {value}"
        pattern = re.compile(rf"^{key}: .*$", re.MULTILINE)
        text, found = pattern.subn(lambda _, line=line: line, text, count=1)
        if found != 1:
            raise RuntimeError(f"the starter template has no top-level {key}: line")
    return text


def init(
    folder: Path, force: bool = False, ask: Callable[[Answers], Answers] | None = None
) -> Report:
    """Write ``folder/event.yaml`` from the template; refuse to replace one unless ``force``.

    ``ask`` (the CLI's questions on a terminal) gets the defaults and returns the answers; it
    is called only once the file may be written. The text is loaded and validated in memory
    before it is written, so what ``init`` writes always builds.
    """
    path = folder / FILE_NAME
    if path.exists() and not force:
        raise OutputError(
            f"{path}: already exists; edit it, or run printkit init --force to replace it"
        )
    text = starter_text(ask(defaults()) if ask else None)
    build_event(parse(text, str(path)), folder.resolve())
    write_atomic(path, text.encode("utf-8"))
    return Report([path])


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar: JSON's string syntax is a subset of it."""
    return json.dumps(value, ensure_ascii=False)
