"""Glossary files kept in PostgreSQL: the TBX text stays the record.

Each file of the glossary is one row of the table glossary.files (schema `glossary`):
its name (e.g. "organisations.tbx"), its bytes exactly as written, a version that every
write changes, when and by whom. Everything that reads or edits TBX files (the parser
and its cache, the validator, the byte-preserving editor TbxFile) works on those bytes
as it works on a file's.

A stored file is named, wherever a path would stand, by its database's URL (password
masked) and its name after a '#': "postgresql://desk@db/termbase#organisations.tbx".
Concepts read from the store carry that as their source, so the edit layer opens and
saves the right row. A save checks that the row still has the version it read: two
edits from the same stale copy cannot both land, the second fails with a one-line
"changed meanwhile" error (optimistic concurrency; nobody's edit is silently lost).
An edit made through the service functions goes further: it is refused as soon as the
file is found to have another version than the glossary it was decided on had
(Glossary.versions), so its checks (duplicates, house style) saw what it changes.

Versions come from one sequence, so a file removed and stored again never repeats the
version it had: a server comparing signature() sees every change.
"""

from __future__ import annotations

import getpass
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from termbase.errors import InputError
from termbase.locations import is_database_url, masked_url

if TYPE_CHECKING:
    from termbase.glossary import Glossary
    from termbase.model import Concept

SCHEMA = "glossary"
# Any fixed number: the key of the advisory lock under which processes starting at once
# create the schema one after another.
SCHEMA_LOCK = 0x7462_676C  # "tbgl"
CHANGED_MEANWHILE = "the glossary changed meanwhile; try again"
# A stored file's name: a plain file name ending in .tbx (it becomes a file on export).
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,99}\.tbx")

_TABLES = (
    f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
    f"CREATE SEQUENCE IF NOT EXISTS {SCHEMA}.versions",
    f"""CREATE TABLE IF NOT EXISTS {SCHEMA}.files (
        name TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        version BIGINT NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_by TEXT)""",
)

# The real URL of each masked one this process has opened, so that a concept's source
# (which must not show a password) leads back to its database.
_URLS: dict[str, str] = {}


@dataclass(frozen=True)
class StoredFile:
    """Where one stored glossary file is: the database's URL and the file's name."""

    url: str
    name: str

    @property
    def source(self) -> str:
        """The file as messages and concepts name it (password masked)."""
        return f"{masked_url(self.url)}#{self.name}"


def split_location(location: str) -> tuple[str, str | None]:
    """(database URL, stored file name or None) of "postgresql://...[#name.tbx]"."""
    url, separator, name = location.partition("#")
    return url, (name or None) if separator else None


def stored_file(location: str) -> StoredFile:
    """The stored file a location (a URL with '#name', as given or as a source shows
    it, password masked) names."""
    url, name = split_location(location)
    if name is None:
        raise InputError("name the stored glossary file: add #NAME.tbx to the URL",
                         masked_url(url))
    return StoredFile(_URLS.get(url, url), check_name(name, url))


def check_name(name: str, url: str = "") -> str:
    if not _NAME.fullmatch(name):
        raise InputError(f"not a stored glossary name: {name!r} (letters, digits, . _ - "
                         "and spaces, ending in .tbx)", masked_url(url) or None)
    return name


def stored_name_for(path: str) -> str:
    """The name a file gets in the store: its own, with .tbx for another format's."""
    name = Path(path).name
    return name if name.endswith(".tbx") else f"{Path(path).stem}.tbx"


def source_name(source: str) -> str:
    """A concept source's file name: the stored name, or the file's name."""
    if is_database_url(source):
        return split_location(source)[1] or ""
    return Path(source).name


def _first_line(exc: Exception, url: str) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    password = urlsplit(url).password
    return line.replace(password, "***") if password else line


