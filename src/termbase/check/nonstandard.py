"""Spelling: non-standard (tidak baku) forms that KBBI points to a standard form, found in
any inflection (resikonya, dihimbau, mempraktekkan), and meN-/peN- forms that keep a k,
p, t or s KBBI drops (mengkonsumsi, mempengaruhi, mensukseskan).

Hunspell id_ID accepts many of these words (resiko, ijin, mempengaruhi), so nothing here
asks Hunspell whether the written word is right; it is asked only whether a stem is a
word, and whether a word that looks prefixed is really a root (mentega, pentas).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from termbase.check.rules import match_case, rule
from termbase.data import word_list, word_set
from termbase.errors import InputError
from termbase.lang.english import english_speller
from termbase.lang.morphology import clitics, nasal_prefix, splits
from termbase.lang.speller import zipf
from termbase.lang.tokens import Kind, Token, word_parts
from termbase.model import Edit, Finding, Severity

RULE = "spelling/nonstandard"
MIN_AFFIXED_STEM = 4
# A stem must be this common (Zipf) or this long to vouch for an assimilation fault, so
# that a rare dictionary word does not turn a root into a "prefixed" form.
STEM_ZIPF = 2.5
LONG_STEM = 6
_VOWELS = "aeiou"
# Written nasal prefix -> the stem initials KBBI drops after it before a vowel.
_SWALLOWING = (("meng", "k"), ("mem", "p"), ("men", "ts"),
               ("peng", "k"), ("pem", "p"), ("pen", "ts"))


@cache
def standard_forms() -> dict[str, str]:
    """Non-standard form -> standard form, from data/nonstandard.txt."""
    forms = {}
    for entry in word_list("nonstandard"):
        wrong, right = (side.strip() for side in entry.split("|", 1))
        forms[wrong] = right
    return forms


@cache
def _phrases() -> dict[tuple[str, ...], str]:
    return {tuple(key.split()): right for key, right in standard_forms().items() if " " in key}


def _stem_is_word(stem: str, speller) -> bool:
    return len(stem) >= MIN_AFFIXED_STEM and speller.in_dictionary(stem) and (
        zipf(stem) >= STEM_ZIPF or len(stem) >= LONG_STEM)


def listed_standard(word: str, speller) -> str | None:
    """The standard spelling of a lower-case word that is, or is built on, a listed
    non-standard form: resiko -> risiko, resikonya -> risikonya, dihimbau -> diimbau."""
    forms = standard_forms()
    if word in forms:
        return forms[word]
    # A word Hunspell derives from another stem is another word (keruh is no ke- + ruh).
    known_stems = speller.dictionary_stems(word) if speller.in_dictionary(word) else None
    for analysis in splits(word):
        stem = analysis.stem
        if stem == word or stem not in forms or len(stem) < MIN_AFFIXED_STEM:
            continue
        if known_stems is not None and stem not in known_stems:
            continue
        if " " in forms[stem] and analysis.suffix and not analysis.prefix:
            continue  # tandatangani is mostly the tail of a detached di tandatangani
        rebuilt = analysis.rebuilt(forms[stem])
        if rebuilt != word:
            return rebuilt
    return None


def _is_memper_form(base: str, speller) -> bool:
    """memper-/mempe-/mempel- + a word (memperhatikan, mempekerjakan, mempelajari) is
    not meN- + a p-stem."""
    for written in ("memper", "mempel", "mempe"):
        if base.startswith(written):
            rest = base[len(written):]
            candidates = [rest] + [rest[: -len(s)] for s in ("kan", "i") if rest.endswith(s)]
            if any(len(c) >= 3 and speller.in_dictionary(c) and zipf(c) >= STEM_ZIPF
                   for c in candidates):
                return True
    return False


def assimilated(word: str, speller) -> tuple[str, str] | None:
    """(the KBBI form, the stem) of a lower-case meN-/peN- word that keeps the stem's
    first k, p, t or s before a vowel: mengkonsumsi -> (mengonsumsi, konsumsi)."""
    exceptions = word_set("assimilation_exceptions")
    bases = [(word, "")] + [(word[: -len(c)], c) for c in clitics()
                            if word.endswith(c) and len(word) - len(c) >= 5]
    for base, clitic in bases:
        if speller.in_dictionary(base) and base in speller.dictionary_stems(base):
            return None  # a root that merely looks prefixed: mentega, pentas, mengkal
        for written, swallowed in _SWALLOWING:
            rest = base[len(written):]
            if not base.startswith(written) or len(rest) < 2:
                continue
            if rest[0] not in swallowed or rest[1] not in _VOWELS:
                continue
            if written == "mem" and _is_memper_form(base, speller):
                return None
            stem_suffixes = [(rest, "")] + [(rest[: -len(s)], s) for s in ("kan", "an", "i")
                                     if rest.endswith(s)]
            if any(stem in exceptions for stem, _ in stem_suffixes):
                return None
            for stem, suffix in stem_suffixes:
                if _stem_is_word(stem, speller):
                    return nasal_prefix(written[:2], stem) + suffix + clitic, stem
    return None


@lru_cache(maxsize=100_000)
def _standard_word(word: str, speller) -> tuple[str, str] | None:
    """(standard form, message) for a lower-case word, hyphenated parts one by one.
    Cached: an article repeats its words, and a desk checks article after article."""
    parts = word_parts(word)
    if len(parts) > 1:
        fixed = [_standard_word(part, speller) for part in parts]
        if not any(fixed):
            return None
        joined = "-".join(f[0] if f else part for f, part in zip(fixed, parts, strict=True))
        return joined, next(f[1] for f in fixed if f)
    listed = listed_standard(word, speller)
    if listed is not None:
        return listed, f"non-standard form {word!r}: KBBI writes {listed!r}"
    found = assimilated(word, speller)
    if found is not None:
        form, stem = found
        return form, (f"{word!r}: meN-/peN- drops the {stem[0]!r} of {stem!r} before a "
                      f"vowel (KBBI): {form!r}")
    shortened = shortened_prefix(word, speller)
    if shortened is not None:
        form, stem = shortened
        return form, (f"{word!r}: ber-/ter- lose their r before {stem!r}, whose first "
                      f"syllable ends in -er (KBBI): {form!r}")
    return None


# ber-/ter- + a stem whose first syllable is C + er + C: bekerja, beternak, bepergian,
# tepercaya (KBBI), not berkerja, berpergian, terpercaya.
_ER_SYLLABLE = re.compile(r"[^aeiou]er[^aeiou]")


def shortened_prefix(word: str, speller) -> tuple[str, str] | None:
    """(the KBBI form, the stem) of a ber-/ter- word that keeps the r before a stem such
    as kerja or pergi: berpergian -> (bepergian, pergi)."""
    for prefix in ("ber", "ter"):
        rest = word[len(prefix):]
        if not word.startswith(prefix) or not _ER_SYLLABLE.match(rest):
            continue
        stems = [rest] + [rest[: -len(s)] for s in ("an", "kan", "i", "nya")
                          if rest.endswith(s)]
        if any(len(stem) >= 4 and speller.in_dictionary(stem) and zipf(stem) >= STEM_ZIPF
               and not speller.in_dictionary(word) for stem in stems):
            stem = next(stem for stem in stems if speller.in_dictionary(stem))
            shortened = prefix[:-1] + rest
            if speller.in_dictionary(shortened):
                return shortened, stem
    return None


def _sentence_words(sentence) -> list[Token]:
    return [t for t in sentence.tokens if t.kind is Kind.WORD]


def _looks_english(words: list[Token], index: int, ctx) -> bool:
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


def _word_findings(doc, ctx):
    sentences = [_sentence_words(s) for s in doc.sentences()]
    names_inside = {w.text for words in sentences for w in words[1:] if w.text[:1].isupper()}
    for words in sentences:
        for index, token in enumerate(words):
            text = token.text
            if any(ch.isdigit() for ch in text) or (text.isupper() and len(text) > 1):
                continue
            if any(ch.isupper() for ch in text[1:]):
                continue  # brand or acronym: iPhone, KTPnya
            lower = text.lower()
            if text[:1].isupper():
                proper = standard_forms().get(lower, "")
                if proper[:1].isupper() and not _inside_name(words, index):
                    found = (proper, f"non-standard form {text!r}: KBBI writes {proper!r}")
                elif index and " " in proper and lower not in ctx.glossary_words:
                    # A compound KBBI writes apart stays apart in a name or title:
                    # Walikota Depok -> Wali Kota Depok.
                    found = (proper, f"non-standard form {text!r}: KBBI writes {proper!r}")
                elif index == 0 and not _is_name(words, index, names_inside):
                    found = _standard_word(lower, ctx.speller)
                else:
                    continue  # a name inside a sentence: Apotik Sehat
            else:
                found = _standard_word(lower, ctx.speller)
            if found is None or _looks_english(words, index, ctx):
                continue
            form, message = found
            message = message.replace(repr(lower), repr(text), 1)
            replacement = match_case(text, form)
            if index and text[:1].isupper() and " " in form:
                replacement = form.title()  # a title inside a sentence: Wali Kota Depok
            yield Finding(RULE, Severity.ERROR, message, token.start, token.end, text,
                          [replacement], Edit(token.start, token.end, replacement))


def _phrase_findings(doc):
    phrases = _phrases()
    longest = max((len(key) for key in phrases), default=0)
    for sentence in doc.sentences():
        tokens = sentence.tokens
        for i, first in enumerate(tokens):
            if first.kind is not Kind.WORD:
                continue
            for size in range(longest, 1, -1):
                span = tokens[i : i + 2 * size - 1]
                if len(span) < 2 * size - 1 or not all(
                    t.kind is Kind.WORD if j % 2 == 0 else t.text == " "
                    for j, t in enumerate(span)
                ):
                    continue
                key = tuple(t.text.lower() for t in span[::2])
                if key in phrases and not span[-1].text[:1].isupper():
                    text = doc.text[first.start : span[-1].end]
                    replacement = match_case(text, phrases[key])
                    yield Finding(RULE, Severity.ERROR,
                                  f"non-standard form {text!r}: KBBI writes {phrases[key]!r}",
                                  first.start, span[-1].end, text, [replacement],
                                  Edit(first.start, span[-1].end, replacement))
                    break


def nonstandard_findings(doc, ctx) -> list[Finding]:
    """This rule's findings, computed once per document (spelling/unknown-word skips
    the words they cover)."""
    if "nonstandard" not in doc.shared:
        findings = [*_phrase_findings(doc), *_word_findings(doc, ctx)]
        doc.shared["nonstandard"] = sorted(findings, key=lambda f: (f.start, f.end))
    return doc.shared["nonstandard"]


def nonstandard_starts(doc, ctx) -> frozenset[int]:
    """Offsets of the word tokens this rule reports."""
    if "nonstandard_starts" not in doc.shared:
        spans = [(f.start, f.end) for f in nonstandard_findings(doc, ctx)]
        doc.shared["nonstandard_starts"] = frozenset(
            t.start for t in doc.tokens()
            if t.kind is Kind.WORD and any(s <= t.start < e for s, e in spans))
    return doc.shared["nonstandard_starts"]


@rule(RULE, Severity.ERROR,
      "A non-standard (tidak baku) form KBBI points to a standard one, in any inflection, "
      "or a meN-/peN- form that keeps a k, p, t or s KBBI drops.",
      "resikonya dihimbau", "risikonya diimbau")
def nonstandard(doc, ctx):
    yield from nonstandard_findings(doc, ctx)
