"""TBX glossaries, v2 (<martif>, ISO 30042:2008) and v3 (<tbx>, ISO 30042:2019).

Reading is namespace-agnostic: both dialects are walked by local element names, so
TBX-Basic DCA (<termNote type="administrativeStatus">) and DCT
(<basic:administrativeStatus>) files load alike. translate-toolkit's tbx module reads
only v2 and only <tig>, so the reader is ours (lxml, see STANDARDS.md section 3).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from termbase.errors import InputError
from termbase.formats.xml import local_name, parse_xml, text_of, xml_lang
from termbase.model import Concept, Status, Term
from termbase.textio import read_bytes

_STATUS_VALUES = {
    "preferredterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.SUPERSEDED,
    # TBX-Default normativeAuthorization values
    "preferredterm": Status.PREFERRED,
    "admittedterm": Status.ADMITTED,
    "deprecatedterm": Status.DEPRECATED,
    "supersededterm": Status.SUPERSEDED,
    "standardizedterm": Status.PREFERRED,
    "legalterm": Status.PREFERRED,
    "regulatedterm": Status.PREFERRED,
}
_CONCEPT = {"termEntry", "conceptEntry"}
_LANGUAGE = {"langSet", "langSec"}
_TERM_GROUP = {"tig", "ntig", "termSec"}


def read_tbx(path: str | Path) -> list[Concept]:
    return parse_tbx(read_bytes(path), str(path))


def parse_tbx(data: bytes, name: str) -> list[Concept]:
    root = parse_xml(data, name).getroot()
    if local_name(root) not in ("martif", "tbx"):
        raise InputError(f"not a TBX file (root element <{local_name(root)}>)", name,
                         root.sourceline)
    concepts = []
    seen: dict[str, int] = {}
    for entry in root.iter():
        if local_name(entry) not in _CONCEPT:
            continue
        concept = _read_concept(entry, name)
        if concept.id in seen:
            raise InputError(f"duplicate concept id {concept.id!r} (first at line "
                             f"{seen[concept.id]})", name, entry.sourceline)
        seen[concept.id] = entry.sourceline
        concepts.append(concept)
    return concepts


def _read_concept(entry: etree._Element, name: str) -> Concept:
    concept = Concept(
        id=entry.get("id") or f"line-{entry.sourceline}",
        terms=[],
        source=name,
        line=entry.sourceline,
    )
    for child in entry:
        kind = local_name(child)
        if kind in ("descrip", "subjectField") and _type_of(child) in ("subjectField", None):
            concept.subject_field = text_of(child).strip() or concept.subject_field
        elif kind == "note":
            concept.note = text_of(child).strip()
        elif kind in _LANGUAGE:
            _read_language(child, concept, name)
    return concept


def _type_of(element: etree._Element) -> str | None:
    if local_name(element) in ("descrip", "termNote", "admin"):
        return element.get("type")
    return None


def _read_language(section: etree._Element, concept: Concept, name: str) -> None:
    language = xml_lang(section)
    if not language:
        raise InputError(f"<{local_name(section)}> without xml:lang", name, section.sourceline)
    for child in section:
        kind = local_name(child)
        if kind in _TERM_GROUP:
            concept.terms.append(_read_term(child, language, name))
        elif kind == "definition" or (kind == "descrip" and _type_of(child) == "definition"):
            concept.definitions[language] = text_of(child).strip()
        elif kind == "descripGrp":
            for inner in child:
                if _type_of(inner) == "definition" or local_name(inner) == "definition":
                    concept.definitions[language] = text_of(inner).strip()


_TERM_FIELDS = ("administrativeStatus", "normativeAuthorization", "termType", "partOfSpeech")


def _read_term(group: etree._Element, language: str, name: str) -> Term:
    term_element = None
    notes: dict[str, tuple[str, int]] = {}
    properties: dict[str, str] = {}
    note = None
    for element in group.iter():
        kind = local_name(element)
        if kind == "term" and term_element is None:
            term_element = element
        elif kind == "note":
            note = text_of(element).strip()
        note_type = element.get("type") if kind == "termNote" else kind
        if note_type in _TERM_FIELDS:
            notes.setdefault(note_type, (text_of(element).strip(), element.sourceline))
        elif kind == "termNote" and note_type:
            properties[note_type] = text_of(element).strip()
    if term_element is None:
        raise InputError("term group without a <term>", name, group.sourceline)
    text = " ".join(text_of(term_element).split())
    if not text:
        raise InputError("empty <term>", name, term_element.sourceline)
    status = Status.ADMITTED
    raw = notes.get("administrativeStatus") or notes.get("normativeAuthorization")
    if raw:
        value, line = raw
        if value.lower() not in _STATUS_VALUES:
            raise InputError(f"unknown administrative status {value!r}", name, line)
        status = _STATUS_VALUES[value.lower()]
    return Term(
        text=text,
        language=language,
        status=status,
        term_type=(notes.get("termType") or (None,))[0],
        part_of_speech=(notes.get("partOfSpeech") or (None,))[0],
        line=term_element.sourceline,
        note=note,
        properties=properties,
    )
