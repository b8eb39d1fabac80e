"""The length model of termbase align, estimated from sentence pairs.

Gale & Church model the length of a translation as c times the source's, with a normal
error whose variance is s2 per source character. This script estimates both from a
memory file (default: the starter memory, tm/starter.tmx), as the engine's LENGTH_RATIO
and LENGTH_VARIANCE were:

    python benchmarks/align_length_model.py [MEMORY.tmx|.tsv|.po ...]

c is total English characters over total Indonesian characters; s2 the mean of
(l_en - c * l_id)^2 / l_id over the pairs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from termbase.formats.tm_io import iter_units

ROOT = Path(__file__).resolve().parents[1]


def estimate(pairs: list[tuple[int, int]]) -> tuple[float, float]:
    ratio = sum(t for _, t in pairs) / sum(s for s, _ in pairs)
    variance = sum((t - s * ratio) ** 2 / s for s, t in pairs) / len(pairs)
    return ratio, variance


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", default=[str(ROOT / "tm" / "starter.tmx")])
    args = parser.parse_args()
    pairs = [(len(unit.source), len(unit.target)) for path in args.files
             for unit in iter_units(path) if unit.source.strip() and unit.target.strip()]
    ratio, variance = estimate(pairs)
    print(f"{len(pairs)} pairs: LENGTH_RATIO = {ratio:.3f}, LENGTH_VARIANCE = {variance:.2f}")


if __name__ == "__main__":
    main()
