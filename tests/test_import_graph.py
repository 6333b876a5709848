"""The rooms of the code and which may import which: no circle, no arrow pointing upward.

    main.py ──> cli.py ──┬──> importers/ ──┐
       │                 └──> exporters/ ──┼──> models/ ──> resources/
       └──> ui/ ──────> (exporters/, importers/, models/)

Inside models/ the rooms are layered: the leaf modules (entities, errors, fields, i18n, text)
import nothing of the rest; dates/ may use the leaves; db/ the leaves and dates/; received/
the leaves, dates/ and db/; the remaining top-level modules (the editor and its commands)
may use every room. No sub-room ever imports the editor's side.

Read from the source, imports inside functions included (they run too), those only for
type checkers left out.
"""
from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

ROOMS = ("models", "exporters", "importers", "ui", "resources")
ALLOWED: dict[str, set[str]] = {
    "resources": set(),
    "models": {"resources"},
    "exporters": {"models", "resources"},
    "importers": {"models", "resources"},
    "cli": {"models", "exporters", "importers", "resources"},
    "ui": {"models", "exporters", "importers", "resources"},
    "main": {"cli", "ui", "models"},
}


def module_of(path: Path) -> str:
    """The dotted module name of a source file of ours."""
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def room_of(module: str) -> str:
    """The room a module lives in: its package, or cli / main for the top-level scripts."""
    return module.split(".")[0]


def our_sources() -> list[Path]:
    """Every module of the program (not tests, benchmarks or the venv)."""
    files = [REPO / "main.py", REPO / "cli.py"]
    for room in ROOMS:
        files += sorted((REPO / room).rglob("*.py"))
    return files


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Whether an import sits under `if TYPE_CHECKING:`."""
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The modules of ours a file imports at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            if name in known:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports."""
    sources = {module_of(path): path for path in our_sources()}
    known = set(sources)
    return {module: imports_of(path, known) - {module} for module, path in sources.items()}


MODEL_LEAVES = {"child_env", "entities", "errors", "fields", "i18n", "text"}
MODEL_ALLOWED: dict[str, set[str]] = {
    "leaf": set(),
    "dates": {"leaf"},
    "db": {"leaf", "dates"},
    "received": {"leaf", "dates", "db"},
    "top": {"leaf", "dates", "db", "received"},
}


def model_room_of(module: str) -> str:
    """The room inside models/ a models module lives in."""
    parts = module.split(".")
    if len(parts) > 2 and parts[1] in ("db", "dates", "received"):
        return parts[1]
    if len(parts) == 2 and parts[1] in ("db", "dates", "received"):
        return parts[1]
    if len(parts) == 2 and parts[1] in MODEL_LEAVES:
        return "leaf"
    return "top"


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_graph_is_read_from_the_sources():
    edges = graph()
    assert "models.db.storage" in edges["models.db.opening"]
    assert "models.editor" in edges["importers.workbook"]     # imported inside a function
    assert "models.db.storage" not in edges["models.db.backup"]     # only for type checkers


def test_no_module_imports_a_room_above_its_own():
    upward = sorted(f"{module} -> {target}" for module, targets in graph().items()
                    for target in targets
                    if room_of(target) != room_of(module)
                    and room_of(target) not in ALLOWED[room_of(module)])
    assert upward == []


def test_no_import_circle():
    assert cycles(graph()) == []


def test_the_circle_finder_finds_circles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_models_rooms_import_only_downward():
    upward = sorted(f"{module} -> {target}" for module, targets in graph().items()
                    if room_of(module) == "models"
                    for target in targets if room_of(target) == "models"
                    and model_room_of(target) != model_room_of(module)
                    and model_room_of(target) not in MODEL_ALLOWED[model_room_of(module)])
    assert upward == []


def test_models_has_its_rooms():
    models = {m for m in graph() if room_of(m) == "models"}
    rooms = {model_room_of(m) for m in models}
    assert rooms == {"leaf", "dates", "db", "received", "top"}
    top_files = [m for m in models if m.count(".") == 1 and model_room_of(m) == "top"]
    assert len(top_files) < 25, sorted(top_files)
