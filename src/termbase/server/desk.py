"""What every request of the server shares: the workspace's glossary, memory and
accounts, each opened per thread, and the checker's context, rebuilt when a glossary
file changes.

Several worker processes serve one desk. A glossary edit made through one of them
rewrites the TBX file; every worker notices the file's new (mtime, size) on its next
request and reloads, so a terminologist's deprecation is every editor's rule at once.
Edits themselves hold an exclusive lock on a file beside the glossary, so two workers
never write from the same stale copy.

A glossary stored in PostgreSQL (a postgresql:// URL among the glossary files) works
the same way with the stored files' versions in place of (mtime, size); an edit saved
from a stale copy fails in the store's transaction instead of waiting for a lock.
"""

from __future__ import annotations

import dataclasses
import fcntl
import hashlib
import json
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termbase.config import Config
from termbase.glossary import is_stored
from termbase.locations import is_database_url
from termbase.server.scheduling import COMPUTE_SLOTS

if TYPE_CHECKING:
    from termbase.accounts import Accounts
    from termbase.check.context import CheckContext
    from termbase.check.engine import Selection
    from termbase.glossary import Glossary
    from termbase.glossary.lookup import Hit
    from termbase.glossary.postgres import PostgresGlossary
    from termbase.model import TranslationUnit
    from termbase.server.scheduling import CheckLane
    from termbase.tm.store import Memory

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # an article or a translated XLIFF, with room to spare
# Connections a worker's PostgreSQL memory may hold at once. Its request threads (up to
# 40) share them; with the command line's 4, look-ups and searches queued for a
# connection while the database sat idle (benchmarks/bench_serve.py).
SERVER_POOL_SIZE = 12
# How long a worker shows the same memory examples for a term in look-ups. Finding them
# is a concordance of the term, which in a memory of a million units costs up to half
# a second for a common one (SQLite ranks every unit holding it); look-ups ask for the
# same glossary terms over and over. A pair added through this worker is shown at once.
EXAMPLES_SECONDS = 60.0


@dataclass
class DeskSettings:
    """Where the desk's data lives and who may read it without an account."""

    glossary_files: list[str]
    memory: str
    accounts: str
    config: Config = field(default_factory=Config)
    public_read: bool = False
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    secure_cookies: bool = False  # set when served over https (behind a proxy)
    # Processes checking articles apart from the worker (server.scheduling.CheckLane);
    # 0 checks in the worker's own threads.
    check_processes: int = 0
    compute_slots: int = COMPUTE_SLOTS  # requests computing at once in a worker


