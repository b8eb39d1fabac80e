"""Gettext PO as a translation memory: one entry per unit, msgid = source (polib).

Reading:

    msgid / msgstr        source / target (texts kept exactly)
    msgctxt               prop ("x-context", value)
    # and #. comments     notes, one per line (translator comments first)
    #: occurrences        origin ("file:line file2:line2", as gettext writes them)
    Language, X-Source-Language (header)   target_lang, source_lang; absent: the
                          caller's; a bare language of the caller's ("en") takes its tag

Entries that are fuzzy, untranslated (empty msgstr), plural (msgid_plural) or
obsolete (#~) are skipped and reported through on_skip(line, reason); the header entry
is not a unit. Flags and previous msgids (#|) are not read.

Writing: a header with `Language:` the target language (gettext defines it as the
language of the msgstrs; en_GB for en-GB, en for en-US), `X-Source-Language:` the
source language and no plural
forms; per unit msgctxt = the unit's first x-context prop, notes as translator
comments (one line each), origin as occurrences. msgfmt refuses two entries with the
same msgctxt and msgid, so a unit that would repeat one gets the unit's tuid as
msgctxt, else "tm-N" (N counted from 1, the first free one): reading the file back
gives these contexts as x-context props. msgfmt also refuses the escape \\r and a
msgid and msgstr of which only one begins (or ends) with a line break: CR and CRLF
become LF, and such leading (trailing) line breaks are removed. Units with an empty
source are not written (msgid "" is the header). Markup, dates, user ids, tuid and
all props but x-context are lost; see docs/tm-formats.md.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO

import polib

from termbase.errors import InputError
from termbase.formats.po import checked_po_text, new_po_file, parse_po_text
from termbase.lang.tags import base_language, normal_tag
from termbase.model import TranslationUnit
from termbase.textio import read_bytes

OnSkip = Callable[[int | None, str], None]

CONTEXT_PROP = "x-context"


def iter_po(path: str | os.PathLike[str], name: str | None = None,
            source_lang: str = "id", target_lang: str = "en",
            on_skip: OnSkip | None = None) -> Iterator[TranslationUnit]:
    """Translation units of a PO file (read whole: polib does not stream). The target
    language is the header's Language, the source language its X-Source-Language (which
    termbase writes); where the header names none, source_lang / target_lang."""
    name = name or str(path)
    yield from parse_po(read_bytes(path), name, on_skip, source_lang, target_lang)


def parse_po(data: bytes, name: str, on_skip: OnSkip | None = None,
             source_lang: str = "id", target_lang: str = "en") -> Iterator[TranslationUnit]:
    from termbase.formats.tm_io import memory_tag, stated_tag

    po = parse_po_text(checked_po_text(data, name), name, wrapwidth=0)
    if not len(po) and not po.metadata and not po.obsolete_entries():
        raise InputError("no PO entries found", name)
    languages = {}
    for key, field, expected in (("X-Source-Language", "source_lang", source_lang),
                                 ("Language", "target_lang", target_lang)):
        stated = (po.metadata.get(key) or "").strip()
        languages[field] = stated_tag(stated, expected) if stated else memory_tag(expected)

    def skip(line: int | None, reason: str) -> None:
        if on_skip is not None:
            on_skip(line, reason)

    for entry in po:
        line = entry.linenum or None
        if entry.obsolete:
            skip(line, "obsolete entry")
        elif entry.msgid_plural:
            skip(line, "plural entry")
        elif not entry.msgid:
            continue  # the header
        elif entry.fuzzy:
            skip(line, "fuzzy entry")
        elif not entry.msgstr:
            skip(line, "untranslated entry (empty msgstr)")
        else:
            notes = [note for comment in (entry.tcomment, entry.comment)
                     for note in (comment or "").splitlines() if note.strip()]
            occurrences = " ".join(f"{file}:{number}" if number else file
                                   for file, number in entry.occurrences)
            yield TranslationUnit(
                source=entry.msgid,
                target=entry.msgstr,
                props=[(CONTEXT_PROP, entry.msgctxt)] if entry.msgctxt is not None else [],
                notes=notes,
                origin=occurrences or None,
                line=line,
                **languages,
            )




def write_po(units: Iterable[TranslationUnit], source_lang: str = "id",
             target_lang: str = "en") -> str:
    po = new_po_file("termbase translation memory", f"Translation memory written by "
                     f"termbase: {source_lang} sources with their {target_lang} translations.",
                     source_lang, target_lang)
    used: set[tuple[str | None, str]] = set()
    counter = 0
    for unit in units:
        source, target = _consistent_edges(_lf(unit.source), _lf(unit.target))
        if not source:
            continue
        context = next((value for kind, value in unit.props if kind == CONTEXT_PROP), None)
        if (context, source) in used:
            if unit.tuid and (unit.tuid, source) not in used:
                context = unit.tuid
            else:
                while True:
                    counter += 1
                    if (f"tm-{counter}", source) not in used:
                        context = f"tm-{counter}"
                        break
        used.add((context, source))
        po.append(polib.POEntry(
            msgctxt=context,
            msgid=source,
            msgstr=target,
            tcomment="\n".join(" ".join(_lf(note).split("\n")) for note in unit.notes),
            occurrences=_occurrences(unit.origin),
        ))
    text = str(po)
    return text if text.endswith("\n") else text + "\n"


def write_po_to(file_obj: IO[bytes], units: Iterable[TranslationUnit],
                source_lang: str = "id-ID", target_lang: str = "en-US") -> int:
    """write_po's text, UTF-8, to a binary file object; returns how many units."""
    written = 0

    def counted() -> Iterator[TranslationUnit]:
        nonlocal written
        for written, unit in enumerate(units, start=1):  # noqa: B007
            yield unit

    file_obj.write(write_po(counted(), _gettext_tag(source_lang),
                            _gettext_tag(target_lang)).encode("utf-8"))
    return written


def _gettext_tag(tag: str) -> str:
    """A tag as a PO header names it: en_GB; id-ID and en-US, which termbase reads a
    bare id and en as, stay id and en."""
    from termbase.formats.tm_io import memory_tag

    base = base_language(tag)
    return base if memory_tag(base) == memory_tag(tag) else normal_tag(tag).replace("-", "_")


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _consistent_edges(source: str, target: str) -> tuple[str, str]:
    """msgfmt: msgid and msgstr must both begin (end) with a line break, or neither."""
    if source.startswith("\n") != target.startswith("\n"):
        source, target = source.lstrip("\n"), target.lstrip("\n")
    if source.endswith("\n") != target.endswith("\n"):
        source, target = source.rstrip("\n"), target.rstrip("\n")
    return source, target


def _occurrences(origin: str | None) -> list[tuple[str, str]]:
    result = []
    for token in (origin or "").split():
        file, colon, number = token.rpartition(":")
        result.append((file, number) if colon and file and number.isdigit() else (token, ""))
    return result
