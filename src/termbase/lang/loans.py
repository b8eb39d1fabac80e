"""English words as Indonesian spells them when it borrows them (data/loan_spelling:
vaccination -> vaksinasi, commodity -> komoditas), and a skeleton in which a loan and
its source meet (molekuler, molecular). Aligned sentences and term pairs share loans
far more often than chance: tuberkulosis, komitmen, investasi."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from termbase.data import word_list

_VOWELS = re.compile(r"(?<=.)[aeiou]+")


@lru_cache(maxsize=65536)
def loan_spelling(english: str) -> str:
    """The lower-case English word as Indonesian spells it when borrowing it."""
    english = english.casefold()
    for pattern, replacement in _loan_rules():
        english = pattern.sub(replacement, english)
    return english


def skeleton(indonesian: str) -> str:
    """The word's consonants (its first letter kept whatever it is), doubled letters
    once: what a loan keeps of its source when its vowels shift (molekuler, molecular:
    mlklr). Compare skeleton(word) with skeleton(loan_spelling(english))."""
    folded = re.sub(r"(.)\1", r"\1", indonesian.casefold())
    return _VOWELS.sub("", folded)


@cache
def _loan_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = []
    for entry in word_list("loan_spelling"):
        pattern, _, replacement = entry.partition("|")
        rules.append((re.compile(pattern.strip()), replacement.strip()))
    return tuple(rules)
