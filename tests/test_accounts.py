"""The accounts library, the same tests on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest
from argon2 import PasswordHasher

from termbase.accounts import (
    ROLES,
    User,
    display_location,
    open_accounts,
)
from termbase.config import Config, load_config
from termbase.errors import InputError
from termbase.workspace import accounts_location, settings

# Cheap enough for a test suite; the store's default hasher is argon2's.
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
SECRET = "kata-sandi-rahasia"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


def _drop_schema(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS accounts CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "desk" / "accounts.sqlite")
    url = request.getfixturevalue("postgres_url")
    _drop_schema(url)
    return url


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(location, clock):
    store = open_accounts(location, hasher=FAST, clock=clock)
    yield store
    store.close()


def stored_rows(location: str, table: str) -> list[tuple]:
    """Every row of a table, read past the library."""
    if location.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(location) as db:
            return list(db.execute(f"SELECT * FROM accounts.{table}").fetchall())
    with sqlite3.connect(location) as db:
        return list(db.execute(f"SELECT * FROM {table}").fetchall())


# --- users and roles -------------------------------------------------------------------

def test_roles_are_ordered_each_allowed_what_the_ones_before_are():
    translator = User("sari", "translator")
    assert translator.may("reader") and translator.may("translator")
    assert not translator.may("terminologist") and not translator.may("admin")
    assert all(User("root", "admin").may(role) for role in ROLES)
    assert not User("tamu", "reader").may("translator")


def test_may_refuses_an_unknown_role():
    with pytest.raises(InputError, match="did you mean admin"):
        User("sari", "admin").may("admn")


def test_a_user_added_is_listed_and_found(accounts):
    assert accounts.add_user("sari", SECRET, "translator") == User("sari", "translator")
    accounts.add_user("budi.s@desk", SECRET, "admin")
    accounts.add_user("ani", SECRET, "reader")
    assert [u.name for u in accounts.users()] == ["ani", "budi.s@desk", "sari"]
    assert accounts.get("sari") == User("sari", "translator")
    assert accounts.get("nobody") is None


def test_the_store_starts_empty_and_reopens_with_its_users(location, clock):
    with open_accounts(location, hasher=FAST, clock=clock) as first:
        assert first.users() == []
        first.add_user("sari", SECRET, "reader")
    with open_accounts(location, hasher=FAST, clock=clock) as second:
        assert second.users() == [User("sari", "reader")]


@pytest.mark.parametrize("name", ["", "a" * 65, "with space", "ünïcode", "semi;colon",
                                  "line\n"])
def test_a_bad_name_is_refused(accounts, name):
    with pytest.raises(InputError, match="not a user name"):
        accounts.add_user(name, SECRET, "reader")
    assert accounts.users() == []


def test_a_name_of_64_characters_is_taken(accounts):
    assert accounts.add_user("a" * 64, SECRET, "reader").name == "a" * 64


def test_a_duplicate_name_is_refused_also_in_another_case(accounts):
    accounts.add_user("sari", SECRET, "reader")
    with pytest.raises(InputError, match="exists already"):
        accounts.add_user("sari", SECRET, "admin")
    with pytest.raises(InputError, match="exists already"):
        accounts.add_user("Sari", SECRET, "admin")
    with pytest.raises(InputError, match="exists already"):
        accounts.check_new_user("SARI", "reader")
    assert accounts.users() == [User("sari", "reader")]


def test_an_unknown_role_is_refused_with_a_suggestion(accounts):
    with pytest.raises(InputError, match="did you mean terminologist"):
        accounts.add_user("sari", SECRET, "terminolgist")
    with pytest.raises(InputError, match="roles: reader, translator"):
        accounts.check_new_user("sari", "boss")
    assert accounts.users() == []


@pytest.mark.parametrize("password", ["", "1234567", "x" * 1025])
def test_a_short_or_huge_password_is_refused(accounts, password):
    with pytest.raises(InputError, match="password"):
        accounts.add_user("sari", password, "reader")
    assert accounts.get("sari") is None


def test_a_password_of_eight_characters_is_taken(accounts):
    accounts.add_user("sari", "12345678", "reader")
    assert accounts.verify("sari", "12345678") == User("sari", "reader")


def test_remove_user(accounts):
    accounts.add_user("sari", SECRET, "reader")
    assert accounts.remove_user("sari") is True
    assert accounts.get("sari") is None
    assert accounts.remove_user("sari") is False
    assert accounts.verify("sari", SECRET) is None


def test_set_role(accounts):
    accounts.add_user("sari", SECRET, "reader")
    assert accounts.set_role("sari", "terminologist") == User("sari", "terminologist")
    assert accounts.get("sari") == User("sari", "terminologist")
    with pytest.raises(InputError, match="no user named 'budi'"):
        accounts.set_role("budi", "reader")
    with pytest.raises(InputError, match="did you mean admin"):
        accounts.set_role("sari", "admins")
    assert accounts.get("sari") == User("sari", "terminologist")


# --- passwords ---------------------------------------------------------------------------

def test_verify_takes_the_right_password_only(accounts):
    accounts.add_user("sari", SECRET, "translator")
    assert accounts.verify("sari", SECRET) == User("sari", "translator")
    assert accounts.verify("sari", SECRET + "x") is None
    assert accounts.verify("sari", "") is None
    assert accounts.verify("Sari", SECRET) is None
    assert accounts.verify("nobody", SECRET) is None


def test_passwords_are_never_stored_in_clear(accounts, location):
    accounts.add_user("sari", SECRET, "translator")
    accounts.set_password("sari", "another-secret-1")
    rows = stored_rows(location, "users")
    text = repr(rows)
    assert SECRET not in text and "another-secret-1" not in text
    assert rows[0][2].startswith("$argon2id$")


def test_set_password_replaces_the_old_one(accounts):
    accounts.add_user("sari", SECRET, "reader")
    accounts.set_password("sari", "baru-sekali-9")
    assert accounts.verify("sari", SECRET) is None
    assert accounts.verify("sari", "baru-sekali-9") == User("sari", "reader")
    with pytest.raises(InputError, match="at least 8"):
        accounts.set_password("sari", "short")
    with pytest.raises(InputError, match="no user named"):
        accounts.set_password("budi", "baru-sekali-9")
    assert accounts.verify("sari", "baru-sekali-9") is not None


def test_a_weakly_hashed_password_is_rehashed_on_login(location, clock):
    with open_accounts(location, hasher=FAST, clock=clock) as weak:
        weak.add_user("sari", SECRET, "reader")
    before = stored_rows(location, "users")[0][2]
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    with open_accounts(location, hasher=stronger, clock=clock) as store:
        assert store.verify("sari", "wrong password") is None
        assert stored_rows(location, "users")[0][2] == before  # not on a failure
        assert store.verify("sari", SECRET) == User("sari", "reader")
        after = stored_rows(location, "users")[0][2]
        assert after != before and not stronger.check_needs_rehash(after)
        assert store.verify("sari", SECRET) == User("sari", "reader")


def test_an_unknown_name_costs_a_hash_check_too(location, clock):
    checked: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash, password):  # noqa: A002 - argon2's own parameter name
            checked.append(hash)
            return super().verify(hash, password)

    counting = Counting(time_cost=1, memory_cost=8, parallelism=1)
    with open_accounts(location, hasher=counting, clock=clock) as store:
        assert store.verify("nobody", SECRET) is None
    assert len(checked) == 1


# --- sessions ------------------------------------------------------------------------------

def test_a_session_names_its_user(accounts):
    sari = accounts.add_user("sari", SECRET, "translator")
    token = accounts.start_session(sari)
    assert len(token) >= 40
    assert accounts.session_user(token) == sari
    assert accounts.session_user(token + "x") is None
    assert accounts.session_user("") is None


def test_session_tokens_are_stored_only_as_hashes(accounts, location):
    token = accounts.start_session(accounts.add_user("sari", SECRET, "reader"))
    assert token not in repr(stored_rows(location, "sessions"))


def test_a_session_expires(accounts, clock):
    sari = accounts.add_user("sari", SECRET, "reader")
    token = accounts.start_session(sari, lifetime_s=60)
    clock.advance(seconds=59)
    assert accounts.session_user(token) == sari
    clock.advance(seconds=1)
    assert accounts.session_user(token) is None


def test_a_session_of_lifetime_zero_is_over_at_once(accounts):
    token = accounts.start_session(accounts.add_user("sari", SECRET, "reader"), lifetime_s=0)
    assert accounts.session_user(token) is None


def test_a_session_lasts_twelve_hours_by_default(accounts, clock):
    sari = accounts.add_user("sari", SECRET, "reader")
    token = accounts.start_session(sari)
    clock.advance(hours=11, minutes=59)
    assert accounts.session_user(token) == sari
    clock.advance(minutes=1)
    assert accounts.session_user(token) is None


def test_logout_ends_that_session_only(accounts):
    sari = accounts.add_user("sari", SECRET, "reader")
    first, second = accounts.start_session(sari), accounts.start_session(sari)
    accounts.end_session(first)
    assert accounts.session_user(first) is None
    assert accounts.session_user(second) == sari
    accounts.end_session(first)  # ending it again does no harm


def test_removing_the_user_ends_their_sessions_and_tokens(accounts):
    sari = accounts.add_user("sari", SECRET, "reader")
    budi = accounts.add_user("budi", SECRET, "reader")
    session, kept = accounts.start_session(sari), accounts.start_session(budi)
    api = accounts.new_api_token("sari", "ci")
    accounts.remove_user("sari")
    assert accounts.session_user(session) is None
    assert accounts.token_user(api) is None
    assert accounts.session_user(kept) == budi
    # A new user of the same name inherits nothing.
    accounts.add_user("sari", SECRET, "admin")
    assert accounts.session_user(session) is None and accounts.token_user(api) is None
    assert accounts.api_tokens("sari") == []


def test_a_new_password_ends_the_sessions_but_keeps_the_api_tokens(accounts):
    sari = accounts.add_user("sari", SECRET, "reader")
    budi = accounts.add_user("budi", SECRET, "reader")
    session, other = accounts.start_session(sari), accounts.start_session(budi)
    api = accounts.new_api_token("sari", "ci")
    accounts.set_password("sari", "baru-sekali-9")
    assert accounts.session_user(session) is None
    assert accounts.session_user(other) == budi
    assert accounts.token_user(api) == sari
    assert accounts.session_user(accounts.start_session(sari)) == sari


def test_a_session_reads_the_role_as_it_is_now(accounts):
    sari = accounts.add_user("sari", SECRET, "reader")
    token = accounts.start_session(sari)
    accounts.set_role("sari", "admin")
    assert accounts.session_user(token) == User("sari", "admin")


def test_a_session_for_an_unknown_user_is_refused(accounts):
    with pytest.raises(InputError, match="no user named 'ghost'"):
        accounts.start_session(User("ghost", "admin"))


def test_csrf_token_is_stable_per_session_and_fails_for_another(accounts, location, clock):
    sari = accounts.add_user("sari", SECRET, "reader")
    first, second = accounts.start_session(sari), accounts.start_session(sari)
    csrf = accounts.csrf_token(first)
    assert csrf == accounts.csrf_token(first)
    assert csrf != accounts.csrf_token(second)
    assert accounts.check_csrf(first, csrf)
    assert not accounts.check_csrf(second, csrf)
    assert not accounts.check_csrf(first, csrf[:-1])
    assert not accounts.check_csrf(first, "")
    assert not accounts.check_csrf("", accounts.csrf_token(""))
    assert not accounts.check_csrf(first, "ü" * 64)
    assert csrf not in first and first not in csrf
    # The secret is the store's: another worker on the same store agrees.
    with open_accounts(location, hasher=FAST, clock=clock) as worker:
        assert worker.check_csrf(first, csrf)


def test_the_csrf_secret_differs_between_stores(tmp_path, clock):
    with open_accounts(str(tmp_path / "a.sqlite"), hasher=FAST, clock=clock) as one, \
            open_accounts(str(tmp_path / "b.sqlite"), hasher=FAST, clock=clock) as two:
        assert one.csrf_token("same") != two.csrf_token("same")


# --- API tokens ----------------------------------------------------------------------------

def test_an_api_token_names_its_user_until_revoked(accounts, location, clock):
    sari = accounts.add_user("sari", SECRET, "translator")
    token = accounts.new_api_token("sari", "laptop")
    assert token.startswith("tb_") and len(token) > 40
    assert accounts.token_user(token) == sari
    assert token not in repr(stored_rows(location, "api_tokens"))
    assert accounts.api_tokens("sari") == [("laptop", "2026-03-01T08:00:00.000000Z")]
    assert accounts.revoke_token("sari", "laptop") is True
    assert accounts.token_user(token) is None
    assert accounts.revoke_token("sari", "laptop") is False
    assert accounts.api_tokens("sari") == []


def test_api_tokens_are_listed_by_label_and_revoked_one_by_one(accounts):
    accounts.add_user("sari", SECRET, "reader")
    ci, laptop = accounts.new_api_token("sari", "ci"), accounts.new_api_token("sari", "laptop")
    assert ci != laptop
    assert [label for label, _ in accounts.api_tokens("sari")] == ["ci", "laptop"]
    accounts.revoke_token("sari", "ci")
    assert accounts.token_user(ci) is None
    assert accounts.token_user(laptop) == User("sari", "reader")


def test_api_token_refusals(accounts):
    accounts.add_user("sari", SECRET, "reader")
    accounts.add_user("budi", SECRET, "reader")
    accounts.new_api_token("sari", "ci")
    with pytest.raises(InputError, match="labelled 'ci' already"):
        accounts.new_api_token("sari", "ci")
    with pytest.raises(InputError, match="no user named"):
        accounts.new_api_token("ghost", "ci")
    with pytest.raises(InputError, match="label"):
        accounts.new_api_token("sari", "")
    with pytest.raises(InputError, match="label"):
        accounts.new_api_token("sari", "tab\there")
    with pytest.raises(InputError, match="no user named"):
        accounts.api_tokens("ghost")
    assert accounts.revoke_token("budi", "ci") is False  # sari's, not budi's
    assert accounts.new_api_token("budi", "ci").startswith("tb_")  # labels are per user


def test_a_token_that_is_not_one_names_nobody(accounts):
    accounts.add_user("sari", SECRET, "reader")
    session = accounts.start_session(User("sari", "reader"))
    assert accounts.token_user("") is None
    assert accounts.token_user("tb_notatoken") is None
    assert accounts.token_user(session) is None  # a session token is not an API token
    assert accounts.session_user(accounts.new_api_token("sari", "ci")) is None


# --- the login rate limit -----------------------------------------------------------------

def test_five_failures_for_a_name_block_it_for_fifteen_minutes(accounts, clock):
    for _ in range(4):
        accounts.record_login("sari", "10.0.0.1", success=False)
    assert accounts.login_allowed("sari", "10.0.0.1")
    accounts.record_login("sari", "10.0.0.2", success=False)
    assert not accounts.login_allowed("sari", "10.0.0.3")  # from any address
    assert accounts.login_allowed("budi", "10.0.0.1")  # another name is not blocked
    clock.advance(minutes=15)
    assert accounts.login_allowed("sari", "10.0.0.1")


def test_a_success_starts_the_count_for_the_name_afresh(accounts, clock):
    for _ in range(4):
        accounts.record_login("sari", "10.0.0.1", success=False)
    clock.advance(seconds=1)
    accounts.record_login("sari", "10.0.0.1", success=True)
    clock.advance(seconds=1)
    accounts.record_login("sari", "10.0.0.1", success=False)
    assert accounts.login_allowed("sari", "10.0.0.1")


def test_twenty_failures_from_an_address_block_it(accounts, clock):
    for number in range(19):
        accounts.record_login(f"user{number}", "10.0.0.9", success=False)
    assert accounts.login_allowed("someone", "10.0.0.9")
    accounts.record_login("user19", "10.0.0.9", success=False)
    assert not accounts.login_allowed("someone", "10.0.0.9")
    assert accounts.login_allowed("someone", "10.0.0.10")
    clock.advance(minutes=15, seconds=1)
    assert accounts.login_allowed("someone", "10.0.0.9")


# --- locations ------------------------------------------------------------------------------

def test_open_accounts_creates_the_folders(tmp_path, clock):
    path = tmp_path / "a" / "b" / "accounts.sqlite"
    with open_accounts(str(path), hasher=FAST, clock=clock):
        pass
    assert path.is_file()


def test_a_file_that_is_not_an_accounts_store_is_refused(tmp_path):
    path = tmp_path / "accounts.sqlite"
    path.write_bytes(b"not a database at all, just text " * 100)
    with pytest.raises(InputError, match="not an accounts file"):
        open_accounts(str(path), hasher=FAST)
    with pytest.raises(InputError, match="is a folder"):
        open_accounts(str(tmp_path), hasher=FAST)


def test_accounts_are_never_created_inside_the_installed_package():
    from pathlib import Path

    import termbase

    inside = Path(termbase.__file__).parent / "accounts.sqlite"
    with pytest.raises(InputError, match="inside the installed termbase package"):
        open_accounts(str(inside), hasher=FAST)
    assert not inside.exists()


def test_an_unreachable_server_is_one_error_naming_the_url_without_password():
    url = "postgresql://desk:hunter2secret@127.0.0.1:1/nowhere?connect_timeout=2"
    with pytest.raises(InputError) as caught:
        open_accounts(url, hasher=FAST)
    message = str(caught.value)
    assert "hunter2secret" not in message
    assert "postgresql://desk:***@127.0.0.1:1/nowhere" in message
    assert "cannot reach the accounts database" in message


def test_missing_psycopg_is_one_error(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(InputError, match="psycopg is not installed"):
        open_accounts("postgresql://desk:pw@localhost/desk", hasher=FAST)


def test_display_location_masks_passwords_only():
    assert display_location("/srv/desk/accounts.sqlite") == "/srv/desk/accounts.sqlite"
    assert display_location("postgresql://desk:pw@db:5432/news") == \
        "postgresql://desk:***@db:5432/news"
    assert display_location("postgresql:///news?host=/run/pg&password=pw") == \
        "postgresql:///news?host=/run/pg&password=***"
    assert display_location("postgresql://desk@db/news") == "postgresql://desk@db/news"


def test_workers_starting_at_once_create_the_schema_once(postgres_url):
    _drop_schema(postgres_url)
    failures: list[BaseException] = []

    def start() -> None:
        try:
            open_accounts(postgres_url, hasher=FAST).close()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)

    workers = [threading.Thread(target=start) for _ in range(6)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    with open_accounts(postgres_url, hasher=FAST) as store:
        store.add_user("sari", SECRET, "reader")
        assert store.users() == [User("sari", "reader")]


def test_threads_share_one_store(accounts):
    accounts.add_user("sari", SECRET, "reader")
    sari = User("sari", "reader")
    tokens: list[str] = []

    def work() -> None:
        for _ in range(10):
            token = accounts.start_session(sari)
            assert accounts.session_user(token) == sari
            tokens.append(token)

    workers = [threading.Thread(target=work) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(set(tokens)) == 40
    assert all(accounts.session_user(token) == sari for token in tokens)


# --- the setting ------------------------------------------------------------------------

def test_accounts_live_beside_the_memory_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("TERMBASE_TM", raising=False)
    config = Config(tm=str(tmp_path / "tm" / "memory.sqlite"))
    assert accounts_location(config) == str(tmp_path / "tm" / "accounts.sqlite")
    monkeypatch.setenv("TERMBASE_TM", str(tmp_path / "elsewhere" / "memory.sqlite"))
    assert accounts_location(config) == str(tmp_path / "elsewhere" / "accounts.sqlite")


def test_accounts_share_a_postgresql_memory_database(monkeypatch):
    monkeypatch.delenv("TERMBASE_TM", raising=False)
    url = "postgresql://desk@db/news"
    assert accounts_location(Config(tm=url)) == url


def test_the_accounts_setting_wins_and_a_url_is_kept_as_written(tmp_path, monkeypatch):
    toml = tmp_path / "termbase.toml"
    toml.write_text('tm = "tm/memory.sqlite"\naccounts = "server/users.sqlite"\n',
                    encoding="utf-8")
    assert accounts_location(load_config(toml)) == str(tmp_path / "server" / "users.sqlite")
    toml.write_text('tm = "postgresql://desk:pw@db/news"\n'
                    'accounts = "postgresql://desk:pw@db/accounts"\n', encoding="utf-8")
    config = load_config(toml)
    assert config.tm == "postgresql://desk:pw@db/news"
    assert accounts_location(config) == "postgresql://desk:pw@db/accounts"
    found = {s.name: s for s in settings(toml)[1]}
    assert found["accounts"].value == "postgresql://desk:***@db/accounts"
    assert found["accounts"].source == f"{toml}:2"


def test_config_shows_the_default_accounts_location(tmp_path, monkeypatch):
    monkeypatch.delenv("TERMBASE_TM", raising=False)
    toml = tmp_path / "termbase.toml"
    toml.write_text('tm = "tm/memory.sqlite"\n', encoding="utf-8")
    found = {s.name: s for s in settings(toml)[1]}
    assert found["accounts"].value == str(tmp_path / "tm" / "accounts.sqlite")
    assert found["accounts"].source.startswith("built-in default")


def test_a_non_text_accounts_setting_is_an_error(tmp_path):
    from termbase.errors import ConfigError

    toml = tmp_path / "termbase.toml"
    toml.write_text("accounts = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="accounts must be a file path"):
        load_config(toml)


def test_a_password_longer_than_any_allowed_is_simply_wrong(accounts):
    accounts.add_user("sari", SECRET, "reader")
    assert accounts.verify("sari", SECRET + "x" * 2000) is None
    assert accounts.verify("nobody", "x" * 100_000) is None


def test_the_rate_limit_keeps_a_bounded_name(accounts):
    long_name = "n" * 10_000
    for _ in range(5):
        accounts.record_login(long_name, "10.0.0.1", success=False)
    assert not accounts.login_allowed(long_name, "10.0.0.1")


def test_a_server_role_without_create_rights_uses_the_tables_made_before(postgres_url):
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    settings_of = conninfo_to_dict(postgres_url)
    if settings_of.get("password"):
        pytest.skip("the test server needs a password; cannot log in as a new role")
    _drop_schema(postgres_url)
    open_accounts(postgres_url, hasher=FAST).close()  # the owner makes the tables
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("DROP ROLE IF EXISTS desk_server")
        db.execute("CREATE ROLE desk_server LOGIN")
        db.execute("GRANT USAGE ON SCHEMA accounts TO desk_server")
        db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA accounts "
                   "TO desk_server")
    query = "&".join(f"{k}={v}" for k, v in {**settings_of, "user": "desk_server"}.items()
                     if k != "dbname")
    url = f"postgresql:///{settings_of.get('dbname', '')}?{query}"
    try:
        with open_accounts(url, hasher=FAST) as store:
            store.add_user("sari", SECRET, "reader")
            assert store.verify("sari", SECRET) == User("sari", "reader")
        _drop_schema(postgres_url)
        with pytest.raises(InputError, match="cannot set up the schema accounts"):
            open_accounts(url, hasher=FAST)
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as db:
            db.execute("DROP SCHEMA IF EXISTS accounts CASCADE")
            db.execute("DROP OWNED BY desk_server")
            db.execute("DROP ROLE desk_server")
