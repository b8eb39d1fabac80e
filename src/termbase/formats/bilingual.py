"""Bilingual files read for checking: XLIFF 1.2 and 2.0, TMX, PO, with positions.

`read_bilingual(path)` returns the decoded file and its units. Each unit's source and
target are `LocatedText`s (formats/inline.py): the plain text a translator sees and, for
every character of it, where it stands in the file. Findings on any stretch of a text can
so be reported at the file's own line and column, however many tags and entities sit
inside the text.

The readers are registered as the BILINGUAL kind in formats/registry.py, which picks
one by extension (or, for a file whose extension none claims, by content); each XML
format has one reader, shared with import and merge:

    .xlf .xliff   formats/xliff.py (XLIFF 1.2 and 2.0); units marked translate="no"
                  are not checked
    .tmx          formats/tmx.py: the <tuv> in Indonesian is the source, the one in
                  English the target (picked as `tm import` picks them); a <tu> without
                  an Indonesian <seg> is not checked, one without an English <seg> is
                  a unit without target
    .po           below

PO (polib): each entry but the header, obsolete and plural ones; msgid is the source,
msgstr the target (fuzzy entries included, state "fuzzy"). Positions come from polib's
line number of the entry and a scan of its msgid / msgstr lines and their continuation
strings, escapes decoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from termbase.formats.inline import InlineTag, Lines, LocatedText, LocatedUnit
from termbase.formats.po import checked_po_text, parse_po_text
from termbase.formats.tmx import read_tmx_document
from termbase.formats.xliff import read_xliff_document
from termbase.formats.xml import read_xml
from termbase.model import BilingualUnit
from termbase.textio import read_bytes

__all__ = ["BilingualFile", "InlineTag", "LocatedText", "LocatedUnit", "is_bilingual_path",
           "read_bilingual"]


def is_bilingual_path(path: str) -> bool:
    """Whether `termbase check` reads the file as units rather than as an article: by
    extension alone, so that an article is never taken for markup."""
    from termbase.formats.registry import BILINGUAL

    return path.lower().endswith(tuple(BILINGUAL.extensions()))


@dataclass
class BilingualFile:
    path: str
    text: str  # the decoded file: offsets of LocatedText index into it
    kind: str  # "xliff-1.2", "xliff-2.0", "tmx" or "po"
    units: list[LocatedUnit] = field(default_factory=list)
    source_lang: str = "id"
    target_lang: str = "en"


def read_bilingual(path: str) -> BilingualFile:
    """Read an XLIFF, TMX or PO file with positions, its format detected as the
    registry detects it."""
    from termbase.formats.registry import BILINGUAL

    reader = BILINGUAL.detect(path).read
    assert reader is not None  # every bilingual format is read
    file: BilingualFile = reader(path)
    return file


def read_bilingual_tmx(path: str) -> BilingualFile:
    document = read_xml(read_bytes(path), path)
    return BilingualFile(path, document.text, "tmx", read_tmx_document(document, path))


def read_bilingual_po(path: str) -> BilingualFile:
    return _read_po(read_bytes(path), path)


def read_bilingual_xliff(path: str) -> BilingualFile:
    document = read_xml(read_bytes(path), path)
    meta = read_xliff_document(document, path)
    result = BilingualFile(path, document.text,
                           "xliff-1.2" if meta.version.startswith("1") else "xliff-2.0",
                           [unit for file in meta.files for unit in file.located
                            if unit.translate])
    if meta.files:
        result.source_lang = meta.files[0].source_lang or "id"
        result.target_lang = meta.files[0].target_lang or "en"
    return result


# --- PO -----------------------------------------------------------------------------------

_KEYWORD = re.compile(r'[ \t]*(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+"')
_CONTINUATION = re.compile(r'[ \t]*\r?\n[ \t]*"')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b",
            "f": "\f", "v": "\v"}


def _read_po(data: bytes, path: str) -> BilingualFile:
    text = checked_po_text(data, path)
    po = parse_po_text(text, path, wrapwidth=0)
    language = (po.metadata.get("Language") or "en").strip()
    result = BilingualFile(path, text, "po",
                           source_lang=(po.metadata.get("X-Source-Language") or "id").strip(),
                           target_lang=language)
    lines = Lines(text)
    line_starts = lines.starts
    for entry in po:
        if entry.obsolete or entry.msgid_plural or not entry.msgid:
            continue
        first_line = (entry.linenum or 1) - 1
        source = _po_string(text, line_starts, first_line, "msgid", entry.msgid)
        target = _po_string(text, line_starts, first_line, "msgstr", entry.msgstr)
        result.units.append(LocatedUnit(
            _po_unit(lines, entry.msgctxt or str(len(result.units) + 1), source, target,
                  source_lang=result.source_lang, target_lang=result.target_lang,
                  state="fuzzy" if entry.fuzzy else None,
                  notes=[n for n in (entry.tcomment or "").splitlines() if n.strip()]),
            source, target, True))
    return result


def _po_unit(lines: Lines, ident: str, source: LocatedText, target: LocatedText, *,
             source_lang: str, target_lang: str, state: str | None,
             notes: list[str]) -> BilingualUnit:
    """A BilingualUnit with the position of each string's first character (of its
    anchor, the "", when it is empty)."""
    source_line, source_column = lines.position(
        source.starts[0] if source.text else source.anchor[0])
    target_line, target_column = lines.position(
        target.starts[0] if target.text else target.anchor[0])
    return BilingualUnit(id=ident, source=source.text, target=target.text,
                         source_line=source_line, source_column=source_column,
                         target_line=target_line, target_column=target_column,
                         source_lang=source_lang, target_lang=target_lang, state=state,
                         notes=notes)


def _po_string(text: str, line_starts: list[int], first_line: int, keyword: str,
               expected: str) -> LocatedText:
    """The located string of an entry's msgid or msgstr: its quoted pieces on the keyword
    line and the continuation lines after it, escapes decoded."""
    keyword_offset = None
    for line in range(first_line, len(line_starts)):
        start = line_starts[line]
        if line > first_line and text[start:start + 1] in ("", "\n", "\r"):
            break  # a blank line ends the entry
        match = _KEYWORD.match(text, start)
        if match and match.group(1) == keyword:
            keyword_offset = match.start(1)
            break
    if keyword_offset is None:
        return LocatedText(expected, [0] * len(expected), [0] * len(expected))
    located = LocatedText()
    quote = text.index('"', keyword_offset)
    while True:
        after = _po_quoted(text, quote, located)
        if located.anchor == (0, 0):
            located.anchor = (quote, after)
        following = _CONTINUATION.match(text, after)
        if not following:
            break
        quote = following.end() - 1
    if located.text != expected:  # an unusual layout: point at the keyword for everything
        span = (keyword_offset, keyword_offset + len(keyword))
        return LocatedText(expected, [span[0]] * len(expected), [span[1]] * len(expected),
                           span)
    return located


def _po_quoted(text: str, quote: int, located: LocatedText) -> int:
    """Add the characters of the string starting at the quote; return the offset after
    its closing quote."""
    position = quote + 1
    while position < len(text) and text[position] not in '"\n':
        if text[position] == "\\" and position + 1 < len(text):
            escaped = text[position + 1]
            located.add(_ESCAPES.get(escaped, escaped), position, position + 2)
            position += 2
        else:
            located.add(text[position], position, position + 1)
            position += 1
    return position + 1
