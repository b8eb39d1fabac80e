"""glossary suggest --bilingual: Indonesian terms with their English equivalents, found
in aligned sentence pairs (the sentences are written for these tests)."""

from __future__ import annotations

import json

import pytest

from termbase.data import word_set
from termbase.formats.tm_io import write_units
from termbase.glossary import Glossary, default_glossary_paths
from termbase.glossary.bilingual import (
    _Associations,
    _english_sequences,
    _LengthModel,
    suggest_pairs,
    units,
)
from termbase.model import Concept, Status, Term, TranslationUnit

FUNCTION_WORDS = word_set("english_function_words")

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
    found = _english_sequences("The (IKN) Authority paid 5 billion for the Belt and Road.",
                               FUNCTION_WORDS)
    texts = [place.text for place in found.values()]
    assert "Belt and Road" in texts
    assert not [text for text in texts
                if text.startswith(("the ", "The")) or "5" in text or ")" in text
                or text.endswith((" for", " the"))]


def test_a_hyphenated_compound_is_one_word_of_a_sequence():
    assert [unit.text for unit in units("Non-tariff barriers slowed COVID-19 vaccines.")] \
        == ["Non-tariff", "barriers", "slowed", "COVID-19", "vaccines"]
    texts = {place.text for place in _english_sequences(
        "They removed a discriminatory non-tariff barrier on COVID-19 vaccines.",
        FUNCTION_WORDS).values()}
    assert {"non-tariff barrier", "COVID-19 vaccines", "discriminatory non-tariff"} <= texts
    assert not [text for text in texts if text.endswith("non") or text.startswith("tariff")
                or text.endswith("COVID") or text.startswith("19")]


def test_an_acronym_is_not_taken_for_a_function_word():
    texts = {place.text for place in _english_sequences(
        "The WHO and the US backed the plan, the minister who resigned said.",
        FUNCTION_WORDS).values()}
    assert {"WHO", "US"} <= texts
    assert not [text for text in texts if text.startswith("who")]


def test_a_sequence_that_cuts_a_capitalised_name_is_marked():
    found = _english_sequences(
        "Members of the United Nations Security Council met the Convention on the Law of "
        "the Sea panel.", FUNCTION_WORDS)
    cuts = {place.text: place.cuts_name for place in found.values()}
    assert cuts["United Nations Security Council"] == 0
    assert cuts["Nations Security Council"] == 1
    assert cuts["United Nations Security"] == 1
    assert cuts["Convention on the Law"] == 1  # of the Sea runs on
    assert cuts["Convention on the Law of the Sea"] == 0
    # punctuation ends a name: "(IKN) Authority" does not cut IKN
    assert {p.text: p.cuts_name for p in _english_sequences(
        "The (IKN) Authority paid.", FUNCTION_WORDS).values()}["IKN"] == 0


def test_a_loan_is_associated_and_an_unrelated_word_is_not():
    associations = _Associations([], set(), Glossary([]))
    assert associations.strength("vaksinasi", "vaccination") == 1.0
    assert associations.strength("kedaulatan", "sovereignty") == 0.0


def _concept(identifier, indonesian, english):
    return Concept(identifier, [Term(indonesian, "id", Status.PREFERRED),
                                Term(english, "en", Status.PREFERRED)])


def test_the_glossary_associates_words_but_a_terms_own_concept_does_not_count():
    glossary = Glossary([_concept("c1", "krisis iklim", "climate crisis"),
                         _concept("c2", "perubahan iklim", "climate change")])
    associations = _Associations([], {"iklim", "perubahan"}, glossary)
    assert associations.strength("iklim", "climate") > 0.5
    associations.hold_out(glossary.concepts[1])  # c2 out: c1 still ties iklim to climate
    assert associations.strength("iklim", "climate") > 0.5
    assert associations.strength("perubahan", "change") == 0.0
    associations.hold_out(None)
    assert associations.strength("perubahan", "change") > 0.5


