"""The only code that touches ReportLab's canvas: a laid-out ``Document`` → PDF bytes.

In: pages in mm. Out: bytes; millimetres become points here and nowhere else.
"""
