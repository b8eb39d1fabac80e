"""Spelling: words Hunspell id_ID, the affix grammar and the accept lists do not know.

What a word is depends on the whole article: the names it uses (Widodo three times makes
Widiodo a slip), the abbreviations it defines (Rapat Paripurna (Rapur) ... rapur), and
the English it quotes (code of conduct). `ArticleWords` learns these once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING

from rapidfuzz import process
from rapidfuzz.distance import OSA

from termbase.check.document import per_document
from termbase.check.lines import headline_words
from termbase.check.nonstandard import nonstandard_starts
from termbase.check.punctuation import connective_openers
from termbase.check.rules import Rule, rule
from termbase.check.typography import spaced_reduplications
from termbase.data import pair_table, word_set
from termbase.glossary.matcher import normalise
from termbase.lang import morphology
from termbase.lang.abbreviations import defined_abbreviations
from termbase.lang.edits import LONGEST, weighted_distance
from termbase.lang.english import english_speller, english_zipf
from termbase.lang.morphology import is_reduplication
from termbase.lang.speller import zipf
from termbase.lang.tokens import Kind, Token, word_parts
from termbase.model import Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document

# A capitalised word opening a sentence is taken for a misspelling, not a name, only
# when one slip separates it from a common word (Zipf scale, see speller.py).
SLIP = 1.0
SLIP_TARGET_ZIPF = 3.5
# A name one slip from a name the article uses more often, or from a well-known name of
# the dictionary this common, is that name misspelt (Widiodo, Semenep).
KNOWN_NAME_ZIPF = 3.5
MIN_NAME = 4
# Inside an English name a slip is judged in words of six letters or more (Pasific),
# next to a capitalised English word at least this common (Economic; not Ash, Diaz).
MIN_ENGLISH_SLIP = 6
# A capitalised word of eight letters or more is judged against common words (Zipf 3 or
# more), one of ten or more against any dictionary word of eleven or more.
LONG_SLIP = 8
VERY_LONG_SLIP = 11
LONG_SLIP_TARGET_ZIPF = 3.0
ENGLISH_NAME_ZIPF = 3.0
# A capitalised word one slip from a title or place word this common, and this much
# rarer itself, is that word misspelt (Lepala Desa: Kepala).
COMMON_WORD_ZIPF = 4.5
TITLE_SLIP_MARGIN = 2.0
MIN_FOREIGN = 3
# A sentence whose lower-case words are this many and this share strange is in another
# language (Javanese, Minang): two typos rarely meet in six words.
FOREIGN_SENTENCE_WORDS = 2
FOREIGN_SENTENCE_SHARE = 3
_TRIPLED = re.compile(r"([^\W\d_])\1\1", re.IGNORECASE)
# @handle and #hashtag are names on a platform, not words: @Amb_LuKang as a whole.
_HANDLE = re.compile(r"[@#]\w+$")
MAX_HANDLE = 50
# "(mia)", "(bri/asp)": the initials of reporter and editor that close a news story.
_CREDIT = re.compile(r"\([a-z]{2,5}(?:/[a-z]{2,5})*\)[ \t]*$", re.MULTILINE)


def _in_handle(text: str, start: int) -> bool:
    """Whether the word starting here is part of an @handle or #hashtag."""
    return bool(_HANDLE.search(text, max(0, start - MAX_HANDLE), start + 1))


def _capitalised_halves(text: str) -> tuple[str, str] | None:
    """WangYi, ŽižekČern -> the two capitalised words run together, or None."""
    if not text.isalpha() or not text[:1].isupper():
        return None
    joins = [i for i in range(1, len(text)) if text[i].isupper() and text[i - 1].islower()]
    if len(joins) != 1:
        return None
    left, right = text[: joins[0]], text[joins[0]:]
    return (left, right) if left[1:].islower() and right[1:].islower() else None


def _is_acronym_or_brand(text: str) -> bool:
    """SCO, KTPnya, iPhone, McKinsey: capitals after the first letter (of any part: a
    hyphen joins names, as in Asia-Pasifik)."""
    return any(part[1:] != part[1:].lower() for part in text.split("-"))


