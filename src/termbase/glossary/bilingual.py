"""English equivalents of Indonesian terms, found in aligned sentence pairs.

The Indonesian candidates are those of `glossary suggest` (extract.suggest_terms: phrases,
acronyms, acronyms with their expansion) together with the glossary's own Indonesian
terms that occur in the pairs, found as the checker finds them (with clitics: kerja
samanya). For each, the English word sequences of the pairs that hold it (up to
MAX_CONTENT_WORDS content words; not beginning or ending with a function word, nor
inside a hyphenated compound; compared by their stems: vaccines = vaccine) are ranked
by the Dice coefficient

    2 x (pairs holding both) / (pairs holding the term + pairs holding the English)

over all the pairs: "Belt and Road" beats "Belt" when "Belt" also occurs alone. A term
held by a pair or two leaves many sequences at the same Dice, so the Dice is weighed by

- how well the words explain each other (_Associations): each word of the term by its
  best English word and each English word by its best word of the term, a word's
  association with another being their Dice over the pairs and the glossary's other
  concepts (the same word, or a loan such as vaksin/vaccine, data/loan_spelling,
  counts as associated);
- the shape of the English (_shape): a likely length for the term's, learnt from the
  glossary (_LengthModel), an acronym's initials, a name's capitals, and for a name
  not cutting a longer English name (Nations Security Council);
- a penalty for English words copied from the Indonesian outside the term.

A term's own glossary concept never counts as evidence for it: the English is to come
from the text. Each candidate says whether the glossary has it already (the concept,
and whether the English found is one of its English terms).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from termbase.data import word_list, word_set
from termbase.glossary import Glossary
from termbase.glossary.matcher import TermMatcher, term_tokens
from termbase.lang.english import Word, stem, words
from termbase.lang.loans import loan_spelling
from termbase.lang.tokens import tokenize
from termbase.model import Concept, Status, Term

MAX_ENGLISH_WORDS = 10  # words of an English sequence, small words included
MAX_CONTENT_WORDS = 6  # United Nations Convention on the Law of the Sea: 5
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
_HYPHENS = ("-", "\u2010", "\u2011")
# Small words by which an English name runs on: Convention on the Law of the Sea
# (not "and": Kyiv and Moscow are two names).
_NAME_JOINERS = frozenset({"of", "the"})
_PROPOSED = (Status.PREFERRED, Status.ADMITTED)
# Added to each count of the length model (_LengthModel): a length the glossary never
# pairs with a term's is unlikely, not impossible.
LENGTH_SMOOTHING = 1
# The length model's share is taken to this power: the glossary's lengths are a leaning,
# not a law (kerja sama: cooperation, though most two-word terms take two words).
LENGTH_WEIGHT = 0.25


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
    # For a term the glossary lacks: the concepts that have its best English, which
    # it may be a new Indonesian term of (a variant the desk writes, an older name).
    english_of: list[str] = field(default_factory=list)

    @property
    def in_glossary(self) -> str:
        """no; same (the best English is one of the concept's); other."""
        if self.concept_id is None:
            return "no"
        best = self.equivalents[0].text if self.equivalents else None
        stems = {_stems(english) for english in self.glossary_english}
        return "same" if best is not None and _stems(best) in stems else "other"


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(unit.text) for unit in units(text))


def units(text: str) -> list[Word]:
    """The English words of text, a hyphenated compound as one (non-tariff, COVID-19,
    Indo-Pacific): a term neither begins nor ends inside one (not "discriminatory non"),
    and it is one word of its rendering, as nontarif is one word of the Indonesian."""
    found: list[Word] = []
    for word in words(text):
        if found and text[found[-1].end:word.start] in _HYPHENS:
            found[-1] = Word(text[found[-1].start:word.end], found[-1].start, word.end)
        else:
            found.append(word)
    return found


def _is_function_word(word: str, function_words: frozenset[str]) -> bool:
    """A function word, unless written as an acronym: US, WHO, IT are names."""
    return word.casefold() in function_words and not (len(word) > 1 and word.isupper())


@dataclass(frozen=True)
class _Place:
    """Where one occurrence of an English sequence stands in its sentence."""
    text: str  # as written there
    cuts_name: int  # 0-2: the sides on which a capitalised name runs on past it


