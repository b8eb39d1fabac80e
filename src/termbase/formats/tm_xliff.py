"""XLIFF 1.2 / 2.0 read as a translation memory: its confirmed translations.

Read only (termbase writes XLIFF for translators through `termbase export`, not as a
memory). The reading itself is formats/xliff.py's; this module picks the units.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator

from termbase.formats.xliff import is_confirmed, parse_xliff
from termbase.lang.tags import base_language
from termbase.model import TranslationUnit
from termbase.textio import read_bytes

OnSkip = Callable[[int | None, str], None]


def iter_xliff_units(path: str | os.PathLike[str], name: str | None = None,
                     source_lang: str = "id", target_lang: str = "en",
                     on_skip: OnSkip | None = None) -> Iterator[TranslationUnit]:
    """The confirmed translations of an XLIFF file (1.2: approved="yes" or state
    translated, signed-off, final; 2.0: state translated, reviewed, final) as units
    whose origin is the <file>'s original (the article). Others are reported through
    on_skip. The file is read whole (XLIFF files are articles, not memories).

    Languages are the <file>'s (1.2 source-language, target-language; 2.0 srcLang,
    trgLang); a language the file does not name is left empty ("") for the caller to
    decide (`tm import` takes --from/--to or the memory's pair, else refuses). A <file>
    made from a PO (its original ends in .po or .pot, as po2xliff writes it) names its
    source language like a PO: not at all (po2xliff writes en-US whatever the msgids
    are). A <file> in the other direction (en -> id when id -> en is wanted) gives its
    units turned round; one in another pair gives them as they are, for the caller to
    refuse. The gettext header unit of a PO-derived XLIFF is not a unit."""
    from termbase.formats.tm_io import stated_tag

    name = name or str(path)
    meta, _ = parse_xliff(read_bytes(path), name)

    def skip(line: int | None, reason: str) -> None:
        if on_skip:
            on_skip(line, reason)

    wanted = (base_language(source_lang), base_language(target_lang))

    def generate() -> Iterator[TranslationUnit]:
        for xliff_file in meta.files:
            from_po = (xliff_file.original or "").lower().endswith((".po", ".pot"))
            source_tag = "" if from_po else stated_tag(xliff_file.source_lang or "",
                                                       source_lang)
            target_tag = stated_tag(xliff_file.target_lang or "", target_lang)
            turned = (base_language(source_tag) or wanted[0],
                      base_language(target_tag) or wanted[1]) == wanted[::-1] \
                and wanted[0] != wanted[1]
            for located in xliff_file.located:
                unit = located.unit
                line = unit.target_line or unit.source_line
                if from_po and _is_po_header(unit.source, unit.target):
                    skip(line, "gettext header")
                    continue
                # Nothing to store is "no translation" whatever else the unit says:
                # translate="no" counts only units that had a translation to keep.
                if not unit.target.strip():
                    skip(line, "no translation")
                    continue
                if not located.translate:
                    skip(line, 'translate="no"')
                    continue
                if not is_confirmed(unit, meta.version):
                    state = unit.state or ("initial" if meta.version.startswith("2") else "")
                    skip(line, f"unconfirmed translation (state {state})" if state
                         else "unconfirmed translation (no state)")
                    continue
                if turned:
                    yield TranslationUnit(unit.target, unit.source, target_tag, source_tag,
                                          origin=xliff_file.original or None, line=line)
                else:
                    yield TranslationUnit(unit.source, unit.target, source_tag, target_tag,
                                          origin=xliff_file.original or None, line=line)

    return generate()


_PO_HEADER_FIELD = re.compile(r"[A-Za-z][A-Za-z0-9-]*: [^\n]*")


def _is_po_header(source: str, target: str) -> bool:
    """The header entry of a PO (msgid "") as po2xliff and other converters write it:
    an empty source, or a source of "Field: value" lines naming the PO's Content-Type
    or Project-Id-Version."""
    if not source.strip():
        return True
    lines = [line for line in source.splitlines() if line.strip()]
    return (all(_PO_HEADER_FIELD.fullmatch(line) for line in lines)
            and any(line.startswith(("Content-Type:", "Project-Id-Version:"))
                    for line in lines))
