"""The translation memory as a library service: where it is, import, export.

The command line and any other program (the HTTP server) call these functions the same
way; none of them prints. Each file is imported in one transaction, so a file that fails
part-way leaves the memory as it was before it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import InputError
from termbase.tm.store import Memory

# Given a file's name, a context that yields the callback counting its units.
ProgressFactory = Callable[[str], AbstractContextManager[Callable[[int], None]]]


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


def import_file(memory: Memory, path: str, input_format: str | None = None,
                source_lang: str = "id", target_lang: str = "en",
                progress: Callable[[int], None] | None = None) -> FileImport:
    """Import one TMX, PO, TSV or XLIFF file in one transaction; skips are counted."""
    from termbase.formats.tm_io import iter_units

    skipped_in_reading: list[str] = []

    def on_skip(line: int | None, reason: str) -> None:
        skipped_in_reading.append(reason)

    units = iter_units(path, input_format, on_skip=on_skip, source_lang=source_lang,
                       target_lang=target_lang)
    report = memory.import_units(units, origin=path, progress=progress)
    for reason in skipped_in_reading:
        report.skip(reason)
    return FileImport(path, report.added, report.updated, report.skipped,
                      dict(report.reasons))


def import_files(path: str, files: Sequence[str], input_format: str | None = None,
                 source_lang: str = "id", target_lang: str = "en",
                 progress: ProgressFactory | None = None,
                 on_file: Callable[[FileImport], None] | None = None) -> ImportSummary:
    """Import files into the memory at path, creating it when needed, one transaction
    per file. Every file is checked readable before any is imported; a run that fails
    leaves no empty memory it created behind. on_file hears of each file as it is done.
    """
    from termbase.textio import check_readable
    from termbase.tm.store import open_memory

    for name in files:  # a missing or unreadable file stops the run before any import
        check_readable(name)
    target = Path(path)
    created = not target.exists()
    memory = open_memory(path, create=True)
    summary = ImportSummary(memory.path, 0)
    try:
        for name in files:
            if progress is None:
                done = import_file(memory, name, input_format, source_lang, target_lang)
            else:
                with progress(name) as advance:
                    done = import_file(memory, name, input_format, source_lang,
                                       target_lang, advance)
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


def export_memory(path: str, output: str, output_format: str) -> int:
    """Write the whole memory at path as TMX, PO or TSV, atomically; the units written."""
    from termbase.formats.tm_io import write_units
    from termbase.tm.store import open_memory

    memory = open_memory(path, create=False)
    try:
        write_units((unit for _, unit in memory.units()), output, output_format)
        return memory.count()
    finally:
        memory.close()
