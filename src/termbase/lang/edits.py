"""A weighted edit distance for ranking spelling suggestions.

Typing slips are not all alike: a swapped pair (jarignan), a dropped doubled letter
(permintan) or a neighbouring key costs less than an arbitrary substitution. A plain
Levenshtein distance cannot tell penyelenggaraan from penyelenggara for
penyelenggaran; these weights and the ranking in speller.py can.
"""

from __future__ import annotations

from functools import cache, lru_cache

from termbase.data import word_list

TRANSPOSE = 0.7
DOUBLED = 0.6
NASAL_CLUSTER = 0.7
NEIGHBOUR_KEY = 0.75
PLAIN = 1.0
# Words longer than this are not edited letter by letter: nothing is typed that long by
# mistake often enough to pay for it, and the edits of an n-letter word take memory in n
# squared (a 1,100-letter token once took 122 MB, a URL or base64 run of a megabyte far
# more than the machine had).
LONGEST = 30


@cache
def _neighbours() -> dict[str, frozenset[str]]:
    rows = word_list("keyboard")
    position = {ch: (r, c) for r, row in enumerate(rows) for c, ch in enumerate(row)}
    result: dict[str, frozenset[str]] = {}
    for ch, (r, c) in position.items():
        near = {
            other
            for other, (r2, c2) in position.items()
            if other != ch and abs(r - r2) <= 1 and abs(c - c2) <= 1
        }
        result[ch] = frozenset(near)
    return result


def _substitution(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return NEIGHBOUR_KEY if b in _neighbours().get(a, ()) else PLAIN


# A nasal before the consonant it assimilates to is easily left out in typing
# (menguntungkan -> mengutungkan, penerbangan -> penerbagan).
_NASAL_BEFORE = {"n": frozenset("tdcjsgky"), "m": frozenset("bp")}


def _indel(word: str, index: int) -> float:
    """Cost of word[index] being typed in excess or left out: cheaper when it doubles a
    neighbour (permintaan -> permintan) or is a nasal before its consonant."""
    before = word[index - 1] if index > 0 else ""
    after = word[index + 1] if index + 1 < len(word) else ""
    if word[index] in (before, after):
        return DOUBLED
    if after in _NASAL_BEFORE.get(word[index], ()):
        return NASAL_CLUSTER
    return PLAIN


@lru_cache(maxsize=65536)  # the ranking asks again for the same pair
def weighted_distance(typed: str, intended: str) -> float:
    """Optimal-string-alignment distance from what was typed to what was meant."""
    rows, cols = len(typed) + 1, len(intended) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        table[i][0] = table[i - 1][0] + _indel(typed, i - 1)
    for j in range(1, cols):
        table[0][j] = table[0][j - 1] + _indel(intended, j - 1)
    for i in range(1, rows):
        for j in range(1, cols):
            best = min(
                table[i - 1][j] + _indel(typed, i - 1),  # typed an extra letter
                table[i][j - 1] + _indel(intended, j - 1),  # left one out
                table[i - 1][j - 1] + _substitution(typed[i - 1], intended[j - 1]),
            )
            if (
                i > 1
                and j > 1
                and typed[i - 1] == intended[j - 2]
                and typed[i - 2] == intended[j - 1]
            ):
                best = min(best, table[i - 2][j - 2] + TRANSPOSE)
            table[i][j] = best
    return table[-1][-1]


def edit_strings(word: str, alphabet: str) -> list[str]:
    """Every string one deletion, transposition, substitution or insertion away, with
    repeats and possibly `word` itself: a flat list is the cheapest thing to intersect
    with a set of known words (this runs hundreds of times per unknown word)."""
    found: list[str] = []
    for i in range(len(word) + 1):
        head, tail = word[:i], word[i:]
        found += [head + letter + tail for letter in alphabet]
        if tail:
            rest = tail[1:]
            found.append(head + rest)
            found += [head + letter + rest for letter in alphabet]
            if rest:
                found.append(head + rest[0] + tail[0] + rest[1:])
    return found


def known_edits(word: str, known: frozenset[str], alphabet: str) -> frozenset[str]:
    """The strings one edit from the word (maybe the word itself) that are in `known`:
    a set intersection, not a look-up per edit (hundreds for each unknown word). Empty
    for a word longer than LONGEST, whose edits would cost memory in its length squared."""
    if len(word) > LONGEST:
        return frozenset()
    return known.intersection(edit_strings(word, alphabet))


def single_edits(word: str, alphabet: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    return set(edit_strings(word, alphabet)) - {word}