@dataclass
class ArticleWords:
    """The words of one document as the spelling rules see them."""

    doc: Document
    ctx: CheckContext
    defined: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.defined = defined_abbreviations(self.doc.text)
        self._foreign_words: dict[str, bool] = {}
        self._misspelt: dict[tuple, str | None] = {}

    @cached_property
    def words(self) -> list[Token]:
        return [t for t in self.doc.tokens() if t.kind is Kind.WORD]

    @cached_property
    def openers(self) -> frozenset[int]:
        return self.doc.sentence_openers

    @cached_property
    def capitalised(self) -> Counter[str]:
        """Capitalised words and how often the document uses each."""
        return Counter(t.text for t in self.words if t.text[:1].isupper())

    @cached_property
    def names_inside(self) -> set[str]:
        return {t.text for t in self.words if t.text[:1].isupper()
                and t.start not in self.openers and t.start not in self.headings}

    @cached_property
    def reduplication_tails(self) -> set[int]:
        """Starts of the second halves of reduplications written with a spaced hyphen
        (pertama -tama): typography reports the hyphen; the half is no word of its own."""
        return {match.start(3) for match in spaced_reduplications(self.doc)}

    @cached_property
    def headings(self) -> frozenset[int]:
        """Starts of the words of title-case lines (headlines, subheadings)."""
        return headline_words(self.doc)

    @cached_property
    def credits(self) -> list[tuple[int, int]]:
        return [match.span() for match in _CREDIT.finditer(self.doc.text)]

    @cached_property
    def checked(self) -> list[Token]:
        """Word tokens the spelling rules judge: not numbers, acronyms, glossary words,
        accepted words, the article's own abbreviations or its closing credit."""
        ctx = self.ctx
        skipped = self.reduplication_tails | nonstandard_starts(self.doc, ctx)
        judged: dict[str, bool] = {}  # verdicts on the text alone, once per spelling
        checked = []
        for token in self.words:
            text = token.text
            if text not in judged:
                judged[text] = (
                    not any(ch.isdigit() for ch in text)
                    and normalise(text) not in ctx.glossary_words
                    and text.casefold() not in self.defined
                    and not ctx.speller.accepts(text)
                    and (not _is_acronym_or_brand(text)
                         or self.run_together(token) is not None))
            if (judged[text] and token.start not in skipped
                    and not self._in_credit(token.start)
                    and not _in_handle(self.doc.text, token.start)):
                checked.append(token)
        return checked

    def _in_credit(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.credits)

    def run_together(self, token: Token) -> str | None:
        """'Wang Yi' for WangYi when the article writes the two names apart elsewhere."""
        halves = _capitalised_halves(token.text)
        if halves is None:
            return None
        apart = " ".join(halves)
        return apart if apart in self.doc.text else None

    def is_foreign(self, token: Token) -> bool:
        """An English word (en_US/en_GB) that is no Indonesian word nor a slip for one:
        plain text cannot italicise it, so it is not a misspelling."""
        text = token.text
        speller = self.ctx.speller
        if len(text) < MIN_FOREIGN or speller.is_correct(text) or not english_speller().knows(
                text):
            return False
        # A slip for an Indonesian word (hat: hati) is no English; one whose target is
        # English too (prank: rank) says nothing.
        intended = speller.likely_intended(text.lower())
        return intended is None or english_speller().knows(intended)

    @cached_property
    def foreign_runs(self) -> list[tuple[int, int]]:
        """Spans of foreign text: a phrase of adjacent lower-case words, English or
        unknown words no slip explains, with at least one English word Indonesian lacks
        (code of conduct, volatile food, zuppa soup), or one such English word alone that
        is no slip for an Indonesian one."""
        runs: list[tuple[int, int]] = []
        run: list[Token] = []
        for token in [*self.words, None]:
            foreign = token if token is not None and self._may_be_foreign(token) else None
            if foreign is not None and (not run or _adjacent(self.doc, run[-1], foreign)):
                run.append(foreign)
                continue
            if run and self._is_foreign_phrase(run):
                runs.append((run[0].start, run[-1].end))
            run = [foreign] if foreign is not None else []
        return runs

    def _is_english(self, token: Token) -> bool:
        """English and not in the Indonesian dictionary: dan, data break a phrase."""
        text = token.text
        return (text[:1].islower() and not self.ctx.speller.in_dictionary(text)
                and english_speller().knows(text))

    def _may_be_foreign(self, token: Token) -> bool:
        text = token.text
        verdict = self._foreign_words.get(text)
        if verdict is None:
            speller = self.ctx.speller
            verdict = self._is_english(token) or (
                text[:1].islower() and text.isalpha() and not speller.is_correct(text)
                and speller.likely_intended(text.lower()) is None)
            self._foreign_words[text] = verdict
        return verdict

    def _is_foreign_phrase(self, run: list[Token]) -> bool:
        english = [t for t in run if self._is_english(t)]
        if len(run) == 1:
            return bool(english) and self.is_foreign(run[0])
        return any(not self.ctx.speller.is_correct(t.text) for t in english)

    def in_foreign_run(self, token: Token) -> bool:
        return (_inside(self._foreign_spans, token.start)
                or self.is_species_epithet(token))

    @cached_property
    def _foreign_spans(self) -> tuple[list[int], list[int]]:
        """Foreign phrases and sentences merged into disjoint spans, as sorted starts and
        their ends for bisection: every word of a long article asks."""
        merged: list[list[int]] = []
        for start, end in sorted([*self.foreign_runs, *self.foreign_sentences]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)  # a phrase inside a sentence
            else:
                merged.append([start, end])
        return [start for start, _end in merged], [end for _start, end in merged]

    def _is_strange(self, word: str) -> bool:
        """Neither Indonesian (Hunspell or the affix grammar: web frequency, which also
        rates regional and colloquial words common, is no evidence here) nor English."""
        lower = word.lower()
        speller = self.ctx.speller
        return not (speller.in_dictionary(lower) or speller.is_analysable(lower)
                    or english_speller().knows(lower))

    @cached_property
    def foreign_sentences(self) -> list[tuple[int, int]]:
        """Sentences in another language (a Javanese saying quoted in full): at least
        FOREIGN_SENTENCE_WORDS of their lower-case words, and a third of them, are
        strange to Indonesian and English. Their unknown words are that
        language's, not misspellings."""
        spans = []
        strangeness: dict[str, bool] = {}
        for sentence in self.doc.sentences():
            handles = "@" in sentence.text or "#" in sentence.text
            lower = [t.text for t in sentence.tokens
                     if t.kind is Kind.WORD and t.text[:1].islower() and t.text.isalpha()
                     and not (handles and _in_handle(self.doc.text, t.start))
                     and t.text not in self.defined]
            strange = []
            for word in lower:
                if word not in strangeness:
                    strangeness[word] = self._is_strange(word)
                if strangeness[word]:
                    strange.append(word)
            if (len(strange) >= FOREIGN_SENTENCE_WORDS
                    and len(strange) * FOREIGN_SENTENCE_SHARE >= len(lower)):
                spans.append((sentence.tokens[0].start, sentence.tokens[-1].end))
        return spans

    def is_species_epithet(self, token: Token) -> bool:
        """aegypti in Aedes aegypti: a lower-case word no slip explains after a
        capitalised word the dictionary lacks is the second half of a Latin name."""
        speller = self.ctx.speller
        if speller.is_correct(token.text):
            return False
        before = self._word_before(token)
        return (before is not None and before.text[:1].isupper() and before.text[1:].islower()
                and before.start not in self.openers
                and not speller.is_correct(before.text)
                and speller.likely_intended(token.text.lower()) is None)

    def misspelt_name(self, token: Token) -> str | None:
        """The word a capitalised unknown word was meant to be: itself without a tripled
        letter, a name the article writes more often (or that the dictionary knows) one
        slip away, a common word one slip away when the web never writes this one
        (Lepala Desa), or a well-known name one slip away."""
        # The verdict rests on the word and its neighbours; names recur in an article.
        before, after = self._word_before(token), self._word_after(token)
        key = (token.text, before and before.text, after and after.text)
        if key not in self._misspelt:
            self._misspelt[key] = self._misspelt_name(token)
        return self._misspelt[key]

    def _misspelt_name(self, token: Token) -> str | None:
        text = token.text
        speller = self.ctx.speller
        untripled = _TRIPLED.sub(r"\1\1", text)
        if untripled != text:
            return next((form for form in (untripled, _TRIPLED.sub(r"\1", text))
                         if speller.is_correct(form)), None)
        if not MIN_NAME <= len(text) <= LONGEST:
            return None  # too long for a slip, and to compare letter by letter
        english = self._english_slip(token)
        if english:
            return english
        near = process.extract(text, self.names, scorer=OSA.distance, score_cutoff=1,
                               limit=None)
        for name, _distance, _index in near:
            if name != text and weighted_distance(text, name) <= SLIP and (
                    self.capitalised[name] > self.capitalised[text]
                    or speller.is_correct(name)):
                return name
        if not self._follows_a_place_head(token):
            long_word = self._long_word_slip(token)
            if long_word:
                return long_word
        if self._follows_a_name(token):
            return None  # I Ketut Surbawa: a person's name, whatever it resembles
        if not self._follows_a_place_head(token):
            # Lepala Desa is Kepala Desa, Kepala Negera Kepala Negara: title and place
            # words stand capitalised before names. Kecamatan Tabang, "Sidomulyo,
            # Tabang" is no Tambang.
            intended = speller.likely_intended(text.lower())
            if (intended and zipf(intended) >= COMMON_WORD_ZIPF
                    and zipf(intended) - zipf(text) >= TITLE_SLIP_MARGIN
                    and intended in _place_heads() | _title_words()):
                return intended[:1].upper() + intended[1:]
        if self.capitalised[text] > 1:
            return None  # written the same way again: a name
        before = self._word_before(token)
        if before is not None and before.text.lower() in word_set("attribution_verbs"):
            return None  # tutur Oong: the speaker, whatever name it resembles
        return speller.known_name_near(text, KNOWN_NAME_ZIPF)

    def _long_word_slip(self, token: Token) -> str | None:
        """A long capitalised word the web never writes and the article writes once, a
        letter dropped, added or swapped from a long dictionary word (Epidemilogi,
        Infrastrukur) or a common one (Peninjaun, Susbsidi): names seldom come that close
        to a word, and a swapped vowel (Parlindungan) is left to them."""
        text = token.text
        lower = text.lower()
        english = english_speller()
        if (len(text) < LONG_SLIP or self.capitalised[text] > 1 or zipf(lower) > 0
                or any(english.knows(part) for part in text.split("-"))):
            return None  # Twitter-nya: a foreign word with its clitic
        for candidate in self.ctx.speller.suggest(lower):
            if (" " not in candidate and _is_letter_slip(lower, candidate)
                    and self._is_common_word(candidate) and (
                        len(candidate) >= VERY_LONG_SLIP
                        or zipf(candidate) >= LONG_SLIP_TARGET_ZIPF)):
                return candidate[:1].upper() + candidate[1:]
        return None

    def _is_common_word(self, word: str) -> bool:
        """A lower-case Indonesian dictionary word, not a name (Mohammad, Supriyadi) nor an
        English word (chairman): names have many spellings, none of them slips."""
        english = english_speller()
        return all(self.ctx.speller.in_dictionary(part.lower()) and not english.knows(part)
                   for part in word.split("-"))

    def _english_slip(self, token: Token) -> str | None:
        """Inside an English name (Asia-Pasific Economic Cooperation, Mining Invesment),
        a word neither language knows that is one slip from a common English word."""
        english = english_speller()
        # Asia-Pasific is one token: judge its last part.
        head, _, word = token.text.rpartition("-")
        if (len(word) < MIN_ENGLISH_SLIP or english.knows(word)
                or self.ctx.speller.is_correct(word)):
            return None
        if not any(self._is_english_name_word(neighbour)
                   for neighbour in (self._word_before(token), self._word_after(token))):
            return None
        target = english.slip_target(word.lower())
        if target is None:
            return None
        return token.text[: len(head) + 1 if head else 0] + target[:1].upper() + target[1:]

    def _is_english_name_word(self, token: Token | None) -> bool:
        """A capitalised common English word Indonesian lacks (Economic, Mining)."""
        if token is None or not token.text[:1].isupper() or len(token.text) < MIN_ENGLISH_SLIP - 2:
            return False
        lower = token.text.lower()
        return (english_speller().knows(lower) and english_zipf(lower) >= ENGLISH_NAME_ZIPF
                and not self.ctx.speller.in_dictionary(lower))

    def _word_before(self, token: Token) -> Token | None:
        """The word just before, with nothing but spaces between."""
        index = self.word_index.get(token.start)
        if not index:
            return None
        before = self.words[index - 1]
        return before if not self.doc.text[before.end : token.start].strip() else None

    def _word_after(self, token: Token) -> Token | None:
        """The word just after, with nothing but spaces between."""
        index = self.word_index.get(token.start)
        if index is None or index + 1 >= len(self.words):
            return None
        after = self.words[index + 1]
        return after if not self.doc.text[token.end : after.start].strip(" \t") else None

    def opens_a_name(self, token: Token) -> bool:
        """A sentence opener followed by a capitalised word inside the sentence (Kasat
        Reskrim, Kadis Kominfo): the first word of a title or name, whatever common word
        it resembles. Headlines capitalise every word, so there this says nothing."""
        after = self._word_after(token)
        return (after is not None and after.text[:1].isupper()
                and token.start not in self.headings and after.start not in self.openers)

    def _follows_a_name(self, token: Token) -> bool:
        """After a capitalised word that may be a name (Ketut, Rahmat: many names are
        words). After a noun built with a confix (Keuangan, Pembangunan) the run is an
        institution's name, and a slip there is a slip."""
        before = self._word_before(token)
        return (before is not None and before.text[:1].isupper()
                and before.text.lower() not in _place_heads() | _title_words()
                and not self._is_confix_noun(before.text.lower()))

    def _is_confix_noun(self, lower: str) -> bool:
        return any(analysis.prefixes and analysis.suffix == "an"
                   and self.ctx.speller.in_dictionary(analysis.root)
                   for analysis in morphology.analyses(lower))

    def _follows_a_place_head(self, token: Token) -> bool:
        before = self._word_before(token)
        return before is not None and before.text.lower() in _place_heads()

    @cached_property
    def word_index(self) -> dict[int, int]:
        return {token.start: index for index, token in enumerate(self.words)}

    @cached_property
    def names(self) -> list[str]:
        """Capitalised words the article uses as names: inside sentences, and no
        lower-case dictionary word (Jadi opening a sentence is no name for Yadi)."""
        return [name for name in self.capitalised
                if len(name) >= MIN_NAME and name in self.names_inside
                and not self.ctx.speller.in_dictionary(name.lower())]


