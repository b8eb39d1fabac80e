"""The shipped word lists are data and are tested like code."""

from __future__ import annotations

from importlib import resources

import pytest

from termbase.data import word_list
from termbase.lang.speller import Speller

LISTS = sorted(
    entry.name[:-4] for entry in resources.files("termbase.data").iterdir()
    if entry.name.endswith(".txt")
)
UNORDERED = {"clitics", "keyboard"}  # order carries meaning: longest clitic first, rows


@pytest.mark.parametrize("name", LISTS)
def test_lists_are_unique_and_sorted(name):
    # The key of an entry: the text before "|" in pair lists, else its first word.
    entries = [entry.split("|")[0].strip() if "|" in entry else entry.split()[0]
               for entry in word_list(name)]
    assert entries, name
    assert len(entries) == len(set(entries)), name
    if name not in UNORDERED:
        assert entries == sorted(entries), name


def test_place_words_are_real_words():
    speller = Speller()
    for word in word_list("place_time_words"):
        assert speller.is_correct(word), word


def test_list_entries_have_the_shape_their_rule_expects():
    assert all(w[:2] in ("di", "ke") for w in word_list("glued_exceptions"))
    assert all(e.split()[0].endswith("pun") for e in word_list("pun_joined"))
    assert all(" " not in w for w in word_list("abbreviations"))


def test_every_package_is_listed_for_installation():
    import tomllib

    from .conftest import REPO

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    source = REPO / "src"
    found = {".".join(p.parent.relative_to(source).parts)
             for p in source.rglob("__init__.py")}
    assert found <= listed, f"missing from pyproject.toml packages: {sorted(found - listed)}"
