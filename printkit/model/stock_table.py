"""The stock presets as ``printkit sheets`` shows them: a table, and where a preset differs
from another source (glabels) and why."""

from __future__ import annotations

from printkit.model.geometry import PAPER, SheetGeometry
from printkit.model.stock import PRESETS, Preset


def _mm(value: float) -> str:
    return f"{round(value, 2):g}"


def listing() -> list[tuple[str, ...]]:
    """The table as text, one row per preset, under a header row (for ``printkit sheets``)."""
    rows = [("name", "paper", "label mm", "grid", "left / top mm", "pitch mm", "source")]
    for preset in PRESETS:
        s = preset.sheet
        paper = next(
            (k for k, v in PAPER.items() if v == s.paper),
            f"{_mm(s.paper.width)} × {_mm(s.paper.height)}",
        )
        source = preset.source + (f" — {preset.note}" if preset.note else "")
        rows.append(
            (
                preset.name,
                paper,
                f"{_mm(s.label.width)} × {_mm(s.label.height)}",
                f"{s.columns} × {s.rows}",
                f"{_mm(s.left)} / {_mm(s.top)}",
                f"{_mm(s.pitch_x)} / {_mm(s.pitch_y)}",
                source,
            )
        )
    return rows


_FIGURES = (
    ("label", lambda s: (s.label.width, s.label.height), "×"),
    ("grid", lambda s: (s.columns, s.rows), "×"),
    ("first label (left / top)", lambda s: (s.left, s.top), "/"),
    ("pitch", lambda s: (s.pitch_x, s.pitch_y), "/"),
    ("paper", lambda s: (s.paper.width, s.paper.height), "×"),
)


def differences(preset: Preset, other: SheetGeometry, source: str = "glabels") -> str | None:
    """One line saying where ``other`` (the same product in another source) differs from the
    hand-checked preset by more than 0.01 mm, which figure is used and why; None if alike."""
    parts = []
    for what, figures, sep in _FIGURES:
        ours, theirs = figures(preset.sheet), figures(other)
        if any(abs(a - b) > 0.01 for a, b in zip(ours, theirs, strict=True)):
            shown = f" {sep} ".join(_mm(v) for v in ours), f" {sep} ".join(_mm(v) for v in theirs)
            parts.append(f"{what} {shown[0]} mm here, {shown[1]} mm in {source}")
    if not parts:
        return None
    why = preset.note or preset.source
    return f"{preset.name}: {'; '.join(parts)}; printkit uses its own figure ({why})"