class Desk:
    def __init__(self, settings: DeskSettings):
        self.settings = settings
        self._local = threading.local()
        self._reload = threading.Lock()
        self._signature: tuple[Any, ...] | None = None
        self._glossary: Glossary | None = None
        self._context: CheckContext | None = None
        self._shared_memory: Memory | None = None
        self._stores: dict[str, PostgresGlossary] = {}
        self._stores_lock = threading.Lock()
        self._memory_has_units = False
        # preferred term -> (when found, units); as many keys as the glossary has terms
        self._examples: dict[str, tuple[float, list[tuple[int, TranslationUnit]]]] = {}
        # Held to add to or copy _examples: even list(d.items()) can let another thread
        # in (an allocation may run the garbage collector, which runs Python code).
        self._examples_lock = threading.Lock()
        self.check_lane: CheckLane | None = None
        if settings.check_processes > 0:
            from termbase.server.scheduling import CheckLane

            self.check_lane = CheckLane(settings_json(settings), settings.check_processes)

    # --- the glossary and the checker ----------------------------------------------
    def _files_signature(self) -> tuple[Any, ...]:
        signature: list[tuple[Any, ...]] = []
        for path in self.settings.glossary_files:
            if is_stored(path):  # the versions of the files stored there
                signature.append((path, self._store(path).signature()))
                continue
            try:
                stat = os.stat(path)
                signature.append((path, stat.st_mtime_ns, stat.st_size))
            except OSError:
                signature.append((path, None, None))
        return tuple(signature)

    def _current(self) -> None:
        signature = self._files_signature()
        if signature == self._signature and self._glossary is not None:
            return
        with self._reload:
            if signature == self._signature and self._glossary is not None:
                return
            from termbase.glossary import Glossary

            self._glossary = Glossary.load(self.settings.glossary_files)
            self._context = None
            self._signature = signature

    def glossary(self) -> Glossary:
        """The glossary as its files are now."""
        self._current()
        assert self._glossary is not None
        return self._glossary

    def context(self) -> CheckContext:
        """The checker's context for the current glossary, built once per version."""
        self._current()
        with self._reload:
            if self._context is None:
                self._context = _shared_context(self.settings.glossary_files,
                                                self.settings.config)
            return self._context

    def selection(self) -> Selection:
        from termbase.check.service import selection_for

        return selection_for(self.settings.config)

    def _store(self, url: str) -> PostgresGlossary:
        """One connection per stored glossary for the signature checks, shared by the
        threads (the store takes turns)."""
        with self._stores_lock:
            store = self._stores.get(url)
            if store is None:
                from termbase.glossary.postgres import PostgresGlossary

                store = self._stores[url] = PostgresGlossary(url)
            return store

    @contextmanager
    def glossary_edit(self) -> Iterator[Glossary]:
        """The glossary, read fresh under an exclusive lock held until the edit is saved.
        Files stored in a database need no lock: saving one fails if another edit saved
        it since it was read (see termbase.glossary.postgres)."""
        files = [p for p in self.settings.glossary_files if not is_stored(p)]
        if not files:
            from termbase.glossary import Glossary

            yield Glossary.load(self.settings.glossary_files)
            return
        lock_path = Path(files[0]).with_name(".termbase-edit.lock")
        with open(lock_path, "a+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                from termbase.glossary import Glossary

                yield Glossary.load(self.settings.glossary_files)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # --- who changed what --------------------------------------------------------------
    def record_change(self, user: Any, action: str, what: str,
                      subject: str | None = None) -> None:
        self.accounts().record_change(user.name, action, what, subject)

    def history(self, subject: str | None, limit: int = 50) -> list[dict[str, str]]:
        """Who changed what, newest first: of subject (a concept id), or of anything."""
        return [{"at": at, "user": name, "action": action, "what": what}
                for at, name, action, what in self.accounts().changes(subject, limit)]

    # --- per-thread stores ------------------------------------------------------------
    def memory(self) -> Memory:
        """A SQLite memory per thread (a connection belongs to its thread); a PostgreSQL
        memory shared by all, its connection pool being the point."""
        from termbase.tm.store import open_memory

        if is_database_url(self.settings.memory):
            with self._reload:
                if self._shared_memory is None:
                    self._shared_memory = open_memory(self.settings.memory, create=True,
                                                      pool_size=SERVER_POOL_SIZE)
                return self._shared_memory
        memory = getattr(self._local, "memory", None)
        if memory is None:
            memory = self._local.memory = open_memory(self.settings.memory, create=True)
        return memory

    def memory_has_units(self) -> bool:
        """Whether the memory holds any unit. Counting them costs a scan of the table
        (tens of milliseconds at a million units), too much for every look-up: once the
        memory has units the answer is kept (a memory emptied later merely yields no
        examples)."""
        if not self._memory_has_units:
            self._memory_has_units = self.memory().count() > 0
        return self._memory_has_units

    def memory_examples(self, hits: Sequence[Hit]) -> dict[str, list[tuple[int, TranslationUnit]]]:
        """glossary.service.memory_examples for the hits of a look-up, each term's kept
        for EXAMPLES_SECONDS."""
        from termbase.glossary.service import TM_EXAMPLES

        if not self.memory_has_units():
            return {}
        terms = {hit.concept.id: preferred.text for hit in hits
                 if (preferred := hit.concept.preferred("id")) is not None}
        now = time.monotonic()
        kept = self._examples  # this one, even if a write drops it meanwhile
        stale = [text for text in terms.values()
                 if text not in kept or now - kept[text][0] > EXAMPLES_SECONDS]
        if stale:  # one connection for all of them, not one each
            self.keep_examples(kept, self.memory().examples(stale, TM_EXAMPLES), now)
        return {concept_id: kept[text][1] for concept_id, text in terms.items()}

    def keep_examples(self, kept: dict[str, tuple[float, list[tuple[int, TranslationUnit]]]],
                      found: dict[str, list[tuple[int, TranslationUnit]]],
                      now: float) -> None:
        """Add the examples found at now to kept (the examples dict a look-up read)."""
        with self._examples_lock:
            for text, units in found.items():
                kept[text] = (now, units)

    def memory_changed(self, added: Sequence[TranslationUnit] | None = None) -> None:
        """Units were added or changed through this worker: examples that may now differ
        are found afresh. With added (the units of one write), only the terms those
        units hold: dropping every term on every write made each look-up after it a
        concordance again, at a desk that writes several times a second."""
        if added is None:
            self._examples = {}
            self._memory_has_units = False
            return
        from termbase.tm.scoring import words
        from termbase.tm.store import _fts_terms

        self._memory_has_units = True
        held: set[str] = set()
        for unit in added:
            held.update(_fts_terms(words(unit.source)), _fts_terms(words(unit.target)))
        # A copy first, under the lock: look-ups in other threads add examples
        # meanwhile, and a dict that grows while it is iterated raises.
        with self._examples_lock:
            kept_now = list(self._examples.items())
        self._examples = {term: kept for term, kept in kept_now
                          if not set(_fts_terms(words(term))) <= held}

    def accounts(self) -> Accounts:
        accounts = getattr(self._local, "accounts", None)
        if accounts is None:
            from termbase.accounts import open_accounts

            accounts = self._local.accounts = open_accounts(self.settings.accounts)
        return accounts


# Contexts by the glossary files' content: applications over the same glossary (tests,
# several desks in one process) share one instead of each holding their own ~100 MB.
_CONTEXTS: OrderedDict[tuple[Any, ...], CheckContext] = OrderedDict()
_CONTEXTS_KEPT = 2
_CONTEXTS_LOCK = threading.Lock()


def _shared_context(files: list[str], config: Config) -> CheckContext:
    from termbase.check.service import load_context

    try:
        key = (tuple(hashlib.sha256(Path(f).read_bytes()).hexdigest() for f in files),
               config.dictionary, tuple(config.accept))
    except OSError:  # not files: built for this desk alone
        return load_context(files, config=config)
    with _CONTEXTS_LOCK:
        if key not in _CONTEXTS:
            _CONTEXTS[key] = load_context(files, config=config)
            while len(_CONTEXTS) > _CONTEXTS_KEPT:
                _CONTEXTS.popitem(last=False)
        _CONTEXTS.move_to_end(key)
        return _CONTEXTS[key]


def desk_settings(memory: str | None = None, accounts: str | None = None,
                  public_read: bool = False, glossary: Sequence[str] = ()
                  ) -> DeskSettings:
    """The workspace's settings as `termbase serve` reads them; memory (a file or a
    postgresql:// URL) also holds the accounts unless accounts says otherwise; glossary
    (TBX files or postgresql:// URLs) replaces the workspace's glossaries."""
    from termbase.config import find_config, load_config
    from termbase.glossary.service import glossary_paths
    from termbase.tm.service import memory_path
    from termbase.workspace import accounts_location

    config = load_config(find_config())
    memory_location = memory or memory_path()
    if accounts is None:
        accounts = memory if memory and is_database_url(memory) else accounts_location(config)
    if not glossary and memory and is_database_url(memory) and _stores_glossary(memory):
        glossary = [memory]  # one database for the whole desk, its glossary included
    return DeskSettings(
        glossary_files=[str(p) for p in glossary_paths(glossary)],
        memory=memory_location, accounts=accounts, config=config, public_read=public_read)


def _stores_glossary(url: str) -> bool:
    """Whether the database at url holds glossary files (`termbase glossary import FILE
    --into URL` puts them there)."""
    from termbase.glossary.postgres import PostgresGlossary

    with PostgresGlossary(url) as store:
        return bool(store.names())


def settings_json(settings: DeskSettings) -> str:
    """The settings as JSON, for processes that build their own desk: uvicorn's workers
    (through the environment) and the check processes."""
    return json.dumps(dataclasses.asdict(settings))


def settings_from_json(text: str) -> DeskSettings:
    from termbase.config import Config

    values = json.loads(text)
    config = Config(**values.pop("config"))
    return DeskSettings(config=config, **values)
