"""Both memory stores keep one contract: the SQLite file and the PostgreSQL database
give the same import reports, refusals, matches and figures for the same units. Every
test of a `location` runs on each; PostgreSQL tests start from an empty schema `tm`."""

from __future__ import annotations

import json
import random
import sys
import threading
from collections.abc import Iterator

import pytest

from termbase.errors import InputError
from termbase.locations import masked_url
from termbase.model import TranslationUnit as Unit
from termbase.tm.store import Memory, open_memory

# Sentences of a news desk, with near-duplicates (a word, a number, case and
# punctuation apart), inflected forms of the same words, and a few pairs written
# English first, which the memory stores turned round.
CORPUS = [
    ("Pemerintah menaikkan harga bahan bakar minyak pekan lalu.",
     "The government raised fuel prices last week."),
    ("Pemerintah menaikkan harga bahan bakar minyak bulan lalu.",
     "The government raised fuel prices last month."),
    ("Pemerintah menurunkan harga bahan bakar minyak pekan ini.",
     "The government lowered fuel prices this week."),
    ("Harga beras di pasar tradisional naik tajam.",
     "Rice prices at traditional markets rose sharply."),
    ("Harga beras di pasar modern turun sedikit.",
     "Rice prices at modern markets fell slightly."),
    ("Petani padi di Jawa Tengah memulai panen raya.",
     "Rice farmers in Central Java began the main harvest."),
    ("Para petani padi di Jawa Timur menunda panen.",
     "Rice farmers in East Java postponed the harvest."),
    ("Bank Indonesia mempertahankan suku bunga acuan.",
     "Bank Indonesia kept its benchmark rate unchanged."),
    ("Bank Indonesia menaikkan suku bunga acuan sebesar 25 basis poin.",
     "Bank Indonesia raised its benchmark rate by 25 basis points."),
    ("Bank Indonesia menaikkan suku bunga acuan sebesar 50 basis poin.",
     "Bank Indonesia raised its benchmark rate by 50 basis points."),
    ("Banjir merendam ratusan rumah di Jakarta Utara.",
     "Floods submerged hundreds of houses in North Jakarta."),
    ("Banjir merendam puluhan rumah di Jakarta Barat.",
     "Floods submerged dozens of houses in West Jakarta."),
    ("Gempa bermagnitudo 5,2 mengguncang Sulawesi Tengah.",
     "A magnitude 5.2 earthquake shook Central Sulawesi."),
    ("Gempa bermagnitudo 6,1 mengguncang Sulawesi Barat.",
     "A magnitude 6.1 earthquake shook West Sulawesi."),
    ("Menteri Keuangan memperkirakan ekonomi tumbuh lima persen.",
     "The finance minister expects the economy to grow five percent."),
    ("menteri keuangan memperkirakan ekonomi tumbuh lima persen!",
     "The finance minister expects the economy to grow by five percent!"),
    ("Kereta cepat Jakarta-Bandung mengangkut sejuta penumpang.",
     "The Jakarta-Bandung high-speed train carried a million passengers."),
    ("Sidang Perserikatan Bangsa-Bangsa membahas perubahan iklim.",
     "The United Nations session discussed climate change."),
    ("Presiden meresmikan bendungan baru di Nusa Tenggara Timur.",
     "The president inaugurated a new dam in East Nusa Tenggara."),
    ("Presiden meresmikan jalan tol baru di Sumatra Selatan.",
     "The president inaugurated a new toll road in South Sumatra."),
    ("Ekspor batu bara Indonesia meningkat pada kuartal ketiga.",
     "Indonesia's coal exports increased in the third quarter."),
    ("Ekspor nikel Indonesia menurun pada kuartal ketiga.",
     "Indonesia's nickel exports decreased in the third quarter."),
    ("Kebakaran hutan di Kalimantan mulai padam.",
     "Forest fires in Kalimantan began to die down."),
    ("Sekolah-sekolah di Bogor diliburkan karena banjir.",
     "Schools in Bogor were closed because of the floods."),
    ("Polisi menangkap dua tersangka pencurian.", "Police arrested two theft suspects."),
    ("Dua tersangka pencurian ditangkap polisi.",
     "Two theft suspects were arrested by police."),
    ("Penangkapan dua tersangka pencurian berlangsung malam hari.",
     "The arrest of the two theft suspects took place at night."),
    ("Polisi menangkap tiga tersangka perampokan.", "Police arrested three robbery suspects."),
]
REVERSED = [  # English → Indonesian, as a CAT tool of an English desk writes them
    ("The central bank kept interest rates on hold.", "Bank sentral menahan suku bunga."),
    ("Fuel prices rose again last week.", "Harga bahan bakar naik lagi pekan lalu."),
    ("Floods closed schools in Bogor.", "Banjir menutup sekolah di Bogor."),
]
QUERIES_ID = [
    "Pemerintah menaikkan harga bahan bakar minyak pekan lalu.",  # exact
    "pemerintah menaikkan harga bahan bakar minyak, pekan lalu",  # case and punctuation
    "Bank Indonesia menaikkan suku bunga acuan sebesar 75 basis poin.",  # numbers
    "Pemerintah menaikkan harga bahan bakar minyak tahun lalu.",  # one word
    "Harga beras di pasar tradisional turun tajam.",
    "Petani padi di Jawa Barat memulai panen raya.",
    "Menteri Keuangan memperkirakan ekonomi tumbuh enam persen.",
    "Polisi menangkap dua tersangka perampokan.",  # inflections around it
    "Gempa bermagnitudo 4,9 mengguncang Sulawesi Utara.",
    "Harga bahan bakar naik lagi bulan lalu.",  # a unit imported English first
    "Banjir merendam ratusan rumah di Bogor.",
    "Sidang Perserikatan Bangsa-Bangsa membahas perubahan iklim global.",
    "Kalimat yang sama sekali tidak ada di memori.",
]
QUERIES_EN = [
    "The government raised fuel prices last year.",
    "Police arrested two robbery suspects.",
    "The central bank kept interest rates on hold.",
]