@cache
def _place_heads() -> frozenset[str]:
    """Words that may stand before a place name (Kabupaten, Kota, Bupati): after them a
    capitalised word is a place, not part of a person's name."""
    titles = {words[-1] for words in pair_table("titles")}
    return frozenset(titles | word_set("place_time_words"))


@cache
def _title_words() -> frozenset[str]:
    return frozenset(word for words in pair_table("titles") for word in words)


def _inside(spans: tuple[list[int], list[int]], offset: int) -> bool:
    """The offset lies in one of the disjoint spans (sorted starts, their ends)."""
    starts, ends = spans
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


def _is_letter_slip(typed: str, word: str) -> bool:
    """One letter dropped, added or doubled, or two swapped: no substitution."""
    return (weighted_distance(typed, word) <= SLIP
            and (len(typed) != len(word) or sorted(typed) == sorted(word)))


@per_document
def _article_words(doc: Document, ctx: CheckContext) -> ArticleWords:
    return ArticleWords(doc, ctx)


def _unknown_parts(text: str, ctx: CheckContext) -> list[str]:
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


def _suggestions(token: Token, bad_parts: list[str], ctx: CheckContext) -> list[str]:
    if len(bad_parts) == 1 and bad_parts[0] != token.text:
        bad = bad_parts[0]
        fixes = _intended_first(bad, ctx)
        if is_reduplication(token.text):  # both halves carry the same slip
            return [token.text.replace(bad, fix) for fix in fixes]
        return [token.text.replace(bad, fix, 1) for fix in fixes]
    return _intended_first(token.text, ctx)


