"""Lines of a document as rules of sentence shape see them.

Many outlets write one paragraph per line with no blank line between, and a title or
a dateline on a line of its own with no full stop. The EYD rules about sentence starts
and sentence ends therefore read the text line by line, whatever the segmenter made
of it: a sentence never runs over a line break here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from termbase.check.document import per_document
from termbase.data import word_set
from termbase.lang.tokens import Kind, Token

if TYPE_CHECKING:
    from termbase.check.document import Document

OPENERS = "\"“‘'([«"
SENTENCE_ENDS = ".!?…"
CLOSERS = "\"”’')]»"
_H = " \t\u00a0\u202f\u2009\u2007"


class Item:
    """A token that is not white space, with what separates it from the one before.
    Its properties are computed once: every rule of sentence shape reads them."""

    __slots__ = ("token", "gap", "text", "is_word", "spaced")

    def __init__(self, token: Token, gap: str):
        self.token = token
        self.gap = gap  # the white space before it ("" when glued or first on the line)
        self.text = token.text
        self.is_word = token.kind is Kind.WORD
        # One ordinary space (or no-break space) before it.
        self.spaced = len(gap) == 1 and gap in _H


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    items: list[Item]

    @cached_property
    def ends_sentence(self) -> bool:
        """The line ends in . ! ? … (possibly inside closing quotes or brackets)."""
        return self.text.rstrip().rstrip(CLOSERS)[-1:] in tuple(SENTENCE_ENDS)

    def words(self) -> list[Item]:
        return self._words

    # Cached: every rule of capitals and sentence shape asks of every line.
    @cached_property
    def _words(self) -> list[Item]:
        return [item for item in self.items if item.is_word]

    @cached_property
    def is_heading(self) -> bool:
        """A title, subheading or caption: most of its longer words capitalised. A line
        ending in . ! ? is a heading only when short and nearly all capitalised (a
        headline question: "Mau Pilih Dialog atau Konfrontasi?")."""
        words = [item.text for item in self.words() if len(item.text) > 3]
        if not words:
            return not self.ends_sentence
        capitalised = sum(1 for word in words if word[:1].isupper())
        if self.ends_sentence:
            return len(self.words()) <= 12 and capitalised >= 0.75 * len(words)
        return capitalised * 2 >= len(words)


def is_title_case_headline(line: Line) -> bool:
    """A headline in title case: no sentence end, and three or more longer words nearly
    all capitalised. Stricter than is_heading: a capital there says nothing of names."""
    words = [item.text for item in line.words() if len(item.text) > 3]
    capitalised = sum(1 for word in words if word[:1].isupper() and not word.isupper())
    return not line.ends_sentence and len(words) >= 3 and capitalised >= 0.75 * len(words)


@per_document
def headline_words(doc: Document) -> frozenset[int]:
    """Starts of the words of the document's title-case headlines, computed once."""
    return frozenset(
        item.token.start for line in lines(doc) if is_title_case_headline(line)
        for item in line.items if item.is_word)


@per_document
def lines(doc: Document) -> list[Line]:
    """The document's non-blank lines with their items, computed once per document:
    every rule of capitals and sentence shape reads them."""
    return list(_read_lines(doc))


def _read_lines(doc: Document) -> Iterator[Line]:
    """Lines built from the document's own tokens (every visible character of the text
    is in a sentence), so the text is not tokenized twice."""
    text = doc.text
    tokens = [token for token in doc.tokens() if token.kind is not Kind.SPACE]
    starts = [token.start for token in tokens]
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        if not match.group().strip():
            continue
        on_line = tokens[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        ends = [start, *(token.end for token in on_line)]
        items = [Item(token, text[before : token.start])
                 for token, before in zip(on_line, ends, strict=False)]
        yield Line(start, end, match.group(), items)


def word_runs(line: Line, index: int, longest: int) -> Iterator[tuple[str, ...]]:
    """The lower-case words from line.items[index] on, one more each time, while they
    are words separated by single spaces, up to `longest` words."""
    words: list[str] = []
    for item in line.items[index : index + longest]:
        if not item.is_word or (words and not item.spaced):
            return
        words.append(item.text.lower())
        yield tuple(words)


def starts_sentence(line: Line, index: int) -> bool:
    """The item opens the line or a sentence, maybe after opening quotes or brackets:
    what comes before it on the line is nothing, or ends with . ! ? … or a colon."""
    position = index - 1
    while position >= 0 and line.items[position].text in OPENERS and (
        not line.items[position + 1].gap
    ):
        position -= 1
    if position < 0:
        return True
    if not line.items[position + 1].gap:
        return False  # glued to what comes before: Rp250.000, detik.com
    before = line.items[position].text
    if before in CLOSERS:
        # "... kata dia.” Lalu" : look through closing quotes to the mark inside.
        while position >= 0 and line.items[position].text in CLOSERS:
            position -= 1
        before = line.items[position].text if position >= 0 else ""
    if before == "." and position > 0 and _is_abbreviation(line.items[position - 1]):
        return False  # "No. 5", "Prof. Budi", "hlm. 12": the period is the abbreviation's
    return before[-1:] in tuple(SENTENCE_ENDS + ":")


def _is_abbreviation(item: Item) -> bool:
    word = item.text
    if not item.is_word:
        return False
    if len(word) == 1:
        return True
    if word.lower() in word_set("abbreviations_final"):
        return False  # dll., dsb. may end a sentence
    return word in word_set("abbreviations") or word.lower() in word_set("abbreviations_period")


def is_clause_start(line: Line, index: int) -> bool:
    """Like starts_sentence, but any punctuation or a bullet before the item also
    counts: after it a capital may open a list item, a quotation or a name list."""
    if starts_sentence(line, index):
        return True
    previous = line.items[index - 1]
    return not previous.is_word or not line.items[index].spaced
