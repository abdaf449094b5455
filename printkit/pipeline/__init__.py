"""The build sequence: one preparation, the product registry, layout → render → output.

In: an event file and the command's overrides. Out: PDF bytes per product, written
atomically, and a report of what was written and warned.
"""
