"""Every file format termbase reads or writes, one registry per kind of data.

    GLOSSARY   concepts           read(data: bytes, name) -> list[Concept]
                                  write(concepts) -> bytes
    MEMORY     translation units  read(path, name, source_lang, target_lang, on_skip)
                                      -> Iterator[TranslationUnit]   (streamed)
                                  write(file_obj, units, source_lang, target_lang) -> int
    BILINGUAL  units with their positions, for checking
                                  read(path) -> BilingualFile
    HANDOFF    what `termbase export` hands a translator
                                  write(articles, copy_source) -> bytes (no read)

A format is one entry: its name, extensions, a description, a sniffer that recognises
its content, and the same read and write for every format of a kind (write None: the
format is read only). Adding a format is one module and one line here.

Detection (`Kind.detect`) goes by extension first; when several formats share the
extension (.tbx for TBX v2 and v3) the content decides between them, and a file whose
extension none claims is sniffed: the root element of XML, a `msgid` line of PO, tabs
of tab-separated text. Output (`Kind.for_output`) goes by `--format`, else by the
extension alone; an extension no format claims is a one-line InputError.

Nothing here imports a format's module until that format is read or written, so the
command line can build its `--format` choices without paying for lxml or polib.
"""

from __future__ import annotations

import codecs
import importlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termbase.errors import InputError

SNIFF_BYTES = 4096

Sniffer = Callable[[bytes], bool]


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    description: str
    sniff: Sniffer | None  # None: recognised by its extension only
    read: Callable[..., Any] | None
    write: Callable[..., Any] | None


@dataclass(frozen=True)
class Kind:
    """The formats of one kind of data, in the order sniffing tries them."""

    label: str  # "glossary", "translation-memory", ...
    formats: tuple[Format, ...]

    def names(self, writable: bool = False) -> list[str]:
        return [f.name for f in self.formats if f.write is not None or not writable]

    def extensions(self) -> list[str]:
        return sorted({e for f in self.formats for e in f.extensions})

    def get(self, name: str, path: str | os.PathLike[str] | None = None) -> Format:
        for fmt in self.formats:
            if fmt.name == name:
                return fmt
        raise InputError(f"unknown {self.label} format {name!r} (known: "
                         f"{', '.join(self.names())})", _shown(path))

    def writer(self, name: str, path: str | os.PathLike[str] | None = None) -> Format:
        """The format, refused (InputError) when it is read only."""
        fmt = self.get(name, path)
        if fmt.write is None:
            raise InputError(f"{name} is read only: termbase does not write {self.label} "
                             f"files as {name} (writable: "
                             f"{', '.join(self.names(writable=True))})",
                             _shown(path))
        return fmt

    def detect(self, path: str | os.PathLike[str], head: bytes | None = None) -> Format:
        """The format of a file to read: by extension, then by content.

        head is the file's first bytes (read from path when None and needed)."""
        name = str(path)
        extension = Path(name).suffix.lower()
        claiming = [f for f in self.formats if extension in f.extensions]
        if len(claiming) == 1:
            return claiming[0]
        if head is None:
            head = _head(path)
        if claiming:  # several formats share the extension: the content decides
            return next((f for f in claiming if f.sniff and f.sniff(head)), claiming[0])
        for fmt in self.formats:
            if fmt.sniff is not None and fmt.sniff(head):
                return fmt
        raise InputError(f"unknown {self.label} format {extension or '(no extension)'!r} "
                         f"(known extensions: {', '.join(self.extensions())})", name)

    def for_output(self, path: str | os.PathLike[str], name: str | None = None) -> Format:
        """The format to write path in: name (from --format) if given, else the one
        the extension says (the first that claims it: .tbx is TBX v2)."""
        if name:
            return self.writer(name, path)
        extension = Path(str(path)).suffix.lower()
        for fmt in self.formats:
            if extension in fmt.extensions and fmt.write is not None:
                return fmt
        writable = sorted({e for f in self.formats if f.write for e in f.extensions})
        raise InputError(f"cannot tell the {self.label} format from "
                         f"{extension or '(no extension)'!r}: give --format "
                         f"{'|'.join(self.names(writable=True))} (or an extension: "
                         f"{', '.join(writable)})", str(path))


def _shown(path: str | os.PathLike[str] | None) -> str | None:
    return None if path is None else str(path)


def _head(path: str | os.PathLike[str]) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""  # the reader reports an unreadable file


def _lazy(module: str, function: str, utf8: bool = False,
          **fixed: Any) -> Callable[..., Any]:
    """termbase.formats.<module>.<function> (termbase.<module> when module has a dot),
    imported on the first call, with the keyword arguments fixed; utf8: its str result
    encoded."""
    where = f"termbase.{module}" if "." in module else f"termbase.formats.{module}"

    def call(*args: Any, **kwargs: Any) -> Any:
        target = getattr(importlib.import_module(where), function)
        result = target(*args, **fixed, **kwargs)
        return result.encode("utf-8") if utf8 else result
    call.__name__ = call.__qualname__ = f"{module}.{function}"
    return call


