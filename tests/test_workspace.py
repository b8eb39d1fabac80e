"""Workspaces: termbase init, finding termbase.toml upwards, writes kept out of the
installed package, and termbase config saying where each setting comes from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import termbase
from termbase import workspace
from termbase.config import load_config
from termbase.errors import ConfigError, InputError
from termbase.glossary import default_glossary_paths

# --- the configuration file -----------------------------------------------------------

def test_languages_and_the_line_of_each_key(tmp_path):
    toml = tmp_path / "termbase.toml"
    toml.write_text('# a desk\nsource-language = "id"\n\ntarget-language = "en-GB"\n'
                    'select = ["term"]\n', encoding="utf-8")
    config = load_config(toml)
    assert (config.source_language, config.target_language) == ("id", "en-GB")
    assert config.lines == {"source-language": 2, "target-language": 4, "select": 5}


def test_a_language_that_is_no_tag_is_refused(tmp_path):
    toml = tmp_path / "termbase.toml"
    toml.write_text("target-language = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="target-language must be a language tag"):
        load_config(toml)


def test_an_unknown_key_is_reported_at_its_line(tmp_path):
    toml = tmp_path / "termbase.toml"
    toml.write_text('tm = "m.sqlite"\ncolour = "blue"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(toml)
    assert str(raised.value) == f"{toml}:2: unknown setting(s): colour"


def test_pyproject_keys_are_found_in_their_table(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "desk"\n\n[tool.termbase]\nselect = ["term"]\n'
                         'source-language = "id"\n', encoding="utf-8")
    config = load_config(pyproject)
    assert config.lines == {"select": 5, "source-language": 6}
    assert config.source_language == "id"


def test_a_glossary_folder_stands_for_its_tbx_files(tmp_path):
    folder = tmp_path / "terms"
    folder.mkdir()
    for name in ("b.tbx", "a.tbx", "notes.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    toml = tmp_path / "termbase.toml"
    toml.write_text('glossary = ["terms", "other.tbx"]\n', encoding="utf-8")
    assert load_config(toml).glossary == [str(folder / "a.tbx"), str(folder / "b.tbx"),
                                          str(tmp_path / "other.tbx")]
    (folder / "a.tbx").unlink()
    (folder / "b.tbx").unlink()
    with pytest.raises(ConfigError, match="holds no .tbx file"):
        load_config(toml)


# --- init -----------------------------------------------------------------------------

def test_init_writes_a_toml_and_refuses_to_overwrite_it(invoke, tmp_path):
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    toml = tmp_path / "termbase.toml"
    written = toml.read_text(encoding="utf-8")
    config = load_config(toml)
    assert config.glossary == []  # the shipped glossary, read-only
    assert config.tm == str(tmp_path / "tm" / "memory.sqlite")
    assert (config.source_language, config.target_language, config.fail_on) == \
        ("id", "en", "warning")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["termbase.toml"]

    toml.write_text(written + '\naccept = ["ours.txt"]\n', encoding="utf-8")
    edited = toml.read_text(encoding="utf-8")
    again = invoke("init", str(tmp_path))
    assert again.exit_code == 2 and "--force" in again.output
    assert "Traceback" not in again.output
    assert toml.read_text(encoding="utf-8") == edited
    forced = invoke("init", str(tmp_path), "--force")
    assert forced.exit_code == 0 and toml.read_text(encoding="utf-8") == written


def test_init_defaults_to_the_working_directory_and_makes_a_missing_folder(
        invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    assert (tmp_path / "termbase.toml").is_file()
    assert invoke("init", "desk/site").exit_code == 0
    assert (tmp_path / "desk" / "site" / "termbase.toml").is_file()


def test_init_with_the_starter_copies_glossaries_and_memory(invoke, tmp_path):
    result = invoke("init", str(tmp_path), "--with-starter")
    assert result.exit_code == 0, result.output
    shipped = default_glossary_paths()
    copies = sorted((tmp_path / "glossaries").iterdir())
    assert [p.name for p in copies] == [p.name for p in shipped]
    assert all(c.read_bytes() == s.read_bytes() for c, s in zip(copies, shipped, strict=True))
    assert (tmp_path / "tm" / "starter.tmx").is_file()
    assert (tmp_path / "tm" / "memory.sqlite").is_file()
    assert "units" in result.output
    config = load_config(tmp_path / "termbase.toml")
    assert config.glossary == [str(p) for p in copies]

    # Forced again, the workspace's own glossary edits stay.
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = copies[0].read_bytes()
    forced = invoke("init", str(tmp_path), "--with-starter", "--force")
    assert forced.exit_code == 0 and "kept" in forced.output
    assert copies[0].read_bytes() == edited


def test_init_into_the_installed_package_is_refused(invoke, tmp_path, monkeypatch):
    monkeypatch.setattr(workspace, "installed_folders", lambda: [tmp_path.resolve()])
    result = invoke("init", str(tmp_path / "inside"))
    assert result.exit_code == 2 and "installed termbase package" in result.output
    assert "termbase init` in a folder" in result.output
    assert not (tmp_path / "inside").exists()


# --- commands find the workspace; writes stay out of the installed package -------------

@pytest.fixture
def starter_workspace(invoke, tmp_path):
    assert invoke("init", str(tmp_path / "desk"), "--with-starter").exit_code == 0
    return tmp_path / "desk"


def test_a_glossary_edit_in_a_subfolder_goes_to_the_workspace_files(
        invoke, starter_workspace, monkeypatch):
    shipped = {p: p.read_bytes() for p in default_glossary_paths()}
    before = {p: p.read_bytes() for p in (starter_workspace / "glossaries").iterdir()}
    below = starter_workspace / "articles" / "2026"
    below.mkdir(parents=True)
    monkeypatch.chdir(below)
    result = invoke("glossary", "deprecate", "kerjasamanya", "--use", "kerja sama")
    assert result.exit_code == 0, result.output
    changed = [p for p, data in before.items() if p.read_bytes() != data]
    assert len(changed) == 1 and "kerjasamanya" in changed[0].read_text(encoding="utf-8")
    assert str(changed[0]) in result.output
    assert {p: p.read_bytes() for p in shipped} == shipped


def test_check_in_a_subfolder_uses_the_workspace_settings(invoke, tmp_path, monkeypatch):
    (tmp_path / "termbase.toml").write_text('select = ["typography/double-space"]\n',
                                            encoding="utf-8")
    below = tmp_path / "a" / "b"
    below.mkdir(parents=True)
    article = below / "berita.txt"
    article.write_text("Menteri itu  tiba pagi ini.\n", encoding="utf-8")
    monkeypatch.chdir(below)
    result = invoke("check", "--format", "json", "berita.txt")
    assert {f["rule"] for f in json.loads(result.output)["findings"]} == \
        {"typography/double-space"}
    article.write_text("Menteri itu tiba pagi ini.\n", encoding="utf-8")
    assert invoke("check", "berita.txt").exit_code == 0


def test_a_path_inside_the_package_is_refused_and_one_outside_is_not(tmp_path):
    inside = Path(termbase.__file__).parent / "glossaries" / "desk.tbx"
    with pytest.raises(InputError, match="termbase init"):
        workspace.refuse_installed(inside, "glossary")
    workspace.refuse_installed(tmp_path / "desk.tbx", "glossary")
    assert workspace.is_installed_path(inside)
    assert not workspace.is_installed_path(tmp_path / "desk.tbx")


def test_glossary_writes_into_the_installed_glossary_are_refused(invoke, tmp_path,
                                                                 monkeypatch):
    """Without a workspace the shipped glossary is read, but never written."""
    shipped = {p: p.read_bytes() for p in default_glossary_paths()}
    folder = default_glossary_paths()[0].parent.resolve()
    monkeypatch.setattr(workspace, "installed_folders", lambda: [folder])
    monkeypatch.chdir(tmp_path)  # no termbase.toml here or above
    assert invoke("glossary", "stats").exit_code == 0
    for args in (["deprecate", "kerjasamanya", "--use", "kerja sama"],
                 ["remove", next(iter(_concept_ids()))],
                 ["export", "-o", str(folder / "copy.csv")]):
        result = invoke("glossary", *args)
        assert result.exit_code == 2, (args, result.output)
        assert "installed termbase package" in result.output
        assert "termbase init --with-starter" in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in shipped} == shipped
    assert not (folder / "copy.csv").exists()
    # --dry-run writes nothing, so it still shows the change.
    assert invoke("glossary", "deprecate", "kerjasamanya", "--use", "kerja sama",
                  "--dry-run").exit_code == 0


def _concept_ids() -> list[str]:
    from termbase.glossary import Glossary

    return [c.id for c in Glossary.load(default_glossary_paths()).concepts]


def test_a_memory_inside_the_package_is_refused(invoke, tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "termbase"
    package.mkdir(parents=True)
    monkeypatch.setattr(workspace, "installed_folders", lambda: [package.resolve()])
    unit = ("Menteri tiba.", "The minister arrived.")
    result = invoke("tm", "add", *unit, "--tm", str(package / "memory.sqlite"))
    assert result.exit_code == 2 and "termbase init" in result.output
    assert "--tm" in result.output and "edit its copy" not in result.output
    assert list(package.iterdir()) == []
    assert invoke("tm", "add", *unit, "--tm", str(tmp_path / "memory.sqlite")).exit_code == 0


def test_desk_languages_come_from_the_workspace(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert workspace.desk_languages() == ("id", "en")
    (tmp_path / "termbase.toml").write_text('source-language = "en"\n'
                                            'target-language = "id-ID"\n', encoding="utf-8")
    assert workspace.desk_languages() == ("en", "id-ID")


def test_stated_languages_are_none_unless_the_workspace_names_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert workspace.stated_languages() is None
    (tmp_path / "termbase.toml").write_text('target-language = "ms"\n', encoding="utf-8")
    assert workspace.stated_languages() == ("id", "ms")


# --- config ---------------------------------------------------------------------------

def test_config_shows_each_setting_and_its_source(invoke, tmp_path, monkeypatch):
    monkeypatch.delenv("TERMBASE_TM", raising=False)
    toml = tmp_path / "termbase.toml"
    toml.write_text('# desk settings\ntm = "tm/desk.sqlite"\n\nselect = ["term", "spelling"]\n',
                    encoding="utf-8")
    below = tmp_path / "sub"
    below.mkdir()
    monkeypatch.chdir(below)
    result = invoke("config", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["config"] == str(toml)
    found = {s["name"]: s for s in report["settings"]}
    assert found["tm"]["value"] == str(tmp_path / "tm" / "desk.sqlite")
    assert found["tm"]["source"] == f"{toml}:2"
    assert found["select"] == {"name": "select", "value": ["term", "spelling"],
                               "source": f"{toml}:4", "note": ""}
    assert found["glossary"]["source"] == "built-in default"
    assert found["fail-on"]["source"] == "command default (check --fail-on)"
    assert found["source-language"]["value"] == "id"

    monkeypatch.setenv("TERMBASE_TM", str(tmp_path / "elsewhere.sqlite"))
    text = invoke("config").output
    assert f"configuration: {toml}" in text
    assert "elsewhere.sqlite  [$TERMBASE_TM]" in text
    assert f"select           term, spelling  [{toml}:4]" in text


def test_config_without_a_workspace_says_so(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("config")
    assert result.exit_code == 0
    assert "configuration: none" in result.output
    assert "the shipped starter glossary" not in result.output  # the files are listed
    assert "[built-in default]" in result.output


def test_config_reports_a_broken_file_in_one_line(invoke, tmp_path, monkeypatch):
    (tmp_path / "termbase.toml").write_text('select = ["term"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("config")
    assert result.exit_code == 2 and "invalid TOML" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_tm_import_takes_the_workspace_languages(invoke, tmp_path, monkeypatch):
    (tmp_path / "termbase.toml").write_text(
        'source-language = "id"\ntarget-language = "ms"\n', encoding="utf-8")
    tsv = tmp_path / "pasangan.tsv"
    tsv.write_text("Harga naik.\tHarga meningkat.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    memory = tmp_path / "memori.sqlite"
    result = invoke("tm", "import", str(tsv), "--tm", str(memory))
    assert result.exit_code == 0, result.output
    stats = invoke("tm", "stats", "--tm", str(memory), "--format", "json")
    assert "ms" in stats.output and "en-US" not in stats.output
