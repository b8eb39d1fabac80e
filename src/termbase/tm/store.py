"""Where the memory lives. SQLite is the embedded default (one file, like a Trados
.sdltm); the Memory interface is all the commands use, so that a PostgreSQL backend for
a shared desk can stand beside it.

Retrieval for fuzzy search does not scan the memory: the FTS5 index over normalised
words yields candidates that share the query's rarest words (document frequencies from
fts5vocab), bm25 orders them, and only the best few hundred are scored exactly.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from termbase.errors import InputError
from termbase.model import TranslationUnit
from termbase.tm import scoring
from termbase.tm.migrations import MIGRATIONS

DEFAULT_BUSY_MS = 600_000  # an import waits for another to finish instead of failing
CANDIDATES = 300
QUERY_WORDS = 8
COMMON_SHARE = 0.05  # words in more than 5% of units do not select candidates
BATCH = 2_000


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
    def import_units(self, units: Iterable[TranslationUnit], origin: str | None = None,
                     progress: Callable[[int], None] | None = None) -> ImportReport: ...
    def add(self, unit: TranslationUnit) -> tuple[int, str]: ...
    def search(self, text: str, source_lang: str = "id", target_lang: str = "en",
               min_score: float = scoring.DEFAULT_MIN_SCORE, limit: int = 5) -> list[Match]: ...
    def concordance(self, text: str, limit: int = 20) -> list[tuple[int, TranslationUnit]]: ...
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

    # --- writing -----------------------------------------------------------------------
    def import_units(self, units: Iterable[TranslationUnit], origin: str | None = None,
                     progress: Callable[[int], None] | None = None) -> ImportReport:
        """All of units in one transaction: a failure or a kill leaves the memory as it
        was before."""
        report = ImportReport()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            batch: list[TranslationUnit] = []
            for unit in units:
                if origin and not unit.origin:
                    unit.origin = origin
                batch.append(unit)
                if len(batch) >= BATCH:
                    self._write_batch(batch, report)
                    if progress:
                        progress(len(batch))
                    batch = []
            self._write_batch(batch, report)
            if progress and batch:
                progress(len(batch))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return report

    def add(self, unit: TranslationUnit) -> tuple[int, str]:
        report = self.import_units([unit])
        outcome = "added" if report.added else "updated" if report.updated else "unchanged"
        row = self.db.execute("SELECT id FROM units WHERE pair_key = ?",
                              (_pair(unit),)).fetchone()
        return row[0], outcome

    def _write_batch(self, batch: list[TranslationUnit], report: ImportReport) -> None:
        for unit in batch:
            if not unit.source.strip() or not unit.target.strip():
                report.skip("empty source or target")
                continue
            key = _pair(unit)
            existing = self.db.execute(
                "SELECT id, changed_at, changed_by, origin, tuid FROM units WHERE pair_key = ?",
                (key,)).fetchone()
            if existing is None:
                self._insert(unit, key)
                report.added += 1
            elif self._update(existing, unit):
                report.updated += 1
            else:
                report.skip("already in the memory")

    def _insert(self, unit: TranslationUnit, key: bytes) -> None:
        cursor = self.db.execute(
            "INSERT INTO units (source_lang, target_lang, source, target, source_markup, "
            "target_markup, source_norm, target_norm, source_key, target_key, pair_key, "
            "created_at, created_by, changed_at, changed_by, origin, tuid) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (unit.source_lang, unit.target_lang, unit.source, unit.target,
             unit.source_markup, unit.target_markup, scoring.normalised(unit.source),
             scoring.normalised(unit.target), scoring.text_key(unit.source),
             scoring.text_key(unit.target), key, unit.created_at or now(), unit.created_by,
             unit.changed_at, unit.changed_by, unit.origin, unit.tuid))
        self._write_data(cursor.lastrowid, unit)

    def _update(self, existing, unit: TranslationUnit) -> bool:
        unit_id, changed_at, changed_by, origin, tuid = existing
        fresh = (unit.changed_at or changed_at, unit.changed_by or changed_by,
                 unit.origin or origin, unit.tuid or tuid)
        data = self._data(unit_id)
        new_data = data + [d for d in _data_rows(unit) if d not in data]
        if fresh == (changed_at, changed_by, origin, tuid) and new_data == data:
            return False
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
        return self.db.execute("DELETE FROM units WHERE id = ?", (unit_id,)).rowcount > 0

    # --- reading -----------------------------------------------------------------------
    _COLUMNS = ("id, source_lang, target_lang, source, target, source_markup, target_markup, "
                "created_at, created_by, changed_at, changed_by, origin, tuid")

    def _unit(self, row) -> tuple[int, TranslationUnit]:
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
        query_words = scoring.words(text)
        found: dict[int, Match] = {}
        for side in ("source", "target"):
            for unit_id, unit in self._candidates(text, query_words, side):
                unit_side = (unit.source_lang, unit.target_lang) if side == "source" else (
                    unit.target_lang, unit.source_lang)
                if scoring.base_language(unit_side[0]) != scoring.base_language(source_lang) \
                        or scoring.base_language(unit_side[1]) != scoring.base_language(
                            target_lang):
                    continue
                shown = unit if side == "source" else _swapped(unit)
                result = scoring.score(text, shown.source, query_words)
                if result.value >= min_score and (
                        unit_id not in found or found[unit_id].score < result.value):
                    found[unit_id] = Match(unit_id, shown, result.value, result.band)
        ranked = sorted(found.values(), key=lambda m: (-m.score, m.unit_id))
        return ranked[:limit]

    def _candidates(self, text: str, query_words: list[str],
                    side: str) -> Iterator[tuple[int, TranslationUnit]]:
        exact = self.db.execute(f"SELECT {self._COLUMNS} FROM units WHERE {side}_key = ?",
                                (scoring.text_key(text),)).fetchall()
        seen = set()
        for row in exact:
            seen.add(row[0])
            yield self._unit(row)
        expression = self._fts_expression(query_words, f"{side}_norm")
        if not expression:
            return
        rows = self.db.execute(
            f"SELECT {', '.join('u.' + c.strip() for c in self._COLUMNS.split(','))} "
            "FROM units_fts JOIN units u ON u.id = units_fts.rowid "
            "WHERE units_fts MATCH ? ORDER BY rank LIMIT ?",
            (expression, CANDIDATES)).fetchall()
        for row in rows:
            if row[0] not in seen:
                yield self._unit(row)

    def _fts_expression(self, query_words: list[str], column: str) -> str | None:
        distinct = list(dict.fromkeys(w for w in query_words if len(w) > 1))
        if not distinct:
            return None
        placeholders = ", ".join("?" for _ in distinct)
        frequencies = dict(self.db.execute(
            f"SELECT term, doc FROM units_vocab WHERE col = ? AND term IN ({placeholders})",
            (column, *distinct)).fetchall())
        total = max(self.count(), 1)
        present = [w for w in distinct if frequencies.get(w)]
        selective = [w for w in present if frequencies[w] <= max(1000, total * COMMON_SHARE)]
        chosen = sorted(selective or present, key=lambda w: frequencies[w])[:QUERY_WORDS]
        if not chosen:
            return None
        return f"{{{column}}} : (" + " OR ".join(_quoted(w) for w in chosen) + ")"

    def concordance(self, text: str, limit: int = 20) -> list[tuple[int, TranslationUnit]]:
        """Units whose source or target contains every word of text."""
        query_words = list(dict.fromkeys(scoring.words(text)))
        if not query_words:
            return []
        expression = " AND ".join(_quoted(w) for w in query_words)
        rows = self.db.execute(
            f"SELECT {', '.join('u.' + c.strip() for c in self._COLUMNS.split(','))} "
            "FROM units_fts JOIN units u ON u.id = units_fts.rowid "
            "WHERE units_fts MATCH ? ORDER BY rank LIMIT ?",
            (expression, limit)).fetchall()
        return [self._unit(row) for row in rows]


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _swapped(unit: TranslationUnit) -> TranslationUnit:
    return TranslationUnit(
        source=unit.target, target=unit.source, source_lang=unit.target_lang,
        target_lang=unit.source_lang, source_markup=unit.target_markup,
        target_markup=unit.source_markup, created_at=unit.created_at,
        created_by=unit.created_by, changed_at=unit.changed_at, changed_by=unit.changed_by,
        origin=unit.origin, tuid=unit.tuid, props=list(unit.props), notes=list(unit.notes))


def _pair(unit: TranslationUnit) -> bytes:
    return scoring.pair_key(unit.source_lang, unit.target_lang, unit.source, unit.target)


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


def open_memory(path: str | os.PathLike[str] | None = None, create: bool = True) -> Memory:
    return SQLiteMemory(path or default_memory_path(), create=create)
