"""Indonesian morphology for a spelling checker: clitics, affixes, reduplication.

Hunspell's id_ID affix file knows many single affixations but misses clitic stacks and
combinations (negosiasinya, diperbesar, kesepahaman, nontarif). `stems` proposes the
stems a word could be built from, so that a word is accepted when one of them is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from termbase.data import word_list
from termbase.lang.tokens import word_parts

# Derivational suffixes, outermost first in stripping order.
_SUFFIXES = ("kan", "an", "i", "isme", "wan", "wati")

# Prefixes with the stem restorations their nasal assimilation calls for:
# meny+apu -> sapu, men+ulis -> tulis, mem+ukul -> pukul, meng+irim -> kirim.
_PREFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("memper", ("",)),
    ("diper", ("",)),
    ("keber", ("",)),
    ("keter", ("",)),
    ("menge", ("",)),
    ("penge", ("",)),
    ("meny", ("s",)),
    ("peny", ("s",)),
    ("meng", ("", "k")),
    ("peng", ("", "k")),
    ("mem", ("", "p")),
    ("pem", ("", "p")),
    ("men", ("", "t")),
    ("pen", ("", "t")),
    ("me", ("",)),
    ("pe", ("",)),
    ("ber", ("",)),
    ("be", ("",)),
    ("bel", ("",)),
    ("ter", ("",)),
    ("per", ("",)),
    ("pel", ("",)),
    ("di", ("",)),
    ("ke", ("",)),
    ("se", ("",)),
)

MIN_STEM = 3


def clitics() -> tuple[str, ...]:
    return word_list("clitics")


def proclitics() -> tuple[str, ...]:
    return word_list("proclitics")


@cache
def bound_forms() -> dict[str, bool]:
    """Bound forms (antar, pasca, non...) mapped to whether they also stand alone."""
    forms = {}
    for entry in word_list("bound_forms"):
        form, *flags = entry.split()
        forms[form] = "ambiguous" in flags
    return forms


def strip_clitics(word: str) -> Iterator[str]:
    """The word without its enclitics (-nya, -lah, -pun...) and proclitics (ku-, kau-)."""
    lower = word.lower()
    for clitic in clitics():
        if lower.endswith(clitic) and len(lower) - len(clitic) >= MIN_STEM:
            base = word[: -len(clitic)]
            yield base
            for inner in clitics():
                if base.lower().endswith(inner) and len(base) - len(inner) >= MIN_STEM:
                    yield base[: -len(inner)]
    for clitic in proclitics():
        if lower.startswith(clitic) and len(lower) - len(clitic) >= MIN_STEM:
            yield word[len(clitic) :]


def _without_suffixes(word: str) -> Iterator[tuple[str, str]]:
    """(word without a suffix, the suffix), the bare word first."""
    yield word, ""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            yield word[: -len(suffix)], suffix
    # Loan adjectives in -ial beside nouns in -i: preferensi -> preferensial.
    if word.endswith("ial") and len(word) > 6:
        yield word[:-2], "al"


def _without_prefixes(word: str, depth: int = 2, suffix: str = "") -> Iterator[str]:
    yield word
    if depth == 0:
        return
    if word.startswith("ke") and suffix != "an":
        # ke-, keber-, keter- make nouns only with -an (ketersediaan); without it a typo
        # could pass as ke-ter-se- + a common word (ketersedian = ... + dian).
        return
    for prefix in bound_forms():
        # Two-letter forms (bi, de, in, ko) would split too many ordinary words.
        if len(prefix) > 2 and word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            yield from _without_prefixes(word[len(prefix) :], depth - 1)
    for prefix, restorations in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            rest = word[len(prefix) :]
            for initial in restorations:
                yield from _without_prefixes(initial + rest, depth - 1)


def stems(word: str) -> Iterator[str]:
    """Candidate stems of a lower-case word, the word itself first; may repeat."""
    for base in (word, *strip_clitics(word)):
        for unsuffixed, suffix in _without_suffixes(base):
            yield from _without_prefixes(unsuffixed, suffix=suffix)


def nasal_forms(stem: str) -> list[str]:
    """The meN- forms of a verb stem (tulis -> menulis, perbesar -> memperbesar)."""
    if not stem:
        return []
    first = stem[0]
    if stem.startswith("per"):
        return ["mem" + stem]
    if first in "aeiou":
        return ["meng" + stem]
    if first == "p":
        return ["mem" + stem[1:], "mem" + stem]
    if first in "bfv":
        return ["mem" + stem]
    if first == "t":
        return ["men" + stem[1:], "men" + stem]
    if first in "dcjz":
        return ["men" + stem]
    if first == "s":
        return ["meny" + stem[1:], "men" + stem]
    if first == "k":
        return ["meng" + stem[1:], "meng" + stem]
    if first in "gh":
        return ["meng" + stem]
    return ["me" + stem]


def is_reduplication(word: str) -> bool:
    """negara-negara, pertama-tama, sebaik-baiknya, berlarut-larut, bolak-balik aside."""
    parts = [part.lower() for part in word_parts(word)]
    if len(parts) != 2 or not all(parts):
        return False
    left, right = parts
    if left == right:
        return True
    core = right
    for clitic in clitics():
        if core.endswith(clitic) and len(core) > len(clitic) + 2:
            core = core[: -len(clitic)]
            break
    return len(core) >= 3 and (left.endswith(core) or core in left)


# Affix analysis that can be undone: a word split into prefix, stem, suffix and clitic,
# so that a stem can be replaced and the word rebuilt with the prefix re-assimilated.
_VOWELS = "aeiou"

# Written prefix -> (prefix as a morpheme, initials its nasal may have swallowed).
_AFFIX_PREFIXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("memper", "memper", ("",)),
    ("diper", "diper", ("",)),
    ("menge", "meN", ("",)),
    ("penge", "peN", ("",)),
    ("meny", "meN", ("s",)),
    ("peny", "peN", ("s",)),
    ("meng", "meN", ("", "k")),
    ("peng", "peN", ("", "k")),
    ("mem", "meN", ("", "p")),
    ("pem", "peN", ("", "p")),
    ("men", "meN", ("", "t")),
    ("pen", "peN", ("", "t")),
    ("me", "meN", ("",)),
    ("pe", "peN", ("",)),
    ("ber", "ber", ("",)),
    ("ter", "ter", ("",)),
    ("per", "per", ("",)),
    ("di", "di", ("",)),
    ("ke", "ke", ("",)),
    ("se", "se", ("",)),
)
_AFFIX_SUFFIXES = ("kan", "an", "i")


def starts_with_cluster(stem: str) -> bool:
    """A stem opening with two consonants (produksi, kritik, stabil, syukur, khianat):
    meN-/peN- keep its first consonant."""
    return len(stem) > 1 and stem[0] not in _VOWELS and stem[1] not in _VOWELS


def _syllables(stem: str) -> int:
    """Vowels, a diphthong (ai, au, oi, ei) before a consonant or the end counting once."""
    diphthongs = re.findall(r"(?:ai|au|oi|ei)(?![aeiou])", stem)
    return sum(ch in _VOWELS for ch in stem) - len(diphthongs)


def nasal_prefix(prefix: str, stem: str) -> str:
    """meN- or peN- (prefix "me" or "pe") joined to a stem as KBBI writes it: k, p, t, s
    are dropped before a vowel (mengonsumsi, memengaruhi, menaati, menyukseskan) and kept
    before a consonant (memproduksi, mengkritik); one-syllable stems take menge-."""
    if not stem:
        return prefix
    first = stem[0]
    if _syllables(stem) == 1:
        return prefix + "nge" + stem
    cluster = starts_with_cluster(stem)
    if first in _VOWELS or first in "gh":
        return prefix + "ng" + stem
    if first == "k":
        return prefix + "ng" + (stem if cluster else stem[1:])
    if first == "p":
        return prefix + "m" + (stem if cluster else stem[1:])
    if first in "bfv":
        return prefix + "m" + stem
    if first == "t":
        return prefix + "n" + (stem if cluster else stem[1:])
    if first == "s":
        return prefix + ("n" + stem if cluster else "ny" + stem[1:])
    if first in "dcjz":
        return prefix + "n" + stem
    return prefix + stem


def attach_prefix(prefix: str, stem: str) -> str:
    """A prefix as a morpheme (meN, peN, ber, ter, di...) joined to a stem."""
    if prefix in ("meN", "peN"):
        return nasal_prefix(prefix[:2], stem)
    if prefix in ("ber", "ter", "per") and stem.startswith("r"):
        return prefix[:-1] + stem  # berencana, terasa
    if prefix in ("ber", "ter") and re.match(r"[^aeiou]+er[^aeiou]", stem):
        return prefix[:-1] + stem  # bekerja, beterbangan, tepercaya
    return prefix + stem


@dataclass(frozen=True)
class Analysis:
    """word = attach_prefix(prefix, stem) + suffix + clitic, as far as the analysis goes."""

    prefix: str
    stem: str
    suffix: str
    clitic: str

    def rebuilt(self, stem: str) -> str:
        """The word with another stem in place of this one (resiko -> risikonya)."""
        words = stem.split(" ")
        if self.prefix and self.suffix:
            words = ["".join(words)]  # confix joins a compound: dikerjasamakan
        words[0] = attach_prefix(self.prefix, words[0]) if self.prefix else words[0]
        words[-1] = words[-1] + self.suffix + self.clitic
        return " ".join(words)


def _clitic_splits(word: str) -> Iterator[tuple[str, str]]:
    yield word, ""
    for clitic in clitics():
        if word.endswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            yield word[: -len(clitic)], clitic


def analyses(word: str) -> Iterator[Analysis]:
    """Every split of a lower-case word into at most one prefix, one suffix and one
    clitic, with the stem initials a nasal prefix may have swallowed restored."""
    for base, clitic in _clitic_splits(word):
        suffixed = [(base, "")] + [
            (base[: -len(s)], s) for s in _AFFIX_SUFFIXES
            if base.endswith(s) and len(base) - len(s) >= MIN_STEM
        ]
        for body, suffix in suffixed:
            yield Analysis("", body, suffix, clitic)
            for written, prefix, restorations in _AFFIX_PREFIXES:
                if body.startswith(written) and len(body) - len(written) >= MIN_STEM:
                    rest = body[len(written):]
                    for initial in restorations:
                        yield Analysis(prefix, initial + rest, suffix, clitic)
