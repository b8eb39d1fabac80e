"""Terminology: driven only by the glossary's statuses."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from termbase.check.document import per_document
from termbase.check.rules import Rule, match_case, rule
from termbase.data import word_set
from termbase.glossary.matcher import Match
from termbase.lang.dates import article_date, month_numbers, parse_iso_date
from termbase.model import Edit, Finding, Severity, Status, Term

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document

SUPERSEDED_SINCE = "x-supersededSince"


def valid_when_written(term: Term, written: dt.date | None) -> bool:
    """A term superseded on a known day was right in an article dated before it
    (Nur Sultan in a dispatch of 14 September 2022); not if the article has no date."""
    if term.status is not Status.SUPERSEDED or written is None:
        return False
    since = parse_iso_date(term.properties.get(SUPERSEDED_SINCE, ""))
    return since is not None and written < since


def _valid_when_written(match: Match, doc: Document) -> bool:
    if match.term.status is not Status.SUPERSEDED:
        return False  # the article's date is read only when a term needs it
    return valid_when_written(match.term, _article_date(doc))


@per_document
def _article_date(doc: Document) -> dt.date | None:
    return article_date(doc.text)


# The word straight after a match, across spaces on the same line, no punctuation between.
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][^\W_]*(?:[-'\u2019][^\W_]+)*)")


def _calendar_names() -> frozenset[str]:
    return frozenset(month_numbers().keys() | word_set("weekdays"))


def _part_of_longer_name(match: Match, doc: Document, ctx: CheckContext) -> bool:
    """A glossary name that opens a longer proper name is part of that name, not the
    name itself: Bandara Internasional Nur Sultan Nazarbayev is named after a person,
    and the glossary's Nur Sultan -> Astana does not apply. The sign is a capitalised
    word (not an acronym) straight after the match, on the same line with no
    punctuation between, that is neither a common word nor a day or month name
    ("di Nur Sultan Kamis pagi", "Tiba di Nur Sultan Hari Ini" still name the city)."""
    if not match.term.text[:1].isupper() or match.clitic:
        return False
    following = _NEXT_WORD.match(doc.text, match.end)
    if following is None:
        return False
    word = following.group(1)
    if not word[:1].isupper() or not any(ch.islower() for ch in word[1:]):
        return False
    lower = word.lower()
    return lower not in _calendar_names() and not ctx.speller.in_dictionary(lower)


@per_document
def _document_matches(doc: Document, ctx: CheckContext) -> list[Match]:
    """Glossary matches of the whole document, shared by both term rules."""
    return [match for sentence in doc.sentences() for match in ctx.matcher.find(sentence.tokens)]


def allowed_name_spans(doc: Document, ctx: CheckContext) -> list[tuple[int, int]]:
    """(start, end) of each place, in text order, where the document writes a preferred
    or admitted glossary term that is a name (it opens with a capital) exactly as the
    glossary writes it."""
    return [(match.start, match.end) for match in _document_matches(doc, ctx)
            if match.term.status.allowed and not match.clitic
            and match.term.text[:1].isupper()
            and doc.text[match.start : match.end] == match.term.text]


def _preferred_text(match: Match, ctx: CheckContext, model: str) -> str | None:
    preferred = match.concept.preferred(ctx.language)
    if preferred is None:
        return None
    if model.isupper() and len(model) > 1 and not match.term.text.isupper():
        return (preferred.text + match.clitic).upper()  # KERJASAMA -> KERJA SAMA
    if model == match.term.text:
        # Written as the glossary writes it: so is the replacement. Copying the capitals
        # word by word would make Jalur Sutra Baru -> Sabuk Dan Jalan.
        return preferred.text + match.clitic
    return match_case(model, preferred.text) + match.clitic


@rule("term/deprecated", Severity.ERROR,
      "A deprecated or superseded glossary term; the glossary's preferred term replaces it.",
      "kerjasama kedua negara", "kerja sama kedua negara",
      fixable=True)
def deprecated(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for match in _document_matches(doc, ctx):
        if match.term.status.allowed or _valid_when_written(match, doc):
            continue
        if _part_of_longer_name(match, doc, ctx):
            continue
        text = doc.text[match.start : match.end]
        replacement = _preferred_text(match, ctx, text)
        status = match.term.status.value
        why = f"{match.term.text!r} is {status} in the glossary ({match.concept.id})"
        message = f"write {replacement}: {why}" if replacement else f"replace it: {why}"
        yield Finding("term/deprecated", Severity.ERROR, message, match.start, match.end, text,
                      [replacement] if replacement else [],
                      Edit(match.start, match.end, replacement) if replacement else None)


@rule("term/inconsistent", Severity.WARNING,
      "One concept written with two different allowed terms in one document, one of them "
      "admitted: keep to the preferred term.",
      "pinjaman lunak ... kredit lunak", "pinjaman lunak ... pinjaman lunak")
def inconsistent(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    uses = defaultdict(list)
    for match in _document_matches(doc, ctx):
        if match.term.status.allowed and not match.term.is_short_form:
            uses[match.concept.id].append(match)
    for concept_matches in uses.values():
        variants = {m.term.text.casefold(): m.term for m in concept_matches}
        if len(variants) < 2 or all(t.status is Status.PREFERRED for t in variants.values()):
            continue
        names = " / ".join(sorted({t.text for t in variants.values()}))
        for match in concept_matches:
            text = doc.text[match.start : match.end]
            replacement = None
            if match.term.status is not Status.PREFERRED:
                replacement = _preferred_text(match, ctx, text)
            yield Finding(
                "term/inconsistent", Severity.WARNING,
                f"keep to the preferred term: {names} name one concept "
                f"({match.concept.id}) in this document",
                match.start, match.end, text,
                [replacement] if replacement else [],
                None,
            )


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    deprecated,
    inconsistent,
)
