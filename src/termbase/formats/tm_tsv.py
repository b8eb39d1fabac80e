"""Translation memories as plain two-column TSV: `source<TAB>target`, one unit a line.

Reading (streamed, line by line): UTF-8 with or without BOM; LF or CRLF line ends
(a lone CR is text). Blank lines are ignored, and so are comment lines: lines that
start with `#` and hold no tab (a line that starts with `#` and holds one tab is a
unit whose source starts with `#`). The first other line may be a header naming the
columns: `source<TAB>target` or two language tags (`id<TAB>en`, `id-ID<TAB>en-US`) of
which at least one is in the expected pair (source_lang, target_lang) and the other a
valid tag (`id<TAB>af` is a header naming another pair, which `tm import` refuses);
language tags in the other order (`en<TAB>id`) swap the columns. The header's tags
become the units' (a bare `en` keeps the expected tag's region); without a header the
units take source_lang and target_lang. Every other line must have exactly two columns, else
InputError(path, line). Cells are kept exactly as written (spaces included); a unit
whose source or target is empty or only white space is skipped and reported through
on_skip(line, reason). Control characters that XML cannot hold are refused, so that
every unit read can be written as TMX.

Writing: one line per unit, LF line ends, no BOM, no header unless asked for (or
unless the first unit would read as one, e.g. `id<TAB>en`: then `source<TAB>target`);
a memory export (`write_tsv_units`) starts with the languages, `id-ID<TAB>en-US`. Tabs,
line breaks (CR, LF) inside texts cannot be represented and become spaces. Only the
two texts are kept: markup, dates, ids, props, notes and origin are lost.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TypedDict

from termbase.errors import InputError
from termbase.formats.xml import NOT_XML
from termbase.lang.tags import base_language, normal_tag
from termbase.model import TranslationUnit
from termbase.textio import open_binary, refuse_binary

OnSkip = Callable[[int | None, str], None]

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_NOT_IN_CELL = re.compile("[\t\r\n]")


def iter_tsv(path: str | os.PathLike[str], name: str | None = None,
             source_lang: str = "id", target_lang: str = "en",
             on_skip: OnSkip | None = None) -> Iterator[TranslationUnit]:
    """Translation units of a TSV file, streamed."""
    name = name or str(path)
    with open_binary(path, name) as handle:
        yield from parse_tsv(handle, name, source_lang, target_lang, on_skip)


def parse_tsv(handle: IO[bytes], name: str, source_lang: str = "id",
              target_lang: str = "en",
              on_skip: OnSkip | None = None) -> Iterator[TranslationUnit]:
    """Translation units of TSV bytes read from a binary file object."""
    from termbase.formats.tm_io import memory_tag

    languages: _Languages = {"source_lang": memory_tag(source_lang),
                             "target_lang": memory_tag(target_lang)}
    swapped = False
    header_seen = False
    empty = True
    for line, data in enumerate(handle, start=1):
        if line == 1:
            if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise InputError("UTF-16 data: TSV translation memories are UTF-8", name, 1)
            data = data.removeprefix(b"\xef\xbb\xbf")
        refuse_binary(data, name, line)
        try:
            row = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert it "
                             "first, e.g. iconv -f cp1252 -t utf-8", name, line) from None
        row = row.removesuffix("\n").removesuffix("\r")
        if not row.strip():
            continue
        empty = False
        if row.startswith("#") and "\t" not in row:
            continue  # comment
        cells = row.split("\t")
        if len(cells) != 2:
            raise InputError(f"{len(cells)} columns, expected 2 (source<TAB>target)",
                             name, line)
        if not header_seen:
            header_seen = True
            header = _header(cells, source_lang, target_lang)
            if header is not None:
                swapped, named = header
                languages.update(named)
                continue
        bad = NOT_XML.search(row)
        if bad:
            raise InputError(f"control character U+{ord(bad.group()):04X}", name, line)
        source, target = (cells[1], cells[0]) if swapped else (cells[0], cells[1])
        if not source.strip() or not target.strip():
            if on_skip is not None:
                on_skip(line, f"empty {'source' if not source.strip() else 'target'}")
            continue
        yield TranslationUnit(source, target, line=line, **languages)
    if empty:
        raise InputError("empty file, expected source<TAB>target lines", name)


class _Languages(TypedDict, total=False):
    """The units' language tags."""

    source_lang: str
    target_lang: str


def _header(cells: list[str], source_lang: str,
            target_lang: str) -> tuple[bool, _Languages] | None:
    """(columns swapped, language tags for the units) if the row is a header."""
    first, second = (cell.strip() for cell in cells)
    if (first.lower(), second.lower()) == ("source", "target"):
        return False, {}
    from termbase.formats.tm_io import stated_tag

    if not (_LANGUAGE_TAG.fullmatch(first) and _LANGUAGE_TAG.fullmatch(second)):
        return None
    bases = (base_language(first), base_language(second))
    expected = (base_language(source_lang), base_language(target_lang))
    if bases == expected:
        swapped = False
    elif bases == expected[::-1]:
        swapped = True
    elif bases[0] in expected and _other_language(second):
        swapped = bases[0] == expected[1]
    elif bases[1] in expected and _other_language(first):
        swapped = bases[1] == expected[0]
    else:
        return None
    if swapped:
        first, second = second, first
    return swapped, {"source_lang": stated_tag(first, source_lang),
                     "target_lang": stated_tag(second, target_lang)}


def _other_language(cell: str) -> bool:
    """A valid tag of a language with a two-letter code (af, fr-CA): a header naming a
    pair beside the expected one; `id<TAB>yes` stays a unit."""
    from langcodes import tag_is_valid

    tag = normal_tag(cell)
    return len(tag.split("-")[0]) == 2 and tag_is_valid(tag)


def cell(text: str) -> str:
    """A text as the writer puts it into a cell: tabs and line breaks become spaces."""
    return _NOT_IN_CELL.sub(" ", text)


def write_tsv_to(file_obj: IO[bytes], units: Iterable[TranslationUnit],
                 header: str | None = None) -> int:
    """Stream units as UTF-8 TSV to a binary file object; returns how many.

    header: an optional first line, e.g. "id-ID\\ten-US" (written as given)."""
    count = 0
    if header:
        file_obj.write(f"{header}\n".encode())
    for count, unit in enumerate(units, start=1):  # noqa: B007
        row = [cell(unit.source), cell(unit.target)]
        if count == 1 and not header:
            if _header(row, "id", "en") is not None:
                # A first unit like "id<TAB>en" would be read back as a header.
                file_obj.write(b"source\ttarget\n")
            elif row[0].startswith("\ufeff"):
                file_obj.write(codecs.BOM_UTF8)  # the reader drops one BOM, not two
        file_obj.write(f"{row[0]}\t{row[1]}\n".encode())
    return count


def write_tsv_units(file_obj: IO[bytes], units: Iterable[TranslationUnit],
                    source_lang: str = "id-ID", target_lang: str = "en-US") -> int:
    """write_tsv_to in the registry's signature, the languages as its header line."""
    return write_tsv_to(file_obj, units, f"{cell(source_lang)}\t{cell(target_lang)}")


def write_tsv(units: Iterable[TranslationUnit], header: str | None = None) -> str:
    out = io.BytesIO()
    write_tsv_to(out, units, header)
    return out.getvalue().decode("utf-8")
