"""Benchmark: checking a bilingual file against checking its sources as an article.

Issue #11 reported `termbase check` taking 48 s on a TMX of 259 units. A bilingual
check runs every article rule on the sources (joined as one document) plus the
bilingual rules on the targets, so it should cost about what checking the same
Indonesian text as an article costs, plus the English side.

The inputs are built from the repository's own starter memory (tm/starter.tmx), its
first --units units (259 by default) written to a temporary folder:

* clean.tmx: the units as they are (finished English translations);
* leftover.tmx: the same, with every fourth target replaced by the Indonesian source of
  another unit, as a file handed back half done holds: hundreds of words the English
  speller does not know (the shape that took 48 s);
* article.txt: the units' sources, one paragraph each.

Each command is `termbase check --format json --fail-on never FILE`, run as a
subprocess with the Python running this script (so PYTHONPATH=src measures a working
tree), a private glossary cache (warmed by one run first) and the best wall-clock time
of --runs rounds that run every command in turn. It prints each time and the ratios
bilingual / article. A benchmark prints figures; no test times these.

Run from the repository: PYTHONPATH=src python benchmarks/bench_bilingual.py [--runs 5]
                         [--units 259]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parent.parent
STARTER = REPO / "tm" / "starter.tmx"
LEFTOVER_EVERY = 4


def build(folder: Path, units: int) -> dict[str, Path]:
    """clean.tmx, leftover.tmx and article.txt from the first units of the starter TMX."""
    tree = etree.parse(str(STARTER))
    body = tree.getroot().find("body")
    assert body is not None
    kept = body.findall("tu")[:units]
    for extra in body.findall("tu")[units:]:
        body.remove(extra)
    sources = [tu.findall("tuv")[0].findtext("seg") or "" for tu in kept]
    paths = {"article": folder / "article.txt", "clean": folder / "clean.tmx",
             "leftover": folder / "leftover.tmx"}
    paths["article"].write_text("\n\n".join(sources) + "\n", encoding="utf-8")
    tree.write(str(paths["clean"]), encoding="UTF-8", xml_declaration=True)
    for index, tu in enumerate(kept):
        if index % LEFTOVER_EVERY == 0:
            target = tu.findall("tuv")[1].find("seg")
            assert target is not None
            target.text = sources[(index + 7) % len(sources)]
    tree.write(str(paths["leftover"]), encoding="UTF-8", xml_declaration=True)
    return paths


def command(path: Path) -> list[str]:
    return [sys.executable, "-c", "from termbase.cli import main; main()", "check",
            "--format", "json", "--fail-on", "never", str(path)]


def run_once(path: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command(path), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        sys.exit(f"check {path.name} exited {completed.returncode}:\n"
                 + completed.stderr.decode(errors="replace"))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--units", type=int, default=259)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        paths = build(folder, options.units)
        env = {**os.environ, "TERMBASE_CACHE_DIR": str(folder / "cache")}
        run_once(paths["article"], env)  # fills the glossary cache
        best = dict.fromkeys(paths, float("inf"))
        for _ in range(options.runs):
            for name, path in paths.items():
                best[name] = min(best[name], run_once(path, env))
    print(f"{options.units} units, best of {options.runs} runs, wall-clock seconds")
    for name, path in paths.items():
        print(f"  {path.name:<14}{best[name]:7.2f} s")
    for name in ("clean", "leftover"):
        print(f"  {name}.tmx / article.txt: {best[name] / best['article']:.2f}x")


if __name__ == "__main__":
    main()
