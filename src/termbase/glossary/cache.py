"""A cache of parsed glossaries, keyed by the TBX files' content.

Parsing a TBX file is mostly Python walking elements (a 20,000-concept file takes over
a second); unpickling the result takes a fraction of that. The key is a hash of the
file's bytes and of termbase's version, so an edited file or a new termbase never sees
a stale entry. The cache lives in $TERMBASE_CACHE_DIR, else $XDG_CACHE_HOME/termbase,
else ~/.cache/termbase; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from termbase import __version__
from termbase.errors import InputError
from termbase.formats.tbx import parse_tbx
from termbase.glossary.matcher import term_tokens
from termbase.model import Concept
from termbase.textio import atomic_write_bytes, read_bytes

# Bumped whenever what parse_tbx accepts changes, not only its output: 3 since the safe
# XML reader of issue #9, so a hostile file parsed before it is parsed again (and refused).
CACHE_FORMAT = 3


def cache_folder() -> Path:
    explicit = os.environ.get("TERMBASE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "termbase"


def _parse(data: bytes, path: str) -> list[Concept]:
    concepts = parse_tbx(data, path)
    for concept in concepts:
        for term in concept.terms:
            term.match_key = tuple(term_tokens(term.text))
    return concepts


def load_concepts(path: str | os.PathLike[str]) -> list[Concept]:
    """The concepts of a TBX file, from the cache when its content was seen before."""
    name = str(path)
    data = read_bytes(name)
    digest = hashlib.sha256(data)
    digest.update(f"{__version__}/{CACHE_FORMAT}".encode())
    entry = cache_folder() / f"{digest.hexdigest()}.pickle"
    concepts = _read_entry(entry)
    if concepts is None:
        concepts = _parse(data, name)
        _write_entry(entry, concepts)
    for concept in concepts:
        concept.source = name
    return concepts


def _read_entry(entry: Path) -> list[Concept] | None:
    try:
        with entry.open("rb") as handle:
            concepts = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            ValueError, TypeError):
        return None
    return concepts if isinstance(concepts, list) else None


def _write_entry(entry: Path, concepts: list[Concept]) -> None:
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry, pickle.dumps(concepts, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, InputError):  # atomic_write reports the OS refusing as InputError
        pass  # a read-only or full disk only costs the next run a parse