class PostgresGlossary:
    """The glossary files stored in the database at url (the schema `glossary`, created
    when missing). Safe to share between threads: each call is one transaction, one at
    a time; the connection is opened again if it was lost."""

    def __init__(self, url: str):
        url = split_location(url)[0]
        self.url = url
        self.shown = masked_url(url)
        self._lock = threading.Lock()
        self._db: Any = None
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise InputError("cannot open a glossary in PostgreSQL: psycopg is not "
                             "installed (pip install 'psycopg[binary]')", self.shown) from None
        self._create_schema()
        _URLS[self.shown] = url

    # --- connection and transactions ----------------------------------------------
    def _connection(self) -> Any:
        import psycopg

        if self._db is None or self._db.closed or self._db.broken:
            try:
                self._db = psycopg.connect(self.url, autocommit=False, connect_timeout=10)
            except psycopg.Error as exc:
                raise InputError(f"cannot reach the glossary database: "
                                 f"{_first_line(exc, self.url)}", self.shown) from None
        return self._db

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        import psycopg

        with self._lock:
            db = self._connection()
            try:
                with db.cursor() as cursor:
                    yield cursor
            except psycopg.Error as exc:
                if not db.closed:
                    db.rollback()
                raise InputError(f"glossary database: {_first_line(exc, self.url)}",
                                 self.shown) from None
            except BaseException:
                if not db.closed:
                    db.rollback()
                raise
            else:
                db.commit()

    def _create_schema(self) -> None:
        with self._transaction() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            # Made in one transaction: the table there means all is there, and a role
            # without CREATE rights can use it.
            cursor.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.files",))
            if cursor.fetchone() != (None,):
                return
            for statement in _TABLES:
                cursor.execute(statement)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> PostgresGlossary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ---------------------------------------------------------------------
    def source(self, name: str) -> str:
        return StoredFile(self.url, name).source

    def names(self) -> list[str]:
        with self._transaction() as cursor:
            cursor.execute(f"SELECT name FROM {SCHEMA}.files ORDER BY name")
            return [row[0] for row in cursor.fetchall()]

    def signature(self) -> tuple[tuple[str, int], ...]:
        """(name, version) of every file: equal as long as nothing was written."""
        with self._transaction() as cursor:
            cursor.execute(f"SELECT name, version FROM {SCHEMA}.files ORDER BY name")
            return tuple((str(name), int(version)) for name, version in cursor.fetchall())

    def documents(self, name: str | None = None) -> list[tuple[str, bytes, int]]:
        """(name, bytes, version) of every file, by name, or of the one named."""
        with self._transaction() as cursor:
            if name is None:
                cursor.execute(f"SELECT name, data, version FROM {SCHEMA}.files "
                               "ORDER BY name")
            else:
                cursor.execute(f"SELECT name, data, version FROM {SCHEMA}.files "
                               "WHERE name = %s", (name,))
            return [(str(n), bytes(d), int(v)) for n, d, v in cursor.fetchall()]

    def read(self, name: str) -> tuple[bytes, int]:
        """A file's bytes and its version; InputError when there is no such file."""
        found = self.documents(name)
        if not found:
            raise InputError(f"no glossary file named {name!r} in the database", self.shown)
        return found[0][1], found[0][2]

    def get(self, name: str) -> bytes:
        return self.read(name)[0]

    def exists(self, name: str) -> bool:
        return bool(self.documents(name))

    def concepts(self, name: str | None = None
                 ) -> list[tuple[str, list[Concept], int | None]]:
        """(source, concepts, version) of every stored file (or the one named), parsed
        through the same cache as files."""
        from termbase.glossary.cache import concepts_of

        documents = self.documents(name)
        if name is not None and not documents:
            raise InputError(f"no glossary file named {name!r} in the database", self.shown)
        return [(self.source(n), concepts_of(data, self.source(n)), version)
                for n, data, version in documents]

    def load(self) -> Glossary:
        """Every stored file as one glossary; a concept id in two files is an error, as
        it is for files."""
        from termbase.glossary import Glossary

        return Glossary.load([self.url])

    # --- writing ---------------------------------------------------------------------
    def put(self, name: str, data: bytes, user: str | None = None) -> int:
        """Store data as the file name (replacing what was there), once it reads as
        TBX; the new version."""
        from termbase.formats.tbx import parse_tbx

        check_name(name, self.url)
        parse_tbx(data, self.source(name))
        with self._transaction() as cursor:
            cursor.execute(
                f"INSERT INTO {SCHEMA}.files (name, data, version, updated_by) "
                f"VALUES (%s, %s, nextval('{SCHEMA}.versions'), %s) "
                "ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data, "
                "version = EXCLUDED.version, updated_at = now(), "
                "updated_by = EXCLUDED.updated_by RETURNING version",
                (name, data, user or _login()))
            row = cursor.fetchone()
        return int(row[0])

    def write(self, name: str, data: bytes, expected: int | None,
              user: str | None = None) -> int:
        """Store data as name if the file still has version expected (None: if there is
        no such file yet); the new version. The caller has checked data reads as TBX."""
        check_name(name, self.url)
        with self._transaction() as cursor:
            if expected is None:
                cursor.execute(
                    f"INSERT INTO {SCHEMA}.files (name, data, version, updated_by) "
                    f"VALUES (%s, %s, nextval('{SCHEMA}.versions'), %s) "
                    "ON CONFLICT (name) DO NOTHING RETURNING version",
                    (name, data, user or _login()))
            else:
                cursor.execute(
                    f"UPDATE {SCHEMA}.files SET data = %s, "
                    f"version = nextval('{SCHEMA}.versions'), updated_at = now(), "
                    "updated_by = %s WHERE name = %s AND version = %s RETURNING version",
                    (data, user or _login(), name, expected))
            row = cursor.fetchone()
        if row is None:
            if expected is None:
                raise InputError("exists already; a new glossary is not written over it",
                                 self.source(name))
            raise InputError(CHANGED_MEANWHILE, self.source(name))
        return int(row[0])

    def remove(self, name: str) -> bool:
        with self._transaction() as cursor:
            cursor.execute(f"DELETE FROM {SCHEMA}.files WHERE name = %s", (name,))
            return bool(cursor.rowcount)


def _login() -> str | None:
    """Who runs this command, for updated_by when no desk user is named."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def open_stored(location: str, based_on: int | None = None
                ) -> tuple[StoredFile, bytes, int]:
    """The stored file location names, its bytes and version; InputError when based_on
    is given and the file no longer has that version (the glossary an edit was decided
    on is out of date)."""
    where = stored_file(location)
    with PostgresGlossary(where.url) as store:
        data, version = store.read(where.name)
    if based_on is not None and version != based_on:
        raise InputError(CHANGED_MEANWHILE, where.source)
    return where, data, version


def save_stored(where: StoredFile, data: bytes, expected: int | None,
                user: str | None = None) -> int:
    with PostgresGlossary(where.url) as store:
        return store.write(where.name, data, expected, user)


def stored_exists(location: str) -> bool:
    where = stored_file(location)
    with PostgresGlossary(where.url) as store:
        return store.exists(where.name)
