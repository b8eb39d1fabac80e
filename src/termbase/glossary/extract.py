"""Term extraction: candidate terms in a corpus that the glossary does not have yet.

translate-toolkit's poterminology finds the recurring words and phrases, with an
Indonesian stoplist in its format (data/stoplist_id.txt). On top of it termbase keeps
what is likely a term: phrases of two to four words, acronyms, and acronyms written
with their expansion ("Organisasi Kerja Sama Shanghai (SCO)"); drops what the glossary
already has; counts every candidate's occurrences on token boundaries, and keeps one
example sentence each.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

from termbase.glossary import Glossary
from termbase.glossary.matcher import TermMatcher, term_tokens
from termbase.lang.segment import Sentence, lines_are_paragraphs, segment
from termbase.model import Concept, Status, Term

if TYPE_CHECKING:
    from translate.tools.poterminology import TerminologyExtractor

MAX_WORDS = 4
# Terms are noun phrases; a lower-case active or passive verb (meN-, di-) at either
# end marks a clause fragment (meningkatkan kerja sama, negara menandatangani).
_VERB_EDGE = re.compile(r"^(?:me(?:m|n|ng|ny)?|di)[a-z]{3,}$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]*[A-Z0-9]$")
_EXPANSION = re.compile(
    r"((?:[A-Z][\w’'-]*(?:\s+(?:dan|untuk|dari|di|ke|atas|bagi|dengan|ng|of|and|for|the))?"
    r"\s+){1,9}[A-Z][\w’'-]*)\s*\(([A-Z][A-Z0-9&-]*[A-Z0-9])\)"
)


@dataclass
class Candidate:
    text: str
    kind: str  # phrase | acronym | expansion
    count: int = 0
    example: str = ""
    example_path: str = ""
    expansion: str | None = None
    score: float = field(default=0.0)


def _extractor() -> TerminologyExtractor:
    from translate.tools.poterminology import TerminologyExtractor

    stoplist = resources.files("termbase.data").joinpath("stoplist_id.txt")
    with resources.as_file(stoplist) as path:
        return TerminologyExtractor(termlength=MAX_WORDS, sourcelanguage="id",
                                    stopfile=str(path))


def _abbreviates(acronym: str, expansion: str) -> bool:
    """Most of the acronym's letters are initials of the expansion, in any order:
    Indonesian word order differs from the English one many acronyms keep (ADB =
    Bank Pembangunan Asia)."""
    initials = {word[0] for word in expansion.split() if word[:1].isupper()}
    letters = [ch for ch in acronym if ch.isalpha()]
    return sum(ch in initials for ch in letters) * 2 >= len(letters)


def _sentences(texts: list[tuple[str, str]]) -> Iterator[tuple[str, Sentence]]:
    for path, text in texts:
        for paragraph in segment(text, lines_are_paragraphs(path)):
            for sentence in paragraph.sentences:
                yield path, sentence


def _known(glossary: Glossary) -> set[tuple[str, ...]]:
    """Token keys of every glossary term, and of every run of words inside one."""
    keys: set[tuple[str, ...]] = set()
    for concept in glossary.concepts:
        for term in concept.terms:
            key = tuple(term.match_key or term_tokens(term.text))
            for start in range(len(key)):
                for end in range(start + 1, len(key) + 1):
                    keys.add(key[start:end])
    return keys


def suggest_terms(texts: list[tuple[str, str]], glossary: Glossary, min_count: int = 2,
                  limit: int = 30) -> list[Candidate]:
    """Ranked candidates from (path, text) pairs."""
    from translate.storage import pypo

    sentences = list(_sentences(texts))
    extractor = _extractor()
    units = []
    for path, sentence in sentences:
        unit = pypo.pounit(sentence.text)
        unit.addlocation(path)
        units.append(unit)
    extractor.processunits(units, "corpus")
    raw = extractor.extract_terms(inputmin=1, fullmsgmin=1, substrmin=1, locmin=1)

    candidates: dict[tuple[str, ...], Candidate] = {}
    for text in raw:
        words = text.split()
        if 2 <= len(words) <= MAX_WORDS and not (
                _VERB_EDGE.match(words[0]) or _VERB_EDGE.match(words[-1])):
            candidates[tuple(term_tokens(text))] = Candidate(text, "phrase")
    for _, sentence in sentences:
        for match in _EXPANSION.finditer(sentence.text):
            expansion, acronym = " ".join(match[1].split()), match[2]
            if _abbreviates(acronym, expansion):
                candidates[tuple(term_tokens(expansion))] = Candidate(
                    expansion, "expansion", expansion=acronym)
        for token in sentence.tokens:
            if _ACRONYM.match(token.text) and len(token.text) >= 2:
                candidates.setdefault((token.text.casefold(),), Candidate(token.text, "acronym"))

    known = _known(glossary)
    wanted = {key: c for key, c in candidates.items() if key not in known}
    _count(wanted, sentences)
    kept = [c for c in wanted.values()
            if c.count >= (1 if c.kind == "expansion" else min_count)]
    for candidate in kept:
        word_count = len(candidate.text.split())
        bonus = {"expansion": 3.0, "acronym": 1.5, "phrase": 1.0}[candidate.kind]
        candidate.score = round(candidate.count * word_count * bonus, 1)
    return sorted(kept, key=lambda c: (-c.score, c.text.casefold()))[:limit]


def _count(candidates: dict[tuple[str, ...], Candidate],
           sentences: Iterable[tuple[str, Sentence]]) -> None:
    """Occurrences on token boundaries, the first sentence of each, surface form."""
    entries = [
        (Concept(str(i), []), Term(c.text, "id", Status.ADMITTED, match_key=key))
        for i, (key, c) in enumerate(candidates.items())
    ]
    by_id = {str(i): c for i, c in enumerate(candidates.values())}
    matcher = TermMatcher(entries)
    surfaces: dict[str, Counter] = {}
    for path, sentence in sentences:
        for match in matcher.find(sentence.tokens):
            candidate = by_id[match.concept.id]
            candidate.count += 1
            surfaces.setdefault(match.concept.id, Counter())[
                sentence.text[match.start - sentence.start : match.end - sentence.start]] += 1
            if not candidate.example:
                candidate.example, candidate.example_path = sentence.text, path
    for concept_id, counter in surfaces.items():
        if by_id[concept_id].kind == "phrase":
            by_id[concept_id].text = counter.most_common(1)[0][0]
