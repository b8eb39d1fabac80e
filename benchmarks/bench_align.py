"""Sentence alignment quality and speed: termbase align against NLTK's Gale–Church.

Reads the gold set of benchmarks/align-gold/ (NAME.id.txt, NAME.en.txt, NAME.gold.tsv:
one gold bead a line, "Indonesian sentence(s)<TAB>English sentence(s)") and aligns every
article pair twice:

* termbase: termbase.align.align_texts with the shipped glossaries (glossaries/*.tbx);
* NLTK: nltk.translate.gale_church on the same segmentation (termbase.align.sentences_of),
  sentence lengths in characters, NLTK's default parameters. Paragraphs first, as NLTK's
  own align_texts does: when both sides have as many paragraphs, gale_church.align_texts
  aligns the sentences of paragraph k with those of paragraph k; otherwise (a translation
  that merged or split paragraphs) the whole article is one block for align_blocks, since
  pairing paragraphs one to one would force wrong beads at every paragraph after the
  first mismatch.

A predicted bead matches a gold bead when both sides' texts (sentences joined by a space,
white space collapsed) are equal. Precision, recall and F1 count beads with sentences on
both sides (1-1, 2-1, 1-2, 2-2): an omitted sentence wrongly paired makes a wrong bead,
so omissions count through them. NLTK reports links, not beads: its links are grouped
into beads by the sentences they share.

Speed: termbase aligns --articles article pairs (the gold articles repeated), the
glossary loaded once, as one `termbase align` run does.

    python benchmarks/bench_align.py [--gold DIR] [--articles 1000]

Needs NLTK (pip install 'termbase[bench]'); gale_church needs no NLTK data download.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from nltk.translate import gale_church

from termbase.align import Alignment, align_texts, sentences_of
from termbase.glossary import Glossary, default_glossary_paths

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "align-gold"
TARGET_F1 = 0.97
TARGET_MARGIN = 0.05  # termbase's F1 at least NLTK's plus this
TARGET_SECONDS = 60.0  # for 1,000 article pairs

BeadText = tuple[str, str]  # (Indonesian, English), sentences joined by a space


@dataclass(frozen=True)
class Article:
    name: str
    source_text: str
    target_text: str
    gold: list[BeadText]


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def add(self, gold: list[BeadText], predicted: list[BeadText]) -> None:
        gold_pairs = Counter(bead for bead in gold if all(bead))
        predicted_pairs = Counter(bead for bead in predicted if all(bead))
        self.gold += sum(gold_pairs.values())
        self.predicted += sum(predicted_pairs.values())
        self.matched += sum((gold_pairs & predicted_pairs).values())

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def collapsed(text: str) -> str:
    return " ".join(text.split())


def read_gold(folder: Path) -> list[Article]:
    articles = []
    for gold_path in sorted(folder.glob("*.gold.tsv")):
        name = gold_path.name.removesuffix(".gold.tsv")
        gold = []
        for line in gold_path.read_text(encoding="utf-8").splitlines():
            source, target = line.split("\t")
            gold.append((collapsed(source), collapsed(target)))
        articles.append(Article(name, (folder / f"{name}.id.txt").read_text(encoding="utf-8"),
                                (folder / f"{name}.en.txt").read_text(encoding="utf-8"), gold))
    return articles


def termbase_beads(alignment: Alignment) -> list[BeadText]:
    return [(collapsed(" ".join(alignment.source_sentences[i] for i in bead.source)),
             collapsed(" ".join(alignment.target_sentences[i] for i in bead.target)))
            for bead in alignment.beads]


def beads_of_links(links: list[tuple[int, int]], sources: list[str],
                   targets: list[str]) -> list[BeadText]:
    """NLTK's (source, target) links as beads: links sharing a sentence are one bead."""
    beads: list[tuple[set[int], set[int]]] = []
    for source, target in sorted(links):
        joined = [bead for bead in beads if source in bead[0] or target in bead[1]]
        merged: tuple[set[int], set[int]] = ({source}, {target})
        for bead in joined:
            merged[0].update(bead[0])
            merged[1].update(bead[1])
            beads.remove(bead)
        beads.append(merged)
    return [(" ".join(sources[i] for i in sorted(s)), " ".join(targets[j] for j in sorted(t)))
            for s, t in beads]


