"""Tools beside the pipeline: proofs (PNG), ``build --watch`` and ``init``'s starter.

In: an event file. Out: previews, rebuilds, a starter event.yaml.
"""
