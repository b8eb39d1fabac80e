"""The translation memory as a library service: where it is, import, export.

The command line and any other program (the HTTP server) call these functions the same
way; none of them prints. Each file is imported in one transaction, so a file that fails
part-way leaves the memory as it was before it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from termbase.errors import InputError
from termbase.model import TranslationUnit
from termbase.tm.store import Memory


class ImportProgress(Protocol):
    """What a display of one file's import hears of."""

    def read(self, count: int) -> None:
        """count more bytes of the file were read (a PO or XLIFF file: all at once)."""

    def units(self, count: int) -> None:
        """count more units were written."""

    def indexing(self) -> None:
        """Every unit is written; the search index of the new ones is being built."""


# Given a file's name, a context that yields the ImportProgress for it.
ProgressFactory = Callable[[str], AbstractContextManager[ImportProgress]]


def check_pair(source: str, target: str) -> None:
    """InputError unless both sides of a pair typed by the user hold text: an empty or
    blank source or target is no translation (an import skips such a unit)."""
    for side, text in (("source", source), ("target", target)):
        if not text.strip():
            raise InputError(f"the {side} is empty: a pair needs text on both sides")


def memory_path(explicit: str | None = None) -> str:
    """explicit, else $TERMBASE_TM, else the configuration's tm, else the default."""
    from termbase.config import find_config, load_config
    from termbase.tm.store import default_memory_path

    if explicit:
        return explicit
    if os.environ.get("TERMBASE_TM"):
        return os.environ["TERMBASE_TM"]
    return load_config(find_config()).tm or str(default_memory_path())


@dataclass
class FileImport:
    """What importing one file did."""

    path: str
    added: int
    updated: int
    skipped: int
    reasons: dict[str, int] = field(default_factory=dict)  # reason -> units skipped for it


@dataclass
class ImportSummary:
    memory: str  # the memory's path
    units: int  # units in the memory afterwards
    files: list[FileImport] = field(default_factory=list)


# Where each format states the languages, for the message refusing them.
_STATED_BY = {"po": "its header's Language, and X-Source-Language or the pair's source",
              "tsv": "its header line",
              "xliff": "its <file> languages", "tmx": "xml:lang"}


def import_pair(memory: Memory, source_lang: str | None = None,
                target_lang: str | None = None,
                desk: tuple[str, str] | None = None) -> tuple[str, str]:
    """The language pair an import reads files in: --from / --to where given, else the
    memory's pair, else the desk's (the workspace's languages), else id-ID / en-US.
    InputError (naming the memory) if the languages given are not the memory's pair,
    either way round."""
    from termbase.formats.tm_io import memory_tag
    from termbase.lang.tags import base_language

    stored = memory.language_pair()
    defaults = stored or ((memory_tag(desk[0]), memory_tag(desk[1])) if desk
                          else ("id-ID", "en-US"))
    pair = (memory_tag(source_lang) if source_lang else defaults[0],
            memory_tag(target_lang) if target_lang else defaults[1])
    if source_lang and not target_lang and stored and \
            base_language(source_lang) == base_language(stored[1]):
        pair = (pair[0], stored[0])  # --from en alone, on an id→en memory: en→id
    if target_lang and not source_lang and stored and \
            base_language(target_lang) == base_language(stored[0]):
        pair = (stored[1], pair[1])
    if stored:
        bases = (base_language(pair[0]), base_language(pair[1]))
        wanted = (base_language(stored[0]), base_language(stored[1]))
        if bases not in (wanted, wanted[::-1]):
            raise InputError(f"the memory is {stored[0]}→{stored[1]}; --from/--to ask for "
                             f"{pair[0]}→{pair[1]}", memory.path)
    return pair


