"""XLIFF 1.2 and 2.0 bilingual files: articles written for translators, read back.

Writing (`write_xliff12`, `write_xliff20`) takes articles already segmented and
pre-translated (`XliffArticle` > `XliffSegment`) and builds the document with lxml,
pretty-printed UTF-8:

    XLIFF 1.2   <file original=ARTICLE source-language="id-ID" target-language="en-US"
                datatype="plaintext"> > <body> > <group id="pN" resname="paragraph-N"> >
                <trans-unit id="pN-sM"> > <source>, <target state=...>?, <alt-trans
                match-quality=.. origin="termbase-tm">*, <note from="termbase-glossary">*
    XLIFF 2.0   <file id="fK" original=ARTICLE> > <group id="pN"> > <unit id="pN-sM"> >
                <mtc:matches>?, <gls:glossary>?, <notes>?, <segment id="pN-sM"
                state=...> > <source>, <target>?

Reading (`read_xliff_document`, and `read_xliff` / `parse_xliff` from a file or bytes)
takes either version (1.0/1.1/1.2 namespaces, or none with version 1.x; 2.0/2.1/2.2)
through the safe parser of formats/xml.py. It is the one XLIFF reader: `tm import`,
`merge` and the bilingual checks (formats/bilingual.py) all take its units.

    XLIFF 1.x   <file> > <body> > <group>* > <trans-unit id>: its direct <source> and
                <target>; <alt-trans> proposals and <note>s are not units. A
                <bin-unit> is read like a group: its <bin-source> and <bin-target>
                are not text, its <trans-unit>s (the resource's strings) are units
    XLIFF 2.x   <file> > <group>* > <unit id> > <segment>: <source>, <target>;
                <ignorable> is skipped; id "unit", or "unit::segment" when the unit
                has several segments

Texts are flattened by formats/inline.py (native codes dropped, <cp> decoded); markup
is the inner XML of a source or target with child elements, namespaces dropped.

translate="no" on a <file>, <group>, <bin-unit> or unit holds for the units inside (an inner
translate="yes" undoes it). Such a unit is read (`XliffFile.located`, with translate
False) so that merge can keep its source and `tm import` can report it skipped, but it
is not among `XliffFile.units` nor the units `read_xliff` returns: it is neither
imported into a memory nor checked.

Positions. Every unit is located by formats/inline.py's XmlLocator: each character of
its source and target has its offset in the decoded file (`LocatedUnit`, what the
bilingual checks report at), and the unit's line and column (1-based, code points, a
BOM not counted) are where each text's element content begins, right after its start
tag; for an empty element written `<target/>` that of its '<'; none for a missing
target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

import termbase
from termbase.errors import InputError
from termbase.formats.inline import LocatedUnit, XmlLocator, plain_text
from termbase.formats.xml import NOT_XML, XML_LANG, XmlDocument, local_name, read_xml, source_line
from termbase.model import BilingualUnit
from termbase.textio import read_bytes

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"

TM_ORIGIN = "termbase-tm"
GLOSSARY_ORIGIN = "termbase-glossary"
ALIGN_ORIGIN = "termbase-align"  # notes on an aligned pair sent for review
GLOSSARY_SOURCE = "termbase"

# Confirmed translations: what `tm import` takes into the memory.
CONFIRMED_12 = frozenset({"translated", "signed-off", "final"})
CONFIRMED_20 = frozenset({"translated", "reviewed", "final"})

_UNIT_ID = re.compile(r"p(\d+)-s\d+")
_GROUP_ID = re.compile(r"p(\d+)")
_GROUP_RESNAME = re.compile(r"paragraph-(\d+)")


# --- The model written ------------------------------------------------------------------

@dataclass
class GlossaryHit:
    """A glossary term found in a source sentence."""

    term: str  # the Indonesian term as the glossary writes it
    concept_id: str
    english: str | None  # the concept's preferred English term
    status: str  # preferred | admitted | deprecated | superseded
    use_instead: str | None = None  # the preferred Indonesian term, for a disallowed one

    @property
    def allowed(self) -> bool:
        return self.status in ("preferred", "admitted")

    def term_note(self) -> str | None:
        if not self.english:
            return None
        return f"{self.term} → {self.english} ({self.concept_id})"

    def warning_note(self) -> str | None:
        if self.allowed:
            return None
        advice = f", use {self.use_instead}" if self.use_instead else ""
        return f"{self.status}: {self.term}{advice}"


@dataclass
class Candidate:
    """A translation-memory match offered to the translator (alt-trans, mtc:match)."""

    source: str
    target: str
    score: float
    origin: str | None = None


@dataclass
class XliffSegment:
    id: str  # pN-sM
    paragraph: int
    source: str
    target: str | None = None
    score: float | None = None  # the score of the match the target comes from
    candidates: list[Candidate] = field(default_factory=list)
    glossary: list[GlossaryHit] = field(default_factory=list)
    # XLIFF 1.2 only: the target's state when not decided by score (an aligned pair for
    # review: translated or needs-review-translation), and notes for the translator.
    state: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def band(self) -> str:
        if self.target is None or self.score is None:
            return "new"
        return "exact" if self.score >= 100 else "near-exact"


@dataclass
class XliffArticle:
    original: str  # the article's path, as given
    segments: list[XliffSegment]
    source_lang: str = "id-ID"
    target_lang: str = "en-US"

    def paragraphs(self) -> list[tuple[int, list[XliffSegment]]]:
        grouped: dict[int, list[XliffSegment]] = {}
        for segment in self.segments:
            grouped.setdefault(segment.paragraph, []).append(segment)
        return list(grouped.items())


def quality(score: float) -> str:
    """87.0 -> '87', 87.5 -> '87.5'."""
    return f"{score:g}"


def _safe(value: str, where: str) -> str:
    bad = NOT_XML.search(value)
    if bad:
        raise InputError(f"{where} contains U+{ord(bad.group()):04X}, which XML cannot hold")
    return value


def _text_element(parent: etree._Element, tag: str, text: str, where: str,
                  attributes: dict[str, str] | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag, attributes or {})
    element.text = _safe(text, where)
    return element


def _serialise(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(
        root, encoding="UTF-8", xml_declaration=False, pretty_print=True)


# --- Writing XLIFF 1.2 ------------------------------------------------------------------

def write_xliff12(articles: list[XliffArticle], copy_source: bool = False) -> bytes:
    """One <file> per article; see the module docstring for the layout. copy_source
    writes the source into every target the memory did not fill, with state "new", for
    tools that translate the <target> element (OmegaT 3.6's XLIFF filter)."""
    q = f"{{{XLIFF12}}}"
    # lxml-stubs reject None as a prefix; in nsmap it names the default namespace
    root = etree.Element(q + "xliff", {"version": "1.2"}, nsmap={None: XLIFF12})  # type: ignore[dict-item]
    for article in articles:
        file_element = etree.SubElement(root, q + "file", {
            "original": _safe(article.original, "article name"),
            "source-language": article.source_lang,
            "target-language": article.target_lang,
            "datatype": "plaintext",
        })
        header = etree.SubElement(file_element, q + "header")
        etree.SubElement(header, q + "tool", {"tool-id": "termbase", "tool-name": "termbase",
                                             "tool-version": termbase.__version__})
        body = etree.SubElement(file_element, q + "body")
        for number, segments in article.paragraphs():
            group = etree.SubElement(body, q + "group", {"id": f"p{number}",
                                                        "resname": f"paragraph-{number}"})
            for segment in segments:
                _trans_unit(group, segment, f"{article.original}: {segment.id}", copy_source)
    return _serialise(root)


def _trans_unit(group: etree._Element, segment: XliffSegment, where: str,
                copy_source: bool) -> None:
    q = f"{{{XLIFF12}}}"
    unit = etree.SubElement(group, q + "trans-unit", {"id": segment.id})
    _text_element(unit, q + "source", segment.source, where)
    if segment.target is not None and segment.state is not None:
        _text_element(unit, q + "target", segment.target, where, {"state": segment.state})
    elif segment.target is not None:
        exact = segment.band == "exact"
        _text_element(unit, q + "target", segment.target, where, {
            "state": "translated" if exact else "needs-review-translation",
            "state-qualifier": "exact-match" if exact else "fuzzy-match",
        })
    elif copy_source:
        _text_element(unit, q + "target", segment.source, where, {"state": "new"})
    for candidate in segment.candidates:
        alt = etree.SubElement(unit, q + "alt-trans", {"match-quality": quality(candidate.score),
                                                      "origin": TM_ORIGIN})
        _text_element(alt, q + "source", candidate.source, where)
        _text_element(alt, q + "target", candidate.target, where)
    for text in segment.notes:
        _text_element(unit, q + "note", text, where, {"from": ALIGN_ORIGIN})
    for hit in segment.glossary:
        note = hit.term_note()
        if note:
            _text_element(unit, q + "note", note, where, {"from": GLOSSARY_ORIGIN})
        warning = hit.warning_note()
        if warning:
            _text_element(unit, q + "note", warning, where,
                          {"from": GLOSSARY_ORIGIN, "priority": "1", "annotates": "source"})


# --- Writing XLIFF 2.0 ------------------------------------------------------------------

def write_xliff20(articles: list[XliffArticle], copy_source: bool = False) -> bytes:
    """One <file id="fK"> per article; see the module docstring for the layout.
    copy_source writes the source into every target the memory did not fill (the
    segment stays in state initial)."""
    q = f"{{{XLIFF20}}}"
    source_lang = articles[0].source_lang if articles else "id-ID"
    target_lang = articles[0].target_lang if articles else "en-US"
    # lxml-stubs reject None as a prefix; in nsmap it names the default namespace
    root = etree.Element(q + "xliff", {"version": "2.0", "srcLang": source_lang,
                                       "trgLang": target_lang},
                         nsmap={None: XLIFF20, "mtc": MTC, "gls": GLS})  # type: ignore[dict-item]
    for index, article in enumerate(articles, start=1):
        file_element = etree.SubElement(root, q + "file", {
            "id": f"f{index}", "original": _safe(article.original, "article name")})
        for number, segments in article.paragraphs():
            group = etree.SubElement(file_element, q + "group", {"id": f"p{number}"})
            for segment in segments:
                _unit(group, segment, f"{article.original}: {segment.id}", copy_source)
    return _serialise(root)


def _unit(group: etree._Element, segment: XliffSegment, where: str,
          copy_source: bool) -> None:
    q = f"{{{XLIFF20}}}"
    unit = etree.SubElement(group, q + "unit", {"id": segment.id})
    if segment.candidates:
        matches = etree.SubElement(unit, f"{{{MTC}}}matches")
        for candidate in segment.candidates:
            match = etree.SubElement(matches, f"{{{MTC}}}match", {
                "ref": f"#{segment.id}", "similarity": quality(candidate.score),
                "type": "tm", "origin": TM_ORIGIN})
            _text_element(match, q + "source", candidate.source, where)
            _text_element(match, q + "target", candidate.target, where)
    entries = [hit for hit in segment.glossary if hit.english]
    if entries:
        glossary = etree.SubElement(unit, f"{{{GLS}}}glossary")
        for hit in entries:
            entry = etree.SubElement(glossary, f"{{{GLS}}}glossEntry")
            _text_element(entry, f"{{{GLS}}}term", hit.term, where, {"source": GLOSSARY_SOURCE})
            _text_element(entry, f"{{{GLS}}}translation", hit.english or "", where,
                          {"source": GLOSSARY_SOURCE})
    warnings = [w for w in (hit.warning_note() for hit in segment.glossary) if w]
    if warnings:
        notes = etree.SubElement(unit, q + "notes")
        for warning in warnings:
            _text_element(notes, q + "note", warning, where,
                          {"category": GLOSSARY_ORIGIN, "priority": "1",
                           "appliesTo": "source"})
    attributes = {"id": segment.id}
    if segment.target is None:
        attributes["state"] = "initial"
    elif segment.band == "exact":
        attributes["state"] = "translated"
    else:  # near-exact: a draft for the translator to confirm
        attributes.update(state="initial", subState="termbase:near-exact")
    element = etree.SubElement(unit, q + "segment", attributes)
    _text_element(element, q + "source", segment.source, where)
    if segment.target is not None:
        _text_element(element, q + "target", segment.target, where)
    elif copy_source:
        _text_element(element, q + "target", segment.source, where)


# --- Reading ----------------------------------------------------------------------------

@dataclass
class XliffFile:
    """One <file> of a document read, with its units in document order."""

    original: str | None
    id: str | None
    source_lang: str | None
    target_lang: str | None
    line: int | None
    located: list[LocatedUnit] = field(default_factory=list)  # translate="no" ones too

    @property
    def units(self) -> list[BilingualUnit]:
        """The units to translate: those marked translate="no" are left out."""
        return [located.unit for located in self.located if located.translate]


@dataclass
class XliffMeta:
    version: str  # "1.2" (any 1.x) or "2.0" (any 2.x), as found in the file
    files: list[XliffFile] = field(default_factory=list)
    text: str = ""  # the decoded document: the offsets of located texts index into it


def is_confirmed(unit: BilingualUnit, version: str) -> bool:
    """A translation the translator confirmed: 1.2 approved="yes" or state translated,
    signed-off, final; 2.0 state translated, reviewed, final."""
    if version.startswith("1"):
        return unit.approved or (unit.state or "") in CONFIRMED_12
    return (unit.state or "initial") in CONFIRMED_20


def read_xliff(path: str) -> tuple[XliffMeta, list[BilingualUnit]]:
    """The units to translate of an XLIFF 1.x or 2.x file, in document order; InputError
    with the file and line for anything that is not readable XLIFF."""
    name = str(path)
    return parse_xliff(read_bytes(path), name)


def parse_xliff(data: bytes, name: str) -> tuple[XliffMeta, list[BilingualUnit]]:
    meta = read_xliff_document(read_xml(data, name), name)
    return meta, [unit for file in meta.files for unit in file.units]


def read_xliff_document(document: XmlDocument, name: str) -> XliffMeta:
    """Every unit of a parsed XLIFF document, located (see the module docstring)."""
    root = document.tree.getroot()
    if local_name(root) != "xliff":
        raise InputError(f"not an XLIFF file (root element <{local_name(root)}>)", name,
                         source_line(root))
    namespace = etree.QName(root).namespace or ""
    version = root.get("version") or ""
    if namespace.startswith("urn:oasis:names:tc:xliff:document:2.") or (
            not namespace and version.startswith("2.")):
        reader: _Reader = _Reader20(document, namespace, name)
    elif namespace.startswith("urn:oasis:names:tc:xliff:document:1.") or (
            not namespace and version.startswith("1.")):
        reader = _Reader12(document, namespace, name)
    else:
        raise InputError(f"not an XLIFF version termbase reads (namespace {namespace!r}, "
                         f"version {version!r}; 1.2 and 2.0 are read)", name, source_line(root))
    meta = XliffMeta(version or namespace.rsplit(":", 1)[-1], text=document.text)
    files = reader.children(root, "file")
    if not files:
        raise InputError("XLIFF without a <file>", name, source_line(root))
    for file_element in files:
        xliff_file = reader.file_of(file_element)
        reader.walk(reader.body_of(file_element), xliff_file, [],
                    _translates(file_element, True))
        meta.files.append(xliff_file)
    return meta


def _translates(element: etree._Element, inherited: bool) -> bool:
    """translate="no" on a file, group or unit holds for what it encloses unless an inner
    element says translate="yes"."""
    value = element.get("translate")
    return inherited if value is None else value != "no"


def _paragraph(ids: list[tuple[str, str | None]]) -> int | None:
    """The paragraph from enclosing groups (innermost first) or the unit id."""
    for kind, value in ids:
        if not value:
            continue
        pattern = {"resname": _GROUP_RESNAME, "group": _GROUP_ID, "unit": _UNIT_ID}[kind]
        found = pattern.fullmatch(value)
        if found:
            return int(found.group(1))
    return None


class _Reader:
    """What reading 1.2 and 2.0 share: the namespace, the located texts."""

    unit_name = ""  # the element a unit is: trans-unit, unit
    containers: tuple[str, ...] = ("group",)  # elements whose units are read

    def __init__(self, document: XmlDocument, namespace: str, name: str):
        self.namespace = namespace
        self.name = name
        self.root = document.tree.getroot()
        self.locator = XmlLocator(document, name)

    def children(self, element: etree._Element, name: str) -> list[etree._Element]:
        tag = f"{{{self.namespace}}}{name}" if self.namespace else name
        return [child for child in element if child.tag == tag]

    def file_of(self, file_element: etree._Element) -> XliffFile:
        raise NotImplementedError

    def body_of(self, file_element: etree._Element) -> etree._Element:
        return file_element

    def walk(self, element: etree._Element, xliff_file: XliffFile,
             groups: list[tuple[str, str | None]], translate: bool) -> None:
        """The groups and units below element, in document order."""
        prefix = f"{{{self.namespace}}}" if self.namespace else ""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or not tag.startswith(prefix) or (
                    not self.namespace and "}" in tag):
                continue  # comments, modules and extensions
            kind = local_name(child)
            if kind in self.containers:
                self.walk(child, xliff_file, [*self.group_ids(child), *groups],
                          _translates(child, translate))
            elif kind == self.unit_name:
                unit_id = child.get("id")
                if not unit_id and kind == "trans-unit":
                    # XLIFF 1.2 requires the id, but OmegaT and translate-toolkit read
                    # files without it: the unit is named by its line instead.
                    unit_id = f"line-{source_line(child)}"
                if not unit_id:
                    raise InputError(f"<{kind}> without an id", self.name, source_line(child))
                xliff_file.located.extend(self.units_of(
                    child, unit_id, xliff_file, _paragraph([*groups, ("unit", unit_id)]),
                    _translates(child, translate)))

    def group_ids(self, group: etree._Element) -> list[tuple[str, str | None]]:
        return [("group", group.get("id"))]

    def units_of(self, unit: etree._Element, unit_id: str, xliff_file: XliffFile,
                 paragraph: int | None, translate: bool) -> list[LocatedUnit]:
        raise NotImplementedError

    def source_target(self, element: etree._Element,
                      what: str) -> tuple[etree._Element, etree._Element | None]:
        sources = self.children(element, "source")
        if not sources:
            raise InputError(f"{what} without a <source>", self.name, source_line(element))
        targets = self.children(element, "target")
        return sources[0], (targets[0] if targets else None)


class _Reader12(_Reader):
    unit_name = "trans-unit"
    # A <bin-unit> (an embedded binary resource) may hold <trans-unit>s for its text.
    containers = ("group", "bin-unit")

    def file_of(self, file_element: etree._Element) -> XliffFile:
        return XliffFile(file_element.get("original"), None,
                         file_element.get("source-language"),
                         file_element.get("target-language"), source_line(file_element))

    def body_of(self, file_element: etree._Element) -> etree._Element:
        bodies = self.children(file_element, "body")
        if not bodies:
            raise InputError("<file> without a <body>", self.name, source_line(file_element))
        return bodies[0]

    def group_ids(self, group: etree._Element) -> list[tuple[str, str | None]]:
        return [("resname", group.get("resname")), ("group", group.get("id"))]

    def units_of(self, unit: etree._Element, unit_id: str, xliff_file: XliffFile,
                 paragraph: int | None, translate: bool) -> list[LocatedUnit]:
        source, target = self.source_target(unit, f"<trans-unit id={unit_id!r}>")
        return [self.locator.located_unit(BilingualUnit(
            id=unit_id, source="", target="",
            source_lang=source.get(XML_LANG) or xliff_file.source_lang or "id",
            target_lang=xliff_file.target_lang or "en",
            state=(target.get("state") or _sdl_state(unit)) if target is not None else None,
            approved=unit.get("approved") == "yes", paragraph=paragraph,
            notes=[plain_text(note) for note in self.children(unit, "note")]),
            unit, source, target, translate)]


# Trados (SDLXLIFF) keeps a segment's confirmation not in the target's state but in
# <sdl:seg-defs><sdl:seg conf="..."/> of its trans-unit.
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
_SDL_CONFIRMED = frozenset({"Translated", "ApprovedTranslation", "ApprovedSignOff"})


def _sdl_state(unit: etree._Element) -> str | None:
    """"translated" when Trados marked every segment of the unit confirmed, else
    "needs-review-translation"; None where no segment has a confirmation level (a
    file that is not Trados's, or segments Trados never confirmed nor drafted)."""
    levels = [seg.get("conf") or "" for seg in unit.iter(f"{{{SDL}}}seg")]
    if not any(levels):
        return None
    if all(level in _SDL_CONFIRMED for level in levels):
        return "translated"
    return "needs-review-translation"


class _Reader20(_Reader):
    unit_name = "unit"

    def file_of(self, file_element: etree._Element) -> XliffFile:
        return XliffFile(file_element.get("original"), file_element.get("id"),
                         self.root.get("srcLang"), self.root.get("trgLang"),
                         source_line(file_element))

    def units_of(self, unit: etree._Element, unit_id: str, xliff_file: XliffFile,
                 paragraph: int | None, translate: bool) -> list[LocatedUnit]:
        segments = self.children(unit, "segment")
        if not segments:
            raise InputError(f"<unit id={unit_id!r}> without a <segment>", self.name,
                             source_line(unit))
        notes = [plain_text(note) for notes in self.children(unit, "notes")
                 for note in self.children(notes, "note")]
        found = []
        for index, segment in enumerate(segments, start=1):
            source, target = self.source_target(segment, f"<segment> of unit {unit_id!r}")
            state = segment.get("state")
            identifier = unit_id if len(segments) == 1 else \
                f"{unit_id}::{segment.get('id') or f'segment-{index}'}"
            found.append(self.locator.located_unit(BilingualUnit(
                id=identifier, source="", target="",
                source_lang=xliff_file.source_lang or "id",
                target_lang=xliff_file.target_lang or "en",
                state=state, approved=state in ("reviewed", "final"),
                paragraph=paragraph, notes=list(notes)), segment, source, target, translate))
        return found
