"""The check command end to end: contract, exit codes, options, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

ARTICLE = "Kedua negara memperkuat kerjasama  ekonomi.\n\nHubungan diplomaltik erat.\n"
CLEAN = "Kedua negara memperkuat kerja sama ekonomi.\n"


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_contract(invoke, article):
    result = invoke("check", "--format", "json", str(article))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["version"] == 1
    assert data["summary"]["files"] == 1
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "severity",
            "message", "text", "suggestions", "fixable"}
    by_rule = {}
    for finding in data["findings"]:
        assert keys <= set(finding)
        by_rule[finding["rule"]] = finding
    term = by_rule["term/deprecated"]
    assert (term["line"], term["column"], term["end_column"], term["text"]) == (
        1, 25, 34, "kerjasama")
    assert term["suggestions"] == ["kerja sama"]
    assert by_rule["typography/double-space"]["text"] == "  "
    assert by_rule["spelling/unknown-word"]["line"] == 3


def test_exit_codes(invoke, tmp_path, article):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert invoke("check", str(clean)).exit_code == 0
    assert invoke("check", str(article)).exit_code == 1
    assert invoke("check", "--fail-on", "never", str(article)).exit_code == 0
    only_warnings = tmp_path / "w.txt"
    only_warnings.write_text("Kedua negara  bertemu.\n", encoding="utf-8")
    assert invoke("check", str(only_warnings)).exit_code == 1
    assert invoke("check", "--fail-on", "error", str(only_warnings)).exit_code == 0


def test_text_output_is_plain_and_marks_the_span(invoke, article):
    result = invoke("check", str(article))
    assert "\x1b[" not in result.output
    lines = result.output.splitlines()
    index = next(i for i, line in enumerate(lines) if "spelling/unknown-word" in line)
    assert lines[index].startswith(f"{article}:3:10: error spelling/unknown-word")
    assert lines[index + 1].strip() == "Hubungan diplomaltik erat."
    caret = lines[index + 2]
    assert caret.index("^") == lines[index + 1].index("diplomaltik")
    assert caret.count("^") == len("diplomaltik")
    assert "suggestion: 'diplomatik'" in lines[index + 3]
    assert "fixable with --fix" in lines[-1]


def test_github_annotations(invoke, article):
    result = invoke("check", "--format", "github", str(article))
    line = next(x for x in result.output.splitlines() if "term/deprecated" in x)
    assert line.startswith(f"::error file={article},line=1,col=25,endLine=1,endColumn=34,")


def test_select_and_ignore(invoke, article):
    def rules(*options):
        result = invoke("check", "--format", "json", *options, str(article))
        return {f["rule"] for f in json.loads(result.output)["findings"]}

    assert rules("--select", "term") == {"term/deprecated"}
    assert "spelling/unknown-word" not in rules("--ignore", "spelling,typography")
    assert rules("--select", "typography/double-space") == {"typography/double-space"}
    bad = invoke("check", "--select", "nonsense", str(article))
    assert bad.exit_code == 2 and "unknown rule" in bad.output


def test_configuration_file(invoke, tmp_path, article, monkeypatch):
    (tmp_path / "termbase.toml").write_text(
        'ignore = ["spelling"]\naccept = ["words.txt"]\nfail-on = "error"\n', encoding="utf-8")
    (tmp_path / "words.txt").write_text("diplomaltik\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--format", "json", str(article))
    rules = {f["rule"] for f in json.loads(result.output)["findings"]}
    assert "spelling/unknown-word" not in rules and "term/deprecated" in rules
    (tmp_path / "termbase.toml").write_text("colour = 1\n", encoding="utf-8")
    bad = invoke("check", str(article))
    assert bad.exit_code == 2 and "unknown setting" in bad.output


def test_pyproject_tool_section(invoke, tmp_path, article, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.termbase]\nselect = ["term"]\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", "--format", "json", str(article))
    assert {f["rule"] for f in json.loads(result.output)["findings"]} == {"term/deprecated"}


def test_fix_applies_safe_fixes_atomically_and_keeps_the_rest(invoke, article):
    result = invoke("check", "--fix", str(article))
    fixed = article.read_text(encoding="utf-8")
    assert fixed == "Kedua negara memperkuat kerja sama ekonomi.\n\nHubungan diplomaltik erat.\n"
    assert result.exit_code == 1  # the misspelling needs a person
    assert [p.name for p in article.parent.iterdir()] == [article.name]


def test_fix_keeps_bom_and_crlf(invoke, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffKerjasama  erat.\r\nLalu pergi.\r\n".encode())
    invoke("check", "--fix", str(path))
    assert path.read_bytes() == "\ufeffKerja sama erat.\r\nLalu pergi.\r\n".encode()


def test_diff_changes_nothing(invoke, article):
    result = invoke("check", "--diff", str(article))
    assert result.exit_code == 1  # a fix would change the file
    assert "-Kedua negara memperkuat kerjasama  ekonomi." in result.output
    assert "+Kedua negara memperkuat kerja sama ekonomi." in result.output
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_diff_marks_a_missing_final_newline(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kerjasama erat.", encoding="utf-8")
    result = invoke("check", "--diff", str(path))
    assert "-Kerjasama erat.\n\\ No newline at end of file\n+Kerja sama erat." in result.output


def test_fix_reports_positions_in_the_fixed_text(invoke, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kerjasama  erat dengan diplomaltik.\n", encoding="utf-8")
    result = invoke("check", "--fix", "--format", "json", str(path))
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["column"], finding["text"]) == (24, "diplomaltik")


def test_fix_on_stdin_prints_the_fixed_text(invoke):
    result = invoke("check", "--fix", "-", input="Kerjasama  erat.\n")
    assert result.stdout == "Kerja sama erat.\n"
    assert result.exit_code == 0


def test_directories_and_stdin(invoke, tmp_path, article):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.md").write_text("Kerjasama itu.\n", encoding="utf-8")
    (sub / "ignored.csv").write_text("kerjasama\n", encoding="utf-8")
    result = invoke("check", "--format", "json", str(tmp_path))
    paths = {f["path"] for f in json.loads(result.output)["findings"]}
    assert paths == {str(article), str(sub / "b.md")}
    piped = invoke("check", "--format", "json", "-", input="Kerjasama itu.\n")
    assert json.loads(piped.output)["findings"][0]["path"] == "<stdin>"


@pytest.mark.parametrize("names", [[], ["report.docx", "memory.tmx"], [".hidden/a.txt"]])
def test_a_folder_with_nothing_to_check_fails(invoke, tmp_path, names):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in names:
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text("Kerjasama itu.\n", encoding="utf-8")
    result = invoke("check", str(folder))
    assert result.exit_code == 2
    assert result.output.startswith(f"termbase: {folder}: no files to check: no *.txt, ")
    assert result.output.count("\n") == 1
    # The same folder with one article in it is checked as before.
    (folder / "berita.txt").write_text("Kerja sama itu erat.\n", encoding="utf-8")
    assert invoke("check", str(folder)).exit_code == 0


def test_markdown_code_and_suppression(invoke, tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "Kata `kerjasama` dalam kode.\n\n```\nkerjasama\n```\n\n"
        "<!-- termbase off: term -->\nKerjasama diizinkan di sini.\n<!-- termbase on -->\n\n"
        "Kerjasama dilaporkan.\n", encoding="utf-8")
    result = invoke("check", "--format", "json", str(path))
    findings = json.loads(result.output)["findings"]
    assert [(f["rule"], f["line"]) for f in findings] == [("term/deprecated", 11)]


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Kerjasama Indonesia–Tiongkok “erat”.\n".encode("cp1252"), "not valid UTF-8"),
])
def test_bad_input_is_one_line_and_exit_2(invoke, tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = invoke("check", str(path))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and message in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("tbx, message", [
    (b"<martif><text><body>\n<termEntry id='a'>\n</body></text></martif>", ":3: malformed XML"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
     b"<martif>&x;</martif>", ":2: entity declarations"),
    (b'<!DOCTYPE m [\n<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     b"<martif>&b;</martif>", ":2: entity declarations"),
])
def test_bad_glossary_is_reported_with_line(invoke, tmp_path, article, tbx, message):
    glossary = tmp_path / "g.tbx"
    glossary.write_bytes(tbx)
    result = invoke("check", "--glossary", str(glossary), str(article))
    assert result.exit_code == 2
    assert result.output.strip() == result.output.strip().splitlines()[0]
    assert f"{glossary}{message}" in result.output


def test_wrong_options_exit_2(invoke, article):
    assert invoke("check", "--format", "xml", str(article)).exit_code == 2
    assert invoke("check").exit_code == 2
    assert invoke("check", "--fix", "--diff", str(article)).exit_code == 2


def _every_command():
    import click

    from termbase.cli import cli

    def walk(group, path):
        yield path
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from walk(command, [*path, name])
            else:
                yield [*path, name]

    return list(walk(cli, []))


@pytest.mark.parametrize("command", _every_command(), ids=" ".join)
def test_help_on_every_command(invoke, command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_installed_console_script_runs_the_example():
    exe = Path(sys.executable).with_name("termbase")
    if not exe.exists():
        pytest.skip("termbase console script not installed next to this Python")
    example = REPO / "examples" / "artikel-asean.txt"
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([str(exe), "check", "--format", "json", str(example)],
                            capture_output=True, text=True, env=env, cwd=REPO.parent)
    assert result.returncode == 1, result.stderr
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert {"term/deprecated", "spelling/unknown-word", "orthography/bound-form-apart",
            "orthography/prefix-apart", "typography/double-space",
            "typography/spaced-hyphen"} <= rules


def test_python_dash_m_runs_the_command_with_its_exit_statuses(tmp_path):
    env = {**os.environ, "NO_COLOR": "1"}
    clean = tmp_path / "bersih.txt"
    clean.write_text("Menteri itu tiba di Jakarta pada Senin pagi.\n", encoding="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "termbase", *args],
                              capture_output=True, text=True, env=env, cwd=tmp_path)

    assert run("check", str(clean)).returncode == 0
    missing = run("check", str(tmp_path / "hilang.txt"))
    assert missing.returncode == 2 and "hilang.txt" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_dictionary_option(invoke, tmp_path, article):
    from termbase.lang.speller import find_dictionary

    folder, language = find_dictionary()
    dic = Path(folder) / f"{language}.dic"
    good = invoke("check", "--format", "json", "--dictionary", str(dic), str(article))
    assert good.exit_code == 1 and "diplomaltik" in good.output
    missing = invoke("check", "--dictionary", str(tmp_path), str(article))
    assert missing.exit_code == 2 and "no id_ID.dic" in missing.output


def test_new_files_get_ordinary_permissions(tmp_path):
    import os

    from termbase.textio import atomic_write_text

    path = tmp_path / "new.txt"
    atomic_write_text(path, "isi\n")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
