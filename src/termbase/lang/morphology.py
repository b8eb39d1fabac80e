"""Indonesian morphology for a spelling checker: clitics, affixes, reduplication.

Hunspell's id_ID affix file knows many single affixations but misses clitic stacks and
combinations (negosiasinya, diperbesar, kesepahaman, nontarif). `analyses` parses a word
as prefixes + root + suffix by the grammar of Indonesian affixation: which prefixes stack
(memper-, keber-), which suffix each prefix takes (ke-...-an, never meN-...-an), and
which form meN-/peN- take before which root. A word is accepted when an analysis has a
known root; a typo rarely parses (menaikan, penerbagan).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from termbase.data import word_list
from termbase.lang.tokens import word_parts

# Derivational suffixes, in stripping order.
_SUFFIXES = ("kan", "an", "i", "isme", "wan", "wati")

# Surface forms of the prefixes: (surface, prefix, restored initials of the root). meN-
# and peN- assimilate: meny+apu <- sapu, men+ulis <- tulis, mem+ukul <- pukul,
# meng+irim <- kirim; menge- stands before one-syllable roots (mengecat).
_SURFACES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
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
    ("be", "ber", ("",)),
    ("bel", "ber", ("",)),
    ("ter", "ter", ("",)),
    ("te", "ter", ("",)),
    ("per", "per", ("",)),
    ("pel", "per", ("",)),
    ("di", "di", ("",)),
    ("ke", "ke", ("",)),
    ("se", "se", ("",)),
)

# Which prefix may stand inside which (memper-, diper-, keber-, keter-, kese-, kepe-,
# pember-, pemer-, berke-): any other stack is a typo's accident (penerbagan is not
# peN- + ter- + bagan).
_INNER = {
    None: {"meN", "peN", "di", "ter", "ber", "per", "ke", "se"},
    "meN": {"per"},
    "di": {"per"},
    "ter": {"per"},
    "ke": {"ber", "ter", "se", "peN"},
    "peN": {"ber", "per"},
    "ber": {"ke"},
}

# The suffixes an outer prefix combines with: meN-/di-/ter- verbs never end in a bare
# -an (menaikan is menaik(k)an, not meN- + naik + -an), ke- nouns always do.
_SUFFIXES_AFTER = {
    None: {"", *_SUFFIXES, "al"},
    "meN": {"", "kan", "i"},
    "di": {"", "kan", "i"},
    "ter": {"", "kan", "i"},
    "ber": {"", "an", "kan"},
    "peN": {"", "an"},
    "per": {"", "an", "kan", "i"},
    "ke": {"an"},
    "se": {""},
}
_VERBAL = {"meN", "di", "ter"}

# The root's first letters each meN-/peN- surface form stands before, when nothing was
# dropped (mem+baca, men+dengar, meng+ambil, me+lihat).
_NASAL_BEFORE = {
    "mem": "bfvp", "pem": "bfvp",
    "men": "dcjzts", "pen": "dcjzts",
    "meng": "aeioughk", "peng": "aeioughk",
    "me": "lmnrwy", "pe": "lmnrwy",
}
_ER_FIRST_SYLLABLE = re.compile(r"[^aeiou]er[^aeiou]")

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


@dataclass(frozen=True)
class Analysis:
    """A word as prefixes + root + suffix (clitics already off), outermost prefix first."""

    root: str
    prefixes: tuple[str, ...] = ()
    suffix: str = ""

    @property
    def outer(self) -> str | None:
        return next((p for p in self.prefixes if p not in bound_forms()), None)


def _without_suffixes(word: str) -> Iterator[tuple[str, str]]:
    """(word without a suffix, the suffix), the bare word first."""
    yield word, ""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            yield word[: -len(suffix)], suffix
    # Loan adjectives in -ial beside nouns in -i: preferensi -> preferensial.
    if word.endswith("ial") and len(word) > 6:
        yield word[:-2], "al"


def _assimilation_fits(surface: str, initial: str, root: str) -> bool:
    """meN-/peN- take the form the root's first letter calls for (mem+baca, not men+baca);
    menge-/penge- stand only before one syllable."""
    if surface in ("menge", "penge"):
        return syllables(root) == 1
    if surface in ("be", "te"):
        # ber-/ter- drop their r only before r or a first syllable in -er: berasa,
        # bekerja, tepercaya; telihat is terlihat misspelt.
        return root.startswith("r") or bool(_ER_FIRST_SYLLABLE.match(root))
    if surface in ("bel", "pel"):
        return root == "ajar"  # belajar, pelajar: the only such forms
    allowed = _NASAL_BEFORE.get(surface)
    return allowed is None or bool(initial) or root[:1] in allowed


def _prefix_chains(word: str, outer: str | None = None,
                   depth: int = 3) -> Iterator[tuple[tuple[str, ...], str]]:
    """(prefixes, rest) for every way the grammar lets prefixes open the word."""
    yield (), word
    if depth == 0:
        return
    if outer is None or outer in bound_forms():
        for form in bound_forms():
            # Two-letter forms (bi, de, in, ko) would split too many ordinary words.
            if len(form) > 2 and word.startswith(form) and len(word) - len(form) >= MIN_STEM:
                for chain, rest in _prefix_chains(word[len(form) :], form, depth - 1):
                    yield (form, *chain), rest
    allowed = _INNER[None] if outer is None or outer in bound_forms() else _INNER.get(outer, ())
    for surface, prefix, restorations in _SURFACES:
        if prefix not in allowed or not word.startswith(surface):
            continue
        rest = word[len(surface) :]
        if len(rest) < MIN_STEM:
            continue
        for initial in restorations:
            root = initial + rest
            if not _assimilation_fits(surface, initial, root):
                continue
            for chain, inner_rest in _prefix_chains(root, prefix, depth - 1):
                yield (prefix, *chain), inner_rest


def analyses(word: str) -> Iterator[Analysis]:
    """Every analysis of a lower-case word the affix grammar allows, clitics stripped;
    the word itself as its own root first."""
    for base in dict.fromkeys((word, *strip_clitics(word))):
        for unsuffixed, suffix in _without_suffixes(base):
            for prefixes, root in _prefix_chains(unsuffixed):
                analysis = Analysis(root, prefixes, suffix)
                if _well_formed(analysis):
                    yield analysis


def _well_formed(analysis: Analysis) -> bool:
    # The outermost prefix decides the suffix: ke-...-an wraps the whole stack
    # (keberhasilan, kesepahaman), meN-...-kan the whole verb (memperbesarkan).
    allowed = _SUFFIXES_AFTER.get(analysis.outer, _SUFFIXES_AFTER[None])
    return analysis.suffix in allowed and len(analysis.root) >= MIN_STEM


def is_verbal(analysis: Analysis) -> bool:
    """meN-, di- or ter- opens the word: its root should be a verb stem, not an -an noun."""
    return analysis.outer in _VERBAL


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
    # The grammar's surface forms, less the shortened ones a rebuilt word never needs.
    *(entry for entry in _SURFACES if entry[0] not in ("be", "bel", "te", "pel")),
)
_AFFIX_SUFFIXES = ("kan", "an", "i")


def starts_with_cluster(stem: str) -> bool:
    """A stem opening with two consonants (produksi, kritik, stabil, syukur, khianat):
    meN-/peN- keep its first consonant."""
    return len(stem) > 1 and stem[0] not in _VOWELS and stem[1] not in _VOWELS


def syllables(stem: str) -> int:
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
    if syllables(stem) == 1:
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
class Split:
    """word = attach_prefix(prefix, stem) + suffix + clitic: one affix of each kind, kept
    so that the word can be rebuilt around another stem."""

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


def splits(word: str) -> Iterator[Split]:
    """Every split of a lower-case word into at most one prefix, one suffix and one
    clitic, with the stem initials a nasal prefix may have swallowed restored."""
    for base, clitic in _clitic_splits(word):
        suffixed = [(base, "")] + [
            (base[: -len(s)], s) for s in _AFFIX_SUFFIXES
            if base.endswith(s) and len(base) - len(s) >= MIN_STEM
        ]
        for body, suffix in suffixed:
            yield Split("", body, suffix, clitic)
            for written, prefix, restorations in _AFFIX_PREFIXES:
                if body.startswith(written) and len(body) - len(written) >= MIN_STEM:
                    rest = body[len(written):]
                    for initial in restorations:
                        yield Split(prefix, initial + rest, suffix, clitic)
