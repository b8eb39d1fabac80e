"""termbase users: the accounts from the command line."""

from __future__ import annotations

import json

import pytest

from termbase.accounts import User, open_accounts

SECRET = "kata-sandi-rahasia"


@pytest.fixture
def store(tmp_path) -> str:
    return str(tmp_path / "server" / "accounts.sqlite")


def add(invoke, store: str, name: str, role: str, password: str = SECRET):
    return invoke("users", "add", name, "--role", role, "--password-stdin",
                  "--accounts", store, input=password + "\n")


def users_in(store: str) -> list[User]:
    with open_accounts(store) as accounts:
        return accounts.users()


def test_add_asks_for_the_password_twice(invoke, store):
    result = invoke("users", "add", "sari", "--role", "translator", "--accounts", store,
                    input=f"{SECRET}\n{SECRET}\n")
    assert result.exit_code == 0, result.output
    assert SECRET not in result.output  # the prompt hides it
    with open_accounts(store) as accounts:
        assert accounts.verify("sari", SECRET) == User("sari", "translator")


def test_add_with_passwords_that_differ_adds_nobody(invoke, store):
    result = invoke("users", "add", "sari", "--role", "reader", "--accounts", store,
                    input=f"{SECRET}\nsomething-else\n")
    assert result.exit_code != 0
    assert users_in(store) == []


def test_add_from_standard_input(invoke, store):
    result = add(invoke, store, "sari", "reader")
    assert result.exit_code == 0
    assert "added sari (reader)" in result.output
    with open_accounts(store) as accounts:
        assert accounts.verify("sari", SECRET) == User("sari", "reader")


def test_the_password_is_never_an_argument(invoke, store):
    result = invoke("users", "add", "sari", "--role", "reader", "--password", SECRET,
                    "--accounts", store)
    assert result.exit_code == 2
    assert users_in(store) == []


@pytest.mark.parametrize("arguments, message", [
    (("sari", "--role", "terminolgist"), "did you mean terminologist?"),
    (("bad name", "--role", "reader"), "not a user name"),
])
def test_add_refuses_bad_input_in_one_line(invoke, store, arguments, message):
    result = invoke("users", "add", *arguments, "--password-stdin", "--accounts", store,
                    input=SECRET + "\n")
    assert result.exit_code == 2
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert users_in(store) == []


def test_add_refuses_a_duplicate_before_asking_for_a_password(invoke, store):
    add(invoke, store, "sari", "reader")
    result = invoke("users", "add", "sari", "--role", "admin", "--accounts", store)
    assert result.exit_code == 2
    assert "exists already" in result.output
    assert "Password" not in result.output
    assert users_in(store) == [User("sari", "reader")]


def test_add_refuses_a_short_password(invoke, store):
    result = add(invoke, store, "sari", "reader", password="short")
    assert result.exit_code == 2
    assert "at least 8 characters" in result.output


def test_list_as_text_and_json(invoke, store):
    add(invoke, store, "sari", "translator")
    add(invoke, store, "ani", "admin")
    text = invoke("users", "list", "--accounts", store)
    assert text.exit_code == 0
    assert text.output.splitlines() == ["ani   admin", "sari  translator"]
    report = json.loads(invoke("users", "list", "--format", "json", "--accounts",
                               store).output)
    assert report == {"version": 1, "users": [{"name": "ani", "role": "admin"},
                                              {"name": "sari", "role": "translator"}]}


def test_list_of_no_users_is_empty(invoke, store):
    result = invoke("users", "list", "--accounts", store)
    assert result.exit_code == 0 and result.output == ""


def test_remove(invoke, store):
    add(invoke, store, "sari", "reader")
    assert invoke("users", "remove", "sari", "--accounts", store).exit_code == 0
    assert users_in(store) == []
    again = invoke("users", "remove", "sari", "--accounts", store)
    assert again.exit_code == 2
    assert "no user named 'sari'" in again.output


def test_set_role(invoke, store):
    add(invoke, store, "sari", "reader")
    result = invoke("users", "set-role", "sari", "terminologist", "--accounts", store)
    assert result.exit_code == 0
    assert users_in(store) == [User("sari", "terminologist")]
    wrong = invoke("users", "set-role", "sari", "admn", "--accounts", store)
    assert wrong.exit_code == 2 and "did you mean admin?" in wrong.output
    ghost = invoke("users", "set-role", "budi", "admin", "--accounts", store)
    assert ghost.exit_code == 2 and "no user named 'budi'" in ghost.output
    assert users_in(store) == [User("sari", "terminologist")]


