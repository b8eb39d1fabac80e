"""Spelling: words Hunspell id_ID, the morphology and the accept lists do not know."""

from __future__ import annotations

from termbase.check.nonstandard import nonstandard_starts
from termbase.check.rules import rule
from termbase.glossary.matcher import normalise
from termbase.lang.edits import weighted_distance
from termbase.lang.morphology import is_reduplication
from termbase.lang.speller import zipf
from termbase.lang.tokens import Kind, Token, word_parts
from termbase.model import Finding, Severity


def _is_acronym_or_brand(text: str) -> bool:
    """SCO, KTPnya, iPhone, McKinsey: capitals after the first letter."""
    return any(ch.isupper() for ch in text[1:])


def _unknown_parts(text: str, ctx) -> list[str]:
    """The parts of a (possibly hyphenated) lower-case word that are misspelt."""
    if ctx.speller.is_correct(text):
        return []
    parts = word_parts(text)
    if len(parts) == 1:
        return parts
    if is_reduplication(text):
        parts = parts[:1] if ctx.speller.is_correct(parts[0]) else parts
    bad = [
        part for part in parts
        if len(part) > 1 and not part[:1].isupper() and not ctx.speller.is_correct(part)
    ]
    return list(dict.fromkeys(bad))


def _suggestions(token: Token, bad_parts: list[str], ctx) -> list[str]:
    if len(bad_parts) == 1 and bad_parts[0] != token.text:
        bad = bad_parts[0]
        fixes = ctx.speller.suggest(bad)
        if is_reduplication(token.text):  # both halves carry the same slip
            return [token.text.replace(bad, fix) for fix in fixes]
        return [token.text.replace(bad, fix, 1) for fix in fixes]
    return ctx.speller.suggest(token.text)


def _checked_words(doc, ctx) -> list[Token]:
    """Word tokens the spelling rules look at: not numbers, acronyms, glossary or
    accepted words. Computed once per document for both spelling rules."""
    if "spelling_words" not in doc.shared:
        doc.shared["spelling_words"] = [
            token for token in doc.tokens()
            if token.kind is Kind.WORD
            and not any(ch.isdigit() for ch in token.text)
            and not _is_acronym_or_brand(token.text)
            and normalise(token.text) not in ctx.glossary_words
            and not ctx.speller.accepts(token.text)
            and token.start not in nonstandard_starts(doc, ctx)
        ]
    return doc.shared["spelling_words"]




# A capitalised word opening a sentence is taken for a misspelling, not a name, only
# when one slip separates it from a common word (Zipf scale, see speller.py).
SLIP = 1.0
SLIP_TARGET_ZIPF = 3.5


def _openers_and_names(doc, ctx) -> tuple[set[int], set[str]]:
    """Offsets of the words that open sentences, and the capitalised words that stand
    inside a sentence somewhere (names)."""
    if "openers" not in doc.shared:
        openers = set()
        for sentence in doc.sentences():
            first = next((t for t in sentence.tokens if t.kind is Kind.WORD), None)
            if first is not None:
                openers.add(first.start)
        names = {t.text for t in _checked_words(doc, ctx)
                 if t.text[:1].isupper() and t.start not in openers}
        doc.shared["openers"] = (openers, names)
    return doc.shared["openers"]


def _is_misspelt_opener(token: Token, ctx, names_inside: set[str]) -> bool:
    text = token.text
    if not text[1:].islower() or text in names_inside or ctx.speller.is_correct(text):
        return False
    best = ctx.speller.suggest(text.lower(), limit=1)
    return bool(best) and (
        weighted_distance(text.lower(), best[0]) <= SLIP and zipf(best[0]) >= SLIP_TARGET_ZIPF
    )


@rule("spelling/unknown-word", Severity.ERROR,
      "A word that is not Indonesian as spelt (Hunspell id_ID with affix analysis).",
      "hubungan diplomaltik", "hubungan diplomatik")
def unknown_word(doc, ctx):
    openers, names_inside = _openers_and_names(doc, ctx)
    for token in _checked_words(doc, ctx):
        if token.text[:1].isupper():
            if token.start in openers and _is_misspelt_opener(token, ctx, names_inside):
                yield Finding("spelling/unknown-word", Severity.ERROR,
                              f"unknown word {token.text!r}", token.start, token.end,
                              token.text, ctx.speller.suggest(token.text))
            continue
        bad_parts = _unknown_parts(token.text, ctx)
        if bad_parts:
            yield Finding("spelling/unknown-word", Severity.ERROR,
                          f"unknown word {token.text!r}", token.start, token.end, token.text,
                          _suggestions(token, bad_parts, ctx))


@rule("spelling/unknown-name", Severity.INFO,
      "A capitalised word the dictionary lacks: probably a name, reported once as info.",
      "Presiden Tokayev", "(accept list: Tokayev)")
def unknown_name(doc, ctx):
    reported: set[str] = set()
    openers, names_inside = _openers_and_names(doc, ctx)
    for token in _checked_words(doc, ctx):
        text = token.text
        if not text[:1].isupper() or text in reported:
            continue
        if token.start in openers and _is_misspelt_opener(token, ctx, names_inside):
            continue  # reported by spelling/unknown-word
        if not ctx.speller.is_correct(text):
            reported.add(text)
            yield Finding("spelling/unknown-name", Severity.INFO,
                          f"{text!r} is not in the dictionary; a name? add it to the "
                          "accept list if it is right", token.start, token.end, text)
