"""A cache of parsed glossaries, keyed by the TBX files' content.

Parsing a TBX file is mostly Python walking elements (a 20,000-concept file takes over
a second); unpickling the result takes a fraction of that. The key is a hash of the
file's bytes, of termbase's version and of its code and data files (their names, sizes
and modification times), so an edited file, a new termbase or a changed reader never
sees a stale entry. The cache lives in $TERMBASE_CACHE_DIR, else $XDG_CACHE_HOME/termbase,
else ~/.cache/termbase; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path

from termbase import __version__
from termbase.errors import InputError
from termbase.formats.tbx import TbxNotice, parse_tbx, warn_notices
from termbase.glossary.matcher import term_tokens
from termbase.model import Concept
from termbase.textio import atomic_write_bytes, read_bytes

CODE_SUFFIXES = (".py", ".txt")  # what parsing a glossary may depend on: code, word lists


def cache_folder() -> Path:
    explicit = os.environ.get("TERMBASE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termbase"


Parsed = tuple[list[Concept], list[TbxNotice]]


def _parse(data: bytes, path: str) -> Parsed:
    notices: list[TbxNotice] = []
    concepts = parse_tbx(data, path, notices=notices)
    for concept in concepts:
        for term in concept.terms:
            term.match_key = tuple(term_tokens(term.text))
    return concepts, notices


def load_concepts(path: str | os.PathLike[str]) -> list[Concept]:
    """The concepts of a TBX file, from the cache when its content was seen before; what
    the reader left out is a TermbaseWarning each time (see parse_tbx)."""
    name = str(path)
    return concepts_of(read_bytes(name), name)


def concepts_of(data: bytes, name: str) -> list[Concept]:
    """The concepts of a TBX document's bytes (a file's, or a stored one's), their
    source set to name; cached as load_concepts caches a file's."""
    digest = hashlib.sha256(data)
    digest.update(f"{__version__}/{code_signature()}".encode())
    entry = cache_folder() / f"{digest.hexdigest()}.pickle"
    parsed = _read_entry(entry)
    if parsed is None:
        parsed = _parse(data, name)
        _write_entry(entry, parsed)
    concepts, notices = parsed
    warn_notices(notices, name)
    for concept in concepts:
        concept.source = name
    return concepts


@cache
def code_signature() -> str:
    """A digest of termbase's own files as installed (names, sizes, modification
    times): a reader whose output or whose refusals change (the safe XML reader of issue
    #9 refuses files it once parsed) must not be answered from an entry the old code
    wrote. It used to be a number bumped by hand, which a change could forget."""
    return folder_signature(Path(__file__).resolve().parents[1])


def folder_signature(root: Path) -> str:
    """The digest code_signature takes, of any folder."""
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(CODE_SUFFIXES):
                path = os.path.join(folder, name)
                found = os.stat(path)
                digest.update(f"{os.path.relpath(path, root)}:{found.st_size}:"
                              f"{found.st_mtime_ns};".encode())
    return digest.hexdigest()


def _read_entry(entry: Path) -> Parsed | None:
    try:
        with entry.open("rb") as handle:
            parsed = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            ValueError, TypeError):
        return None
    if isinstance(parsed, tuple) and len(parsed) == 2 and all(
            isinstance(part, list) for part in parsed):
        return parsed[0], parsed[1]
    return None


def _write_entry(entry: Path, parsed: Parsed) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, InputError):  # atomic_write reports the OS refusing as InputError
        pass  # a read-only or full disk only costs the next run a parse