def _english_sequences(text: str, function_words: frozenset[str]
                       ) -> dict[tuple[str, ...], _Place]:
    """The sentence's word sequences worth proposing, by their stems, each with its
    text as written here."""
    found = units(text)
    sequences: dict[tuple[str, ...], _Place] = {}
    for start in range(len(found)):
        first = found[start].text
        if _is_function_word(first, function_words) or first.isdigit():
            continue
        content = 0
        for end in range(start + 1, min(start + MAX_ENGLISH_WORDS, len(found)) + 1):
            between = text[found[end - 2].end:found[end - 1].start] if end - start > 1 else ""
            if between.strip():
                break  # a term does not run across punctuation: (IKN) Authority
            last = found[end - 1].text
            if last.isdigit():
                break  # numbers are not terms: no sequence runs through one
            if _is_function_word(last, function_words):
                continue
            content += 1
            if content > MAX_CONTENT_WORDS:
                break
            run = found[start:end]
            key = tuple(stem(word.text) for word in run)
            if key not in sequences:
                sequences[key] = _Place(text[run[0].start:run[-1].end],
                                        _name_cuts(text, found, start, end, function_words))
    return sequences


def _name_cuts(text: str, found: list[Word], start: int, end: int,
               function_words: frozenset[str]) -> int:
    """On how many sides the sequence found[start:end] of text cuts a run of
    capitalised words (Nations Security Council, of United Nations Security Council).
    The word after may be "of the" inside the name: Minister of Energy and Mineral |
    Resources, Association of Southeast Asian | Nations, Convention on the Law | of
    the Sea. Punctuation ends a run: (IKN) Authority."""
    def joined(left: int, right: int) -> bool:
        return not text[found[left].end:found[right].start].strip()

    cuts = 0
    if start > 0 and joined(start - 1, start) and _capitalised(found[start - 1].text,
                                                                 function_words):
        cuts += 1
    after = end
    while (after < len(found) and after - end < 2 and joined(after - 1, after)
           and found[after].text in _NAME_JOINERS):
        after += 1
    if (after < len(found) and joined(after - 1, after)
            and _capitalised(found[after].text, function_words)):
        cuts += 1
    return cuts


def _capitalised(word: str, function_words: frozenset[str]) -> bool:
    return word[:1].isupper() and not _is_function_word(word, function_words)


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
    lengths = _LengthModel(glossary, function_words)
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
                                         for word in _content_words(term_tokens(term))},
                                 glossary)
    by_english = _concepts_by_english(glossary)
    found = []
    for term in chosen:
        held = holders[term]
        together: Counter[tuple[str, ...]] = Counter()
        written: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
        copied: dict[tuple[str, ...], int] = {}
        cuts: dict[tuple[str, ...], int] = {}
        term_words = _content_words(term_tokens(term))
        for number in held:
            elsewhere = sentence_words[number] - set(term_words)
            for key, place in sequences[number].items():
                together[key] += 1
                written[key][place.text] += 1
                copied.setdefault(key, sum(1 for w in words(place.text)
                                           if w.text.casefold() in elsewhere))
                cuts[key] = min(cuts.get(key, place.cuts_name), place.cuts_name)
        is_name = _is_name(term)
        concept = concepts.get(term)
        associations.hold_out(concept)
        prior = lengths.priors(term, concept)
        scored = []
        for key, both in together.items():
            if both < min(min_count, len(held)):
                continue
            dice = 2 * both / (len(held) + everywhere[key])
            evidence = 2 * both / (len(held) + everywhere[key] + RARE_EVIDENCE_TERMS)
            text = written[key].most_common(1)[0][0]
            weight = associations.coverage(term_words, key, function_words) * _shape(
                term, text, lengths, prior, is_name) * COPIED_PENALTY ** copied[key]
            if is_name:  # a name's rendering is a whole name: not Nations Security Council
                weight *= SHAPE_PENALTY ** cuts[key]
            scored.append((evidence * weight, dice, key, both, text))
        # Ties (a term held once) go to the longer sequence: Belt and Road, not Road.
        ranked = sorted(scored, key=lambda item: (-round(item[0], 6), -len(item[2]),
                                                  item[2]))[
            :EQUIVALENTS_KEPT]
        found.append(TermPair(
            term, len(held),
            [Equivalent(text, round(score, 3), round(dice, 3), both)
             for score, dice, _, both, text in ranked],
            concept.id if concept else None,
            [t.text for t in concept.terms_in("en")] if concept else [],
            [pairs[number] for number in held[:EXAMPLES_KEPT]],
            by_english.get(ranked[0][2], []) if ranked and concept is None else []))
    return found


def _concepts_by_english(glossary: Glossary) -> dict[tuple[str, ...], list[str]]:
    """The ids of the concepts with each preferred or admitted English term, by its
    stems (as the English sequences are keyed)."""
    found: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for concept in glossary.concepts:
        for term in concept.terms_in("en"):
            if term.status in _PROPOSED and concept.id not in found[_stems(term.text)]:
                found[_stems(term.text)].append(concept.id)
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
    return frozenset(entry[1:] for entry in word_list("stoplist_id")
                     if entry[:1] in ("@", ">"))


