"""Anchors: what a sentence and its translation share whatever their lengths.

Each sentence gets a set of keys; a bead earns a bonus for every key found on both of
its sides. Keys are the concepts of approved glossary terms (an Indonesian term of the
concept on one side, an English preferred or admitted term on the other), numbers,
percentages, dates and times read as values (termbase.lang.numbers: 1,5 juta = 1.5
million, 14/9 = September 14), capitalised words written the same in both languages
(names, acronyms), the skeletons of loans (tuberkulosis, tuberculosis:
termbase.lang.loans) and the presence of quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, cast

from termbase.lang import english
from termbase.lang.loans import loan_spelling, skeleton
from termbase.lang.numbers import DATE, quantities

if TYPE_CHECKING:
    from termbase.glossary import Glossary

CONCEPT, VALUE, NAME, QUOTE, LOAN = "concept", "value", "name", "quote", "loan"
# What a shared key of each kind takes off a bead's cost (the unit of the length
# model's -log probability). A number or a glossary concept found on both sides rarely
# happens by chance; a name can recur through an article, a quotation even more; a
# loan's skeleton may meet another word's by chance, and a sentence holds several.
LOAN_WEIGHT = 1.0
WEIGHTS = {VALUE: 3.0, CONCEPT: 2.5, NAME: 1.5, QUOTE: 1.0, LOAN: LOAN_WEIGHT}
# A word shorter than this is no loan anchor: short skeletons meet by chance.
LOAN_LETTERS = 5
LOAN_SKELETON = 3
# What a number, percentage or time on one side of a bead only adds to its cost: a
# translation keeps its figures, so a figure without its match speaks against the pair.
UNMATCHED_NUMBER = 1.0
# A term longer than this many words is not looked for (none in practice).
_LONGEST_TERM = 8
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
_QUOTES = frozenset("\"“”«»„")

Key = tuple[Hashable, ...]


@dataclass
class TermIndex:
    """A glossary's terms by their words: Indonesian words case-folded, English words
    stemmed (plural and possessive ignored), each giving the concept's id."""

    source: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    target: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    source_lengths: tuple[int, ...] = ()
    target_lengths: tuple[int, ...] = ()

    @classmethod
    def of(cls, glossary: Glossary | None) -> TermIndex:
        index = cls()
        if glossary is None:
            return index
        for concept in glossary.concepts:
            english_terms = [t for t in concept.terms_in("en") if t.status.allowed]
            if not english_terms:
                continue
            for term in concept.terms_in("id"):
                _add(index.source, source_words(term.text), concept.id)
            for term in english_terms:
                _add(index.target, target_words(term.text), concept.id)
        index.source_lengths = _lengths(index.source)
        index.target_lengths = _lengths(index.target)
        return index


def _add(table: dict[tuple[str, ...], set[str]], words: list[str], concept: str) -> None:
    if 0 < len(words) <= _LONGEST_TERM:
        table.setdefault(tuple(words), set()).add(concept)


def _lengths(table: dict[tuple[str, ...], set[str]]) -> tuple[int, ...]:
    return tuple(sorted({len(words) for words in table}))


def source_words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def target_words(text: str) -> list[str]:
    return [english.stem(w) for w in _WORD.findall(text)]


def _concepts(words: list[str], table: dict[tuple[str, ...], set[str]],
              lengths: tuple[int, ...]) -> set[str]:
    found: set[str] = set()
    for start in range(len(words)):
        for length in lengths:
            if start + length > len(words):
                break
            found |= table.get(tuple(words[start:start + length]), set())
    return found


def _value_keys(text: str, language: str) -> Iterable[Key]:
    for quantity in quantities(text, language):
        if quantity.kind == DATE:
            # an English 9/14 may be either day and month: each reading is a key
            for day_month in cast(frozenset[tuple[int, int]], quantity.value):
                yield (VALUE, DATE, day_month)
        elif isinstance(quantity.value, Decimal):
            yield (VALUE, quantity.kind, quantity.value.normalize())
        else:
            yield (VALUE, quantity.kind, cast(Hashable, quantity.value))


def _name_keys(text: str) -> Iterable[Key]:
    for word in _WORD.findall(text):
        if len(word) > 1 and word[0].isupper():
            yield (NAME, word.casefold())


def _loan_keys(text: str, language: str) -> Iterable[Key]:
    """A lower-case word's skeleton, an English one's as Indonesian borrows it: a loan
    and its source share one (tuberkulosis, tuberculosis; komitmen, commitment)."""
    for word in _WORD.findall(text):
        if len(word) >= LOAN_LETTERS and word[0].islower():
            form = skeleton(loan_spelling(english.stem(word)) if language == "en" else word)
            if len(form) >= LOAN_SKELETON:
                yield (LOAN, form)


def sentence_keys(text: str, language: str, terms: TermIndex) -> frozenset[Key]:
    """The anchor keys of one sentence in language "id" (source) or "en" (target)."""
    keys: set[Key] = set(_value_keys(text, language))
    keys.update(_name_keys(text))
    keys.update(_loan_keys(text, language))
    if any(mark in _QUOTES for mark in text):
        keys.add((QUOTE,))
    if language == "en":
        concepts = _concepts(target_words(text), terms.target, terms.target_lengths)
    else:
        concepts = _concepts(source_words(text), terms.source, terms.source_lengths)
    keys.update((CONCEPT, concept) for concept in concepts)
    return frozenset(keys)


def numbers_of(keys: frozenset[Key]) -> frozenset[Key]:
    """The keys of numbers, percentages and times (not dates: an English 9/14 gives two
    readings, one of which never matches)."""
    return frozenset(key for key in keys if key[0] == VALUE and key[1] != DATE)


def bonus(source_keys: frozenset[Key], target_keys: frozenset[Key],
          source_numbers: frozenset[Key], target_numbers: frozenset[Key]) -> float:
    """What the keys both sides share take off a bead's cost, less what each number
    found on one side only (numbers_of the keys) adds to it."""
    shared = source_keys & target_keys
    unmatched = len(source_numbers ^ target_numbers)
    return (sum(WEIGHTS[cast(str, key[0])] for key in shared)
            - UNMATCHED_NUMBER * unmatched)
