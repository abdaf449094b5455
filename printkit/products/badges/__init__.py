"""Name badges: fronts, backs and their imposition on sheets.

In: an ``Event`` and its people. Out: a ``Document`` of badge sheets.
"""