def _intended_first(word: str, ctx: CheckContext) -> list[str]:
    """The speller's suggestions, led by the word a common slip stands for (menaikan:
    menaikkan), which the acceptance check already found."""
    suggestions = ctx.speller.suggest(word)
    intended = ctx.speller.likely_intended(word.lower())
    if intended:
        if word[:1].isupper():
            intended = intended[:1].upper() + intended[1:]
        suggestions = [intended, *(s for s in suggestions if s != intended)][:5]
    return suggestions


def _is_misspelt_opener(token: Token, ctx: CheckContext, words: ArticleWords) -> bool:
    text = token.text
    if not text[1:].islower() or text in words.names_inside or ctx.speller.is_correct(text):
        return False
    best = ctx.speller.suggest(text.lower(), limit=1)
    if not best or weighted_distance(text.lower(), best[0]) > SLIP \
            or zipf(best[0]) < SLIP_TARGET_ZIPF:
        return False
    # "Yani (45), seorang penjual" and "Kecuk, panggilan akrabnya,": a person, set off
    # by an age or a comma; a misspelt connective is still one (Nmaun, ...).
    after = _text_after(token, words)
    if after.startswith("(") and after[1:2].isdigit():
        return False
    return not after.startswith(",") or best[0] in connective_openers()


def _text_after(token: Token, words: ArticleWords) -> str:
    """The text right after the token, spaces skipped, to a few characters."""
    return words.doc.text[token.end : token.end + 8].lstrip(" ")


