"""The desk server under load (issue #12): `termbase serve` on 127.0.0.1 with a memory
of N units, C concurrent clients for D seconds, on PostgreSQL and on SQLite in one run.

For each store it builds (or, with --reuse, finds already built) a memory of N units
generated as benchmarks/bench_tm.py generates them (a base pair of tm/*.tmx or of the
glossaries' definitions with one to three words replaced), creates a translator with an
API token, starts `termbase serve --workers W` as a subprocess in a temporary workspace
holding copies of the shipped glossaries, and runs C client threads, each with its own
keep-alive connection, each sending requests back to back (no think time; --pause
gives one) in this mix:

* 40 % look-ups (GET /api/v1/lookup): glossary terms as written, inflected
  (-nya, -an, di-), with a typo, or English;
* 35 % memory searches (GET /api/v1/tm/search): stored sentences with one to three
  words changed;
* 20 % checks (POST /api/v1/check) of ~4 KB articles built from stored sentences;
* 5 % writes (POST /api/v1/tm/units) of unique sentence pairs, each recorded.

A warm-up (--warmup seconds, not counted) lets every worker load the glossary and the
checker first. Afterwards every written unit is read back from the store by the id the
server answered: a unit missing or different is a lost write. An error is any answer
other than 2xx, or an exception (refused connection, time-out); a request that fails
because the server had closed the client's idle kept-alive connection is sent once more
on a new one, and counted apart. It prints, per store and
kind, the count, p50, p95, p99 and max latency (ms, measured by the client), the
throughput, the errors and the lost writes, and whether the targets are met.

    python benchmarks/bench_serve.py [--units 1000000] [--clients 50] [--seconds 60]
        [--workers 2] [--only pg|sqlite] [--db URL] [--work DIR] [--reuse] [--keep]
        [--plans]

Without --db a throw-away PostgreSQL cluster is started (tests/postgres.py) and removed
at the end. --work names a folder for the SQLite memory (default: a temporary one);
--reuse uses a memory there (and in --db) that already holds N units; --keep leaves the
folder in place. --plans also prints the PostgreSQL memory's table and index sizes
and the plans of a search's and a concordance's queries (EXPLAIN ANALYZE), for the
sizing in docs/deployment.md. This is a script that prints figures, never a test.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termbase.model import TranslationUnit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_tm import base_pairs, percentile, vary  # noqa: E402

SEED = 20261203
MIX = (("lookup", 0.40), ("search", 0.35), ("check", 0.20), ("write", 0.05))
TARGETS_MS = {"lookup": 50.0, "search": 150.0}  # p95
ARTICLE_BYTES = 4096
SLOWEST_SHOWN = 3  # the slowest requests of a kind with a target, printed
TRANSLATOR = "bench-penerjemah"
PASSWORD = "kata-sandi-bench-123"


# --- the memory ---------------------------------------------------------------------
def generated_units(size: int, pairs: list[tuple[str, str]], vocabulary: list[str]
                    ) -> Iterator[TranslationUnit]:
    from termbase.model import TranslationUnit

    rng = random.Random(SEED + size)
    for number in range(size):
        source, target = pairs[number % len(pairs)]
        yield TranslationUnit(vary(source, vocabulary, rng, rng.randint(1, 3)),
                              f"{target} ({number})", "id-ID", "en-US", origin="bench.tmx")


def build_memory(location: str, size: int, pairs: list[tuple[str, str]],
                 vocabulary: list[str], reuse: bool) -> float:
    """Seconds spent importing size units into the memory at location (0 when reused)."""
    from termbase.tm.store import open_memory

    memory = open_memory(location, create=True)
    try:
        count = memory.count()
        if reuse and count >= size:
            return 0.0
        if count:
            sys.exit(f"{location}: the memory holds {count:,} units; give an empty one, "
                     f"or --reuse one of at least {size:,}")
        start = time.perf_counter()
        memory.import_units(generated_units(size, pairs, vocabulary))
        return time.perf_counter() - start
    finally:
        memory.close()


def empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tm CASCADE")
        connection.execute("DROP SCHEMA IF EXISTS accounts CASCADE")


def translator_token(accounts_location: str) -> str:
    from termbase.accounts import open_accounts

    accounts = open_accounts(accounts_location)
    try:
        if accounts.get(TRANSLATOR) is None:
            accounts.add_user(TRANSLATOR, PASSWORD, "translator")
        return accounts.new_api_token(TRANSLATOR, f"bench-{time.time_ns()}")
    finally:
        accounts.close()


# --- the server ---------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def workspace(folder: Path, memory: str) -> None:
    from termbase.workspace import starter_glossaries

    glossaries = folder / "glossaries"
    glossaries.mkdir(parents=True, exist_ok=True)
    for path in starter_glossaries():
        shutil.copyfile(path, glossaries / path.name)
    (folder / "termbase.toml").write_text(
        f'glossary = ["glossaries"]\ntm = {json.dumps(memory)}\n', encoding="utf-8")


@contextlib.contextmanager
def serving(folder: Path, workers: int, extra: list[str], log: Path) -> Iterator[int]:
    port = free_port()
    command = [sys.executable, "-c", "from termbase.cli import main; main()", "serve",
               "--port", str(port), "--workers", str(workers), *extra]
    import termbase

    environment = {k: v for k, v in os.environ.items() if k != "TERMBASE_TM"}
    # The server runs the termbase this script imports, wherever its cwd is: a relative
    # PYTHONPATH, or an installed copy found first, would serve other code.
    package_root = str(Path(termbase.__file__).resolve().parents[1])
    environment["PYTHONPATH"] = os.pathsep.join(
        [package_root, *filter(None, [environment.get("PYTHONPATH")])])
    with open(log, "ab") as output:
        server = subprocess.Popen(command, cwd=folder, env={**environment, "NO_COLOR": "1"},
                                  stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if server.poll() is not None:
                sys.exit(f"termbase serve stopped: see {log}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/api/v1/openapi.json")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            sys.exit("termbase serve did not answer within 120 s")
        yield port
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


# --- what the clients send -------------------------------------------------------------
@dataclass
class Material:
    terms_id: list[str]
    terms_en: list[str]
    sentences: list[str]
    pairs: list[tuple[str, str]]
    vocabulary: list[str]
    articles: list[str]


def material(pairs: list[tuple[str, str]], vocabulary: list[str]) -> Material:
    from termbase.glossary import Glossary
    from termbase.workspace import starter_glossaries

    glossary = Glossary.load([str(p) for p in starter_glossaries()])
    terms_id = [t.text for c in glossary.concepts for t in c.terms if t.language == "id"]
    terms_en = [t.text for c in glossary.concepts for t in c.terms if t.language == "en"]
    rng = random.Random(SEED)
    sources = [s for s, _ in pairs]
    articles = []
    for _ in range(50):
        paragraphs, size = [], 0
        while size < ARTICLE_BYTES:
            paragraph = " ".join(vary(rng.choice(sources), vocabulary, rng, rng.randint(1, 3))
                                 for _ in range(rng.randint(3, 5)))
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
        articles.append("\n\n".join(paragraphs))
    return Material(terms_id, terms_en, sources, pairs, vocabulary, articles)


def lookup_query(stuff: Material, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.25:
        return rng.choice(stuff.terms_en)
    term = rng.choice(stuff.terms_id)
    if kind < 0.5:
        return term
    if kind < 0.75:  # inflected: the last word with a suffix, or the first with di-
        words = term.split(" ")
        if rng.random() < 0.5:
            words[-1] += rng.choice(["nya", "an"])
        else:
            words[0] = "di" + words[0].lower()
        return " ".join(words)
    if len(term) < 5:
        return term
    position = rng.randrange(1, len(term) - 1)  # a typo: two letters swapped
    return term[:position] + term[position + 1] + term[position] + term[position + 2:]


@dataclass
class Outcome:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    written: list[tuple[int, str, str]] = field(default_factory=list)
    unconfirmed: int = 0  # writes whose answer never came (errors, not lost writes)
    stale: int = 0  # requests sent again after the server closed an idle connection
    client_cpu_share: float = 0.0  # CPU seconds the clients used per second of load
    # the slowest requests of each kind: (ms, path)
    slowest: dict[str, list[tuple[float, str]]] = field(default_factory=dict)


class Client(threading.Thread):
    def __init__(self, number: int, port: int, token: str, stuff: Material,
                 start_at: float, count_from: float, stop_at: float, outcome: Outcome,
                 lock: threading.Lock, pause: float = 0.0):
        super().__init__(daemon=True)
        self.number, self.port, self.stuff = number, port, stuff
        self.headers = {"Authorization": f"Bearer {token}"}
        self.start_at, self.count_from, self.stop_at = start_at, count_from, stop_at
        self.outcome, self.lock, self.pause = outcome, lock, pause
        self.rng = random.Random(SEED * 1000 + number)
        self.connection: http.client.HTTPConnection | None = None
        self.writes = 0
        self.stale = 0  # requests sent again on a new connection

    def _request(self, method: str, path: str, body: dict | None) -> tuple[int, bytes]:
        """The answer's status and body. A kept-alive connection that the server closed
        while the client paused (uvicorn closes idle ones after 5 s) fails before the
        server reads the request: that is tried once more on a new connection, as HTTP
        clients do; the pair key makes a write sent twice one unit anyway."""
        headers = dict(self.headers)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        reused = self.connection is not None
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port,
                                                             timeout=60)
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError,
                    ConnectionResetError):
                self.connection.close()
                self.connection = None
                if not reused or attempt:
                    raise
                self.stale += 1
            except Exception:
                self.connection.close()
                self.connection = None
                raise
        raise AssertionError("unreachable")

    def _one(self) -> tuple[str, str, str, dict | None]:
        draw, kind = self.rng.random(), "write"
        for name, share in MIX:
            if draw < share:
                kind = name
                break
            draw -= share
        rng, stuff = self.rng, self.stuff
        if kind == "lookup":
            query = urllib.parse.urlencode({"q": lookup_query(stuff, rng)})
            return kind, "GET", f"/api/v1/lookup?{query}", None
        if kind == "search":
            sentence = vary(rng.choice(stuff.sentences), stuff.vocabulary, rng,
                            rng.randint(1, 3))
            return kind, "GET", f"/api/v1/tm/search?{urllib.parse.urlencode({'q': sentence})}", None
        if kind == "check":
            return kind, "POST", "/api/v1/check", {"text": rng.choice(stuff.articles)}
        self.writes += 1
        source, target = rng.choice(stuff.pairs)
        marker = f"{self.number}-{self.writes}-{rng.randrange(10**9)}"
        return kind, "POST", "/api/v1/tm/units", {
            "source": f"{vary(source, stuff.vocabulary, rng, 1)} Kode {marker}.",
            "target": f"{target} Code {marker}.", "origin": "bench-serve"}

    def run(self) -> None:
        time.sleep(max(0.0, self.start_at - time.monotonic()))
        latencies: dict[str, list[float]] = {}
        errors: dict[str, int] = {}
        messages: list[str] = []
        written: list[tuple[int, str, str]] = []
        slowest: dict[str, list[tuple[float, str]]] = {}
        unconfirmed = 0
        while (began := time.monotonic()) < self.stop_at:
            kind, method, path, body = self._one()
            counted = began >= self.count_from
            try:
                status, answer = self._request(method, path, body)
                failed = not 200 <= status < 300
                if failed and len(messages) < 5:
                    messages.append(f"{kind} {status}: {answer[:200]!r}")
            except Exception as exc:
                failed, answer = True, b""
                if len(messages) < 5:
                    messages.append(f"{kind}: {type(exc).__name__}: {exc}")
                if kind == "write":
                    unconfirmed += 1
            elapsed = (time.monotonic() - began) * 1000
            if kind == "write" and not failed:  # counted or not, it must be kept
                unit = json.loads(answer)["unit"]
                written.append((unit["id"], body["source"], body["target"]))  # type: ignore[index]
            if counted:
                latencies.setdefault(kind, []).append(elapsed)
                slowest[kind] = sorted([*slowest.get(kind, []), (elapsed, path)],
                                       reverse=True)[:SLOWEST_SHOWN]
                if failed:
                    errors[kind] = errors.get(kind, 0) + 1
            elif failed:  # warm-up errors are errors too
                errors[kind] = errors.get(kind, 0) + 1
            if self.pause:  # a person reading: exponential, pause seconds on average
                time.sleep(min(self.rng.expovariate(1 / self.pause), 10 * self.pause))
        if self.connection is not None:
            self.connection.close()
        with self.lock:
            for kind, values in latencies.items():
                self.outcome.latencies.setdefault(kind, []).extend(values)
            for kind, number in errors.items():
                self.outcome.errors[kind] = self.outcome.errors.get(kind, 0) + number
            self.outcome.messages.extend(messages)
            for kind, found in slowest.items():
                self.outcome.slowest[kind] = sorted(
                    [*self.outcome.slowest.get(kind, []), *found], reverse=True)[:SLOWEST_SHOWN]
            self.outcome.written.extend(written)
            self.outcome.unconfirmed += unconfirmed
            self.outcome.stale += self.stale


def load(port: int, token: str, stuff: Material, clients: int, seconds: float,
         warmup: float, pause: float = 0.0) -> Outcome:
    outcome, lock = Outcome(), threading.Lock()
    start_at = time.monotonic() + 0.5
    count_from, stop_at = start_at + warmup, start_at + warmup + seconds
    threads = [Client(n, port, token, stuff, start_at, count_from, stop_at, outcome, lock,
                      pause) for n in range(clients)]
    cpu_before = time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # The clients share the machine with the server: what they took is not the server's.
    outcome.client_cpu_share = (time.process_time() - cpu_before) / (warmup + seconds)
    return outcome


def lost_writes(location: str, written: list[tuple[int, str, str]]) -> int:
    from termbase.tm.store import open_memory

    memory = open_memory(location, create=False)
    try:
        lost = 0
        for unit_id, source, target in written:
            unit = memory.get(unit_id)  # type: ignore[attr-defined]
            if unit is None or unit.source != source or unit.target != target:
                lost += 1
        return lost
    finally:
        memory.close()


# --- sizes and plans (docs/deployment.md) -----------------------------------------------
def print_sizes_and_plans(url: str, pairs: list[tuple[str, str]], vocabulary: list[str]
                          ) -> None:
    """The tm schema's table and index sizes, and EXPLAIN (ANALYZE, BUFFERS) of the
    queries a search and a concordance run (tm/postgres.py), each run once before."""
    import psycopg

    from termbase.tm import scoring
    from termbase.tm.postgres import CANDIDATES_SQL, DENSE_WORDS, _chosen_terms
    from termbase.tm.store import CANDIDATES, _fts_terms, closest_candidates

    def explain(connection: psycopg.Connection, title: str, sql: str,
                params: tuple[object, ...]) -> None:
        connection.execute(sql, params).fetchall()
        print(f"\n-- {title}")
        for (line,) in connection.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params):
            print(f"   {line}")

    rng = random.Random(SEED)
    text = vary(rng.choice([s for s, _ in pairs]), vocabulary, rng, 2)
    with psycopg.connect(url, autocommit=True) as connection:
        units = connection.execute("SELECT count(*) FROM tm.units").fetchone()
        print(f"\n{units[0] if units else 0:,} units; sizes in schema tm:")
        for name, kind, size, total in connection.execute(
                "SELECT c.relname, c.relkind, pg_relation_size(c.oid), "
                "pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n "
                "ON n.oid = c.relnamespace WHERE n.nspname = 'tm' AND c.relkind IN "
                "('r', 'i') ORDER BY pg_relation_size(c.oid) DESC"):
            what = "table" if kind == "r" else "index"
            print(f"  {what} {name:<22}{size / 2**20:>9.1f} MiB"
                  + (f" (with indexes and TOAST {total / 2**20:.1f} MiB)" if kind == "r"
                     else ""))
        side = "source"
        terms = _chosen_terms(connection, _fts_terms(scoring.words(text)), side)
        print(f"\nsearch for {text!r}; its rarest words: {terms}")
        explain(connection, "search: exact matches by the text's hash",
                f"SELECT id, {side} FROM tm.units WHERE {side}_key = %s",
                (scoring.text_key(text),))
        candidates = CANDIDATES_SQL.format(side=side)
        params = (terms, CANDIDATES)
        explain(connection, "search: the units sharing the most of those words",
                candidates, params)
        ids = closest_candidates([(row[0], row[1])
                                  for row in connection.execute(candidates, params)])
        explain(connection, f"search: the texts of the {len(ids)} candidates kept",
                f"SELECT id, {side}, {side}_norm FROM tm.units WHERE id = ANY(%s) ORDER BY id",
                (ids,))
        held_sql = ("SELECT count(*) FROM (SELECT 1 FROM tm.units WHERE "
                    "(source_terms || target_terms) @> %s::text[] LIMIT %s) AS held")
        for term in ("ekstradisi", "kerja sama", "Indonesia"):
            words = _fts_terms(scoring.words(term))
            explain(connection, f"concordance {term!r}: holders counted up to {DENSE_WORDS}",
                    held_sql, (words, DENSE_WORDS))
            held = connection.execute(held_sql, (words, DENSE_WORDS)).fetchone()
            if held and held[0]:
                order = "id" if held[0] >= DENSE_WORDS else "id + 0"
                explain(connection, f"concordance {term!r}: the first 20 (ORDER BY {order})",
                        "SELECT id FROM tm.units WHERE (source_terms || target_terms) "
                        f"@> %s::text[] ORDER BY {order} LIMIT 20", (words,))


# --- one store ----------------------------------------------------------------------
def run_store(name: str, location: str, args: argparse.Namespace, pairs: list[tuple[str, str]],
              vocabulary: list[str], stuff: Material, work: Path) -> dict:
    print(f"[{name}] memory of {args.units:,} units ...", flush=True)
    import_s = build_memory(location, args.units, pairs, vocabulary, args.reuse)
    if import_s:
        print(f"[{name}] imported in {import_s:.0f} s", flush=True)
    folder = work / f"desk-{name}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    if name == "pg":
        workspace(folder, "memory.sqlite")  # not used: --db gives the memory
        accounts, extra = location, ["--db", location]
    else:
        workspace(folder, location)
        accounts = str(folder / "accounts.sqlite")
        extra = ["--accounts", accounts]
    token = translator_token(accounts)
    log = work / f"serve-{name}.log"
    with serving(folder, args.workers, extra, log) as port:
        print(f"[{name}] {args.clients} clients for {args.seconds:g} s (after "
              f"{args.warmup:g} s of warm-up) against {args.workers} worker(s), pausing "
              f"{args.pause:g} s on average between requests ...", flush=True)
        outcome = load(port, token, stuff, args.clients, args.seconds, args.warmup,
                       args.pause)
    lost = lost_writes(location, outcome.written)
    return {"name": name, "import_s": import_s, "outcome": outcome, "lost": lost,
            "seconds": args.seconds}


def report(result: dict) -> bool:
    outcome: Outcome = result["outcome"]
    total = sum(len(v) for v in outcome.latencies.values())
    print(f"\n{result['name']}: {total:,} requests in {result['seconds']:g} s = "
          f"{total / result['seconds']:.1f}/s")
    print(f"{'kind':<8}{'count':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
          f"{'per s':>8}{'errors':>8}")
    met = True
    for kind, _ in MIX:
        values = outcome.latencies.get(kind, [])
        if not values:
            print(f"{kind:<8}{0:>8}")
            continue
        p95 = percentile(values, 0.95)
        print(f"{kind:<8}{len(values):>8,}{percentile(values, 0.5):>9.1f}{p95:>9.1f}"
              f"{percentile(values, 0.99):>9.1f}{max(values):>9.1f}"
              f"{len(values) / result['seconds']:>8.1f}{outcome.errors.get(kind, 0):>8}")
        if kind in TARGETS_MS and p95 > TARGETS_MS[kind]:
            met = False
    errors = sum(outcome.errors.values())
    print(f"errors: {errors} (writes unanswered: {outcome.unconfirmed}); writes answered "
          f"2xx: {len(outcome.written):,}, lost: {result['lost']}; requests sent again on a "
          f"new connection: {outcome.stale}; the clients used "
          f"{outcome.client_cpu_share:.0%} of a core")
    for message in outcome.messages[:5]:
        print(f"  {message}")
    for kind, found in outcome.slowest.items():
        if kind in TARGETS_MS:
            for elapsed, path in found:
                print(f"  slowest {kind}: {elapsed:,.0f} ms "
                      f"{urllib.parse.unquote_plus(path)[:90]}")
    targets = ", ".join(
        f"p95 {kind} {percentile(outcome.latencies.get(kind, [0.0]), 0.95):.1f} ms "
        f"(<= {limit:g})" for kind, limit in TARGETS_MS.items())
    met = met and errors == 0 and result["lost"] == 0
    print(f"targets: {targets}, zero errors, zero lost writes: {'met' if met else 'NOT met'}")
    return met


@contextlib.contextmanager
def postgres_url(given: str | None) -> Iterator[str]:
    if given:
        yield given
        return
    from tests.postgres import throwaway_cluster

    with throwaway_cluster() as url:
        yield url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", "-n", type=int, default=1_000_000)
    parser.add_argument("--clients", "-c", type=int, default=50)
    parser.add_argument("--seconds", "-d", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--workers", "-w", type=int, default=2)
    parser.add_argument("--pause", type=float, default=0.0,
                        help="mean seconds a client waits between requests (default 0: "
                             "back to back, as issue #12 measures)")
    parser.add_argument("--only", choices=["pg", "sqlite"])
    parser.add_argument("--db", metavar="URL", help="a PostgreSQL database to use")
    parser.add_argument("--work", type=Path, help="folder for the SQLite memory and logs")
    parser.add_argument("--reuse", action="store_true",
                        help="use memories already holding the units")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--plans", action="store_true",
                        help="also print PostgreSQL's sizes and query plans")
    args = parser.parse_args()
    pairs = base_pairs()
    vocabulary = sorted({w for s, _ in pairs for w in re.findall(r"[^\W\d_]{3,}", s)})
    stuff = material(pairs, vocabulary)
    work = args.work or Path(tempfile.mkdtemp(prefix="termbase-bench-serve-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores; {len(pairs)} base pairs; {len(stuff.articles)} articles "
          f"of ~{ARTICLE_BYTES} bytes; mix "
          + ", ".join(f"{kind} {share:.0%}" for kind, share in MIX), flush=True)
    results = []
    try:
        if args.only in (None, "pg"):
            with postgres_url(args.db) as url:
                if not args.reuse:
                    empty_postgres(url)
                results.append(run_store("pg", url, args, pairs, vocabulary, stuff, work))
                if args.plans:
                    print_sizes_and_plans(url, pairs, vocabulary)
        if args.only in (None, "sqlite"):
            memory = work / f"memory-{args.units}.sqlite"
            if not args.reuse and memory.exists():
                memory.unlink()
            results.append(run_store("sqlite", str(memory), args, pairs, vocabulary, stuff,
                                     work))
    finally:
        if args.keep or args.work:
            print(f"files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for result in results:
        report(result)


if __name__ == "__main__":
    main()