def import_file(memory: Memory, path: str, input_format: str | None = None,
                source_lang: str | None = None, target_lang: str | None = None,
                progress: ImportProgress | None = None,
                desk: tuple[str, str] | None = None) -> FileImport:
    """Import one TMX, PO, TSV or XLIFF file in one transaction; skips are counted.

    Languages the file states are checked against the import's pair (import_pair): a
    unit in another pair stops the import of the file (InputError with the file and
    the unit's line) and nothing of it is kept. A language it does not state is the
    pair's; for XLIFF, only if --from/--to or the memory named it: an XLIFF without
    target-language imported into a new memory without --to is refused."""
    from termbase.formats.tm_io import iter_units, memory_format
    from termbase.textio import metered_reading

    fmt = memory_format(path, input_format)
    pair = import_pair(memory, source_lang, target_lang, desk)
    # a PO-derived XLIFF names no source language, like a PO: the pair's (default id)
    known = (True, target_lang is not None or memory.language_pair() is not None)
    skipped_in_reading: list[str] = []

    def on_skip(line: int | None, reason: str) -> None:
        skipped_in_reading.append(reason)

    why = ("the memory's pair" if memory.language_pair() else "--from/--to"
           if source_lang or target_lang else
           "the workspace's default (termbase.toml); name another with --from/--to" if desk
           else "the default; name another with --from/--to")
    units = _in_pair(iter_units(path, fmt, on_skip=on_skip, source_lang=pair[0],
                                target_lang=pair[1]), pair, known, path, fmt, why)
    units = _some_in_pair(units, skipped_in_reading, pair, path, why)
    if progress is None:
        report = memory.import_units(units, origin=path, pair=pair)
    else:
        with metered_reading(progress.read):
            report = memory.import_units(units, origin=path, progress=progress.units,
                                         pair=pair, on_indexing=progress.indexing)
    for reason in skipped_in_reading:
        report.skip(reason)
    return FileImport(path, report.added, report.updated, report.skipped,
                      dict(report.reasons))


def _some_in_pair(units: Iterator[TranslationUnit], skipped: list[str],
                  pair: tuple[str, str], path: str, why: str) -> Iterator[TranslationUnit]:
    """units; InputError at their end if there were none and every tu skipped lacked a
    language of the pair (a TMX in another pair), so that the file is refused."""
    taken = 0
    for taken, unit in enumerate(units, start=1):  # noqa: B007
        yield unit
    if not taken and skipped and all(r.startswith("no tuv in") for r in skipped):
        raise InputError(f"no unit in {pair[0]}→{pair[1]} ({why}): {len(skipped)} without "
                         "tuvs in both; nothing imported from this file", path)


def _in_pair(units: Iterable[TranslationUnit], pair: tuple[str, str],
             known: tuple[bool, bool], path: str, fmt: str,
             why: str) -> Iterator[TranslationUnit]:
    """units with the languages they leave empty filled from pair (if known), each
    checked: InputError for one in another pair."""
    from termbase.lang.tags import base_language

    wanted = (base_language(pair[0]), base_language(pair[1]))
    for unit in units:
        for side, option, number in (("source", "--from", 0), ("target", "--to", 1)):
            if getattr(unit, f"{side}_lang"):
                continue
            if not known[number]:
                raise InputError(f"the file names no {side} language; say which with "
                                 f"{option}", path, unit.line)
            setattr(unit, f"{side}_lang", pair[number])
        bases = (base_language(unit.source_lang), base_language(unit.target_lang))
        if bases not in (wanted, wanted[::-1]):
            raise InputError(
                f"languages {unit.source_lang}→{unit.target_lang} (from "
                f"{_STATED_BY.get(fmt, 'the file')}), not {pair[0]}→{pair[1]} ({why}); "
                "nothing imported from this file", path, unit.line)
        yield unit


