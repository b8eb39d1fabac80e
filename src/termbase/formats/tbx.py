"""TBX glossaries, v2 (<martif>, ISO 30042:2008) and v3 (<tbx>, ISO 30042:2019).

Reading is namespace-agnostic: both dialects are walked by local element names, so
TBX-Basic DCA (<termNote type="administrativeStatus">) and DCT
(<basic:administrativeStatus>) files load alike. translate-toolkit's tbx module reads
only v2 and only <tig>, so the reader is ours (lxml, see STANDARDS.md section 3).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from lxml import etree

from termbase.errors import InputError, TermbaseWarning
from termbase.formats.xml import XML_LANG, local_name, parse_xml, source_line, text_of, xml_lang
from termbase.model import Concept, Status, Term
from termbase.textio import read_bytes

_STATUS_VALUES = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.SUPERSEDED,
    # the rest of ISO 12620's administrativeStatus picklist (TBX v2 default XCS): terms
    # an authority fixed, as binding as preferred ones
    "standardizedterm-admn-sts": Status.PREFERRED,
    "legalterm-admn-sts": Status.PREFERRED,
    "regulatedterm-admn-sts": Status.PREFERRED,
    # termbase's own names, as CSV and PO glossaries write them
    "preferred": Status.PREFERRED,
    "admitted": Status.ADMITTED,
    "deprecated": Status.DEPRECATED,
    "superseded": Status.SUPERSEDED,
    # an obsolete term is out of use because newer usage replaced it: superseded (ISO
    # 12620's temporal qualifier obsoleteTerm), not deprecated (advised against)
    "obsolete": Status.SUPERSEDED,
    "obsoleteterm": Status.SUPERSEDED,
    # TBX-Default normativeAuthorization values
    "preferredterm": Status.PREFERRED,
    "admittedterm": Status.ADMITTED,
    "deprecatedterm": Status.DEPRECATED,
    "supersededterm": Status.SUPERSEDED,
    "standardizedterm": Status.PREFERRED,
    "legalterm": Status.PREFERRED,
    "regulatedterm": Status.PREFERRED,
}


def status_named(value: str) -> Status | None:
    """The status a glossary file's status value names (TBX, ISO 12620 or termbase's
    own words, any case), or None for a value no vocabulary here knows."""
    return _STATUS_VALUES.get(value.strip().lower())


# The structural elements per TBX version: concept, language section, term group.
STRUCTURE = {
    2: {"concept": "termEntry", "language": "langSet", "term": "tig"},
    3: {"concept": "conceptEntry", "language": "langSec", "term": "termSec"},
}
# The administrativeStatus value written for a status (read back by _STATUS_VALUES).
STATUS_NAMES = {status: f"{status.value}Term-admn-sts" for status in Status}
_CONCEPT = {names["concept"] for names in STRUCTURE.values()}
_LANGUAGE = {names["language"] for names in STRUCTURE.values()}
_TERM_GROUP = {names["term"] for names in STRUCTURE.values()} | {"ntig"}  # ntig: v2 too


@dataclass(frozen=True)
class TbxNotice:
    """A term the reader left out, or part of one it could not keep; the rest of the
    file is read. kind: unknown-status, empty-term, no-term, several-terms."""

    path: str
    line: int | None
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else \
            f"{self.path}: {self.message}"


def warn_notices(notices: list[TbxNotice], path: str | None = None) -> None:
    """Each notice as a TermbaseWarning (one line), under path if given."""
    for notice in notices:
        shown = notice if path is None else replace(notice, path=path)
        warnings.warn(TermbaseWarning(str(shown)), stacklevel=3)


def read_tbx(path: str | Path) -> list[Concept]:
    return parse_tbx(read_bytes(path), str(path))


def parse_tbx(data: bytes, name: str, faults: list[InputError] | None = None,
              notices: list[TbxNotice] | None = None) -> list[Concept]:
    """Concepts of a TBX document. A fault in a concept (a language section without
    xml:lang, a duplicate id) raises InputError, or, when a faults list is given, is
    appended to it and the concept skipped, so that a validator can report them all.

    A term with an unknown status or an empty <term>, a term group without one, and a
    second <term> in one term group are left out and the rest read: each is a
    TbxNotice, appended to notices when given, else a TermbaseWarning."""
    found: list[TbxNotice] = []
    concepts = _parse(data, name, faults, found)
    if notices is None:
        warn_notices(found)
    else:
        notices.extend(found)
    return concepts


def _parse(data: bytes, name: str, faults: list[InputError] | None,
           notices: list[TbxNotice]) -> list[Concept]:
    root = parse_xml(data, name).getroot()
    if local_name(root) not in ("martif", "tbx"):
        raise InputError(f"not a TBX file (root element <{local_name(root)}>)", name,
                         source_line(root))
    concepts = []
    seen: dict[str, int | None] = {}
    for entry in root.iter():
        if local_name(entry) not in _CONCEPT:
            continue
        try:
            concept = _read_concept(entry, name, notices)
            if concept.id in seen:
                raise InputError(f"duplicate concept id {concept.id!r} (first at line "
                                 f"{seen[concept.id]})", name, source_line(entry))
        except InputError as fault:
            if faults is None:
                raise
            faults.append(fault)
            continue
        seen[concept.id] = source_line(entry)
        concepts.append(concept)
    return concepts


def _read_concept(entry: etree._Element, name: str, notices: list[TbxNotice]) -> Concept:
    concept = Concept(
        id=entry.get("id") or f"line-{source_line(entry)}",
        terms=[],
        source=name,
        line=source_line(entry),
    )
    for child in entry:
        kind = local_name(child)
        if kind in ("descrip", "subjectField") and _type_of(child) in ("subjectField", None):
            concept.subject_field = text_of(child).strip() or concept.subject_field
        elif kind == "note":
            concept.note = text_of(child).strip()
        elif kind in _LANGUAGE:
            _read_language(child, concept, name, notices)
    return concept


def _type_of(element: etree._Element) -> str | None:
    if local_name(element) in ("descrip", "termNote", "admin"):
        return element.get("type")
    return None


def _read_language(section: etree._Element, concept: Concept, name: str,
                   notices: list[TbxNotice]) -> None:
    language = xml_lang(section)
    if not language:
        raise InputError(f"<{local_name(section)}> without xml:lang", name, source_line(section))
    for child in section:
        kind = local_name(child)
        if kind in _TERM_GROUP:
            term = _read_term(child, language, name, notices, concept.id)
            if term is not None:
                concept.terms.append(term)
        elif kind == "definition" or (kind == "descrip" and _type_of(child) == "definition"):
            concept.definitions[language] = text_of(child).strip()
        elif kind == "descripGrp":
            for inner in child:
                if _type_of(inner) == "definition" or local_name(inner) == "definition":
                    concept.definitions[language] = text_of(inner).strip()


_TERM_FIELDS = ("administrativeStatus", "normativeAuthorization", "termType", "partOfSpeech")


def _read_term(group: etree._Element, language: str, name: str, notices: list[TbxNotice],
               concept_id: str) -> Term | None:
    term_element = None
    notes: dict[str, tuple[str, int | None]] = {}
    properties: dict[str, str] = {}
    note = None
    group_name = local_name(group)

    def skipped(kind: str, message: str, line: int | None) -> None:
        notices.append(TbxNotice(name, line, kind, f"{message} (concept {concept_id})"))

    for element in group.iter():
        kind = local_name(element)
        if kind == "term" and term_element is None:
            term_element = element
        elif kind == "term":
            skipped("several-terms", f"<{group_name}> holds more than one <term>: "
                    f"{' '.join(text_of(element).split())!r} left out (a term group holds "
                    "one term; give it a group of its own)", source_line(element))
        elif kind == "note":
            note = text_of(element).strip()
        note_type = element.get("type") if kind == "termNote" else kind
        if note_type in _TERM_FIELDS:
            notes.setdefault(note_type, (text_of(element).strip(), source_line(element)))
        elif kind == "termNote" and note_type:
            properties[note_type] = text_of(element).strip()
    if term_element is None:
        skipped("no-term", f"<{group_name}> without a <term> left out", source_line(group))
        return None
    text = " ".join(text_of(term_element).split())
    if not text:
        skipped("empty-term", "empty <term> left out", source_line(term_element))
        return None
    status = Status.ADMITTED
    raw = notes.get("administrativeStatus") or notes.get("normativeAuthorization")
    if raw:
        value, line = raw
        if value.lower() not in _STATUS_VALUES:
            skipped("unknown-status", f"term {text!r} left out: unknown administrative "
                    f"status {value!r}", line)
            return None
        status = _STATUS_VALUES[value.lower()]
    return Term(
        text=text,
        language=language,
        status=status,
        term_type=(notes.get("termType") or (None,))[0],
        part_of_speech=(notes.get("partOfSpeech") or (None,))[0],
        line=source_line(term_element),
        note=note,
        properties=properties,
    )


# --- Writing ---------------------------------------------------------------------------

TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
_XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


class _SubElement(Protocol):
    """write_tbx's sub: a child element in the document's namespace, with text."""

    def __call__(self, parent: etree._Element, tag: str, text: str | None = None,
                 **attributes: str) -> etree._Element: ...


def write_tbx(concepts: list[Concept], version: int = 2,
              title: str = "termbase glossary") -> bytes:
    """TBX-Basic (DCA style) as pretty-printed UTF-8 bytes; v2 <martif> or v3 <tbx>.

    Element order follows glossaries/*.tbx. Terms are grouped into one language
    section per language tag, in order of first appearance; a language that has only
    a definition gets a section after those. parse_tbx() reads the result back to
    equal concepts (terms regrouped by language).
    """
    if version not in STRUCTURE:
        raise ValueError(f"TBX version must be 2 or 3, not {version!r}")
    namespace = "" if version == 2 else f"{{{TBX3_NAMESPACE}}}"

    def sub(parent: etree._Element, tag: str, text: str | None = None,
            **attributes: str) -> etree._Element:
        element = etree.SubElement(parent, namespace + tag, attributes)
        element.text = text
        return element

    if version == 2:
        root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
        header = sub(root, "martifHeader")
    else:
        # lxml-stubs reject None as a prefix; in nsmap it names the default namespace
        root = etree.Element(namespace + "tbx", {"type": "TBX-Basic", "style": "dca",
                                                 XML_LANG: "en"},
                             nsmap={None: TBX3_NAMESPACE})  # type: ignore[dict-item]
        header = sub(root, "tbxHeader")
    file_desc = sub(header, "fileDesc")
    sub(sub(file_desc, "titleStmt"), "title", title)
    sub(sub(file_desc, "sourceDesc"), "p", "Written by termbase.")
    body = sub(sub(root, "text"), "body")
    entry_tag, language_tag, group_tag = STRUCTURE[version].values()
    for concept in concepts:
        entry = sub(body, entry_tag, id=concept.id)
        if concept.subject_field is not None:
            sub(entry, "descrip", concept.subject_field, type="subjectField")
        if concept.note is not None:
            sub(entry, "note", concept.note)
        for language, terms in _by_language(concept):
            section = sub(entry, language_tag, **{XML_LANG: language})
            if language in concept.definitions:
                sub(section, "descrip", concept.definitions[language], type="definition")
            for term in terms:
                _write_term(sub(section, group_tag), term, sub)
    etree.indent(root, space="  ")
    return _XML_DECLARATION + etree.tostring(root, encoding="UTF-8") + b"\n"


def _by_language(concept: Concept) -> list[tuple[str, list[Term]]]:
    groups: dict[str, list[Term]] = {}
    for term in concept.terms:
        groups.setdefault(term.language, []).append(term)
    for language in concept.definitions:
        groups.setdefault(language, [])
    return list(groups.items())


def _write_term(group: etree._Element, term: Term, sub: _SubElement) -> None:
    sub(group, "term", term.text)
    sub(group, "termNote", STATUS_NAMES[term.status], type="administrativeStatus")
    if term.part_of_speech is not None:
        sub(group, "termNote", term.part_of_speech, type="partOfSpeech")
    if term.term_type is not None:
        sub(group, "termNote", term.term_type, type="termType")
    for key, value in term.properties.items():
        if key in _TERM_FIELDS or not key:
            raise ValueError(f"term {term.text!r}: property name {key!r} is reserved")
        sub(group, "termNote", value, type=key)
    if term.note is not None:
        sub(group, "note", term.note)
