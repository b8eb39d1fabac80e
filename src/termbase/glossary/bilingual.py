"""English equivalents of Indonesian terms, found in aligned sentence pairs.

The Indonesian candidates are those of `glossary suggest` (extract.suggest_terms: phrases,
acronyms, acronyms with their expansion) together with the glossary's own Indonesian
terms that occur in the pairs, found as the checker finds them (with clitics: kerja
samanya). For each, the English word sequences of one to MAX_ENGLISH_WORDS words (not
beginning or ending with a function word, compared by their stems: vaccines = vaccine)
in the pairs that hold it are ranked by the Dice coefficient

    2 x (pairs holding both) / (pairs holding the term + pairs holding the English)

over all the pairs: "Belt and Road" beats "Belt" when "Belt" also occurs alone. A term
held by a pair or two leaves many sequences at the same Dice, so the Dice is weighed by
how well the words explain each other: each word of the term by its best English word
and each English word by its best word of the term, a word's association with another
being their Dice over all the pairs (the same word, a name or an acronym, or a
near-spelling, a loan such as vaksin/vaccine, counts as associated). Ties go to the
sequence closest to the term in words (an acronym: the longest). Each candidate
says whether the glossary has it already (the concept, and whether the English found
is one of its English terms).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from termbase.data import word_set
from termbase.glossary import Glossary
from termbase.glossary.matcher import TermMatcher, term_tokens
from termbase.lang.english import stem, words
from termbase.lang.tokens import tokenize
from termbase.model import Concept, Status, Term

MAX_ENGLISH_WORDS = 5
EQUIVALENTS_KEPT = 3
EXAMPLES_KEPT = 2
SHAPE_PENALTY = 0.7  # per content word more or fewer than the term's, per lower-case
LOAN_SIMILARITY = 75
COPIED_PENALTY = 0.5  # per English word copied from the Indonesian outside the term
# Added to the counts under a word association's Dice: two words seen once, together,
# are not yet evidence of a translation (else every word of a term's only sentence
# explained it perfectly).
RARE_EVIDENCE = 1
RARE_EVIDENCE_TERMS = 2  # the same under a term's Dice with an English sequence
_PROPOSED = (Status.PREFERRED, Status.ADMITTED)


@dataclass
class Equivalent:
    text: str  # as most often written
    score: float  # what ranks them: the Dice weighed by the words' associations
    dice: float
    together: int  # pairs holding both


@dataclass
class TermPair:
    term: str
    pairs: int  # sentence pairs whose Indonesian holds the term
    equivalents: list[Equivalent] = field(default_factory=list)  # best first
    concept_id: str | None = None  # a glossary concept with this Indonesian term
    glossary_english: list[str] = field(default_factory=list)  # that concept's English
    examples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def in_glossary(self) -> str:
        """no; same (the best English is one of the concept's); other."""
        if self.concept_id is None:
            return "no"
        best = self.equivalents[0].text if self.equivalents else None
        stems = {_stems(english) for english in self.glossary_english}
        return "same" if best is not None and _stems(best) in stems else "other"


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word.text) for word in words(text))


def _english_sequences(text: str, function_words: frozenset[str]
                       ) -> dict[tuple[str, ...], str]:
    """The sentence's word sequences worth proposing, by their stems, each with its
    text as written here."""
    found = words(text)
    sequences: dict[tuple[str, ...], str] = {}
    for start in range(len(found)):
        first = found[start].text.casefold()
        if first in function_words or first.isdigit():
            continue
        for end in range(start + 1, min(start + MAX_ENGLISH_WORDS, len(found)) + 1):
            between = text[found[end - 2].end:found[end - 1].start] if end - start > 1 else ""
            if between.strip() not in ("", "-"):
                break  # a term does not run across punctuation: (IKN) Authority
            last = found[end - 1].text.casefold()
            if last.isdigit():
                break  # numbers are not terms: no sequence runs through one
            if last in function_words:
                continue
            run = found[start:end]
            key = tuple(stem(word.text) for word in run)
            sequences.setdefault(key, text[run[0].start:run[-1].end])
    return sequences


def _indonesian_matchers(pairs: Sequence[tuple[str, str]], glossary: Glossary,
                         min_count: int) -> list[TermMatcher]:
    """What is looked for in the Indonesian sides: the glossary's preferred and admitted
    terms, and apart from them (a longer phrase must not hide a glossary term: proyek
    Sabuk dan Jalan) the extractor's candidates, under concepts of their own (id "")."""
    from termbase.glossary.extract import suggest_terms

    texts = [(f"pair {number}", source) for number, (source, _) in enumerate(pairs, 1)]
    candidates = [(Concept("", []), Term(candidate.text, "id", Status.ADMITTED,
                                         match_key=tuple(term_tokens(candidate.text))))
                  for candidate in suggest_terms(texts, glossary, min_count, limit=10**6)]
    known = [(concept, term) for concept in glossary.concepts
             for term in concept.terms_in("id") if term.status in _PROPOSED]
    return [TermMatcher(known), TermMatcher(candidates)]


