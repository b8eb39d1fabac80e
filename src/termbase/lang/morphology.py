"""Indonesian morphology for a spelling checker: clitics, affixes, reduplication.

Hunspell's id_ID affix file knows many single affixations but misses clitic stacks and
combinations (negosiasinya, diperbesar, kesepahaman, nontarif). `stems` proposes the
stems a word could be built from, so that a word is accepted when one of them is.
"""

from __future__ import annotations

from collections.abc import Iterator
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
