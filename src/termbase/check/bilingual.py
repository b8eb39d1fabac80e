"""Bilingual checks: each translation against its source, in XLIFF, TMX and PO files.

The rules here look at units (an Indonesian source and its English target), so they
run on a `BilingualCheck` rather than a Document; their names are `bilingual/...`,
selectable like any rule, and the engine (check/engine.py) runs them in the same loop.
The Indonesian document rules also run, on the sources: all the sources of the file form
one Indonesian document (one paragraph per unit, `BilingualCheck.sources`), so per-file
rules (term/inconsistent, spelling/unknown-name) see the whole file.

Every finding is placed in the bilingual file itself: its offsets are those of the
characters of the target (or, for the Indonesian rules, the source) in the file, so the
renderers print the file's own lines and columns. Findings carry no fixes: `--fix`
never edits a bilingual file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from termbase.check.context import CheckContext
from termbase.check.document import Document
from termbase.check.rules import Rule, bilingual_rule
from termbase.check.terms import valid_when_written
from termbase.formats.bilingual import BilingualFile, LocatedText, LocatedUnit
from termbase.glossary.matcher import Match
from termbase.lang import english
from termbase.lang.dates import article_date
from termbase.lang.numbers import quantities, spelled_numbers, unmatched
from termbase.model import Concept, Finding, Severity, Term

# --- What the rules share -------------------------------------------------------------------

@dataclass(frozen=True)
class EnglishTerm:
    concept: Concept
    term: Term
    stems: tuple[str, ...]
    exact: tuple[str, ...] | None  # short forms (acronyms) match in their own case


@dataclass(frozen=True)
class JoinedTexts:
    """Located texts (the sources, or the targets, of a file) joined into one document,
    one paragraph each, whatever line breaks they hold; and the one mapping of its
    offsets back to the characters of the file."""

    document: Document
    texts: list[LocatedText]
    starts: list[int]  # where each text starts in the document

    @classmethod
    def of(cls, path: str, texts: list[LocatedText]) -> JoinedTexts:
        starts, position = [], 0
        for located in texts:
            starts.append(position)
            position += len(located.text) + 2
        text = "\n\n".join(located.text for located in texts)
        return cls(Document(path, text, line_paragraphs=False), texts, starts)

    def index(self, offset: int) -> int:
        """Which text holds an offset of the document."""
        return bisect.bisect_right(self.starts, offset) - 1

    def in_file(self, found: Finding, rule: str | None = None, severity: Severity | None = None,
                message: str | None = None) -> Finding:
        """A finding on the document placed at its characters in the file, at least one
        character long and within its text (a finding at a joint ends there); renamed,
        if asked. It carries no fix: --fix never edits a bilingual file."""
        index = self.index(found.start)
        located = self.texts[index]
        start = found.start - self.starts[index]
        end = min(found.end - self.starts[index], len(located.text))
        return place(found.rule if rule is None else rule,
                     found.severity if severity is None else severity,
                     found.message if message is None else message,
                     located, start, max(end, start + 1), found.suggestions)


def place(rule: str, severity: Severity, message: str, located: LocatedText,
          start: int | None = None, end: int | None = None,
          suggestions: Iterable[str] = ()) -> Finding:
    """A finding on located.text[start:end] (the whole text by default), placed at those
    characters in the file."""
    start = 0 if start is None else start
    end = len(located.text) if end is None else end
    file_start, file_end = located.span(start, end)
    return Finding(rule, severity, message, file_start, file_end, located.text[start:end],
                   list(suggestions), None)


class BilingualCheck:
    """One bilingual file under check, with what several rules derive from it."""

    def __init__(self, file: BilingualFile, ctx: CheckContext,
                 document_rules: Sequence[Rule[Document]] = ()):
        self.file = file
        self.ctx = ctx
        self.units: list[LocatedUnit] = file.units
        # The monolingual rules, for those that run on the targets (bilingual/typography).
        self.document_rules = document_rules

    def finding(self, rule: str, severity: Severity, message: str, located: LocatedText,
                start: int | None = None, end: int | None = None,
                suggestions: Iterable[str] = ()) -> Finding:
        return place(rule, severity, message, located, start, end, suggestions)

    @cached_property
    def sources(self) -> JoinedTexts:
        """The Indonesian side: all sources as one document, one paragraph per unit."""
        return JoinedTexts.of(self.file.path, [unit.source for unit in self.units])

    @cached_property
    def targets(self) -> JoinedTexts:
        """The English side, likewise."""
        return JoinedTexts.of(self.file.path, [unit.target for unit in self.units])

    @cached_property
    def source_terms(self) -> list[list[Match]]:
        """Glossary matches in each unit's source (offsets in the source document)."""
        per_unit: list[list[Match]] = [[] for _ in self.units]
        for sentence in self.sources.document.sentences():
            for match in self.ctx.matcher.find(sentence.tokens):
                per_unit[self.sources.index(match.start)].append(match)
        return per_unit

    @cached_property
    def english_terms(self) -> dict[str, list[EnglishTerm]]:
        """Every English term of the glossary, by the stem of its first word."""
        index: dict[str, list[EnglishTerm]] = defaultdict(list)
        for concept, term in self.ctx.glossary.terms("en"):
            term_words = english.words(term.text)
            if not term_words:
                continue
            exact = (tuple(english.without_possessive(w.text) for w in term_words)
                     if term.is_short_form else None)
            entry = EnglishTerm(concept, term, tuple(w.stem for w in term_words), exact)
            index[entry.stems[0]].append(entry)
        return index

    @cached_property
    def english_allowed(self) -> dict[str, list[EnglishTerm]]:
        """The allowed English terms of each concept."""
        allowed: dict[str, list[EnglishTerm]] = defaultdict(list)
        for concept_id, entries in self.english_any.items():
            allowed[concept_id] = [e for e in entries if e.term.status.allowed]
        return allowed

    @cached_property
    def english_any(self) -> dict[str, list[EnglishTerm]]:
        """Every English term of each concept, deprecated ones too."""
        by_concept: dict[str, list[EnglishTerm]] = defaultdict(list)
        for entries in self.english_terms.values():
            for entry in entries:
                by_concept[entry.concept.id].append(entry)
        return by_concept

    @cached_property
    def english_term_words(self) -> frozenset[str]:
        words: set[str] = set()
        for entries in self.english_terms.values():
            for entry in entries:
                words.update(w.text.casefold() for w in english.words(entry.term.text))
        for word in self.ctx.glossary_words:
            words.update(re.split(r"[-\u2010\u2011]", word))
        return frozenset(words)

    @cached_property
    def written(self) -> dt.date | None:
        """The date of the article (from its dateline in the first sources), if any."""
        return article_date(self.sources.document.text)


