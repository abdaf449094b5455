"""The ICC profile ``press.pdfx.profile`` names: read once, at most ``MAX_PROFILE_BYTES``,
and refused unless its header says it is a CMYK output profile."""

from __future__ import annotations

from pathlib import Path

from printkit.read.regular import TooLarge, read_regular
from printkit.read.versions import per_version

#: Output profiles are a few megabytes at most (FOGRA39: 654 KB; a large press profile 5 MB).
MAX_PROFILE_BYTES = 32_000_000


class ProfileProblem(ValueError):
    """What is wrong with the profile, after its file's name ("is not an ICC …")."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


@per_version
def read_profile(path: Path) -> bytes:
    """The profile's bytes; ``ProfileProblem`` for one that is too large, unreadable, not a
    profile or not for CMYK."""
    try:
        data = read_regular(path, MAX_PROFILE_BYTES)  # never more: a 100 GB file is refused
    except TooLarge:
        raise ProfileProblem(
            f"is more than {MAX_PROFILE_BYTES:,} bytes, far more than an output profile"
            " (FOGRA39 is 0.6 MB); give the printer's .icc file"
        ) from None
    except OSError as exc:
        raise ProfileProblem(f"cannot be read ({exc.strerror or exc})") from None
    if len(data) < 132 or data[36:40] != b"acsp":
        raise ProfileProblem("is not an ICC colour profile (no 'acsp' signature)")
    if data[16:20] != b"CMYK":
        space = data[16:20].decode("latin-1").strip()
        raise ProfileProblem(
            f"is a profile for {space} colour; PDF/X-4 for print needs a CMYK output profile"
            " (e.g. FOGRA39)"
        )
    return data
