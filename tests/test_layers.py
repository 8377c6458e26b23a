"""The package's layout shows its architecture: its import graph, read from the source with ast, has no cycle, the model
sits at the bottom importing nothing else of the tool's, no part imports one above it, and it is at most 6 layers deep."""

import ast
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "committee_paper"
NAME = "committee_paper"
# Each part (a sub-package, or a module at the top level) and its floor: a part imports only from floors below its own.
FLOORS = {
    "committee_paper": 0,  # the package's __init__
    "model": 0,  # reading the paper and its types
    "server": 0,  # nginx for the built site
    "markup": 0,  # the one reader and writer of rendered HTML
    "new_paper": 0,  # a new paper's folder from the skeleton
    "checks": 1,  # the rules a paper must meet
    "render": 1,  # the Markdown side
    "outputs": 1,  # one document, the one page, the PDF, search index, zip, compressed copies
    "material": 1,  # the theme's side
    "config": 1,  # the settings as MkDocs config classes
    "stamp": 1,  # the built site's stamp
    "stages": 2,  # the build's stages, MkDocs events
    "plugin": 3,  # the MkDocs plugin
    "verify": 4,  # committee-paper verify
    "cli": 5,  # the console command
}
MAX_DEPTH = 6


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join((NAME, *parts[:-1])) if parts[-1] == "__init__" else ".".join((NAME, *parts))


def imported(path: Path, modules: set[str]) -> set[str]:
    """The tool's modules ``path`` imports, anywhere in it (imports inside functions too), relative ones resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            # `from package import module` imports the module
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names}
    return {module for module in found if module in modules and module != name}


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imported(path, modules) for path in paths}


def part(module: str) -> str:
    """The sub-package a module belongs to, or the module itself at the top level."""
    return module.split(".")[1] if module != NAME else NAME


def part_graph() -> dict[str, set[str]]:
    parts: dict[str, set[str]] = {}
    for module, imports in import_graph().items():
        parts.setdefault(part(module), set()).update(part(other) for other in imports if part(other) != part(module))
    return parts


def depth(graph: dict[str, set[str]]) -> dict[str, int]:
    """Each node's layer: 1 for a node importing nothing, else one more than the highest it imports."""

    @cache
    def layer(node: str, seen: frozenset[str] = frozenset()) -> int:
        assert node not in seen, f"import cycle through {node}"
        return 1 + max((layer(other, seen | {node}) for other in graph[node]), default=0)

    return {node: layer(node) for node in graph}


def test_no_module_import_cycle():
    depth(import_graph())


def test_no_cycle_between_parts_and_at_most_six_layers():
    layers = depth(part_graph())
    assert max(layers.values()) <= MAX_DEPTH, layers


def test_the_model_is_the_ground_floor():
    graph = part_graph()
    assert "model" in graph, "the package has no model sub-package"
    assert graph["model"] == set(), f"the model imports {graph['model']}"


def test_nothing_imports_from_a_floor_above_it():
    graph = part_graph()
    assert sorted(graph) == sorted(FLOORS), "every part of the package has its floor in FLOORS"
    upward = {(name, other) for name, imports in graph.items() for other in imports if FLOORS[other] >= FLOORS[name]}
    assert upward == set()


def test_one_name_per_module():
    """No two of the package's modules share a file name (``__init__`` aside)."""
    names = [path.stem for path in PACKAGE.rglob("*.py") if path.stem != "__init__"]
    assert sorted({name for name in names if names.count(name) > 1}) == []


# What renders Markdown: Python-Markdown's extension and processor classes.
MARKDOWN_RENDERERS = {
    "Extension",
    "Treeprocessor",
    "Preprocessor",
    "Postprocessor",
    "BlockProcessor",
    "InlineProcessor",
}


def test_the_model_renders_nothing():
    """The model is reading and types: none of its modules defines a Markdown extension or processor, imports
    Python-Markdown, or has a function that renders (``render``, ``render_*``); the renderers are in render/."""
    found = []
    for path in sorted((PACKAGE / "model").rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {base.id if isinstance(base, ast.Name) else ast.unparse(base) for base in node.bases}
                found += [f"{where}: class {node.name}({base})" for base in bases & MARKDOWN_RENDERERS]
            elif isinstance(node, ast.FunctionDef) and (node.name == "render" or node.name.startswith("render_")):
                found.append(f"{where}: def {node.name}")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "markdown":
                found.append(f"{where}: from {node.module} import …")
            elif isinstance(node, ast.Import) and any(alias.name.split(".")[0] == "markdown" for alias in node.names):
                found.append(f"{where}: import markdown")
    assert found == []


def test_stages_share_only_the_build_state():
    """A stage imports no other stage, only the build's state (stages/build.py): the plugin wires them."""
    shared = {f"{NAME}.stages", f"{NAME}.stages.build"}
    graph = import_graph()
    across = {
        (module, other)
        for module, imports in graph.items()
        if part(module) == "stages"
        for other in imports - shared
        if part(other) == "stages"
    }
    assert across == set()


def test_verify_needs_no_build():
    """verify reads a built site: it imports neither the plugin nor a stage of the build."""
    graph = import_graph()
    assert {other for module, imports in graph.items() if part(module) == "verify" for other in imports} & {
        other for other in graph if part(other) in ("plugin", "stages")
    } == set()


def test_markdown_extensions_are_in_render():
    """Every Python-Markdown extension and processor of the tool's is in render/, the Markdown side."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not where.startswith("render/"):
                bases = {base.id if isinstance(base, ast.Name) else ast.unparse(base) for base in node.bases}
                found += [f"{where}: class {node.name}({base})" for base in bases & MARKDOWN_RENDERERS]
    assert found == []
