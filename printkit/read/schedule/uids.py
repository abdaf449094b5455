"""A schedule's session identifiers (frab's and pretalx's ``guid``, an iCalendar ``UID``) made
one per session, as ``programme.ics`` needs them: a calendar keeps one event per UID, so a
second session with the first's would replace it there.

Two sessions with one identifier are both kept (each is a session, and neither is dropped):
the second is given the first's with ``-2`` after it (``-3`` for a third, skipping one the
file itself uses), in the file's order, so the same file gives the same UIDs build after
build; and a warning at the second's identifier names the first.
"""

from __future__ import annotations

from dataclasses import replace

from printkit.errors import InputWarning
from printkit.read.schedule.entry import Entry


def distinct(entries: list[Entry], warnings: list[InputWarning]) -> list[Entry]:
    """``entries`` with every ``uid`` its own; what was changed is warned of."""
    taken = {e.uid for e in entries if e.uid}
    first: dict[str, Entry] = {}
    counts: dict[str, int] = {}
    kept = []
    for entry in entries:
        uid = entry.uid
        if uid is None or uid not in first:
            if uid is not None:
                first[uid] = entry
            kept.append(entry)
            continue
        number = counts.get(uid, 1)
        while f"{uid}-{number}" in taken or number == 1:
            number += 1
        counts[uid] = number
        own = f"{uid}-{number}"
        taken.add(own)
        earlier = first[uid]
        warnings.append(
            InputWarning(
                entry.at("uid"),
                entry.path,
                f"has the identifier {uid!r} of {earlier.path} (line {earlier.at('uid').line});"
                f" both are printed, and programme.ics gives this one the UID {own!r}",
            )
        )
        kept.append(replace(entry, uid=own))
    return kept
