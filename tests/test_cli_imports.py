"""The command modules stay thin and apart: under cli/, a module imports of cli/ only
the package itself (the click group `cli`, ExitCode), the shared options module, output
and render. The one exception is main() in cli/__init__.py, which imports the command
modules to register them. Everything else a command needs is a library service."""

from __future__ import annotations

import ast
from pathlib import Path

import termbase.cli

CLI = Path(termbase.cli.__file__).parent
SHARED = {"termbase.cli", "termbase.cli.options", "termbase.cli.output",
          "termbase.cli.render"}
SUBMODULES = {p.stem for p in CLI.glob("*.py") if p.stem != "__init__"}


def cli_imports(tree: ast.AST) -> set[str]:
    """The cli modules imported anywhere in tree."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("termbase.cli")}
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.add(f"relative import in line {node.lineno}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("termbase.cli"):
            found.add(node.module or "")
            if node.module == "termbase.cli":  # from termbase.cli import check: a module
                found |= {f"termbase.cli.{a.name}" for a in node.names
                          if a.name in SUBMODULES}
    return found


def _main(tree: ast.Module) -> ast.FunctionDef:
    return next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main")


def _descendants(node: ast.AST) -> set[int]:
    return {id(n) for n in ast.walk(node)}


def test_command_modules_import_only_the_shared_cli_modules():
    for path in sorted(CLI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        imported = cli_imports(tree)
        if path.stem == "__init__":
            inside_main = _descendants(_main(tree))
            imported = cli_imports(ast.Module(
                body=[n for n in tree.body if id(n) not in inside_main], type_ignores=[]))
        own = f"termbase.cli.{path.stem}" if path.stem != "__init__" else "termbase.cli"
        assert imported <= SHARED | {own}, (path.name, sorted(imported - SHARED))


def test_main_registers_every_command_module():
    tree = ast.parse((CLI / "__init__.py").read_text(encoding="utf-8"))
    registered = cli_imports(_main(tree))
    commands = {f"termbase.cli.{name}" for name in SUBMODULES} - SHARED
    assert registered - SHARED == commands


def test_the_rule_catches_a_command_importing_another():
    tree = ast.parse("from termbase.cli.tm import memory_path\n"
                     "from termbase.cli import glossary\nimport termbase.cli.exchange\n")
    assert cli_imports(tree) - SHARED == {"termbase.cli.tm", "termbase.cli.glossary",
                                          "termbase.cli.exchange"}
