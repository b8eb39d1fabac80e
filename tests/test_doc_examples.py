"""The docs' examples run and print what the docs show.

A fenced block marked ```console in docs/*.md is an example: each line starting with
"$ termbase" is a command (a line ending in "\\" goes on with the next), and the lines
up to the next command or the end of the block are what it prints, standard output and
standard error as a terminal shows them. In the shown output "…" stands for any text
within a line, and a line holding only "…" for any number of lines (none included).
Other blocks (```sh, ```text, plain ```) are not run.

Each block runs in a new workspace laid out like a checkout: examples/ and tm/, the
shipped glossaries, and a home directory whose default memory holds the starter memory
(tm/*.tmx), unless the line before the block is "<!-- example: empty memory -->". Paths
are shown relative to the workspace, the home directory as "~".
"""

from __future__ import annotations

import difflib
import glob
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from termbase.cli import cli
from termbase.tm import service

from .conftest import REPO

EMPTY_MEMORY = "<!-- example: empty memory -->"
MEMORY = Path(".local", "share", "termbase", "memory.sqlite")  # under the home directory


@dataclass
class Command:
    line: int  # 1-based, in the page
    args: list[str]
    expected: list[str]


@dataclass
class Example:
    page: str
    line: int  # the opening fence's
    commands: list[Command]
    empty_memory: bool

    @property
    def id(self) -> str:
        return f"{self.page}:{self.line}"


def examples_of(page: Path) -> list[Example]:
    lines = page.read_text(encoding="utf-8").split("\n")
    found = []
    index = 0
    while index < len(lines):
        if lines[index].strip() != "```console":
            index += 1
            continue
        before = next((line for line in reversed(lines[:index]) if line.strip()), "")
        start = index
        index += 1
        commands: list[Command] = []
        while index < len(lines) and not lines[index].startswith("```"):
            line = lines[index]
            if line.startswith("$ "):
                first = index
                text = line[2:]
                while text.endswith("\\"):
                    index += 1
                    text = text[:-1] + " " + lines[index].strip()
                commands.append(Command(first + 1, shlex.split(text, comments=True), []))
            elif commands:
                commands[-1].expected.append(line)
            else:
                raise AssertionError(f"{page.name}:{index + 1}: output before any command")
            index += 1
        found.append(Example(page.name, start + 1, commands, before.strip() == EMPTY_MEMORY))
        index += 1
    return found


EXAMPLES = [example for page in sorted((REPO / "docs").glob("*.md"))
            for example in examples_of(page)]


def pattern(expected: list[str]) -> re.Pattern[str]:
    """The shown output as a pattern of the whole output: "…" any text within a line, a
    line of "…" any lines."""
    while expected and not expected[-1].strip():
        expected = expected[:-1]
    parts = []
    for line in expected:
        line = line.rstrip()
        if line.strip() == "…":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append("[^\n]*".join(re.escape(piece) for piece in line.split("…")) + r"\n")
    return re.compile("".join(parts))


def normalised(output: str, workspace: Path, home: Path) -> str:
    output = output.replace(str(home), "~").replace(f"{workspace}/", "")
    lines = [line.rstrip() for line in output.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "".join(line + "\n" for line in lines)


@pytest.fixture(scope="module")
def starter_memory(tmp_path_factory) -> Path:
    """The starter memory imported once; each example gets a copy."""
    path = tmp_path_factory.mktemp("memory") / "memory.sqlite"
    service.import_files(str(path), sorted(glob.glob(str(REPO / "tm" / "*.tmx"))))
    return path


def test_the_docs_have_examples():
    pages = {example.page for example in EXAMPLES}
    assert {"check.md", "glossary.md", "handoff.md", "segment.md", "tm.md"} <= pages
    assert all(example.commands for example in EXAMPLES)


def differences(example: Example, tmp_path: Path, monkeypatch, starter_memory: Path
                ) -> list[str]:
    """Run the example's commands in a new workspace; a diff for each whose output is not
    the one shown."""
    workspace = tmp_path / "checkout"
    home = tmp_path / "home"
    for folder in ("examples", "tm"):
        shutil.copytree(REPO / folder, workspace / folder)
    (home / MEMORY).parent.mkdir(parents=True)
    if not example.empty_memory:
        shutil.copyfile(starter_memory, home / MEMORY)
    monkeypatch.chdir(workspace)
    runner = CliRunner()
    environment = {"HOME": str(home), "NO_COLOR": "1", "XDG_DATA_HOME": None,
                   "TERMBASE_TM": None, "XDG_CONFIG_HOME": None}
    found = []
    for command in example.commands:
        assert command.args[0] == "termbase", f"{example.page}:{command.line}"
        args = []
        for arg in command.args[1:]:  # the shell's globbing
            args.extend(sorted(glob.glob(arg)) if re.search(r"[*?\[]", arg) else [arg])
        result = runner.invoke(cli, args, env=environment, catch_exceptions=False)
        output = normalised(result.output, workspace, home)
        if command.expected and not pattern(command.expected).fullmatch(output):
            shown = "\n".join(difflib.unified_diff(
                command.expected, output.rstrip("\n").split("\n"), "docs", "printed", lineterm=""))
            found.append(f"{example.page}:{command.line}: $ {shlex.join(command.args)}\n"
                         f"{shown}")
    return found


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example_prints_what_the_docs_show(example, tmp_path, monkeypatch, starter_memory):
    found = differences(example, tmp_path, monkeypatch, starter_memory)
    assert not found, "\n".join(found)


def test_an_example_showing_the_wrong_output_fails(tmp_path, monkeypatch, starter_memory):
    page = tmp_path / "page.md"
    page.write_text("```console\n$ termbase tm stats\n~/.local/share/termbase/memory.sqlite: "
                    "193 units, …\n…\n$ termbase tm stats\n~/memory.sqlite: 193 units, …\n"
                    "…\n```\n", encoding="utf-8")
    [example] = examples_of(page)
    [found] = differences(example, tmp_path, monkeypatch, starter_memory)
    assert found.startswith("page.md:5: $ termbase tm stats")
    assert "-~/memory.sqlite: 193 units, …" in found


def test_an_elision_stands_for_text_within_a_line_or_for_lines():
    shown = pattern(["a …", "…", "z"])
    assert shown.fullmatch("a b c\nd\ne\nz\n")
    assert shown.fullmatch("a \nz\n")
    assert not shown.fullmatch("a b\nz\nextra\n")
    assert not shown.fullmatch("b\nz\n")
    assert pattern(["exact"]).fullmatch("exact\n")
    assert not pattern(["exact"]).fullmatch("exactly\n")


def test_examples_are_read_from_console_blocks_only(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("```sh\ntermbase check a.txt\n```\n\n"
                    f"{EMPTY_MEMORY}\n```console\n$ termbase tm import \\\n    tm/*.tmx  # why\n"
                    "tm/starter.tmx: 1 added\n$ termbase tm stats\n```\n", encoding="utf-8")
    [example] = examples_of(page)
    assert example.empty_memory and example.line == 6
    first, second = example.commands
    assert first.args == ["termbase", "tm", "import", "tm/*.tmx"]
    assert first.expected == ["tm/starter.tmx: 1 added"] and first.line == 7
    assert second.args == ["termbase", "tm", "stats"] and second.expected == []
