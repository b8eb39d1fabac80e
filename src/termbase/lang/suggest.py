"""Spelling suggestions: candidates from an in-memory word set, ranked by slip cost.

Candidates are the strings one edit (deletion, transposition, substitution, insertion)
from the typed word that are known words (lang/lexicon.py: the dictionary's expanded
forms and wordfreq's words), plus splits into two known words (dimana -> di mana). Only
when nothing is one edit away are two edits tried, and only cheap ones: two letters
typed in excess (yaumuddiin -> yaumudin), one in excess and one other slip, or a
syllable left out (multiteral -> multilateral). Work per
word is bounded by its length, never by the dictionary's size, and Hunspell's own
suggest (~20 ms a word) is not needed.

Ranking (the `cost` below) prefers slips that are common in typing: a weighted edit
distance (lang/edits.py), the first letter and the ending kept, and frequent words.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Set
from typing import Protocol

from termbase.lang.edits import LONGEST, edit_strings, weighted_distance

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# Parts of a suggestion shorter than this are noise (tu -> t u).
SHORTEST_PART = 3
# A text split into two words is suggested only when both are common words (Zipf
# scale): multiteral is not "multi teral", however real a word teral is.
SPLIT_ZIPF = 3.0
VOWELS = "aeiou"
CONSONANTS = "".join(ch for ch in ALPHABET if ch not in VOWELS)
# A dropped syllable is a consonant and a vowel, either way round (multi(la)teral).
SYLLABLES = [c + v for c in CONSONANTS for v in VOWELS] + [v + c for v in VOWELS
                                                          for c in CONSONANTS]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class KnownWords(Protocol):
    """A set of words, or anything that answers membership and intersection like one
    (speller.py's set that asks Hunspell)."""

    def __contains__(self, word: object, /) -> bool: ...

    def intersection(self, words: Iterable[str], /) -> Set[str]: ...


def candidates(word: str, known: KnownWords) -> set[str]:
    """Known words near `word` (lower case): one edit, or if none is, the cheap two-edit
    ones; and two-word splits."""
    if len(word) > LONGEST:
        return set()
    near = set(known.intersection(edit_strings(word, ALPHABET))) - {word}
    if not near and len(word) >= 5:
        for shorter in _deletes(word):
            near.update(known.intersection(edit_strings(shorter, ALPHABET)))
        for i in range(1, len(word)):
            head, tail = word[:i], word[i:]
            near.update(known.intersection([head + syllable + tail for syllable in SYLLABLES]))
        near.discard(word)
    near.update(
        f"{word[:i]} {word[i:]}" for i in range(SHORTEST_PART, len(word) - SHORTEST_PART + 1)
        if word[:i] in known and word[i:] in known
    )
    return near


def cost(typed: str, candidate: str, frequency: Callable[[str], float],
         distance: float | None = None) -> float:
    """Lower is likelier what was meant. `distance`, if given, is the weighted edit
    distance between the two, already computed."""
    if distance is None:
        distance = weighted_distance(typed, candidate.lower())
    total = distance
    # Slips rarely hit a word's first letter or its suffix: keep both if possible. An
    # opening vowel left out altogether is the exception (tu -> itu, not ilm -> film).
    if candidate[:1] != typed[:1]:
        dropped_vowel = candidate[1:] == typed and candidate[:1] in VOWELS
        total += 0.2 if dropped_vowel else 0.6
    if candidate[-2:] != typed[-2:]:
        total += 0.4
    if " " in candidate or "-" in candidate:
        total += 0.5
    # Two words are as common as the rarer of them (andaikata -> andai kata).
    return total - 0.12 * min(frequency(part) for part in candidate.split())


def _plausible(word: str, candidate: str, distance: float,
               frequency: Callable[[str], float]) -> bool:
    # A suggestion more edits away than a slip explains is noise (ketertelusuran ->
    # intertekstualitas); better none than that.
    if distance > max(2.0, len(word) / 4):
        return False
    parts = candidate.replace("-", " ").split()
    if not parts or min(len(part) for part in parts) < SHORTEST_PART:
        return False
    return " " not in candidate or min(frequency(part) for part in parts) >= SPLIT_ZIPF


def rank(word: str, found: Collection[str], frequency: Callable[[str], float]) -> list[str]:
    """`found` near enough to `word` (lower case) to be a slip, best first."""
    scored = []
    for candidate in found:
        distance = weighted_distance(word, candidate.lower())
        if _plausible(word, candidate, distance, frequency):
            scored.append((cost(word, candidate, frequency, distance), candidate))
    return [candidate for _, candidate in sorted(scored)]
