"""The paper's settings are MkDocs config classes, each option documented as mkdocstrings reads it
(a string right after the option), and the rules take them as plain data, knowing nothing of MkDocs."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from mkdocs.config.base import Config

import committee_paper
from committee_paper import config


def test_every_option_has_a_docstring() -> None:
    classes = [value for value in vars(config).values() if inspect.isclass(value) and issubclass(value, Config)]
    assert classes, "no config classes"
    tree = ast.parse(inspect.getsource(config))
    undocumented = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in {cls.__name__ for cls in classes}:
            for statement, after in zip(node.body, [*node.body[1:], None], strict=True):
                if isinstance(statement, ast.Assign):
                    documented = (
                        isinstance(after, ast.Expr)
                        and isinstance(after.value, ast.Constant)
                        and isinstance(after.value.value, str)
                    )
                    if not documented:
                        undocumented += [
                            f"{node.name}.{target.id}" for target in statement.targets if isinstance(target, ast.Name)
                        ]
    assert undocumented == []


def test_no_rule_module_imports_mkdocs() -> None:
    """Only the plugin, its stages and config.py, where MkDocs runs them, may import MkDocs."""
    package = Path(committee_paper.__file__).parent
    allowed = {"plugin.py", "config.py"}
    importing = []
    for path in sorted(package.glob("*.py")):
        if path.name in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
                importing.append(path.name)
    assert importing == []
