"""Translation-memory speed: import, search latency, match quality, and a reference.

For each size (100,000 and 1,000,000 units by default) it generates a synthetic memory
from the repository's own sentence pairs (tm/*.tmx when present, and the glossaries'
Indonesian/English definitions), each unit a base pair with one to three words replaced
and a number varied, writes it as one TMX file, and reports in one run:

* import time and peak RSS of `termbase tm import` (a subprocess; RSS from wait4);
* search latency p50 and p95 over 200 queries (stored sentences with one to three words
  changed), through the library, as `termbase tm search` runs it;
* top-1 agreement with an exhaustive scan using the same word-level scorer (every unit
  scored; words mapped to code points so that rapidfuzz's C++ Levenshtein computes the
  word-level distance);
* at the smaller size, translate-toolkit's translate.search.match.matcher on the same
  units and queries (max_length raised so that it compares whole sentences), and the
  speed ratio.

    python benchmarks/bench_tm.py [--sizes 100000 1000000] [--queries 200] [--keep]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SEED = 20261127
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TARGETS = {"import_s": 90, "rss_mb": 300, "p50_ms": 20, "p95_ms": 60}


def base_pairs() -> list[tuple[str, str]]:
    pairs = []
    for path in sorted((ROOT / "tm").glob("*.tmx")):
        for tu in etree.parse(str(path)).iter("tu"):
            segs = {tuv.get(XML_LANG, "")[:2].lower(): "".join(tuv.find("seg").itertext())
                    for tuv in tu.iter("tuv")}
            if "id" in segs and "en" in segs:
                pairs.append((segs["id"], segs["en"]))
    for path in sorted((ROOT / "glossaries").glob("*.tbx")):
        for entry in etree.parse(str(path)).iter("termEntry"):
            definitions = {}
            for section in entry.iter("langSet"):
                for descrip in section.iter("descrip"):
                    if descrip.get("type") == "definition":
                        definitions[section.get(XML_LANG)] = descrip.text or ""
            if definitions.get("id") and definitions.get("en"):
                pairs.append((definitions["id"], definitions["en"]))
    return pairs


def vary(sentence: str, vocabulary: list[str], rng: random.Random, changes: int) -> str:
    words = sentence.split(" ")
    for _ in range(changes):
        position = rng.randrange(len(words))
        words[position] = rng.choice(vocabulary)
    return " ".join(words)


def generate(size: int, pairs, vocabulary, rng: random.Random, path: Path,
             picks: set[int]) -> dict[int, str]:
    """Write size units as TMX (streamed); return the sources of the picked units only,
    so that this process stays small while the import it times runs."""
    picked = {}
    with etree.xmlfile(str(path), encoding="UTF-8") as xf:
        xf.write_declaration()
        with xf.element("tmx", version="1.4"):
            xf.write(etree.Element("header", creationtool="termbase-bench",
                                   creationtoolversion="1", segtype="sentence",
                                   adminlang="en-US", srclang="id-ID", datatype="plaintext",
                                   **{"o-tmf": "bench"}))
            with xf.element("body"):
                for number in range(size):
                    source, target = pairs[number % len(pairs)]
                    # No unique marker in the source: it would make retrieval trivial.
                    source = vary(source, vocabulary, rng, rng.randint(1, 3))
                    if number in picks:
                        picked[number] = source
                    tu = etree.Element("tu")
                    for language, text in (("id-ID", source), ("en-US", f"{target} ({number})")):
                        tuv = etree.SubElement(tu, "tuv", {XML_LANG: language})
                        etree.SubElement(tuv, "seg").text = text
                    xf.write(tu)
    return picked


def timed_import(termbase: str, tmx: Path, memory: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of `termbase tm import`.

    The peak is VmHWM of the child's own address space, sampled from /proc while it runs:
    wait4's ru_maxrss would also count the memory of this (large) process that the child
    held between fork and exec.
    """
    start = time.perf_counter()
    process = subprocess.Popen([termbase, "tm", "import", str(tmx), "--tm", str(memory)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    status = Path(f"/proc/{process.pid}/status")
    peak_kib = 0
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kib = max(peak_kib, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"import failed: {process.stderr.read().decode(errors='replace')}")
    return elapsed, peak_kib / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class WordCodes:
    """Words as single code points, so that character Levenshtein is word Levenshtein."""

    def __init__(self):
        self.codes: dict[str, str] = {}

    def encode(self, words: list[str]) -> str:
        out = []
        for word in words:
            code = self.codes.get(word)
            if code is None:
                number = len(self.codes) + 0x100
                if number >= 0xD800:
                    number += 0x800  # skip surrogates
                code = self.codes[word] = chr(number)
            out.append(code)
        return "".join(out)


def exhaustive_best(query_code: str, choices: list[str]) -> float:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    best = process.extractOne(query_code, choices, scorer=Levenshtein.normalized_similarity)
    return best[1] * 100


def run_size(size: int, args, termbase: str, pairs, vocabulary, work: Path) -> dict:
    from termbase.tm import scoring
    from termbase.tm.store import SQLiteMemory

    rng = random.Random(SEED + size)
    tmx, memory_path = work / f"memory-{size}.tmx", work / f"memory-{size}.sqlite"
    picks = [rng.randrange(size) for _ in range(args.queries)]
    picked = generate(size, pairs, vocabulary, rng, tmx, set(picks))
    import_s, rss_mb = timed_import(termbase, tmx, memory_path)
    memory = SQLiteMemory(memory_path)
    queries = [vary(picked[i], vocabulary, rng, rng.randint(1, 3)) for i in picks]
    latencies, tops = [], []
    for query in queries:
        start = time.perf_counter()
        matches = memory.search(query, min_score=0, limit=1)
        latencies.append((time.perf_counter() - start) * 1000)
        tops.append(matches[0].score if matches else 0.0)
    codes = WordCodes()
    choices = [codes.encode(norm.split(" ") if norm else [])
               for (norm,) in memory.db.execute("SELECT source_norm FROM units")]
    agree = 0
    for query, top in zip(queries, tops, strict=True):
        best = exhaustive_best(codes.encode(scoring.words(query)), choices)
        # The store caps fuzzy scores at 97 and lifts near-exact ones: compare in bands.
        agree += abs(min(best, scoring.FUZZY_CAP) - min(top, scoring.FUZZY_CAP)) < 0.05 or (
            top >= scoring.FUZZY_CAP and best >= scoring.FUZZY_CAP)
    result = {"size": size, "import_s": import_s, "rss_mb": rss_mb,
              "p50_ms": statistics.median(latencies), "p95_ms": percentile(latencies, 0.95),
              "agreement": agree / len(queries),
              "db_mb": memory_path.stat().st_size / 2**20}
    if size == min(args.sizes):
        sources = [source for (source,) in memory.db.execute("SELECT source FROM units")]
        result.update(translate_toolkit(sources, queries, result["p50_ms"]))
    memory.close()
    if not args.keep:
        tmx.unlink()
        memory_path.unlink()
    return result


def translate_toolkit(sources: list[str], queries: list[str], our_p50: float) -> dict:
    from translate.search.match import matcher
    from translate.storage import po

    store = po.pofile()
    for number, source in enumerate(sources):
        unit = store.addsourceunit(source)
        unit.target = f"t{number}"
    start = time.perf_counter()
    tt = matcher(store, max_candidates=1, min_similarity=75, max_length=2000)
    build = time.perf_counter() - start
    latencies = []
    for query in queries[: max(10, len(queries) // 10)]:  # it scans: a sample suffices
        start = time.perf_counter()
        tt.matches(query)
        latencies.append((time.perf_counter() - start) * 1000)
    p50 = statistics.median(latencies)
    return {"tt_build_s": build, "tt_p50_ms": p50, "tt_queries": len(latencies),
            "speed_ratio": p50 / our_p50 if our_p50 else float("inf")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    termbase = str(Path(sys.executable).with_name("termbase"))
    if not Path(termbase).exists():
        termbase = shutil.which("termbase") or sys.exit("termbase is not installed")
    pairs = base_pairs()
    vocabulary = sorted({w for s, _ in pairs for w in re.findall(r"[^\W\d_]{3,}", s)})
    work = Path(tempfile.mkdtemp(prefix="termbase-bench-tm-"))
    print(f"base pairs: {len(pairs)}, vocabulary: {len(vocabulary)} words; work in a "
          f"temporary folder; {args.queries} queries per size")
    results = []
    try:
        for size in sorted(args.sizes):
            results.append(run_size(size, args, termbase, pairs, vocabulary, work))
            r = results[-1]
            print(f"{size:>9,} units: import {r['import_s']:6.1f} s, peak RSS "
                  f"{r['rss_mb']:5.0f} MB, database {r['db_mb']:5.0f} MB, search p50 "
                  f"{r['p50_ms']:5.1f} ms, p95 {r['p95_ms']:5.1f} ms, top-1 agreement "
                  f"{r['agreement']:.3f}", flush=True)
            if "tt_p50_ms" in r:
                print(f"{'':>16}translate-toolkit matcher: build {r['tt_build_s']:.1f} s, p50 "
                      f"{r['tt_p50_ms']:.1f} ms over {r['tt_queries']} queries: termbase is "
                      f"{r['speed_ratio']:.0f}x faster", flush=True)
    finally:
        if args.keep:
            print(f"files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    largest = results[-1]
    print("targets at the largest size: " + ", ".join(
        f"{name} {largest[name]:.1f} (<= {limit}: {'met' if largest[name] <= limit else 'NOT met'})"
        for name, limit in TARGETS.items()))
    print(f"top-1 agreement {largest['agreement']:.3f} (>= 0.99: "
          f"{'met' if largest['agreement'] >= 0.99 else 'NOT met'})")
    ratio = results[0].get("speed_ratio")
    if ratio is not None:
        print(f"speed against translate-toolkit at {results[0]['size']:,}: {ratio:.0f}x "
              f"(>= 50x: {'met' if ratio >= 50 else 'NOT met'})")


if __name__ == "__main__":
    main()
