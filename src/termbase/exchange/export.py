"""Articles prepared for a translator: segmented, pre-translated, glossary attached.

`export_articles(paths, memory, glossary, fmt, min_score)` reads each article, splits
it with termbase's segmenter (one unit per sentence, numbered pN-sM by paragraph and
sentence), looks every sentence up in the translation memory and the glossary, and
returns the file's bytes (XLIFF 1.2, XLIFF 2.0 or TMX) with the analysis a desk uses to
estimate the job.

Pre-translation:
    100       exact match: the target is filled (1.2 state translated, 2.0 translated);
              among several exact matches the most recently changed wins
    98-99     near-exact (only case, punctuation or numbers differ): the target is
              filled for review (1.2 needs-review-translation, 2.0 initial)
    < 98      fuzzy matches at or above min_score (at most three) are offered as
              candidates (1.2 alt-trans, 2.0 mtc:match), the target stays empty

The analysis counts each segment once, in the first band that applies: exact,
near-exact, repetition (the same text as an earlier segment of the job, which the
translator translates once), fuzzy 95-97, 85-94, 75-84, new (no match of 75 or more).
Words are word, number, URL and e-mail tokens of the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from termbase.errors import InputError
from termbase.formats.registry import HANDOFF
from termbase.formats.tmx import write_tmx
from termbase.formats.xliff import (
    Candidate,
    GlossaryHit,
    XliffArticle,
    XliffSegment,
)
from termbase.formats.xml import NOT_XML
from termbase.lang.segment import lines_are_paragraphs, segment
from termbase.lang.tokens import Kind
from termbase.model import Concept, Status, Term, TranslationUnit
from termbase.textio import read_text
from termbase.tm.scoring import collapse

if TYPE_CHECKING:
    from termbase.glossary import Glossary
    from termbase.glossary.matcher import TermMatcher
    from termbase.lang.tokens import Token
    from termbase.tm.store import Memory

FORMATS = tuple(HANDOFF.names())
FORMAT_NAMES = {f.name: f.description for f in HANDOFF.formats}
MAX_CANDIDATES = 3
SEARCH_LIMIT = 10
SOURCE_LANG, TARGET_LANG = "id-ID", "en-US"

# (name, lowest score, highest score) of the fuzzy bands, best first.
FUZZY_BANDS = (("fuzzy-95-97", 95, 97), ("fuzzy-85-94", 85, 94), ("fuzzy-75-84", 75, 84))
BANDS = ("exact", "near-exact", "repetition", *(b[0] for b in FUZZY_BANDS), "new")
BAND_LABELS = {"exact": "exact (100)", "near-exact": "near-exact (98-99)",
               "repetition": "repetitions", "fuzzy-95-97": "fuzzy 95-97",
               "fuzzy-85-94": "fuzzy 85-94", "fuzzy-75-84": "fuzzy 75-84", "new": "new"}

_COUNTED = frozenset({Kind.WORD, Kind.NUMBER, Kind.URL, Kind.EMAIL})
# Starts only where a run of blanks does: from inside a long run it would be read again.
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\r?\n[ \t]*")


@dataclass
class Figures:
    segments: int = 0
    words: int = 0

    def add(self, words: int) -> None:
        self.segments += 1
        self.words += words


@dataclass
class ArticleFigures:
    path: str
    paragraphs: int
    segments: int
    words: int


@dataclass
class Analysis:
    """What a desk reads before assigning the job (like a CAT tool's analysis)."""

    format: str
    min_score: float
    memory: str | None
    articles: list[ArticleFigures] = field(default_factory=list)
    bands: dict[str, Figures] = field(default_factory=lambda: {b: Figures() for b in BANDS})
    written: int = 0  # units written to the file (TMX: only those with a target)

    @property
    def segments(self) -> int:
        return sum(f.segments for f in self.bands.values())

    @property
    def words(self) -> int:
        return sum(f.words for f in self.bands.values())

    def to_json(self) -> dict:
        return {
            "version": 1,
            "format": self.format,
            "min_score": self.min_score,
            "memory": self.memory,
            "articles": [vars(a) for a in self.articles],
            "segments": self.segments,
            "words": self.words,
            "written": self.written,
            "bands": {name: vars(f) for name, f in self.bands.items()},
        }


def export_articles(paths: Sequence[str], memory: Memory | None, glossary: Glossary | None,
                    fmt: str = "xliff", min_score: float = 75, copy_source: bool = False,
                    originals: Sequence[str] | None = None) -> tuple[bytes, Analysis]:
    """The bytes of the file to hand over and its analysis.

    memory None: no pre-translation; glossary None: no glossary terms. copy_source
    (XLIFF only) writes the source into every target the memory did not fill, for
    OmegaT 3.6, which translates <target>. originals: the names the file records for
    the articles, where not their paths (an upload's name, not its temporary file).
    InputError for a missing, unreadable or
    empty article, one given twice, or text XML cannot hold.
    """
    HANDOFF.writer(fmt)  # an unknown format is refused before any work
    if len(set(paths)) != len(paths):
        repeated = next(p for p in paths if list(paths).count(p) > 1)
        raise InputError("article given twice", repeated)
    matcher = _matcher(glossary)
    analysis = Analysis(fmt, min_score, memory.path if memory is not None else None)
    names = list(originals) if originals is not None else list(paths)
    articles = [_prepare(path, memory, matcher, min_score, name)
                for path, name in zip(paths, names, strict=True)]
    seen: set[str] = set()
    for article, words in articles:
        analysis.articles.append(ArticleFigures(
            article.original, len(article.paragraphs()), len(article.segments), sum(words)))
        for piece, count in zip(article.segments, words, strict=True):
            analysis.bands[_band(piece, seen)].add(count)
            seen.add(collapse(piece.source))
    prepared = [article for article, _ in articles]
    write = HANDOFF.writer(fmt).write
    assert write is not None  # writer() refuses a format that is not written
    data = write(prepared, copy_source)
    analysis.written = len(exact_units(prepared)) if fmt == "tmx" else analysis.segments
    return data, analysis


def exact_units(articles: list[XliffArticle]) -> list[TranslationUnit]:
    """The segments the memory translated exactly, as units (all a TMX hand-off holds)."""
    return [TranslationUnit(s.source, s.target, SOURCE_LANG, TARGET_LANG,
                            origin=article.original, tuid=f"{article.original}#{s.id}")
            for article in articles for s in article.segments
            if s.target is not None and s.band == "exact"]


def write_exact_tmx(articles: list[XliffArticle], copy_source: bool = False) -> bytes:
    """The TMX hand-off: the exact matches only (copy_source applies to XLIFF)."""
    return write_tmx(exact_units(articles), SOURCE_LANG, TARGET_LANG)


export_article = export_articles


def _band(piece: XliffSegment, seen: set[str]) -> str:
    if piece.band != "new":
        return piece.band
    if collapse(piece.source) in seen:
        return "repetition"
    best = max((c.score for c in piece.candidates), default=0)
    for name, low, _high in FUZZY_BANDS:
        if best >= low:
            return name
    return "new"


def _matcher(glossary: Glossary | None) -> TermMatcher | None:
    if glossary is None:
        return None
    from termbase.glossary.matcher import TermMatcher

    return TermMatcher(glossary.terms("id"))


def _prepare(path: str, memory: Memory | None, matcher: TermMatcher | None, min_score: float,
             original: str) -> tuple[XliffArticle, list[int]]:
    text = read_text(path).text
    if not text.strip():
        raise InputError("empty article, nothing to translate", path)
    bad = NOT_XML.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(f"control character U+{ord(bad.group()):04X}, which XLIFF and TMX "
                         "cannot hold", path, line)
    segments, words = [], []
    for p_number, paragraph in enumerate(segment(text, lines_are_paragraphs(path)), start=1):
        for s_number, sentence in enumerate(paragraph.sentences, start=1):
            source = _LINE_BREAK.sub(" ", sentence.text)
            piece = XliffSegment(f"p{p_number}-s{s_number}", p_number, source)
            if memory is not None:
                _pretranslate(piece, memory, min_score)
            if matcher is not None:
                piece.glossary = _glossary_hits(matcher, sentence.tokens)
            segments.append(piece)
            words.append(sum(1 for t in sentence.tokens if t.kind in _COUNTED))
    return XliffArticle(original, segments, SOURCE_LANG, TARGET_LANG), words


def _pretranslate(piece: XliffSegment, memory: Memory, min_score: float) -> None:
    matches = memory.search(piece.source, "id", "en", min_score, SEARCH_LIMIT)
    if not matches:
        return
    exact = [m for m in matches if m.score >= 100]
    if exact:
        best = max(exact, key=lambda m: (m.unit.changed_at or m.unit.created_at or "",
                                         m.unit_id))
        piece.target, piece.score = best.unit.target, best.score
        return
    if matches[0].score >= 98:
        piece.target, piece.score = matches[0].unit.target, matches[0].score
    offered: set[str] = set()
    for match in matches:
        if match.unit.target in offered:
            continue
        offered.add(match.unit.target)
        piece.candidates.append(Candidate(match.unit.source, match.unit.target, match.score,
                                          match.unit.origin))
        if len(piece.candidates) == MAX_CANDIDATES:
            break


def _glossary_hits(matcher: TermMatcher, tokens: list[Token]) -> list[GlossaryHit]:
    hits, seen = [], set()
    for match in matcher.find(tokens):
        key = (match.concept.id, match.term.text)
        if key in seen:
            continue
        seen.add(key)
        english = _english(match.concept, match.term)
        indonesian = match.concept.preferred("id")
        hits.append(GlossaryHit(
            term=match.term.text, concept_id=match.concept.id,
            english=english.text if english else None, status=match.term.status.value,
            use_instead=indonesian.text if indonesian and not match.term.status.allowed
            else None))
    return hits


def _english(concept: Concept, term: Term) -> Term | None:
    """The concept's preferred English term; for an Indonesian acronym or short form,
    the English preferred short form when there is one (ASEAN -> ASEAN)."""
    if term.is_short_form:
        short = [t for t in concept.terms_in("en")
                 if t.status is Status.PREFERRED and t.is_short_form]
        if short:
            return short[0]
    return concept.preferred("en")
