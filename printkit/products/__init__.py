"""One module (or package) per product: the model → a laid-out ``Document`` in mm.

In: an ``Event``, a ``Typeface``. Out: pages of items (``layout.items``); no canvas.
"""
