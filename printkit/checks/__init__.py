"""Checks before and after printing: the event review and the PDF preflight.

In: an event (review) or PDF files (preflight). Out: located findings and reports.
"""
