"""How often `glossary suggest --bilingual` gives a glossary term its glossary English first.

Reads the aligned gold set (benchmarks/align-gold/*.gold.tsv: one bead per line,
Indonesian and English separated by a tab), keeps the beads with both sides as
sentence pairs, runs termbase.glossary.bilingual.suggest_pairs over them with the
shipped glossary, and counts the glossary's term pairs that occur in the set: a
preferred or admitted Indonesian term held by the Indonesian side of a pair whose
English side holds one of the concept's English terms. Such a term pair is proposed
right when the suggestion for the Indonesian term puts one of the concept's English
terms first. Issue #13's target: at least 80 %. It prints figures, it is not a test.

    python benchmarks/bench_suggest_bilingual.py [--gold DIR | --tm FILE] [--min-count 1] [-v]

--tm reads the sentence pairs of a memory file instead (TMX, TSV, XLIFF, PO): the
starter memory, tm/starter.tmx, was not used to choose anything and is the check that
the figures on the gold set are not fitted to it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termbase.glossary import Glossary, default_glossary_paths  # noqa: E402
from termbase.glossary.bilingual import _stems, suggest_pairs, units  # noqa: E402
from termbase.glossary.matcher import TermMatcher  # noqa: E402
from termbase.lang.english import stem  # noqa: E402
from termbase.lang.tokens import tokenize  # noqa: E402
from termbase.model import Status  # noqa: E402

TARGET = 0.80


def gold_pairs(folder: Path) -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(folder.glob("*.gold.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            source, _, target = line.partition("\t")
            if source.strip() and target.strip():
                pairs.append((source.strip(), target.strip()))
    return pairs


def occurring_term_pairs(pairs: list[tuple[str, str]], glossary: Glossary
                         ) -> dict[str, set[tuple[str, ...]]]:
    """Indonesian term -> the stems of its concept's English terms, for the glossary's
    term pairs that occur together in some pair."""
    entries = [(c, t) for c in glossary.concepts for t in c.terms_in("id")
               if t.status in (Status.PREFERRED, Status.ADMITTED)]
    matcher = TermMatcher(entries)
    occurring: dict[str, set[tuple[str, ...]]] = {}
    for source, target in pairs:
        english = tuple(stem(w.text) for w in units(target))
        for match in matcher.find(tokenize(source)):
            stems = {_stems(t.text) for t in match.concept.terms_in("en")}
            if any(_holds(english, key) for key in stems if key):
                occurring.setdefault(match.term.text, set()).update(stems)
    return occurring


def _holds(sentence: tuple[str, ...], key: tuple[str, ...]) -> bool:
    return any(sentence[i:i + len(key)] == key for i in range(len(sentence) - len(key) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "benchmarks" / "align-gold")
    parser.add_argument("--tm", type=Path, help="read the pairs of this memory file")
    parser.add_argument("--min-count", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.tm is not None:
        from termbase.formats.tm_io import iter_units

        pairs = [(unit.source, unit.target) for unit in iter_units(args.tm)]
    else:
        pairs = gold_pairs(args.gold)
    if not pairs:
        sys.exit(f"no sentence pairs in {args.tm or args.gold}")
    glossary = Glossary.load(default_glossary_paths())
    occurring = occurring_term_pairs(pairs, glossary)
    started = time.perf_counter()
    found = {p.term: p for p in suggest_pairs(pairs, glossary, args.min_count, limit=10**6)}
    seconds = time.perf_counter() - started
    right, misses = 0, []
    for term, english in sorted(occurring.items()):
        suggestion = found.get(term)
        best = suggestion.equivalents[0].text if suggestion and suggestion.equivalents \
            else None
        if best is not None and _stems(best) in english:
            right += 1
        else:
            misses.append(f"{term}: proposed {best!r}")
    share = right / len(occurring) if occurring else 0.0
    print(f"{len(pairs):,} sentence pairs; {len(glossary.concepts):,} concepts; "
          f"suggest took {seconds:.2f} s")
    print(f"glossary term pairs occurring: {len(occurring)}; right English first: "
          f"{right} ({share:.1%}); target >= {TARGET:.0%}: "
          f"{'met' if share >= TARGET else 'NOT met'}")
    if args.verbose:
        for miss in misses:
            print(f"  miss: {miss}")


if __name__ == "__main__":
    main()