def _reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tm CASCADE")


@pytest.fixture
def pg_location(postgres_url: str) -> str:
    """The test database, without any memory in it."""
    _reset_postgres(postgres_url)
    return postgres_url


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "memory.sqlite")
    return request.getfixturevalue("pg_location")


@pytest.fixture
def store(location: str) -> Iterator[Memory]:
    memory = open_memory(location)
    yield memory
    memory.close()


def _units(pairs: list[tuple[str, str]], source_lang: str = "id-ID",
           target_lang: str = "en-US") -> list[Unit]:
    return [Unit(s, t, source_lang, target_lang) for s, t in pairs]


def _fill(memory: Memory) -> None:
    memory.import_units(_units(CORPUS), origin="berita.tmx")
    memory.import_units(_units(REVERSED, "en-GB", "id-ID"), origin="english-desk.tmx")


def _found(memory: Memory, query: str, source: str = "id", target: str = "en",
           min_score: float = 50, limit: int = 8) -> list[tuple]:
    return [(m.unit_id, m.unit.source, m.unit.target, m.score, m.band)
            for m in memory.search(query, source, target, min_score, limit)]


# --- importing -------------------------------------------------------------------------

def test_import_counts_and_reasons(store):
    units = _units(CORPUS[:5]) + [Unit(*CORPUS[0], "id-ID", "en-US"),
                                  Unit("Harga cabai naik.", "  ", "id-ID", "en-US"),
                                  Unit("Harga  cabai   naik. ", "Chilli prices rose.")]
    first = store.import_units(units, origin="satu.tmx")
    assert (first.added, first.updated, first.skipped) == (6, 0, 2)
    assert first.reasons == {"repeated in the file": 1, "empty source or target": 1}
    again = store.import_units(_units(CORPUS[:5]), origin="satu.tmx")
    assert (again.added, again.updated, again.reasons) == (0, 0, {"already in the memory": 5})
    # white space apart, and the language by base, a unit is the one stored: updated
    changed = store.import_units([Unit("Harga cabai naik.", "Chilli  prices rose.", "id",
                                       "en-GB", changed_by="redaktur", notes=["dicek"],
                                       props=[("x-desk", "ekonomi")])], origin="dua.tmx")
    assert (changed.added, changed.updated, changed.skipped) == (0, 1, 0)
    assert store.count() == 6
    (match,) = store.search("Harga cabai naik.")
    assert match.unit.changed_by == "redaktur" and match.unit.origin == "dua.tmx"
    assert match.unit.notes == ["dicek"] and match.unit.props == [("x-desk", "ekonomi")]
    # the same note again changes nothing; a new one is appended
    assert store.import_units([Unit("Harga cabai naik.", "Chilli prices rose.",
                                    notes=["dicek"])]).reasons == {"already in the memory": 1}
    store.import_units([Unit("Harga cabai naik.", "Chilli prices rose.", notes=["lagi"])])
    assert store.search("Harga cabai naik.")[0].unit.notes == ["dicek", "lagi"]


