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
    ("Ketahanan pangan menjadi agenda utama pertemuan menteri.",
     "Food security topped the agenda of the ministers' meeting."),
    ("Pemerintah menyiapkan cadangan beras untuk ketahanan pangan.",
     "The government is preparing rice reserves for food security."),
    ("Ketahanan pangan kawasan terancam oleh cuaca ekstrem.",
     "The region's food security is threatened by extreme weather."),
    ("Harga pangan naik tajam bulan lalu.", "Food prices rose sharply last month."),
    ("Impor pangan dibatasi sampai akhir tahun.",
     "Food imports are limited until the end of the year."),
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
    food = found["ketahanan pangan"]
    assert food.pairs == 3 and food.in_glossary == "no"
    # "food" is in five English sentences, "food security" in exactly these three
    assert food.equivalents[0].text == "food security"  # as it is written most often
    assert food.equivalents[0].dice == 1.0
    assert [e.text.casefold() for e in food.equivalents].index("food") > 0


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
    assert "ketahanan pangan" in found and "kerja sama" not in found


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
    food = records["ketahanan pangan"]
    assert food["equivalents"][0]["text"] == "food security"
    assert food["in_glossary"] == "no" and food["concept"] is None
    assert food["examples"][0]["en"].startswith("Food security")


def test_cli_tbx_holds_the_new_terms_admitted_for_review(invoke, pairs_tmx, tmp_path):
    out = tmp_path / "review.tbx"
    result = invoke("glossary", "suggest", "--bilingual", str(pairs_tmx), "--format", "tbx",
                    "-o", str(out), "--limit", "50")
    assert result.exit_code == 0, result.output
    concepts = Glossary.load([str(out)]).concepts
    pairs = {tuple(t.text for t in c.terms): c for c in concepts}
    food = next(c for key, c in pairs.items()
                if [k.casefold() for k in key] == ["ketahanan pangan", "food security"])
    assert {t.status.value for t in food.terms} == {"admitted"}
    assert "review" in (food.note or "")
    assert not [c for c in concepts if c.terms[0].text.casefold() == "kerja sama"]
    again = invoke("glossary", "suggest", "--bilingual", str(pairs_tmx), "--format", "tbx",
                   "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.output


def test_cli_reads_the_memory_when_no_file_is_given(invoke, pairs_tmx, tmp_path):
    memory = tmp_path / "memory.sqlite"
    assert invoke("tm", "import", str(pairs_tmx), "--tm", str(memory)).exit_code == 0
    result = invoke("glossary", "suggest", "--bilingual", "--tm", str(memory), "--limit", "50")
    assert result.exit_code == 0, result.output
    assert "pangan  ->  food security (" in result.output.casefold()


@pytest.mark.parametrize("args", [
    ("glossary", "suggest"),  # nothing to read
    ("glossary", "suggest", "--bilingual", "--format", "tbx"),  # tbx needs -o
    ("glossary", "suggest", "x.txt", "--format", "tbx"),  # tbx needs --bilingual
])
def test_cli_refuses_wrong_options(invoke, args):
    assert invoke(*args).exit_code == 2
