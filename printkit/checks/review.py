"""Reviewing an event without building it: ``printkit review EVENT_YAML``.

Loads and validates the event as a build does, lays every product out in memory (nothing is
rendered or written), and returns what a build would warn about together with the findings an
organiser should hear before printing (``printkit.checks.findings``): text set below its design size,
QR codes too small for their reading distance, people without an organisation, one name
written two ways, a date in the past.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from printkit.checks.findings import examine
from printkit.output.pdfx import read_profile
from printkit.pipeline.build import PRODUCTS, Overrides, Report, prepare
from printkit.read.event import load_event
from printkit.read.notices import collecting

EVENT_SUFFIXES = (".yaml", ".yml")


def is_event_file(path: Path) -> bool:
    """Whether ``printkit check PATH`` means an event file (review) rather than a PDF."""
    return path.suffix.lower() in EVENT_SUFFIXES


def review(
    event_file: Path,
    display: str | None = None,
    overrides: Overrides | None = None,
    today: dt.date | None = None,
) -> Report:
    """The event's warnings, located and in the file's order, then the build's own; writes
    nothing. Bad input raises the error a build would raise."""
    with collecting() as cleaned:
        event = (overrides or Overrides()).apply(load_event(event_file, display))
    documents, warnings = prepare(event, PRODUCTS)
    warnings = [*cleaned, *(w.message() for w in event.warnings), *warnings]
    if event.press is not None and event.press.pdfx is not None:
        read_profile(event.press.pdfx.profile)  # a build reads it only after rendering
    found = [finding.message() for finding in examine(event, documents, today or dt.date.today())]
    return Report([], found + [w for w in warnings if w not in found], event)
