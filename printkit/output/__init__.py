"""Writing files: atomic writes of a whole kit, and PDF/X identification afterwards.

In: bytes per file name. Out: files on disk, all or none.
"""