def _normalised(text: str) -> str:
    """What the consistency rules compare: the wording, its quotes and dashes written
    one way (typography is the typography rules' to judge)."""
    return english.typographic_form(text)


def _has_target(unit: LocatedUnit) -> bool:
    return bool(unit.target.text.strip())


# The typographic form changes marks and spaces only, never a letter or a digit.
_WORDS_ONLY = re.compile(r"[\W_]+")
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-Z]{2,}(?![^\W\d_])")


def _is_untranslated(unit: LocatedUnit) -> bool:
    """Target identical to source, and the source has a word to translate: some
    lower-case word, not only names, acronyms and numbers."""
    if _WORDS_ONLY.sub("", unit.source.text) != _WORDS_ONLY.sub("", unit.target.text):
        return False  # other words: no need to normalise the punctuation
    source = _normalised(unit.source.text)
    return (bool(source) and source == _normalised(unit.target.text)
            and any(word.islower() for word in _LOWER_WORD.findall(source)))


def _at(words: list[english.Word], index: int, entry: EnglishTerm, tolerant: bool) -> bool:
    size = len(entry.stems)
    if index + size > len(words):
        return False
    found = words[index:index + size]
    if entry.exact is not None:  # MoU, MoUs, MoU's
        return all(english.without_possessive(w.text) in (exact, exact + "s")
                   for w, exact in zip(found, entry.exact, strict=True))
    return all(_same_word(w.stem, stem, tolerant) for w, stem in zip(found, entry.stems,
                                                                     strict=True))


