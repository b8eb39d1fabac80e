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

# Plain text: many outlets write one paragraph per line with no blank line between, so
# any line break ends a paragraph. Markdown soft-wraps its paragraphs: only a blank line
# (one holding at most spaces, tabs, no-break spaces) ends one there.
_LINE_BREAK = re.compile(r"\n\s*")
_BLANK_LINE_BREAK = re.compile(r"\n[ \t\u00a0\r]*\n\s*")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Tried only where a run of marks starts: from each mark of a long run (.......) the
# run was scanned to its end again, time in its length squared.
_CANDIDATE_BREAK = re.compile(
    r"(?<![.!?…])[.!?…]+[”’\"')\]]*(?P<gap>\s+)(?=[\"“‘'(\[]?[^\W_a-z])"
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


def lines_are_paragraphs(path: str) -> bool:
    """Whether a single line break ends a paragraph in the file at path: yes in plain
    text (.txt, standard input, anything not Markdown), no in Markdown."""
    return not path.lower().endswith(MARKDOWN_SUFFIXES)


def paragraph_spans(text: str, line_paragraphs: bool = True) -> list[tuple[int, int]]:
    """Spans of the paragraphs, leading/trailing space trimmed: the lines of plain text,
    or the blank-line-separated blocks when line_paragraphs is False (Markdown)."""
    breaks = _LINE_BREAK if line_paragraphs else _BLANK_LINE_BREAK
    spans = []
    position = 0
    for match in breaks.finditer(text):
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


def _may_break(text: str, match: re.Match[str], floor: int,
               more_abbreviations: frozenset[str]) -> bool:
    marks = match.group()
    if not marks.startswith("."):
        return True
    word = _word_before_period(text, match.start(), floor)
    if word in word_set("abbreviations_final"):
        return True  # dll., dsb.: the candidate already has a capital after it
    if word in word_set("abbreviations") or word in more_abbreviations:
        return False
    return not _DOTTED_INITIALS.match(word)


def sentence_spans(text: str, start: int, end: int,
                   more_abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentences of text[start:end]. more_abbreviations: words (without the period)
    after which a period does not end a sentence either, besides the Indonesian ones:
    English text passes data/abbreviations_en.txt (Mr, Gen, Sept)."""
    spans = []
    position = start
    for match in _CANDIDATE_BREAK.finditer(text, start, end):
        if _may_break(text, match, position, more_abbreviations):
            gap = match.start("gap")
            spans.append((position, gap))
            position = match.end("gap")
    if position < end:
        spans.append((position, end))
    return spans


def segment(text: str, line_paragraphs: bool = True) -> list[Paragraph]:
    """Paragraphs, each with its sentences and their tokens. A line break ends a
    paragraph unless line_paragraphs is False (Markdown: blank lines only)."""
    paragraphs = []
    for p_start, p_end in paragraph_spans(text, line_paragraphs):
        sentences = [
            Sentence(s, e, text[s:e], tokenize(text, s, e))
            for s, e in sentence_spans(text, p_start, p_end)
        ]
        paragraphs.append(Paragraph(p_start, p_end, sentences))
    return paragraphs


def words(tokens: list[Token]) -> list[Token]:
    return [token for token in tokens if token.kind is Kind.WORD]
