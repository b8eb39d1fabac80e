"""The SQLite memory: schema, matching, updates, transactions, concurrency."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termbase.errors import InputError
from termbase.model import TranslationUnit as Unit
from termbase.tm import scoring
from termbase.tm.migrations import MIGRATIONS
from termbase.tm.store import SQLiteMemory

PAIRS = [
    ("Kedua negara memperkuat kerja sama ekonomi.",
     "The two countries strengthened economic cooperation."),
    ("Presiden Xi Jinping tiba di Astana pada Rabu.",
     "President Xi Jinping arrived in Astana on Wednesday."),
    ("Nilai perdagangan mencapai US$30,1 miliar pada 2024.",
     "Trade reached US$30.1 billion in 2024."),
]


@pytest.fixture
def memory(tmp_path):
    store = SQLiteMemory(tmp_path / "m.sqlite")
    store.import_units([Unit(s, t) for s, t in PAIRS], origin="berita.txt")
    yield store
    store.close()


def test_schema_is_versioned_with_wal_and_foreign_keys(memory):
    assert memory.schema_version() == len(MIGRATIONS)
    assert memory.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert memory.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert memory.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 60_000


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "m.sqlite"
    SQLiteMemory(path).db.execute("PRAGMA user_version = 99")
    with pytest.raises(InputError, match="newer than this termbase"):
        SQLiteMemory(path)


def test_not_a_memory(tmp_path):
    path = tmp_path / "m.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InputError, match="not a termbase memory"):
        SQLiteMemory(path)


@pytest.mark.parametrize("query, score, band", [
    ("Kedua negara memperkuat kerja sama ekonomi.", 100, "exact"),
    ("kedua negara memperkuat kerja sama ekonomi", 99, "near-exact"),
    ("Nilai perdagangan mencapai US$31,5 miliar pada 2025.", 98, "near-exact"),
])
def test_exact_and_near_exact_bands(memory, query, score, band):
    (match,) = memory.search(query)
    assert (match.score, match.band) == (score, band)


def test_fuzzy_match_score_is_word_level(memory):
    (match,) = memory.search("Kedua negara memperkuat kerja sama pertahanan.")
    assert match.band == "fuzzy"
    assert match.score == pytest.approx(100 * (1 - 1 / 6), abs=0.1)
    assert match.unit.target == PAIRS[0][1]
    assert memory.search("Kedua negara memperkuat kerja sama pertahanan.", min_score=90) == []


def test_search_from_english_returns_swapped_pairs(memory):
    (match,) = memory.search("President Xi Jinping arrived in Astana on Thursday.",
                             source_lang="en", target_lang="id")
    assert match.unit.source.startswith("President") and match.unit.target.startswith("Presiden")


def test_same_pair_is_updated_not_duplicated(memory):
    report = memory.import_units([Unit(*PAIRS[0], changed_by="editor", notes=["dicek"])])
    assert (report.added, report.updated) == (0, 1)
    again = memory.import_units([Unit(*PAIRS[0], changed_by="editor", notes=["dicek"])])
    assert again.reasons == {"already in the memory": 1}
    assert memory.count() == 3
    (match,) = memory.search(PAIRS[0][0])
    assert match.unit.changed_by == "editor" and match.unit.notes == ["dicek"]


def test_concordance_and_delete_cascade(memory):
    found = memory.concordance("kerja sama")
    assert [u.source for _, u in found] == [PAIRS[0][0]]
    unit_id = found[0][0]
    memory.import_units([Unit(*PAIRS[0], props=[("x-client", "desk")])])
    assert memory.delete(unit_id)
    assert not memory.delete(unit_id)
    assert memory.db.execute("SELECT count(*) FROM unit_data").fetchone()[0] == 0
    assert memory.concordance("kerja sama") == []


def test_failure_mid_import_leaves_the_memory_as_it_was(memory):
    def units():
        yield Unit("Satu kalimat baru.", "One new sentence.")
        raise InputError("malformed XML", "bad.tmx", 7)

    with pytest.raises(InputError):
        memory.import_units(units())
    assert memory.count() == 3
    assert memory.concordance("kalimat baru") == []


def _importer(path, prefix: str, count: int, pause: float = 0.0) -> str:
    return textwrap.dedent(f"""
        import time
        from termbase.model import TranslationUnit as Unit
        from termbase.tm.store import SQLiteMemory
        def units():
            for i in range({count}):
                if {pause} and i == 50:
                    print("started", flush=True)
                    time.sleep({pause})
                yield Unit(f"{prefix} kalimat nomor {{i}}.", f"{prefix} sentence number {{i}}.")
        SQLiteMemory({str(path)!r}).import_units(units())
        print("done", flush=True)
    """)


def test_killed_import_leaves_the_memory_as_it_was(memory):
    process = subprocess.Popen([sys.executable, "-c", _importer(memory.path, "Mati", 200, 30)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "started"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    reopened = SQLiteMemory(memory.path)
    assert reopened.count() == 3
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_processes_importing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "m.sqlite"
    SQLiteMemory(path).close()
    runs = [subprocess.Popen([sys.executable, "-c", _importer(path, name, 3000)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name in ("Alfa", "Beta")]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert SQLiteMemory(path).count() == 6000


def test_scores_are_documented_bands():
    assert scoring.score("A b c.", "A b c.").value == 100
    assert scoring.score("A b c.", "a  b, c").value == 99
    assert scoring.score("Naik 5 persen.", "Naik 7 persen.").value == 98
    assert scoring.score("satu dua tiga empat", "satu dua tiga lima").value == 75
    assert scoring.score("satu dua", "tiga empat lima").value == 0


def test_hyphenated_words_are_searchable(memory):
    memory.import_units([Unit("Sidang Perserikatan Bangsa-Bangsa dibuka.",
                              "The United Nations session opened.")])
    assert [u.target for _, u in memory.concordance("Bangsa-Bangsa")] == [
        "The United Nations session opened."]
    (match,) = memory.search("Sidang Perserikatan Bangsa-Bangsa ditutup.")
    assert match.band == "fuzzy"


_SCORED_WORDS = st.sampled_from(["naik", "turun", "harga", "Harga", "5", "7", "minyak",
                                 "persen", "dunia", "2026", "tajam"])
_SCORED_TEXTS = st.lists(_SCORED_WORDS, max_size=8).map(" ".join)


@given(query=_SCORED_TEXTS,
       candidates=st.lists(st.tuples(_SCORED_TEXTS, st.sampled_from(["", ".", ",", "  "])),
                           max_size=12),
       min_score=st.sampled_from([0, 50, 75, 98, 99, 100]))
def test_scoring_many_candidates_scores_each_as_score_does(query, candidates, min_score):
    texts = [text + tail for text, tail in candidates]
    expected = [(number, scoring.score(query, text)) for number, text in enumerate(texts)]
    expected = [(number, found) for number, found in expected if found.value >= min_score]
    given_words = [(number, text, scoring.words(text)) for number, text in enumerate(texts)]
    assert scoring.scores_at_least(query, scoring.words(query), given_words,
                                   min_score) == expected


def test_scoring_many_candidates_keeps_only_those_at_the_minimum():
    query = "Harga minyak dunia naik 5 persen."
    candidates = [(1, "Harga minyak dunia naik 5 persen.", ""),
                  (2, "harga minyak dunia naik 5 persen", ""),
                  (3, "Harga minyak dunia naik 7 persen.", ""),
                  (4, "Harga kopi dunia turun tajam.", "")]
    words = [(i, text, scoring.words(text)) for i, text, _ in candidates]
    found = scoring.scores_at_least(query, scoring.words(query), words, 75)
    assert [(i, s.value, s.band) for i, s in found] == [
        (1, 100, "exact"), (2, 99, "near-exact"), (3, 98, "near-exact")]
    assert scoring.scores_at_least(query, scoring.words(query), words, 100) == [
        (1, scoring.Score(100, "exact"))]
