"""The aligner: segmentation, the Gale–Church length model, and the dynamic programme
over an article's sentences, in which a bead joining sentences across a paragraph break
costs more than leaving a sentence out."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termbase.align import Alignment, Bead
from termbase.align.anchors import Key, TermIndex, bonus, numbers_of, sentence_keys
from termbase.data import word_set
from termbase.lang.segment import paragraph_spans, sentence_spans

if TYPE_CHECKING:
    from termbase.glossary import Glossary

# The length model (Gale & Church 1993): an English text is LENGTH_RATIO times as many
# characters as its Indonesian source, give or take a normal error whose variance grows
# with the length, LENGTH_VARIANCE per character. Both were estimated from the starter
# memory's sentence pairs (benchmarks/align_length_model.py reproduces them), not
# assumed: English runs about as long as Indonesian.
LENGTH_RATIO = 0.985
LENGTH_VARIANCE = 1.44
# Published English news often rewrites rather than renders a sentence (67 characters
# of Indonesian as 136 of English): the normal error alone judged such a pair no
# translation at all. So the error is a mixture: FREE_SHARE of the pairs have one
# FREE_WIDTH times as wide. Chosen by comparing the gold set with real translated news
# (docs/performance.md, "Real translated news").
FREE_SHARE = 0.1
FREE_WIDTH = 2.0
# Prior probabilities of the beads, Gale & Church's (1-0 and 0-1 share their 0.0099,
# 2-1 and 1-2 their 0.089).
PRIORS = {(1, 1): 0.89, (1, 0): 0.00495, (0, 1): 0.00495, (2, 1): 0.0445,
          (1, 2): 0.0445, (2, 2): 0.011}
PRIOR_COSTS = {shape: -math.log(p) for shape, p in PRIORS.items()}
# A bead whose cost is this is as likely right as wrong: confidence 0.5. A plain 1-1 bead
# of fitting lengths costs about 0.6 (confidence 0.9); a sentence left out alone about
# 5.3 (0.09); every anchor both sides share lowers the cost.
EVEN_COST = 3.0
# Half the band's width around the diagonal, in items, at least: beyond the difference
# in counts, this much room for omissions in one place and additions in another.
BAND_MARGIN = 10
# What a bead pays for each paragraph break inside it, on either side, when an
# article's sentences are aligned together: more than a sentence left out (about 5.3).
# Translators split and merge sentences within a paragraph, seldom across one; but they
# do split and join paragraphs and leave whole ones out, and then pairing paragraphs
# first shifted every pair after the place (_within_paragraphs says when not to).
BREAK_CROSSED = 8.0
# A paragraph bead that costs more than this (confidence under about 0.95) puts the
# pairing of the paragraphs in doubt (_within_paragraphs).
PARAGRAPH_TRUSTED = 0.0

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")


def paragraphs_of(text: str, language: str) -> list[list[str]]:
    """Paragraphs (blank-line separated when the text has a blank line, else one a
    line), each a list of its sentences with white space runs made one space."""
    line_paragraphs = _BLANK_LINE.search(text) is None
    more = word_set("abbreviations_en") if language == "en" else frozenset()
    paragraphs = []
    for start, end in paragraph_spans(text, line_paragraphs):
        sentences = [" ".join(text[s:e].split())
                     for s, e in sentence_spans(text, start, end, more)]
        sentences = [s for s in sentences if s]
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


@dataclass(frozen=True)
class Item:
    """A sentence or paragraph as the programme sees it."""

    length: int
    keys: frozenset[Key]
    numbers: frozenset[Key]  # numbers_of(keys), kept apart for speed
    opens_paragraph: bool = False
    sentences: int = 1  # a paragraph's; a paragraph left out is its sentences left out

    @classmethod
    def of(cls, length: int, keys: frozenset[Key], opens_paragraph: bool = False) -> Item:
        return cls(length, keys, numbers_of(keys), opens_paragraph)


def length_cost(source_length: int, target_length: int) -> float:
    """-log of the probability that lengths this far apart translate each other (a
    close translation's normal error, or a free one's wider error)."""
    mean = (source_length + target_length / LENGTH_RATIO) / 2
    delta = abs(target_length - source_length * LENGTH_RATIO) / math.sqrt(
        mean * LENGTH_VARIANCE)
    probability = ((1 - FREE_SHARE) * math.erfc(delta / math.sqrt(2))
                   + FREE_SHARE * math.erfc(delta / (FREE_WIDTH * math.sqrt(2))))
    if probability < 1e-300:
        delta /= FREE_WIDTH
        # the tail's asymptote, where erfc underflows
        return delta * delta / 2 + math.log(delta * math.sqrt(math.pi / 2)) - math.log(
            FREE_SHARE)
    return -math.log(probability)


def bead_cost(sources: Sequence[Item], targets: Sequence[Item]) -> float:
    shape = (len(sources), len(targets))
    if not (sources and targets):
        # Each sentence left out costs the same, alone or in a paragraph: else a long
        # paragraph with one sentence untranslated would rather be dropped whole.
        return PRIOR_COSTS[shape] * sum(item.sentences for item in (*sources, *targets))
    source_length = sum(item.length for item in sources)
    target_length = sum(item.length for item in targets)
    if shape == (1, 1):
        shared = _bonus(sources[0], targets[0])
    else:
        shared = _bonus(_joined(sources), _joined(targets))
    if shape == (2, 2):
        # Anchors that two 1-1 beads in order would share as well say nothing for
        # the 2-2 bead: only those across (first with second) count. Else a 2-2 bead,
        # averaging out two length errors, would swallow pairs of good 1-1 beads.
        in_order = _bonus(sources[0], targets[0]) + _bonus(sources[1], targets[1])
        shared = max(0.0, shared - in_order)
    breaks = sum(item.opens_paragraph for item in (*sources[1:], *targets[1:]))
    return (PRIOR_COSTS[shape] + length_cost(source_length, target_length) - shared
            + BREAK_CROSSED * breaks)


def _bonus(source: Item, target: Item) -> float:
    return bonus(source.keys, target.keys, source.numbers, target.numbers)


def _joined(items: Sequence[Item]) -> Item:
    if len(items) == 1:
        return items[0]
    return Item(sum(item.length for item in items),
                frozenset().union(*(item.keys for item in items)),
                frozenset().union(*(item.numbers for item in items)),
                sentences=sum(item.sentences for item in items))


def confidence(cost: float) -> float:
    return 1 / (1 + math.exp(min(cost - EVEN_COST, 700.0)))


# (source items, target items) a bead takes
_SHAPES = tuple(PRIORS)


def best_beads(sources: Sequence[Item], targets: Sequence[Item]
               ) -> list[tuple[range, range, float]]:
    """The cheapest chain of beads through both sequences: (source range, target range,
    cost) in order. Cells far from the diagonal are not visited (a band); time and
    memory grow with the length times the band's width."""
    n, m = len(sources), len(targets)
    width = abs(n - m) + BAND_MARGIN
    infinity = math.inf
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    for i in range(n + 1):
        centre = i * m / n if n else 0
        low, high = max(0, int(centre - width)), min(m, int(centre + width) + 1)
        for j in range(low, high + 1):
            if i == 0 and j == 0:
                continue
            best, best_step = infinity, None
            for di, dj in _SHAPES:
                previous = cost.get((i - di, j - dj))
                if previous is None:
                    continue
                step = bead_cost(sources[i - di:i], targets[j - dj:j])
                if previous + step < best:
                    best, best_step = previous + step, (di, dj, step)
            if best_step is not None:
                cost[(i, j)] = best
                back[(i, j)] = best_step
    beads = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, step = back[(i, j)]
        beads.append((range(i - di, i), range(j - dj, j), step))
        i, j = i - di, j - dj
    beads.reverse()
    return beads


