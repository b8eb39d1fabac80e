"""What rules share while checking: the speller, the glossary and its matcher."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from termbase.glossary import Glossary
from termbase.glossary.matcher import TermMatcher, term_tokens
from termbase.lang.speller import Speller


@dataclass
class CheckContext:
    glossary: Glossary
    speller: Speller
    language: str = "id"
    options: dict = field(default_factory=dict)

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.glossary.terms(self.language))

    @cached_property
    def glossary_words(self) -> frozenset[str]:
        """Every word of every term, any language: never a spelling error."""
        words: set[str] = set()
        for concept in self.glossary.concepts:
            for term in concept.terms:
                words.update(term.match_key or term_tokens(term.text))
        return frozenset(words)


def build_context(glossary_paths: Sequence[str | Path] | None = None,
                  dictionary: str | None = None, accept_paths: Iterable[str] = (),
                  accept_words: Iterable[str] = ()) -> CheckContext:
    """A context from files: the given glossaries (default: the shipped ones), the id_ID
    dictionary, accept lists."""
    from termbase.config import read_word_list
    from termbase.glossary import default_glossary_paths

    paths = list(glossary_paths) if glossary_paths else default_glossary_paths()
    glossary = Glossary.load(paths)
    accept = list(accept_words)
    for path in accept_paths:
        accept.extend(read_word_list(path))
    return CheckContext(glossary, Speller(dictionary, accept))
