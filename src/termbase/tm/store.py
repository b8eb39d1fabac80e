"""Where the memory lives. SQLite is the embedded default (one file, like a Trados
.sdltm); the Memory interface is all the commands use, so that a PostgreSQL backend for
a shared desk can stand beside it.

Retrieval for fuzzy search does not scan the memory: the FTS5 index over normalised
words finds the units that hold at least two of the query's five rarest words (document
frequencies kept in an indexed table), and up to a thousand of them are scored exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from termbase.errors import InputError
from termbase.lang.tags import base_language
from termbase.locations import is_database_url, masked_url
from termbase.model import TranslationUnit
from termbase.textio import unfit_for_xml
from termbase.tm import scoring
from termbase.tm.migrations import MIGRATIONS

DEFAULT_BUSY_MS = 600_000  # an import waits for another to finish instead of failing
CANDIDATES = 1_000  # units scored exactly per query and side
MIN_CANDIDATES = 50  # scored whatever their overlap
OVERLAP_MARGIN = 1  # candidates sharing this many fewer rare words than the best are dropped
RARE_WORDS = 6  # the query's rarest words whose postings are read
POSTINGS_BUDGET = 40_000  # postings read per query and side, at most (beyond the first word)
DF_REFRESH_SHARE = 0.01  # refresh word frequencies when an import adds 1% or more
BATCH = 2_000
CACHE_KIB = 64 * 1024  # SQLite page cache: index building wants more than the 2 MB default


@dataclass(frozen=True)
class Match:
    unit_id: int
    unit: TranslationUnit
    score: float
    band: str


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.reasons[reason] = self.reasons.get(reason, 0) + 1


class Memory(Protocol):
    path: str

    def count(self) -> int: ...
    def import_units(self, units: Iterable[TranslationUnit], origin: str | None = None,
                     progress: Callable[[int], None] | None = None,
                     pair: tuple[str, str] | None = None,
                     on_indexing: Callable[[], None] | None = None) -> ImportReport: ...
    def language_pair(self) -> tuple[str, str] | None: ...
    def add(self, unit: TranslationUnit) -> tuple[int, str]: ...
    def search(self, text: str, source_lang: str = "id", target_lang: str = "en",
               min_score: float = scoring.DEFAULT_MIN_SCORE, limit: int = 5) -> list[Match]: ...
    def concordance(self, text: str, limit: int = 20) -> list[tuple[int, TranslationUnit]]: ...
    def examples(self, texts: Iterable[str], limit: int = 3
                 ) -> dict[str, list[tuple[int, TranslationUnit]]]: ...
    def units(self) -> Iterator[tuple[int, TranslationUnit]]: ...
    def delete(self, unit_id: int) -> bool: ...
    def stats(self) -> dict: ...
    def close(self) -> None: ...


def default_memory_path() -> Path:
    """$TERMBASE_TM, else $XDG_DATA_HOME/termbase/memory.sqlite, else
    ~/.local/share/termbase/memory.sqlite."""
    explicit = os.environ.get("TERMBASE_TM")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "termbase" / "memory.sqlite"


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


class SQLiteMemory:
    def __init__(self, path: str | os.PathLike[str], create: bool = True,
                 busy_ms: int = DEFAULT_BUSY_MS):
        self.path = str(path)
        self._pairs: set[tuple[str, str]] | None = None
        self._pair: tuple[str, str] | None = None
        if not create and not Path(self.path).exists():
            raise InputError("no translation memory here (import something first)", self.path)
        if create:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=busy_ms / 1000)
            self.db.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"not a termbase memory: {exc}", self.path) from None

    # --- schema ----------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise InputError(f"memory schema {version} is newer than this termbase "
                             f"({len(MIGRATIONS)}); upgrade termbase", self.path)
        if version == len(MIGRATIONS):
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing -----------------------------------------------------------------------
    def import_units(self, units: Iterable[TranslationUnit], origin: str | None = None,
                     progress: Callable[[int], None] | None = None,
                     pair: tuple[str, str] | None = None,
                     on_indexing: Callable[[], None] | None = None) -> ImportReport:
        """All of units in one transaction: a failure or a kill leaves the memory as it
        was before. progress hears of each batch of units written, on_indexing when all
        are and the search index of the new ones is being built.

        A memory without a language pair records pair (else the first unit's); every
        unit must then be in the memory's pair, by base language: one the other way
        round is stored turned round, any other is refused (InputError naming origin
        and the unit's line) and nothing of units is kept."""
        report = ImportReport()
        self._pairs = None
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if pair is not None and self.language_pair() is None:
                self._record_pair(pair)
            last_before = self.db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0]
            batch: list[TranslationUnit] = []
            for unit in units:
                if origin and not unit.origin:
                    unit.origin = origin
                batch.append(self._in_pair(unit, origin))
                if len(batch) >= BATCH:
                    self._write_batch(batch, report)
                    if progress:
                        progress(len(batch))
                    batch = []
            self._write_batch(batch, report)
            if progress and batch:
                progress(len(batch))
            if on_indexing is not None:
                on_indexing()
            if report.added:
                # New rows take ids above the old maximum: index them in one statement.
                self.db.execute(
                    "INSERT INTO units_fts (rowid, source_norm, target_norm) "
                    "SELECT id, source_norm, target_norm FROM units WHERE id > ?",
                    (last_before,))
            # The largest id stands for the size: counting a million rows on every pair
            # added cost more than adding it.
            if report.added and report.added >= last_before * DF_REFRESH_SHARE:
                self.refresh_frequencies()
            self.db.execute("COMMIT")
        except BaseException as exc:
            self._roll_back()
            if isinstance(exc, sqlite3.OperationalError):  # read-only, full disk, locked
                raise InputError(f"cannot write: {exc}", self.path) from None
            raise
        return report

    # --- the language pair -----------------------------------------------------------------
    def language_pair(self) -> tuple[str, str] | None:
        """(source tag, target tag) the memory holds, recorded by its first import or add
        (schema 2); None for an empty memory, or one made before schema 2 whose units
        were in several pairs."""
        if self._pair is None:
            found = dict(self.db.execute(
                "SELECT key, value FROM memory_info WHERE key IN ('source_lang', 'target_lang')"
            ).fetchall())
            if "source_lang" in found and "target_lang" in found:
                self._pair = (found["source_lang"], found["target_lang"])
        return self._pair

    def _record_pair(self, pair: tuple[str, str]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO memory_info (key, value) VALUES (?, ?)",
                            [("source_lang", pair[0]), ("target_lang", pair[1])])
        self._pair = pair

    def _in_pair(self, unit: TranslationUnit, origin: str | None,
                 record: bool = True) -> TranslationUnit:
        """The unit in the memory's direction (fit_to_pair); a memory without a pair
        records the unit's when record is set."""
        pair = self.language_pair()
        unit = fit_to_pair(unit, pair, origin or self.path)
        if pair is None and record:
            self._record_pair((unit.source_lang, unit.target_lang))
        return unit

    def _roll_back(self) -> None:
        """Undo the transaction, if SQLite has not already undone it after an error."""
        self._pair = None
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def add(self, unit: TranslationUnit) -> tuple[int, str]:
        """One pair typed by the user: refused, like an imported file's, if a memory
        exported as TMX or XLIFF could not hold it, or with an empty side."""
        from termbase.tm.service import check_pair

        check_pair(unit.source, unit.target)
        for text in (unit.source, unit.target, unit.origin or ""):
            reason = unfit_for_xml(text)
            if reason:
                raise InputError(reason, self.path)
        unit = self._in_pair(unit, None, record=False)
        report = self.import_units([unit])
        outcome = "added" if report.added else "updated" if report.updated else "unchanged"
        row = self.db.execute("SELECT id FROM units WHERE pair_key = ?",
                              (_keys(unit)[0],)).fetchone()
        return row[0], outcome

    def _write_batch(self, batch: list[TranslationUnit], report: ImportReport) -> None:
        rows, keys = [], []
        for unit in batch:
            if not unit.source.strip() or not unit.target.strip():
                report.skip("empty source or target")
                continue
            keys.append(_keys(unit))
            rows.append(unit)
        existing = self._existing([identity for identity, _, _ in keys])
        fresh: dict[bytes, tuple[TranslationUnit, int, int]] = {}
        for (identity, source_key, target_key), unit in zip(keys, rows, strict=True):
            if identity in existing:
                if self._update(existing[identity], unit):
                    report.updated += 1
                else:
                    report.skip("already in the memory")
            elif identity in fresh:
                report.skip("repeated in the file")
            else:
                fresh[identity] = (unit, source_key, target_key)
        self._insert_many(fresh)
        report.added += len(fresh)
        self.db.executemany("INSERT OR IGNORE INTO language_pairs VALUES (?, ?)",
                            {(u.source_lang, u.target_lang) for u, _, _ in fresh.values()})

    def _existing(self, keys: list[bytes]) -> dict[bytes, tuple]:
        found = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self.db.execute(
                    "SELECT pair_key, id, changed_at, changed_by, origin, tuid FROM units "
                    f"WHERE pair_key IN ({marks})", chunk):
                found[row[0]] = row[1:]
        return found

    def _insert_many(self, fresh: dict[bytes, tuple[TranslationUnit, int, int]]) -> None:
        stamp = now()
        self.db.executemany(
            "INSERT INTO units (source_lang, target_lang, source, target, source_markup, "
            "target_markup, source_norm, target_norm, source_key, target_key, pair_key, "
            "created_at, created_by, changed_at, changed_by, origin, tuid) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(u.source_lang, u.target_lang, u.source, u.target, u.source_markup,
              u.target_markup, scoring.normalised(u.source), scoring.normalised(u.target),
              source_key, target_key, identity, u.created_at or stamp, u.created_by,
              u.changed_at, u.changed_by, u.origin, u.tuid)
             for identity, (u, source_key, target_key) in fresh.items()])
        with_data = [(key, u) for key, (u, _, _) in fresh.items() if u.props or u.notes]
        for key, unit in with_data:
            unit_id = self.db.execute("SELECT id FROM units WHERE pair_key = ?",
                                      (key,)).fetchone()[0]
            self._write_data(unit_id, unit)

    def _update(self, existing: tuple, unit: TranslationUnit) -> bool:
        unit_id = existing[0]
        data = self._data(unit_id)
        change = merged(existing[1:], data, unit)
        if change is None:
            return False
        fresh, new_data = change
        self.db.execute("UPDATE units SET changed_at = ?, changed_by = ?, origin = ?, tuid = ? "
                        "WHERE id = ?", (*fresh, unit_id))
        if new_data != data:
            self.db.execute("DELETE FROM unit_data WHERE unit_id = ?", (unit_id,))
            self._insert_data(unit_id, new_data)
        return True

    def _write_data(self, unit_id: int, unit: TranslationUnit) -> None:
        rows = _data_rows(unit)
        if rows:
            self._insert_data(unit_id, rows)

    def _insert_data(self, unit_id: int, rows: list[tuple[str, str | None, str]]) -> None:
        self.db.executemany(
            "INSERT INTO unit_data (unit_id, position, kind, type, value) VALUES (?, ?, ?, ?, ?)",
            [(unit_id, i, kind, kind_type, value) for i, (kind, kind_type, value)
             in enumerate(rows)])

    def _data(self, unit_id: int) -> list[tuple[str, str | None, str]]:
        return [tuple(row) for row in self.db.execute(
            "SELECT kind, type, value FROM unit_data WHERE unit_id = ? ORDER BY position",
            (unit_id,))]

    def delete(self, unit_id: int) -> bool:
        self._pairs = None
        try:
            return self.db.execute("DELETE FROM units WHERE id = ?", (unit_id,)).rowcount > 0
        except sqlite3.OperationalError as exc:
            raise InputError(f"cannot write: {exc}", self.path) from None

    # --- reading -----------------------------------------------------------------------
    _COLUMNS = ("id, source_lang, target_lang, source, target, source_markup, target_markup, "
                "created_at, created_by, changed_at, changed_by, origin, tuid")

    def _unit(self, row: tuple[Any, ...]) -> tuple[int, TranslationUnit]:
        unit_id = row[0]
        unit = TranslationUnit(
            source=row[3], target=row[4], source_lang=row[1], target_lang=row[2],
            source_markup=row[5], target_markup=row[6], created_at=row[7], created_by=row[8],
            changed_at=row[9], changed_by=row[10], origin=row[11], tuid=row[12])
        for kind, kind_type, value in self._data(unit_id):
            if kind == "prop":
                unit.props.append((kind_type or "", value))
            else:
                unit.notes.append(value)
        return unit_id, unit

    def get(self, unit_id: int) -> TranslationUnit | None:
        row = self.db.execute(f"SELECT {self._COLUMNS} FROM units WHERE id = ?",
                              (unit_id,)).fetchone()
        return self._unit(row)[1] if row else None

    def units(self) -> Iterator[tuple[int, TranslationUnit]]:
        cursor = self.db.execute(f"SELECT {self._COLUMNS} FROM units ORDER BY id")
        for row in cursor:
            yield self._unit(row)

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM units").fetchone()[0]

    def stats(self) -> dict:
        pairs = self.db.execute(
            "SELECT source_lang, target_lang, count(*) FROM units GROUP BY 1, 2 ORDER BY 3 DESC"
        ).fetchall()
        origins = self.db.execute(
            "SELECT coalesce(origin, ''), count(*) FROM units GROUP BY 1 ORDER BY 2 DESC LIMIT 20"
        ).fetchall()
        return {
            "path": self.path,
            "schema_version": self.schema_version(),
            "language_pair": "{}>{}".format(*pair) if (pair := self.language_pair()) else None,
            "units": self.count(),
            "language_pairs": {f"{s}>{t}": n for s, t, n in pairs},
            "origins": {o or "(none)": n for o, n in origins},
            "size_bytes": Path(self.path).stat().st_size if Path(self.path).exists() else 0,
        }

    # --- matching ----------------------------------------------------------------------
    def search(self, text: str, source_lang: str = "id", target_lang: str = "en",
               min_score: float = scoring.DEFAULT_MIN_SCORE, limit: int = 5) -> list[Match]:
        """Best matches for text in source_lang, translated into target_lang. Units
        stored the other way round match on their target side and come back swapped."""
        reason = unfit_for_xml(text)
        if reason:  # nothing stored can hold it, and hashing a lone surrogate fails
            raise InputError(reason, self.path)
        query_words = scoring.words(text)
        wanted = (base_language(source_lang), base_language(target_lang))
        scored: list[tuple[float, str, int, str]] = []
        for side in ("source", "target"):
            if self._stored_direction(side, wanted) is None:
                continue
            candidates = self._candidates(text, query_words, side, min_score)
            scored.extend((result.value, result.band, unit_id, side) for unit_id, result
                          in scoring.scores_at_least(text, query_words, candidates,
                                                     min_score))
        scored.sort(key=lambda item: (-item[0], item[2]))
        matches, seen = [], set()
        for value, band, unit_id, side in scored:
            if unit_id in seen:
                continue
            seen.add(unit_id)
            unit = self.get(unit_id)
            if unit is None or not self._direction_fits(unit, side, wanted):
                continue
            matches.append(Match(unit_id, unit if side == "source" else swapped(unit),
                                 value, band))
            if len(matches) == limit:
                break
        return matches

    def refresh_frequencies(self) -> None:
        """Copy fts5vocab's document frequencies into the indexed word_df table."""
        self.db.execute("DELETE FROM word_df")
        self.db.execute("INSERT INTO word_df SELECT col, term, doc FROM units_vocab")

    def _language_pairs(self) -> set[tuple[str, str]]:
        """The language pairs stored (pairs are recorded on import; a pair whose units
        were all deleted stays listed, which costs an empty query, nothing more)."""
        if self._pairs is None:
            rows = self.db.execute("SELECT source_lang, target_lang FROM language_pairs")
            self._pairs = {(base_language(s), base_language(t))
                           for s, t in rows}
        return self._pairs

    def _stored_direction(self, side: str, wanted: tuple[str, str]
                          ) -> tuple[str, str] | None:
        pairs = self._language_pairs()
        stored = wanted if side == "source" else (wanted[1], wanted[0])
        return stored if stored in pairs else None

    @staticmethod
    def _direction_fits(unit: TranslationUnit, side: str, wanted: tuple[str, str]) -> bool:
        return direction_fits(unit, side, wanted)

    def _candidates(self, text: str, query_words: list[str], side: str,
                    min_score: float = 0.0) -> Iterator[tuple[int, str, list[str]]]:
        """(id, text, words) of exact matches and of the units sharing most of the query's
        rarest words; only these few are scored."""
        exact = scoring.collapse(text)
        ids: list[int] = [row[0] for row in self.db.execute(
            f"SELECT id, {side} FROM units WHERE {side}_key = ?", (scoring.text_key(text),))
            if scoring.collapse(row[1]) == exact]
        ids.extend(self._sharing_rare_words(query_words, f"{side}_norm", min_score))
        ids = list(dict.fromkeys(ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for unit_id, stored, norm in _all_rows(
                    self.db, f"SELECT id, {side} AS text, {side}_norm AS norm FROM units "
                    f"WHERE id IN ({marks})", chunk, ("id", "text", "norm")):
                yield unit_id, stored, norm.split(" ") if norm else []

    def _sharing_rare_words(self, query_words: list[str], column: str,
                            min_score: float = 0.0) -> list[int]:
        """Units sharing most of the query's rarest words: the words' FTS5 posting lists,
        rarest first within a budget, counted per unit. None when so many of the
        query's words are in no unit that none can score min_score."""
        distinct = _fts_terms(query_words)
        if not distinct:
            return []
        marks = ", ".join("?" for _ in distinct)
        frequencies = dict(self.db.execute(
            f"SELECT term, doc FROM word_df WHERE col = ? AND term IN ({marks})",
            (column, *distinct)).fetchall())
        # The stored frequencies may predate the latest units: ask the index itself.
        absent = {word for word in distinct if not frequencies.get(word)
                  and self.db.execute("SELECT 1 FROM units_fts WHERE units_fts MATCH ? "
                                      "LIMIT 1", (f"{{{column}}} : {_quoted(word)}",)
                                      ).fetchone() is None}
        if beyond_reach(query_words, absent, min_score):
            return []
        known = [w for w in distinct if frequencies.get(w)]
        if len(known) < len(distinct) and self._frequencies_missing():
            known = distinct  # frequencies not computed yet: take the query as it comes
        chosen = rare_words_within_budget(
            sorted(known, key=lambda w: frequencies.get(w, 0)), frequencies)
        if not chosen:
            return []
        # Counted by SQLite in one statement: fetching every posting into Python took
        # the interpreter lock once per row, so a search stalled behind every other
        # request of its worker (a second under load at a million units).
        postings = " UNION ALL ".join(
            f"SELECT rowid AS id, {rank} AS rank FROM units_fts WHERE units_fts MATCH ?"
            for rank in range(len(chosen)))
        ranked = _all_rows(
            self.db, f"SELECT id, count(*) AS shared, min(rank) AS first FROM ({postings}) "
            "GROUP BY id ORDER BY shared DESC, first, id LIMIT ?",
            (*(f"{{{column}}} : {_quoted(word)}" for word in chosen), CANDIDATES),
            ("id", "shared", "first"))
        ranked.sort(key=lambda row: (-row[1], row[2], row[0]))
        return closest_candidates([(row[0], row[1]) for row in ranked])

    def _frequencies_missing(self) -> bool:
        return self.db.execute("SELECT 1 FROM word_df LIMIT 1").fetchone() is None

    def concordance(self, text: str, limit: int = 20) -> list[tuple[int, TranslationUnit]]:
        """Units whose source or target contains every word of text."""
        expression = _every_word(text)
        if expression is None:
            return []
        rows = self.db.execute(
            f"SELECT {', '.join('u.' + c.strip() for c in self._COLUMNS.split(','))} "
            "FROM units_fts JOIN units u ON u.id = units_fts.rowid "
            "WHERE units_fts MATCH ? ORDER BY rank LIMIT ?",
            (expression, limit)).fetchall()
        return [self._unit(row) for row in rows]

    def examples(self, texts: Iterable[str], limit: int = 3
                 ) -> dict[str, list[tuple[int, TranslationUnit]]]:
        """For each of texts, the newest units holding every word of it (as in a
        concordance), newest first: how the desk translated a term lately. Unlike a
        concordance it ranks nothing, so a common term costs no more than a rare one
        (ranking every holder of a common term took half a second at a million units)."""
        found: dict[str, list[tuple[int, TranslationUnit]]] = {}
        for text in dict.fromkeys(texts):
            expression = _every_word(text)
            if expression is None:
                found[text] = []
                continue
            rows = self.db.execute(
                f"SELECT {self._COLUMNS} FROM units WHERE id IN ("
                "SELECT rowid FROM units_fts WHERE units_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT ?) ORDER BY id DESC",
                (expression, limit)).fetchall()
            found[text] = [self._unit(row) for row in rows]
        return found


def _every_word(text: str) -> str | None:
    """The full-text query for units holding every word of text (None: it has none)."""
    query_words = _fts_terms(scoring.words(text))
    return " AND ".join(_quoted(w) for w in query_words) if query_words else None


def _all_rows(db: sqlite3.Connection, sql: str, params: Sequence[Any],
              columns: tuple[str, ...]) -> list[list[Any]]:
    """The rows of sql (as lists, in no promised order), fetched in one step of SQLite.
    Python's sqlite3 lets go of the interpreter lock for every row it steps to, and
    under load each row then waited for the lock again: a search's thousand candidates
    waited a thousand turns behind the worker's other requests."""
    try:
        row = db.execute(f"SELECT json_group_array(json_array({', '.join(columns)})) "
                         f"FROM ({sql})", params).fetchone()
    except sqlite3.OperationalError:  # a SQLite built without its JSON functions
        return [list(found) for found in db.execute(sql, params)]
    return json.loads(row[0]) if row and row[0] else []


def beyond_reach(query_words: list[str], absent: set[str], min_score: float) -> bool:
    """Whether no unit can score min_score, given the query's words no unit holds.
    Each such word of the query costs a candidate an edit, and a fuzzy score is 100 x
    (1 - edits / the longer sentence's words); the near-exact bands need every word
    but numbers. So a query of only new words (a sentence no one translated yet) reads
    no postings at all: reading those of its few common words took seconds."""
    if not query_words or not absent:
        return False
    missing = sum(1 for word in query_words if not word.isdigit()
                  and any(token in absent for token in _FTS_TOKEN.findall(word)))
    return 100.0 * (1 - missing / len(query_words)) < min_score


def rare_words_within_budget(rarest_first: list[str], postings: dict[str, float]
                             ) -> list[str]:
    """Of the query's words, rarest first, those whose units are read: at most
    RARE_WORDS, and no more postings than POSTINGS_BUDGET after the first word."""
    chosen: list[str] = []
    read = 0.0
    for word in rarest_first[:RARE_WORDS]:
        if read and read + postings.get(word, 0) > POSTINGS_BUDGET:
            break  # a common word adds cost, not selectivity
        chosen.append(word)
        read += postings.get(word, 0)
    return chosen


def closest_candidates(shared: list[tuple[int, int]]) -> list[int]:
    """Of (unit id, rare words shared) in ranking order (most shared first, then by the
    rarest word held, then by id), the units worth scoring: those sharing nearly as many
    as the best (units sharing clearly fewer cannot come close to it), at most
    CANDIDATES and at least MIN_CANDIDATES."""
    if not shared:
        return []
    floor = shared[0][1] - OVERLAP_MARGIN
    close = [unit_id for unit_id, count in shared if count >= floor]
    if len(close) < MIN_CANDIDATES:
        return [unit_id for unit_id, _ in shared[:MIN_CANDIDATES]]
    return close[:CANDIDATES]


_FTS_TOKEN = re.compile(r"[^\W_]+")


def _fts_terms(words: list[str]) -> list[str]:
    """Words as FTS5's unicode61 tokenizer cuts them: bangsa-bangsa is two tokens, and a
    column-detail index cannot answer phrase queries."""
    return list(dict.fromkeys(t for word in words for t in _FTS_TOKEN.findall(word)))


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fit_to_pair(unit: TranslationUnit, pair: tuple[str, str] | None,
                where: str) -> TranslationUnit:
    """The unit in the direction of pair (a memory's), or InputError naming where and
    the unit's line if it is in another pair; empty tags are the pair's (else id-ID,
    en-US), a bare language of the pair takes its tag. Every store shares this."""
    if not unit.source_lang or not unit.target_lang:
        source, target = pair or ("id-ID", "en-US")
        if unit.source_lang and base_language(unit.source_lang) == base_language(target):
            source, target = target, source  # --from en alone, in an id→en memory
        elif unit.target_lang and base_language(unit.target_lang) == base_language(source):
            source, target = target, source
        unit.source_lang = unit.source_lang or source
        unit.target_lang = unit.target_lang or target
    if pair is None:
        return unit
    tags = {base_language(tag): tag for tag in pair}  # a bare language takes its tag
    for side in ("source_lang", "target_lang"):
        tag = getattr(unit, side)
        if "-" not in tag and "_" not in tag and base_language(tag) in tags:
            setattr(unit, side, tags[base_language(tag)])
    bases = (base_language(unit.source_lang), base_language(unit.target_lang))
    wanted = (base_language(pair[0]), base_language(pair[1]))
    if bases == wanted:
        return unit
    if bases == wanted[::-1]:
        return swapped(unit)
    raise InputError(f"languages {unit.source_lang}→{unit.target_lang}, but the memory "
                     f"is {pair[0]}→{pair[1]}", where, unit.line)


def merged(stored: tuple, data: list[tuple[str, str | None, str]], unit: TranslationUnit
           ) -> tuple[tuple, list[tuple[str, str | None, str]]] | None:
    """What importing unit again changes in a stored one: its (changed_at, changed_by,
    origin, tuid), each kept where unit has none, and its props and notes with unit's
    new ones appended; None when nothing changes."""
    changed_at, changed_by, origin, tuid = stored
    fresh = (unit.changed_at or changed_at, unit.changed_by or changed_by,
             unit.origin or origin, unit.tuid or tuid)
    new_data = data + [d for d in _data_rows(unit) if d not in data]
    if fresh == tuple(stored) and new_data == data:
        return None
    return fresh, new_data


def direction_fits(unit: TranslationUnit, side: str, wanted: tuple[str, str]) -> bool:
    """True when a unit matched on side (source or target) reads wanted's direction."""
    pair = (base_language(unit.source_lang), base_language(unit.target_lang))
    return pair == (wanted if side == "source" else (wanted[1], wanted[0]))


def swapped(unit: TranslationUnit) -> TranslationUnit:
    return TranslationUnit(
        source=unit.target, target=unit.source, source_lang=unit.target_lang,
        target_lang=unit.source_lang, source_markup=unit.target_markup,
        target_markup=unit.source_markup, created_at=unit.created_at,
        created_by=unit.created_by, changed_at=unit.changed_at, changed_by=unit.changed_by,
        origin=unit.origin, tuid=unit.tuid, props=list(unit.props), notes=list(unit.notes))


def _keys(unit: TranslationUnit) -> tuple[bytes, int, int]:
    return scoring.unit_keys(unit.source_lang, unit.target_lang, unit.source, unit.target)


def _data_rows(unit: TranslationUnit) -> list[tuple[str, str | None, str]]:
    return [("prop", kind, value) for kind, value in unit.props] + [
        ("note", None, note) for note in unit.notes]


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "".join(current).strip():
        statements.append("\n".join(current))
    return statements


def open_memory(path: str | os.PathLike[str] | None = None, create: bool = True,
                pool_size: int | None = None) -> Memory:
    """The memory at path: a PostgreSQL database for a postgresql:// (or postgres://)
    URL, else the SQLite file, never one inside the installed package (SQLite writes
    beside the file even to read it, and an import there is lost on reinstall).
    pool_size: connections a PostgreSQL memory may hold at once (default: the store's
    own, enough for the command line); a SQLite memory has one."""
    from termbase.workspace import refuse_installed

    location = path or os.environ.get("TERMBASE_TM") or default_memory_path()
    if is_database_url(str(location)):
        return _open_postgres(str(location), create, pool_size)
    refuse_installed(location, "memory")
    return SQLiteMemory(location, create=create)


def _open_postgres(url: str, create: bool, pool_size: int | None = None) -> Memory:
    try:
        from termbase.tm.postgres import PostgresMemory
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] not in ("psycopg", "psycopg_pool"):
            raise
        raise InputError("PostgreSQL needs `pip install termbase[postgres]`",
                         masked_url(url)) from None
    if pool_size is None:
        return PostgresMemory(url, create=create)
    return PostgresMemory(url, create=create, pool_size=pool_size)