def _same_word(found: str, wanted: str, tolerant: bool) -> bool:
    """Same stem; with tolerance, for a word of five letters or more, a word that starts
    with all of it but its last three letters, and at least its first four (cooperation ~
    cooperate, China ~ Chinese)."""
    if found == wanted:
        return True
    if not tolerant or len(wanted) < 5:
        return False
    keep = max(4, len(wanted) - 3)
    return len(found) >= keep and found[:keep] == wanted[:keep]


def _contains(words: list[english.Word], entry: EnglishTerm) -> bool:
    return any(_at(words, i, entry, tolerant=True) for i in range(len(words)))


def _english_matches(check: BilingualCheck, words: list[english.Word]
                     ) -> Iterator[tuple[int, int, EnglishTerm]]:
    """Leftmost-longest English glossary terms in a target: (first, end, entry)."""
    index = 0
    while index < len(words):
        candidates = [e for e in check.english_terms.get(words[index].stem, ())
                      if _at(words, index, e, tolerant=False)]
        if not candidates:
            index += 1
            continue
        best = max(candidates, key=lambda e: len(e.stems))
        yield index, index + len(best.stems), best
        index += len(best.stems)


# --- The rules ----------------------------------------------------------------------------

@bilingual_rule(
    "bilingual/missing-term", Severity.ERROR,
    "A glossary term in the source whose concept has an English term, none of which the "
    "target has.",
    "Kedua negara memperkuat kerja sama ekonomi. | The two countries strengthened "
    "economic ties.",
    "Kedua negara memperkuat kerja sama ekonomi. | The two countries strengthened "
    "economic cooperation.")
