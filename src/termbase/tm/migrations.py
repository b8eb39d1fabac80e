"""Schema migrations of the SQLite memory, applied in order; PRAGMA user_version
records how many have run. Add a migration by appending to MIGRATIONS: never edit one
that has shipped."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: units, their props and notes, full-text index over normalised texts.
    """
    CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        source_markup TEXT,
        target_markup TEXT,
        source_norm TEXT NOT NULL,
        target_norm TEXT NOT NULL,
        source_key INTEGER NOT NULL,
        target_key INTEGER NOT NULL,
        pair_key BLOB NOT NULL UNIQUE,
        created_at TEXT,
        created_by TEXT,
        changed_at TEXT,
        changed_by TEXT,
        origin TEXT,
        tuid TEXT
    );
    CREATE INDEX units_source_key ON units (source_key);
    CREATE INDEX units_target_key ON units (target_key);
    CREATE TABLE unit_data (
        unit_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('prop', 'note')),
        type TEXT,
        value TEXT NOT NULL,
        PRIMARY KEY (unit_id, position)
    ) WITHOUT ROWID;
    CREATE VIRTUAL TABLE units_fts USING fts5 (
        source_norm, target_norm, content='units', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', detail='column'
    );
    CREATE VIRTUAL TABLE units_vocab USING fts5vocab (units_fts, 'col');
    -- fts5vocab answers only by scanning the whole vocabulary; this copy of its
    -- document frequencies is indexed, and refreshed after imports.
    CREATE TABLE word_df (
        col TEXT NOT NULL,
        term TEXT NOT NULL,
        doc INTEGER NOT NULL,
        PRIMARY KEY (col, term)
    ) WITHOUT ROWID;
    CREATE TABLE language_pairs (
        source_lang TEXT NOT NULL,
        target_lang TEXT NOT NULL,
        PRIMARY KEY (source_lang, target_lang)
    ) WITHOUT ROWID;
    -- New units are indexed in bulk at the end of each import (store.py), five times
    -- faster than a row trigger; deletions and text changes keep the index by trigger.
    CREATE TRIGGER units_ad AFTER DELETE ON units BEGIN
        INSERT INTO units_fts (units_fts, rowid, source_norm, target_norm)
        VALUES ('delete', old.id, old.source_norm, old.target_norm);
    END;
    CREATE TRIGGER units_au AFTER UPDATE OF source_norm, target_norm ON units BEGIN
        INSERT INTO units_fts (units_fts, rowid, source_norm, target_norm)
        VALUES ('delete', old.id, old.source_norm, old.target_norm);
        INSERT INTO units_fts (rowid, source_norm, target_norm)
        VALUES (new.id, new.source_norm, new.target_norm);
    END;
    """,
    # 2: the memory's language pair. A memory made before it takes the pair of its units
    # when they are all in one pair of base languages (the most used tags of it);
    # otherwise it has none until its next import or add records one.
    """
    CREATE TABLE memory_info (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TEMP TABLE old_pairs AS
        SELECT source_lang, target_lang, count(*) AS n,
               lower(substr(source_lang, 1, instr(source_lang || '-', '-') - 1)) || '>' ||
               lower(substr(target_lang, 1, instr(target_lang || '-', '-') - 1)) AS bases
        FROM units GROUP BY source_lang, target_lang;
    INSERT INTO memory_info (key, value)
        SELECT 'source_lang', source_lang FROM old_pairs
        WHERE (SELECT count(DISTINCT bases) FROM old_pairs) = 1
        ORDER BY n DESC, source_lang, target_lang LIMIT 1;
    INSERT INTO memory_info (key, value)
        SELECT 'target_lang', target_lang FROM old_pairs
        WHERE (SELECT count(DISTINCT bases) FROM old_pairs) = 1
        ORDER BY n DESC, source_lang, target_lang LIMIT 1;
    DROP TABLE old_pairs;
    """,
]
