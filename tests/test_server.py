"""The desk server through its HTTP interface (Starlette's TestClient): pages, the JSON
API, who may do what, and the defences. The same flows in a real browser are in
tests/test_server_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from termbase.glossary import Glossary
from termbase.glossary.lookup import lookup, lookup_payload
from termbase.server import api
from termbase.server.app import create_app
from termbase.server.auth import SESSION_COOKIE
from termbase.server.i18n import messages
from termbase.server.openapi import spec
from tests.server_fixtures import PASSWORD, DeskFolder, make_desk

ARTICLE = ("Kerja sama antar pemerintah kedua negara makin erat. Menteri itu  "
           "menegaskan komitmen tersebut.\n")


@pytest.fixture
def desk(tmp_path) -> DeskFolder:
    return make_desk(tmp_path)


@pytest.fixture
def client(desk) -> TestClient:
    return TestClient(create_app(desk.settings), base_url="http://desk.test")


def sign_in(client: TestClient, name: str) -> str:
    response = client.post("/login", data={"name": name, "password": PASSWORD},
                           follow_redirects=False)
    assert response.status_code == 303, response.text
    return response.cookies[SESSION_COOKIE]


def csrf_of(client: TestClient, path: str = "/check") -> str:
    page = client.get(path)
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def token_for(desk: DeskFolder, name: str) -> dict[str, str]:
    from termbase.accounts import open_accounts

    accounts = open_accounts(desk.settings.accounts)
    try:
        return {"Authorization": f"Bearer {accounts.new_api_token(name, 'tests')}"}
    finally:
        accounts.close()


# --- signing in ---------------------------------------------------------------------
def test_pages_send_a_stranger_to_the_login_page(client):
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login")


def test_public_read_lets_a_stranger_look_up_but_not_write(tmp_path):
    desk = make_desk(tmp_path, public_read=True)
    client = TestClient(create_app(desk.settings), base_url="http://desk.test")
    assert "Sabuk dan Jalan" in client.get("/", params={"q": "Sabuk dan Jalan"}).text
    refused = client.post("/api/v1/tm/units", json={"source": "a b", "target": "c d"})
    assert refused.status_code == 401


def test_login_sets_an_http_only_same_site_cookie(client):
    response = client.post("/login", data={"name": "reader", "password": PASSWORD},
                           follow_redirects=False)
    cookie = response.headers["set-cookie"]
    assert SESSION_COOKIE in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert PASSWORD not in cookie


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client):
    wrong = client.post("/login", data={"name": "reader", "password": "salah-sekali"})
    unknown = client.post("/login", data={"name": "nobody", "password": "salah-sekali"})
    assert wrong.status_code == unknown.status_code == 401
    assert messages()["id"]["login_failed"] in wrong.text
    assert SESSION_COOKIE not in wrong.cookies


def test_login_is_rate_limited(client):
    for _ in range(5):
        client.post("/login", data={"name": "reader", "password": "salah-sekali"})
    throttled = client.post("/login", data={"name": "reader", "password": PASSWORD})
    assert throttled.status_code == 429


def test_a_cookie_replayed_after_logout_is_worthless(client):
    stolen = sign_in(client, "translator")
    csrf = csrf_of(client)
    assert client.post("/logout", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    thief = TestClient(client.app, base_url="http://desk.test")
    thief.cookies.set(SESSION_COOKIE, stolen)
    assert thief.get("/", follow_redirects=False).status_code == 303
    assert thief.get("/api/v1/lookup", params={"q": "Sabuk"}).status_code == 401


def test_login_does_not_redirect_off_site(client):
    response = client.post("/login", data={"name": "reader", "password": PASSWORD,
                                           "next": "//evil.example/"}, follow_redirects=False)
    assert response.headers["location"] == "/"


# --- look-up, memory, glossary pages -----------------------------------------------------
def test_lookup_page_shows_the_term_its_status_and_english(client):
    sign_in(client, "reader")
    page = client.get("/", params={"q": "Sabuk dan Jalan"}).text
    assert "Belt and Road" in page and 'class="badge preferred"' in page


def test_lookup_is_typo_tolerant_and_the_fragment_is_the_same_results(client):
    sign_in(client, "reader")
    fragment = client.get("/lookup/results", params={"q": "Sabuk dan Jalam"}).text
    assert "Belt and Road" in fragment and "<html" not in fragment


def test_the_interface_speaks_indonesian_and_english(client):
    sign_in(client, "reader")
    assert messages()["id"]["nav_check"] in client.get("/").text
    english = client.get("/", params={"lang": "en"})
    assert messages()["en"]["nav_check"] in english.text
    assert messages()["en"]["nav_check"] in client.get("/").text  # remembered in a cookie


def test_both_interface_languages_have_every_message():
    assert set(messages()["id"]) == set(messages()["en"])


def test_memory_search_marks_what_differs(client):
    sign_in(client, "reader")
    page = client.get("/memory", params={
        "q": "Kedua negara menandatangani nota kesepahaman di bidang kesehatan."}).text
    assert "<ins>energi.</ins>" in page
    assert "memorandum of understanding on energy" in page


def test_concordance_finds_every_unit_with_the_words(client):
    sign_in(client, "reader")
    page = client.get("/memory", params={"q": "Jakarta", "mode": "concordance"}).text
    assert "<ins>Jakarta</ins>" in page and "bilateral meeting" in page


def test_glossary_browses_by_status(client):
    sign_in(client, "reader")
    page = client.get("/glossary", params={"status": "deprecated"}).text
    total = int(re.search(r"<p>(\d+) ", page).group(1))
    glossary = Glossary.load(client.app.state.desk.settings.glossary_files)
    assert total == sum(any(t.status.value == "deprecated" for t in c.terms)
                        for c in glossary.concepts) > 0


def test_an_unknown_concept_is_404_without_the_servers_paths(client, desk):
    sign_in(client, "reader")
    response = client.get("/api/v1/glossary/concepts/tidak-ada")
    assert response.status_code == 404
    assert str(desk.folder) not in response.text


# --- checking -------------------------------------------------------------------------
def test_check_page_marks_each_finding_in_the_text(client):
    sign_in(client, "reader")
    page = client.post("/check", data={"text": ARTICLE, "csrf": csrf_of(client)}).text
    marked = re.findall(r'<mark class="\w+" data-finding="\d+" data-rule="([^"]+)"', page)
    assert "orthography/bound-form-apart" in marked, marked
    assert re.search(r"<mark[^>]*>antar pemerintah</mark>", page)


def test_apply_fixes_returns_the_fixed_text(client):
    sign_in(client, "reader")
    page = client.post("/check", data={"text": ARTICLE, "fix": "1",
                                       "csrf": csrf_of(client)}).text
    assert "antarpemerintah" in page and 'id="applied"' in page


def test_download_gives_the_text_as_an_attachment(client):
    sign_in(client, "reader")
    response = client.post("/check/download", data={"text": "Teks saya.", "name": "b.txt",
                                                    "csrf": csrf_of(client)})
    assert response.content == b"Teks saya."
    assert "attachment" in response.headers["content-disposition"]


def test_a_form_without_the_csrf_token_is_refused(client):
    sign_in(client, "reader")
    assert client.post("/check", data={"text": ARTICLE}).status_code == 403
    assert client.post("/check", data={"text": ARTICLE, "csrf": "x" * 40}).status_code == 403


def test_a_cross_site_post_is_refused(client):
    sign_in(client, "reader")
    response = client.post("/check", data={"text": ARTICLE, "csrf": csrf_of(client)},
                           headers={"Origin": "http://evil.example"})
    assert response.status_code == 403


def test_uploads_over_the_limit_are_refused(desk):
    desk.settings.max_upload_bytes = 1000
    client = TestClient(create_app(desk.settings), base_url="http://desk.test")
    sign_in(client, "reader")
    response = client.post("/check", data={"csrf": csrf_of(client)},
                           files={"file": ("besar.txt", b"kata " * 1000, "text/plain")})
    assert response.status_code == 413


def test_an_uploaded_binary_file_is_one_line_naming_the_upload(client, desk):
    sign_in(client, "reader")
    response = client.post("/check", data={"csrf": csrf_of(client)},
                           files={"file": ("gambar.txt", b"\x89PNG\x00\x00\x01", "text/plain")})
    assert response.status_code == 400
    assert "gambar.txt" in response.text and str(desk.folder) not in response.text


# --- the JSON API ---------------------------------------------------------------------
def test_api_lookup_is_the_clis_contract(client, desk):
    response = client.get("/api/v1/lookup", params={"q": "Sabuk dan Jalan"},
                          headers=token_for(desk, "reader"))
    assert response.status_code == 200
    glossary = Glossary.load(desk.settings.glossary_files)
    hits = lookup(glossary, "Sabuk dan Jalan", None, 60, 10)
    expected = lookup_payload("Sabuk dan Jalan", "id", hits, {})
    for result in expected["results"]:  # the server names its files, not its folders
        result["concept"]["source"] = Path(result["concept"]["source"]).name
    got = response.json()
    for result in got["results"]:
        result["tm_units"] = []
    assert got == json.loads(json.dumps(expected))


def test_api_check_and_fix(client, desk):
    headers = token_for(desk, "reader")
    found = client.post("/api/v1/check", json={"text": ARTICLE}, headers=headers).json()
    assert found["version"] == 1 and found["summary"]["findings"] == len(found["findings"])
    assert any(f["text"] == "antar pemerintah" for f in found["findings"])
    fixed = client.post("/api/v1/check", json={"text": ARTICLE, "fix": True},
                        headers=headers).json()
    assert "antarpemerintah" in fixed["fixed"] and fixed["applied"] >= 1


def test_api_rejects_bad_input_in_one_line(client, desk):
    headers = token_for(desk, "reader")
    assert client.post("/api/v1/check", json={"text": ""}, headers=headers).status_code == 400
    assert client.post("/api/v1/check", content=b"{no json", headers=headers).status_code == 400
    bad = client.get("/api/v1/tm/search", params={"q": "x", "limit": "banyak"},
                     headers=headers)
    assert bad.status_code == 400 and "limit" in bad.json()["error"]


def test_api_memory_search_and_concordance(client, desk):
    headers = token_for(desk, "reader")
    found = client.get("/api/v1/tm/search", params={
        "q": "Menteri itu menghadiri pertemuan bilateral di Bandung."}, headers=headers).json()
    assert found["matches"][0]["target"] == "The minister attended a bilateral meeting in Jakarta."
    units = client.get("/api/v1/tm/concordance", params={"q": "pelabuhan"},
                       headers=headers).json()["units"]
    assert [u["target"] for u in units] == [
        "The Belt and Road project is financing a new port in Sulawesi."]


@pytest.mark.parametrize(("role", "allowed"), [("reader", False), ("translator", True),
                                               ("terminologist", True), ("admin", True)])
def test_who_may_add_memory_units(client, desk, role, allowed):
    response = client.post("/api/v1/tm/units", headers=token_for(desk, role), json={
        "source": f"Kalimat uji dari {role}.", "target": f"A test sentence from {role}."})
    assert response.status_code == (201 if allowed else 403)


@pytest.mark.parametrize(("role", "allowed"), [("reader", False), ("translator", False),
                                               ("terminologist", True), ("admin", True)])
def test_who_may_deprecate_a_term(client, desk, role, allowed):
    response = client.post("/api/v1/glossary/deprecate", headers=token_for(desk, role),
                           json={"term": "Jalur Sutra Baru", "use": "Sabuk dan Jalan"})
    assert response.status_code == (200 if allowed else 403), response.text


def test_a_cookie_write_to_the_api_needs_the_csrf_header(client):
    sign_in(client, "translator")
    unit = {"source": "Satu kalimat baru.", "target": "One new sentence."}
    assert client.post("/api/v1/tm/units", json=unit).status_code == 403
    ok = client.post("/api/v1/tm/units", json=unit,
                     headers={"X-CSRF-Token": csrf_of(client)})
    assert ok.status_code == 201 and ok.json()["unit"]["target"] == "One new sentence."


def test_a_unit_added_is_everybodys_exact_match_at_once(client, desk):
    client.post("/api/v1/tm/units", headers=token_for(desk, "translator"),
                json={"source": "Harga minyak dunia turun tajam.",
                      "target": "World oil prices fell sharply."})
    other = TestClient(create_app(desk.settings), base_url="http://desk.test")
    found = other.get("/api/v1/tm/search", params={"q": "Harga minyak dunia turun tajam."},
                      headers=token_for(desk, "reader")).json()
    assert found["matches"][0]["score"] == 100


def test_a_deprecation_is_every_workers_rule_on_the_next_check(desk):
    # Two applications over the same files stand for two worker processes.
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


def test_the_deprecation_is_in_the_concepts_history(client, desk):
    client.post("/api/v1/glossary/deprecate", headers=token_for(desk, "terminologist"),
                json={"term": "Jalur Sutra Baru", "use": "Sabuk dan Jalan"})
    sign_in(client, "reader")
    concept = client.get("/api/v1/lookup", params={"q": "Sabuk dan Jalan"}).json()[
        "results"][0]["concept"]["id"]
    page = client.get(f"/glossary/{concept}").text
    assert re.search(r"<b>terminologist</b> Jalur Sutra Baru is deprecated", page)


def test_a_reverse_of_house_style_needs_force(client, desk):
    response = client.post("/api/v1/glossary/deprecate",
                           headers=token_for(desk, "terminologist"),
                           json={"term": "Tiongkok", "use": "Cina"})
    assert response.status_code == 400 and "house style" in response.json()["error"]


def test_openapi_describes_every_route():
    paths = set(spec()["paths"])
    assert paths == {route.path for route in api.ROUTES}


def test_security_headers_on_every_page(client):
    response = client.get("/login")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"


# --- exchange -------------------------------------------------------------------------
def test_export_an_article_and_import_its_translation(client, desk):
    sign_in(client, "translator")
    csrf = csrf_of(client, "/exchange")
    article = "Menteri itu menghadiri pertemuan bilateral di Jakarta.\n\nIni kalimat baru.\n"
    xliff = client.post("/exchange/export", data={"csrf": csrf},
                        files={"file": ("berita.txt", article.encode(), "text/plain")})
    assert xliff.status_code == 200 and b'original="berita.txt"' in xliff.content
    assert str(desk.folder).encode() not in xliff.content
    translated = xliff.content.replace(
        b"<source>Ini kalimat baru.</source>",
        b'<source>Ini kalimat baru.</source><target state="final">This is a new '
        b"sentence.</target>")
    done = client.post("/exchange/import", data={"csrf": csrf},
                       files={"file": ("berita.xlf", translated, "application/xliff+xml")})
    assert done.status_code == 200 and 'id="exchange-message"' in done.text
    found = client.get("/api/v1/tm/search", params={"q": "Ini kalimat baru."}).json()
    assert found["matches"][0]["target"] == "This is a new sentence."


@pytest.mark.parametrize("hostile", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    b'<xliff version="1.2"><file source-language="id" target-language="en" original="a">'
    b"<body><trans-unit id=\"1\"><source>&e;</source><target>x</target></trans-unit>"
    b"</body></file></xliff>",
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">'
    b']><xliff version="1.2"><file source-language="id" target-language="en" original="a">'
    b"<body><trans-unit id=\"1\"><source>&b;</source><target>x</target></trans-unit>"
    b"</body></file></xliff>",
    b"<xliff version=\"1.2\"><file",
])
def test_hostile_or_broken_xliff_uploads_are_refused_in_one_line(client, hostile):
    sign_in(client, "translator")
    response = client.post("/exchange/import", data={"csrf": csrf_of(client, "/exchange")},
                           files={"file": ("jahat.xlf", hostile, "application/xliff+xml")})
    assert response.status_code == 400
    error = re.search(r'<p class="error" role="alert">([^<]*)</p>', response.text).group(1)
    assert error.startswith("jahat.xlf") and "Traceback" not in response.text
    assert "root:" not in response.text


def test_a_reader_may_not_upload_translations(client):
    sign_in(client, "reader")
    assert client.get("/exchange").status_code == 403


def test_termbase_serve_runs_several_workers_over_one_workspace(tmp_path):
    # The command as a desk starts it: a workspace, an account, two worker processes.
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    from termbase.accounts import open_accounts

    desk = make_desk(tmp_path)
    (tmp_path / "termbase.toml").write_text(
        'glossary = ["glossaries"]\ntm = "memory.sqlite"\n', encoding="utf-8")
    accounts = open_accounts(desk.settings.accounts)
    token = accounts.new_api_token("reader", "script")
    accounts.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-c", "from termbase.cli import main; main()", "serve",
               "--port", str(port), "--workers", "2"]
    environment = {k: v for k, v in os.environ.items() if k != "TERMBASE_TM"}
    server = subprocess.Popen(command, cwd=tmp_path, env={**environment, "NO_COLOR": "1"},
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/api/v1/lookup?q=Sabuk+dan+Jalan"
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
        deadline, answer = time.monotonic() + 60, None
        while answer is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    answer = json.loads(response.read())
            except urllib.error.HTTPError as refused:
                pytest.fail(f"{refused.code}: {refused.read()[:300]!r}")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.3)
        assert answer is not None, "termbase serve did not answer"
        assert answer["results"][0]["concept"]["preferred"]["en"] == "Belt and Road"
        anonymous = urllib.request.Request(url)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(anonymous, timeout=5)
        assert refused.value.code == 401
    finally:
        server.terminate()
        server.wait(20)


def test_openapi_describes_every_method_of_every_route():
    described = {(path, method.upper()) for path, item in spec()["paths"].items()
                 for method in item if method in ("get", "post", "patch", "delete")}
    served = {(route.path, method) for route in api.ROUTES
              for method in (route.methods or ()) if method != "HEAD"}
    assert described == served


def test_a_terminologist_adds_and_edits_a_concept(client, desk):
    terminologist = token_for(desk, "terminologist")
    added = client.post("/api/v1/glossary/concepts", headers=terminologist, json={
        "id": "uji-001", "subject_field": "economy",
        "terms": [{"text": "pasar terapung", "language": "id"},
                  {"text": "floating market", "language": "en"}]})
    assert added.status_code == 201, added.text
    edited = client.patch("/api/v1/glossary/concepts/uji-001", headers=terminologist, json={
        "note": "Catatan uji.", "add_terms": [
            {"text": "pasar apung", "language": "id", "status": "deprecated"}]})
    assert edited.status_code == 200, edited.text
    concept = client.get("/api/v1/glossary/concepts/uji-001", headers=terminologist).json()
    assert concept["concept"]["note"] == "Catatan uji."
    assert {t["text"]: t["status"] for t in concept["concept"]["terms"]} == {
        "pasar terapung": "preferred", "floating market": "preferred",
        "pasar apung": "deprecated"}
    history = client.get("/api/v1/glossary/history", params={"concept": "uji-001"},
                         headers=terminologist).json()["changes"]
    assert [c["action"] for c in history] == ["edit", "add"]
    again = client.patch("/api/v1/glossary/concepts/uji-001", headers=terminologist,
                         json={"note": "Catatan uji."})
    assert again.status_code == 400 and "nothing to change" in again.json()["error"]


def test_a_translator_may_not_add_a_concept(client, desk):
    refused = client.post("/api/v1/glossary/concepts", headers=token_for(desk, "translator"),
                          json={"id": "uji-002", "terms": [{"text": "a", "language": "id"}]})
    assert refused.status_code == 403


def test_a_concept_with_a_term_of_another_needs_force(client, desk):
    refused = client.post("/api/v1/glossary/concepts", headers=token_for(desk, "terminologist"),
                          json={"id": "uji-003", "terms": [
                              {"text": "Sabuk dan Jalan", "language": "id"}]})
    assert refused.status_code == 400 and "already a term" in refused.json()["error"]


def test_memory_units_are_listed_with_the_total(client, desk):
    listed = client.get("/api/v1/tm/units", params={"limit": 2},
                        headers=token_for(desk, "reader")).json()
    assert listed["total"] == 3 and len(listed["units"]) == 2


def test_only_an_admin_manages_accounts(client, desk):
    admin, terminologist = token_for(desk, "admin"), token_for(desk, "terminologist")
    new = {"name": "sari", "password": "kata-sandi-sari", "role": "reader"}
    assert client.post("/api/v1/users", json=new, headers=terminologist).status_code == 403
    assert client.get("/api/v1/users", headers=terminologist).status_code == 403
    assert client.post("/api/v1/users", json=new, headers=admin).status_code == 201
    promoted = client.patch("/api/v1/users/sari", json={"role": "translator"}, headers=admin)
    assert promoted.json()["user"]["role"] == "translator"
    names = [u["name"] for u in client.get("/api/v1/users", headers=admin).json()["users"]]
    assert "sari" in names
    assert client.delete("/api/v1/users/sari", headers=admin).status_code == 200
    assert client.delete("/api/v1/users/sari", headers=admin).status_code == 400


def test_the_concept_page_edits_and_the_glossary_page_adds(client):
    sign_in(client, "terminologist")
    csrf = csrf_of(client, "/glossary")
    made = client.post("/glossary/new", data={"csrf": csrf, "id": "uji-010",
                                              "term_id": "penyakit langka",
                                              "term_en": "rare disease",
                                              "subject_field": "health"},
                       follow_redirects=False)
    assert made.status_code == 303 and made.headers["location"] == "/glossary/uji-010"
    edited = client.post("/glossary/uji-010/edit", data={
        "csrf": csrf, "note": "Istilah kesehatan.", "term_text": "penyakit jarang",
        "term_language": "id", "term_status": "admitted"}, follow_redirects=False)
    assert edited.status_code == 303
    page = client.get("/glossary/uji-010").text
    assert "Istilah kesehatan." in page and "penyakit jarang" in page
    assert page.count("<b>terminologist</b>") == 2  # both changes in the history


def test_the_edit_forms_are_shown_only_to_terminologists(client):
    sign_in(client, "translator")
    assert 'id="edit-form"' not in client.get("/glossary/org-013").text
    assert 'id="new-concept-form"' not in client.get("/glossary").text
    refused = client.post("/glossary/org-013/edit", data={"csrf": csrf_of(client),
                                                          "note": "x"})
    assert refused.status_code == 403


def test_a_desk_on_postgresql_shares_memory_and_accounts_between_workers(tmp_path,
                                                                         postgres_url):
    import psycopg

    from termbase.accounts import open_accounts
    from termbase.server.desk import DeskSettings

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tm CASCADE")
        connection.execute("DROP SCHEMA IF EXISTS accounts CASCADE")
    files = make_desk(tmp_path).settings.glossary_files
    accounts = open_accounts(postgres_url)
    accounts.add_user("penerjemah", PASSWORD, "translator")
    token = {"Authorization": f"Bearer {accounts.new_api_token('penerjemah', 'uji')}"}
    accounts.close()
    settings = DeskSettings(glossary_files=files, memory=postgres_url, accounts=postgres_url)
    first = TestClient(create_app(settings), base_url="http://desk.test")
    second = TestClient(create_app(settings), base_url="http://desk.test")
    added = first.post("/api/v1/tm/units", headers=token, json={
        "source": "Bank sentral menahan suku bunga acuan.",
        "target": "The central bank held its benchmark rate."})
    assert added.status_code == 201, added.text
    found = second.get("/api/v1/tm/search", headers=token,
                       params={"q": "Bank sentral menahan suku bunga acuan."}).json()
    assert found["matches"][0]["score"] == 100
    assert found["matches"][0]["target"] == "The central bank held its benchmark rate."
    sign_in_page = second.post("/login", data={"name": "penerjemah", "password": PASSWORD},
                               follow_redirects=False)
    assert sign_in_page.status_code == 303


def test_a_reader_is_not_offered_the_exchange_page(client):
    sign_in(client, "reader")
    assert 'href="/exchange"' not in client.get("/").text
    client.post("/logout", data={"csrf": csrf_of(client)})
    sign_in(client, "translator")
    assert 'href="/exchange"' in client.get("/").text


def test_serve_db_takes_the_glossary_from_the_database_once_it_is_there(tmp_path,
                                                                       postgres_url,
                                                                       monkeypatch):
    import psycopg

    from termbase.glossary.postgres import PostgresGlossary
    from termbase.server.desk import desk_settings

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS glossary CASCADE")
    desk = make_desk(tmp_path)
    (tmp_path / "termbase.toml").write_text(
        'glossary = ["glossaries"]\ntm = "memory.sqlite"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = desk_settings(memory=postgres_url)
    assert before.glossary_files == desk.settings.glossary_files
    assert before.accounts == postgres_url
    with PostgresGlossary(postgres_url) as store:
        first = Path(desk.settings.glossary_files[0])
        store.put(first.name, first.read_bytes(), "uji")
    after = desk_settings(memory=postgres_url)
    assert after.glossary_files == [postgres_url]
def test_lookup_shows_memory_examples_once_the_memory_has_units(tmp_path):
    # The desk keeps "the memory has units" rather than counting them on every look-up:
    # an empty memory must still be asked again, so that the first pair added shows.
    from dataclasses import replace

    desk = make_desk(tmp_path)
    settings = replace(desk.settings, memory=str(tmp_path / "empty.sqlite"))
    client = TestClient(create_app(settings), base_url="http://desk.test")
    reader, translator = token_for(desk, "reader"), token_for(desk, "translator")
    query = {"q": "Sabuk dan Jalan"}
    before = client.get("/api/v1/lookup", params=query, headers=reader).json()
    assert before["results"][0]["tm_units"] == []
    added = client.post("/api/v1/tm/units", headers=translator, json={
        "source": "Pemerintah meninjau proyek Sabuk dan Jalan di Kalimantan.",
        "target": "The government reviewed the Belt and Road project in Kalimantan."})
    assert added.status_code == 201, added.text
    after = client.get("/api/v1/lookup", params=query, headers=reader).json()
    examples = after["results"][0]["tm_units"]
    assert [e["target"] for e in examples] == [
        "The government reviewed the Belt and Road project in Kalimantan."]


def test_a_desk_on_postgresql_holds_a_pool_sized_for_its_request_threads(tmp_path,
                                                                          postgres_url):
    import psycopg

    from termbase.server.desk import SERVER_POOL_SIZE, Desk, DeskSettings
    from termbase.tm.postgres import POOL_SIZE
    from termbase.tm.store import open_memory

    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tm CASCADE")
    files = make_desk(tmp_path).settings.glossary_files
    desk = Desk(DeskSettings(glossary_files=files, memory=postgres_url,
                             accounts=str(tmp_path / "accounts.sqlite")))
    shared = desk.memory()
    try:
        assert shared is desk.memory()
        assert shared._pool.max_size == SERVER_POOL_SIZE > POOL_SIZE  # type: ignore[attr-defined]
    finally:
        shared.close()  # type: ignore[attr-defined]
    command_line = open_memory(postgres_url)
    try:
        assert command_line._pool.max_size == POOL_SIZE  # type: ignore[attr-defined]
    finally:
        command_line.close()  # type: ignore[attr-defined]
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA IF EXISTS tm CASCADE")


def test_a_pair_added_through_the_desk_is_a_look_up_example_at_once(client, desk):
    # Look-ups keep each term's examples for a while; a pair added through the same
    # worker must not wait for that.
    reader, translator = token_for(desk, "reader"), token_for(desk, "translator")
    query = {"q": "Sabuk dan Jalan"}
    first = client.get("/api/v1/lookup", params=query, headers=reader).json()
    assert len(first["results"][0]["tm_units"]) == 1
    added = client.post("/api/v1/tm/units", headers=translator, json={
        "source": "Jalur kereta Sabuk dan Jalan menghubungkan dua provinsi.",
        "target": "A Belt and Road railway links two provinces."})
    assert added.status_code == 201, added.text
    second = client.get("/api/v1/lookup", params=query, headers=reader).json()
    assert len(second["results"][0]["tm_units"]) == 2
