"""PDF/X-4: the identification printkit claims, read back with pypdf."""

from __future__ import annotations

import struct

import pytest
from pypdf import PdfReader

from tests.conftest import run
from tests.pdfread import fonts


def icc_header(space: bytes = b"CMYK", size: int = 132) -> bytes:
    """A minimal ICC profile: a v2 output-device header and an empty tag table (test fixture
    only: enough for the structure PDF/X asks of the OutputIntent, not for colour management)."""
    header = struct.pack(
        ">I4sI4s4s4s12s4s4sI4s4sQI12s4s44s",
        size,
        b"lcms",
        0x02100000,
        b"prtr",
        space,
        b"Lab ",
        b"\0" * 12,
        b"acsp",
        b"APPL",
        0,
        b"\0" * 4,
        b"\0" * 4,
        0,
        0,
        struct.pack(">iii", 63190, 65536, 54061),
        b"\0" * 4,
        b"\0" * 44,
    )
    return header + struct.pack(">I", 0)


@pytest.fixture
def pdfx_event(event_dir):
    (event_dir / "fogra39.icc").write_bytes(icc_header())
    event = event_dir / "event.yaml"
    event.write_text(
        event.read_text(encoding="utf-8")
        + "\npress:\n  pdfx:\n    profile: fogra39.icc\n    condition: FOGRA39\n"
        + "    info: Coated FOGRA39 (ISO 12647-2:2004)\n",
        encoding="utf-8",
    )
    return event


def test_pdfx4_identification(pdfx_event):
    out = pdfx_event.parent / "out"
    result = run("build", pdfx_event, "-o", out)
    assert result.exit_code == 0, result.output
    for name in ("programme.pdf", "badges.pdf", "tent.pdf"):
        pdf = out / name
        reader = PdfReader(pdf)
        assert reader.pdf_header == "%PDF-1.6"
        intents = reader.trailer["/Root"]["/OutputIntents"]
        assert len(intents) == 1
        intent = intents[0].get_object()
        assert intent["/S"] == "/GTS_PDFX"
        assert intent["/OutputConditionIdentifier"] == "FOGRA39"
        profile = intent["/DestOutputProfile"].get_object()
        assert profile["/N"] == 4 and profile.get_data()[16:20] == b"CMYK"
        info = reader.metadata
        assert info["/GTS_PDFXVersion"] == "PDF/X-4"
        assert info["/Trapped"] == "/False"
        assert info.title
        xmp = reader.xmp_metadata.rdf_root.toxml()
        assert "PDF/X-4" in xmp and "GTS_PDFXVersion" in xmp
        assert "/ID" in reader.trailer
        assert all(page.get("/TrimBox") is not None for page in reader.pages)
        assert all(f["embedded"] for f in fonts(pdf))
        assert b"/DeviceRGB" not in pdf.read_bytes()


def test_pdfx_is_reproducible(pdfx_event):
    a, b = pdfx_event.parent / "a", pdfx_event.parent / "b"
    assert run("tent", pdfx_event, "-o", a).exit_code == 0
    assert run("tent", pdfx_event, "-o", b).exit_code == 0
    assert (a / "tent.pdf").read_bytes() == (b / "tent.pdf").read_bytes()


def test_an_rgb_profile_is_refused(pdfx_event):
    (pdfx_event.parent / "fogra39.icc").write_bytes(icc_header(b"RGB "))
    result = run("tent", pdfx_event, "-o", pdfx_event.parent / "out")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {pdfx_event}:{_profile_line(pdfx_event)}:14: press.pdfx.profile: fogra39.icc is"
        " a profile for RGB colour; PDF/X-4 for print needs a CMYK output profile (e.g. FOGRA39)\n"
    )


def _profile_line(event) -> int:
    lines = event.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if "profile: fogra39.icc" in line)


def test_a_profile_that_is_not_icc_is_refused_at_its_line(pdfx_event):
    (pdfx_event.parent / "fogra39.icc").write_bytes(b"not a profile" * 20)
    result = run("review", pdfx_event)
    assert result.exit_code == 2
    assert result.output == (
        f"error: {pdfx_event}:{_profile_line(pdfx_event)}:14: press.pdfx.profile: fogra39.icc is"
        " not an ICC colour profile (no 'acsp' signature)\n"
    )
