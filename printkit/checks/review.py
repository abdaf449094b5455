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
from printkit.pipeline.build import Report
from printkit.pipeline.prepare import Overrides, lay_out, prepare
from printkit.pipeline.products import kit

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
    nothing. Bad input raises the error a build would raise, located as a build locates it."""
    products = kit()
    prepared = prepare(event_file, products, overrides, display)
    event = prepared.event
    documents, laid_out = lay_out(prepared, products)
    warnings = [*prepared.warnings, *laid_out]
    found = examine(event, documents, today or dt.date.today())
    return Report([], found + [w for w in warnings if w not in found], event)
