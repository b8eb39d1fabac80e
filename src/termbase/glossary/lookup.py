"""Looking up approved terms in both directions, tolerant of inflection and typos.

A query is compared with every term of the glossary, in either language (or the one
given), and scored 0-100:

  100  the same term (case and spacing aside)
   95  the same after Indonesian clitics and affixes are stripped (kerja samanya,
       kemitraannya)
  70-90 the query's words are a run of the term's words (kemitraan strategis), scored
       by how much of the term they cover
  <=90 a near spelling (Sabuk dan Jalur), rapidfuzz's ratio scaled by 0.9

Kept only for speed-sensitive start-up: nothing here imports Hunspell or wordfreq.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from termbase.glossary import Glossary
from termbase.glossary.matcher import term_tokens
from termbase.lang.morphology import strip_clitics
from termbase.lang.tags import base_language, language_matches
from termbase.model import Concept, Term, TranslationUnit

EXACT, INFLECTED = 100.0, 95.0
PARTIAL_BASE, PARTIAL_SPAN = 70.0, 20.0
FUZZY_WEIGHT, FUZZY_CUTOFF = 0.9, 80.0
DEFAULT_MIN_SCORE = 60.0


@dataclass(frozen=True)
class Hit:
    concept: Concept
    term: Term
    score: float
    how: str  # exact | inflected | partial | fuzzy


# A look-up compares the query with every term of the glossary, so the same terms' words
# are stripped on every look-up: kept, they cost a dictionary probe (a server's look-up
# took about a third of the time).
@lru_cache(maxsize=1 << 16)
def _base_forms(token: str) -> frozenset[str]:
    forms = {token}
    head, hyphen, tail = token.partition("-")
    if hyphen and head and tail.startswith(head):  # a plural: pengungsi-pengungsi(nya)
        forms.update(_base_forms(head) | {head})
    forms.update(base.lower() for base in strip_clitics(token))
    for suffix in ("an", "kan", "i"):
        for form in list(forms):
            if form.endswith(suffix) and len(form) - len(suffix) >= 4:
                forms.add(form[: -len(suffix)])
    return frozenset(forms)


def _inflected_match(query: list[str], term: list[str]) -> bool:
    if len(query) != len(term):
        return False
    return all(t == q or t in _base_forms(q) or q in _base_forms(t)
               for q, t in zip(query, term, strict=True))


def _partial_score(query: list[str], term: list[str]) -> float | None:
    n = len(query)
    if not n or n >= len(term):
        return None
    for start in range(len(term) - n + 1):
        window = term[start : start + n]
        if window == query or _inflected_match(query, window):
            return PARTIAL_BASE + PARTIAL_SPAN * n / len(term)
    return None


def _undotted(tokens: list[str]) -> list[str]:
    """An acronym written with dots (P.B.B., U.S.) as the glossary writes it: PBB, US."""
    joined: list[str] = []
    letters = ""
    for position, token in enumerate(tokens):
        dotted = (len(token) == 1 and token.isalpha() and position + 1 < len(tokens)
                  and tokens[position + 1] == ".")
        if dotted:
            letters += token
        elif token == "." and letters:
            continue
        else:
            if letters:
                joined.extend(_letters_or_acronym(letters))
                letters = ""
            joined.append(token)
    if letters:
        joined.extend(_letters_or_acronym(letters))
    return joined


def _letters_or_acronym(letters: str) -> list[str]:
    # One dotted letter is an initial (J. Smith), kept as it was written.
    return [letters] if len(letters) > 1 else [letters, "."]


@lru_cache(maxsize=1)
def _fuzz() -> ModuleType:
    """rapidfuzz.fuzz, imported at the first fuzzy comparison rather than at start-up,
    and once: an import statement in score() cost a fifth of a look-up's time."""
    from rapidfuzz import fuzz

    return fuzz


def score(query_tokens: list[str], term: Term) -> tuple[float, str] | None:
    """How well a query (as normalised tokens) matches a term, and in which way."""
    key = list(term.match_key or term_tokens(term.text))
    if query_tokens == key:
        return EXACT, "exact"
    if _inflected_match(query_tokens, key):
        return INFLECTED, "inflected"
    partial = _partial_score(query_tokens, key)
    if partial is not None:
        return partial, "partial"
    ratio = _fuzz().ratio(" ".join(query_tokens), " ".join(key), score_cutoff=FUZZY_CUTOFF)
    if ratio:
        return ratio * FUZZY_WEIGHT, "fuzzy"
    return None


@dataclass
class _Index:
    """The glossary's terms, with what a look-up needs to find the few worth scoring:
    the entries holding each token or base form of a token, and each term's key as one
    string for rapidfuzz to compare all at once. Scoring every term in Python took
    10-25 ms a look-up at 1,300 concepts, most of a server look-up's time."""

    signature: tuple[int, int, int]
    entries: list[tuple[Concept, Term]]
    by_form: dict[str, list[int]]
    keys: list[str]


