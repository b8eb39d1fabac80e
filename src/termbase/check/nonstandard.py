"""Spelling: non-standard (tidak baku) forms that KBBI points to a standard form, found in
any inflection (resikonya, dihimbau, mempraktekkan), and meN-/peN-/ber-/ter- forms that
keep a letter KBBI drops (mengkonsumsi, mensukseskan, berpergian). Which word is one is
lang/nonstandard.py's knowledge; this module finds them in a document and reports them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import TYPE_CHECKING

from termbase.check.document import per_document
from termbase.check.lines import headline_words
from termbase.check.rules import Rule, match_case, rule
from termbase.data import word_set
from termbase.errors import InputError
from termbase.lang.english import english_speller
from termbase.lang.nonstandard import phrases, standard_forms, standard_word
from termbase.lang.tokens import Kind, Token
from termbase.model import Edit, Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document
    from termbase.lang.segment import Sentence

RULE = "spelling/nonstandard"
def _sentence_words(sentence: Sentence) -> list[Token]:
    return [t for t in sentence.tokens if t.kind is Kind.WORD]


def _looks_english(words: list[Token], index: int, ctx: CheckContext) -> bool:
    """The word stands among English words (a quoted English phrase): not ours to judge."""
    try:
        english = english_speller()
    except InputError:
        return False
    if not english.knows(words[index].text):
        return False
    neighbours = [words[i].text for i in (index - 1, index + 1) if 0 <= i < len(words)]
    return any(english.knows(n) and not ctx.speller.in_dictionary(n) for n in neighbours)


def _is_name(words: list[Token], index: int, names_inside: set[str]) -> bool:
    """A capitalised sentence opener that is a name: followed by another capitalised word
    (Abdul Rahman) or written capitalised inside a sentence elsewhere in the text."""
    token = words[index]
    following = words[index + 1].text if index + 1 < len(words) else ""
    return following[:1].isupper() or token.text in names_inside


def _inside_name(words: list[Token], index: int) -> bool:
    """Next to another capitalised word (not the sentence's first): part of an official
    name that keeps its old spelling (Institut Teknologi Sepuluh Nopember) or of a
    person's name (Ramadhan Pohan)."""
    previous = words[index - 1].text if index else ""
    # A sentence's first word counts only if it is no function word ("Pada Ramadhan"
    # opens a sentence; "Ahmad Ramadhan" is a name).
    before = previous[:1].isupper() and (
        index > 1 or previous.lower() not in word_set("function_words"))
    after = index + 1 < len(words) and words[index + 1].text[:1].isupper()
    return before or after


def _word_findings(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    sentences = [_sentence_words(s) for s in doc.sentences()]
    # In a title-case headline a capital is no sign of a name (Kementrian Perdagangan).
    headings = headline_words(doc)
    names_inside = {w.text for words in sentences for w in words[1:]
                    if w.text[:1].isupper() and w.start not in headings}
    capitalised_in_body = {w.text for words in sentences for w in words
                           if w.text[:1].isupper() and w.start not in headings}
    verdicts: dict[str, tuple[str, str] | None] = {}  # standard_word, once per spelling
    for words in sentences:
        for index, token in enumerate(words):
            text = token.text
            if not text[1:].islower() and len(text) > 1 or not text.isalpha() and (
                    any(ch.isdigit() for ch in text)):
                continue  # all capitals, a brand or acronym (iPhone, KTPnya), a digit
            lower = text.lower().replace("\u2019", "'")  # Jum’at is jum'at
            found: tuple[str, str] | None  # (standard form, why)
            if text[:1].isupper():
                proper = standard_forms().get(lower, "")
                if proper[:1].isupper() and not _inside_name(words, index):
                    found = (proper, f"{text!r} is non-standard (KBBI)")
                elif index and " " in proper and lower not in ctx.glossary_words:
                    # A compound KBBI writes apart stays apart in a name or title:
                    # Walikota Depok -> Wali Kota Depok.
                    found = (proper, f"{text!r} is non-standard (KBBI)")
                elif token.start in headings and text not in capitalised_in_body or (
                        index == 0 and not _is_name(words, index, names_inside)):
                    found = standard_word(lower, ctx.speller)
                else:
                    continue  # a name inside a sentence: Apotik Sehat
            else:
                if lower not in verdicts:
                    verdicts[lower] = standard_word(lower, ctx.speller)
                found = verdicts[lower]
            if found is None or _looks_english(words, index, ctx):
                continue
            form, why = found
            why = why.replace(repr(lower), repr(text), 1)
            replacement = match_case(text, form)
            if index and text[:1].isupper() and " " in form:
                replacement = form.title()  # a title inside a sentence: Wali Kota Depok
            message = f"write {replacement}: {why}"
            yield Finding(RULE, Severity.ERROR, message, token.start, token.end, text,
                          [replacement], Edit(token.start, token.end, replacement))


def _phrase_findings(doc: Document) -> Iterator[Finding]:
    known = phrases()
    longest = max((len(key) for key in known), default=0)
    openers = {key[0] for key in known}
    for sentence in doc.sentences():
        tokens = sentence.tokens
        for i, first in enumerate(tokens):
            if first.kind is not Kind.WORD or first.text.lower() not in openers:
                continue
            for size in range(longest, 1, -1):
                span = tokens[i : i + 2 * size - 1]
                if len(span) < 2 * size - 1 or not all(
                    t.kind is Kind.WORD if j % 2 == 0 else t.text == " "
                    for j, t in enumerate(span)
                ):
                    continue
                key = tuple(t.text.lower() for t in span[::2])
                if key in known and not span[-1].text[:1].isupper():
                    text = doc.text[first.start : span[-1].end]
                    replacement = match_case(text, known[key])
                    yield Finding(RULE, Severity.ERROR,
                                  f"write {replacement}: {text!r} is non-standard (KBBI)",
                                  first.start, span[-1].end, text, [replacement],
                                  Edit(first.start, span[-1].end, replacement))
                    break


@per_document
def nonstandard_findings(doc: Document, ctx: CheckContext) -> list[Finding]:
    """This rule's findings, computed once per document (spelling/unknown-word skips
    the words they cover)."""
    findings = [*_phrase_findings(doc), *_word_findings(doc, ctx)]
    return sorted(findings, key=lambda f: (f.start, f.end))


@per_document
def nonstandard_starts(doc: Document, ctx: CheckContext) -> frozenset[int]:
    """Offsets of the word tokens this rule reports."""
    starts = [t.start for t in doc.tokens() if t.kind is Kind.WORD]
    found: set[int] = set()
    for finding in nonstandard_findings(doc, ctx):
        first = bisect.bisect_left(starts, finding.start)
        last = bisect.bisect_left(starts, finding.end)
        found.update(starts[first:last])
    return frozenset(found)


@rule(RULE, Severity.ERROR,
      "A non-standard (tidak baku) form KBBI points to a standard one, in any inflection, "
      "or a meN-/peN- form that keeps a k, p, t or s KBBI drops.",
      "resikonya dihimbau", "risikonya diimbau",
      fixable=True)
def nonstandard(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    yield from nonstandard_findings(doc, ctx)


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    nonstandard,
)
