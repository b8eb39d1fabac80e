"""Bilingual files read for checking: XLIFF 1.2 and 2.0, TMX, PO, with positions.

`read_bilingual(path)` returns the decoded file and its units. Each unit's source and
target are `LocatedText`s: the plain text a translator sees (entities decoded, inline
tags removed, the content of native-code elements dropped) and, for every character of
it, where it stands in the file. Findings on any stretch of a text can so be reported at
the file's own line and column, however many tags and entities sit inside the text.

XML (XLIFF, TMX): lxml parses and validates the file (formats/xml.py: no entities, no
DTD, no network); a small lexer then walks the decoded file's characters. A well-formed
file has its start tags in the same order as lxml's elements in document order, so the
N-th start tag the lexer meets is the N-th element: the element gives the structure and
the attributes, the lexer the offsets. Per element kind:

    XLIFF 1.2 (1.0, 1.1)  <trans-unit> (not translate="no"): its direct <source> and
                          <target> children; <alt-trans> proposals are not units
    XLIFF 2.0 (2.x)       <segment> of a <unit> (not translate="no"): <source>, <target>;
                          <ignorable> is skipped; id "unit", or "unit::segment" when the
                          unit has several segments
    TMX                   <tu>: the <tuv> in Indonesian (id, in, or the header's
                          srclang) is the source, the first other (English preferred)
                          the target; text of <seg>

Inline markup: text of <g>, <pc>, <mrk>, <hi>, <sub> is text; the content of the native
code elements <ph>, <bpt>, <ept>, <it>, <ut> is dropped (a <sub> inside them is text);
XLIFF 2.0 <cp hex> is its character. The inline tags <g>, <x>, <bx>, <ex>, <ph>, <bpt>,
<ept>, <it>, <ut>, <pc>, <sc>, <ec> are recorded with their id (id, i, x, startRef or
rid) and position, so that source and target markup can be compared; annotations
(<mrk>, <sm>, <em>, <hi>) are not.

PO (polib): each entry but the header, obsolete and plural ones; msgid is the source,
msgstr the target (fuzzy entries included, state "fuzzy"). Positions come from polib's
line number of the entry and a scan of its msgid / msgstr lines and their continuation
strings, escapes decoded.

formats/xliff.py's read_xliff (the hand-off exchange) gives each text's first position
only; checking needs every character's, so this reader keeps its own walk (on the test
files the two agree on the texts, ids and first positions of the units both read).
"""

from __future__ import annotations

import bisect
import contextlib
import re
from dataclasses import dataclass, field

from termbase.errors import InputError
from termbase.formats.po import checked_po_text, parse_po_text
from termbase.formats.xml import local_name, read_xml, source_line, xml_lang
from termbase.lang.tags import base_language
from termbase.model import BilingualUnit
from termbase.textio import read_bytes

BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".tmx", ".po")

CODE_ELEMENTS = frozenset({"ph", "bpt", "ept", "it", "ut"})
COMPARED_TAGS = frozenset({"g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "ut",
                           "pc", "sc", "ec"})
_ID_ATTRIBUTES = ("id", "i", "x", "startRef", "rid")


def is_bilingual_path(path: str) -> bool:
    return path.lower().endswith(BILINGUAL_SUFFIXES)


@dataclass(frozen=True)
class InlineTag:
    """An inline tag of a source or target, with its span in the file."""

    name: str
    id: str
    start: int
    end: int

    @property
    def key(self) -> tuple[str, str]:
        return self.name, self.id

    def __str__(self) -> str:
        return f"<{self.name} {self.id}>" if self.id else f"<{self.name}>"


