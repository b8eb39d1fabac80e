"""Editing a TBX file in place: change what is asked, keep every other byte.

The file is parsed with lxml (comments, unknown elements and attributes, order and
white space kept), the edit is made on the tree, and the result is written back with
the original prolog (XML declaration, DOCTYPE, leading comments) and epilog. New
elements copy the indentation of their neighbours, so a diff shows only the edit. The
new text is parsed again as TBX before it replaces the file, atomically.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from termbase.errors import InputError
from termbase.formats.tbx import STATUS_NAMES, STRUCTURE, parse_tbx, write_tbx
from termbase.formats.xml import XML_LANG, local_name, read_xml, source_line, text_of, unfit_for_xml
from termbase.glossary import is_stored
from termbase.lang.tags import normal_tag
from termbase.model import Concept, Status, Term
from termbase.textio import atomic_write_bytes, read_bytes

if TYPE_CHECKING:
    from termbase.glossary.postgres import StoredFile


class TbxFile:
    def __init__(self, path: str | Path, data: bytes | None = None,
                 based_on: int | None = None):
        """The TBX file at path, or (data given) a file to be created there. A path
        "postgresql://...#NAME.tbx" is a file stored in that database (see
        termbase.glossary.postgres): read from it (refused unless it still has version
        based_on, when given), and saved back only if nobody wrote it meanwhile."""
        self.path = str(path)
        self.new = data is not None
        self._stored: StoredFile | None = None
        self._version: int | None = None  # the stored file's, when read
        if is_stored(self.path):
            from termbase.glossary.postgres import open_stored, stored_file

            if data is None:
                self._stored, data, self._version = open_stored(self.path, based_on)
            else:
                self._stored = stored_file(self.path)
            self.path = self._stored.source  # the password masked, for every message
        elif data is None:
            data = read_bytes(self.path)
        document = read_xml(data, self.path)
        self.tree = document.tree
        self.root = self.tree.getroot()
        self._codec = _codec_of(data, document.encoding, self.path)
        # The byte-order mark stays in the text (as U+FEFF), so it is written back.
        self.original_text = data.decode(self._codec)
        self._line_end = _line_end_of(self.original_text, self.path)
        offset = document.root_offset + len(self.original_text) - len(document.text)
        self._prolog = self.original_text[:offset]
        self._epilog = _epilog(self.original_text, self.root)
        self.names = STRUCTURE[3 if local_name(self.root) == "tbx" else 2]
        self.namespace = etree.QName(self.root).namespace
        if self.new:
            self.original_text = ""  # a diff shows all of it as added

    @classmethod
    def create(cls, path: str | Path, version: int = 2) -> TbxFile:
        """An empty TBX-Basic glossary (v2 or v3) to be written at path; save() refuses
        to put it in the place of a file that exists."""
        return cls(path, write_tbx([], version))

    # --- finding ---------------------------------------------------------------
    def _tag(self, name: str) -> str:
        return f"{{{self.namespace}}}{name}" if self.namespace else name

    def body(self) -> etree._Element:
        for element in self.root.iter():
            if local_name(element) == "body":
                return element
        raise InputError("no <body> element", self.path, source_line(self.root))

    def entry(self, concept_id: str) -> etree._Element:
        for element in self.root.iter():
            if local_name(element) == self.names["concept"] and element.get("id") == concept_id:
                return element
        raise InputError(f"no concept with id {concept_id!r}", self.path)

    def _term_group(self, entry: etree._Element, text: str) -> etree._Element:
        for group in entry.iter():
            if local_name(group) in ("tig", "ntig", "termSec"):
                for term in group.iter():
                    if local_name(term) == "term" and " ".join(
                            text_of(term).split()).casefold() == text.casefold():
                        return group
        raise InputError(f"no term {text!r} in concept {entry.get('id')!r}", self.path,
                         source_line(entry))

    def _language_section(self, entry: etree._Element, language: str) -> etree._Element:
        """The entry's section for a language, created if it has none."""
        for section in entry:
            if local_name(section) == self.names["language"] and \
                    normal_tag(section.get(XML_LANG) or "") == normal_tag(language):
                return section
        section = etree.Element(self._tag(self.names["language"]))
        section.set(XML_LANG, self._xml(language))
        _append(entry, section)
        return section

    # --- editing ---------------------------------------------------------------
    def add_concept(self, concept: Concept) -> None:
        if any(local_name(e) == self.names["concept"] and e.get("id") == concept.id
               for e in self.root.iter()):
            raise InputError(f"concept id {concept.id!r} exists already", self.path)
        entry = etree.Element(self._tag(self.names["concept"]), id=self._xml(concept.id))
        if concept.subject_field:
            self._descrip(entry, "subjectField", concept.subject_field)
        if concept.note:
            self._child(entry, "note", concept.note)
        for language, definition in concept.definitions.items():
            self._descrip(self._language_section(entry, language), "definition", definition)
        for term in concept.terms:
            self._add_term_element(entry, term)
        _append(self.body(), entry)

    def remove_concept(self, concept_id: str) -> None:
        _remove(self.entry(concept_id))

    def set_subject_field(self, concept_id: str, value: str) -> None:
        entry = self.entry(concept_id)
        for child in entry:
            if local_name(child) == "descrip" and child.get("type") == "subjectField":
                child.text = self._xml(value)
                return
        element = self._descrip(None, "subjectField", value)
        _insert(entry, 0, element)

    def set_note(self, concept_id: str, value: str) -> None:
        entry = self.entry(concept_id)
        for child in entry:
            if local_name(child) == "note":
                child.text = self._xml(value)
                return
        position = next((i for i, c in enumerate(entry)
                         if local_name(c) == self.names["language"]), len(entry))
        _insert(entry, position, etree.Element(self._tag("note")), text=self._xml(value))

    def set_definition(self, concept_id: str, language: str, value: str) -> None:
        section = self._language_section(self.entry(concept_id), language)
        for child in section:
            if local_name(child) == "descrip" and child.get("type") == "definition":
                child.text = self._xml(value)
                return
        element = self._descrip(None, "definition", value)
        _insert(section, 0, element)

    def add_term(self, concept_id: str, term: Term) -> None:
        entry = self.entry(concept_id)
        for existing in entry.iter():
            if local_name(existing) == "term" and text_of(existing).strip() \
                    .casefold() == term.text.casefold():
                raise InputError(f"{term.text!r} is already in {concept_id}", self.path,
                                 source_line(existing))
        self._add_term_element(entry, term)

    def set_status(self, concept_id: str, text: str, status: Status) -> None:
        group = self._term_group(self.entry(concept_id), text)
        for note in group.iter():
            if local_name(note) == "termNote" and note.get("type") in (
                    "administrativeStatus", "normativeAuthorization"):
                note.text = (STATUS_NAMES[status] if note.get("type") == "administrativeStatus"
                             else f"{status.value}Term")
                return
        term_element = next(e for e in group.iter() if local_name(e) == "term")
        holder = term_element.getparent()
        assert holder is not None  # a <term> found inside the group has a parent
        note = etree.Element(self._tag("termNote"), type="administrativeStatus")
        _insert(holder, holder.index(term_element) + 1, note, text=STATUS_NAMES[status])

    def remove_term(self, concept_id: str, text: str) -> None:
        _remove(self._term_group(self.entry(concept_id), text))

    # --- building ----------------------------------------------------------------
    def _xml(self, value: str) -> str:
        """value, if XML can hold it; else an InputError instead of lxml's ValueError."""
        reason = unfit_for_xml(value)
        if reason:
            raise InputError(reason, self.path)
        return value

    def _descrip(self, parent: etree._Element | None, kind: str, value: str) -> etree._Element:
        element = etree.Element(self._tag("descrip"), type=kind)
        element.text = self._xml(value)
        if parent is not None:
            _append(parent, element)
        return element

    def _child(self, parent: etree._Element, name: str, value: str) -> etree._Element:
        element = etree.Element(self._tag(name))
        element.text = self._xml(value)
        _append(parent, element)
        return element

    def _add_term_element(self, entry: etree._Element, term: Term) -> None:
        section = self._language_section(entry, term.language)
        group = etree.Element(self._tag(self.names["term"]))
        _append(section, group)
        self._child(group, "term", term.text)
        notes = [("administrativeStatus", STATUS_NAMES[term.status]),
                 ("termType", term.term_type), ("partOfSpeech", term.part_of_speech),
                 *term.properties.items()]
        for kind, value in notes:
            if value:
                element = self._child(group, "termNote", value)
                element.set("type", self._xml(kind))
        if term.note:
            self._child(group, "note", term.note)

    # --- writing -----------------------------------------------------------------
    def to_text(self) -> str:
        """The edited file as text: untouched parts as they were, line ends as they were."""
        body = etree.tostring(self.root, encoding="unicode")
        if self._line_end != "\n":  # the parser turned every CRLF into LF
            body = body.replace("\n", self._line_end)
        return self._prolog + body + self._epilog

    @property
    def changed(self) -> bool:
        """Whether the edits made so far change the file's text at all."""
        return self.to_text() != self.original_text

    def to_bytes(self) -> bytes:
        """The edited file in its own encoding; a character it cannot hold becomes &#N;."""
        return self.to_text().encode(self._codec, "xmlcharrefreplace")

    def save(self, user: str | None = None) -> list[Concept]:
        """Check the edited file still reads as TBX, then replace the file atomically;
        a stored file in one transaction that fails if another edit saved it since it
        was read (user: who made the edit, kept with a stored file)."""
        from termbase.workspace import refuse_installed

        data = self.to_bytes()
        if self._stored is not None:
            from termbase.glossary.postgres import save_stored

            concepts = parse_tbx(data, self.path)
            self._version = save_stored(self._stored, data, self._version, user)
            self.new = False
            return concepts
        refuse_installed(self.path, "glossary")
        concepts = parse_tbx(data, self.path)
        if self.new and Path(self.path).exists():
            raise InputError("exists already; a new glossary is not written over it",
                             self.path)
        atomic_write_bytes(self.path, data)
        return concepts


