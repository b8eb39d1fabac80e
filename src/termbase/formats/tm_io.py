"""Translation-memory files in every format termbase reads and writes, chosen by name.

The formats are registry.MEMORY's (tmx, xliff read only, po, tsv); detection goes by
extension, then by content (formats/registry.py). Writing is atomic: the output goes
to a temporary file in the target's folder, which replaces the target only when
complete, so an error (or a crash) leaves the old file, never half a new one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from termbase.formats.registry import MEMORY
from termbase.lang.tags import base_language, normal_tag
from termbase.model import TranslationUnit
from termbase.textio import atomic_write

OnSkip = Callable[[int | None, str], None]

TM_FORMATS = tuple(MEMORY.names(writable=True))


def detect_tm_format(path: str | os.PathLike[str]) -> str:
    """'tmx', 'po', 'tsv' or 'xliff' (read, not written)."""
    return MEMORY.detect(path).name


def memory_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The format fmt names (checked), else the file's: 'tmx', 'po', 'tsv' or 'xliff'."""
    return MEMORY.get(fmt, str(path)).name if fmt else MEMORY.detect(path).name


def memory_tag(tag: str) -> str:
    """A language as a memory stores it when the file gives no tag of its own: the
    BCP 47 form, bare Indonesian and English as id-ID and en-US (the tags termbase has
    always written)."""
    normal = normal_tag(tag)
    return {"id": "id-ID", "en": "en-US"}.get(normal, normal)


def stated_tag(tag: str, expected: str) -> str:
    """A tag a file states, in BCP 47 form; a bare language that is expected's keeps
    expected's region ("en" stays "en-US" when en-US is expected)."""
    normal = normal_tag(tag)
    if normal and "-" not in normal and base_language(normal) == base_language(expected):
        return memory_tag(expected)
    return normal


def iter_units(path: str | os.PathLike[str], fmt: str | None = None,
               on_skip: OnSkip | None = None, source_lang: str = "id",
               target_lang: str = "en") -> Iterator[TranslationUnit]:
    """The translation units of a file, streamed where the format allows.

    Units are yielded as they are read, so an InputError for a fault late in a file
    comes after the units before it: wrap an import in one transaction.
    """
    name = str(path)
    chosen = MEMORY.get(fmt, name) if fmt else MEMORY.detect(path)
    assert chosen.read is not None  # every memory format is read
    units: Iterator[TranslationUnit] = chosen.read(path, name, source_lang, target_lang,
                                                   on_skip)
    return units


def write_units(units: Iterable[TranslationUnit], path: str | os.PathLike[str],
                fmt: str | None = None, source_lang: str = "id-ID",
                target_lang: str = "en-US") -> int:
    """Write units to path atomically in fmt (by default the extension's); returns how
    many were written."""
    write = MEMORY.for_output(path, fmt).write
    assert write is not None  # for_output returns writable formats only
    written: int = atomic_write(path, lambda handle: write(handle, units, source_lang,
                                                           target_lang))
    return written