def suggest_pairs(pairs: Sequence[tuple[str, str]], glossary: Glossary, min_count: int = 2,
                  limit: int = 30) -> list[TermPair]:
    """Indonesian terms held by at least min_count of the (Indonesian, English) pairs,
    with their English equivalents, the most frequent terms first."""
    function_words = word_set("english_function_words")
    matchers = _indonesian_matchers(pairs, glossary, min_count)
    holders: dict[str, list[int]] = defaultdict(list)  # term -> pair numbers
    concepts: dict[str, Concept] = {}
    for number, (source, _) in enumerate(pairs):
        tokens = tokenize(source)
        found_here = {m.term.text: m for matcher in matchers for m in matcher.find(tokens)}
        for text, match in found_here.items():
            holders[text].append(number)
            if match.concept.id:
                concepts[text] = match.concept
    chosen = sorted((term for term, held in holders.items() if len(held) >= min_count),
                    key=lambda term: (-len(holders[term]), term.casefold()))[:limit]
    wanted = {number for term in chosen for number in holders[term]}
    sequences = {number: _english_sequences(pairs[number][1], function_words)
                 for number in wanted}
    sentence_words = {number: _sentence_words(pairs[number][0]) for number in wanted}
    everywhere = _sequence_counts(pairs, set().union(*sequences.values()) if sequences
                                  else set(), function_words)
    associations = _Associations(pairs, {word for term in chosen
                                         for word in _content_words(term_tokens(term))})
    found = []
    for term in chosen:
        held = holders[term]
        together: Counter[tuple[str, ...]] = Counter()
        written: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        copied: dict[tuple[str, ...], int] = {}
        term_words = _content_words(term_tokens(term))
        for number in held:
            elsewhere = sentence_words[number] - set(term_words)
            for key, text in sequences[number].items():
                together[key] += 1
                written[key][text] += 1
                copied.setdefault(key, sum(1 for w in words(text)
                                           if w.text.casefold() in elsewhere))
        scored = []
        for key, both in together.items():
            if both < min(min_count, len(held)):
                continue
            dice = 2 * both / (len(held) + everywhere[key])
            evidence = 2 * both / (len(held) + everywhere[key] + RARE_EVIDENCE_TERMS)
            text = written[key].most_common(1)[0][0]
            weight = associations.coverage(term_words, key, function_words) * _shape(
                term, term_words, text, function_words) * COPIED_PENALTY ** copied[key]
            scored.append((evidence * weight, dice, key, both, text))
        ranked = sorted(scored, key=lambda item: (-round(item[0], 6),
                                                  _tie_order(term, item[2]), item[2]))[
            :EQUIVALENTS_KEPT]
        concept = concepts.get(term)
        found.append(TermPair(
            term, len(held),
            [Equivalent(text, round(score, 3), round(dice, 3), both)
             for score, dice, _, both, text in ranked],
            concept.id if concept else None,
            [t.text for t in concept.terms_in("en")] if concept else [],
            [pairs[number] for number in held[:EXAMPLES_KEPT]]))
    return found


def _sentence_words(source: str) -> set[str]:
    """The Indonesian sentence's words, as written (case-folded). Those beside the term
    matter: a name or a figure copied into the English from them (Menteri Keuangan
    Dewi: Finance Minister Dewi) belongs to them, not to the term."""
    return {token.text.casefold() for token in tokenize(source) if token.text[:1].isalnum()}


def _content_words(tokens: Sequence[str]) -> list[str]:
    """The words of an Indonesian term that carry its meaning (not dan, di, untuk)."""
    stoplist = _indonesian_stop_words()
    return [t for t in tokens if t.isalnum() and t not in stoplist] or list(tokens)


@cache
def _indonesian_stop_words() -> frozenset[str]:
    """The stoplist's words (data/stoplist_id.txt, poterminology's format: @ and >)."""
    from termbase.data import word_list

    return frozenset(entry[1:] for entry in word_list("stoplist_id")
                     if entry[:1] in ("@", ">"))


class _Associations:
    """How strongly Indonesian words (of the terms looked for) and English stems go
    together in the pairs: their Dice over all the pairs."""

    def __init__(self, pairs: Sequence[tuple[str, str]], wanted: set[str]):
        self.indonesian: Counter[str] = Counter()
        self.english: Counter[str] = Counter()
        self.both: Counter[tuple[str, str]] = Counter()
        for source, target in pairs:
            english = {stem(word.text) for word in words(target)}
            self.english.update(english)
            held = {term_tokens(token.text)[0] for token in tokenize(source)
                    if token.text.isalnum()} & wanted
            self.indonesian.update(held)
            self.both.update((word, other) for word in held for other in english)

    def strength(self, word: str, english: str) -> float:
        if word == english:  # a name, an acronym, a loan written alike
            return 1.0
        together = self.both[(word, english)]
        dice = 2 * together / (self.indonesian[word] + self.english[english]
                               + RARE_EVIDENCE) if together else 0.0
        alike = fuzz.ratio(word, english, score_cutoff=LOAN_SIMILARITY) / 100
        return max(dice, alike)

    def coverage(self, term_words: list[str], english: tuple[str, ...],
                 function_words: frozenset[str]) -> float:
        """How well term and English explain each other, 0..1: the geometric mean of
        the term words' best association with the English and back."""
        content = [word for word in english if word not in function_words] or list(english)
        if not term_words or not content:
            return 0.0
        forward = sum(max(self.strength(w, e) for e in content) for w in term_words)
        backward = sum(max(self.strength(w, e) for w in term_words) for e in content)
        return (forward / len(term_words) * backward / len(content)) ** 0.5