def missing_term(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    document = check.sources.document
    for unit, matches in zip(check.units, check.source_terms, strict=True):
        if not _has_target(unit) or _is_untranslated(unit):
            continue
        target_words = english.words(unit.target.text)
        seen = set()
        for match in matches:
            concept = match.concept
            allowed = check.english_allowed.get(concept.id)
            if concept.id in seen or not allowed:
                continue
            written = document.text[match.start:match.end]
            if match.term.is_short_form and not written.startswith(match.term.text):
                continue  # "as" is not the acronym AS
            seen.add(concept.id)
            # A deprecated English variant is bilingual/deprecated-term's to report.
            if any(_contains(target_words, entry) for entry in check.english_any[concept.id]):
                continue
            preferred = concept.preferred("en") or allowed[0].term
            yield check.finding(
                "bilingual/missing-term", Severity.ERROR,
                f"use {preferred.text!r}" + _others(allowed, preferred) + " in the target: "
                f"the source has {written!r} ({concept.id})",
                unit.target, suggestions=[preferred.text])


def _others(allowed: list[EnglishTerm], preferred: Term) -> str:
    others = sorted({e.term.text for e in allowed} - {preferred.text})
    return f" (or {', '.join(repr(o) for o in others)})" if others else ""


@bilingual_rule(
    "bilingual/deprecated-term", Severity.ERROR,
    "A deprecated or superseded English glossary term in the target.",
    "Bantuan untuk negara berkembang. | Aid for Third World countries.",
    "Bantuan untuk negara berkembang. | Aid for developing countries.")
def deprecated_term(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    for unit in check.units:
        words = english.words(unit.target.text)
        for first, end, entry in _english_matches(check, words):
            term = entry.term
            if term.status.allowed or valid_when_written(term, check.written):
                continue
            preferred = entry.concept.preferred("en")
            why = f"{term.text!r} is {term.status.value} in the glossary ({entry.concept.id})"
            message = (f"write {preferred.text}: {why}" if preferred is not None
                       else f"replace it: {why}")
            yield check.finding("bilingual/deprecated-term", Severity.ERROR, message,
                                unit.target, words[first].start, words[end - 1].end,
                                [preferred.text] if preferred else [])


@bilingual_rule(
    "bilingual/number-mismatch", Severity.ERROR,
    "A number, percentage, date or time of the source that the target lacks or changes "
    "(Indonesian 1.000,5 = English 1,000.5; miliar = billion; 14/9 = September 14).",
    "Nilainya US$1,2 miliar. | It is worth US$1.3 billion.",
    "Nilainya US$1,2 miliar. | It is worth US$1.2 billion.")
def number_mismatch(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    for unit in check.units:
        if not _has_target(unit):
            continue
        source, target = unit.source.text, unit.target.text
        missing, extra = unmatched(quantities(source, "id"), quantities(target, "en"),
                                   spelled_numbers(source), spelled_numbers(target))
        described = ", ".join(f"{q.text!r} ({q.describe()})" for q in missing)
        for quantity in extra:
            written = f"{quantity.text!r} ({quantity.describe()})"
            message = (f"correct {written} to match the source: it has {described}" if missing
                       else f"check {written}: it is not in the source")
            yield check.finding("bilingual/number-mismatch", Severity.ERROR, message,
                                unit.target, quantity.start, quantity.end)
        if missing and not extra:
            yield check.finding("bilingual/number-mismatch", Severity.ERROR,
                                f"add {described} to the target: it is in the source",
                                unit.target)


@bilingual_rule(
    "bilingual/empty-target", Severity.ERROR,
    "A unit with a source and no translation (no target, or an empty one).",
    "Pasar dibuka. |", "Pasar dibuka. | The market opened.")
def empty_target(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    for unit in check.units:
        if _has_target(unit) or not unit.source.text.strip():
            continue
        message = ("translate the unit: its target is empty" if unit.has_target
                   else "translate the unit: it has no target")
        yield check.finding("bilingual/empty-target", Severity.ERROR, message, unit.target)


@bilingual_rule(
    "bilingual/untranslated", Severity.WARNING,
    "A target identical to its source (unless the source is only names, acronyms and "
    "numbers).",
    "Harga beras naik. | Harga beras naik.", "Harga beras naik. | Rice prices rose.")
def untranslated(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    for unit in check.units:
        if _is_untranslated(unit):
            yield check.finding("bilingual/untranslated", Severity.WARNING,
                                "translate the target: it repeats the source", unit.target)


# Marks counted on both sides: each bracket alone, all double quotes as one kind
# (straight in the source and curly in the target is a change of style, not a fault).
_MARKS = {"(": "(", ")": ")", "[": "[", "]": "]", "{": "{", "}": "}",
          '"': "double quotes", "“": "double quotes", "”": "double quotes",
          "«": "double quotes", "»": "double quotes", "„": "double quotes"}


# A name's short form in brackets, "(KBRI)", "(Kemendag)", is often dropped or changed
# in translation (BUMN -> SOE): such brackets are not counted on either side.
_SHORT_FORM_IN_BRACKETS = re.compile(r"\([^\W\d_a-z][^\W_]*\)")


def _marks(text: str) -> Counter[str]:
    text = _SHORT_FORM_IN_BRACKETS.sub("", text)
    return Counter(_MARKS[ch] for ch in text if ch in _MARKS)


@bilingual_rule(
    "bilingual/unbalanced", Severity.WARNING,
    "Brackets or quotation marks counted differently in source and target, or inline tags "
    "(XLIFF, TMX markup) that differ.",
    "Kemendag (Kementerian Perdagangan) mencatatnya. | Kemendag (the Trade Ministry "
    "recorded it.",
    "Kemendag (Kementerian Perdagangan) mencatatnya. | Kemendag (the Trade Ministry) "
    "recorded it.")
def unbalanced(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    for unit in check.units:
        if not _has_target(unit):
            continue
        source, target = _marks(unit.source.text), _marks(unit.target.text)
        if source != target:
            differences = ", ".join(
                f"{mark} {source[mark]} in the source, {target[mark]} in the target"
                for mark in sorted(set(source) | set(target)) if source[mark] != target[mark])
            yield check.finding("bilingual/unbalanced", Severity.WARNING,
                                f"make the brackets or quotes match the source: {differences}",
                                unit.target)
        yield from _tag_differences(check, unit)


def _tag_differences(check: BilingualCheck, unit: LocatedUnit) -> Iterator[Finding]:
    source = Counter(tag.key for tag in unit.source.tags)
    target = Counter(tag.key for tag in unit.target.tags)
    if source == target:
        return
    missing = source - target
    extra = target - source
    parts = []
    if missing:
        parts.append("missing " + ", ".join(_tag_name(k) for k in sorted(missing.elements())))
    if extra:
        parts.append("not in the source " + ", ".join(_tag_name(k)
                                                        for k in sorted(extra.elements())))
    message = "make the inline tags match the source: " + "; ".join(parts)
    first_extra = next((t for t in unit.target.tags if t.key in extra), None)
    if first_extra is not None:
        yield Finding("bilingual/unbalanced", Severity.WARNING, message, first_extra.start,
                      first_extra.end, check.file.text[first_extra.start:first_extra.end])
    else:
        yield check.finding("bilingual/unbalanced", Severity.WARNING, message, unit.target)


def _tag_name(key: tuple[str, str]) -> str:
    name, ident = key
    return f"<{name} {ident}>" if ident else f"<{name}>"


@bilingual_rule(
    "bilingual/inconsistent-target", Severity.WARNING,
    "The same source translated in different ways within the file.",
    "Harga naik. | Prices rose. // Harga naik. | Prices went up.",
    "Harga naik. | Prices rose. // Harga naik. | Prices rose.")
def inconsistent_target(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    yield from _inconsistent(check, "bilingual/inconsistent-target", by_source=True)


@bilingual_rule(
    "bilingual/inconsistent-source", Severity.WARNING,
    "Different sources with one and the same translation within the file.",
    "Harga naik. | Prices rose. // Harga melonjak. | Prices rose.",
    "Harga naik. | Prices rose. // Harga melonjak. | Prices soared.")
def inconsistent_source(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    yield from _inconsistent(check, "bilingual/inconsistent-source", by_source=False)


def _inconsistent(check: BilingualCheck, name: str, by_source: bool) -> Iterator[Finding]:
    groups: dict[str, list[LocatedUnit]] = defaultdict(list)
    for unit in check.units:
        if _has_target(unit) and unit.source.text.strip():
            key = unit.source.text if by_source else unit.target.text
            groups[_normalised(key)].append(unit)
    for units in groups.values():
        other_side = {_normalised(u.target.text if by_source else u.source.text)
                      for u in units}
        if len(other_side) < 2:
            continue
        ids = ", ".join(u.unit.id for u in units)
        message = (f"translate the same source one way: it has {len(other_side)} different "
                   f"translations in this file (units {ids})" if by_source else
                   f"check the translations of units {ids}: one translation stands for "
                   f"{len(other_side)} different sources in this file")
        for unit in units:
            yield check.finding(name, Severity.WARNING, message, unit.target)


# An address's local part starts where a run of its characters does: tried from every
# letter of a long word, it would read the rest of the word each time.
_NOT_CHECKED = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@bilingual_rule(
    "bilingual/spelling", Severity.WARNING,
    "An English word of the target that Hunspell en_US does not know.",
    "Harga naik. | Prices rose sharpyl.", "Harga naik. | Prices rose sharply.")
def spelling(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    speller = None
    asked: set[str] = set()  # the words Hunspell's suggestion search has been run on
    for unit in check.units:
        text = unit.target.text
        if not text.strip():
            continue
        skipped = [m.span() for m in _NOT_CHECKED.finditer(text)]
        in_source = {w.text.casefold() for w in english.words(unit.source.text)}
        for word in english.words(text):
            if not _spell_checked(word, text, skipped, in_source, check):
                continue
            speller = speller or english.english_speller()
            if speller.knows(word.text) or speller.knows(english.without_possessive(word.text)):
                continue
            if ctx.speller.in_dictionary(word.text):  # left in Indonesian, most likely
                yield check.finding("bilingual/spelling", Severity.WARNING,
                                    f"translate {word.text!r}: it is an Indonesian word, "
                                    "not an English one", unit.target, word.start,
                                    word.end)
                continue
            yield check.finding("bilingual/spelling", Severity.WARNING,
                                f"correct the spelling of {word.text!r}: the English dictionary "
                                "does not know it", unit.target,
                                word.start, word.end, _english_suggestions(speller, word.text,
                                                                           asked))


# Hunspell's suggestion search costs 0.1-0.3 s a word: it runs on this many distinct
# words of a file at most; the likely slip (cheap) is offered for every word.
HUNSPELL_SUGGESTIONS = 5


def _english_suggestions(speller: english.EnglishSpeller, word: str,
                         asked: set[str]) -> list[str]:
    """The common English word one typing slip from word, if there is one; else up to
    three of Hunspell's suggestions, for the first HUNSPELL_SUGGESTIONS such words."""
    slip = speller.slip_target(word.lower())
    if slip is not None:
        return [slip]
    if word not in asked and len(asked) >= HUNSPELL_SUGGESTIONS:
        return []
    asked.add(word)
    return speller.suggest(word)


def _spell_checked(word: english.Word, text: str, skipped: list[tuple[int, int]],
                   in_source: set[str], check: BilingualCheck) -> bool:
    """Lower-case words only: not names or acronyms (any capital), words with digits or
    after a digit (1990s, 1.2bn), single letters, words of the source, glossary words,
    accepted words, URLs and e-mail addresses."""
    plain = word.text
    folded = plain.casefold()
    return not (
        len(plain) < 2
        or any(ch.isupper() or ch.isdigit() for ch in plain)
        or (word.start > 0 and text[word.start - 1].isdigit())
        or any(start <= word.start < end for start, end in skipped)
        or folded in in_source
        or english.without_possessive(folded) in check.english_term_words
        or folded in check.english_term_words
        or check.ctx.speller.accepts(plain)
    )


# The monolingual typography rules run on the targets; typography/unbalanced is left to
# bilingual/unbalanced, which compares the target with its source.
_TYPOGRAPHY_SKIPPED = {"typography/unbalanced"}


@bilingual_rule(
    "bilingual/typography", Severity.WARNING,
    "The typography rules (spaces, punctuation, quotes, repeated words) on the target.",
    "Harga naik. | Prices  rose.", "Harga naik. | Prices rose.")
def typography(check: BilingualCheck, ctx: CheckContext) -> Iterator[Finding]:
    targets = check.targets
    for rule in check.document_rules:
        if rule.category != "typography" or rule.name in _TYPOGRAPHY_SKIPPED:
            continue
        for found in rule.run(targets.document, ctx):
            yield targets.in_file(found, "bilingual/typography", Severity.WARNING,
                                  f"{found.message} ({found.rule})")


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[BilingualCheck], ...] = (
    missing_term,
    deprecated_term,
    number_mismatch,
    empty_target,
    untranslated,
    unbalanced,
    inconsistent_target,
    inconsistent_source,
    spelling,
    typography,
)
