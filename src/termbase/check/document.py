"""A text under check: its segments and the mapping from offsets to lines and columns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, wraps
from typing import Concatenate, ParamSpec, TypeVar, cast

from termbase.lang.segment import Paragraph, Sentence, lines_are_paragraphs, segment
from termbase.lang.tokens import Kind, Token

_NEWLINE = re.compile("\n")

P = ParamSpec("P")
A = TypeVar("A")


@dataclass
class Document:
    path: str
    text: str
    had_bom: bool = False
    # Offsets that rules must not look at (e.g. Markdown code, suppressed regions).
    ignored: list[tuple[int, int]] = field(default_factory=list)
    # What several rules derive from the document (its lines, glossary matches), each
    # computed once: filled by the functions made with per_document, keyed by them.
    _derived: dict[Callable[..., object], object] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    # Whether a single line break ends a paragraph; by default from the path: yes in
    # plain text and standard input, no in Markdown (see lang/segment.py).
    line_paragraphs: bool | None = None

    def __post_init__(self) -> None:
        if self.line_paragraphs is None:
            self.line_paragraphs = lines_are_paragraphs(self.path)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return segment(self.text, bool(self.line_paragraphs))  # decided in __post_init__

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts.extend(match.end() for match in _NEWLINE.finditer(self.text))
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based column (in code points) of an offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)].rstrip("\r")

    def sentences(self) -> Iterator[Sentence]:
        for paragraph in self.paragraphs:
            yield from paragraph.sentences

    @cached_property
    def sentence_openers(self) -> frozenset[int]:
        """Starts of the first word of every sentence."""
        return frozenset(
            next((t.start for t in sentence.tokens if t.kind is Kind.WORD), -1)
            for sentence in self.sentences())

    @cached_property
    def word_pairs(self) -> list[tuple[Token, Token, Token]]:
        """(word, gap, next word) within sentences, the gap spaces (also no-break) or tabs: the
        orthography rules of words written apart all walk these."""
        pairs = []
        for sentence in self.sentences():
            solid = sentence.tokens
            for first, gap, second in zip(solid, solid[1:], solid[2:], strict=False):
                if (first.kind is Kind.WORD and second.kind is Kind.WORD
                        and gap.kind is Kind.SPACE and not gap.text.strip(" \u00a0\t")):
                    pairs.append((first, gap, second))
        return pairs

    @cached_property
    def _tokens(self) -> list[Token]:
        return [token for sentence in self.sentences() for token in sentence.tokens]

    def tokens(self) -> list[Token]:
        return self._tokens

    def is_ignored(self, start: int, end: int) -> bool:
        """Whether the span overlaps an ignored region. Set `ignored` before the first
        question: the answer comes from an index of it, so that a Markdown file with
        thousands of code spans and findings does not compare every pair."""
        if not self.ignored:
            return False  # plain text: nothing to look up
        starts, ends = self._ignored_index
        before = bisect.bisect_left(starts, end)  # the regions that start before its end
        return before > 0 and ends[before - 1] > start

    @cached_property
    def _ignored_index(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the ignored regions, overlapping ones merged: sorted
        disjoint regions, so the last one to start before a span ends reaches furthest."""
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(self.ignored):
            if ends and start < ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return starts, ends


def per_document(compute: Callable[Concatenate[Document, P], A]
                 ) -> Callable[Concatenate[Document, P], A]:
    """`compute`, computed once per document: a later call with the same document
    returns the first answer, of the type `compute` declares. Its other arguments, if
    any, are the check's context, which is one and the same for a document."""

    @wraps(compute)
    def once(doc: Document, *args: P.args, **kwargs: P.kwargs) -> A:
        derived = doc._derived
        if once in derived:
            return cast(A, derived[once])
        value = derived[once] = compute(doc, *args, **kwargs)
        return value

    return once
