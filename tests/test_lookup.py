"""termbase lookup: both directions, inflection, partial words, typos, statuses."""

from __future__ import annotations

import json

import pytest

from termbase.glossary import Glossary, default_glossary_paths
from termbase.glossary.lookup import lookup


@pytest.fixture(scope="module")
def shipped():
    return Glossary.load(default_glossary_paths())


@pytest.mark.parametrize("query, language, expected_id_term, how", [
    ("Sabuk dan Jalan", None, "Sabuk dan Jalan", "exact"),
    ("sabuk DAN jalan", None, "Sabuk dan Jalan", "exact"),
    ("Belt and Road", None, "Sabuk dan Jalan", "exact"),
    ("kerja samanya", "id", "kerja sama", "inflected"),
    ("Sabuk dan Jalur", None, "Sabuk dan Jalan", "fuzzy"),
    ("kemitraan strategis kekal", "id", "Kemitraan Strategis Kekal dan Komprehensif",
     "partial"),
    ("P.B.B.", None, "Perserikatan Bangsa-Bangsa", "exact"),
    ("Sekjen P.B.B.", None, "Sekretaris Jenderal Perserikatan Bangsa-Bangsa", "exact"),
    ("pengungsi-pengungsi", "id", "pengungsi", "inflected"),
    ("pengungsi-pengungsinya", "id", "pengungsi", "inflected"),
])
def test_lookup_finds_the_concept(shipped, query, language, expected_id_term, how):
    hit = lookup(shipped, query, language)[0]
    assert hit.concept.preferred("id").text == expected_id_term
    assert hit.how == how


def test_a_hyphenated_term_is_not_taken_for_a_plural(shipped):
    # Bangsa-Bangsa is the term itself, not the plural of a term "Bangsa".
    hit = lookup(shipped, "Perserikatan Bangsa-Bangsa")[0]
    assert hit.how == "exact" and hit.concept.preferred("en").text == "United Nations"



def test_dotted_acronyms_are_joined_and_initials_kept():
    from termbase.glossary.lookup import _undotted

    assert _undotted(["p", ".", "b", ".", "b", "."]) == ["pbb"]
    assert _undotted(["u", ".", "s", ".", "state", "department"]) == ["us", "state", "department"]
    assert _undotted(["j", ".", "smith"]) == ["j", ".", "smith"]
    assert _undotted(["akhir", "tahun", "."]) == ["akhir", "tahun", "."]


def test_scores_order_exact_inflected_partial(shipped):
    exact = lookup(shipped, "kerja sama")[0].score
    inflected = lookup(shipped, "kerja samanya")[0].score
    partial = lookup(shipped, "Organisasi Kerja", "id")[0].score
    assert exact == 100 > inflected > partial


def test_language_filter(shipped):
    assert not [h for h in lookup(shipped, "Belt and Road", "id") if h.score == 100]


def test_nothing_found(shipped):
    assert lookup(shipped, "zzqxv plorb") == []


def test_cli_lookup_both_directions_and_json(invoke):
    result = invoke("lookup", "Sabuk dan Jalan", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["language"] == "id"
    first = data["results"][0]
    assert first["concept"]["preferred"]["en"] == "Belt and Road"
    assert first["match"] == {"text": "Sabuk dan Jalan", "language": "id",
                              "status": "preferred", "how": "exact"}
    english = json.loads(invoke("lookup", "Belt and Road", "--format", "json").output)
    assert english["language"] == "en"
    assert english["results"][0]["concept"]["preferred"]["id"] == "Sabuk dan Jalan"


def test_cli_lookup_deprecated_points_at_preferred(invoke):
    text = invoke("lookup", "Cina").output
    assert "Cina (id, deprecated, exact)  deprecated: use Tiongkok (China)" in text
    data = json.loads(invoke("lookup", "Cina", "--format", "json").output)
    match = data["results"][0]
    assert match["match"]["status"] == "deprecated"
    cina = next(t for t in match["concept"]["terms"] if t["text"] == "Cina")
    assert cina["use_instead"] == "Tiongkok"
    assert {t["status"] for t in match["concept"]["terms"]} >= {"preferred", "deprecated"}


def test_cli_lookup_nothing_found_exits_1(invoke):
    result = invoke("lookup", "zzqxv plorb")
    assert result.exit_code == 1 and "no glossary term matches" in result.output


def test_cli_lookup_bad_options(invoke):
    assert invoke("lookup", "x", "--from", "fr").exit_code == 2
    assert invoke("lookup").exit_code == 2


def _every_term_scored(glossary, query, language=None, limit=10):
    """What lookup() answers, by scoring every term of the glossary (its index must
    only save time)."""
    from termbase.glossary import lookup as module

    best = {}
    query_tokens = module._undotted(module.term_tokens(query))
    for concept in glossary.concepts:
        for term in concept.terms:
            if language and not module.language_matches(term.language, language):
                continue
            scored = module.score(query_tokens, term)
            if scored is None or scored[0] < module.DEFAULT_MIN_SCORE:
                continue
            hit = module.Hit(concept, term, round(scored[0], 1), scored[1])
            if concept.id not in best or hit.score > best[concept.id].score:
                best[concept.id] = hit
    return sorted(best.values(), key=lambda h: (-h.score, h.concept.id))[:limit]


def test_the_index_finds_what_scoring_every_term_finds(shipped):
    import random

    rng = random.Random(13)
    terms = [t.text for c in shipped.concepts for t in c.terms]
    queries = ["kerja samanya", "P.B.B.", "pengungsi-pengungsinya", "Belt & Road", "asean"]
    for term in rng.sample(terms, 25):
        cut = rng.randrange(len(term)) if len(term) > 3 else 0
        queries += [term[:cut] + term[cut + 1:], " ".join(term.split()[:-1]) or term,
                    term.upper(), term + "nya"]
    for query in queries:
        for language in (None, "id", "en"):
            assert lookup(shipped, query, language, limit=10) == \
                _every_term_scored(shipped, query, language), (query, language)


def test_a_concept_added_to_the_same_glossary_is_found():
    from termbase.model import Concept, Status, Term

    glossary = Glossary.load(default_glossary_paths())
    assert lookup(glossary, "kapal pesiar", "id", min_score=90) == []
    glossary.concepts.append(Concept("uji-1", [Term("kapal pesiar", "id", Status.PREFERRED),
                                               Term("cruise ship", "en", Status.PREFERRED)]))
    assert lookup(glossary, "kapal pesiar", "id")[0].concept.id == "uji-1"
