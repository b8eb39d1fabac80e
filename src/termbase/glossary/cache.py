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
from termbase.formats.tbx import TbxNotice, parse_tbx, warn_notices
from termbase.glossary.matcher import term_tokens
from termbase.model import Concept
from termbase.textio import atomic_write_bytes, read_bytes

# Bumped whenever what parse_tbx accepts changes, not only its output: 3 since the safe
# XML reader of issue #9, so a hostile file parsed before it is parsed again (and refused);
# 4 since an odd term is left out with a notice (issue #11), kept with the concepts.
CACHE_FORMAT = 4


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
    digest.update(f"{__version__}/{CACHE_FORMAT}".encode())
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
