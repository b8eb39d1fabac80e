"""Abbreviations an article defines itself: "Rapat Paripurna (Rapur)", "(year on year/yoy)".

News defines a short form once and then often writes it in lower case (rapur, yoy); a
spelling checker must know the article's own abbreviations as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from termbase.data import word_list

# "(Rapur)", "(year on year/yoy)", "(Kemendag)": a parenthesis of at most a few words.
_PARENTHESIS = re.compile(r"\(([^()\n]{1,60})\)")
_WORD = re.compile(r"[^\W\d_]+")
EXPANSION_WORDS = 6


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _abbreviates(short: str, expansion: list[str]) -> bool:
    """Every letter of the short form appears in order in the expansion, from its first
    letter (Rapur: RApat PaRipUrna; yoy: Year On Year)."""
    if len(expansion) < 2 or len(short) < 2:
        return False
    joined = "".join(expansion).casefold()
    short = short.casefold()
    return joined[:1] == short[:1] and _is_subsequence(short, joined)


def defined_abbreviations(text: str) -> frozenset[str]:
    """Casefolded short forms the text defines in brackets after (or inside, before a
    slash) their expansion."""
    found = set()
    for match in _PARENTHESIS.finditer(text):
        inside = match.group(1)
        if "/" in inside:
            expansion_text, _, short = inside.rpartition("/")
            expansion = _WORD.findall(expansion_text)
        else:
            short = inside
            # The expansion may end the previous line where a page breaks lines inside
            # a sentence: "... year on year\n(yoy)".
            expansion = _WORD.findall(text[max(0, match.start() - 200) : match.start()])
        short = short.strip()
        if not _WORD.fullmatch(short):
            continue
        # The expansion is the last few words before the short form, ending at the
        # bracket; try the tightest fit first.
        for size in range(2, min(EXPANSION_WORDS, len(expansion)) + 1):
            if _abbreviates(short, expansion[-size:]):
                found.add(short.casefold())
                break
    return frozenset(found)


@dataclass(frozen=True)
class Degree:
    """An academic degree as EYD V writes it (S.E., M.Kes.), and whether its dotless
    capitals are also another abbreviation in news (MA, SP)."""

    standard: str
    capitals_ambiguous: bool


@cache
def academic_degrees() -> dict[str, Degree]:
    """Degrees of data/academic_degrees.txt by their letters without full stops
    (SE -> S.E., MKes -> M.Kes., AMd -> A.Md.)."""
    degrees = {}
    for entry in word_list("academic_degrees"):
        standard, *marks = entry.split()
        degrees[standard.replace(".", "")] = Degree(standard, "no-capitals" in marks)
    return degrees


def is_degree(written: str) -> bool:
    """S.Kom, M.Kes., A.Md: a degree written with at least its inner full stops."""
    degree = academic_degrees().get(written.replace(".", ""))
    return degree is not None and degree.standard.startswith(written.rstrip("."))