def _shape(term: str, term_words: list[str], english: str,
           function_words: frozenset[str]) -> float:
    """How much the English looks like a rendering of the term, 0..1, for the many
    sequences a term seen once or twice leaves equally associated: about as many
    content words (an acronym may stand for several, or for itself), and a name's
    capitals (Korea Selatan: South Korea, not South Korea are exploring)."""
    content = [w for w in words(english) if w.text.casefold() not in function_words]
    if not content:
        return 0.0
    if term.isupper() and " " not in term:  # an acronym: itself, or what it stands for
        if english.casefold() == term.casefold():
            return 1.0
        initials = {w.text[0].casefold() for w in content}
        letters = [ch for ch in term.casefold() if ch.isalpha()]
        spelt = sum(ch in initials for ch in letters) / len(letters)
        return spelt * SHAPE_PENALTY ** abs(len(content) - len(letters))
    fewest, most = _english_length(term, len(term_words))
    factor = SHAPE_PENALTY ** max(fewest - len(content), len(content) - most, 0)
    if _is_name(term):
        factor *= SHAPE_PENALTY ** sum(1 for w in content if not w.text[:1].isupper())
    return factor


def _english_length(term: str, content_words: int) -> tuple[int, int]:
    """How many content words the term's English may have: one a word, and one to as
    many as its letters for an acronym inside the term (Dewan Keamanan PBB: United
    Nations Security Council)."""
    acronyms = [word for word in term.split() if len(word) > 1 and word.isupper()]
    extra = sum(sum(ch.isalpha() for ch in word) - 1 for word in acronyms)
    return content_words, content_words + extra


def _is_name(term: str) -> bool:
    """Every word of the term but its small words capitalised (Korea Selatan, Sabuk dan
    Jalan, Tiongkok); not a phrase that merely began a sentence (Ketahanan pangan)."""
    stoplist = _indonesian_stop_words()
    return all(word[:1].isupper() for word in term.split() if word.casefold() not in stoplist)


def _tie_order(term: str, english: tuple[str, ...]) -> tuple[int, int]:
    """Between English sequences as strongly tied to the term: an acronym's expansion
    is the longest (WHO: World Health Organization, not Health Organization); anything
    else's, the one closest to the term in words, then the longer (Sabuk dan Jalan:
    Belt and Road, not Belt and Road project nor Road project)."""
    if term.isupper() and " " not in term:
        return 0, -len(english)
    fewest, most = _english_length(term, len(term.split()))
    return max(fewest - len(english), len(english) - most, 0), -len(english)


def _sequence_counts(pairs: Sequence[tuple[str, str]], keys: set[tuple[str, ...]],
                     function_words: frozenset[str]) -> Counter[tuple[str, ...]]:
    """How many of the pairs' English sides hold each of keys (only those are counted:
    the English of a large memory holds far more sequences than the candidates')."""
    counts: Counter[tuple[str, ...]] = Counter()
    for _, target in pairs:
        counts.update(key for key in _english_sequences(target, function_words)
                      if key in keys)
    return counts


def term_pair_record(pair: TermPair) -> dict[str, object]:
    """The JSON shape of a candidate (docs/glossary.md)."""
    return {
        "term": pair.term, "pairs": pair.pairs,
        "equivalents": [{"text": e.text, "score": e.score, "dice": e.dice,
                         "together": e.together}
                        for e in pair.equivalents],
        "in_glossary": pair.in_glossary, "concept": pair.concept_id,
        "glossary_english": pair.glossary_english,
        "examples": [{"id": source, "en": target} for source, target in pair.examples],
    }


def suggestion_concepts(found: Sequence[TermPair]) -> list[Concept]:
    """The candidates the glossary lacks as concepts for a terminologist to review:
    admitted terms in both languages and a note saying where they come from."""
    concepts = []
    for number, pair in enumerate((p for p in found if p.concept_id is None and
                                   p.equivalents), 1):
        best = pair.equivalents[0]
        note = (f"Suggested by termbase glossary suggest --bilingual: in {pair.pairs} "
                f"sentence pairs, with the English in {best.together} (Dice "
                f"{best.dice:g}, score {best.score:g}); review before use.")
        concepts.append(Concept(f"suggested-{number:03d}", [
            Term(pair.term, "id", Status.ADMITTED), Term(best.text, "en", Status.ADMITTED)],
            note=note))
    return concepts
