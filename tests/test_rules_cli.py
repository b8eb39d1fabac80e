"""termbase rules, and unknown rule names with a "did you mean" wherever they come from."""

from __future__ import annotations

import json

from termbase.check.registry import BY_NAME, RULES

ARTICLE = "Kedua negara memperkuat kerjasama  ekonomi.\n"


def test_rules_lists_every_rule_with_its_example(invoke):
    result = invoke("rules")
    assert result.exit_code == 0
    assert "\x1b[" not in result.output  # NO_COLOR, and not a terminal
    for rule in RULES:
        assert rule.name in result.output
        assert f"{rule.wrong} → {rule.right}" in result.output
    assert result.output.splitlines()[-1].startswith(f"{len(RULES)} rule(s)")


def test_rules_json_has_the_fields_of_each_rule(invoke):
    data = json.loads(invoke("rules", "--format", "json").output)["rules"]
    assert [r["name"] for r in data] == [r.name for r in RULES]
    double = next(r for r in data if r["name"] == "typography/double-space")
    rule = BY_NAME["typography/double-space"]
    assert double == {"name": rule.name, "category": "typography",
                      "severity": rule.severity.value, "fixable": rule.fixable,
                      "runs_on": "document", "summary": rule.summary,
                      "wrong": rule.wrong, "right": rule.right}


def test_rules_narrowed_by_name_or_category(invoke):
    data = json.loads(invoke("rules", "term", "typography/double-space",
                             "--format", "json").output)["rules"]
    names = {r["name"] for r in data}
    assert names == {"term/deprecated", "term/inconsistent", "typography/double-space"}
    bad = invoke("rules", "terms")
    assert bad.exit_code == 2 and "did you mean 'term'" in bad.output


def test_unknown_option_name_suggests_the_close_ones(invoke, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    bad = invoke("check", "--select", "typografy", str(article))
    assert bad.exit_code == 2
    assert "--select" in bad.output and "did you mean 'typography'" in bad.output
    bad = invoke("check", "--ignore", "spelling,orthography/pun-attached", str(article))
    assert bad.exit_code == 2 and "'orthography/pun'" in bad.output
    far = invoke("check", "--ignore", "zzzz", str(article))
    assert far.exit_code == 2 and "did you mean" not in far.output
    good = invoke("check", "--ignore", "spelling/,term", str(article))
    assert good.exit_code == 1


def test_unknown_config_name_names_file_key_and_line(invoke, tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "termbase.toml").write_text(
        'fail-on = "error"\nselect = ["term"]\nignore = [\n  "spelling",\n'
        '  "typography/dobule-space",\n]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    bad = invoke("check", str(article))
    assert bad.exit_code == 2
    line = bad.output.strip()
    assert line.startswith(f"termbase: {tmp_path / 'termbase.toml'}:5: key 'ignore':")
    assert "did you mean 'typography/double-space'" in line
    # The command line replaces the key, but a slip in the file is still reported.
    assert invoke("check", "--ignore", "term", str(article)).exit_code == 2


def test_unknown_name_in_pyproject_comma_string(invoke, tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nselect = "spelling"\n\n[tool.termbase]\n'
        'select = "spelling, trem"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    bad = invoke("check", str(article))
    assert bad.exit_code == 2
    assert "pyproject.toml:6: key 'select': unknown rule or category 'trem'" in bad.output
    assert "did you mean 'term'" in bad.output


def test_rules_plain_when_not_a_terminal_even_without_no_color(invoke):
    result = invoke("rules", "term", env={"NO_COLOR": None})
    assert result.exit_code == 0 and "\x1b[" not in result.output
    assert "term/deprecated  error  fixable" in result.output


def test_value_line_finds_the_value_within_its_key(tmp_path):
    from termbase.config import value_line

    toml = tmp_path / "termbase.toml"
    toml.write_text('# ignore = ["nama"]\nselect = ["nama"]\nignore = [\n  "x",\n  "nama",\n]\n'
                    'fail-on = "error"\n', encoding="utf-8")
    assert value_line(str(toml), "ignore", "nama") == 5
    assert value_line(str(toml), "select", "nama") == 2
    assert value_line(str(toml), "ignore", "absent") == 3  # the key's line
    assert value_line(str(toml), "tm", "x") is None
    assert value_line(str(tmp_path / "missing.toml"), "ignore", "x") is None
