"""The desk server's user accounts: users and their roles, password checks, login
sessions with their CSRF tokens, API tokens, and the login rate limit.

A library with no web code: the server (and `termbase users`) call it. The accounts live
in a SQLite file or, given a `postgresql://` URL, in the schema `accounts` of that
database; the SQL is the same for both, a small adapter below turns its placeholders and
runs each public call as one transaction.

Secrets are never stored as given: passwords as argon2id hashes, session and API tokens
as their SHA-256, so a copy of the store logs nobody in.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import hmac
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from termbase.errors import InputError
from termbase.locations import is_database_url
from termbase.locations import masked_url as display_location

if TYPE_CHECKING:
    from argon2 import PasswordHasher

ROLES = ("reader", "translator", "terminologist", "admin")  # each may do what those before may

MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 takes any length; a megabyte "password" is an attack
SESSION_LIFETIME_S = 12 * 3600
API_TOKEN_PREFIX = "tb_"
MAX_LABEL = 64
LOGIN_WINDOW = dt.timedelta(minutes=15)
MAX_NAME_FAILURES = 5
MAX_ADDRESS_FAILURES = 20
ATTEMPTS_KEPT = dt.timedelta(days=1)  # older login attempts are deleted
MAX_KEY = 256  # of a name or address kept for the rate limit
BUSY_MS = 10_000
SCHEMA = "accounts"  # the PostgreSQL schema
# Any fixed number: the key of the advisory lock under which server workers starting at
# once create the schema one after another.
SCHEMA_LOCK = 0x7462_6163  # "tbac"

_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")

# {s} stands for the schema prefix ("accounts." in PostgreSQL, nothing in SQLite), ? for
# a parameter. Timestamps are UTC text of one fixed width, so they compare as text.
_TABLES = (
    """CREATE TABLE IF NOT EXISTS {s}users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    # Two names differing only in case would be two people a reader cannot tell apart.
    "CREATE UNIQUE INDEX IF NOT EXISTS users_folded ON {s}users (lower(name))",
    """CREATE TABLE IF NOT EXISTS {s}sessions (
        token_hash TEXT PRIMARY KEY,
        name TEXT NOT NULL REFERENCES {s}users (name) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS sessions_name ON {s}sessions (name)",
    """CREATE TABLE IF NOT EXISTS {s}api_tokens (
        token_hash TEXT PRIMARY KEY,
        name TEXT NOT NULL REFERENCES {s}users (name) ON DELETE CASCADE,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (name, label))""",
    """CREATE TABLE IF NOT EXISTS {s}login_attempts (
        name TEXT NOT NULL,
        address TEXT NOT NULL,
        success INTEGER NOT NULL,
        at TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS login_attempts_name ON {s}login_attempts (name, at)",
    "CREATE INDEX IF NOT EXISTS login_attempts_address ON {s}login_attempts (address, at)",
    # Who changed what: glossary edits and memory uploads made through the server.
    """CREATE TABLE IF NOT EXISTS {s}changes (
        at TEXT NOT NULL,
        name TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        what TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS changes_subject ON {s}changes (subject, at)",
    """CREATE TABLE IF NOT EXISTS {s}store_secrets (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL)""",
)


@dataclass(frozen=True)
class User:
    name: str
    role: str

    def may(self, role: str) -> bool:
        """True if this user's role is role or one after it in ROLES."""
        return ROLES.index(self.role) >= ROLES.index(_known_role(role))




def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _known_role(role: str) -> str:
    if role in ROLES:
        return role
    close = difflib.get_close_matches(str(role).lower(), ROLES, n=1)
    hint = f"; did you mean {close[0]}?" if close else f" (roles: {', '.join(ROLES)})"
    raise InputError(f"unknown role {role!r}{hint}")


# --- the two backends ----------------------------------------------------------------

class _Transaction:
    """Runs the shared SQL on one backend's cursor."""

    def __init__(self, cursor: Any, prefix: str, placeholder: str):
        self._cursor = cursor
        self._prefix = prefix
        self._placeholder = placeholder

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        text = sql.replace("{s}", self._prefix).replace("?", self._placeholder)
        self._cursor.execute(text, tuple(params))
        return list(self._cursor.fetchall()) if self._cursor.description else []

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        rows = self.run(sql, params)
        return rows[0] if rows else None

    def changed(self) -> int:
        return int(self._cursor.rowcount)


class _SQLite:
    integrity_errors: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)

    def __init__(self, path: str):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            # One connection shared by the server's threads; Accounts holds a lock.
            self._db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_MS / 1000,
                                       check_same_thread=False)
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"not an accounts file: {exc}", path) from None

    @contextmanager
    def transaction(self, write: bool) -> Iterator[_Transaction]:
        # A write takes the write lock at once: a read upgraded later could fail busy.
        self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        cursor = self._db.cursor()
        try:
            yield _Transaction(cursor, "", "?")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            cursor.close()

    def create_schema(self) -> None:
        with self.transaction(write=True) as tx:
            for statement in _TABLES:
                tx.run(statement)

    def close(self) -> None:
        self._db.close()


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Postgres:
    def __init__(self, url: str):
        shown = display_location(url)
        try:
            import psycopg
        except ImportError:
            raise InputError("cannot open accounts in PostgreSQL: psycopg is not installed "
                             "(pip install 'psycopg[binary]')", shown) from None
        self.integrity_errors = (psycopg.IntegrityError,)
        try:
            self._db = psycopg.connect(url, autocommit=False, connect_timeout=10)
        except psycopg.Error as exc:
            reason = _first_line(exc)
            password = urlsplit(url).password
            if password:
                reason = reason.replace(password, "***")
            raise InputError(f"cannot reach the accounts database: {reason}", shown) from None
        self._shown = shown

    @contextmanager
    def transaction(self, write: bool) -> Iterator[_Transaction]:
        cursor = self._db.cursor()
        try:
            yield _Transaction(cursor, f"{SCHEMA}.", "%s")
        except BaseException:
            self._db.rollback()
            raise
        else:
            self._db.commit()
        finally:
            cursor.close()

    def create_schema(self) -> None:
        import psycopg

        try:
            with self.transaction(write=True) as tx:
                tx.run("SELECT pg_advisory_xact_lock(?)", (SCHEMA_LOCK,))
                # The tables are made in one transaction, so the last one standing means
                # all are: a server role without CREATE rights can then use them.
                if tx.one("SELECT to_regclass(?)", (f"{SCHEMA}.store_secrets",)) != (None,):
                    return
                tx.run(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
                for statement in _TABLES:
                    tx.run(statement)
        except psycopg.Error as exc:
            raise InputError(f"cannot set up the schema {SCHEMA}: {_first_line(exc)}",
                             self._shown) from None

    def close(self) -> None:
        self._db.close()


# --- the accounts --------------------------------------------------------------------

class Accounts:
    """The users, sessions and tokens at location. Safe to share between threads: each
    public call is one transaction, one at a time."""

    def __init__(self, location: str, backend: _SQLite | _Postgres,
                 hasher: PasswordHasher | None = None,
                 clock: Callable[[], dt.datetime] = _now):
        from argon2 import PasswordHasher

        self.location = location
        self._shown = display_location(location)
        self._backend = backend
        self._lock = threading.Lock()
        self._hasher = hasher or PasswordHasher()
        self._clock = clock
        backend.create_schema()
        self._csrf_secret = self._store_secret("csrf")
        # Checked against a wrong name so that an unknown name costs as much as a known one.
        self._dummy_hash = self._hasher.hash(secrets.token_urlsafe(16))

    @contextmanager
    def _transaction(self, write: bool = False) -> Iterator[_Transaction]:
        with self._lock, self._backend.transaction(write) as tx:
            yield tx

    def _store_secret(self, key: str) -> bytes:
        with self._transaction(write=True) as tx:
            tx.run("INSERT INTO {s}store_secrets (key, value) VALUES (?, ?) "
                   "ON CONFLICT (key) DO NOTHING", (key, secrets.token_hex(32)))
            row = tx.one("SELECT value FROM {s}store_secrets WHERE key = ?", (key,))
        assert row is not None  # inserted just now or before
        return bytes.fromhex(row[0])

    def _error(self, message: str) -> InputError:
        return InputError(message, self._shown)

    def _check_password(self, password: str) -> None:
        if not isinstance(password, str) or len(password) < MIN_PASSWORD:
            raise self._error(f"a password needs at least {MIN_PASSWORD} characters")
        if len(password) > MAX_PASSWORD:
            raise self._error(f"a password has at most {MAX_PASSWORD} characters")

    def _check_name(self, name: str) -> None:
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise self._error(f"not a user name: {name!r} (1-64 letters, digits and . _ - @)")

    def _role(self, role: str) -> str:
        try:
            return _known_role(role)
        except InputError as exc:
            raise self._error(exc.message) from None

    def _no_user(self, name: str) -> InputError:
        return self._error(f"no user named {name!r}")

    # --- users -------------------------------------------------------------------------
    def check_new_user(self, name: str, role: str) -> None:
        """InputError unless add_user(name, ..., role) would take name and role (a
        command asks for the password only then)."""
        self._check_name(name)
        self._role(role)
        with self._transaction() as tx:
            if tx.one("SELECT 1 FROM {s}users WHERE lower(name) = lower(?)", (name,)):
                raise self._exists(name)

    def _exists(self, name: str) -> InputError:
        return self._error(f"a user named {name!r} exists already "
                           "(names differing only in case count as one)")

    def add_user(self, name: str, password: str, role: str) -> User:
        self._check_name(name)
        role = self._role(role)
        self._check_password(password)
        password_hash = self._hasher.hash(password)
        try:
            with self._transaction(write=True) as tx:
                tx.run("INSERT INTO {s}users (name, role, password_hash, created_at) "
                       "VALUES (?, ?, ?, ?)", (name, role, password_hash, _stamp(self._clock())))
        except self._backend.integrity_errors:
            raise self._exists(name) from None
        return User(name, role)

    def users(self) -> list[User]:
        with self._transaction() as tx:
            rows = tx.run("SELECT name, role FROM {s}users")
        return sorted((User(name, role) for name, role in rows), key=lambda u: u.name)

    def get(self, name: str) -> User | None:
        with self._transaction() as tx:
            row = tx.one("SELECT name, role FROM {s}users WHERE name = ?", (name,))
        return User(*row) if row else None

    def remove_user(self, name: str) -> bool:
        with self._transaction(write=True) as tx:
            tx.run("DELETE FROM {s}sessions WHERE name = ?", (name,))
            tx.run("DELETE FROM {s}api_tokens WHERE name = ?", (name,))
            tx.run("DELETE FROM {s}users WHERE name = ?", (name,))
            return tx.changed() > 0

    def set_role(self, name: str, role: str) -> User:
        role = self._role(role)
        with self._transaction(write=True) as tx:
            tx.run("UPDATE {s}users SET role = ? WHERE name = ?", (role, name))
            if tx.changed() == 0:
                raise self._no_user(name)
        return User(name, role)

    def set_password(self, name: str, password: str) -> None:
        self._check_password(password)
        password_hash = self._hasher.hash(password)
        with self._transaction(write=True) as tx:
            tx.run("UPDATE {s}users SET password_hash = ? WHERE name = ?",
                   (password_hash, name))
            if tx.changed() == 0:
                raise self._no_user(name)
            # Whoever knew the old password is logged out everywhere.
            tx.run("DELETE FROM {s}sessions WHERE name = ?", (name,))

    def verify(self, name: str, password: str) -> User | None:
        """The user if password is theirs, else None. An unknown name takes one hash
        check too, so the time taken does not tell which names exist."""
        from argon2.exceptions import InvalidHashError, VerificationError

        with self._transaction() as tx:
            row = tx.one("SELECT role, password_hash FROM {s}users WHERE name = ?", (name,))
        stored = row[1] if row else self._dummy_hash
        try:
            self._hasher.verify(stored, password[:MAX_PASSWORD + 1])
        except (VerificationError, InvalidHashError):
            return None
        # Nobody has the dummy's random password, nor one longer than add_user takes.
        if row is None or len(password) > MAX_PASSWORD:
            return None
        if self._hasher.check_needs_rehash(stored):
            fresh = self._hasher.hash(password)
            with self._transaction(write=True) as tx:
                # Only if the password was not changed meanwhile.
                tx.run("UPDATE {s}users SET password_hash = ? WHERE name = ? "
                       "AND password_hash = ?", (fresh, name, stored))
        return User(name, row[0])

    # --- sessions ----------------------------------------------------------------------
    def start_session(self, user: User, lifetime_s: int = SESSION_LIFETIME_S) -> str:
        """A new login session for user: the token for its cookie (only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        now = self._clock()
        expires = now + dt.timedelta(seconds=lifetime_s)
        try:
            with self._transaction(write=True) as tx:
                tx.run("DELETE FROM {s}sessions WHERE expires_at <= ?", (_stamp(now),))
                tx.run("INSERT INTO {s}sessions (token_hash, name, created_at, expires_at) "
                       "VALUES (?, ?, ?, ?)",
                       (_digest(token), user.name, _stamp(now), _stamp(expires)))
        except self._backend.integrity_errors:
            raise self._no_user(user.name) from None
        return token

    def session_user(self, token: str) -> User | None:
        """The user of a live session; the role as the store has it now."""
        if not token:
            return None
        with self._transaction() as tx:
            row = tx.one("SELECT u.name, u.role FROM {s}sessions s "
                         "JOIN {s}users u ON u.name = s.name "
                         "WHERE s.token_hash = ? AND s.expires_at > ?",
                         (_digest(token), _stamp(self._clock())))
        return User(*row) if row else None

    def end_session(self, token: str) -> None:
        with self._transaction(write=True) as tx:
            tx.run("DELETE FROM {s}sessions WHERE token_hash = ?", (_digest(token),))

    def csrf_token(self, session_token: str) -> str:
        """The CSRF token of a session: the same for as long as the session lasts,
        different for every other session."""
        return hmac.new(self._csrf_secret, b"csrf\0" + session_token.encode("utf-8"),
                        hashlib.sha256).hexdigest()

    def check_csrf(self, session_token: str, csrf: str) -> bool:
        if not session_token or not csrf:
            return False
        expected = self.csrf_token(session_token).encode("ascii")
        return hmac.compare_digest(expected, csrf.encode("utf-8", "surrogatepass"))

    # --- API tokens --------------------------------------------------------------------
    def new_api_token(self, name: str, label: str) -> str:
        """A new API token for name, labelled label: returned this once, only its hash
        is kept."""
        if not label or len(label) > MAX_LABEL or not label.isprintable():
            raise self._error(f"a token label is 1-{MAX_LABEL} printable characters")
        token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._transaction(write=True) as tx:
            if tx.one("SELECT 1 FROM {s}users WHERE name = ?", (name,)) is None:
                raise self._no_user(name)
            if tx.one("SELECT 1 FROM {s}api_tokens WHERE name = ? AND label = ?",
                      (name, label)):
                raise self._error(f"{name} has a token labelled {label!r} already")
            tx.run("INSERT INTO {s}api_tokens (token_hash, name, label, created_at) "
                   "VALUES (?, ?, ?, ?)", (_digest(token), name, label,
                                           _stamp(self._clock())))
        return token

    def token_user(self, token: str) -> User | None:
        if not token or not token.startswith(API_TOKEN_PREFIX):
            return None
        with self._transaction() as tx:
            row = tx.one("SELECT u.name, u.role FROM {s}api_tokens t "
                         "JOIN {s}users u ON u.name = t.name WHERE t.token_hash = ?",
                         (_digest(token),))
        return User(*row) if row else None

    def api_tokens(self, name: str) -> list[tuple[str, str]]:
        """(label, created_at) of each of name's tokens, by label."""
        with self._transaction() as tx:
            if tx.one("SELECT 1 FROM {s}users WHERE name = ?", (name,)) is None:
                raise self._no_user(name)
            rows = tx.run("SELECT label, created_at FROM {s}api_tokens WHERE name = ?",
                          (name,))
        return sorted((label, created) for label, created in rows)

    def revoke_token(self, name: str, label: str) -> bool:
        with self._transaction(write=True) as tx:
            tx.run("DELETE FROM {s}api_tokens WHERE name = ? AND label = ?", (name, label))
            return tx.changed() > 0

    # --- the login rate limit ------------------------------------------------------------
    def login_allowed(self, name: str, address: str) -> bool:
        """False after MAX_NAME_FAILURES failed logins for name since its last success,
        or MAX_ADDRESS_FAILURES from address (whatever name), within LOGIN_WINDOW."""
        since = _stamp(self._clock() - LOGIN_WINDOW)
        name, address = name[:MAX_KEY], address[:MAX_KEY]
        with self._transaction() as tx:
            last_success = tx.one("SELECT max(at) FROM {s}login_attempts "
                                  "WHERE name = ? AND success = 1 AND at > ?", (name, since))
            name_since = max(since, last_success[0]) if last_success and last_success[0] \
                else since
            by_name = tx.one("SELECT count(*) FROM {s}login_attempts "
                             "WHERE name = ? AND success = 0 AND at > ?", (name, name_since))
            by_address = tx.one("SELECT count(*) FROM {s}login_attempts "
                                "WHERE address = ? AND success = 0 AND at > ?",
                                (address, since))
        assert by_name is not None and by_address is not None  # count(*) has a row
        return by_name[0] < MAX_NAME_FAILURES and by_address[0] < MAX_ADDRESS_FAILURES

    def record_login(self, name: str, address: str, success: bool) -> None:
        now = self._clock()
        name, address = name[:MAX_KEY], address[:MAX_KEY]  # whatever a client sent
        with self._transaction(write=True) as tx:
            tx.run("DELETE FROM {s}login_attempts WHERE at <= ?",
                   (_stamp(now - ATTEMPTS_KEPT),))
            tx.run("INSERT INTO {s}login_attempts (name, address, success, at) "
                   "VALUES (?, ?, ?, ?)", (name, address, 1 if success else 0, _stamp(now)))

    def record_change(self, name: str, action: str, what: str,
                      subject: str | None = None) -> None:
        """Note that name did action (deprecate, import...) to subject (a concept id)."""
        with self._transaction(write=True) as tx:
            tx.run("INSERT INTO {s}changes (at, name, action, subject, what) "
                   "VALUES (?, ?, ?, ?, ?)",
                   (_stamp(self._clock()), name, action, subject, what))

    def changes(self, subject: str | None = None, limit: int = 50
                ) -> list[tuple[str, str, str, str]]:
        """(at, name, action, what) of the changes to subject (any, if None), newest first."""
        with self._transaction() as tx:
            if subject is None:
                rows = tx.run("SELECT at, name, action, what FROM {s}changes "
                              "ORDER BY at DESC LIMIT ?", (limit,))
            else:
                rows = tx.run("SELECT at, name, action, what FROM {s}changes "
                              "WHERE subject = ? ORDER BY at DESC LIMIT ?", (subject, limit))
        return [(str(a), str(n), str(c), str(w)) for a, n, c, w in rows]

    def close(self) -> None:
        with self._lock:
            self._backend.close()

    def __enter__(self) -> Accounts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_accounts(location: str, *, hasher: PasswordHasher | None = None,
                  clock: Callable[[], dt.datetime] | None = None) -> Accounts:
    """The accounts at location: a SQLite file (created, with its folders, when missing)
    or a postgresql:// URL (the tables in its schema `accounts`). hasher and clock
    replace argon2's default PasswordHasher and the UTC clock (tests)."""
    backend: _SQLite | _Postgres
    if is_database_url(location):
        backend = _Postgres(location)
    else:
        from termbase.workspace import refuse_installed

        if Path(location).is_dir():
            raise InputError("is a folder, not an accounts file", location)
        refuse_installed(location, "accounts file")
        backend = _SQLite(location)
    try:
        return Accounts(location, backend, hasher, clock or _now)
    except BaseException:
        backend.close()
        raise
