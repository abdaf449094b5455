"""Property: whatever is done to the seed event.yaml, printkit builds or says where and why.

Hypothesis mutates the seed, as data (drop a key, give a value another type, put random
Unicode into a text) and as text (duplicate a key's line, truncate the file, shift a line's
indentation, insert characters anywhere, delete a line), and builds the programme through
the real command (click's CliRunner, in-process: fast). The invariant, for every input:

- exit 0 and a programme.pdf that opens, with one page; or
- a non-zero exit (never 70, an internal error) and exactly one line,
  ``error: <event file>:<line>[:<col>]: …`` or ``error: <event file>: …``;
- never a traceback; and the earlier files in the output folder are untouched (on success,
  only programme.pdf is replaced, by a complete one).

The ``ci`` profile runs a few hundred inputs; ``PRINTKIT_HYPOTHESIS_PROFILE=long`` runs
20,000 per test (see README, Reliability).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
import tempfile
from pathlib import Path

import hypothesis
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.conftest import ROOT, SEED, run
from tests.hostile.test_corpus import MINIMAL

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_DATA = yaml.safe_load(SEED_TEXT)
OLD_FILES = ("programme.pdf", "programme.ics", "badges.pdf", "tent.pdf")
LOCATED = re.compile(r"error: (?P<file>.+?):(?:(?P<line>\d+):(?:(?P<col>\d+):)?)? \S")

PROPERTY = settings(
    max_examples=max(50, settings().max_examples // 3),  # the profile's budget, shared out
    deadline=None,  # a build takes tens of milliseconds, a slow CI machine more
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Kit(dict):
    """The files of a good earlier build, by name (shown briefly in Hypothesis' reports)."""

    def __repr__(self) -> str:
        return f"Kit({', '.join(self)})"


@pytest.fixture(scope="module")
def old_kit(tmp_path_factory) -> Kit:
    """A good earlier build, whose files every mutation must leave as they are."""
    out = tmp_path_factory.mktemp("old")
    result = run("build", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    return Kit({name: (out / name).read_bytes() for name in OLD_FILES})


def check_build(text: str | bytes, old_kit: dict[str, bytes]) -> None:
    """Build the programme from ``text`` beside the old kit and assert the invariant."""
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        shutil.copytree(ROOT / "assets", base / "assets")
        event = base / "event.yaml"
        if isinstance(text, str):
            event.write_text(text, encoding="utf-8", errors="surrogatepass")
        else:
            event.write_bytes(text)
        out = base / "out"
        out.mkdir()
        for name, data in old_kit.items():
            (out / name).write_bytes(data)

        result = run("programme", event, "-o", out)

        assert "Traceback" not in result.output, result.output
        assert "internal error" not in result.output, result.output
        assert result.exit_code != 70, result.output
        hypothesis.event(f"exit {result.exit_code}")  # the share that built, shown with statistics
        if result.exit_code == 0:
            assert PdfReader(out / "programme.pdf").get_num_pages() == 1
            changed = {"programme.pdf", "programme.ics"}
        else:
            lines = result.output.splitlines()
            assert len(lines) == 1, result.output
            match = LOCATED.match(lines[0])
            assert match is not None, lines[0]
            assert match.group("file") == str(event), lines[0]
            changed = set()
        for name, data in old_kit.items():
            if name not in changed:
                assert (out / name).read_bytes() == data, f"{name} was changed"
        assert sorted(p.name for p in out.iterdir()) == sorted(OLD_FILES)  # no temp files


# -- mutations of the data -------------------------------------------------------------------


def paths(data, prefix=()) -> list[tuple]:
    """Every path to a value in nested dicts and lists."""
    found = []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        found.append((*prefix, key))
        found += paths(value, (*prefix, key))
    return found


def _parent(data, path):
    for key in path[:-1]:
        data = data[key]
    return data


def dump(data) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False)


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when there: much faster


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(min_size=1000, max_size=3000, alphabet=st.characters(codec="utf-8")),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
WILD_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40
)