@dataclass
class LocatedText:
    """A text and, for each of its characters, its span in the file.

    anchor is the span shown for the text as a whole when it has no characters (an empty
    or missing target): the empty element, the enclosing unit's start tag, the PO "".
    """

    text: str = ""
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    anchor: tuple[int, int] = (0, 0)
    tags: list[InlineTag] = field(default_factory=list)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of text[start:end] (the anchor for an empty text)."""
        if not self.text:
            return self.anchor
        start = min(max(start, 0), len(self.text) - 1)
        end = max(min(end, len(self.text)), start + 1)
        return self.starts[start], self.ends[end - 1]

    def whole(self) -> tuple[int, int]:
        return self.span(0, len(self.text))

    def add(self, character: str, start: int, end: int) -> None:
        """One character of the text, written in the file at start:end."""
        self.text += character
        self.starts.append(start)
        self.ends.append(end)

    def add_run(self, run: str, start: int) -> None:
        """Characters written as they are, from offset start on."""
        self.text += run
        self.starts.extend(range(start, start + len(run)))
        self.ends.extend(range(start + 1, start + len(run) + 1))


@dataclass
class LocatedUnit:
    unit: BilingualUnit
    source: LocatedText
    target: LocatedText
    has_target: bool = True


@dataclass
class BilingualFile:
    path: str
    text: str  # the decoded file: offsets of LocatedText index into it
    kind: str  # "xliff-1.2", "xliff-2.0", "tmx" or "po"
    units: list[LocatedUnit] = field(default_factory=list)
    source_lang: str = "id"
    target_lang: str = "en"


def read_bilingual(path: str) -> BilingualFile:
    """Read an XLIFF, TMX or PO file (chosen by extension) with positions."""
    data = read_bytes(path)
    if path.lower().endswith(".po"):
        return _read_po(data, path)
    document = read_xml(data, path)
    text = document.text
    root = document.tree.getroot()
    name = local_name(root)
    wanted = "tmx" if path.lower().endswith(".tmx") else "xliff"
    if name != wanted:
        kind = "a TMX" if wanted == "tmx" else "an XLIFF"
        raise InputError(f"not {kind} file (root element <{name}>)", path, source_line(root))
    walker = _XmlWalker(text, document.root_offset, root, path)
    if name == "tmx":
        return _read_tmx(root, walker, path, text)
    version = root.get("version") or ""
    if version.startswith("2") or (isinstance(root.tag, str) and ":2." in root.tag):
        return _read_xliff2(root, walker, path, text)
    return _read_xliff1(root, walker, path, text)


# --- XML: decoding and the lexer --------------------------------------------------------

_LEXER = re.compile(
    r"""
    (?P<comment><!--.*?-->)
  | (?P<cdata><!\[CDATA\[.*?\]\]>)
  | (?P<pi><\?.*?\?>)
  | (?P<end></[^>]*>)
  | (?P<start><[^\s/>!?][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*?(?P<empty>/)?>)
  | (?P<text>[^<]+)
    """,
    re.VERBOSE | re.DOTALL,
)
_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);|\r\n?")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_CDATA_OPEN, _CDATA_CLOSE = len("<![CDATA["), len("]]>")


@dataclass(frozen=True)
class _Token:
    kind: str  # start, empty, end, text, cdata, other
    start: int
    end: int


class _XmlWalker:
    """Maps lxml elements to their start tags in the decoded file, and reads located
    texts out of elements."""

    def __init__(self, text: str, root_offset: int, root, path: str):
        self.text = text
        self.lines = _Lines(text)
        self.tokens: list[_Token] = []
        starts: list[int] = []
        # From the root on: the prolog, DOCTYPE included, holds no element.
        for match in _LEXER.finditer(text, root_offset):
            kind = match.lastgroup
            if kind == "start" and match.group("empty"):
                kind = "empty"
            elif kind not in ("start", "end", "text", "cdata"):
                kind = "other"
            if kind in ("start", "empty"):
                starts.append(len(self.tokens))
            self.tokens.append(_Token(kind, match.start(), match.end()))
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        if len(elements) != len(starts):  # cannot happen for a file lxml accepted
            raise InputError("cannot locate the XML elements in the file", path)
        self.index = {element: token for element, token in zip(elements, starts, strict=True)}
        self.element_at = {token: element for element, token in self.index.items()}

    def tag_span(self, element) -> tuple[int, int]:
        token = self.tokens[self.index[element]]
        return token.start, token.end

    def located(self, element, fallback: tuple[int, int] | None = None) -> LocatedText:
        """The plain text of an element with the file offsets of its characters."""
        first = self.index[element]
        token = self.tokens[first]
        result = LocatedText(anchor=fallback or (token.start, token.end))
        if token.kind == "empty":
            result.anchor = (token.start, token.end)
            return result
        stack: list[str] = []
        position = first + 1
        while position < len(self.tokens):
            token = self.tokens[position]
            if token.kind == "end":
                if not stack:
                    result.anchor = (self.tokens[first].start, token.end)
                    break
                stack.pop()
            elif token.kind in ("start", "empty"):
                child = self.element_at[position]
                name = local_name(child)
                if name == "cp" and child.get("hex"):
                    with contextlib.suppress(ValueError, OverflowError):
                        result.add(chr(int(child.get("hex"), 16)), token.start, token.end)
                if name in COMPARED_TAGS:
                    ident = next((child.get(a) for a in _ID_ATTRIBUTES if child.get(a)), "")
                    result.tags.append(InlineTag(name, ident, token.start, token.end))
                if token.kind == "start":
                    stack.append(name)
            elif token.kind == "text" and not _dropped(stack):
                self._add_text(result, token.start, token.end)
            elif token.kind == "cdata" and not _dropped(stack):
                start, end = token.start + _CDATA_OPEN, token.end - _CDATA_CLOSE
                result.add_run(self.text[start:end], start)
            position += 1
        return result

    def _add_text(self, result: LocatedText, start: int, end: int) -> None:
        text = self.text
        position = start
        for match in _REFERENCE.finditer(text, start, end):
            result.add_run(text[position:match.start()], position)
            reference = match.group(1)
            if reference is None:
                character = "\n"
            elif reference.startswith("#x"):
                character = chr(int(reference[2:], 16))
            elif reference.startswith("#"):
                character = chr(int(reference[1:]))
            else:
                character = _NAMED[reference]
            result.add(character, match.start(), match.end())
            position = match.end()
        result.add_run(text[position:end], position)


def _dropped(stack: list[str]) -> bool:
    """Inside a native-code element, and not inside a <sub> within it."""
    for name in reversed(stack):
        if name == "sub":
            return False
        if name in CODE_ELEMENTS:
            return True
    return False


def _children(element, name: str) -> list:
    return [child for child in element if local_name(child) == name]


def _descendants(element, name: str) -> list:
    return [e for e in element.iter() if local_name(e) == name]


class _Lines:
    """Line and column of offsets in a text (1-based, code points)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def _unit(lines: _Lines, ident: str, source: LocatedText, target: LocatedText,
          **fields) -> BilingualUnit:
    """A BilingualUnit with the position of each text's first character (of its anchor
    when it is empty)."""
    source_line, source_column = lines.position(
        source.starts[0] if source.text else source.anchor[0])
    target_line, target_column = lines.position(
        target.starts[0] if target.text else target.anchor[0])
    return BilingualUnit(
        id=ident, source=source.text, target=target.text,
        source_line=source_line, source_column=source_column,
        target_line=target_line, target_column=target_column,
        source_markup=_markup(lines.text, source), target_markup=_markup(lines.text, target),
        **fields,
    )


def _markup(text: str, located: LocatedText) -> str | None:
    if not located.tags or not located.text:
        return None
    return text[located.starts[0]:located.ends[-1]]


# --- XLIFF 1.2 ----------------------------------------------------------------------------

def _read_xliff1(root, walker, path, text) -> BilingualFile:
    result = BilingualFile(path, text, "xliff-1.2")
    files = _descendants(root, "file")
    if files:
        result.source_lang = files[0].get("source-language") or "id"
        result.target_lang = files[0].get("target-language") or "en"
    for file_element in files:
        source_lang = file_element.get("source-language") or result.source_lang
        target_lang = file_element.get("target-language") or result.target_lang
        for unit in _descendants(file_element, "trans-unit"):
            if unit.get("translate") == "no":
                continue
            sources = _children(unit, "source")
            if not sources:
                raise InputError("<trans-unit> without <source>", path, source_line(unit))
            targets = _children(unit, "target")
            unit_tag = walker.tag_span(unit)
            source = walker.located(sources[0])
            target = walker.located(targets[0]) if targets else LocatedText(anchor=unit_tag)
            result.units.append(LocatedUnit(
                _unit(walker.lines, unit.get("id") or str(len(result.units) + 1), source, target,
                      source_lang=source_lang, target_lang=target_lang,
                      state=targets[0].get("state") if targets else None,
                      approved=unit.get("approved") == "yes"),
                source, target, bool(targets)))
    return result


# --- XLIFF 2.0 ----------------------------------------------------------------------------

def _read_xliff2(root, walker, path, text) -> BilingualFile:
    result = BilingualFile(path, text, "xliff-2.0", source_lang=root.get("srcLang") or "id",
                           target_lang=root.get("trgLang") or "en")
    for unit in _descendants(root, "unit"):
        if unit.get("translate") == "no":
            continue
        segments = _children(unit, "segment")
        for number, segment in enumerate(segments, 1):
            sources = _children(segment, "source")
            if not sources:
                raise InputError("<segment> without <source>", path, source_line(segment))
            targets = _children(segment, "target")
            ident = unit.get("id") or str(len(result.units) + 1)
            if len(segments) > 1:  # as formats/xliff.py names them
                ident += "::" + (segment.get("id") or f"segment-{number}")
            source = walker.located(sources[0])
            target = (walker.located(targets[0]) if targets
                      else LocatedText(anchor=walker.tag_span(segment)))
            state = segment.get("state")
            result.units.append(LocatedUnit(
                _unit(walker.lines, ident, source, target, source_lang=result.source_lang,
                      target_lang=result.target_lang, state=state,
                      approved=state in ("reviewed", "final")),
                source, target, bool(targets)))
    return result


# --- TMX ----------------------------------------------------------------------------------

def _read_tmx(root, walker, path, text) -> BilingualFile:
    headers = _children(root, "header")
    srclang = base_language(headers[0].get("srclang") or "") if headers else ""
    result = BilingualFile(path, text, "tmx")
    for tu in _descendants(root, "tu"):
        tuvs = [(tuv, base_language(xml_lang(tuv) or "")) for tuv in _children(tu, "tuv")]
        source_tuv = next((t for t, lang in tuvs if lang == "id"), None)
        if source_tuv is None and srclang not in ("", "*all*"):
            source_tuv = next((t for t, lang in tuvs if lang == srclang), None)
        if source_tuv is None:
            continue  # not an Indonesian unit: nothing this checker can say
        others = [(t, lang) for t, lang in tuvs if t is not source_tuv]
        target_tuv = next((t for t, lang in others if lang == "en"), None)
        if target_tuv is None and others:
            target_tuv = others[0][0]
        source_segs = _children(source_tuv, "seg")
        if not source_segs:
            raise InputError("<tuv> without <seg>", path, source_line(source_tuv))
        source = walker.located(source_segs[0])
        target_segs = _children(target_tuv, "seg") if target_tuv is not None else []
        target = (walker.located(target_segs[0]) if target_segs
                  else LocatedText(anchor=walker.tag_span(tu)))
        result.units.append(LocatedUnit(
            _unit(walker.lines, tu.get("tuid") or str(len(result.units) + 1), source, target,
                  source_lang=xml_lang(source_tuv) or "id",
                  target_lang=(xml_lang(target_tuv) if target_tuv is not None else None)
                  or "en"),
            source, target, bool(target_segs)))
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
    lines = _Lines(text)
    line_starts = lines.starts
    for entry in po:
        if entry.obsolete or entry.msgid_plural or not entry.msgid:
            continue
        first_line = (entry.linenum or 1) - 1
        source = _po_string(text, line_starts, first_line, "msgid", entry.msgid)
        target = _po_string(text, line_starts, first_line, "msgstr", entry.msgstr)
        result.units.append(LocatedUnit(
            _unit(lines, entry.msgctxt or str(len(result.units) + 1), source, target,
                  source_lang=result.source_lang, target_lang=result.target_lang,
                  state="fuzzy" if entry.fuzzy else None,
                  notes=[n for n in (entry.tcomment or "").splitlines() if n.strip()]),
            source, target, True))
    return result




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
