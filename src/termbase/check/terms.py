"""Terminology: driven only by the glossary's statuses."""

from __future__ import annotations

from collections import defaultdict

from termbase.check.rules import match_case, rule
from termbase.glossary.matcher import Match
from termbase.lang.dates import article_date, parse_iso_date
from termbase.model import Edit, Finding, Severity, Status

SUPERSEDED_SINCE = "x-supersededSince"


def _valid_when_written(match: Match, doc) -> bool:
    """A term superseded on a known day was right in an article dated before it
    (Nur Sultan in a dispatch of 14 September 2022)."""
    since = parse_iso_date(match.term.properties.get(SUPERSEDED_SINCE, ""))
    if since is None or match.term.status is not Status.SUPERSEDED:
        return False
    if "article_date" not in doc.shared:
        doc.shared["article_date"] = article_date(doc.text)
    written = doc.shared["article_date"]
    return written is not None and written < since


def _document_matches(doc, ctx) -> list[Match]:
    """Glossary matches of the whole document, shared by both term rules."""
    if "term_matches" not in doc.shared:
        doc.shared["term_matches"] = [
            match for sentence in doc.sentences() for match in ctx.matcher.find(sentence.tokens)
        ]
    return doc.shared["term_matches"]


def _preferred_text(match: Match, ctx, model: str) -> str | None:
    preferred = match.concept.preferred(ctx.language)
    if preferred is None:
        return None
    if model.isupper() and len(model) > 1 and not match.term.text.isupper():
        return (preferred.text + match.clitic).upper()  # KERJASAMA -> KERJA SAMA
    return match_case(model, preferred.text) + match.clitic


@rule("term/deprecated", Severity.ERROR,
      "A deprecated or superseded glossary term; the glossary's preferred term replaces it.",
      "kerjasama kedua negara", "kerja sama kedua negara")
def deprecated(doc, ctx):
    for match in _document_matches(doc, ctx):
        if match.term.status.allowed or _valid_when_written(match, doc):
            continue
        text = doc.text[match.start : match.end]
        replacement = _preferred_text(match, ctx, text)
        status = match.term.status.value
        message = f"{match.term.text!r} is {status} in the glossary ({match.concept.id})"
        if replacement:
            message += f"; use {replacement!r}"
        yield Finding("term/deprecated", Severity.ERROR, message, match.start, match.end, text,
                      [replacement] if replacement else [],
                      Edit(match.start, match.end, replacement) if replacement else None)


@rule("term/inconsistent", Severity.WARNING,
      "One concept written with two different allowed terms in one document, one of them "
      "admitted: keep to the preferred term.",
      "pinjaman lunak ... kredit lunak", "pinjaman lunak ... pinjaman lunak")
def inconsistent(doc, ctx):
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
                f"{names} name one concept ({match.concept.id}) in this document; "
                f"keep to the preferred term",
                match.start, match.end, text,
                [replacement] if replacement else [],
                None,
            )

