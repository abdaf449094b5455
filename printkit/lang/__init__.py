"""Words in the event's language: Babel for dates, times and lists; a label catalogue.

In: a locale and model values. Out: text.
"""
