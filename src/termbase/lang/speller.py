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
from pathlib import Path

from termbase.data import word_list, word_set
from termbase.errors import InputError
from termbase.lang import lexicon, morphology, nonstandard, suggest
from termbase.lang.edits import PLAIN as PLAIN_SUBSTITUTION
from termbase.lang.edits import known_edits, weighted_distance
from termbase.lang.frequencies import frequency_table, words_at_least
from termbase.lang.hunspell_dictionaries import find_dictionary_folder, has_dictionary, spells

LANGUAGE = "id_ID"
# A word this common in Indonesian text (Zipf scale: 3 = once per million words) is
# accepted even if Hunspell lacks it, and a morphological stem must be this common to
# vouch for a derived form (so multiteral is not multi- + the rare word teral).
COMMON_ZIPF = 3.0
STEM_ZIPF = 2.5
LONG_STEM = 6
SIMPLE_STEM = 4
SIMPLE_PREFIXES = frozenset({"meN", "di", "ber", "ter", "peN"})  # se-, ke-, per- split names
# A non-dictionary word one slip (weighted distance, edits.py) from a dictionary word at
# least this common, and this much commoner than itself (Zipf; more for a word the web
# itself uses much), is taken for that slip.
SLIP = 1.0
INTENDED_ZIPF = 3.5
INTENDED_MARGIN = 0.5
# A root at least this common makes an analysis sure enough to need no slip check.
SOLID_ROOT_ZIPF = 3.0
# A plain substitution counts as a slip only in a word this long, against a word this
# much commoner (Zipf).
LONG_SUBSTITUTED = 6
SUBSTITUTION_MARGIN = 1.5
MIN_INTENDED = 3  # yg and dgn are chat abbreviations, not what a slip was meant to be
# Suffixes whose first consonant doubles a root's last one: naik + kan, tidak + kah.
BOUNDARY_SUFFIXES = ("kan", "kah")
VERB_PREFIXES = ("me", "di", "ter")
MIN_BOUNDARY_STEM = 3
# Strings Hunspell is asked about for suggestions (10-15 us each) before the expanded
# word set is loaded instead (~0.1 s, lang/lexicon.py).
HUNSPELL_LOOKUPS = 5_000


def find_dictionary(explicit: str | None = None) -> tuple[str, str]:
    """(directory, language) of the id_ID dictionary to use.

    Order: an explicit .dic path or folder, then the search of hunspell_dictionaries.
    """
    if explicit:
        path = Path(explicit)
        if path.is_dir():
            if has_dictionary(path, LANGUAGE):
                return str(path), LANGUAGE
            raise InputError(f"no {LANGUAGE}.dic in this folder", explicit)
        if path.suffix == ".dic" and path.exists() and path.with_suffix(".aff").exists():
            return str(path.parent), path.stem
        raise InputError("not a Hunspell dictionary (.dic with its .aff)", explicit)
    folder = find_dictionary_folder(LANGUAGE)
    if folder is not None:
        return str(folder), LANGUAGE
    raise InputError("no Indonesian Hunspell dictionary found; pass --dictionary", LANGUAGE)


def _frequencies() -> dict[str, float]:
    return frequency_table("id")


def _common_edits(word: str, zipf: float) -> AbstractSet[str]:
    """The strings one edit from the word (maybe itself) that are Indonesian words at
    least this common."""
    return known_edits(word, words_at_least("id", zipf), suggest.ALPHABET)