def _error(token: Token, suggestions: list[str], message: str | None = None) -> Finding:
    return Finding("spelling/unknown-word", Severity.ERROR,
                   message or f"correct the spelling of {token.text!r}: the dictionary does "
                   "not know it", token.start, token.end, token.text, suggestions)


def _capitalised_error(token: Token, ctx: CheckContext, words: ArticleWords) -> Finding | None:
    apart = words.run_together(token)
    if apart:
        return _error(token, [apart], f"write {apart}: two names run together in {token.text!r}")
    if ctx.speller.is_correct(token.text):
        return None
    # A title-case headline capitalises every word: there, as at a sentence's start, a
    # capital is no sign of a name.
    starts_or_heads = (token.start in words.openers and not words.opens_a_name(token)) or (
        token.start in words.headings and not english_speller().knows(token.text))
    if starts_or_heads and not words.is_foreign(token) and _is_misspelt_opener(
            token, ctx, words):
        return _error(token, ctx.speller.suggest(token.text))
    name = words.misspelt_name(token)
    if name:
        return _error(token, [name], f"write {name} if {token.text!r} is a slip for it")
    return None


@rule("spelling/unknown-word", Severity.ERROR,
      "A word that is not Indonesian as spelt (Hunspell id_ID with affix analysis).",
      "hubungan diplomaltik", "hubungan diplomatik")
