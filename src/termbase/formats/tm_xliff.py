"""XLIFF 1.2 / 2.0 read as a translation memory: its confirmed translations.

Read only (termbase writes XLIFF for translators through `termbase export`, not as a
memory). The reading itself is formats/xliff.py's; this module picks the units.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from termbase.formats.xliff import is_confirmed, parse_xliff
from termbase.lang.tags import base_language, normal_tag
from termbase.model import TranslationUnit
from termbase.textio import read_bytes

OnSkip = Callable[[int | None, str], None]


def iter_xliff_units(path: str | os.PathLike[str], name: str | None = None,
                     source_lang: str = "id", target_lang: str = "en",
                     on_skip: OnSkip | None = None) -> Iterator[TranslationUnit]:
    """The confirmed translations of an XLIFF file (1.2: approved="yes" or state
    translated, signed-off, final; 2.0: state translated, reviewed, final) as units
    whose origin is the <file>'s original (the article). Others are reported through
    on_skip. The file is read whole (XLIFF files are articles, not memories); a unit in
    the other direction (en -> id when id -> en is wanted) is swapped."""
    name = name or str(path)
    meta, _ = parse_xliff(read_bytes(path), name)

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