def _is_slip(typed: str, candidate: str) -> bool:
    """One typing slip: a letter dropped, added or doubled, two swapped, or a key's
    neighbour struck. A plain substitution in a short word (sabu/satu, mia/dia) is as
    often another word; in a longer one, against a far commoner word, it is a slip
    (negera/negara)."""
    distance = weighted_distance(typed, candidate)
    if len(typed) == len(candidate) and distance >= PLAIN_SUBSTITUTION:
        return (len(typed) >= LONG_SUBSTITUTED and distance <= SLIP
                and zipf(candidate) - zipf(typed) >= SUBSTITUTION_MARGIN)
    return distance <= SLIP


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
        self._parsed: dict[str, list[morphology.Analysis]] = {}
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
        # A word the dictionary cannot encode is not in it; the other evidence decides.
        return bool(spells(self._hunspell, word))

    def dictionary_stems(self, word: str) -> tuple[str, ...]:
        """The stems Hunspell derives the word from: (mentega,) for a root, (pengaruh,)
        for mempengaruhi; empty for a word it does not know."""
        try:
            return tuple(self._hunspell.stem(word))
        except UnicodeEncodeError:
            return ()

    def is_common(self, word: str) -> bool:
        return zipf(word) >= COMMON_ZIPF

    def accepts(self, word: str) -> bool:
        return word.casefold() in self._accept

    def is_correct(self, word: str) -> bool:
        """A dictionary or accepted word, or one the affix grammar builds from a known root
        or the web uses commonly, unless it is a slip from a far commoner word."""
        correct = self._correct.get(word)
        if correct is None:
            correct = self._decide(word)
            self._correct[word] = correct
        return correct

    def _decide(self, word: str) -> bool:
        if self.accepts(word):
            return True
        lower = word.lower()
        if self.in_dictionary(word):
            return not self._is_doubling_slip(lower)
        analyses = self._analyses(lower)
        if not analyses and not self._is_passive_of_known_verb(lower) \
                and not self.is_common(lower):
            return False
        if self._boundary_doubled(lower):
            return False  # menaikan: naik + -kan keeps both k's
        if any(self._is_solid(analysis) for analysis in analyses):
            return True  # bukulah is buku + -lah, melesakkan melesak + -kan: not slips
        # Web frequency and a rare root also vouch for the commonest misspellings
        # (dimasukan, tu; mengutungkan = meN- + kutung + -kan): a word one slip from a
        # far commoner one is that slip.
        return self.likely_intended(lower) is None

    def is_analysable(self, lower: str) -> bool:
        """The affix grammar builds the word from a root the dictionary vouches for."""
        return bool(self._analyses(lower)) or self._is_passive_of_known_verb(lower)

    def _analyses(self, lower: str) -> list[morphology.Analysis]:
        """The grammar's analyses of a word whose root the dictionary vouches for."""
        found = self._parsed.get(lower)
        if found is None:
            found = [
                analysis for analysis in morphology.analyses(lower)
                if analysis.root != lower and self._vouches(analysis)
                and not (morphology.is_verbal(analysis) and self._is_derived_noun(analysis.root))
                and not (not analysis.prefixes and analysis.suffix == "an"
                         and self._is_verb_form(analysis.root))
            ]
            self._parsed[lower] = found
        return found

    def _is_solid(self, analysis: morphology.Analysis) -> bool:
        """A common root, or a dictionary word with only a suffix or clitic added."""
        return zipf(analysis.root) >= SOLID_ROOT_ZIPF or (
            not analysis.prefixes and self.in_dictionary(analysis.root))

    def _is_verb_form(self, word: str) -> bool:
        """menaik is meN- + naik: such a verb takes -kan or -i, never a bare -an."""
        return any(morphology.is_verbal(a) and a.root != word and self.in_dictionary(a.root)
                   for a in morphology.analyses(word))

    def _is_derived_noun(self, root: str) -> bool:
        """masukan is masuk + -an: di-, meN- and ter- never take such a noun (dimasukan is
        dimasukkan misspelt)."""
        return (root.endswith("an") and len(root) >= 6
                and self.in_dictionary(root[:-2]))

    def _is_passive_of_known_verb(self, lower: str) -> bool:
        """di-X is a passive when meN-X is a dictionary verb (diimbau: mengimbau)."""
        if not lower.startswith("di") or len(lower) < 6:
            return False
        return any(self.in_dictionary(form) for form in morphology.nasal_forms(lower[2:]))

    def _vouches(self, analysis: morphology.Analysis) -> bool:
        stem = analysis.root
        if self.accepts(stem):
            return True
        if not self.in_dictionary(stem) or stem in word_set("function_words"):
            return False  # beritu is no ber- + itu: function words take no affixes
        # A rare short stem may be a typo's accident (multiteral = multi- + teral); a
        # long dictionary stem rarely is (dicaplok = di- + caplok), nor one that takes a
        # single ordinary affix (berbalut, cuitannya), which the slip check then watches.
        simple = not analysis.prefixes or (
            len(analysis.prefixes) == 1 and analysis.outer in SIMPLE_PREFIXES)
        return (zipf(stem) >= STEM_ZIPF or len(stem) >= LONG_STEM
                or (simple and len(stem) >= SIMPLE_STEM))

    def likely_intended(self, lower: str) -> str | None:
        """The word a non-dictionary word was probably meant to be: the affix boundary's
        doubled consonant restored (menaikan -> menaikkan, tidakah -> tidakkah), or a
        dictionary word one slip away that is far commoner (mengutungkan ->
        menguntungkan, tu -> itu)."""
        doubled = self._boundary_doubled(lower)
        if doubled:
            return doubled
        own = zipf(lower)
        # The more the web uses a word, the commoner its supposed target must be (sabu is
        # a word beside abu; tu is a slip beside itu).
        floor = max(INTENDED_ZIPF, own + INTENDED_MARGIN + max(0.0, own - INTENDED_ZIPF))
        frequencies = _frequencies()
        near = [
            candidate for candidate in _common_edits(lower, INTENDED_ZIPF)
            if candidate != lower and len(candidate) >= MIN_INTENDED
            and frequencies[candidate] >= 10 ** (floor - 9)
            and self.in_dictionary(candidate)
            and not self._is_nonstandard(candidate)
            and _is_slip(lower, candidate)
        ]
        if not near:
            return None
        # A plain substitution is the least likely slip (telihat: terlihat, not melihat).
        return min(near, key=lambda c: (len(c) == len(lower)
                                        and weighted_distance(lower, c) >= PLAIN_SUBSTITUTION,
                                        weighted_distance(lower, c), -zipf(c), c))

    def known_name_near(self, name: str, floor: float) -> str | None:
        """A name the dictionary writes capitalised (Sumenep), at least this common, one
        slip from the given one (Semenep)."""
        if zipf(name) > 0:
            return None  # a name the web uses (Luwuk beside Luwu) is a name of its own
        for candidate in sorted(_common_edits(name.lower(), floor) - {name.lower()}):
            written = candidate[:1].upper() + candidate[1:]
            if (self._spell(written) and not self._spell(candidate)
                    and weighted_distance(name.lower(), candidate) <= SLIP):
                return written
        return None

    def _boundary_doubled(self, lower: str) -> str | None:
        for suffix in BOUNDARY_SUFFIXES:
            stem = lower[: -len(suffix)]
            if lower.endswith(suffix) and len(stem) >= MIN_BOUNDARY_STEM and stem[-1] in "aeiou":
                doubled = stem + suffix[0] + suffix
                if self._takes_plain_an(lower):
                    return None  # lonjakan is lonjak + -an, not lonjak + -kan
                if self.in_dictionary(doubled) or self.is_analysable(doubled):
                    return doubled
        return None

    def _is_doubling_slip(self, lower: str) -> bool:
        """Hunspell id_ID lists a few verbs with the affix boundary's k lost (meletakan,
        membalikan, menggalakan): a verb prefix and a far commoner form with kk."""
        if not lower.startswith(VERB_PREFIXES):
            return False
        doubled = self._boundary_doubled(lower)
        return doubled is not None and zipf(doubled) - zipf(lower) >= INTENDED_MARGIN

    def _takes_plain_an(self, lower: str) -> bool:
        return any(a.suffix == "an" and a.root.endswith("k") for a in self._analyses(lower))

    def _is_nonstandard(self, word: str) -> bool:
        """Hunspell id_ID still lists some forms KBBI marks non-standard (dihimbau): they
        are no evidence that the standard form (diimbau) is a slip."""
        return nonstandard.standard_word(word, self) is not None

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

    def _known_words(self) -> frozenset[str] | _AskHunspell:
        """Known word forms: Hunspell asked one string at a time while the text has
        few unknown words, the expanded word set once asking would cost more than
        loading it (~0.1 s); a short article never pays for the set."""
        return self._known_forms if self._known_forms is not None else self._asked

    def _word_set(self) -> frozenset[str]:
        if self._known_forms is None:
            self._known_forms = lexicon.known_words(self.dictionary) | self._accept
        return self._known_forms

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
        words = words if isinstance(words, AbstractSet | list | tuple) else list(words)
        if self.lookups + len(words) > HUNSPELL_LOOKUPS:
            # Past the budget the word set is cheaper than asking: switch mid-way.
            return set(self._speller._word_set().intersection(words))
        return {word for word in words if word in self}

    def __iter__(self) -> Iterator[str]:
        raise TypeError("the words Hunspell knows cannot be listed")

    def __len__(self) -> int:
        raise TypeError("the words Hunspell knows cannot be counted")
