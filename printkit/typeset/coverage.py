"""Before layout: every person's name, title and organisations can be set in the fonts.

A badge run of hundreds of names fails on the first character no configured font has,
naming the person, the character and the fonts tried, whichever product would have met it
first. Layout still checks every line it sets (``Typeface.require``): this check only makes
the message name the person.
"""

from __future__ import annotations

from printkit.model.event import Event
from printkit.typeset.fonts import Typeface


def check_people(event: Event, face: Typeface, product: str) -> None:
    """Raise a ``LayoutError`` for ``product`` at the first person whose name (set bold),
    title or organisations (set regular) has a character none of the fonts has."""
    from printkit.pipeline.people import badge_people  # who gets a badge this run (--only)

    for person in badge_people(event):
        face.require(person.name, "bold", product, f"the name of {person.name!r}")
        if person.title:
            face.require(person.title, "regular", product, f"the title of {person.name!r}")
        for organisation in person.organisations:
            face.require(organisation, "regular", product, f"the organisations of {person.name!r}")
