"""KBBI's non-standard (tidak baku) forms: which word is one, and its standard form.

A word is non-standard when data/nonstandard.txt lists it or its stem (resikonya,
dihimbau, mempraktekkan: the affixes are rebuilt around the standard stem), when meN-/peN-
keep a k, p, t or s KBBI drops (mengkonsumsi), or when ber-/ter- keep an r KBBI drops
(berpergian). Hunspell id_ID accepts many of these words (resiko, ijin, mempengaruhi), so
nothing here asks Hunspell whether the written word is right; it is asked only whether a
stem is a word, and whether a word that looks prefixed is really a root (mentega, pentas).
"""

from __future__ import annotations

import re
import weakref
from functools import cache
from typing import TYPE_CHECKING

from termbase.data import word_list, word_set
from termbase.lang.morphology import Split, clitics, nasal_prefix, splits
from termbase.lang.tokens import word_parts

if TYPE_CHECKING:
    from termbase.lang.speller import Speller


def zipf(word: str) -> float:
    # Imported late: the speller itself asks this module which words are non-standard.
    from termbase.lang.speller import zipf as word_zipf

    return word_zipf(word)


MIN_AFFIXED_STEM = 4
# A stem must be this common (Zipf) or this long to vouch for an assimilation fault, so
# that a rare dictionary word does not turn a root into a "prefixed" form.
STEM_ZIPF = 2.5
LONG_STEM = 6
_VOWELS = "aeiou"
# Written nasal prefix -> the stem initials KBBI drops after it before a vowel.
_SWALLOWING = (("meng", "k"), ("mem", "p"), ("men", "ts"),
               ("peng", "k"), ("pem", "p"), ("pen", "ts"))
_SWALLOWING_PREFIXES = tuple(written for written, _ in _SWALLOWING)


@cache
def standard_forms() -> dict[str, str]:
    """Non-standard form -> standard form, from data/nonstandard.txt."""
    forms = {}
    for entry in word_list("nonstandard"):
        wrong, right = (side.strip() for side in entry.split("|", 1))
        forms[wrong] = right
    return forms


@cache
def phrases() -> dict[tuple[str, ...], str]:
    return {tuple(key.split()): right for key, right in standard_forms().items() if " " in key}


def _stem_is_word(stem: str, speller: Speller) -> bool:
    return len(stem) >= MIN_AFFIXED_STEM and speller.in_dictionary(stem) and (
        zipf(stem) >= STEM_ZIPF or len(stem) >= LONG_STEM)


def listed_standard(word: str, speller: Speller) -> str | None:
    """The standard spelling of a lower-case word that is, or is built on, a listed
    non-standard form: resiko -> risiko, resikonya -> risikonya, dihimbau -> diimbau."""
    forms = standard_forms()
    if word in forms:
        return forms[word]
    # A word Hunspell derives from another stem is another word (keruh is no ke- + ruh).
    # Hunspell is asked only once a split has a listed stem: few words have one.
    known_stems: tuple[str, ...] | None = ()
    for analysis in [*splits(word), *_shortened_splits(word)]:
        stem = analysis.stem
        if stem == word or stem not in forms or len(stem) < MIN_AFFIXED_STEM:
            continue
        if known_stems == ():
            known_stems = (speller.dictionary_stems(word) if speller.in_dictionary(word)
                           else None)
        if known_stems is not None and stem not in known_stems:
            continue
        if " " in forms[stem] and analysis.suffix and not analysis.prefix:
            continue  # tandatangani is mostly the tail of a detached di tandatangani
        rebuilt = analysis.rebuilt(forms[stem])
        if rebuilt != word:
            return rebuilt
    return None


def _shortened_splits(word: str) -> list[Split]:
    """ber-/ter- that lost their r before a stem like kerja (bekerjasama: ber- +
    kerjasama), which splits() leaves out."""
    return [Split(prefix, word[2:], "", "") for prefix in ("ber", "ter")
            if word.startswith(prefix[:2]) and not word.startswith(prefix)
            and _ER_SYLLABLE.match(word[2:])]


def _is_memper_form(base: str, speller: Speller) -> bool:
    """memper-/mempe-/mempel- + a word (memperhatikan, mempekerjakan, mempelajari) is
    not meN- + a p-stem."""
    for written in ("memper", "mempel", "mempe"):
        if base.startswith(written):
            rest = base[len(written):]
            candidates = [rest] + [rest[: -len(s)] for s in ("kan", "i") if rest.endswith(s)]
            if any(len(c) >= 3 and speller.in_dictionary(c) and zipf(c) >= STEM_ZIPF
                   for c in candidates):
                return True
    return False