def test_a_unit_in_another_pair_refuses_the_whole_import(store):
    _fill(store)
    assert store.language_pair() == ("id-ID", "en-US")
    before = store.count()
    afrikaans = [Unit("Pasar saham dibuka menguat.", "The stock market opened higher."),
                 Unit("Hujan turun sepanjang hari.", "Dit het die hele dag gereën.",
                      "id-ID", "af", line=9)]
    with pytest.raises(InputError) as refused:
        store.import_units(afrikaans, origin="af.tmx")
    assert str(refused.value) == ("af.tmx:9: languages id-ID→af, but the memory is "
                                  "id-ID→en-US")
    assert store.count() == before
    assert store.concordance("pasar saham") == []
    with pytest.raises(InputError, match="languages id-ID→af, but the memory is id-ID→en-US"):
        store.add(Unit("Hujan turun.", "Dit reën.", "id-ID", "af"))


def test_the_first_import_records_the_pair_and_bare_tags_take_it(store):
    assert store.language_pair() is None
    store.import_units([Unit("Angin bertiup kencang.", "The wind blew hard.", "", "")],
                       pair=("id-ID", "en-GB"))
    assert store.language_pair() == ("id-ID", "en-GB")
    store.import_units([Unit("Laut tenang.", "The sea was calm.", "id", "en")])
    store.import_units([Unit("The sky was grey.", "Langit kelabu.", "en-US", "id-ID")])
    stored = {u.source: (u.source_lang, u.target_lang) for _, u in store.units()}
    assert stored == {"Angin bertiup kencang.": ("id-ID", "en-GB"),
                      "Laut tenang.": ("id-ID", "en-GB"),
                      "Langit kelabu.": ("id-ID", "en-US")}  # turned round, own tags kept
    figures = store.stats()
    assert figures["language_pair"] == "id-ID>en-GB"
    assert figures["language_pairs"] == {"id-ID>en-GB": 2, "id-ID>en-US": 1}


def test_a_failing_import_leaves_the_memory_as_it_was(store):
    _fill(store)

    def units() -> Iterator[Unit]:
        yield Unit("Satu kalimat baru yang belum ada.", "A new sentence not there yet.")
        raise InputError("malformed XML", "rusak.tmx", 7)

    with pytest.raises(InputError, match="malformed XML"):
        store.import_units(units())
    assert store.count() == len(CORPUS) + len(REVERSED)
    assert store.concordance("kalimat baru") == []


def test_add(store):
    unit_id, outcome = store.add(Unit("Harga emas turun.", "Gold prices fell.", origin="ketik"))
    assert outcome == "added" and store.language_pair() == ("id-ID", "en-US")
    assert store.add(Unit("Harga emas turun.", "Gold prices fell.")) == (unit_id, "unchanged")
    assert store.add(Unit("Harga  emas turun.", "Gold prices fell.", changed_by="ani")) == (
        unit_id, "updated")
    reversed_id, _ = store.add(Unit("Silver prices rose.", "Harga perak naik.", "en", ""))
    assert store.get(reversed_id).source == "Harga perak naik."
    assert store.get(unit_id).origin == "ketik"


@pytest.mark.parametrize("source, target, message", [
    ("Harga emas turun.", " ", "the target is empty"),
    ("", "Gold prices fell.", "the source is empty"),
    ("Harga emas\x01 turun.", "Gold prices fell.", r"U\+0001, which XML cannot hold"),
])
def test_add_refuses_what_no_memory_can_hold(store, source, target, message):
    with pytest.raises(InputError, match=message):
        store.add(Unit(source, target))
    assert store.count() == 0


# --- reading -------------------------------------------------------------------------

def test_search_bands_and_swapped_results(store):
    _fill(store)
    (exact,) = store.search(CORPUS[0][0], limit=1)
    assert (exact.score, exact.band, exact.unit.target) == (100, "exact", CORPUS[0][1])
    near = store.search("Bank Indonesia menaikkan suku bunga acuan sebesar 75 basis poin.")
    assert [(m.score, m.band) for m in near[:2]] == [(98, "near-exact"), (98, "near-exact")]
    assert near[0].unit_id < near[1].unit_id  # a tie goes to the older unit
    (english,) = store.search("The central bank kept interest rates on hold.", "en", "id")
    assert english.unit.source == "The central bank kept interest rates on hold."
    assert english.unit.source_lang == "en-GB" and english.score == 100
    stored_reversed = store.search("Harga bahan bakar naik lagi pekan lalu.")[0]
    assert stored_reversed.unit.target == "Fuel prices rose again last week."
    with pytest.raises(InputError, match="which XML cannot hold"):
        store.search("Harga\x02 emas")
    assert store.search("Kalimat yang sama sekali tidak ada di memori.") == []


