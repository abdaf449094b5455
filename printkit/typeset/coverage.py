"""Before layout: every person's name, title and organisations can be set in the fonts.

A badge run of hundreds of names fails on the first character no configured font has,
naming the person, the character and the fonts tried, whichever product would have met it
first. Layout still checks every line it sets (``Typeface.require``): this check only makes
the message name the person.
"""

from __future__ import annotations

from printkit.errors import about
from printkit.model.event import Event
from printkit.typeset.fonts import Typeface


def check_people(event: Event, face: Typeface, product: str) -> None:
    """Raise a ``LayoutError`` for ``product`` at the first person whose name (set bold),
    title or organisations (set regular) has a character none of the fonts has."""
    for person in event.badged:  # who gets a badge this run (--only)
        if face.missing(person.name, "bold") is not None:
            with about(*person.place("name")):
                face.require(person.name, "bold", product, f"the name of {person.name!r}")
        if person.title and face.missing(person.title, "regular") is not None:
            with about(*person.place("title")):
                face.require(person.title, "regular", product, f"the title of {person.name!r}")
        for i, organisation in enumerate(person.organisations, start=1):
            if face.missing(organisation, "regular") is None:
                continue
            with about(*person.place(f"organisations[{i}]")):
                face.require(
                    organisation, "regular", product, f"the organisations of {person.name!r}"
                )
