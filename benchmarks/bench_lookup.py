"""Time from process start to printed answer for `termbase lookup`.

Runs, in one session and interleaved so that machine noise hits all alike:
`python -c pass` (the interpreter's own start-up), `termbase lookup "Sabuk dan Jalan"`
and `termbase lookup Cina --format json` with the shipped glossaries, each --runs times,
and prints the median and best of each and the difference from `python -c pass`.
The glossary cache is a private folder: its first run (cache empty) is reported apart.

    python benchmarks/bench_lookup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 0.3


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    termbase = str(Path(sys.executable).with_name("termbase"))
    if not Path(termbase).exists():
        termbase = shutil.which("termbase") or sys.exit("termbase is not installed")
    cache = Path(tempfile.mkdtemp(prefix="termbase-lookup-cache-"))
    env = {**os.environ, "TERMBASE_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'termbase lookup "Sabuk dan Jalan"': [termbase, "lookup", "Sabuk dan Jalan"],
        "termbase lookup Cina --format json": [termbase, "lookup", "Cina", "--format", "json"],
    }
    try:
        first = timed(commands['termbase lookup "Sabuk dan Jalan"'], env)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                samples[name].append(timed(command, env))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    baseline = statistics.median(samples["python -c pass"])
    print(f"{'command':<38}{'median s':>10}{'best s':>10}{'- python':>10}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:<38}{median:>10.3f}{min(values):>10.3f}{median - baseline:>10.3f}")
    print(f"first lookup with an empty glossary cache: {first:.3f} s")
    worst = max(statistics.median(v) for n, v in samples.items() if n.startswith("termbase"))
    verdict = "met" if worst <= TARGET_SECONDS else "NOT met"
    print(f"target: lookup <= {TARGET_SECONDS} s from process start: {verdict} "
          f"({args.runs} runs each)")


if __name__ == "__main__":
    main()