@pytest.mark.parametrize("words_counted", [True, False])
def test_search_gives_the_same_ranked_matches_on_both_stores(tmp_path, pg_location,
                                                             monkeypatch, words_counted):
    """The same matches in the same order, whether PostgreSQL counts the query's words
    (a memory of up to EXACT_COUNTS units) or estimates them from its statistics."""
    from termbase.tm import postgres as store

    if not words_counted:
        monkeypatch.setattr(store, "EXACT_COUNTS", 0)
    sqlite, postgres = open_memory(str(tmp_path / "m.sqlite")), open_memory(pg_location)
    try:
        for memory in (sqlite, postgres):
            _fill(memory)
        for query in QUERIES_ID:
            assert _found(postgres, query) == _found(sqlite, query), query
        for query in QUERIES_EN:
            assert _found(postgres, query, "en", "id") == _found(sqlite, query, "en", "id")
        for limit, min_score in ((1, 75), (3, 90), (20, 0)):
            query = QUERIES_ID[3]
            assert _found(postgres, query, min_score=min_score, limit=limit) == \
                _found(sqlite, query, min_score=min_score, limit=limit)
        fuzzy = _found(postgres, "Polisi menangkap dua tersangka perampokan.")
        assert [score for *_, score, _ in fuzzy] == sorted(
            (score for *_, score, _ in fuzzy), reverse=True)
        assert len(fuzzy) >= 2
    finally:
        sqlite.close()
        postgres.close()


def test_concordance(store):
    _fill(store)
    found = store.concordance("suku bunga")
    assert {u.target for _, u in found} == {
        CORPUS[7][1], CORPUS[8][1], CORPUS[9][1], REVERSED[0][0]}
    assert [u.source for _, u in store.concordance("Bangsa-Bangsa")] == [CORPUS[17][0]]
    # a word on each side is enough, as in a full-text query over both
    assert [u.source for _, u in store.concordance("kereta passengers")] == [CORPUS[16][0]]
    assert len(store.concordance("harga", limit=2)) == 2
    assert store.concordance("!!") == []
    assert store.concordance("bunga kereta") == []


def test_examples_are_the_newest_holders_of_each_text(store):
    _fill(store)
    for number in range(3):  # a word on both sides of a unit: one unit, not two
        store.add(Unit(f"Delegasi ASEAN ke-{number} tiba.",
                       f"ASEAN delegation number {number} arrived.", "id", "en"))
    texts = ["suku bunga", "Bangsa-Bangsa", "bunga kereta", "!!", "suku bunga",
             "kereta passengers", "ASEAN", "delegasi delegation"]
    found = store.examples(texts, limit=2)
    assert list(found) == ["suku bunga", "Bangsa-Bangsa", "bunga kereta", "!!",
                           "kereta passengers", "ASEAN", "delegasi delegation"]
    for text in found:  # the concordance's units, the newest first
        everyone = sorted(store.concordance(text, limit=100), key=lambda found: -found[0])
        assert found[text] == everyone[:2]
    assert len(found["suku bunga"]) == 2 and found["bunga kereta"] == []
    assert [u.source for _, u in found["ASEAN"]] == [
        "Delegasi ASEAN ke-2 tiba.", "Delegasi ASEAN ke-1 tiba."]
    assert len(found["kereta passengers"]) == 1
    assert store.examples([]) == {}


def test_concordance_finds_the_same_units_on_both_stores(tmp_path, pg_location):
    sqlite, postgres = open_memory(str(tmp_path / "m.sqlite")), open_memory(pg_location)
    try:
        for memory in (sqlite, postgres):
            _fill(memory)
        for words in ("harga", "bahan bakar", "tersangka pencurian", "Jakarta", "rice",
                      "Sekolah-sekolah", "di"):
            assert sorted(i for i, _ in postgres.concordance(words, 100)) == sorted(
                i for i, _ in sqlite.concordance(words, 100)), words
    finally:
        sqlite.close()
        postgres.close()


def test_delete_and_get(store):
    store.import_units([Unit("Harga gula stabil.", "Sugar prices were stable.",
                             notes=["catatan"], props=[("x-desk", "ekonomi")])])
    ((unit_id, unit),) = list(store.units())
    assert store.get(unit_id).notes == ["catatan"] == unit.notes
    assert store.delete(unit_id)
    assert not store.delete(unit_id)
    assert store.get(unit_id) is None and store.count() == 0
    assert store.concordance("gula") == [] and store.search("Harga gula stabil.") == []
    # props and notes went with it: the same unit comes back without them
    store.import_units([Unit("Harga gula stabil.", "Sugar prices were stable.")])
    ((_, again),) = list(store.units())
    assert again.notes == [] and again.props == []