@st.composite
def data_mutations(draw) -> str:
    """The seed as data, changed one to four times, dumped back to YAML."""
    data = copy.deepcopy(SEED_DATA)
    for _ in range(draw(st.integers(1, 4))):
        everything = paths(data)
        if not everything:
            break
        path = draw(st.sampled_from(everything))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["drop", "retype", "unicode"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "retype":
            parent[path[-1]] = draw(ANY_VALUE)
        elif isinstance(parent[path[-1]], str):
            text = parent[path[-1]]
            at = draw(st.integers(0, len(text)))
            parent[path[-1]] = text[:at] + draw(WILD_TEXT) + text[at:]
    return dump(data)


@PROPERTY
@given(text=data_mutations())
def test_data_mutations_build_or_say_where(text, old_kit):
    check_build(text, old_kit)


# -- mutations of the text -------------------------------------------------------------------

LINES = SEED_TEXT.splitlines(keepends=True)
KEY_LINES = [i for i, line in enumerate(LINES) if re.match(r"\s*[a-z_]+:", line)]


@st.composite
def text_mutations(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        action = draw(st.sampled_from(["duplicate", "indent", "insert", "delete", "tab"]))
        if action == "duplicate":  # a key's line again, anywhere (often a duplicate key)
            line = LINES[draw(st.sampled_from(KEY_LINES))]
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif action == "indent":
            i = draw(st.integers(0, len(lines) - 1))
            shift = draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))
            line = lines[i]
            lines[i] = (
                " " * shift + line
                if shift > 0
                else line[min(-shift, len(line) - len(line.lstrip(" "))) :]
            )
        elif action == "insert":
            i = draw(st.integers(0, len(lines) - 1))
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(WILD_TEXT) + lines[i][at:]
        elif action == "delete" and len(lines) > 1:
            del lines[draw(st.integers(0, len(lines) - 1))]
        elif action == "tab":
            i = draw(st.integers(0, len(lines) - 1))
            lines[i] = lines[i].replace("  ", "\t", 1)
    return "".join(lines)


@PROPERTY
@given(text=text_mutations())
def test_text_mutations_build_or_say_where(text, old_kit):
    check_build(text, old_kit)


