"""printkit: one event.yaml in, print-ready PDFs out."""

__version__ = "0.1.0"
