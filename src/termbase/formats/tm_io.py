"""Translation-memory files in every format termbase reads and writes, chosen by name.

    tmx     TMX 1.4b (formats/tmx.py), streamed both ways
    tsv     source<TAB>target lines (formats/tm_tsv.py), streamed both ways
    po      gettext PO, msgid = source (formats/tm_po.py), read and built whole
    xliff   XLIFF 1.2 / 2.0 (formats/xliff.py), read only: the confirmed translations

Detection goes by extension (.tmx; .po/.pot; .tsv/.txt/.tab; .xlf/.xliff); a file
with another extension is sniffed (<tmx or <xliff near the start). Writing is atomic:
the output goes to a temporary file in the target's folder, which replaces the target
only when complete, so an error (or a crash) leaves the old file, never half a new one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from termbase.errors import InputError
from termbase.formats.tm_po import iter_po, write_po
from termbase.formats.tm_tsv import iter_tsv, write_tsv_to
from termbase.formats.tmx import iter_tmx, write_tmx_to
from termbase.lang.tags import base_language, normal_tag
from termbase.model import TranslationUnit
from termbase.textio import atomic_write

OnSkip = Callable[[int | None, str], None]

TM_FORMATS = ("tmx", "tsv", "po")
_BY_EXTENSION = {".tmx": "tmx", ".po": "po", ".pot": "po", ".tsv": "tsv", ".txt": "tsv",
                 ".tab": "tsv", ".xlf": "xliff", ".xliff": "xliff"}
_SNIFF = 4096


def detect_tm_format(path: str | os.PathLike[str]) -> str:
    """'tmx', 'po', 'tsv' or 'xliff' (read, not written)."""
    name = str(path)
    extension = Path(name).suffix.lower()
    if extension in _BY_EXTENSION:
        return _BY_EXTENSION[extension]
    sniffed = _sniff(path)
    if sniffed:
        return sniffed
    known = ", ".join(sorted(_BY_EXTENSION))
    raise InputError(f"unknown translation-memory format {extension or '(no extension)'!r} "
                     f"(known extensions: {known})", name)


def _sniff(path: str | os.PathLike[str]) -> str | None:
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SNIFF)
    except OSError:
        return None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        text = head[2:].replace(b"\x00", b"").decode("ascii", errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    for root, fmt in (("<tmx", "tmx"), ("<xliff", "xliff")):
        if root in text:
            return fmt
    return None


def iter_units(path: str | os.PathLike[str], fmt: str | None = None,
               on_skip: OnSkip | None = None, source_lang: str = "id",
               target_lang: str = "en") -> Iterator[TranslationUnit]:
    """The translation units of a file, streamed where the format allows.

    Units are yielded as they are read, so an InputError for a fault late in a file
    comes after the units before it: wrap an import in one transaction.
    """
    name = str(path)
    fmt = fmt or detect_tm_format(path)
    if fmt == "tmx":
        return iter_tmx(path, name, source_lang, target_lang, on_skip)
    if fmt == "tsv":
        return iter_tsv(path, name, source_lang, target_lang, on_skip)
    if fmt == "po":
        return iter_po(path, name, on_skip)
    if fmt == "xliff":
        return _iter_xliff(name, source_lang, target_lang, on_skip)
    raise InputError(f"unknown translation-memory format {fmt!r} (known: "
                     f"{', '.join(TM_FORMATS)})", name)


def _iter_xliff(name: str, source_lang: str, target_lang: str,
                on_skip: OnSkip | None) -> Iterator[TranslationUnit]:
    """The confirmed translations of an XLIFF file (1.2: approved="yes" or state
    translated, signed-off, final; 2.0: state translated, reviewed, final) as units
    whose origin is the <file>'s original (the article). Others are reported through
    on_skip. The file is read whole (XLIFF files are articles, not memories); a unit in
    the other direction (en -> id when id -> en is wanted) is swapped."""
    from termbase.formats.xliff import is_confirmed, read_xliff

    meta, _ = read_xliff(name)

    def skip(line: int | None, reason: str) -> None:
        if on_skip:
            on_skip(line, reason)

    def generate() -> Iterator[TranslationUnit]:
        for xliff_file in meta.files:
            for located in xliff_file.located:
                unit = located.unit
                line = unit.target_line or unit.source_line
                if not located.translate:
                    skip(line, 'translate="no"')
                    continue
                if not unit.target.strip():
                    skip(line, "no translation")
                    continue
                if not is_confirmed(unit, meta.version):
                    state = unit.state or ("initial" if meta.version.startswith("2") else "")
                    skip(line, f"unconfirmed translation (state {state})" if state
                         else "unconfirmed translation (no state)")
                    continue
                languages = (base_language(unit.source_lang), base_language(unit.target_lang))
                wanted = (base_language(source_lang), base_language(target_lang))
                source, target = unit.source, unit.target
                source_tag, target_tag = unit.source_lang, unit.target_lang
                if languages == wanted[::-1] and wanted[0] != wanted[1]:
                    source, target = target, source
                    source_tag, target_tag = target_tag, source_tag
                elif languages != wanted:
                    skip(line, f"languages {languages[0]}→{languages[1]}, not "
                               f"{wanted[0]}→{wanted[1]}")
                    continue
                yield TranslationUnit(source, target, normal_tag(source_tag),
                                      normal_tag(target_tag),
                                      origin=xliff_file.original or None, line=line)

    return generate()


def write_units(units: Iterable[TranslationUnit], path: str | os.PathLike[str],
                fmt: str | None = None, source_lang: str = "id-ID",
                target_lang: str = "en-US") -> int:
    """Write units to path atomically; returns how many were written."""
    name = str(path)
    fmt = fmt or detect_tm_format(path)
    writer: Callable[[IO[bytes]], int]
    if fmt == "tmx":
        def writer(handle: IO[bytes]) -> int:
            return write_tmx_to(handle, units, source_lang, target_lang)
    elif fmt == "tsv":
        def writer(handle: IO[bytes]) -> int:
            return write_tsv_to(handle, units)
    elif fmt == "po":
        def writer(handle: IO[bytes]) -> int:
            counted = _Counted(units)
            handle.write(write_po(counted, base_language(source_lang),
                                  base_language(target_lang)).encode("utf-8"))
            return counted.count
    else:
        raise InputError(f"cannot write translation-memory format {fmt!r} (known: "
                         f"{', '.join(TM_FORMATS)})", name)
    return atomic_write(path, writer)


class _Counted:
    def __init__(self, units: Iterable[TranslationUnit]):
        self._units = units
        self.count = 0

    def __iter__(self) -> Iterator[TranslationUnit]:
        for unit in self._units:
            self.count += 1
            yield unit
