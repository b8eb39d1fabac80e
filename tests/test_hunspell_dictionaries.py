"""One search for Hunspell dictionaries and one answer for words they cannot encode."""

from __future__ import annotations

import hunspell
import pytest

from termbase.errors import InputError
from termbase.lang.english import english_speller
from termbase.lang.hunspell_dictionaries import find_dictionary_folder, has_dictionary, spells
from termbase.lang.speller import Speller, find_dictionary


def test_the_dictionaries_termbase_uses_are_found_by_language():
    for language in ("id_ID", "en_US", "en_GB"):
        folder = find_dictionary_folder(language)
        assert folder is not None and has_dictionary(folder, language)
    assert find_dictionary_folder("xx_XX") is None


def test_a_dictionary_needs_both_its_files(tmp_path):
    (tmp_path / "id_ID.dic").write_text("1\nkata\n", encoding="latin-1")
    assert not has_dictionary(tmp_path, "id_ID")
    with pytest.raises(InputError):  # an .aff-less folder is refused, not loaded
        find_dictionary(str(tmp_path))
    (tmp_path / "id_ID.aff").write_text("SET ISO8859-1\n", encoding="latin-1")
    assert has_dictionary(tmp_path, "id_ID")
    assert find_dictionary(str(tmp_path)) == (str(tmp_path), "id_ID")


def test_spells_says_cannot_say_for_a_word_the_dictionary_cannot_encode():
    english = hunspell.Hunspell("en_US", hunspell_data_dir=str(find_dictionary_folder("en_US")))
    assert spells(english, "house") is True
    assert spells(english, "don\u2019t") is True  # the typographic apostrophe is read
    assert spells(english, "hosue") is False
    assert spells(english, "Erdoğan") is None


def test_each_speller_reads_cannot_say_its_documented_way():
    # English leaves a foreign name unjudged; Indonesian's dictionary does not hold it,
    # and its other evidence decides.
    assert english_speller().knows("Erdoğan")
    assert not english_speller().knows("hosue")
    speller = Speller()
    assert not speller.in_dictionary("Erdoğan")
    assert speller.in_dictionary("rumah")
