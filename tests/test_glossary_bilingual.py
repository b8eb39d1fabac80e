"""glossary suggest --bilingual: Indonesian terms with their English equivalents, found
in aligned sentence pairs (the sentences are written for these tests)."""

from __future__ import annotations

import json

import pytest

from termbase.formats.tm_io import write_units
from termbase.glossary import Glossary, default_glossary_paths
from termbase.glossary.bilingual import suggest_pairs
from termbase.model import TranslationUnit

PAIRS = [
    ("Kapal pesiar itu berlabuh di Benoa pagi ini.",
     "The cruise ship docked at Benoa this morning."),
    ("Pemerintah membuka pelabuhan baru untuk kapal pesiar.",
     "The government is opening a new port for cruise ships."),
    ("Kapal pesiar asing membawa dua ribu wisatawan.",
     "A foreign cruise ship carried two thousand tourists."),
    ("Kapal barang tertahan di Selat Lombok.", "A cargo ship was held in the Lombok Strait."),
    ("Awak kapal dievakuasi sebelum badai datang.",
     "The ship's crew was evacuated before the storm arrived."),
    ("Kedua negara memperluas kerja sama di bidang energi.",
     "The two countries expanded cooperation in energy."),
    ("Kerja samanya dengan Jepang diperpanjang lima tahun.",
     "Its cooperation with Japan was extended by five years."),
    ("Proyek Sabuk dan Jalan membiayai jalur kereta baru.",
     "The Belt and Road project is financing a new railway."),
    ("Pejabat itu membela proyek Sabuk dan Jalan di depan parlemen.",
     "The official defended the Belt and Road project before parliament."),
    ("Sabuk pengaman wajib dipakai di jalan tol.", "Seat belts must be worn on toll roads."),
]


@pytest.fixture(scope="module")
def shipped():
    return Glossary.load(default_glossary_paths())


def by_term(found):
    return {pair.term.casefold(): pair for pair in found}


def test_a_new_term_gets_its_english_phrase_not_its_common_word(shipped):
    found = by_term(suggest_pairs(PAIRS, shipped, min_count=2, limit=50))
    cruise = found["kapal pesiar"]
    assert cruise.pairs == 3 and cruise.in_glossary == "no"
    # "ship" is in five English sentences, "cruise ship(s)" in exactly these three
    assert cruise.equivalents[0].text == "cruise ship"  # as it is written most often
    assert cruise.equivalents[0].dice == 1.0
    assert [e.text.casefold() for e in cruise.equivalents].index("ship") > 0


def test_glossary_terms_are_found_inflected_and_checked_against_the_glossary(shipped):
    found = by_term(suggest_pairs(PAIRS, shipped, min_count=2, limit=50))
    cooperation = found["kerja sama"]  # kerja samanya counts
    assert cooperation.pairs == 2 and cooperation.concept_id is not None
    assert cooperation.equivalents[0].text == "cooperation"
    assert cooperation.in_glossary == "same"
    belt = found["sabuk dan jalan"]
    assert belt.equivalents[0].text == "Belt and Road"  # longer than Belt, Road alone
    assert belt.in_glossary == "same"


def test_a_term_below_the_minimum_of_pairs_is_not_proposed(shipped):
    found = by_term(suggest_pairs(PAIRS, shipped, min_count=3, limit=50))
    assert "kapal pesiar" in found and "kerja sama" not in found


def test_english_sequences_stop_at_numbers_punctuation_and_function_words():
    from termbase.data import word_set
    from termbase.glossary.bilingual import _english_sequences

    found = _english_sequences("The (IKN) Authority paid 5 billion for the Belt and Road.",
                               word_set("english_function_words"))
    assert "Belt and Road" in found.values()
    assert not [text for text in found.values()
                if text.startswith(("the ", "The")) or "5" in text or ")" in text
                or text.endswith((" for", " the"))]


@pytest.fixture
def pairs_tmx(tmp_path):
    path = tmp_path / "pairs.tmx"
    write_units([TranslationUnit(source, target, "id-ID", "en-US")
                 for source, target in PAIRS], path)
    return path


def test_cli_json_from_a_tmx_file(invoke, pairs_tmx):
    result = invoke("glossary", "suggest", "--bilingual", str(pairs_tmx), "--format", "json",
                    "--limit", "50")
    assert result.exit_code == 0, result.output
    records = {c["term"].casefold(): c for c in json.loads(result.output)["candidates"]}
    cruise = records["kapal pesiar"]
    assert cruise["equivalents"][0]["text"] == "cruise ship"
    assert cruise["in_glossary"] == "no" and cruise["concept"] is None
    assert cruise["examples"][0]["en"] == "The cruise ship docked at Benoa this morning."


def test_cli_tbx_holds_the_new_terms_admitted_for_review(invoke, pairs_tmx, tmp_path):
    out = tmp_path / "review.tbx"
    result = invoke("glossary", "suggest", "--bilingual", str(pairs_tmx), "--format", "tbx",
                    "-o", str(out), "--limit", "50")
    assert result.exit_code == 0, result.output
    concepts = Glossary.load([str(out)]).concepts
    pairs = {tuple(t.text for t in c.terms): c for c in concepts}
    cruise = next(c for key, c in pairs.items()
                  if [k.casefold() for k in key] == ["kapal pesiar", "cruise ship"])
    assert {t.status.value for t in cruise.terms} == {"admitted"}
    assert "review" in (cruise.note or "")
    assert not [c for c in concepts if c.terms[0].text.casefold() == "kerja sama"]
    again = invoke("glossary", "suggest", "--bilingual", str(pairs_tmx), "--format", "tbx",
                   "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.output


def test_cli_reads_the_memory_when_no_file_is_given(invoke, pairs_tmx, tmp_path):
    memory = tmp_path / "memory.sqlite"
    assert invoke("tm", "import", str(pairs_tmx), "--tm", str(memory)).exit_code == 0
    result = invoke("glossary", "suggest", "--bilingual", "--tm", str(memory), "--limit", "50")
    assert result.exit_code == 0, result.output
    assert "kapal pesiar  ->  cruise ship (" in result.output.casefold()


@pytest.mark.parametrize("args", [
    ("glossary", "suggest"),  # nothing to read
    ("glossary", "suggest", "--bilingual", "--format", "tbx"),  # tbx needs -o
    ("glossary", "suggest", "x.txt", "--format", "tbx"),  # tbx needs --bilingual
])
def test_cli_refuses_wrong_options(invoke, args):
    assert invoke(*args).exit_code == 2
