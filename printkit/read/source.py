"""Read a YAML file into a tree of nodes that remember where they stood.

Only YAML's safe core is accepted (``yaml.SafeLoader``): no Python object tags. Alias
expansion, nesting depth and file size are bounded, duplicate keys are refused, and every
node keeps its 1-based line and column so that later validation can point at it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from printkit.errors import InputError, Location, key_text, shown
from printkit.read.regular import NotRegular, open_regular

#: A festival of 3,000 sessions is some 2.5 MB of YAML; a file four times that is a runaway.
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Node:
    """A YAML value with its position. ``value`` is a dict of Nodes, a list of Nodes or a scalar.

    For scalars, ``raw`` is the text as written (so ``14:00`` stays "14:00" rather than
    YAML 1.1's sexagesimal 840) and ``value`` is what YAML's safe schema made of it.
    """

    value: Any
    where: Location
    raw: str | None = None
    quoted: bool = False
    keys: dict[str, Location] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "list"
        if self.value is None:
            return "empty"
        return type(self.value).__name__


def _loc(file: str, mark: yaml.Mark | None) -> Location:
    if mark is None:
        return Location(file)
    return Location(file, mark.line + 1, mark.column + 1)


def read_text(
    path: Path, display: str, limit: int = MAX_FILE_BYTES, what: str = "an event file"
) -> str:
    """Read a UTF-8 text file with clear errors for missing, huge, binary or undecodable files.

    UTF-16 with a byte-order mark is read too (the YAML standard allows it; Windows Notepad
    wrote it as "Unicode").
    """
    return _decode(read_bytes(path, display, limit, what), display)


def read_bytes(
    path: Path, display: str, limit: int = MAX_FILE_BYTES, what: str = "an event file"
) -> bytes:
    """A file's bytes, with clear errors for a missing, unreadable or huge file. At most
    ``limit`` bytes are read, whatever the file claims to be (/dev/zero never ends)."""
    where = Location(display)
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise _too_large(where, f"{size:,} bytes", limit, what)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(where, "", "file not found; check the path") from None
    except NotRegular as exc:
        what_file = "an event.yaml file" if what == "an event file" else what
        kind = "a folder;" if exc.kind == "a folder" else f"{exc.kind}, not a regular file;"
        raise InputError(where, "", f"is {kind} give the path of {what_file}") from None
    except OSError as exc:
        raise InputError(
            where, "", f"cannot read the file ({exc.strerror}); check that you may read it"
        ) from None
    if len(data) > limit:
        raise _too_large(where, f"more than {limit:,} bytes", limit, what)
    return data


def _too_large(where: Location, size: str, limit: int, what: str) -> InputError:
    hint = " (put attendee lists in a CSV file)" if what == "an event file" else ""
    return InputError(where, "", f"file is {size}; {what} may be at most {limit:,} bytes{hint}")


#: The first bytes of files that are sometimes given where event.yaml belongs.
_BINARY = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls or .doc)"),
    (b"{\\rtf", "an RTF document (save it as plain text)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def binary_kind(data: bytes) -> str | None:
    """What a file is, told by its first bytes, when it is one that is not text: "a PNG
    image", "a PDF", …; None for anything else."""
    return next((what for magic, what in _BINARY if data.startswith(magic)), None)


def _decode(data: bytes, display: str) -> str:
    """The file's text: UTF-8 (a byte-order mark dropped) or UTF-16 with a byte-order mark."""
    what = binary_kind(data)
    if what is not None:
        raise InputError(
            Location(display),
            "",
            f"this is {what}, not a text file; give the path of the event file (event.yaml)",
        )
    codec = _UTF16.get(data[:2])
    if codec is not None:
        try:
            text = data[2:].decode(codec)
        except UnicodeDecodeError:
            raise InputError(
                Location(display),
                "",
                "the file starts with a UTF-16 byte-order mark but is not UTF-16; save it as UTF-8",
            ) from None
        return _printable(text, display)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            raise InputError(
                Location(display),
                "",
                "the file is UTF-16 without a byte-order mark; save it as UTF-8",
            )
        line, column = _line_column(data[:nul].decode("utf-8", "replace"))
        raise InputError(
            Location(display, line, column),
            "",
            "a NUL byte (0x00): this is not a text file, or it is damaged; save the event"
            " file as UTF-8 text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            Location(display, line, column),
            "",
            f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8",
        ) from None
    return _printable(text, display)


def _looks_utf16(data: bytes) -> bool:
    """Most of the first characters have a NUL beside them: ASCII written as UTF-16."""
    sample = data[:400]
    return sample.count(0) * 3 >= len(sample)


def _printable(text: str, display: str) -> str:
    """Refuse, with its place, the first character YAML does not allow in a file."""
    match = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if match is None:
        return text
    code = ord(match.group())
    line, column = _line_column(text[: match.start()])
    kind = "control character" if code < 0xA0 else "character"
    raise InputError(
        Location(display, line, column),
        "",
        f"the {kind} U+{code:04X} may not appear in a YAML file; delete it"
        " (it was probably pasted in with the text around it)",
    )


def _line_column(before: str) -> tuple[int, int]:
    """1-based line and column of the character after ``before``, counted as YAML counts:
    a line ends at LF, CR LF, a lone CR, NEL, U+2028 or U+2029."""
    line, start = 1, 0
    for match in re.finditer("\r\n|[\n\r\x85\u2028\u2029]", before):
        line, start = line + 1, match.end()
    return line, len(before) - start + 1


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, refusing to compose a document nested deeper than ``MAX_DEPTH``
    (PyYAML composes recursively: thousands of ``[`` would exhaust Python's stack)."""

    def __init__(self, text: str, display: str) -> None:
        super().__init__(text)
        self.display = display
        self.depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 (PyYAML's signature)
        return _deep(self, parent, index, yaml.composer.Composer.compose_node)


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser

    class _FastLoader(
        yaml.composer.Composer,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        """libyaml scans and parses (ten times PyYAML's speed: a festival's 3,000 sessions);
        composing stays in Python, with the same depth limit. A file it refuses is parsed
        again by ``_Loader``, whose messages the errors quote."""

        def __init__(self, text: str, display: str) -> None:
            CParser.__init__(self, text)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.display = display
            self.depth = 0

        def compose_node(self, parent, index):  # noqa: ANN001, ANN201
            return _deep(self, parent, index, yaml.composer.Composer.compose_node)


def _deep(loader, parent, index, compose):  # noqa: ANN001, ANN202

    if loader.depth >= MAX_DEPTH + 1 and not loader.check_event(yaml.AliasEvent):
        mark = loader.peek_event().start_mark
        problem = f"nested more than {MAX_DEPTH} levels deep; flatten it"
        raise InputError(_loc(loader.display, mark), "", problem)
    loader.depth += 1
    try:
        return compose(loader, parent, index)
    finally:
        loader.depth -= 1


def _fast(text: str, display: str):  # noqa: ANN202
    """The document composed by libyaml's parser, or (None, None) when it is not installed or
    refuses the file (``_Loader`` then says why, in PyYAML's words)."""
    if not yaml.__with_libyaml__:
        return None, None
    loader = _FastLoader(text, display)
    try:
        return loader.get_single_node(), loader
    except yaml.YAMLError:
        loader.dispose()
        return None, None


def parse(text: str, display: str) -> Node:
    """Parse YAML text into a positioned Node tree."""
    root, loader = _fast(text, display)
    try:
        try:
            if loader is None:
                loader = _Loader(text, display)
                root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "not valid YAML"
            if problem.startswith("but ") and exc.context:  # "but found another document"
                problem = f"{exc.context}, {problem}"
            raise InputError(
                _loc(display, mark), "", f"YAML syntax: {problem}; check indentation and quoting"
            ) from None
        except yaml.YAMLError as exc:
            raise InputError(Location(display), "", f"YAML syntax: {exc}") from None
        if root is None:
            raise InputError(
                Location(display), "", "the file is empty; start from the example event.yaml"
            )
        return _Builder(loader, display).build(root)
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: _Loader, display: str) -> None:
        self.loader = loader
        self.display = display
        self.count = 0

    def build(self, node: yaml.Node, depth: int = 0, path: str = "") -> Node:
        where = _loc(self.display, node.start_mark)
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError(
                where,
                path,
                f"more than {MAX_NODES:,} values after expanding aliases (&/*);"
                " the file is too large or uses aliases recursively",
            )
        if depth > MAX_DEPTH:
            raise InputError(where, path, f"nested more than {MAX_DEPTH} levels deep; flatten it")
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise self._tag_error(node, path)
            return self._mapping(node, depth, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise self._tag_error(node, path)
            items = [
                self.build(item, depth + 1, f"{path}[{i + 1}]") for i, item in enumerate(node.value)
            ]
            return Node(items, where)
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            raise self._tag_error(node, path) from None
        except ValueError as exc:  # e.g. an impossible date such as 2017-02-30
            problem = f"{shown(node.value)} is not a valid value ({exc})"
            raise InputError(where, path, problem) from None
        return Node(value, where, raw=node.value, quoted=node.style in ("'", '"'))

    def _mapping(self, node: yaml.MappingNode, depth: int, path: str) -> Node:
        if any(k.tag == "tag:yaml.org,2002:merge" for k, _ in node.value):
            raise InputError(
                _loc(self.display, node.start_mark),
                path,
                "merge keys (<<) are not supported; write the keys out",
            )
        result: dict[str, Node] = {}
        keys: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_where = _loc(self.display, key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
                _STR_TAG,
                "tag:yaml.org,2002:int",
                "tag:yaml.org,2002:bool",
                "tag:yaml.org,2002:null",
                "tag:yaml.org,2002:float",
            ):
                raise InputError(key_where, path, "a key must be a plain word")
            key = key_node.value
            child_path = f"{path}.{key_text(key)}" if path else key_text(key)
            if key in result:
                first = keys[key]
                raise InputError(
                    key_where,
                    child_path,
                    f"duplicate key; it is already given at line {first.line}; keep one",
                )
            keys[key] = key_where
            result[key] = self.build(value_node, depth + 1, child_path)
        return Node(result, _loc(self.display, node.start_mark), keys=keys)

    def _tag_error(self, node: yaml.Node, path: str) -> InputError:
        return InputError(
            _loc(self.display, node.start_mark),
            path,
            f"the YAML tag {_short_tag(node.tag)} is not allowed; use plain values, lists and mappings",
        )


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


def load_file(path: Path, display: str | None = None) -> Node:
    display = display if display is not None else str(path)
    return parse(read_text(path, display), display)


def locations(node: Node, path: str = "") -> dict[str, Location]:
    """Every field path in the tree ("", "panelists", "panelists[2]", "panelists[2].name", …)
    with the place of its value, spelt as load's errors spell paths."""
    found = {path: node.where}
    if node.kind == "mapping":
        for key, child in node.value.items():
            found.update(locations(child, f"{path}.{key}" if path else key))
    elif node.kind == "list":
        for i, child in enumerate(node.value, start=1):
            found.update(locations(child, f"{path}[{i}]"))
    return found