_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _codec_of(data: bytes, decided: str, path: str) -> str:
    """The Python codec that turns the file's bytes into text and back unchanged: the
    one the safe reader decided on, refused where writing back would be ambiguous."""
    if decided.startswith("utf-16") and not data.startswith(_BOMS):
        raise InputError(f"cannot edit {decided.upper()} without a byte order mark; "
                         "convert the file to UTF-8 first, e.g. iconv -t utf-8", path)
    return decided


def _line_end_of(text: str, path: str) -> str:
    """CRLF or LF, whichever the file uses throughout; mixed line ends are refused,
    since the edited part could only follow one of them."""
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf and not lf and not cr:
        return "\r\n"
    if not crlf and not cr:
        return "\n"
    raise InputError(f"mixed line ends ({crlf} CRLF, {lf} LF, {cr} CR): an edit would "
                     "change lines it does not touch; make them uniform first "
                     "(dos2unix or unix2dos)", path)


def _epilog(text: str, root: etree._Element) -> str:
    """What follows the root element's end tag (comments, white space)."""
    name = root.tag.rpartition("}")[2]
    end_tag = f"</{root.prefix}:{name}>" if root.prefix else f"</{name}>"
    end = text.rfind(end_tag)
    return text[end + len(end_tag):] if end >= 0 else ""


