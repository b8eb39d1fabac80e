"""Glossary files in every format termbase reads and writes, chosen by name.

The formats are registry.GLOSSARY's (tbx, tbx3, po, omegat, csv). Detection goes by
extension; for .tbx and .xml the root element decides between v2 and v3 (the reader
reads both anyway), and a file with another extension is sniffed
(formats/registry.py).
"""

from __future__ import annotations

import os

from termbase.formats.registry import GLOSSARY, Format
from termbase.model import Concept
from termbase.textio import atomic_write_bytes, read_bytes

GlossaryFormat = Format
FORMATS: dict[str, Format] = {f.name: f for f in GLOSSARY.formats}


def detect_format(path: str | os.PathLike[str], data: bytes | None = None) -> str:
    """The format name for a file, from its extension, else its content."""
    return GLOSSARY.detect(path, data).name


def read_glossary_file(path: str | os.PathLike[str], fmt: str | None = None) -> list[Concept]:
    """Concepts from a glossary file in any known format (detected unless fmt is given)."""
    name = str(path)
    data = read_bytes(path)
    chosen = GLOSSARY.get(fmt, name) if fmt else GLOSSARY.detect(name, data)
    assert chosen.read is not None  # every glossary format is read
    concepts: list[Concept] = chosen.read(data, name)
    return concepts


def write_glossary_file(concepts: list[Concept], path: str | os.PathLike[str],
                        fmt: str | None = None) -> None:
    """Write concepts in a format (by default from the extension; .tbx means v2).

    The whole file is serialised before anything touches the disk, then written to a
    temporary file and renamed over the target: an error leaves the old file intact.
    """
    write = GLOSSARY.for_output(path, fmt).write
    assert write is not None  # for_output returns writable formats only
    atomic_write_bytes(path, write(concepts))
