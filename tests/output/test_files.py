"""The files themselves: fonts, colour, metadata, reproducibility, atomic writes."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.conftest import SEED, run
from tests.pdfread import RGB_OPERATOR, STANDARD_14, content_streams, fonts, text_colours

PRODUCTS = ["programme.pdf", "badges.pdf", "tent.pdf"]
WRITTEN = ["programme.pdf", "programme.ics", "badges.pdf", "tent.pdf"]  # the calendar too


@pytest.mark.parametrize("name", PRODUCTS)
def test_every_font_is_embedded_and_none_is_standard_14(seed_out, name):
    found = fonts(seed_out / name)
    assert found, "no fonts found at all"
    for font in found:
        assert font["embedded"], font
        base = font["name"].split("+")[-1]
        assert base not in STANDARD_14, font
    assert any("NotoSans" in f["name"] for f in found)


@pytest.mark.parametrize("name", PRODUCTS)
def test_colour_is_cmyk_only(seed_out, name):
    for stream in content_streams(seed_out / name):
        assert not RGB_OPERATOR.search(stream), RGB_OPERATOR.search(stream).group(0)
        assert b" k" in stream or b" K" in stream  # CMYK fills and strokes are used


def test_body_text_is_100_percent_black(seed_out):
    """Every piece of the programme's running text and questions is shown in pure K."""
    import yaml

    from tests.conftest import SEED

    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    pieces = text_colours(seed_out / "programme.pdf")
    shown = " ".join(t for _, t in pieces)
    body_lines = [
        (fill, t)
        for fill, t in pieces
        if len(t) > 15
        if t in data["text"].replace("\n", " ")
        or any(t in q["text"].replace("\n", " ") for q in data["questions"])
    ]
    assert len(body_lines) >= 15, shown  # the paragraphs' and questions' lines were found
    for fill, piece in body_lines:
        assert fill == ("k", (0.0, 0.0, 0.0, 1.0)), (fill, piece)
    # and the date line is in the accent colour, so the check can tell them apart
    date = [fill for fill, t in pieces if "Torsdag den 15. juni 2017" in t]
    assert date and date[0] != ("k", (0.0, 0.0, 0.0, 1.0))


@pytest.mark.parametrize("name", PRODUCTS)
def test_metadata_names_the_event(seed_out, name):
    info = PdfReader(seed_out / name).metadata
    assert info.title.startswith(
        "Disruption i kommunerne – it-monstre eller nuttede robotsæler? – "
    )
    assert info.author == "Bestyrelsesforeningen"
    assert info.creator.startswith("printkit ")


def test_same_input_same_bytes(tmp_path, seed_out):
    result = run("build", SEED, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    for name in PRODUCTS:
        assert (tmp_path / name).read_bytes() == (seed_out / name).read_bytes(), name


def test_build_prints_the_paths_it_wrote(tmp_path):
    result = run("build", SEED, "-o", tmp_path / "kit")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [str(tmp_path / "kit" / n) for n in WRITTEN]
    assert "badges: 6 badges on 1 page" in result.stderr
    assert sorted(p.name for p in (tmp_path / "kit").iterdir()) == sorted(WRITTEN)  # no temp files


@pytest.mark.parametrize(
    "command, name",
    [("programme", "programme.pdf"), ("badges", "badges.pdf"), ("tent", "tent.pdf")],
)
def test_single_product_commands(tmp_path, command, name):
    result = run(command, SEED, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    calendar = ["programme.ics"] if command == "programme" else []  # beside the programme
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, *calendar])


def test_help_and_version():
    from printkit import __version__

    assert run("--version").output == f"printkit, version {__version__}\n"
    for command in ("build", "programme", "badges", "tent"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "EVENT_YAML" in result.output


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("build", SEED, "-o", blocker / "out")
    assert result.exit_code == 4
    assert result.output.startswith(f"error: {blocker / 'out'}: cannot write there")


def test_a_target_that_cannot_be_replaced_stops_the_build_before_any_file_changes(tmp_path):
    out = tmp_path / "out"
    assert run("build", SEED, "-o", out).exit_code == 0
    before = (out / "programme.pdf").read_bytes()
    (out / "badges.pdf").unlink()
    (out / "badges.pdf").mkdir()  # a folder where a product goes
    event = tmp_path / "event.yaml"
    event.write_text(
        SEED.read_text(encoding="utf-8").replace("title: Disruption", "title: Ny Disruption"),
        encoding="utf-8",
    )
    import shutil

    shutil.copytree(SEED.parent / "assets", tmp_path / "assets")
    result = run("build", event, "-o", out)
    assert result.exit_code == 4
    assert (
        result.output
        == f"error: {out / 'badges.pdf'}: is not a file (a folder?), so it cannot be replaced; move it away\n"
    )
    assert (out / "programme.pdf").read_bytes() == before  # not replaced: all or nothing
    assert sorted(p.name for p in out.iterdir()) == [
        "badges.pdf",
        "programme.ics",
        "programme.pdf",
        "tent.pdf",
    ]
