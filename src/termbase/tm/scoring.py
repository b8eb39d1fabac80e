"""Normalisation and the fuzzy-match score.

What is compared: the source texts' word tokens (letters and numbers; punctuation
dropped), case-folded, curly apostrophes straightened. The score is

  100  identical text (white space runs aside)
   99  the same words; only case, punctuation or spacing differ
   98  the same words but for numbers
  <=97 100 x (1 - word-level Levenshtein distance / the longer sentence's word count),
       capped at 97, so that every band above stays meaningful

Fuzzy matches count from 75 by default (the --min-score).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from termbase.lang.tags import base_language

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SPACE = re.compile(r"\s+")
EXACT, SAME_WORDS, SAME_BUT_NUMBERS, FUZZY_CAP = 100, 99, 98, 97
DEFAULT_MIN_SCORE = 75


def collapse(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFC", text).casefold().replace("’", "'")
    return _WORD.findall(folded)


def normalised(text: str) -> str:
    """The form stored for full-text retrieval: words separated by single spaces."""
    return " ".join(words(text))


def text_key(text: str) -> int:
    """A 63-bit hash of the collapsed text, for the exact-match index (a hit is then
    compared as text, so a collision costs a comparison, never a wrong match)."""
    return _hash63(collapse(text))


def unit_keys(source_lang: str, target_lang: str, source: str,
              target: str) -> tuple[bytes, int, int]:
    """(identity, source key, target key) of a unit, each text collapsed once. The
    identity is languages by base and both texts, 128 bits."""
    source, target = collapse(source), collapse(target)
    base = f"{base_language(source_lang)}\x00{base_language(target_lang)}\x00" \
           f"{source}\x00{target}"
    identity = hashlib.blake2b(base.encode("utf-8"), digest_size=16).digest()
    return identity, _hash63(source), _hash63(target)


def _hash63(text: str) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1  # SQLite integers are signed 64-bit


@dataclass(frozen=True)
class Score:
    value: float
    band: str  # exact | near-exact | fuzzy


def score(query: str, candidate: str, query_words: list[str] | None = None,
          candidate_words: list[str] | None = None) -> Score:
    a = query_words if query_words is not None else words(query)
    b = candidate_words if candidate_words is not None else words(candidate)
    return scores_at_least(query, a, [(0, candidate, b)], float("-inf"))[0][1]


def scores_at_least(query: str, query_words: list[str],
                    candidates: Iterable[tuple[int, str, list[str]]], min_score: float
                    ) -> list[tuple[int, Score]]:
    """(id, score) of the candidates (id, text, words) scoring at least min_score, by
    the bands of the module's docstring; score() is this for one candidate. A search
    scores up to a thousand candidates per side, so the query's own forms are made once
    and no Score is built for a candidate under the minimum."""
    a = query_words
    a_without_numbers = [w for w in a if not w.isdigit()]
    query_collapsed: str | None = None
    found: list[tuple[int, Score]] = []
    for unit_id, candidate, b in candidates:
        if a == b:  # identical text has identical words: compare texts only then
            if query_collapsed is None:
                query_collapsed = collapse(query)
            result = Score(EXACT, "exact") if query_collapsed == collapse(candidate) \
                else Score(SAME_WORDS, "near-exact")
        elif len(a) == len(b) and a and a_without_numbers == [
                w for w in b if not w.isdigit()]:
            result = Score(SAME_BUT_NUMBERS, "near-exact")
        else:
            # 100 x (1 - distance / longer) is rapidfuzz's normalized similarity x 100
            value = round(min(100.0 * Levenshtein.normalized_similarity(a, b), FUZZY_CAP), 1)
            if value < min_score:
                continue  # most candidates: no Score built for them
            result = Score(value, "fuzzy")
        if result.value >= min_score:
            found.append((unit_id, result))
    return found
