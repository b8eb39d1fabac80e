"""Speed of termbase align: article pairs aligned per second, with the shipped glossary.

Article pairs are built from the starter memory's sentence pairs (tm/starter.tmx):
each article takes 20 to 40 pairs at random, in paragraphs of one to four sentences,
and in about one article in three an English sentence is dropped (an omission) or two
are joined (a merge), so the programme meets every kind of bead. The same articles
give a rough accuracy (beads equal to the known ones); the real measure of accuracy is
the gold articles' benchmark.

    python benchmarks/bench_align_speed.py [--articles 1000] [--seed N]

Issue #13 asks for 1,000 article pairs in 60 s or less.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from termbase.align import align_texts
from termbase.formats.tmx import iter_tmx
from termbase.glossary.service import load_glossary

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 60.0

Bead = tuple[str, str]


def article(pairs: list[tuple[str, str]], rng: random.Random
            ) -> tuple[str, str, list[Bead]]:
    """An Indonesian text, its English one, and the beads that join them."""
    chosen = rng.sample(pairs, rng.randint(20, min(40, len(pairs))))
    beads: list[Bead] = [(s, t) for s, t in chosen]
    change = rng.random()
    k = rng.randrange(len(beads) - 1)
    if change < 0.15:
        beads[k] = (beads[k][0], "")  # the translator left a sentence out
    elif change < 0.3:
        (s1, t1), (s2, t2) = beads[k], beads[k + 1]
        beads[k:k + 2] = [(f"{s1} {s2}", f"{t1.rstrip('.')} and {t2[:1].lower()}{t2[1:]}")]
    source_paragraphs, target_paragraphs = [], []
    position = 0
    while position < len(beads):
        size = rng.randint(1, 4)
        group = beads[position:position + size]
        source_paragraphs.append(" ".join(s for s, _ in group))
        target_paragraphs.append(" ".join(t for _, t in group if t))
        position += size
    return "\n\n".join(source_paragraphs), "\n\n".join(target_paragraphs), beads


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pairs = [(u.source, u.target) for u in iter_tmx(str(ROOT / "tm" / "starter.tmx"))
             if u.source.strip() and u.target.strip()]
    articles = [article(pairs, rng) for _ in range(args.articles)]
    glossary = load_glossary(())
    started = time.perf_counter()
    alignments = [align_texts(source, target, glossary) for source, target, _ in articles]
    seconds = time.perf_counter() - started
    right = total = 0
    for alignment, (_, _, beads) in zip(alignments, articles, strict=True):
        wanted = {(" ".join(s.split()), " ".join(t.split())) for s, t in beads if s and t}
        found = {alignment.texts(b) for b in alignment.beads if b.source and b.target}
        right += len(wanted & found)
        total += len(wanted)
    sentences = sum(len(a.source_sentences) + len(a.target_sentences) for a in alignments)
    verdict = "within" if seconds <= TARGET_SECONDS * args.articles / 1000 else "OVER"
    print(f"{args.articles} article pairs ({sentences} sentences) in {seconds:.1f} s "
          f"({seconds / args.articles * 1000:.1f} ms each; {verdict} the "
          f"{TARGET_SECONDS:g} s per 1,000 target)")
    print(f"beads with both sides as built: {right}/{total} found ({right / total:.1%})")


if __name__ == "__main__":
    main()