def nltk_beads(article: Article) -> list[BeadText]:
    source_paragraphs = sentences_of(article.source_text, "id")
    target_paragraphs = sentences_of(article.target_text, "en")
    if len(source_paragraphs) == len(target_paragraphs):
        linked = gale_church.align_texts(
            [[len(s) for s in paragraph] for paragraph in source_paragraphs],
            [[len(t) for t in paragraph] for paragraph in target_paragraphs])
        beads = []
        for links, sources, targets in zip(linked, source_paragraphs, target_paragraphs,
                                           strict=True):
            beads.extend(beads_of_links(links, sources, targets))
        return [(collapsed(s), collapsed(t)) for s, t in beads]
    sources = [s for paragraph in source_paragraphs for s in paragraph]
    targets = [t for paragraph in target_paragraphs for t in paragraph]
    links = gale_church.align_blocks([len(s) for s in sources], [len(t) for t in targets])
    return [(collapsed(s), collapsed(t)) for s, t in beads_of_links(links, sources, targets)]


def recall_by_kind(articles: list[Article], predicted: dict[str, list[BeadText]]
                   ) -> dict[str, tuple[int, int]]:
    """(found, gold) per kind of gold bead with both sides."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for article in articles:
        predicted_set = set(predicted[article.name])
        for bead in article.gold:
            if not all(bead):
                continue
            kind = f"{len(sentences_of(bead[0], 'id')[0])}-{len(sentences_of(bead[1], 'en')[0])}"
            total[kind] += 1
            found[kind] += bead in predicted_set
    return {kind: (found[kind], total[kind]) for kind in sorted(total)}


def seconds_for(articles: list[Article], count: int, glossary: Glossary) -> float:
    started = time.perf_counter()
    for number in range(count):
        article = articles[number % len(articles)]
        align_texts(article.source_text, article.target_text, glossary)
    return time.perf_counter() - started


def met(condition: bool) -> str:
    return "met" if condition else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of the gold set")
    parser.add_argument("--articles", type=int, default=1000,
                        help="article pairs aligned for the speed figure")
    options = parser.parse_args()

    articles = read_gold(options.gold)
    glossary = Glossary.load(default_glossary_paths())
    termbase_predicted = {a.name: termbase_beads(align_texts(a.source_text, a.target_text,
                                                             glossary))
                          for a in articles}
    nltk_predicted = {a.name: nltk_beads(a) for a in articles}
    scores = {"termbase": Score(), "nltk": Score()}
    for article in articles:
        scores["termbase"].add(article.gold, termbase_predicted[article.name])
        scores["nltk"].add(article.gold, nltk_predicted[article.name])

    print(f"gold set: {len(articles)} article pairs, "
          f"{sum(len(a.gold) for a in articles)} beads, "
          f"{scores['termbase'].gold} with sentences on both sides")
    print(f"{'':12}{'termbase':>10}{'nltk':>10}{'diff':>10}")
    for label in ("predicted", "matched"):
        ours, theirs = getattr(scores["termbase"], label), getattr(scores["nltk"], label)
        print(f"{label:12}{ours:>10}{theirs:>10}{ours - theirs:>+10}")
    for label in ("precision", "recall", "f1"):
        ours, theirs = getattr(scores["termbase"], label), getattr(scores["nltk"], label)
        print(f"{label:12}{ours:>10.4f}{theirs:>10.4f}{ours - theirs:>+10.4f}")
    print("recall by gold bead kind (termbase, nltk):")
    ours_by_kind = recall_by_kind(articles, termbase_predicted)
    theirs_by_kind = recall_by_kind(articles, nltk_predicted)
    for kind, (found, total) in ours_by_kind.items():
        print(f"  {kind}: {found}/{total}  {theirs_by_kind[kind][0]}/{total}")
    f1, nltk_f1 = scores["termbase"].f1, scores["nltk"].f1
    print(f"target termbase F1 >= {TARGET_F1}: {met(f1 >= TARGET_F1)}")
    print(f"target termbase F1 >= NLTK F1 + {TARGET_MARGIN} ({nltk_f1 + TARGET_MARGIN:.4f}): "
          f"{met(f1 >= nltk_f1 + TARGET_MARGIN)}")

    seconds = seconds_for(articles, options.articles, glossary)
    print(f"speed: {options.articles} article pairs in {seconds:.1f} s "
          f"({options.articles / seconds:.0f} pairs/s)")
    if options.articles == 1000:
        print(f"target <= {TARGET_SECONDS:.0f} s for 1,000 pairs: "
              f"{met(seconds <= TARGET_SECONDS)}")


if __name__ == "__main__":
    main()