def assimilated(word: str, speller: Speller) -> tuple[str, str] | None:
    """(the KBBI form, the stem) of a lower-case meN-/peN- word that keeps the stem's
    first k, p, t or s before a vowel: mengkonsumsi -> (mengonsumsi, konsumsi)."""
    exceptions = word_set("assimilation_exceptions")
    bases = [(word, "")] + [(word[: -len(c)], c) for c in clitics()
                            if word.endswith(c) and len(word) - len(c) >= 5]
    for base, clitic in bases:
        if not base.startswith(_SWALLOWING_PREFIXES):
            continue
        if speller.in_dictionary(base) and base in speller.dictionary_stems(base):
            return None  # a root that merely looks prefixed: mentega, pentas, mengkal
        for written, swallowed in _SWALLOWING:
            rest = base[len(written):]
            if not base.startswith(written) or len(rest) < 2:
                continue
            if rest[0] not in swallowed or rest[1] not in _VOWELS:
                continue
            if written == "mem" and _is_memper_form(base, speller):
                return None
            stem_suffixes = [(rest, "")] + [(rest[: -len(s)], s) for s in ("kan", "an", "i")
                                     if rest.endswith(s)]
            if any(stem in exceptions for stem, _ in stem_suffixes):
                return None
            for stem, suffix in stem_suffixes:
                if _stem_is_word(stem, speller):
                    return nasal_prefix(written[:2], stem) + suffix + clitic, stem
    return None


# Verdicts of standard_word, kept per speller for as long as the speller lives: an
# article repeats its words, and a desk checks article after article with one speller.
# (A cache keyed by the speller itself kept every speller, with its Hunspell
# dictionary, alive: 4 MB per CheckContext a long-lived process built.)
_VERDICTS: weakref.WeakKeyDictionary[Speller, dict[str, tuple[str, str] | None]] = (
    weakref.WeakKeyDictionary())
VERDICTS_KEPT = 100_000


def standard_word(word: str, speller: Speller) -> tuple[str, str] | None:
    """(standard form, why) for a lower-case word, hyphenated parts one by one."""
    verdicts = _VERDICTS.setdefault(speller, {})
    if word in verdicts:
        return verdicts[word]
    if len(verdicts) >= VERDICTS_KEPT:
        verdicts.clear()
    verdict = verdicts[word] = _standard_word(word, speller)
    return verdict


def _standard_word(word: str, speller: Speller) -> tuple[str, str] | None:
    word = word.replace("\u2019", "'")  # Jum’at is jum'at
    parts = word_parts(word)
    if len(parts) > 1:
        whole = standard_forms().get(word)
        if whole is not None:  # kesiap-siagaan: KBBI writes the compound as one word
            return whole, f"{word!r} is non-standard (KBBI)"
        fixed = [standard_word(part, speller) for part in parts]
        if not any(fixed):
            return None
        joined = "-".join(f[0] if f else part for f, part in zip(fixed, parts, strict=True))
        return joined, next(f[1] for f in fixed if f)
    listed = listed_standard(word, speller)
    if listed is not None:
        return listed, f"{word!r} is non-standard (KBBI)"
    found = assimilated(word, speller)
    if found is not None:
        form, stem = found
        return form, f"meN-/peN- drops the {stem[0]!r} of {stem!r} before a vowel (KBBI)"
    shortened = shortened_prefix(word, speller)
    if shortened is not None:
        form, stem = shortened
        return form, (f"ber-/ter- lose their r before {stem!r}, whose first syllable ends "
                      "in -er (KBBI)")
    return None


# ber-/ter- + a stem whose first syllable is C + er + C: bekerja, beternak, bepergian,
# tepercaya (KBBI), not berkerja, berpergian, terpercaya.
_ER_SYLLABLE = re.compile(r"[^aeiou]er[^aeiou]")


def shortened_prefix(word: str, speller: Speller) -> tuple[str, str] | None:
    """(the KBBI form, the stem) of a ber-/ter- word that keeps the r before a stem such
    as kerja or pergi: berpergian -> (bepergian, pergi)."""
    for prefix in ("ber", "ter"):
        rest = word[len(prefix):]
        if not word.startswith(prefix) or not _ER_SYLLABLE.match(rest):
            continue
        stems = [rest] + [rest[: -len(s)] for s in ("an", "kan", "i", "nya")
                          if rest.endswith(s)]
        if any(len(stem) >= 4 and speller.in_dictionary(stem) and zipf(stem) >= STEM_ZIPF
               and not speller.in_dictionary(word) for stem in stems):
            stem = next(stem for stem in stems if speller.in_dictionary(stem))
            shortened = prefix[:-1] + rest
            if speller.in_dictionary(shortened):
                return shortened, stem
    return None


