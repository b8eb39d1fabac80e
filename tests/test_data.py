"""The shipped word lists are data and are tested like code."""

from __future__ import annotations

from importlib import resources

import pytest

from termbase.data import pair_table, word_list
from termbase.lang.speller import Speller

LISTS = sorted(
    entry.name[:-4] for entry in resources.files("termbase.data").iterdir()
    if entry.name.endswith(".txt")
)
UNORDERED = {"clitics", "keyboard", "loan_spelling"}  # order carries meaning: longest
# clitic first, keyboard rows, rewrites in the order they apply


@pytest.mark.parametrize("name", LISTS)
def test_lists_are_unique_and_sorted(name):
    # The key of an entry: the text before "|" in pair lists, else its first word.
    entries = [entry.split("|")[0].strip() if "|" in entry else entry.split()[0]
               for entry in word_list(name)]
    assert entries, name
    assert len(entries) == len(set(entries)), name
    if name not in UNORDERED:
        assert entries == sorted(entries), name


PAIR_LISTS = ["titles", "proper_names", "connectives", "glued_phrases", "common_compounds"]


@pytest.mark.parametrize("name", PAIR_LISTS)
def test_pair_lists_read_as_word_keys_and_values(name):
    table = pair_table(name)
    assert len(table) == len(word_list(name)), name  # no entry lost or merged
    for words, value in table.items():
        assert words and all(word == word.strip() and word for word in words), (name, words)
        assert value == value.strip(), (name, value)


def test_titles_map_their_lower_case_words_to_the_written_title():
    table = pair_table("titles")
    assert ("menteri", "luar", "negeri") in table
    assert table["menteri", "luar", "negeri"] == "Menteri Luar Negeri"
    assert all("|" not in word for words in table for word in words)


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


def _pairs(name):
    return [tuple(side.strip() for side in entry.split("|", 1)) for entry in word_list(name)]


def test_nonstandard_pairs_point_to_standard_forms():
    pairs = _pairs("nonstandard")
    wrong = {w for w, _ in pairs}
    assert len(pairs) >= 400
    assert all(w != r for w, r in pairs)
    # The standard side is never itself listed as non-standard: no chains, no cycles.
    assert not [(w, r) for w, r in pairs if r.lower() in wrong]


def test_nonstandard_standard_forms_are_dictionary_words_or_explained():
    from importlib import resources

    speller = Speller()
    text = resources.files("termbase.data").joinpath("nonstandard.txt").read_text("utf-8")
    unexplained = []
    for line in text.splitlines():
        if "|" not in line or line.startswith("#"):
            continue
        pair, _, source = line.partition("#")
        right = pair.split("|")[1].strip()
        assert source.strip(), f"no source: {line}"
        known = speller.in_dictionary(right) or all(
            speller.in_dictionary(part) for part in right.replace("-", " ").split())
        if not known and ";" not in source:  # a note after ";" says how it is checked
            unexplained.append(line)
    assert not unexplained


def test_assimilation_exceptions_are_dictionary_stems():
    speller = Speller()
    for stem in word_list("assimilation_exceptions"):
        assert stem[0] in "kpts" and speller.in_dictionary(stem), stem
