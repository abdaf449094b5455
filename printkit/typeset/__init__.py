"""Fonts and the setting of one line: registration, metrics, fallback runs, shaping, bidi.

In: a font family from the model and a string. Out: measured, shaped runs; shared by
layout (widths) and render (glyphs).
"""