def test_stats(store, location):
    _fill(store)
    figures = store.stats()
    assert set(figures) == {"path", "schema_version", "language_pair", "units",
                            "language_pairs", "origins", "size_bytes"}
    assert figures["units"] == len(CORPUS) + len(REVERSED) == store.count()
    assert figures["language_pair"] == "id-ID>en-US"
    assert figures["origins"] == {"berita.tmx": len(CORPUS),
                                  "english-desk.tmx": len(REVERSED)}
    assert figures["language_pairs"] == {"id-ID>en-US": len(CORPUS),
                                         "id-ID>en-GB": len(REVERSED)}
    assert figures["size_bytes"] > 0 and figures["schema_version"] == store.schema_version()
    assert figures["path"] == masked_url(location)


def test_units_come_in_id_order_across_pages(store, monkeypatch):
    from termbase.tm import postgres

    monkeypatch.setattr(postgres, "PAGE", 7)
    _fill(store)
    ids = [unit_id for unit_id, _ in store.units()]
    assert ids == sorted(ids) and len(ids) == len(CORPUS) + len(REVERSED)


# --- opening ---------------------------------------------------------------------------

def test_opening_again_migrates_nothing(location):
    with open_memory(location) as first:
        first.import_units(_units(CORPUS[:3]))
        version = first.schema_version()
    with open_memory(location, create=False) as second:
        assert (second.schema_version(), second.count()) == (version, 3)


def test_parallel_opens_of_a_new_memory(location):
    opened: list[int] = []
    failures: list[BaseException] = []

    def open_one() -> None:
        try:
            with open_memory(location) as memory:
                opened.append(memory.schema_version())
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == [] and len(opened) == 6 and len(set(opened)) == 1


def test_a_missing_memory_is_not_created_to_be_read(location):
    with pytest.raises(InputError, match="no translation memory here"):
        open_memory(location, create=False)


# --- PostgreSQL only -------------------------------------------------------------------

def test_concurrent_writers_lose_nothing_and_duplicate_nothing(pg_location):
    """Eight threads import and add overlapping units at once, four sharing one memory
    (as a server worker's threads do) and four with their own."""
    shared = open_memory(pg_location)
    failures: list[BaseException] = []
    expected: set[tuple[str, str]] = set()

    def sentences(writer: int) -> list[tuple[str, str]]:
        numbers = range(writer * 20, writer * 20 + 120)  # overlaps the next five writers
        return [(f"Laporan harian nomor {n} sudah terbit.", f"Daily report {n} is out.")
                for n in numbers]

    def write(writer: int) -> None:
        try:
            memory = shared if writer % 2 else open_memory(pg_location)
            pairs = sentences(writer)
            random.Random(writer).shuffle(pairs)  # each in its own order: deadlocks
            for start in range(0, len(pairs), 30):
                memory.import_units(_units(pairs[start:start + 30]), origin=f"writer-{writer}")
            for source, target in pairs[::5]:
                memory.add(Unit(source, target, changed_by=f"writer-{writer}"))
            if memory is not shared:
                memory.close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    for writer in range(8):
        expected.update(sentences(writer))
    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        assert failures == []
        assert shared.count() == len(expected)
        assert {(u.source, u.target) for _, u in shared.units()} == expected
        assert _postings_astray(pg_location) == []
        assert shared.language_pair() == ("id-ID", "en-US")
    finally:
        shared.close()


def test_postgres_schema_lives_in_tm_and_a_newer_one_is_refused(pg_location):
    import psycopg

    open_memory(pg_location).close()
    with psycopg.connect(pg_location, autocommit=True) as connection:
        tables = {row[0] for row in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tm'")}
        assert {"units", "unit_data", "termbase_schema", "source_postings",
                "target_postings"} <= tables
        assert connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0] == 0
        connection.execute("UPDATE tm.termbase_schema SET version = 99")
    with pytest.raises(InputError, match="memory schema 99 is newer than this termbase"):
        open_memory(pg_location)


def _postings_astray(url: str) -> list[tuple]:
    """(side, word, unit id, where) of every posting missing from the posting tables
    or left there though no unit's words hold it: none when they are exact."""
    import psycopg

    astray: list[tuple] = []
    with psycopg.connect(url, autocommit=True) as connection:
        for side in ("source", "target"):
            held = (f"SELECT DISTINCT t.word, u.id FROM tm.units u, "
                    f"unnest(u.{side}_terms) AS t(word)")
            posted = f"SELECT word, unit_id FROM tm.{side}_postings"
            for where, sql in (("missing", f"{held} EXCEPT {posted}"),
                               ("stale", f"{posted} EXCEPT {held}")):
                astray += [(side, word, unit_id, where)
                           for word, unit_id in connection.execute(sql)]
    return astray


