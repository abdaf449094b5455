"""Read a YAML file into a tree of nodes that remember where they stood.

Only YAML's safe core is accepted (``yaml.SafeLoader``): no Python object tags. Alias
expansion, nesting depth and file size are bounded, duplicate keys are refused, and every
node keeps its 1-based line and column so that later validation can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from printkit.errors import InputError, Location

MAX_FILE_BYTES = 2 * 1024 * 1024
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


def read_text(path: Path, display: str) -> str:
    """Read a UTF-8 text file with clear errors for missing, huge or undecodable files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(Location(display), "", "file not found; check the path") from None
    except OSError as exc:
        raise InputError(Location(display), "", f"cannot read the file ({exc.strerror})") from None
    if path.is_dir():
        raise InputError(Location(display), "", "is a folder; give the path of an event.yaml file")
    if size > MAX_FILE_BYTES:
        raise InputError(
            Location(display),
            "",
            f"file is {size:,} bytes; an event file may be at most {MAX_FILE_BYTES:,} bytes"
            " (put attendee lists in a CSV file)",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(Location(display), "", f"cannot read the file ({exc.strerror})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            Location(display, line, column),
            "",
            f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8",
        ) from None


def parse(text: str, display: str) -> Node:
    """Parse YAML text into a positioned Node tree."""
    loader = yaml.SafeLoader(text)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "not valid YAML"
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
    def __init__(self, loader: yaml.SafeLoader, display: str) -> None:
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
            raise InputError(where, path, f"{node.value!r} is not a valid value ({exc})") from None
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
            child_path = f"{path}.{key}" if path else key
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
