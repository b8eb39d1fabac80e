"""Paragraphs and sentences of Indonesian text, with exact offsets.

Neither sacremoses nor OmegaT's default SRX has Indonesian rules, so the sentence
breaker is ours: a break after . ! ? (and closing quotes or brackets) before a capital,
digit or opening quote, except after an abbreviation from data/abbreviations.txt,
an initial (A.H. Nasution) or a dotted abbreviation (a.n., s.d., S.H.).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termbase.data import word_set
from termbase.lang.tokens import Kind, Token, tokenize

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n\s*")
_CANDIDATE_BREAK = re.compile(
    r"[.!?…]+[”’\"')\]]*(?P<gap>\s+)(?=[\"“‘'(\[]?[^\W_a-z])"
)
_DOTTED_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)*[^\W\d_]$")
_OPENERS = "\"“‘'([«"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    sentences: list[Sentence]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the blank-line-separated blocks of text, leading/trailing space trimmed."""
    spans = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    trimmed = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def _word_before_period(text: str, period: int, floor: int) -> str:
    start = period
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return text[start:period].lstrip(_OPENERS)


def _may_break(text: str, match: re.Match[str], floor: int) -> bool:
    marks = match.group()
    if not marks.startswith("."):
        return True
    word = _word_before_period(text, match.start(), floor)
    if word in word_set("abbreviations_final"):
        return True  # dll., dsb.: the candidate already has a capital after it
    if word in word_set("abbreviations"):
        return False
    return not _DOTTED_INITIALS.match(word)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for match in _CANDIDATE_BREAK.finditer(text, start, end):
        if _may_break(text, match, position):
            gap = match.start("gap")
            spans.append((position, gap))
            position = match.end("gap")
    if position < end:
        spans.append((position, end))
    return spans


def segment(text: str) -> list[Paragraph]:
    """Paragraphs, each with its sentences and their tokens."""
    paragraphs = []
    for p_start, p_end in paragraph_spans(text):
        sentences = [
            Sentence(s, e, text[s:e], tokenize(text, s, e))
            for s, e in sentence_spans(text, p_start, p_end)
        ]
        paragraphs.append(Paragraph(p_start, p_end, sentences))
    return paragraphs


def words(tokens: list[Token]) -> list[Token]:
    return [token for token in tokens if token.kind is Kind.WORD]
