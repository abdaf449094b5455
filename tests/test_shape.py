"""The house keeps its shape: no import cycles between printkit's modules.

Imports are read from the source (``ast``), top-level and inside functions alike, so a cycle
hidden behind a function-level import counts too. Imports under ``if TYPE_CHECKING:`` do not
run and are left out.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "printkit"


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The printkit modules ``path`` imports (a package import counts as its __init__)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for n in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: a relative import; write printkit's full name")
        elif isinstance(node, ast.ImportFrom) and node.module:
            # ``from printkit.read import svg`` imports the submodule; ``from printkit.cli
            # import main`` a name of the package's __init__: an edge to that __init__
            subs = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [s for s in subs if s in modules]
            if len(names) < len(subs):
                names.append(node.module)
        else:
            continue
        found.update(name for name in names if name in modules)
    return found - {_module(path)}


def _graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {_module(p) for p in paths}
    return {_module(p): _imports(p, modules) for p in paths}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycles():
    cycle = _cycle(_graph())
    assert cycle is None, " → ".join(cycle)


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_layout_reads_no_files():
    """Layout and the products are pure: they import no reader (images are measured while
    the event is read, ``model.event.Picture``) and open no file."""
    graph = _graph()
    for module, imports in graph.items():
        if module.startswith(("printkit.layout", "printkit.products")):
            readers = sorted(name for name in imports if name.startswith("printkit.read"))
            assert not readers, f"{module} imports {readers}"
    for path in [*(PACKAGE / "layout").rglob("*.py"), *(PACKAGE / "products").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for call in ("open(", ".read_bytes(", ".read_text(", "Image.open"):
            assert call not in text, f"{path.relative_to(ROOT)} calls {call}"


def _untyped(path: Path) -> list[str]:
    """Public functions and methods of ``path`` with a parameter or return left untyped."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []

    def check(node: ast.FunctionDef | ast.AsyncFunctionDef, owner: str) -> None:
        if node.name.startswith("_"):
            return
        args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
        if owner and args and args[0].arg in ("self", "cls"):
            args = args[1:]
        missing = [a.arg for a in args if a.annotation is None]
        missing += [
            f"*{a.arg}" for a in (node.args.vararg, node.args.kwarg) if a and not a.annotation
        ]
        if node.returns is None and node.name != "__init__":
            missing.append("return")
        if missing:
            found.append(f"{owner}{node.name}: {', '.join(missing)}")

    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            check(node, "")
        elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    check(item, f"{node.name}.")
    return found


def test_every_public_function_is_typed():
    untyped = {
        str(path.relative_to(ROOT)): found
        for path in sorted(PACKAGE.rglob("*.py"))
        if (found := _untyped(path))
    }
    assert not untyped, untyped


MAX_LINES = 400


def test_no_module_over_400_lines():
    long = {
        str(path.relative_to(ROOT)): count
        for path in sorted(PACKAGE.rglob("*.py"))
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, long


def test_a_cycle_through_a_packages_init_is_found():
    """A package's __init__ that holds code (cli/__init__ holds the commands) can close a
    cycle with its own submodules: that counts (it was skipped), as a plain cycle does."""
    through_init = {
        "printkit.cli": {"printkit.cli.options"},
        "printkit.cli.options": {"printkit.cli"},
    }
    assert _cycle(through_init) == ["printkit.cli", "printkit.cli.options", "printkit.cli"]
    assert _cycle({"printkit.a": {"printkit.b"}, "printkit.b": set()}) is None
