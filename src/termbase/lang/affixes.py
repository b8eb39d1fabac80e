"""The menge- form of verb stems whose root has one syllable.

Indonesian writes menge- before a root of one syllable (sah -> mengesahkan, bom ->
mengebom, cat -> mengecat, cek -> mengecek), where lang/morphology.py's nasal_forms
gives only the assimilated forms (menyahkan, membom). Kept apart from the speller's
morphology so that orthography rules can use it without changing what the speller
accepts.
"""

from __future__ import annotations

from termbase.lang.morphology import syllables

_VERB_SUFFIXES = ("kan",)


def verb_root(stem: str) -> str:
    """The stem without a verb-forming suffix: sahkan -> sah, cat -> cat."""
    lower = stem.lower()
    for suffix in _VERB_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            return stem[: -len(suffix)]
    return stem


def has_monosyllabic_root(stem: str) -> bool:
    return syllables(verb_root(stem)) == 1


def menge_form(stem: str) -> str | None:
    """mengesahkan for sahkan, mengebom for bom; None when the root has more syllables."""
    return "menge" + stem if stem and has_monosyllabic_root(stem) else None
