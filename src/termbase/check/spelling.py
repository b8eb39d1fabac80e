"""Spelling: words Hunspell id_ID, the morphology and the accept lists do not know."""

from __future__ import annotations

from termbase.check.rules import rule
from termbase.glossary.matcher import normalise
from termbase.lang.morphology import is_reduplication
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
    return [
        part for part in parts
        if len(part) > 1 and not part[:1].isupper() and not ctx.speller.is_correct(part)
    ]


def _suggestions(token: Token, bad_parts: list[str], ctx) -> list[str]:
    if len(bad_parts) == 1 and bad_parts[0] != token.text:
        bad = bad_parts[0]
        return [token.text.replace(bad, fix, 1) for fix in ctx.speller.suggest(bad)]
    return ctx.speller.suggest(token.text)


@rule("spelling/unknown-word", Severity.ERROR,
      "A word that is not Indonesian as spelt (Hunspell id_ID with affix analysis).",
      "hubungan diplomaltik", "hubungan diplomatik")
def unknown_word(doc, ctx):
    reported_names: set[str] = set()
    for token in doc.tokens():
        if token.kind is not Kind.WORD or any(ch.isdigit() for ch in token.text):
            continue
        text = token.text
        if _is_acronym_or_brand(text) or normalise(text) in ctx.glossary_words:
            continue
        if ctx.speller.accepts(text):
            continue
        if text[:1].isupper():
            if text not in reported_names and not ctx.speller.is_correct(text):
                reported_names.add(text)
                yield Finding("spelling/unknown-name", Severity.INFO,
                              f"{text!r} is not in the dictionary; a name? add it to the "
                              "accept list if it is right", token.start, token.end, text)
            continue
        bad_parts = _unknown_parts(text, ctx)
        if bad_parts:
            yield Finding("spelling/unknown-word", Severity.ERROR,
                          f"unknown word {text!r}", token.start, token.end, text,
                          _suggestions(token, bad_parts, ctx))


# Registered here so that it can be selected and documented; it is produced above.
rule("spelling/unknown-name", Severity.INFO,
     "A capitalised word the dictionary lacks: probably a name, reported once as info.",
     "Presiden Tokayev", "(accept list: Tokayev)")(lambda doc, ctx: ())