@dataclass
class _Counts:
    """Sentence pairs (or concepts) holding an Indonesian word, an English stem, both."""
    indonesian: Counter[str] = field(default_factory=Counter)
    english: Counter[str] = field(default_factory=Counter)
    both: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, indonesian: set[str], english: set[str]) -> None:
        self.indonesian.update(indonesian)
        self.english.update(english)
        self.both.update((word, other) for word in indonesian for other in english)


class _Associations:
    """How strongly Indonesian words (of the terms looked for) and English stems go
    together: their Dice over the pairs and the glossary's concepts, a concept counting
    as one more pair of its Indonesian and its English terms (iklim goes with climate
    in krisis iklim: climate crisis, though "perubahan iklim" stands in one sentence
    beside "transmission season"). A term's own concept does not count for it: its
    English is to be found in the text."""

    def __init__(self, pairs: Sequence[tuple[str, str]], wanted: set[str],
                 glossary: Glossary):
        self.counts = _Counts()
        self.by_concept: dict[str, _Counts] = {}
        for source, target in pairs:
            held = {term_tokens(token.text)[0] for token in tokenize(source)
                    if token.text.isalnum()} & wanted
            self.counts.add(held, _english_stems(target))
        for concept in glossary.concepts:
            indonesian = {word for term in concept.terms_in("id") if term.status in _PROPOSED
                          for word in term_tokens(term.text) if word.isalnum()} & wanted
            english = set().union(*(_english_stems(term.text) for term in
                                    concept.terms_in("en") if term.status in _PROPOSED))
            if indonesian and english:
                own = self.by_concept.setdefault(concept.id, _Counts())
                own.add(indonesian, english)
                self.counts.add(indonesian, english)
        self._held_out = _Counts()
        self._known: dict[tuple[str, str], float] = {}  # strengths while it is held out

    def hold_out(self, concept: Concept | None) -> None:
        """Leave concept out of the counts until the next call."""
        found = self.by_concept.get(concept.id) if concept is not None else None
        self._held_out = found or _Counts()
        self._known.clear()

    def strength(self, word: str, english: str) -> float:
        known = self._known.get((word, english))
        if known is None:
            known = self._known[(word, english)] = self._strength(word, english)
        return known

    def _strength(self, word: str, english: str) -> float:
        if word == english:  # a name, an acronym, a loan written alike
            return 1.0
        out = self._held_out
        together = self.counts.both[(word, english)] - out.both[(word, english)]
        dice = 2 * together / (self.counts.indonesian[word] - out.indonesian[word]
                               + self.counts.english[english] - out.english[english]
                               + RARE_EVIDENCE) if together else 0.0
        alike = max(fuzz.ratio(word, english, score_cutoff=LOAN_SIMILARITY),
                    fuzz.ratio(word, loan_spelling(english), score_cutoff=LOAN_SIMILARITY))
        if "-" in english:
            parts = english.split("-")
            together_parts = max(self.strength(word, part) for part in parts if part)
            return max(dice, alike / 100, together_parts)
        return max(dice, alike / 100)

    def coverage(self, term_words: list[str], english: tuple[str, ...],
                 function_words: frozenset[str]) -> float:
        """How well term and English explain each other, 0..1: the geometric mean of
        how well each term word is explained by its best English word and each English
        word by its best term word (geometric: one word unexplained, the rendering is
        wrong: not "summit also discussed trade" for KTT)."""
        content = [word for word in english if word not in function_words] or list(english)
        if not term_words or not content:
            return 0.0
        forward = math.prod(max(self.strength(w, e) for e in content) for w in term_words)
        backward = math.prod(max(self.strength(w, e) for w in term_words) for e in content)
        return (forward ** (1 / len(term_words)) * backward ** (1 / len(content))) ** 0.5


def _english_stems(text: str) -> set[str]:
    """The stems of text's words, and of its compounds as wholes: non-tariff goes with
    nontarif, Timor-Leste with Timor and with Leste."""
    return ({stem(word.text) for word in words(text)}
            | {stem(unit.text) for unit in units(text)})


