"""The build's date: ``SOURCE_DATE_EPOCH`` when it is set, else the newest modification time
of the files the build read, so the same inputs give the same bytes (``output.stamp``
writes it into every file)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

ENVIRONMENT = "SOURCE_DATE_EPOCH"


def source_date(files: Iterable[Path]) -> int:
    """Seconds since 1970 for the files' dates: ``SOURCE_DATE_EPOCH`` if set, else the newest
    modification time among ``files`` (those that exist), else 0."""
    stated = os.environ.get(ENVIRONMENT, "").strip()
    if stated:
        return int(stated)
    times = []
    for path in files:
        try:
            times.append(int(path.stat().st_mtime))
        except OSError:
            continue
    return max(times, default=0)


def pdf_date(epoch: int) -> str:
    """A PDF date string (UTC), as ReportLab writes them: ``D:20260601093000+00'00'``."""
    return datetime.fromtimestamp(epoch, UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
