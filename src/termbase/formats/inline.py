"""Inline text of XLIFF and TMX elements: one flattener, plain or with file positions.

The text of a <source>, <target> (XLIFF 1.2, 2.0) or <seg> (TMX) is what a translator
sees: entities decoded, inline tags removed, the content of the native-code elements
<bpt> <ept> <it> <ph> <ut> dropped (the text of a <sub> directly inside one is kept),
the text of <g> <pc> <mrk> <hi> <sub> and unknown elements kept, XLIFF 2.0 <cp hex> read
as its character. `pieces` decides this once; `plain_text` joins the pieces (the TMX
import streams through it), `XmlLocator.located` gives every character of them its
place in the file (the bilingual checks report at the file's own line and column).

The inline tags <g> <x> <bx> <ex> <ph> <bpt> <ept> <it> <ut> <pc> <sc> <ec> are
recorded with their id (id, i, x, startRef or rid) and position, so that source and
target markup can be compared; annotations (<mrk> <sm> <em> <hi>) are not.

Positions. lxml gives elements but no offsets. `XmlLocator` walks the decoded file from
the root element on (the prolog, DOCTYPE included, was read by formats/xml.py) with a
small lexer: start tags, end tags, empty-element tags, comments, processing
instructions, CDATA sections and text. A well-formed file has its tags, comments and
processing instructions in the same order as lxml's nodes, so the N-th of them is the
N-th node lxml iterates: the node gives the structure, the lexer the offsets. The text
of a node (and its tail) is the run of text and CDATA tokens after its start tag (after
its end); each run is checked against lxml's text, so a disagreement is an error, never
a wrong position.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field

from lxml import etree

from termbase.errors import InputError
from termbase.formats.xml import XmlDocument, local_name
from termbase.model import BilingualUnit

# Inline elements holding native codes: their own text is not part of the text.
CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut"})
COMPARED_TAGS = frozenset({"g", "x", "bx", "ex", "ph", "bpt", "ept", "it", "ut",
                           "pc", "sc", "ec"})
_ID_ATTRIBUTES = ("id", "i", "x", "startRef", "rid")

# What `pieces` yields, with the node it is about.
TEXT, TAIL, CHAR, TAG = "text", "tail", "char", "tag"


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
    """A unit of a bilingual file with its located source and target. translate is False
    for a unit the file marks translate="no": not checked, not imported, merged as its
    source."""

    unit: BilingualUnit
    source: LocatedText
    target: LocatedText
    has_target: bool = True
    translate: bool = True


# --- The flattener -------------------------------------------------------------------------

def kind_of(tag: object) -> str:
    """Local name of a tag; '' for comments and processing instructions."""
    if type(tag) is not str:
        return ""
    return tag if tag[0] != "{" else tag[tag.index("}") + 1:]


def _code_point(element: etree._Element) -> str:
    """The character of an XLIFF 2.0 <cp hex="..."/>, '' when hex names none."""
    try:
        return chr(int(element.get("hex") or "", 16))
    except (ValueError, OverflowError):
        return ""


def pieces(element: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """The parts of an element's text in order, as (what, node): TEXT the node's text,
    TAIL its tail, CHAR the character of a <cp>, TAG an inline tag to compare."""
    yield TEXT, element
    for child in element:
        kind = kind_of(child.tag)
        if kind in COMPARED_TAGS:
            yield TAG, child
        if kind in CODE_ELEMENTS:
            for sub in child:
                if kind_of(sub.tag) == "sub":
                    yield from pieces(sub)
        elif kind == "cp" and _code_point(child):
            yield CHAR, child
        elif kind:  # hi, sub, g, pc, mrk and unknown elements: their text counts
            yield from pieces(child)
        yield TAIL, child  # comments and PIs: only what follows them


def plain_text(element: etree._Element) -> str:
    """The text of a source, target or seg (see the module docstring)."""
    if not len(element):
        return element.text or ""
    parts: list[str] = []
    for what, node in pieces(element):
        if what == TEXT:
            parts.append(node.text or "")
        elif what == TAIL:
            parts.append(node.tail or "")
        elif what == CHAR:
            parts.append(_code_point(node))
    return "".join(parts)


def markup_of(element: etree._Element | None) -> str | None:
    """The inner XML of an element when it has child elements, namespaces dropped (an
    inline tag reads <ph id="1">, whatever prefix the file gave it); else None."""
    if element is None or len(element) == 0:
        return None
    if element.nsmap or any(isinstance(e.tag, str) and e.tag.startswith("{")
                            for e in element.iter()):
        element = deepcopy(element)
        for node in element.iter():
            if isinstance(node.tag, str) and node.tag.startswith("{"):
                node.tag = local_name(node)
        etree.cleanup_namespaces(element)
    xml = etree.tostring(element, encoding="unicode", with_tail=False)
    start = xml.index(">") + 1  # '>' inside attribute values is escaped by libxml2
    return xml[start:xml.rindex("</")]


# --- Positions ----------------------------------------------------------------------------

_LEXER = re.compile(
    r"""
    (?P<comment><!--.*?-->)
  | (?P<cdata><!\[CDATA\[.*?\]\]>)
  | (?P<pi><\?.*?\?>)
  | (?P<end></[^>]*>)
  | (?P<start><(?P<name>[^\s/>!?][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*?(?P<empty>/)?>)
  | (?P<text>[^<]+)
    """,
    re.VERBOSE | re.DOTALL,
)
_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);|\r\n?")
_NEWLINE = re.compile(r"\r\n?")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_CDATA_OPEN, _CDATA_CLOSE = len("<![CDATA["), len("]]>")
_TEXT_TOKENS = ("text", "cdata")


class Lines:
    """Line and column of offsets in a text (1-based, code points)."""

    def __init__(self, text: str):
        self.starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


class XmlLocator:
    """Where each node of a whole XML document stands in its decoded text."""

    def __init__(self, document: XmlDocument, path: str):
        self.text = text = document.text
        self.path = path
        self.lines = Lines(text)
        # The tokens, as three parallel lists: kind (start, empty, end, text, cdata,
        # comment, pi), first offset, offset after.
        kinds: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        opened: list[int] = []  # tokens of node starts, in document order
        names: list[str] = []  # their local names ("" for comments and PIs)
        closing: dict[int, int] = {}  # start token -> its end token
        stack: list[int] = []
        for match in _LEXER.finditer(text, document.root_offset):
            kind = match.lastgroup or "text"
            index = len(kinds)
            start, end = match.span()
            if kind == "start":
                if match.group("empty"):
                    kind = "empty"
                else:
                    stack.append(index)
                opened.append(index)
                names.append(match.group("name").rpartition(":")[2])
            elif kind == "end":
                if not stack:
                    break
                closing[stack.pop()] = index
            elif kind in ("comment", "pi"):
                opened.append(index)
                names.append("")
            kinds.append(kind)
            starts.append(start)
            ends.append(end)
            if kind == "end" and not stack:
                break  # the root is closed: what follows is not in the tree
        self._kinds, self._starts, self._ends = kinds, starts, ends
        nodes = list(document.tree.getroot().iter())
        if len(nodes) != len(opened) or any(
                kind_of(node.tag) != name for node, name in zip(nodes, names, strict=True)):
            raise self._lost()
        self._open = dict(zip(nodes, opened, strict=True))
        self._close = {node: closing.get(index, index) for node, index in self._open.items()}

    def _lost(self) -> InputError:  # cannot happen for a file lxml accepted
        return InputError("cannot locate the XML elements in the file", self.path)

    def tag_span(self, element: etree._Element) -> tuple[int, int]:
        """The span of an element's start tag."""
        index = self._open[element]
        return self._starts[index], self._ends[index]

    def position(self, element: etree._Element) -> tuple[int, int]:
        """Line and column where an element's content begins: right after its start tag,
        or at the '<' of an empty-element tag."""
        index = self._open[element]
        return self.lines.position(self._starts[index] if self._kinds[index] == "empty"
                                   else self._ends[index])

    def located(self, element: etree._Element) -> LocatedText:
        """The text of an element (as plain_text gives it) with the file offsets of its
        characters and its inline tags."""
        result = LocatedText(anchor=(self._starts[self._open[element]],
                                     self._ends[self._close[element]]))
        for what, node in pieces(element):
            if what == TEXT and node.text:
                self._run(result, self._open[node] + 1, node.text)
            elif what == TAIL and node.tail:
                self._run(result, self._close[node] + 1, node.tail)
            elif what == CHAR:
                result.add(_code_point(node), *self.tag_span(node))
            elif what == TAG:
                ident = next((node.get(a) for a in _ID_ATTRIBUTES if node.get(a)), "")
                result.tags.append(InlineTag(local_name(node), ident or "",
                                             *self.tag_span(node)))
        return result

    def located_unit(self, unit: BilingualUnit, container: etree._Element,
                     source: etree._Element, target: etree._Element | None,
                     translate: bool = True) -> LocatedUnit:
        """The unit with its texts, markup and positions taken from the source and target
        elements; a missing target is placed at the container's start tag (the XLIFF
        unit or segment, the TMX tu)."""
        located_source = self.located(source)
        unit.source, unit.source_markup = located_source.text, markup_of(source)
        unit.source_line, unit.source_column = self.position(source)
        if target is None:
            located_target = LocatedText(anchor=self.tag_span(container))
        else:
            located_target = self.located(target)
            unit.target, unit.target_markup = located_target.text, markup_of(target)
            unit.target_line, unit.target_column = self.position(target)
        return LocatedUnit(unit, located_source, located_target, target is not None,
                           translate)

    def _run(self, result: LocatedText, index: int, expected: str) -> None:
        """Add the text and CDATA tokens from index on, which lxml reads as expected."""
        before = len(result.text)
        kinds = self._kinds
        while index < len(kinds) and kinds[index] in _TEXT_TOKENS:
            if kinds[index] == "cdata":
                self._add_text(result, self._starts[index] + _CDATA_OPEN,
                               self._ends[index] - _CDATA_CLOSE, _NEWLINE)
            else:
                self._add_text(result, self._starts[index], self._ends[index], _REFERENCE)
            index += 1
        if result.text[before:] != expected:
            raise self._lost()

    def _add_text(self, result: LocatedText, start: int, end: int,
                  references: re.Pattern[str]) -> None:
        """Characters start:end, references (or, in CDATA, only line breaks) decoded."""
        text = self.text
        if text.find("&", start, end) < 0 and text.find("\r", start, end) < 0:
            result.add_run(text[start:end], start)  # the common case: nothing to decode
            return
        position = start
        for match in references.finditer(text, start, end):
            result.add_run(text[position:match.start()], position)
            reference = match.group(1) if match.lastindex else None
            if reference is None:  # a line break, which XML reads as one "\n"
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
