"""The glossary stored in PostgreSQL: the TBX bytes kept as they are, edits through the
same service functions, optimistic concurrency, the CLI and the desk server with a
postgresql:// URL where a glossary file would be named."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from termbase.errors import InputError
from termbase.glossary import default_glossary_paths
from termbase.glossary.postgres import CHANGED_MEANWHILE, PostgresGlossary
from termbase.glossary.service import deprecate, load_glossary
from termbase.model import Status

ORGANISATIONS = next(p for p in default_glossary_paths() if p.name == "organisations.tbx")

SMALL = b"""<?xml version="1.0" encoding="UTF-8"?>
<!-- a stored glossary keeps its comments -->
<martif type="TBX-Basic" xml:lang="en">
  <text>
    <body>
      <termEntry id="c1">
        <langSet xml:lang="id">
          <tig>
            <term>kerja sama</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="en">
          <tig>
            <term>cooperation</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
      <termEntry id="c2">
        <langSet xml:lang="id">
          <tig>
            <term>pelabuhan</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
        <langSet xml:lang="en">
          <tig>
            <term>port</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          </tig>
        </langSet>
      </termEntry>
    </body>
  </text>
</martif>
"""


@pytest.fixture
def url(postgres_url: str) -> str:
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS glossary CASCADE")
    return postgres_url


@pytest.fixture
def store(url: str):
    with PostgresGlossary(url) as opened:
        yield opened


def status_of(url: str, text: str) -> Status:
    with PostgresGlossary(url) as store:
        glossary = store.load()
    return next(t.status for c in glossary.concepts for t in c.terms if t.text == text)


def test_a_stored_file_comes_back_byte_for_byte(store):
    data = ORGANISATIONS.read_bytes()
    first = store.put("organisations.tbx", data, "tester")
    assert store.get("organisations.tbx") == data
    assert store.names() == ["organisations.tbx"]
    loaded = store.load()
    assert loaded.concepts and all(c.source.endswith("#organisations.tbx")
                                   for c in loaded.concepts)
    assert store.put("organisations.tbx", data) != first  # every write is a new version
    assert store.remove("organisations.tbx") and store.names() == []


def test_the_signature_changes_with_every_write_even_after_a_removal(store):
    store.put("small.tbx", SMALL)
    before = store.signature()
    assert store.signature() == before
    store.remove("small.tbx")
    store.put("small.tbx", SMALL)
    assert store.signature() != before


def test_a_source_names_the_database_without_its_password(store, url):
    from urllib.parse import urlsplit

    store.put("small.tbx", SMALL)
    source = store.load().concepts[0].source
    password = urlsplit(url).password
    assert source.endswith("#small.tbx")
    if password:
        assert password not in source


def test_hostile_or_broken_tbx_is_refused_and_nothing_stored(store):
    bomb = (b'<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY a "ha">\n'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
            b'<martif><text><body/></text></martif>')
    external = (b'<?xml version="1.0"?>\n<!DOCTYPE martif [\n'
                b'<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
                b'<martif><text><body><termEntry id="x"><langSet xml:lang="id"><tig>'
                b'<term>&x;</term></tig></langSet></termEntry></body></text></martif>')
    for data in (bomb, external, b"<martif><text><body>", b"not xml at all"):
        with pytest.raises(InputError):
            store.put("bad.tbx", data)
    with pytest.raises(InputError, match="not a stored glossary name"):
        store.put("../escape.tbx", SMALL)
    assert store.names() == []


def test_a_deprecation_lands_in_the_database_for_every_reader(store, url):
    store.put("small.tbx", SMALL)
    edit = deprecate(load_glossary([url]), "kerjasama", "kerja sama")
    edit.document.save("terminologist")
    with PostgresGlossary(url) as other:
        text = other.get("small.tbx").decode()
        assert "<term>kerjasama</term>" in text
        assert "a stored glossary keeps its comments" in text
    assert status_of(url, "kerjasama") is Status.DEPRECATED


def test_two_edits_from_the_same_copy_cannot_both_land(store, url):
    store.put("small.tbx", SMALL)
    first = deprecate(load_glossary([url]), "kerjasama", "kerja sama")
    second = deprecate(load_glossary([url]), "bandar", "pelabuhan")
    first.document.save()
    with pytest.raises(InputError, match=CHANGED_MEANWHILE):
        second.document.save()
    assert status_of(url, "kerjasama") is Status.DEPRECATED
    again = deprecate(load_glossary([url]), "bandar", "pelabuhan")  # what "try again" means
    again.document.save()
    assert status_of(url, "kerjasama") is Status.DEPRECATED
    assert status_of(url, "bandar") is Status.DEPRECATED


def test_concurrent_edits_in_threads_lose_nothing_silently(store, url):
    store.put("small.tbx", SMALL)
    start = threading.Barrier(4)
    outcomes: dict[str, str] = {}

    def edit(term: str, preferred: str) -> None:
        glossary = load_glossary([url])
        start.wait()
        try:
            deprecate(glossary, term, preferred).document.save()
            outcomes[term] = "saved"
        except InputError as exc:
            outcomes[term] = exc.message

    pairs = [("kerjasama", "kerja sama"), ("bandar", "pelabuhan"),
             ("koperasi", "kerja sama"), ("dermaga", "pelabuhan")]
    threads = [threading.Thread(target=edit, args=pair) for pair in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted(term for term, _ in pairs)
    assert set(outcomes.values()) <= {"saved", CHANGED_MEANWHILE}
    assert list(outcomes.values()).count("saved") == 1  # all read the same version
    text = store.get("small.tbx").decode()
    for term, outcome in outcomes.items():
        assert (f"<term>{term}</term>" in text) == (outcome == "saved")


def test_an_edit_decided_on_a_stale_glossary_is_refused_before_it_is_made(store, url):
    store.put("small.tbx", SMALL)
    stale = load_glossary([url])
    deprecate(load_glossary([url]), "kerjasama", "kerja sama").document.save()
    # The check that "kerjasama" belongs to no other concept was made on the old text.
    with pytest.raises(InputError, match=CHANGED_MEANWHILE):
        deprecate(stale, "bandar", "pelabuhan")
    from termbase.glossary.service import ConceptChange, edit_concept

    with pytest.raises(InputError, match=CHANGED_MEANWHILE):
        edit_concept(stale, "c2", ConceptChange(note="a note"))


def test_a_stored_file_that_was_removed_cannot_be_saved_to(store, url):
    store.put("small.tbx", SMALL)
    edit = deprecate(load_glossary([url]), "kerjasama", "kerja sama")
    store.remove("small.tbx")
    with pytest.raises(InputError, match=CHANGED_MEANWHILE):
        edit.document.save()


# --- the command line ------------------------------------------------------------------
def test_import_then_export_round_trips_the_file(invoke, url, tmp_path):
    result = invoke("glossary", "import", str(ORGANISATIONS), "--into", url)
    assert result.exit_code == 0, result.output
    with PostgresGlossary(url) as store:
        assert store.get("organisations.tbx") == ORGANISATIONS.read_bytes()
    out = tmp_path / "out.tbx"
    result = invoke("glossary", "export", "-o", str(out), "--glossary", url)
    assert result.exit_code == 0, result.output
    from termbase.formats.tbx import read_tbx

    exported = {c.id: [(t.text, t.status) for t in c.terms] for c in read_tbx(out)}
    original = {c.id: [(t.text, t.status) for t in c.terms] for c in read_tbx(ORGANISATIONS)}
    assert exported == original


def test_import_merges_into_the_stored_file_of_the_same_name(invoke, url, tmp_path):
    assert invoke("glossary", "import", str(ORGANISATIONS), "--into", url).exit_code == 0
    extra = tmp_path / "organisations.csv"
    extra.write_text("concept_id,language,term,status\neco-900,id,rantai pasok,preferred\n"
                     "eco-900,en,supply chain,preferred\n", encoding="utf-8")
    result = invoke("glossary", "import", str(extra), "--into", f"{url}#organisations.tbx")
    assert result.exit_code == 0, result.output
    with PostgresGlossary(url) as store:
        assert store.names() == ["organisations.tbx"]
        text = store.get("organisations.tbx").decode()
    assert "rantai pasok" in text
    assert text.startswith(ORGANISATIONS.read_text(encoding="utf-8")[:200])


def test_import_refuses_an_unusable_stored_name(invoke, url, tmp_path):
    odd = tmp_path / "odd.tbx"
    odd.write_bytes(SMALL)
    result = invoke("glossary", "import", str(odd), "--into", f"{url}#../up.tbx")
    assert result.exit_code == 2
    assert "not a stored glossary name" in result.output


def test_check_and_lookup_read_the_stored_glossary(invoke, store, url):
    store.put("organisations.tbx", ORGANISATIONS.read_bytes())
    result = invoke("glossary", "deprecate", "Jalur Sutra Baru", "--use", "Sabuk dan Jalan",
                    "--glossary", url)
    assert result.exit_code == 0, result.output
    assert "#organisations.tbx" in result.output
    check = invoke("check", "--format", "json", "--glossary", url, "-",
                   input="Delegasi membahas proyek Jalur Sutra Baru.\n")
    findings = json.loads(check.output)["findings"]
    flagged = [f for f in findings if f["text"] == "Jalur Sutra Baru"]
    assert flagged and "Sabuk dan Jalan" in flagged[0]["suggestions"]
    found = json.loads(invoke("lookup", "Jalur Sutra Baru", "--format", "json",
                              "--glossary", url).output)
    assert found["results"][0]["match"]["status"] == "deprecated"


def test_the_configured_glossary_may_be_a_database(invoke, store, url, tmp_path,
                                                   monkeypatch):
    store.put("small.tbx", SMALL)
    (tmp_path / "termbase.toml").write_text(f'glossary = ["{url}"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    listed = invoke("glossary", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    assert [c["id"] for c in json.loads(listed.output)["concepts"]] == ["c1", "c2"]
    shown = json.loads(invoke("glossary", "show", "c2", "--format", "json").output)
    assert shown["source"].endswith("#small.tbx")
    edited = invoke("glossary", "edit", "c2", "--subject", "transport")
    assert edited.exit_code == 0, edited.output
    added = invoke("glossary", "add", "c3", "--term", "id=batu bara", "--term", "en=coal")
    assert added.exit_code == 0, added.output
    valid = invoke("glossary", "validate", "--format", "json")
    assert json.loads(valid.output)["concepts"] == 3
    assert json.loads(valid.output)["files"][0].endswith("#small.tbx")
    text = store.get("small.tbx").decode()
    assert "transport" in text and "batu bara" in text


def test_a_stored_glossary_that_is_missing_is_one_line(invoke, url):
    result = invoke("glossary", "list", "--glossary", f"{url}#none.tbx")
    assert result.exit_code == 2
    assert "no glossary file named 'none.tbx'" in result.output


# --- the desk server -------------------------------------------------------------------
def test_a_deprecation_through_one_worker_is_the_others_rule(store, url, tmp_path: Path):
    from starlette.testclient import TestClient

    from termbase.server.app import create_app
    from tests.server_fixtures import make_desk
    from tests.test_server import token_for

    for path in default_glossary_paths():
        store.put(path.name, path.read_bytes())
    desk = make_desk(tmp_path)
    desk.settings.glossary_files = [url]
    first = TestClient(create_app(desk.settings), base_url="http://desk.test")
    second = TestClient(create_app(desk.settings), base_url="http://desk.test")
    text = "Delegasi membahas proyek Jalur Sutra Baru di Jakarta.\n"
    reader = token_for(desk, "reader")
    before = second.post("/api/v1/check", json={"text": text}, headers=reader).json()
    assert not any(f["rule"].startswith("terminology/") for f in before["findings"])
    done = first.post("/api/v1/glossary/deprecate", headers=token_for(desk, "terminologist"),
                      json={"term": "Jalur Sutra Baru", "use": "Sabuk dan Jalan"})
    assert done.status_code == 200, done.text
    after = second.post("/api/v1/check", json={"text": text}, headers=reader).json()
    flagged = [f for f in after["findings"] if f["text"] == "Jalur Sutra Baru"]
    assert flagged and "Sabuk dan Jalan" in flagged[0]["suggestions"]
    concept = second.get("/api/v1/lookup", params={"q": "Sabuk dan Jalan"},
                         headers=reader).json()["results"][0]["concept"]
    assert concept["source"] == "organisations.tbx"  # not the database's address
    missing = second.get("/api/v1/glossary/concepts/tidak-ada", headers=reader)
    assert missing.status_code == 404
    assert "postgres" not in missing.text and "termbase_test" not in missing.text
    import psycopg

    with psycopg.connect(url) as db:
        who = db.execute("SELECT updated_by FROM glossary.files "
                         "WHERE name = 'organisations.tbx'").fetchone()
    assert who == ("terminologist",)


def test_a_terminologist_adds_and_edits_a_stored_concept_through_the_server(
        store, url, tmp_path: Path):
    from starlette.testclient import TestClient

    from termbase.server.app import create_app
    from tests.server_fixtures import make_desk
    from tests.test_server import token_for

    store.put("organisations.tbx", ORGANISATIONS.read_bytes())
    store.put("small.tbx", SMALL)
    desk = make_desk(tmp_path)
    desk.settings.glossary_files = [url]
    client = TestClient(create_app(desk.settings), base_url="http://desk.test")
    terminologist = token_for(desk, "terminologist")
    added = client.post("/api/v1/glossary/concepts", headers=terminologist, json={
        "id": "uji-001", "file": "small.tbx",
        "terms": [{"text": "ketahanan pangan", "language": "id"},
                  {"text": "food security", "language": "en"}]})
    assert added.status_code == 201, added.text
    edited = client.patch("/api/v1/glossary/concepts/uji-001", headers=terminologist,
                          json={"note": "Catatan uji."})
    assert edited.status_code == 200, edited.text
    text = store.get("small.tbx").decode()
    assert "ketahanan pangan" in text and "Catatan uji." in text
    assert "ketahanan pangan" not in store.get("organisations.tbx").decode()
    unknown = client.post("/api/v1/glossary/concepts", headers=terminologist, json={
        "id": "uji-002", "file": "none.tbx", "terms": [{"text": "x", "language": "id"}]})
    assert unknown.status_code == 400
    assert "organisations.tbx, small.tbx" in unknown.json()["error"]
    assert "postgres" not in unknown.text


def test_config_shows_a_stored_glossary_without_its_password(invoke, tmp_path, monkeypatch):
    # No database is opened to show the setting, so any URL will do.
    (tmp_path / "termbase.toml").write_text(
        'glossary = ["postgresql://desk:rahasia@db.example/termbase", "local.tbx"]\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(invoke("config", "--format", "json").output)
    shown = next(s for s in report["settings"] if s["name"] == "glossary")["value"]
    assert shown == ["postgresql://desk:***@db.example/termbase", str(tmp_path / "local.tbx")]