def _v1_memory(url: str, pairs: list[tuple[str, str]]) -> None:
    """A memory as schema 1 made it: its tables by MIGRATIONS[0] alone, its units
    written as that version's import wrote them, without postings."""
    import psycopg

    from termbase.tm import scoring
    from termbase.tm.postgres import MIGRATIONS, _terms

    with psycopg.connect(url, autocommit=True) as connection, connection.transaction():
        connection.execute("CREATE SCHEMA tm")
        connection.execute("CREATE TABLE tm.termbase_schema (version integer NOT NULL)")
        connection.execute("INSERT INTO tm.termbase_schema VALUES (1)")
        connection.execute(MIGRATIONS[0])
        for source, target in pairs:
            identity, source_key, target_key = scoring.unit_keys("id-ID", "en-US",
                                                                 source, target)
            connection.execute(
                "INSERT INTO tm.units (source_lang, target_lang, source, target, "
                "source_norm, target_norm, source_terms, target_terms, source_key, "
                "target_key, pair_key, created_at, origin) VALUES ('id-ID', 'en-US', "
                "%s, %s, %s, %s, string_to_array(%s, ' '), string_to_array(%s, ' '), "
                "%s, %s, %s, '2026-01-01T00:00:00Z', 'berita.tmx')",
                (source, target, scoring.normalised(source), scoring.normalised(target),
                 _terms(source), _terms(target), source_key, target_key, identity))
        connection.execute("INSERT INTO tm.language_pairs VALUES ('id-ID', 'en-US')")
        connection.execute("INSERT INTO tm.memory_info VALUES ('source_lang', 'id-ID'), "
                           "('target_lang', 'en-US')")


def test_a_v1_postgres_memory_gets_its_postings_and_finds_the_same(tmp_path, pg_location):
    import psycopg

    from termbase.tm.postgres import MIGRATIONS

    _v1_memory(pg_location, CORPUS)
    sqlite, postgres = open_memory(str(tmp_path / "m.sqlite")), open_memory(pg_location)
    try:
        sqlite.import_units(_units(CORPUS), origin="berita.tmx")
        assert postgres.schema_version() == len(MIGRATIONS) == 2
        assert postgres.count() == len(CORPUS)
        assert _postings_astray(pg_location) == []
        with psycopg.connect(pg_location, autocommit=True) as connection:
            vacuumed = connection.execute(
                "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = 'tm' "
                "AND relname LIKE '%postings' AND last_vacuum IS NOT NULL").fetchone()
        assert vacuumed == (2,)  # so that candidates are read from the index alone
        for query in QUERIES_ID:
            assert _found(postgres, query) == _found(sqlite, query), query
        postgres.add(Unit("Harga cabai di pasar tradisional naik tajam.",
                          "Chili prices at traditional markets rose sharply."))
        assert _postings_astray(pg_location) == []
    finally:
        sqlite.close()
        postgres.close()


def test_postings_follow_every_write(pg_location):
    memory = open_memory(pg_location)
    try:
        memory.import_units(_units(CORPUS[:20]), origin="berita.tmx")
        assert _postings_astray(pg_location) == []
        # again, from another file, some with a note: the old ones updated, the rest added
        again = _units(CORPUS[15:])
        for unit in again[:3]:
            unit.notes.append("diperiksa redaktur")
        report = memory.import_units(again, origin="berita-2.tmx")
        assert (report.added, report.updated) == (len(CORPUS) - 20, 5)
        assert _postings_astray(pg_location) == []
        unit_id, outcome = memory.add(Unit("Harga cabai di pasar modern turun tajam.",
                                           "Chili prices at modern markets fell sharply."))
        assert outcome == "added"
        assert memory.add(Unit(CORPUS[0][0], CORPUS[0][1], changed_by="redaktur")) \
            [1] == "updated"
        assert _postings_astray(pg_location) == []
        assert memory.delete(unit_id) and not memory.delete(unit_id)
        for doomed in (1, 5, 9):
            assert memory.delete(doomed)
        assert _postings_astray(pg_location) == []
        memory.import_units(_units(REVERSED), origin="english.tmx")
        assert _postings_astray(pg_location) == []
    finally:
        memory.close()


def test_a_deleted_unit_is_never_a_candidate(pg_location):
    import psycopg

    from termbase.tm import scoring
    from termbase.tm.postgres import _chosen_terms
    from termbase.tm.store import _fts_terms

    memory = open_memory(pg_location)
    try:
        memory.import_units(_units(CORPUS))
        query = CORPUS[8][0]
        doomed = _found(memory, query)[0][0]
        assert _found(memory, query)[0][1] == query
        assert memory.delete(doomed)
        assert doomed not in [unit_id for unit_id, *_ in _found(memory, query, min_score=0,
                                                                  limit=100)]
        with psycopg.connect(pg_location, autocommit=True) as connection:
            terms = _chosen_terms(connection, _fts_terms(scoring.words(query)), "source")
            candidates = memory._candidates(connection, query, terms, "source")
            assert candidates and doomed not in [unit_id for unit_id, *_ in candidates]
            for side in ("source", "target"):
                assert connection.execute(f"SELECT count(*) FROM tm.{side}_postings "
                                          "WHERE unit_id = %s", (doomed,)).fetchone()[0] == 0
    finally:
        memory.close()