@PROPERTY
@given(data=st.data(), encoding=st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_truncated_files_build_or_say_where(data, encoding, old_kit):
    """The file cut at any byte: mid-line, mid-key, mid-character (the seed has æ, ø, å, –)."""
    whole = SEED_TEXT.encode(encoding)
    cut = data.draw(st.integers(0, len(whole)), label="cut")
    check_build(whole[:cut], old_kit)


@st.composite
def extra_keys(draw) -> str:
    """The seed (as dumped) with one more line under some mapping: an unknown key, a key of
    another type, or a duplicate of a key that is there, with an odd value."""
    tree = copy.deepcopy(SEED_DATA)
    mappings = [p for p in paths(tree) if isinstance(_parent(tree, p), dict)]
    parent = _parent(tree, draw(st.sampled_from(mappings)))
    key = draw(st.one_of(st.sampled_from(list(parent)), st.text(max_size=12), st.integers()))
    value = draw(st.sampled_from(["1", "x", "[]", "{}", "~", '"\\uD800"', "&a 1", "*a"]))
    text = dump(tree)
    first = re.compile(rf"^(?P<indent>[ -]*){re.escape(str(next(iter(parent))))}:", re.MULTILINE)
    match = first.search(text)
    if match is None:
        return text
    indent = " " * len(match.group("indent"))
    line = f"{indent}{yaml.safe_dump(key, allow_unicode=True).splitlines()[0]}: {value}\n"
    end = text.index("\n", match.end()) + 1
    return text[:end] + line + text[end:]


@PROPERTY
@given(text=extra_keys())
def test_extra_and_duplicate_keys_build_or_say_where(text, old_kit):
    check_build(text, old_kit)


# -- names on badges -------------------------------------------------------------------------

BADGE_EVENT = """\
title: Hostile names
date: 2024-05-01
start: "10:00"
end: "11:00"
venue: Salen
url: https://example.org/
panelists:
  - name: {name}
    title: {title}
"""
LATIN = st.characters(min_codepoint=0x20, max_codepoint=0x17F) | st.sampled_from(" -\u00a0\u2013")
NAME = st.text(  # mostly what the bundled font sets (to reach the fitting), now and then anything
    alphabet=LATIN | st.characters(codec="utf-8", exclude_categories=["Cs"]),
    min_size=1,
    max_size=220,
)


@PROPERTY
@given(name=NAME, title=st.one_of(st.just("Direktør"), NAME))
def test_any_name_makes_a_badge_or_says_where(name, title):
    """Any text as a name (and as a title): a badge, or one line at the name's place. Cleaned
    text that is still too long for the badge, or has a glyph the font lacks, is refused at
    the line that gave it."""
    quoted = {  # double-quoted, so that any text stays on its line (8 and 9)
        key: yaml.dump(
            value, Dumper=DUMPER, default_style='"', allow_unicode=True, width=10**6
        ).strip()
        for key, value in (("name", name), ("title", title))
    }
    with tempfile.TemporaryDirectory() as folder:
        event = Path(folder) / "event.yaml"
        event.write_text(BADGE_EVENT.format(**quoted), encoding="utf-8")
        result = run("badges", event, "-o", Path(folder) / "out")
        assert "Traceback" not in result.output and result.exit_code != 70, result.output
        hypothesis.event(f"exit {result.exit_code}")
        if result.exit_code == 0:
            assert PdfReader(Path(folder) / "out" / "badges.pdf").get_num_pages() == 1
            return
        lines = result.output.splitlines()
        assert len(lines) == 1, result.output
        assert lines[0].startswith(f"error: {event}:8:") or lines[0].startswith(
            f"error: {event}:9:"
        ), lines[0]


# -- attendee tables and SVG logos (issue 13) ---------------------------------------------

FILE_PROPERTY = settings(
    max_examples=max(20, settings().max_examples // 10),  # each builds a file: fewer, quick
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TABLE_EVENT = MINIMAL  # the corpus's small event: one panelist
CELL = st.one_of(
    st.text(max_size=20),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
    st.sampled_from(["", "=1+1", '"', '""', ",", ";", "\t", "\r\n", "Anna Berg", "+45 1234"]),
)
ROWS = st.lists(st.lists(CELL, min_size=0, max_size=6), min_size=0, max_size=8)


def _one_answer(result, names: tuple[str, ...]) -> None:
    """Built, or ``error:`` lines naming one of ``names`` (the event, the list, the logo): one,
    or for an attendee list one per row that cannot be printed and a last line that sums up."""
    assert "Traceback" not in result.output and result.exit_code != 70, result.output
    hypothesis.event(f"exit {result.exit_code}")
    if result.exit_code == 0:
        return
    lines = result.output.splitlines()
    if len(lines) > 1:  # an attendee list: every row that cannot be printed, then the sum
        assert "cannot be printed, so nothing was written" in lines[-1], result.output
        lines = lines[:-1]
    for line in lines:
        assert line.startswith(tuple(f"error: {name}" for name in names)), line


def _csv_bytes(header: list[str], rows: list[list[str]], delimiter: str) -> bytes:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@FILE_PROPERTY
@given(
    header=st.lists(st.one_of(st.just("Name"), CELL), min_size=0, max_size=5),
    rows=ROWS,
    delimiter=st.sampled_from([",", ";", "\t"]),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)
def test_any_csv_table_builds_or_says_where(header, rows, delimiter, cut):
    """Any cells, any structure (ragged rows, no header, quotes, formulas, a file cut short):
    badges, or one line at the list (or the event)."""
    data = _csv_bytes(header, rows, delimiter)
    data = data if cut is None else data[:cut]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "people.csv").write_bytes(data)
        event = base / "event.yaml"
        event.write_text(TABLE_EVENT + "attendees:\n  file: people.csv\n", encoding="utf-8")
        result = run("badges", event, "-o", base / "out")
        _one_answer(result, (str(event), str(base / "people.csv")))


@FILE_PROPERTY
@given(
    header=st.lists(st.one_of(st.just("Name"), CELL), min_size=1, max_size=4),
    rows=ROWS,
    dimension=st.sampled_from([None, "A1", "A1:B2", "A1:XFD1048576", "B3:A1", "nonsense"]),
    shuffle=st.booleans(),
)
def test_any_xlsx_table_builds_or_says_where(header, rows, dimension, shuffle):
    """Workbooks with any cells and a <dimension> that may lie, rows possibly out of order."""
    import io
    import re as regex
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append([regex.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", c) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(base / "people.xlsx", "w") as out:
            for name in source.namelist():
                data = source.read(name)
                if name == "xl/worksheets/sheet1.xml":
                    if dimension is not None:
                        data = regex.sub(
                            rb'<dimension ref="[^"]*"/>',
                            f'<dimension ref="{dimension}"/>'.encode(),
                            data,
                        )
                    if shuffle:
                        data = data.replace(b'<row r="2"', b'<row r="7"', 1)
                out.writestr(name, data)
        event = base / "event.yaml"
        event.write_text(TABLE_EVENT + "attendees:\n  file: people.xlsx\n", encoding="utf-8")
        result = run("badges", event, "-o", base / "out")
        _one_answer(result, (str(event), str(base / "people.xlsx")))


NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=32).map(repr),
    st.sampled_from(["0", "-10", "nan", "inf", "1e999", "-0", "abc", "", "10%", "5mm"]),
    st.integers(min_value=-100, max_value=1000).map(str),
)
ELEMENT = st.sampled_from(
    [
        '<rect x="{a}" y="{b}" width="{c}" height="{d}"/>',
        '<circle cx="{a}" cy="{b}" r="{c}"/>',
        '<path d="M{a} {b} L{c} {d} Z"/>',
        '<g transform="scale({a}) translate({b},{c})"><rect width="4" height="{d}"/></g>',
        '<use href="#{a}"/>',
        '<image href="{a}.png" width="{c}" height="{d}"/>',
        '<rect width="4" height="4" fill="url({a}#g)"/>',
        '<svg width="{c}" height="{d}" viewBox="0 0 {a} {b}"><rect width="1" height="1"/></svg>',
        '<g id="{a}"><use href="#{a}"/></g>',
    ]
)


@st.composite
def svg_logos(draw) -> str:
    width, height, box = draw(NUMBER), draw(NUMBER), [draw(NUMBER) for _ in range(4)]
    parts = [
        draw(ELEMENT).format(a=draw(NUMBER), b=draw(NUMBER), c=draw(NUMBER), d=draw(NUMBER))
        for _ in range(draw(st.integers(min_value=0, max_value=5)))
    ]
    view = f' viewBox="{" ".join(box)}"' if draw(st.booleans()) else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"{view}>'
        + "".join(parts)
        + "</svg>"
    )


@FILE_PROPERTY
@given(svg=svg_logos(), cut=st.one_of(st.none(), st.integers(min_value=0, max_value=300)))
def test_any_svg_logo_builds_or_says_where(svg, cut):
    """Any sizes, view boxes, numbers, references and nesting, or the file cut short: a
    programme with the logo drawn whole and nothing outside it, or one line at the logo."""
    data = svg.encode() if cut is None else svg.encode()[:cut]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "logo.svg").write_bytes(data)
        shutil.copy(ROOT / "assets" / "bestyrelsesforeningen-mark.png", base / "a.png")
        event = base / "event.yaml"
        event.write_text(
            TABLE_EVENT + "organiser:\n  name: Org\n  logo: logo.svg\n",
            encoding="utf-8",
        )
        result = run("programme", event, "-o", base / "out")
        _one_answer(result, (str(event),))
        if result.exit_code == 0:
            content = PdfReader(base / "out" / "programme.pdf").pages[0].get_contents().get_data()
            assert b"nan" not in content and b"inf" not in content
            assert b" BI " not in content and b"\nBI" not in content  # no picture from a file
