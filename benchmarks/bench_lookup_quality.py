"""How often `termbase lookup` puts the right concept first, by kind of query.

Reads benchmarks/lookup-queries.tsv (category, query, the concept id expected first;
queries written for termbase over the shipped glossaries: exact terms, English to
Indonesian, acronyms, inflected and reduplicated forms, typos, deprecated variants,
partial terms, odd case) and prints, per category and in all, how many came first,
then each miss with what came first instead. A query whose expected concept is not in
the glossary is reported as such (the glossary changed under it). It prints figures,
it is not a test.

    python benchmarks/bench_lookup_quality.py [--queries FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termbase.glossary import Glossary, default_glossary_paths  # noqa: E402
from termbase.glossary.lookup import lookup  # noqa: E402


def read_queries(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, query, expected = line.split("\t")
            rows.append((category, query, expected))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=Path, default=ROOT / "benchmarks" / "lookup-queries.tsv")
    args = parser.parse_args()
    glossary = Glossary.load(default_glossary_paths())
    known = {concept.id for concept in glossary.concepts}
    first, asked = Counter(), Counter()
    misses = []
    for category, query, expected in read_queries(args.queries):
        asked[category] += 1
        if expected not in known:
            misses.append(f"{category}: {query!r}: {expected} is not in the glossary")
            continue
        hits = lookup(glossary, query)
        if hits and hits[0].concept.id == expected:
            first[category] += 1
        else:
            found = hits[0].concept.id if hits else "nothing"
            misses.append(f"{category}: {query!r}: expected {expected}, first {found}")
    print(f"{len(glossary.concepts):,} concepts; {sum(asked.values())} queries")
    for category in asked:
        print(f"  {category:<12}{first[category]:>4} / {asked[category]}")
    print(f"  {'all':<12}{sum(first.values()):>4} / {sum(asked.values())}")
    for miss in misses:
        print(f"  miss: {miss}")


if __name__ == "__main__":
    main()