def test_postgres_errors_are_one_line_naming_the_url_without_its_password(pg_location):
    import psycopg

    parts = psycopg.conninfo.conninfo_to_dict(pg_location)
    with pytest.raises(InputError) as no_database:
        open_memory(f"postgresql:///no_such_memory?host={parts['host']}&user={parts['user']}"
                    "&password=s3cret")
    assert "no_such_memory" in str(no_database.value) and "s3cret" not in str(no_database.value)
    assert "password=***" in str(no_database.value) and "\n" not in str(no_database.value)
    with pytest.raises(InputError, match="nobody_here") as no_role:
        open_memory(f"postgresql://nobody_here:s3cret@/{parts['dbname']}?host={parts['host']}")
    assert "s3cret" not in str(no_role.value) and "\n" not in str(no_role.value)
    with pytest.raises(InputError) as refused:  # nothing listens on port 1
        open_memory("postgresql://desk:s3cret@127.0.0.1:1/memory?connect_timeout=3")
    message = str(refused.value)
    assert message.startswith("postgresql://desk:***@127.0.0.1:1/memory")
    assert "s3cret" not in message and "\n" not in message
    with pytest.raises(InputError) as malformed:
        open_memory("postgresql://desk:s3cret@host:port:what/memory")
    assert "s3cret" not in str(malformed.value)


def test_a_writer_that_loses_a_deadlock_tries_again_alone(pg_location, monkeypatch):
    from psycopg import errors as pg_errors

    from termbase.tm import postgres

    memory = open_memory(pg_location)
    attempts: list[bool] = []
    real = postgres.PostgresMemory._import_once

    def losing_once(self, *args, alone=False):
        attempts.append(alone)
        if len(attempts) == 1:
            list(args[0])  # reads the units, as a transaction cut short would
            raise pg_errors.DeadlockDetected("deadlock detected")
        return real(self, *args, alone=alone)

    monkeypatch.setattr(postgres.PostgresMemory, "_import_once", losing_once)
    units = iter(_units(CORPUS[:4]))  # read once only: the retry is fed what was kept
    report = memory.import_units(units, origin="ulang.tmx")
    assert attempts == [False, True] and report.added == 4 and memory.count() == 4
    monkeypatch.setattr(postgres, "REPLAY_LIMIT", 2)
    attempts.clear()
    with pytest.raises(InputError, match="nothing of this import is kept: run it again"):
        memory.import_units(iter(_units(CORPUS[4:8])))
    assert memory.count() == 4
    memory.close()


def test_postgres_without_the_driver_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "termbase.tm.postgres", raising=False)
    with pytest.raises(InputError) as refused:
        open_memory("postgresql://desk:s3cret@localhost/memory")
    assert str(refused.value) == ("postgresql://desk:***@localhost/memory: PostgreSQL needs "
                                  "`pip install termbase[postgres]`")


# --- the command line ------------------------------------------------------------------

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="test" creationtoolversion="1" o-tmf="x" segtype="sentence"
          adminlang="en-US" srclang="id-ID" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="id-ID"><seg>Harga cabai rawit melonjak menjelang Lebaran.</seg></tuv>
        <tuv xml:lang="en-US"><seg>Bird's eye chilli prices soared ahead of Eid.</seg></tuv></tu>
    <tu><tuv xml:lang="id-ID"><seg>Harga bawang merah turun setelah panen.</seg></tuv>
        <tuv xml:lang="en-US"><seg>Shallot prices fell after the harvest.</seg></tuv></tu>
    <tu><tuv xml:lang="en-US"><seg>Egg prices held steady.</seg></tuv>
        <tuv xml:lang="id-ID"><seg>Harga telur bertahan.</seg></tuv></tu>
  </body>
