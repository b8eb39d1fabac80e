"""The command line as users of other linters expect it: progress on standard error,
colour by NO_COLOR and FORCE_COLOR, a new glossary from a translator's CSV, unquoted
lookups, shell completion, pre-commit and CI integration."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

import termbase.cli.check as check_command
from termbase.cli import cli, output
from termbase.textio import metered_reading, open_binary, read_bytes

from .conftest import REPO

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# Of my own writing: a fused kerja sama (a fixable finding) and a clean sentence.
ARTICLE = "Kedua kota itu menjalin kerjasama di bidang air bersih.\n\nHujan turun sore ini.\n"
CLEAN = "Hujan turun sore ini.\n"


def run(*args: str, env: dict[str, str | None] | None = None, input: str | None = None):
    # NO_COLOR=1 is the suite's default (conftest); each test says what it wants.
    environment: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None}
    return CliRunner().invoke(cli, list(args), env={**environment, **(env or {})},
                              input=input, catch_exceptions=False)


@pytest.fixture
def terminal(monkeypatch, tmp_path):
    """Standard error as an 80-column terminal a person watches, in a folder of short
    names so that they fit."""
    monkeypatch.setattr(output, "stderr_is_interactive", lambda: True)
    monkeypatch.chdir(tmp_path)


# --- progress ------------------------------------------------------------------------

def test_check_draws_its_bar_on_stderr_and_keeps_json_on_stdout(terminal, tmp_path):
    for name, text in (("a.txt", ARTICLE), ("b.txt", CLEAN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("check", "--format", "json", "a.txt", "b.txt")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["files"] == 2
    assert "checking" in result.stderr and "100%" in result.stderr
    assert "\x1b[" not in result.stdout


def test_one_big_file_gets_a_bar_and_a_small_one_none(terminal, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    small = run("check", "--format", "json", "a.txt")
    assert small.stderr == "" and json.loads(small.stdout)["summary"]["files"] == 1
    monkeypatch.setattr(check_command, "BIG_FILE", len(ARTICLE))
    big = run("check", "--format", "json", "a.txt")
    assert "checking a.txt" in big.stderr and "100%" in big.stderr
    assert json.loads(big.stdout) == json.loads(small.stdout)


def test_no_bar_when_stderr_is_not_a_terminal(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert result.stderr == ""
    json.loads(result.stdout)


def test_tm_import_bar_shows_bytes_units_and_indexing_on_stderr(terminal, tmp_path):
    (tmp_path / "p.tsv").write_text(
        "".join(f"Hujan turun pada hari ke-{i}.\tIt rained on day {i}.\n"
                for i in range(2500)), encoding="utf-8")
    result = run("tm", "import", "--tm", "m.sqlite", "p.tsv")
    assert result.exit_code == 0
    assert result.stdout == "p.tsv: 2500 added, 0 updated, 0 skipped\n"
    shown = ANSI.sub("", result.stderr)
    assert "importing p.tsv" in shown and "units" in shown
    assert "indexing p.tsv" in shown and "100%" in shown and "2,500 units" in shown


def test_tm_import_without_a_terminal_prints_no_bar(tmp_path):
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("Hujan turun.\tIt rained.\n", encoding="utf-8")
    result = run("tm", "import", "--tm", str(tmp_path / "m.sqlite"), str(pairs))
    assert result.exit_code == 0 and "\x1b" not in result.stderr
    assert "importing" not in result.stderr


def test_a_metered_read_counts_every_byte_once(tmp_path):
    data = tmp_path / "lines.tsv"
    data.write_bytes(b"satu\tone\n" * 3000)
    size = data.stat().st_size
    heard: list[int] = []
    with metered_reading(heard.append), open_binary(data) as handle:
        list(handle)  # line by line, as the TSV reader reads
    assert sum(heard) == size
    heard = []
    with metered_reading(heard.append), open_binary(data) as handle:
        while handle.read(700):  # in chunks, as the XML reader reads
            pass
    assert sum(heard) == size
    heard = []
    with metered_reading(heard.append):
        read_bytes(data)
    assert heard == [size]
    heard = []
    with open_binary(data) as handle:  # outside: nothing is told
        list(handle)
    assert heard == []


def test_rule_progress_counts_the_selected_rules_to_the_end(ctx):
    from termbase.check.engine import Selection, check_text
    from termbase.check.registry import DOCUMENT_RULES

    heard: list[tuple[int, int]] = []
    check_text("a.txt", ARTICLE, ctx, Selection(), progress=lambda *n: heard.append(n))
    assert heard[-1] == (len(DOCUMENT_RULES), len(DOCUMENT_RULES))
    assert [done for done, _ in heard] == list(range(1, len(DOCUMENT_RULES) + 1))
    heard.clear()
    check_text("a.txt", ARTICLE, ctx, Selection(select=("typography",)),
               progress=lambda *n: heard.append(n))
    typography = sum(r.name.startswith("typography/") for r in DOCUMENT_RULES)
    assert heard[-1] == (typography, typography) and typography < len(DOCUMENT_RULES)


# --- colour --------------------------------------------------------------------------

@pytest.mark.parametrize(("env", "coloured"), [
    ({}, False),  # not a terminal
    ({"FORCE_COLOR": "1"}, True),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
    ({"FORCE_COLOR": "", "NO_COLOR": ""}, False),  # empty means unset
])
def test_check_diff_colour_follows_no_color_and_force_color(tmp_path, env, coloured):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--diff", str(article), env=env)
    assert result.exit_code == 1
    assert ("\x1b[" in result.stdout) is coloured
    plain = ANSI.sub("", result.stdout)
    assert "-Kedua kota itu menjalin kerjasama" in plain
    assert "+Kedua kota itu menjalin kerja sama" in plain
    if coloured:
        assert "\x1b[31m-Kedua" in result.stdout and "\x1b[32m+Kedua" in result.stdout
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_text_report_colour_is_forced_off_a_terminal(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert "\x1b[" in run("check", str(article), env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("check", str(article)).stdout


def test_colour_decision(monkeypatch):
    class Terminal:
        def isatty(self) -> bool:
            return True

    class Pipe:
        def isatty(self) -> bool:
            return False

    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    assert output.colour_wanted(Terminal()) and not output.colour_wanted(Pipe())
    monkeypatch.setenv("FORCE_COLOR", "0")  # any non-empty value forces
    assert output.colour_wanted(Pipe())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not output.colour_wanted(Terminal())


def test_a_coloured_diff_differs_from_the_plain_one_only_by_colour_codes(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    diff = ("--- a.txt\n+++ a.txt (fixed)\n@@ -1,2 +1,2 @@\n--- a line of dashes\r\n"
            "+-- a line of dashes\r\n same\u2028line\n")
    coloured = output.coloured_diff(diff)
    assert ANSI.sub("", coloured) == diff
    assert "\x1b[1m--- a.txt" in coloured and "\x1b[31m--- a line" in coloured
    assert "\x1b[32m+-- a line" in coloured and "\x1b[36m@@" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert output.coloured_diff(diff) == diff


# --- a new glossary from a translator's CSV ------------------------------------------

TERMS_CSV = ("concept_id,subject_field,concept_note,language,definition,term,status\r\n"
             "t1,water,,id,,air bersih,preferred\r\n"
             "t1,water,,en,,clean water,preferred\r\n")


def test_glossary_import_into_a_new_tbx_creates_it(tmp_path):
    terms = tmp_path / "terms.csv"
    terms.write_text(TERMS_CSV, encoding="utf-8")
    new = tmp_path / "new.tbx"
    dry = run("glossary", "import", str(terms), "--into", str(new), "--dry-run")
    assert dry.exit_code == 0 and not new.exists()
    assert "+<martif" in dry.stdout
    result = run("glossary", "import", str(terms), "--into", str(new))
    assert result.exit_code == 0, result.output
    assert "added t1" in result.stdout and f"{new}: created" in result.stderr
    found = json.loads(run("lookup", "air bersih", "--format", "json", "--glossary",
                           str(new)).stdout)["results"][0]
    assert found["concept"]["preferred"] == {"id": "air bersih", "en": "clean water"}
    again = run("glossary", "import", str(terms), "--into", str(new))  # now a merge
    assert again.exit_code == 0 and "1 unchanged" in again.stderr


def test_a_dry_run_diff_is_coloured_only_when_colour_is_wanted(tmp_path):
    terms = tmp_path / "terms.csv"
    terms.write_text(TERMS_CSV, encoding="utf-8")
    new = str(tmp_path / "new.tbx")
    forced = run("glossary", "import", str(terms), "--into", new, "--dry-run",
                 env={"FORCE_COLOR": "1"})
    assert "\x1b[32m+" in forced.stdout
    plain = run("glossary", "import", str(terms), "--into", new, "--dry-run")
    assert "\x1b[" not in plain.stdout and ANSI.sub("", forced.stdout) == plain.stdout


def test_glossary_import_creates_only_a_tbx(tmp_path):
    terms = tmp_path / "terms.csv"
    terms.write_text(TERMS_CSV, encoding="utf-8")
    result = run("glossary", "import", str(terms), "--into", str(tmp_path / "new.csv"))
    assert result.exit_code == 2 and "new.csv" in result.stderr
    assert not (tmp_path / "new.csv").exists()


def test_a_new_glossary_is_not_written_over_a_file_that_appeared(tmp_path):
    from termbase.errors import InputError
    from termbase.glossary.service import import_glossary

    terms = tmp_path / "terms.csv"
    terms.write_text(TERMS_CSV, encoding="utf-8")
    target = tmp_path / "new.tbx"
    merged = import_glossary(terms, target)
    target.write_text("someone else's\n", encoding="utf-8")
    with pytest.raises(InputError, match="exists already"):
        merged.document.save()
    assert target.read_text(encoding="utf-8") == "someone else's\n"


# --- lookup, completion, pre-commit, CI ----------------------------------------------

def test_lookup_of_unquoted_words_is_the_quoted_lookup():
    quoted = run("lookup", "kerja sama", "--format", "json")
    unquoted = run("lookup", "kerja", "sama", "--format", "json")
    assert quoted.exit_code == unquoted.exit_code == 0
    assert json.loads(unquoted.stdout) == json.loads(quoted.stdout)
    assert json.loads(unquoted.stdout)["query"] == "kerja sama"
    assert run("lookup").exit_code == 2  # a word is needed


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_shell_script(shell):
    result = run("completion", shell)
    assert result.exit_code == 0
    assert "_TERMBASE_COMPLETE" in result.stdout and "termbase" in result.stdout


def test_completion_refuses_an_unknown_shell():
    assert run("completion", "tcsh").exit_code == 2


def test_completion_script_answers_bash():
    env = {"_TERMBASE_COMPLETE": "bash_complete", "COMP_WORDS": "termbase chec",
           "COMP_CWORD": "1"}
    result = CliRunner().invoke(cli, [], env=env, prog_name="termbase")
    assert "check" in result.stdout


def _yaml():
    return pytest.importorskip("yaml")


def test_pre_commit_hook_runs_check_on_text_files():
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: termbase-check\n" in text and "  entry: termbase check\n" in text
    assert "  pass_filenames: true\n" in text and "  language: python\n" in text
    yaml = _yaml()
    (hook,) = yaml.safe_load(text)
    assert hook["id"] == "termbase-check" and hook["entry"] == "termbase check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert re.search(hook["files"], "news/today.md") and re.search(hook["files"], "a.txt")
    assert not re.search(hook["files"], "setup.py")


def test_the_ci_example_in_the_docs_uses_github_annotations():
    text = (REPO / "docs" / "check.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)
    workflow = next(b for b in blocks if "jobs:" in b)
    assert "termbase check" in workflow and "--format github" in workflow
    assert "\t" not in workflow  # YAML indents with spaces only
    yaml = _yaml()
    parsed = yaml.safe_load(workflow)
    steps = [s for job in parsed["jobs"].values() for s in job["steps"]]
    assert any("termbase check" in s.get("run", "") and "--format github" in s["run"]
               for s in steps)


def test_the_installed_script_exists():
    # The entry the pre-commit hook runs is the console script of the package.
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^termbase = "termbase\.cli:main"', text, re.MULTILINE)