def unknown_word(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    words = _article_words(doc, ctx)
    for token in words.checked:
        if token.text[:1].isupper() or _is_acronym_or_brand(token.text):
            finding = _capitalised_error(token, ctx, words)
            if finding:
                yield finding
            continue
        bad_parts = _unknown_parts(token.text, ctx)
        if bad_parts and not words.in_foreign_run(token):
            yield _error(token, _suggestions(token, bad_parts, ctx))


@rule("spelling/unknown-name", Severity.INFO,
      "A capitalised word the dictionary lacks: probably a name, reported once as info.",
      "Presiden Tokayev", "(accept list: Tokayev)")
def unknown_name(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    reported: set[str] = set()
    words = _article_words(doc, ctx)
    for token in words.checked:
        text = token.text
        if not text[:1].isupper() or _is_acronym_or_brand(text) or text in reported:
            continue
        if ctx.speller.is_correct(text) or _capitalised_error(token, ctx, words):
            continue  # a word, or reported by spelling/unknown-word
        reported.add(text)
        yield Finding("spelling/unknown-name", Severity.INFO,
                      f"check {text!r}, not in the dictionary: if it is a name spelt right, "
                      "add it to the accept list", token.start, token.end, text)


@rule("spelling/foreign", Severity.INFO,
      "An English word or phrase in Indonesian text: EYD writes it in italics.",
      "menyepakati code of conduct", "(italics: code of conduct)")
def foreign(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    words = _article_words(doc, ctx)
    for start, end in words.foreign_runs:
        yield Finding("spelling/foreign", Severity.INFO,
                      f"italicise {doc.text[start:end]!r}, or use the Indonesian term: it is "
                      "English", start, end, doc.text[start:end])
    runs = words.foreign_runs
    phrases = ([start for start, _end in runs], [end for _start, end in runs])
    for token in words.checked:
        if token.text[:1].isupper() or _inside(phrases, token.start):
            continue
        if _unknown_parts(token.text, ctx) and words.in_foreign_run(token):
            yield Finding("spelling/foreign", Severity.INFO,
                          f"italicise {token.text!r}: it is not Indonesian (another language "
                          "or a Latin name)", token.start, token.end, token.text)


def _adjacent(doc: Document, left: Token, right: Token) -> bool:
    """Two words with only spaces or a slash between them on one line."""
    gap = doc.text[left.end : right.start]
    return len(gap) <= 3 and "\n" not in gap and not gap.strip(" /")


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    unknown_word,
    unknown_name,
    foreign,
)
