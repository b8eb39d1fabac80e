"""Finding glossary terms in text: case-insensitive, multiword, on token boundaries.

Terms are compiled into a trie keyed by normalised tokens, so matching costs one dict
look-up per token whatever the glossary's size (a 20,000-concept glossary costs no more
per word than a 60-concept one). Aho-Corasick over characters would also need
token-boundary and clitic handling on top; the token trie gives both directly. The last
word of a match may carry an enclitic (kerja samanya, kemitraannya).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from termbase.lang.morphology import clitics
from termbase.lang.tokens import Kind, Token, tokenize
from termbase.model import Concept, Term


@lru_cache(maxsize=65536)  # every token of a text, and texts repeat their words
def normalise(token_text: str) -> str:
    return (
        token_text.casefold()
        .replace("\u2019", "'")
        .replace("\u2010", "-")
        .replace("\u2011", "-")
    )


_PLAIN_TERM = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def term_tokens(text: str) -> list[str]:
    """The normalised tokens of a term, as the text tokenizer would cut them."""
    if _PLAIN_TERM.fullmatch(text):  # most terms: letters and single spaces
        return normalise(text).split(" ")
    return [normalise(t.text) for t in tokenize(text) if t.kind is not Kind.SPACE]


@dataclass(frozen=True)
class Match:
    concept: Concept
    term: Term
    start: int
    end: int
    clitic: str = ""


# Trie nodes are plain dicts from token to child node; the terms ending at a node sit
# under this key, which no token can equal.
_TERMS = ""


class TermMatcher:
    def __init__(self, entries: list[tuple[Concept, Term]]):
        self._root: dict = {}
        for concept, term in entries:
            key = term.match_key or tuple(term_tokens(term.text))
            if not key:
                continue
            node = self._root
            for token in key:
                node = node.setdefault(token, {})
            node.setdefault(_TERMS, []).append((concept, term))

    def find(self, tokens: list[Token]) -> list[Match]:
        """Leftmost-longest, non-overlapping matches in a run of tokens (one sentence)."""
        solid = [t for t in tokens if t.kind is not Kind.SPACE]
        matches = []
        index = 0
        while index < len(solid):
            found = self._longest_at(solid, index)
            if found is None:
                index += 1
                continue
            match, consumed = found
            matches.append(match)
            index += consumed
        return matches

    def _longest_at(self, solid: list[Token], index: int) -> tuple[Match, int] | None:
        node = self._root
        best: tuple[Match, int] | None = None
        position = index
        while position < len(solid):
            token = solid[position]
            key = normalise(token.text)
            clitic_hit = self._clitic_end(node, key)
            if clitic_hit is not None:
                end_node, clitic = clitic_hit
                best = self._match(end_node, solid[index], token, position - index + 1, clitic)
            child = node.get(key)
            if child is None:
                break
            node = child
            position += 1
            if _TERMS in node:
                best = self._match(node, solid[index], token, position - index, "")
        return best

    @staticmethod
    def _clitic_end(node: dict, key: str) -> tuple[dict, str] | None:
        for stem, clitic in _clitic_splits(key):
            child = node.get(stem)
            if child is not None and _TERMS in child:
                return child, clitic
        return None

    @staticmethod
    def _match(node: dict, first: Token, last: Token, consumed: int,
               clitic: str) -> tuple[Match, int]:
        concept, term = node[_TERMS][0]
        return Match(concept, term, first.start, last.end, clitic), consumed


@lru_cache(maxsize=65536)
def _clitic_splits(key: str) -> tuple[tuple[str, str], ...]:
    """(stem, clitic) for each enclitic the token may end in, once per spelling."""
    return tuple((key[: -len(clitic)], clitic) for clitic in clitics()
                 if key.endswith(clitic) and len(key) > len(clitic))