# Kept on the glossary object itself (Glossary is an unhashable dataclass): it lives and
# dies with the glossary it indexes.
_INDEX_ATTRIBUTE = "_lookup_index"


def _index(glossary: Glossary) -> _Index:
    # The same object edited in place (a concept added) has another signature.
    signature = (id(glossary.concepts), len(glossary.concepts),
                 sum(len(concept.terms) for concept in glossary.concepts))
    index = getattr(glossary, _INDEX_ATTRIBUTE, None)
    if isinstance(index, _Index) and index.signature == signature:
        return index
    entries: list[tuple[Concept, Term]] = []
    by_form: dict[str, list[int]] = {}
    keys: list[str] = []
    for concept in glossary.concepts:
        for term in concept.terms:
            key = list(term.match_key or term_tokens(term.text))
            number = len(entries)
            entries.append((concept, term))
            keys.append(" ".join(key))
            for form in {form for token in key for form in _base_forms(token)}:
                by_form.setdefault(form, []).append(number)
    index = _Index(signature, entries, by_form, keys)
    setattr(glossary, _INDEX_ATTRIBUTE, index)
    return index


def _candidates(index: _Index, query_tokens: list[str]) -> list[int]:
    """The entries that may score: those sharing a token or a base form with the query
    (every exact, inflected and partial match does) and those rapidfuzz finds near
    enough (every fuzzy match), in glossary order."""
    from rapidfuzz import process

    found = {number for token in query_tokens for form in _base_forms(token)
             for number in index.by_form.get(form, ())}
    found.update(number for _, _, number in process.extract(
        " ".join(query_tokens), index.keys, scorer=_fuzz().ratio,
        score_cutoff=FUZZY_CUTOFF, limit=None))
    return sorted(found)


def _worth_scoring(glossary: Glossary, query_tokens: list[str]
                   ) -> Iterator[tuple[Concept, Term]]:
    """The terms to score, in glossary order: every one for a glossary's first look-up
    (a command looks up once, and building the index costs more than one scan), the
    index's candidates from the second on (a server looks up thousands of times)."""
    if getattr(glossary, _INDEX_ATTRIBUTE, None) is None:
        setattr(glossary, _INDEX_ATTRIBUTE, False)  # scanned once: index the next time
        for concept in glossary.concepts:
            for term in concept.terms:
                yield concept, term
        return
    index = _index(glossary)
    for number in _candidates(index, query_tokens):
        yield index.entries[number]


def lookup(glossary: Glossary, query: str, language: str | None = None,
           min_score: float = DEFAULT_MIN_SCORE, limit: int = 5) -> list[Hit]:
    """The best hit per concept, best concepts first."""
    best: dict[str, Hit] = {}
    query_tokens = _undotted(term_tokens(query))
    for concept, term in _worth_scoring(glossary, query_tokens):
        if language and not language_matches(term.language, language):
            continue
        scored = score(query_tokens, term)
        if scored is None or scored[0] < min_score:
            continue
        hit = Hit(concept, term, round(scored[0], 1), scored[1])
        current = best.get(concept.id)
        if current is None or hit.score > current.score:
            best[concept.id] = hit
    ranked = sorted(best.values(), key=lambda h: (-h.score, h.concept.id))
    return ranked[:limit]


def detected_language(hits: list[Hit]) -> str | None:
    return base_language(hits[0].term.language) if hits else None


def concept_record(concept: Concept) -> dict:
    """The documented JSON shape of a concept (docs/glossary.md)."""
    languages = list(dict.fromkeys([t.language for t in concept.terms] + list(concept.definitions)))
    return {
        "id": concept.id,
        "subject_field": concept.subject_field,
        "note": concept.note,
        "source": concept.source,
        "preferred": {
            lang: (preferred.text if (preferred := concept.preferred(lang)) else None)
            for lang in languages
        },
        "definitions": dict(concept.definitions),
        "terms": [
            {
                "text": t.text,
                "language": t.language,
                "status": t.status.value,
                "term_type": t.term_type,
                "part_of_speech": t.part_of_speech,
                "note": t.note,
                "use_instead": (None if t.status.allowed
                                or (instead := concept.preferred(t.language)) is None
                                else instead.text),
            }
            for t in concept.terms
        ],
    }


def lookup_payload(query: str, language: str | None, hits: Sequence[Hit],
                   examples: Mapping[str, Sequence[tuple[int, TranslationUnit]]]) -> dict:
    """The JSON shape of a look-up (docs/glossary.md), shared by `termbase lookup
    --format json` and the server's `/api/v1/lookup`; examples: memory units by concept."""
    return {
        "version": 1, "query": query, "language": language,
        "results": [
            {"score": h.score, "match": {"text": h.term.text, "language": h.term.language,
                                         "status": h.term.status.value, "how": h.how},
             "concept": concept_record(h.concept),
             "tm_units": [{"id": i, "source": u.source, "target": u.target}
                          for i, u in examples.get(h.concept.id, [])]}
            for h in hits
        ],
    }