def test_a_glossary_word_picks_a_singletons_english_among_equals():
    """Held by one pair, every English word is as tied to perubahan iklim as any other;
    another concept, krisis iklim: climate crisis, says which one is "climate". The
    term's own concept (perubahan iklim: climate change) is no evidence for it."""
    pairs = [("Perubahan iklim memperpanjang musim kemarau di Nusa Tenggara.",
              "Climate change is lengthening the dry season in Nusa Tenggara.")]
    own = _concept("c3", "perubahan iklim", "climate change")

    def best(glossary):
        found = by_term(suggest_pairs(pairs, glossary, min_count=1, limit=50))
        return found["perubahan iklim"].equivalents[0].text

    assert best(Glossary([_concept("c1", "krisis iklim", "climate crisis"), own])) \
        == "Climate change"
    assert best(Glossary([own])) != "Climate change"


def test_the_length_model_learns_from_the_glossary_without_the_terms_own_concept():
    glossary = Glossary([_concept(f"c{n}", f"kata{n} benda{n}", f"noun{n} phrase{n}")
                         for n in range(6)] + [_concept("c9", "kapal selam", "submarine")])
    lengths = _LengthModel(glossary, FUNCTION_WORDS)
    assert lengths.prior("tanggul laut", "sea wall") == 1.0
    assert lengths.prior("tanggul laut", "wall") < lengths.prior("tanggul laut", "sea wall")
    assert lengths.prior("tanggul laut", "giant sea wall project") \
        < lengths.prior("tanggul laut", "wall")  # one two-word term took one word
    without_own = lengths.prior("kapal selam", "submarine", glossary.concepts[-1])
    assert without_own < lengths.prior("kapal selam", "submarine")


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


FDI_PAIRS = [
    ("Arus penanaman modal luar negeri naik tajam tahun ini.",
     "Foreign direct investment rose sharply this year."),
    ("Pemerintah ingin menarik penanaman modal luar negeri ke Sulawesi.",
     "The government wants to attract foreign direct investment to Sulawesi."),
    ("Penanaman modal luar negeri di sektor nikel melambat.",
     "Foreign direct investment in the nickel sector slowed."),
]


def test_a_new_term_with_a_concepts_english_says_which_concept_it_may_belong_to():
    from termbase.glossary.bilingual import suggestion_concepts

    glossary = Glossary([_concept("c1", "investasi asing langsung",
                                  "foreign direct investment"),
                         _concept("c2", "nikel", "nickel")])
    found = suggest_pairs(FDI_PAIRS, glossary, min_count=2, limit=10)
    fdi = by_term(found)["penanaman modal luar negeri"]
    assert fdi.concept_id is None and fdi.english_of == ["c1"]
    note = suggestion_concepts(found)[0].note
    assert "that of c1" in note
    # a term whose English no concept has says nothing of the kind
    other = Glossary([_concept("c2", "nikel", "nickel")])
    fdi = by_term(suggest_pairs(FDI_PAIRS, other, min_count=2, limit=10))[
        "penanaman modal luar negeri"]
    assert fdi.english_of == [] and "that of" not in suggestion_concepts([fdi])[0].note


def test_cli_text_names_the_concept_a_new_term_may_belong_to(invoke, tmp_path):
    pairs = tmp_path / "fdi.tsv"
    pairs.write_text("".join(f"{source}\t{target}\n" for source, target in FDI_PAIRS),
                     encoding="utf-8")
    shipped = Glossary.load(default_glossary_paths())
    fdi_ids = [c.id for c in shipped.concepts
               if "foreign direct investment" in {t.text.casefold() for t in c.terms_in("en")}]
    assert fdi_ids, "the shipped glossary has foreign direct investment"
    result = invoke("glossary", "suggest", "--bilingual", str(pairs))
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines()
                if "penanaman modal luar negeri" in line)
    assert f"[new; English of {fdi_ids[0]}]" in line
