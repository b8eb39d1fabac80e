"""Glossary files in every format termbase reads and writes, chosen by name.

    tbx     TBX-Basic v2 (<martif>), what translate-toolkit and OmegaT read
    tbx3    TBX-Basic v3 (<tbx>, ISO 30042:2019), DCA style
    csv     one row per term (formats/csv.py)
    omegat  OmegaT tab-separated glossary, source<TAB>target<TAB>comment
    po      gettext PO, one entry per source term, msgctxt = concept id

Detection goes by extension; for .tbx and .xml the root element decides between v2
and v3 (the reader reads both anyway).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from termbase.errors import InputError
from termbase.formats.csv import read_csv, write_csv
from termbase.formats.omegat import read_omegat, write_omegat
from termbase.formats.po import read_po, write_po
from termbase.formats.tbx import parse_tbx, write_tbx
from termbase.formats.xml import PrologTruncated, decide_encoding, read_prolog
from termbase.model import Concept
from termbase.textio import atomic_write_bytes, read_bytes


@dataclass(frozen=True)
class GlossaryFormat:
    name: str
    extensions: tuple[str, ...]
    read: Callable[[bytes, str], list[Concept]]
    write: Callable[[list[Concept]], bytes]
    description: str


FORMATS: dict[str, GlossaryFormat] = {
    "tbx": GlossaryFormat("tbx", (".tbx", ".xml"), parse_tbx,
                          lambda concepts: write_tbx(concepts, version=2),
                          "TBX-Basic v2 (<martif>)"),
    "tbx3": GlossaryFormat("tbx3", (".tbx", ".xml"), parse_tbx,
                           lambda concepts: write_tbx(concepts, version=3),
                           "TBX-Basic v3 (<tbx>, ISO 30042:2019)"),
    "csv": GlossaryFormat("csv", (".csv",), read_csv,
                          lambda concepts: write_csv(concepts).encode("utf-8"),
                          "CSV, one row per term"),
    "omegat": GlossaryFormat("omegat", (".utf8", ".txt", ".tsv", ".tab"), read_omegat,
                             lambda concepts: write_omegat(concepts).encode("utf-8"),
                             "OmegaT tab-separated glossary"),
    "po": GlossaryFormat("po", (".po", ".pot"), read_po,
                         lambda concepts: write_po(concepts).encode("utf-8"),
                         "gettext PO, one entry per Indonesian term"),
}

_BY_EXTENSION = {".csv": "csv", ".tsv": "omegat", ".txt": "omegat", ".utf8": "omegat",
                 ".tab": "omegat", ".po": "po", ".pot": "po"}


def detect_format(path: str | os.PathLike[str], data: bytes | None = None) -> str:
    """The format name for a file, from its extension (and, for XML, its root)."""
    name = str(path)
    extension = Path(name).suffix.lower()
    if extension in (".tbx", ".xml"):
        return "tbx3" if _xml_root(data or b"") == "tbx" else "tbx"
    if extension in _BY_EXTENSION:
        return _BY_EXTENSION[extension]
    known = ", ".join(sorted({".tbx", ".xml", *_BY_EXTENSION}))
    raise InputError(f"unknown glossary format {extension or '(no extension)'!r} "
                     f"(known extensions: {known})", name)


def _xml_root(data: bytes) -> str | None:
    """The root element's local name, or None when the prolog does not read (the
    reader then reports why)."""
    try:
        codec, bom = decide_encoding(data[:1024], "")
        head = data[bom:bom + 64 * 1024].decode(codec, errors="replace")
        return read_prolog(head, "", complete=False).root_name
    except (InputError, PrologTruncated):
        return None


def read_glossary_file(path: str | os.PathLike[str], fmt: str | None = None) -> list[Concept]:
    """Concepts from a glossary file in any known format (detected unless fmt is given)."""
    name = str(path)
    data = read_bytes(path)
    fmt = fmt or detect_format(name, data)
    if fmt not in FORMATS:
        raise InputError(f"unknown glossary format {fmt!r} (known: {', '.join(FORMATS)})",
                         name)
    return FORMATS[fmt].read(data, name)


def write_glossary_file(concepts: list[Concept], path: str | os.PathLike[str],
                        fmt: str | None = None) -> None:
    """Write concepts in a format (by default from the extension; .tbx means v2).

    The whole file is serialised before anything touches the disk, then written to a
    temporary file and renamed over the target: an error leaves the old file intact.
    """
    name = str(path)
    if fmt is None:
        fmt = detect_format(name, b"")
    if fmt not in FORMATS:
        raise InputError(f"unknown glossary format {fmt!r} (known: {', '.join(FORMATS)})",
                         name)
    data = FORMATS[fmt].write(concepts)
    atomic_write_bytes(path, data)