</tmx>
"""


def test_every_tm_command_works_on_a_postgres_url(invoke, pg_location, tmp_path):
    tmx = tmp_path / "pasar.tmx"
    tmx.write_text(TMX, encoding="utf-8")
    imported = invoke("tm", "import", str(tmx), "--tm", pg_location)
    assert imported.exit_code == 0, imported.output
    assert "3 added, 0 updated, 0 skipped" in imported.output
    found = invoke("tm", "search", "Harga cabai rawit melonjak menjelang Natal.",
                   "--format", "json", "--tm", pg_location)
    assert found.exit_code == 0, found.output
    (match,) = json.loads(found.output)["matches"]
    assert match["target"] == "Bird's eye chilli prices soared ahead of Eid."
    assert match["band"] == "fuzzy" and match["origin"] == str(tmx)
    english = json.loads(invoke("tm", "search", "Egg prices held steady.", "--from", "en",
                                "--format", "json", "--tm", pg_location).output)
    assert english["matches"][0]["target"] == "Harga telur bertahan."
    concordance = json.loads(invoke("tm", "concordance", "harga", "--format", "json",
                                    "--tm", pg_location).output)
    assert len(concordance["units"]) == 3
    added = invoke("tm", "add", "Harga daging sapi naik.", "Beef prices rose.",
                   "--tm", pg_location)
    assert added.exit_code == 0 and added.output.endswith("added\n")
    stats = json.loads(invoke("tm", "stats", "--format", "json", "--tm", pg_location).output)
    assert stats["units"] == 4 and stats["language_pair"] == "id-ID>en-US"
    out = tmp_path / "out.tsv"
    assert invoke("tm", "export", "-o", str(out), "--tm", pg_location).exit_code == 0
    assert out.read_text(encoding="utf-8").count("\n") == 5  # the header and four units
    unit_id = concordance["units"][0]["id"]
    assert invoke("tm", "delete", str(unit_id), "--tm", pg_location).exit_code == 0
    gone = invoke("tm", "delete", str(unit_id), "--tm", pg_location)
    assert gone.exit_code == 2 and f"no unit #{unit_id}" in gone.output
    # $TERMBASE_TM names it as well as --tm
    assert json.loads(invoke("tm", "stats", "--format", "json",
                             env={"TERMBASE_TM": pg_location}).output)["units"] == 3


def test_a_postgres_url_in_the_workspace_is_taken_as_it_is(tmp_path, monkeypatch, invoke):
    from termbase.config import load_config

    url = "postgresql://desk:s3cret@db.example/termbase"
    toml = tmp_path / "termbase.toml"
    toml.write_text(f'tm = "{url}"\n', encoding="utf-8")
    assert load_config(toml).tm == url
    monkeypatch.chdir(tmp_path)
    shown = invoke("config", "--format", "json", env={"TERMBASE_TM": None})
    (tm,) = [s for s in json.loads(shown.output)["settings"] if s["name"] == "tm"]
    assert tm["value"] == "postgresql://desk:***@db.example/termbase"
    from_env = invoke("config", env={"TERMBASE_TM": url + "?sslmode=require"})
    assert "postgresql://desk:***@db.example/termbase?sslmode=require" in from_env.output
    assert "s3cret" not in shown.output + from_env.output


@pytest.mark.parametrize("dense_words", [2, 1_000])
def test_a_postgres_concordance_is_in_id_order_whether_its_words_are_common_or_rare(
        pg_location, monkeypatch, dense_words):
    # Words held by many units are found by walking the ids, rarer ones by reading
    # their holders and sorting: the answer is the same.
    from termbase.tm import postgres

    monkeypatch.setattr(postgres, "DENSE_WORDS", dense_words)
    memory = open_memory(pg_location)
    try:
        memory.import_units(Unit(f"Kapal ke-{n} berlabuh di pelabuhan.",
                                  f"Ship number {n} docked in the port.",
                                  "id-ID", "en-US") for n in range(6))
        found = memory.concordance("pelabuhan", limit=3)
        assert [unit.target for _, unit in found] == [
            f"Ship number {n} docked in the port." for n in range(3)]
        assert [unit_id for unit_id, _ in found] == sorted(i for i, _ in found)
        assert memory.concordance("bandara", limit=3) == []
    finally:
        memory.close()


def test_a_query_of_new_words_is_answered_without_reading_postings():
    from termbase.tm.store import beyond_reach

    words = ["harga", "minyak", "dunia", "naik", "5", "persen", "kemarin", "sore"]
    assert not beyond_reach(words, {"kemarin", "sore"}, 75)  # 6 of 8 held: 75 possible
    assert beyond_reach(words, {"kemarin", "sore", "dunia"}, 75)  # 5 of 8: 62.5 at best
    assert not beyond_reach(words, {"5", "kemarin"}, 75)  # a number may differ (98)
    assert not beyond_reach(words, set(), 75) and not beyond_reach([], {"x"}, 75)


def test_matches_with_new_words_are_still_found_up_to_the_bound(store):
    store.add(Unit("Harga minyak dunia naik lima persen hari ini.",
                   "World oil prices rose five percent today.", "id", "en"))
    near = store.search("Harga minyak dunia naik lima persen kemarin sore.", "id", "en")
    assert [round(m.score) for m in near] == [75]  # two new words of eight
    assert store.search("Harga minyak dunia naik lima persen kemarin sore tadi.",
                        "id", "en") == []  # three: 66.7 at best
