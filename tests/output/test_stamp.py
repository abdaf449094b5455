"""Subset tags from content, true dates, and PDF/X metadata that agrees with Info (issue 14)."""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from tests.conftest import ROOT, run
from tests.output.test_pdfx import pdfx_event  # noqa: F401 (a fixture)
from tests.pdfread import fonts

FESTIVAL = ROOT / "examples" / "festival-day.yaml"
PDF_DATE = re.compile(r"D:(\d{14})")


def _tags(out: Path) -> dict[str, set[str]]:
    """Subset name → the files it is in."""
    found: dict[str, set[str]] = {}
    for pdf in sorted(out.glob("*.pdf")):
        for font in fonts(pdf):
            found.setdefault(font["name"], set()).add(pdf.name)
    return found


def _subset_programs(out: Path) -> dict[str, set[bytes]]:
    """Subset name → the distinct font programs embedded under that name, over all files."""
    found: dict[str, set[bytes]] = {}
    for pdf in sorted(out.glob("*.pdf")):
        with pikepdf.open(pdf) as doc:
            for obj in doc.objects:
                if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
                    program = obj.FontDescriptor.FontFile2.read_bytes()
                    found.setdefault(str(obj.BaseFont)[1:], set()).add(program)
    return found


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> Path:
    """The seed kit in office and press mode and the festival, all in one folder."""
    out = tmp_path_factory.mktemp("kit")
    for name, args in {
        "seed-office": (ROOT / "event.yaml", "--office"),
        "seed-press": (ROOT / "event.yaml", "--press"),
        "festival": (FESTIVAL, "--press"),
    }.items():
        result = run("build", args[0], args[1], "-o", out / name)
        assert result.exit_code == 0, result.output
        for pdf in (out / name).glob("*.pdf"):
            pdf.rename(out / f"{name}-{pdf.name}")
    return out


def test_subset_tags_are_distinct_across_the_kit(kit):
    programs = _subset_programs(kit)
    assert programs, "no embedded subsets found"
    for name, distinct in programs.items():
        assert re.fullmatch(r"[A-Z]{6}\+\S+", name), name
        # one name, one subset: two files that share a tag share the very same font program
        assert len(distinct) == 1, f"{name} names {len(distinct)} different subsets"
    assert not any(name.startswith("AAAAAA+") for name in programs)
    # the kit's files use different characters of Noto Sans Regular, so they need several tags
    regular = [n for n in programs if n.endswith("+NotoSans-Regular")]
    assert len(regular) >= 3, regular


def test_subset_tags_are_the_same_from_build_to_build(kit, tmp_path):
    again = tmp_path / "again"
    assert run("build", ROOT / "event.yaml", "--press", "-o", again).exit_code == 0
    for pdf in again.glob("*.pdf"):
        first = kit / f"seed-press-{pdf.name}"
        assert [f["name"] for f in fonts(pdf)] == [f["name"] for f in fonts(first)]
        assert pdf.read_bytes() == first.read_bytes()


def _info_date(pdf: Path, key: str = "/CreationDate") -> datetime:
    raw = str(PdfReader(pdf).metadata[key])
    return datetime.strptime(PDF_DATE.match(raw).group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)


def test_source_date_epoch_sets_the_dates(event_dir, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780389000")  # 2026-06-02 08:30 UTC
    assert run("build", event_dir / "event.yaml", "-o", event_dir / "out").exit_code == 0
    for pdf in (event_dir / "out").glob("*.pdf"):
        for key in ("/CreationDate", "/ModDate"):
            assert _info_date(pdf, key) == datetime(2026, 6, 2, 8, 30, tzinfo=UTC)


def test_without_it_the_newest_input_gives_the_date(event_dir, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    event = event_dir / "event.yaml"
    people = event_dir / "people.csv"
    people.write_text("name,role\nAnna Berg,attendee\n", encoding="utf-8")
    event.write_text(
        event.read_text(encoding="utf-8") + "\nattendees: people.csv\n", encoding="utf-8"
    )
    os.utime(event, (1760000000, 1760000000))
    os.utime(people, (1770000000, 1770000000))  # the list is newer: its date wins
    os.utime(event_dir / "assets" / "bestyrelsesforeningen-mark.png", (1750000000,) * 2)
    assert run("build", event, "-o", event_dir / "a").exit_code == 0
    assert run("build", event, "-o", event_dir / "b").exit_code == 0
    for pdf in (event_dir / "a").glob("*.pdf"):
        assert _info_date(pdf) == datetime.fromtimestamp(1770000000, UTC)
        assert pdf.read_bytes() == (event_dir / "b" / pdf.name).read_bytes()


XMP = {  # Info key → its XMP twin
    "/Title": "dc:title",
    "/Author": "dc:creator",
    "/Subject": "dc:description",
    "/Keywords": "pdf:Keywords",
    "/Creator": "xmp:CreatorTool",
    "/Producer": "pdf:Producer",
    "/CreationDate": "xmp:CreateDate",
    "/ModDate": "xmp:ModifyDate",
    "/Trapped": "pdf:Trapped",
    "/GTS_PDFXVersion": "pdfxid:GTS_PDFXVersion",
}


def _xmp_value(meta, key: str) -> str:
    value = meta.get(key)
    if isinstance(value, list):  # dc:creator is a sequence
        return ", ".join(value)
    return str(value) if value is not None else None


def _same_date(info: str, xmp: str) -> bool:
    when = datetime.strptime(PDF_DATE.match(info).group(1), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    return datetime.fromisoformat(xmp) == when


def test_pdfx_metadata_agrees_with_info_and_carries_the_xmpmm_ids(pdfx_event):  # noqa: F811
    out = pdfx_event.parent / "out"
    assert run("build", pdfx_event, "-o", out).exit_code == 0
    seen_ids = set()
    for pdf in sorted(out.glob("*.pdf")):
        with pikepdf.open(pdf) as doc:
            info = {str(k): str(v) for k, v in doc.docinfo.items()}
            meta = doc.open_metadata()
            for key in ("xmpMM:DocumentID", "xmpMM:InstanceID"):
                assert re.fullmatch(r"uuid:[0-9a-f-]{36}", meta[key]), (pdf.name, key)
                seen_ids.add(meta[key])
            assert meta["xmpMM:VersionID"] == "1"
            assert meta["xmpMM:RenditionClass"] == "default"
            assert meta["xmp:MetadataDate"] == meta["xmp:ModifyDate"]
            assert set(info) <= set(XMP), set(info) - set(XMP)
            for key, twin in XMP.items():
                value = _xmp_value(meta, twin)
                if key not in info:
                    assert value is None, (pdf.name, key, value)
                    continue
                expected = info[key].lstrip("/") if key == "/Trapped" else info[key]
                assert expected, (pdf.name, key, "is empty")
                if key.endswith("Date"):
                    assert _same_date(expected, value), (pdf.name, key, expected, value)
                else:
                    assert value == expected, (pdf.name, key, expected, value)
    assert len(seen_ids) == 2 * 3  # every file's two IDs differ from every other's


def test_pdfx_ids_are_reproducible(pdfx_event, tmp_path):  # noqa: F811
    for name in ("a", "b"):
        assert run("tent", pdfx_event, "-o", tmp_path / name).exit_code == 0
    ids = []
    for name in ("a", "b"):
        with pikepdf.open(tmp_path / name / "tent.pdf") as doc:
            ids.append(doc.open_metadata()["xmpMM:DocumentID"])
    assert ids[0] == ids[1]
    shutil.rmtree(tmp_path / "a")