def align(source_text: str, target_text: str, glossary: Glossary | None = None) -> Alignment:
    """The article's sentences paired. Where its paragraphs pair confidently (no
    paragraph bead costs more than PARAGRAPH_TRUSTED: none left out, none cut in two),
    the sentences are paired within the paragraphs paired; else over the whole
    article, a bead that crosses a paragraph break paying BREAK_CROSSED for it."""
    terms = _term_index(glossary)
    source_paragraphs = paragraphs_of(source_text, "id")
    target_paragraphs = paragraphs_of(target_text, "en")
    sources = _items(source_paragraphs, "id", terms)
    targets = _items(target_paragraphs, "en", terms)
    found = _within_paragraphs(sources, targets)
    if found is None:
        found = best_beads(sources, targets)
    return Alignment([s for p in source_paragraphs for s in p],
                     [s for p in target_paragraphs for s in p],
                     [Bead(tuple(source_range), tuple(target_range),
                           round(confidence(cost), 4))
                      for source_range, target_range, cost in found])


def _within_paragraphs(sources: list[Item], targets: list[Item]
                       ) -> list[tuple[range, range, float]] | None:
    """Paragraphs paired first (each as one item), then the sentences within each
    paragraph bead; None when a paragraph bead is in doubt. Paragraph-first keeps a
    sentence moved within a paragraph from shifting its neighbours, but fails where
    the English cut or joined paragraphs: then the whole article is aligned at once."""
    source_paragraphs, target_paragraphs = _paragraphs(sources), _paragraphs(targets)
    found: list[tuple[range, range, float]] = []
    for source_group, target_group, cost in best_beads(
            [_joined(p) for p in source_paragraphs], [_joined(p) for p in target_paragraphs]):
        if cost > PARAGRAPH_TRUSTED:
            return None
        source_first = sum(len(p) for p in source_paragraphs[:source_group.start])
        target_first = sum(len(p) for p in target_paragraphs[:target_group.start])
        for source_range, target_range, sentence_cost in best_beads(
                [item for p in source_group for item in source_paragraphs[p]],
                [item for p in target_group for item in target_paragraphs[p]]):
            found.append((range(source_first + source_range.start,
                                source_first + source_range.stop),
                          range(target_first + target_range.start,
                                target_first + target_range.stop), sentence_cost))
    return found


def _paragraphs(items: list[Item]) -> list[list[Item]]:
    paragraphs: list[list[Item]] = []
    for item in items:
        if item.opens_paragraph or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(item)
    return paragraphs


def _items(paragraphs: list[list[str]], language: str, terms: TermIndex) -> list[Item]:
    return [Item.of(len(sentence), sentence_keys(sentence, language, terms), number == 0)
            for sentences in paragraphs for number, sentence in enumerate(sentences)]


# The index of the glossary last aligned with: a run over many articles builds it once.
_last_index: tuple[Glossary | None, TermIndex] | None = None


def _term_index(glossary: Glossary | None) -> TermIndex:
    global _last_index
    if _last_index is None or _last_index[0] is not glossary:
        _last_index = (glossary, TermIndex.of(glossary))
    return _last_index[1]
