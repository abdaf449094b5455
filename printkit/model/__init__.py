"""The typed, frozen model of an event, its geometry and the badge stock presets.

In: nothing (pure data types). Out: what ``read`` produces and ``layout`` consumes.
"""