class _LengthModel:
    """How many content words the English of an Indonesian term has, learnt from the
    glossary's own term pairs: P(English length | the term's length), relative to the
    likeliest length, 0..1. Indonesian often takes two words for one (kerja sama:
    cooperation, ibu kota: capital) and an acronym inside a name stands for several
    (Dewan Keamanan PBB: United Nations Security Council); an acronym alone is another
    acronym (PBB: UN) or its expansion. A length is an English acronym ("A") or a
    count of content words (a hyphenated compound is one)."""

    def __init__(self, glossary: Glossary, function_words: frozenset[str]):
        self.function_words = function_words
        self.seen: dict[tuple[int, bool], Counter[int | str]] = defaultdict(Counter)
        for concept in glossary.concepts:
            english = [term.text for term in concept.terms_in("en")
                       if term.status in _PROPOSED]
            for term in concept.terms_in("id"):
                if term.status in _PROPOSED:
                    self.seen[self._kind(term.text)].update(
                        self.length(text) for text in english)

    def prior(self, term: str, english: str, concept: Concept | None = None) -> float:
        """The prior of english for term; a glossary concept holding the term does not
        vote (the English is to come from the text, and "in_glossary" to say whether
        it agrees with the glossary)."""
        return self.priors(term, concept)(self.length(english))

    def priors(self, term: str, concept: Concept | None = None
               ) -> Callable[[int | str], float]:
        """prior for one term, as a function of the English length (computed once)."""
        kind = self._kind(term)
        if not self.seen.get(kind):
            kind = (kind[0], False)
        seen = self.seen.get(kind, Counter()) - self._votes(concept, kind)
        if not seen:
            return lambda length: 1.0
        likeliest = max(seen.values()) + LENGTH_SMOOTHING
        return lambda length: ((seen[length] + LENGTH_SMOOTHING) / likeliest) ** LENGTH_WEIGHT

    def _votes(self, concept: Concept | None, kind: tuple[int, bool]) -> Counter[int | str]:
        votes: Counter[int | str] = Counter()
        if concept is None:
            return votes
        english = [term.text for term in concept.terms_in("en") if term.status in _PROPOSED]
        for term in concept.terms_in("id"):
            if term.status in _PROPOSED and self._kind(term.text) == kind:
                votes.update(self.length(text) for text in english)
        return votes

    def length(self, english: str) -> int | str:
        return self.length_of(units(english))

    def length_of(self, found: list[Word]) -> int | str:
        """length() of an English text already cut into units."""
        if len(found) == 1 and _is_acronym(found[0].text):
            return "A"
        return sum(1 for unit in found if not _is_function_word(unit.text,
                                                                 self.function_words))

    @staticmethod
    def _kind(term: str) -> tuple[int, bool]:
        """The term's content words (0 for an acronym alone) and whether an acronym is
        one of them."""
        if _is_acronym(term):
            return 0, True
        return (len(_content_words(term_tokens(term))),
                any(_is_acronym(word) for word in term.split()))


def _is_acronym(word: str) -> bool:
    return " " not in word and len(word) > 1 and word.isupper()


def _shape(term: str, english: str, lengths: _LengthModel,
           prior: Callable[[int | str], float], is_name: bool) -> float:
    """How much the English looks like a rendering of the term, 0..1, for the many
    sequences a term seen once or twice leaves equally associated: a likely length
    (prior: _LengthModel.priors), an acronym's initials (WHO: World Health
    Organization), and a name's capitals (Korea Selatan: South Korea, not South Korea
    are exploring); is_name is _is_name(term), asked once per term."""
    found = units(english)
    content = [w for w in found if not _is_function_word(w.text, lengths.function_words)]
    if not content:
        return 0.0
    factor = prior(lengths.length_of(found))
    if _is_acronym(term):  # itself, or what it stands for
        if english.casefold() == term.casefold():
            return 1.0
        initials = {w.text[0].casefold() for w in content}
        letters = [ch for ch in term.casefold() if ch.isalpha()]
        spelt = sum(ch in initials for ch in letters) / len(letters)
        return factor * (1 + spelt) / 2
    if is_name:
        factor *= SHAPE_PENALTY ** sum(1 for w in content if not w.text[:1].isupper())
    return factor


def _is_name(term: str) -> bool:
    """Every word of the term but its small words capitalised (Korea Selatan, Sabuk dan
    Jalan, Tiongkok); not a phrase that merely began a sentence (Ketahanan pangan)."""
    stoplist = _indonesian_stop_words()
    return all(word[:1].isupper() for word in term.split() if word.casefold() not in stoplist)


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
        "glossary_english": pair.glossary_english, "english_of": pair.english_of,
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
        if pair.english_of:
            note += (f" Its English is that of {', '.join(pair.english_of)}: it may be an "
                     f"Indonesian term of that concept instead.")
        concepts.append(Concept(f"suggested-{number:03d}", [
            Term(pair.term, "id", Status.ADMITTED), Term(best.text, "en", Status.ADMITTED)],
            note=note))
    return concepts
