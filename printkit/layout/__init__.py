"""Layout: the model becomes pages of boxes, lines, text runs, images and QR codes in mm.

Pure functions; nothing here touches a canvas. ``items`` is the shared vocabulary, ``text``
fits and wraps type, ``sheets`` imposes badges and draws marks; one module per product.
"""
