"""Workspaces: the settings of termbase.toml."""

from __future__ import annotations

import pytest

from termbase.config import load_config
from termbase.errors import ConfigError

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
