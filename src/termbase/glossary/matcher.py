"""Finding glossary terms in text: case-insensitive, multiword, on token boundaries.

Terms are compiled into a trie keyed by normalised tokens, so matching costs one dict
look-up per token whatever the glossary's size (a 20,000-concept glossary costs no more
per word than a 60-concept one). Aho-Corasick over characters would also need
token-boundary and clitic handling on top; the token trie gives both directly. The last
word of a match may carry an enclitic (kerja samanya, kemitraannya).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.lang.morphology import clitics
from termbase.lang.tokens import Kind, Token, tokenize
from termbase.model import Concept, Term


def normalise(token_text: str) -> str:
    return (
        token_text.casefold()
        .replace("\u2019", "'")
        .replace("\u2010", "-")
        .replace("\u2011", "-")
    )


def term_tokens(text: str) -> list[str]:
    return [normalise(t.text) for t in tokenize(text) if t.kind is not Kind.SPACE]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    terms: list[tuple[Concept, Term]] = field(default_factory=list)


@dataclass(frozen=True)
class Match:
    concept: Concept
    term: Term
    start: int
    end: int
    clitic: str = ""


class TermMatcher:
    def __init__(self, entries: list[tuple[Concept, Term]]):
        self._root = _Node()
        for concept, term in entries:
            node = self._root
            for key in term_tokens(term.text):
                node = node.children.setdefault(key, _Node())
            if node is not self._root:
                node.terms.append((concept, term))

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
            node = node.children.get(key)
            if node is None:
                break
            position += 1
            if node.terms:
                best = self._match(node, solid[index], token, position - index, "")
        return best

    @staticmethod
    def _clitic_end(node: _Node, key: str) -> tuple[_Node, str] | None:
        for clitic in clitics():
            if key.endswith(clitic) and len(key) > len(clitic):
                child = node.children.get(key[: -len(clitic)])
                if child is not None and child.terms:
                    return child, clitic
        return None

    @staticmethod
    def _match(node: _Node, first: Token, last: Token, consumed: int, clitic: str):
        concept, term = node.terms[0]
        return Match(concept, term, first.start, last.end, clitic), consumed