# --- Sniffers: they look at the first SNIFF_BYTES of a file ---------------------------

def _text(head: bytes) -> str:
    """The head decoded well enough to look at: UTF-16 (with or without BOM) or UTF-8."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, errors="replace")
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", errors="replace")
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", errors="replace")
    return head.decode("utf-8", errors="replace").removeprefix("\ufeff")


def xml_root(head: bytes) -> str | None:
    """The local name of the root element, or None when the head is not XML (or the
    prolog does not read: the reader then says why)."""
    from termbase.formats.xml import PrologTruncated, decide_encoding, read_prolog

    try:
        codec, bom = decide_encoding(head[:1024], "")
        text = head[bom:].decode(codec, errors="replace")
        return read_prolog(text, "", complete=False).root_name
    except (InputError, PrologTruncated):
        return None


def _root_is(*names: str) -> Sniffer:
    return lambda head: xml_root(head) in names


_MSGID = re.compile(r'^msgid\s+"', re.MULTILINE)


def _po(head: bytes) -> bool:
    return bool(_MSGID.search(_text(head)))


def _tab_separated(head: bytes) -> bool:
    """Every non-blank, non-comment line of the head (the last may be cut) has a tab."""
    text = _text(head)
    if text.lstrip().startswith("<"):
        return False
    lines = [line for line in text.splitlines()[:-1] or text.splitlines()
             if line.strip() and not line.startswith("#")]
    return bool(lines) and all("\t" in line for line in lines)


_CSV_HEADER = re.compile(r"^[^\n]*\bconcept_id\b[^\n]*,[^\n]*\bterm\b")


def _csv(head: bytes) -> bool:
    return bool(_CSV_HEADER.match(_text(head)))


# --- The registries -------------------------------------------------------------------

GLOSSARY = Kind("glossary", (
    Format("tbx", (".tbx", ".xml"), "TBX-Basic v2 (<martif>)", _root_is("martif"),
           _lazy("tbx", "parse_tbx"), _lazy("tbx", "write_tbx", version=2)),
    Format("tbx3", (".tbx", ".xml"), "TBX-Basic v3 (<tbx>, ISO 30042:2019)", _root_is("tbx"),
           _lazy("tbx", "parse_tbx"), _lazy("tbx", "write_tbx", version=3)),
    Format("po", (".po", ".pot"), "gettext PO, one entry per Indonesian term", _po,
           _lazy("po", "read_po"), _lazy("po", "write_po", utf8=True)),
    Format("omegat", (".utf8", ".txt", ".tsv", ".tab"), "OmegaT tab-separated glossary",
           _tab_separated, _lazy("omegat", "read_omegat"),
           _lazy("omegat", "write_omegat", utf8=True)),
    Format("csv", (".csv",), "CSV, one row per term", _csv,
           _lazy("csv", "read_csv"), _lazy("csv", "write_csv", utf8=True)),
))

MEMORY = Kind("translation-memory", (
    Format("tmx", (".tmx",), "TMX 1.4b, streamed both ways", _root_is("tmx"),
           _lazy("tmx", "iter_tmx"), _lazy("tmx", "write_tmx_to")),
    Format("xliff", (".xlf", ".xliff"), "XLIFF 1.2 / 2.0: its confirmed translations",
           _root_is("xliff"), _lazy("tm_xliff", "iter_xliff_units"), None),
    Format("po", (".po", ".pot"), "gettext PO, msgid = source", _po,
           _lazy("tm_po", "iter_po"), _lazy("tm_po", "write_po_to")),
    Format("tsv", (".tsv", ".txt", ".tab"), "source<TAB>target lines, streamed both ways",
           _tab_separated, _lazy("tm_tsv", "iter_tsv"), _lazy("tm_tsv", "write_tsv_units")),
))

# `termbase check` takes a file for units by its extension (formats/bilingual.py
# is_bilingual_path); a library caller's file of another extension is sniffed.
BILINGUAL = Kind("bilingual", (
    Format("xliff", (".xlf", ".xliff"), "XLIFF 1.2 / 2.0 trans-units and segments",
           _root_is("xliff"), _lazy("bilingual", "read_bilingual_xliff"), None),
    Format("tmx", (".tmx",), "TMX translation units", _root_is("tmx"),
           _lazy("bilingual", "read_bilingual_tmx"), None),
    Format("po", (".po",), "gettext PO entries", _po,
           _lazy("bilingual", "read_bilingual_po"), None),
))

# Built by exchange/export.py from prepared articles; .xlf and .xliff mean XLIFF 1.2.
HANDOFF = Kind("export", (
    Format("xliff", (".xlf", ".xliff"), "XLIFF 1.2", _root_is("xliff"), None,
           _lazy("xliff", "write_xliff12")),
    Format("xliff2", (), "XLIFF 2.0", None, None, _lazy("xliff", "write_xliff20")),
    Format("tmx", (".tmx",), "TMX 1.4", _root_is("tmx"), None,
           _lazy("exchange.export", "write_exact_tmx")),
))

