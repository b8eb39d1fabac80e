"""Spelling suggestions, asked of Speller.suggest directly (not through what the checker
accepts): the slips real news makes, the expanded word set and its cache."""

from __future__ import annotations

import pytest

from termbase.lang import lexicon, suggest
from termbase.lang.speller import Speller, zipf


@pytest.fixture(scope="module")
def speller():
    return Speller()


@pytest.mark.parametrize("typo, fix", [
    # a doubled consonant left out where a suffix meets the stem
    ("menaikan", "menaikkan"),
    ("dimasukan", "dimasukkan"),
    ("tidakah", "tidakkah"),
    ("ditemukanya", "ditemukannya"),
    # a dropped letter
    ("tradisonal", "tradisional"),
    ("penerbagan", "penerbangan"),
    ("kebijakn", "kebijakan"),
    # a rare word one slip away from a very common one
    ("mengutungkan", "menguntungkan"),
    ("tu", "itu"),
    # a letter typed three times
    ("kemitraaan", "kemitraan"),
    ("pemerintaaah", "pemerintah"),
    # a syllable left out: two edits, tried when nothing is one edit away
    ("multiteral", "multilateral"),
    # a space left out between two common words
    ("andaikata", "andai kata"),
    # a swapped pair and a neighbouring key
    ("jarignan", "jaringan"),
    ("diplomaltik", "diplomatik"),
])
def test_the_intended_word_is_suggested_first(speller, typo, fix):
    assert speller.suggest(typo)[:1] == [fix]


def test_a_capitalised_typo_gets_capitalised_suggestions(speller):
    assert speller.suggest("Pemerintha")[:1] == ["Pemerintah"]


def test_nothing_is_suggested_far_from_any_word(speller):
    assert speller.suggest("xqzvkwpt") == []


def test_the_limit_cuts_the_same_ranking(speller):
    five = speller.suggest("menaikan")
    assert speller.suggest("menaikan", limit=1) == five[:1]
    assert len(five) <= 5


def test_every_suggestion_is_a_word_hunspell_or_the_accept_list_knows(speller):
    for typo in ("menaikan", "penerbagan", "aalamiin", "kemana"):
        for suggestion in speller.suggest(typo):
            for part in suggestion.split():
                assert speller.in_dictionary(part) or speller.accepts(part) \
                    or speller.is_common(part), (typo, suggestion)


def test_a_split_needs_two_common_words():
    known = {"adalah", "sebuah", "multi", "teral"}
    assert "adalah sebuah" in suggest.rank(
        "adalahsebuah", suggest.candidates("adalahsebuah", known), zipf)
    assert suggest.rank("multiteral", suggest.candidates("multiteral", known), zipf) == []


def test_two_edits_are_tried_only_when_nothing_is_one_edit_away():
    known = {"kemitraan", "kemitra"}
    assert suggest.candidates("kemitraaan", known) == {"kemitraan"}
    assert suggest.candidates("kemitraaaan", known) == {"kemitraan"}


def test_affix_expansion_builds_the_forms_hunspell_accepts(speller, tmp_path):
    (tmp_path / "xx.aff").write_text(
        "SET UTF-8\nFLAG long\nCIRCUMFIX A1\n"
        "PFX M0 Y 2\nPFX M0 0 me [lmnr]\nPFX M0 k meng k\n"
        "PFX M1 Y 1\nPFX M1 k meng/A1 k\n"
        "SFX Mk Y 1\nSFX Mk 0 kan/M1nlA1 .\n"
        "SFX nl Y 1\nSFX nl 0 nya .\n", encoding="utf-8")
    (tmp_path / "xx.dic").write_text("2\nkirim/M0Mk\nlari\n", encoding="utf-8")
    forms = lexicon.dictionary_forms(tmp_path / "xx.dic", tmp_path / "xx.aff")
    # -kan only with meng- (a circumfix), meng- alone, and -nya after -kan
    assert forms == {"kirim", "mengirim", "mengirimkan", "mengirimkannya", "lari"}


def test_the_expanded_word_set_is_cached_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMBASE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "xx.aff").write_text("SET UTF-8\n", encoding="utf-8")
    dic = tmp_path / "xx.dic"
    dic.write_text("1\nzorbak\n", encoding="utf-8")
    lexicon.known_words.cache_clear()
    try:
        assert "zorbak" in lexicon.known_words(str(dic))
        assert len(list((tmp_path / "cache").glob("lexicon-*.txt"))) == 1
        dic.write_text("1\nzorbik\n", encoding="utf-8")
        lexicon.known_words.cache_clear()
        words = lexicon.known_words(str(dic))
        assert "zorbik" in words and "zorbak" not in words
        assert len(list((tmp_path / "cache").glob("lexicon-*.txt"))) == 2
    finally:
        lexicon.known_words.cache_clear()


def test_asking_hunspell_and_the_word_set_suggest_the_same(monkeypatch):
    typos = ["menaikan", "penerbagan", "tu", "multiteral", "aalamiin", "kemana", "jarignan"]
    monkeypatch.setattr("termbase.lang.speller.HUNSPELL_LOOKUPS", 10**9)
    asking = Speller()
    by_hunspell = [asking.suggest(typo) for typo in typos]
    assert asking._known_forms is None  # never loaded the set
    monkeypatch.setattr("termbase.lang.speller.HUNSPELL_LOOKUPS", -1)
    by_set = [Speller().suggest(typo) for typo in typos]
    assert by_hunspell == by_set