def test_password_replaces_it_and_ends_the_sessions(invoke, store):
    add(invoke, store, "sari", "reader")
    with open_accounts(store) as accounts:
        session = accounts.start_session(User("sari", "reader"))
    result = invoke("users", "password", "sari", "--accounts", store,
                    input="baru-sekali-9\nbaru-sekali-9\n")
    assert result.exit_code == 0
    with open_accounts(store) as accounts:
        assert accounts.verify("sari", SECRET) is None
        assert accounts.verify("sari", "baru-sekali-9") == User("sari", "reader")
        assert accounts.session_user(session) is None


def test_password_of_an_unknown_user_asks_nothing(invoke, store):
    result = invoke("users", "password", "budi", "--accounts", store)
    assert result.exit_code == 2
    assert "no user named 'budi'" in result.output and "Password" not in result.output


def test_password_from_standard_input_is_checked(invoke, store):
    add(invoke, store, "sari", "reader")
    result = invoke("users", "password", "sari", "--password-stdin", "--accounts", store,
                    input="short\n")
    assert result.exit_code == 2 and "at least 8" in result.output
    with open_accounts(store) as accounts:
        assert accounts.verify("sari", SECRET) is not None


def test_token_is_printed_once_and_revoke_ends_it(invoke, store):
    add(invoke, store, "sari", "translator")
    result = invoke("users", "token", "sari", "ci", "--accounts", store)
    assert result.exit_code == 0
    token = result.output.strip()
    assert token.startswith("tb_")
    with open_accounts(store) as accounts:
        assert accounts.token_user(token) == User("sari", "translator")
    again = invoke("users", "token", "sari", "ci", "--accounts", store)
    assert again.exit_code == 2 and "already" in again.output
    assert invoke("users", "revoke", "sari", "ci", "--accounts", store).exit_code == 0
    with open_accounts(store) as accounts:
        assert accounts.token_user(token) is None
    gone = invoke("users", "revoke", "sari", "ci", "--accounts", store)
    assert gone.exit_code == 2 and "no token labelled 'ci'" in gone.output


def test_token_for_an_unknown_user_is_refused(invoke, store):
    result = invoke("users", "token", "budi", "ci", "--accounts", store)
    assert result.exit_code == 2 and "no user named 'budi'" in result.output


@pytest.mark.parametrize("command", ["add", "list", "remove", "set-role", "password",
                                     "token", "revoke"])
def test_every_command_has_help(invoke, command):
    result = invoke("users", command, "--help")
    assert result.exit_code == 0
    assert "--accounts" in result.output


def test_the_setting_names_the_store(invoke, tmp_path, monkeypatch):
    (tmp_path / "termbase.toml").write_text('accounts = "server/users.sqlite"\n',
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("users", "add", "sari", "--role", "reader", "--password-stdin",
                    input=SECRET + "\n")
    assert result.exit_code == 0
    assert users_in(str(tmp_path / "server" / "users.sqlite")) == [User("sari", "reader")]


def test_by_default_the_store_is_beside_the_memory(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    memory = tmp_path / "data" / "memory.sqlite"
    result = invoke("users", "add", "sari", "--role", "reader", "--password-stdin",
                    input=SECRET + "\n", env={"TERMBASE_TM": str(memory)})
    assert result.exit_code == 0
    assert users_in(str(tmp_path / "data" / "accounts.sqlite")) == [User("sari", "reader")]


def test_users_in_postgresql(invoke, postgres_url):
    import psycopg

    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS accounts CASCADE")
    assert add(invoke, postgres_url, "sari", "admin").exit_code == 0
    listed = invoke("users", "list", "--format", "json", "--accounts", postgres_url)
    assert json.loads(listed.output)["users"] == [{"name": "sari", "role": "admin"}]
    assert invoke("users", "remove", "sari", "--accounts", postgres_url).exit_code == 0
    assert users_in(postgres_url) == []


def test_an_unreachable_server_is_one_line_without_the_password(invoke):
    url = "postgresql://desk:hunter2secret@127.0.0.1:1/news?connect_timeout=2"
    result = invoke("users", "list", "--accounts", url)
    assert result.exit_code == 2
    assert "hunter2secret" not in result.output
    assert "cannot reach the accounts database" in result.output


def test_every_users_command_is_documented():
    from termbase.cli.users import users

    from .conftest import REPO

    docs = (REPO / "docs" / "accounts.md").read_text(encoding="utf-8")
    for name in users.commands:
        assert f"| `users {name}" in docs, name
    assert "docs/accounts.md" in (REPO / "README.md").read_text(encoding="utf-8")