def import_files(path: str, files: Sequence[str], input_format: str | None = None,
                 source_lang: str | None = None, target_lang: str | None = None,
                 progress: ProgressFactory | None = None,
                 on_file: Callable[[FileImport], None] | None = None,
                 desk: tuple[str, str] | None = None) -> ImportSummary:
    """Import files into the memory at path, creating it when needed, one transaction
    per file. Every file is checked readable before any is imported; a run that fails
    leaves no empty memory it created behind. on_file hears of each file as it is done.
    """
    from termbase.textio import check_readable
    from termbase.tm.store import open_memory

    for name in files:  # a missing or unreadable file stops the run before any import
        check_readable(name)
    from termbase.locations import is_database_url

    target = Path(path)
    created = not is_database_url(path) and not target.exists()  # a file, to remove
    memory = open_memory(path, create=True)
    summary = ImportSummary(memory.path, 0)
    try:
        for name in files:
            if progress is None:
                done = import_file(memory, name, input_format, source_lang, target_lang,
                                   desk=desk)
            else:
                with progress(name) as display:
                    done = import_file(memory, name, input_format, source_lang,
                                       target_lang, display, desk)
            summary.files.append(done)
            if on_file is not None:
                on_file(done)
    except BaseException:
        if created and memory.count() == 0:  # leave no empty memory behind a failed run
            memory.close()
            for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
                leftover.unlink(missing_ok=True)
        raise
    summary.units = memory.count()
    memory.close()
    return summary


def search_languages(memory: Memory, source_lang: str | None = None) -> tuple[str, str]:
    """(language of the query, language of the matches) for a search of memory: the
    memory's pair, turned round when source_lang is its target language; id / en (or
    en / id) for a memory without a pair. InputError if source_lang is neither of the
    memory's languages: such a search could find nothing."""
    from termbase.lang.tags import base_language

    pair = memory.language_pair()
    if pair is None:
        source = base_language(source_lang or "id")
        if source not in ("id", "en"):
            raise InputError(f"--from {source_lang}: this memory records no language pair; "
                             "search it from id or en", memory.path)
        return (source, "en" if source == "id" else "id")
    source, target = base_language(pair[0]), base_language(pair[1])
    if source_lang is None or base_language(source_lang) == source:
        return (source, target)
    if base_language(source_lang) == target:
        return (target, source)
    raise InputError(f"the memory is {pair[0]}→{pair[1]}: a search from {source_lang} finds "
                     f"nothing (--from {source} or --from {target})", memory.path)


def export_memory(path: str, output: str, output_format: str) -> int:
    """Write the whole memory at path as TMX, PO or TSV, atomically; the units written.

    TMX labels each tuv with the unit's stored tags; PO (Language, X-Source-Language)
    and TSV (a header line) name the memory's pair, and hold that pair only: a unit
    stored the other way round is written turned round, and a memory made before pairs
    were recorded that holds units of another pair is refused for them (InputError)."""
    from termbase.formats.tm_io import write_units
    from termbase.tm.store import open_memory

    memory = open_memory(path, create=False)
    try:
        pair = memory.language_pair() or ("id-ID", "en-US")
        units: Iterable[TranslationUnit] = (unit for _, unit in memory.units())
        if output_format != "tmx":
            units = _one_pair(units, pair, memory.path, output_format)
        write_units(units, output, output_format, pair[0], pair[1])
        return memory.count()
    finally:
        memory.close()


def _one_pair(units: Iterable[TranslationUnit], pair: tuple[str, str], path: str,
              output_format: str) -> Iterator[TranslationUnit]:
    from termbase.lang.tags import base_language
    from termbase.tm.store import swapped

    wanted = (base_language(pair[0]), base_language(pair[1]))
    for unit in units:
        bases = (base_language(unit.source_lang), base_language(unit.target_lang))
        if bases == wanted:
            yield unit
        elif bases == wanted[::-1]:
            yield swapped(unit)
        else:
            raise InputError(f"the memory holds {unit.source_lang}→{unit.target_lang} units "
                             f"beside its pair {pair[0]}→{pair[1]}, and "
                             f"{output_format.upper()} holds one pair: export as TMX", path)