def _indent_of(element: etree._Element) -> str:
    previous = element.getprevious()
    if previous is not None:
        whitespace = previous.tail
    else:
        parent = element.getparent()
        assert parent is not None  # only elements below the root are indented
        whitespace = parent.text
    whitespace = whitespace or ""
    return whitespace[whitespace.rfind("\n") + 1 :] if "\n" in whitespace else ""


def _child_indent(parent: etree._Element) -> tuple[str, str]:
    """(indentation of parent's children, indentation of parent's closing tag)."""
    if len(parent):
        first_whitespace = parent.text or ""
        inner = first_whitespace[first_whitespace.rfind("\n") + 1 :]
        last_tail = parent[-1].tail or ""
        outer = last_tail[last_tail.rfind("\n") + 1 :]
        return inner, outer
    outer = _indent_of(parent) if parent.getparent() is not None else ""
    return outer + "  ", outer


def _append(parent: etree._Element, child: etree._Element) -> None:
    _insert(parent, len(parent), child)


def _insert(parent: etree._Element, position: int, child: etree._Element,
            text: str | None = None) -> None:
    if text is not None:
        child.text = text
    inner, outer = _child_indent(parent)
    if len(child):
        etree.indent(child, space="  ", level=0)
        _shift(child, inner)
    if not len(parent):
        parent.text = "\n" + inner
        child.tail = "\n" + outer
    elif position >= len(parent):
        child.tail = parent[-1].tail
        parent[-1].tail = "\n" + inner
    else:
        child.tail = "\n" + inner
        if position == 0:
            parent.text = "\n" + inner
    parent.insert(position, child)


def _shift(element: etree._Element, indent: str) -> None:
    """Move an indented subtree right by indent (etree.indent starts at column 0)."""
    for node in element.iter():
        if node.text and node.text.strip() == "" and "\n" in node.text:
            node.text = node.text.replace("\n", "\n" + indent)
        if node is not element and node.tail and node.tail.strip() == "" and "\n" in node.tail:
            node.tail = node.tail.replace("\n", "\n" + indent)


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None  # concepts and term groups are never the root
    previous = element.getprevious()
    if element.getnext() is None:
        if previous is not None:
            previous.tail = element.tail
        else:
            parent.text = element.tail if element.tail and not element.tail.strip() else None
    parent.remove(element)
