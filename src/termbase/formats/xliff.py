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

Reading (`read_xliff`) takes either version (1.0/1.1/1.2 namespaces, or none with
version 1.x; 2.0/2.1/2.2) through the safe parser of formats/xml.py and returns the
units as `BilingualUnit`s with the line and column of their texts.

Positions. libxml2 gives each element the line on which its start tag *ends*, which is
where the element's text begins, but no column. The column comes from the raw text:
the decoded document is scanned once from the root element (the prolog, DOCTYPE
included, was read by formats/xml.py's linear scanner) with a small lexer that skips
comments, CDATA, processing instructions and end tags and yields every start tag in
document order, quoted attribute values (which may hold '>') included. The n-th start
tag is the n-th element lxml iterates, so the position right after its '>' is where
the element's text starts: that line and column (1-based, code points, a BOM not
counted) are the unit's. If the lexer and lxml ever disagree (a name or a line that
does not match), positions are left out (None) rather than guessed. For an empty
element written `<target/>` the position is that of its '<'.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

import termbase
from termbase.errors import InputError
from termbase.formats.xml import NOT_XML, XML_LANG, XmlDocument, local_name, read_xml, source_line
from termbase.model import BilingualUnit
from termbase.textio import read_bytes

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20 = "urn:oasis:names:tc:xliff:document:2.0"
MTC = "urn:oasis:names:tc:xliff:matches:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"

TM_ORIGIN = "termbase-tm"
GLOSSARY_ORIGIN = "termbase-glossary"
GLOSSARY_SOURCE = "termbase"

# Confirmed translations: what `tm import` takes into the memory.
CONFIRMED_12 = frozenset({"translated", "signed-off", "final"})
CONFIRMED_20 = frozenset({"translated", "reviewed", "final"})

# XLIFF 1.2 inline elements holding native codes: their text is not part of the segment.
_CODES_12 = frozenset({"bpt", "ept", "it", "ph"})
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
    if segment.target is not None:
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
    units: list[BilingualUnit] = field(default_factory=list)


@dataclass
class XliffMeta:
    version: str  # "1.2" (any 1.x) or "2.0" (any 2.x), as found in the file
    files: list[XliffFile] = field(default_factory=list)


def is_confirmed(unit: BilingualUnit, version: str) -> bool:
    """A translation the translator confirmed: 1.2 approved="yes" or state translated,
    signed-off, final; 2.0 state translated, reviewed, final."""
    if version.startswith("1"):
        return unit.approved or (unit.state or "") in CONFIRMED_12
    return (unit.state or "initial") in CONFIRMED_20


def read_xliff(path: str) -> tuple[XliffMeta, list[BilingualUnit]]:
    """The units of an XLIFF 1.x or 2.x file, in document order; InputError with the file
    and line for anything that is not readable XLIFF."""
    name = str(path)
    return parse_xliff(read_bytes(path), name)


def parse_xliff(data: bytes, name: str) -> tuple[XliffMeta, list[BilingualUnit]]:
    document = read_xml(data, name)
    root = document.tree.getroot()
    if local_name(root) != "xliff":
        raise InputError(f"not an XLIFF file (root element <{local_name(root)}>)", name,
                         source_line(root))
    namespace = etree.QName(root).namespace or ""
    version = root.get("version") or ""
    positions = _Positions(document)
    if namespace.startswith("urn:oasis:names:tc:xliff:document:2.") or (
            not namespace and version.startswith("2.")):
        meta = _read_20(root, namespace, version or namespace.rsplit(":", 1)[-1], name,
                        positions)
    elif namespace.startswith("urn:oasis:names:tc:xliff:document:1.") or (
            not namespace and version.startswith("1.")):
        meta = _read_12(root, namespace, version or namespace.rsplit(":", 1)[-1], name,
                        positions)
    else:
        raise InputError(f"not an XLIFF version termbase reads (namespace {namespace!r}, "
                         f"version {version!r}; 1.2 and 2.0 are read)", name, source_line(root))
    units = [unit for file in meta.files for unit in file.units]
    return meta, units


def _children(element: etree._Element, namespace: str, name: str) -> list[etree._Element]:
    tag = f"{{{namespace}}}{name}" if namespace else name
    return [child for child in element if child.tag == tag]


def _core_children(element: etree._Element, namespace: str) -> list[etree._Element]:
    """Child elements in the document's own namespace (not comments, not modules)."""
    prefix = f"{{{namespace}}}" if namespace else ""
    return [child for child in element if isinstance(child.tag, str)
            and child.tag.startswith(prefix) and (namespace or "}" not in child.tag)]


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


def _read_12(root, namespace: str, version: str, name: str, positions) -> XliffMeta:
    meta = XliffMeta(version)
    files = _children(root, namespace, "file")
    if not files:
        raise InputError("XLIFF without a <file>", name, source_line(root))
    for file_element in files:
        xliff_file = XliffFile(file_element.get("original"), None,
                               file_element.get("source-language"),
                               file_element.get("target-language"), source_line(file_element))
        bodies = _children(file_element, namespace, "body")
        if not bodies:
            raise InputError("<file> without a <body>", name, source_line(file_element))
        _walk_12(bodies[0], namespace, name, positions, xliff_file, [])
        meta.files.append(xliff_file)
    return meta


def _walk_12(element, namespace, name, positions, xliff_file: XliffFile, groups) -> None:
    for child in _core_children(element, namespace):
        kind = local_name(child)
        if kind == "group":
            _walk_12(child, namespace, name, positions, xliff_file,
                     [("resname", child.get("resname")), ("group", child.get("id")), *groups])
        elif kind == "trans-unit":
            xliff_file.units.append(_trans_unit_of(child, namespace, name, positions,
                                                   xliff_file, groups))


def _trans_unit_of(unit, namespace, name, positions, xliff_file, groups) -> BilingualUnit:
    unit_id = unit.get("id")
    if not unit_id:
        raise InputError("<trans-unit> without an id", name, source_line(unit))
    sources = _children(unit, namespace, "source")
    if not sources:
        raise InputError(f"<trans-unit id={unit_id!r}> without a <source>", name,
                         source_line(unit))
    targets = _children(unit, namespace, "target")
    source, target = sources[0], (targets[0] if targets else None)
    result = BilingualUnit(
        id=unit_id, source=_plain_12(source), target=_plain_12(target) if target is not None
        else "", source_lang=source.get(XML_LANG) or xliff_file.source_lang or "id",
        target_lang=xliff_file.target_lang or "en",
        state=target.get("state") if target is not None else None,
        approved=unit.get("approved") == "yes",
        source_markup=_markup(source),
        target_markup=_markup(target) if target is not None else None,
        paragraph=_paragraph([*groups, ("unit", unit_id)]),
        notes=[_plain_12(note) for note in _children(unit, namespace, "note")],
    )
    result.source_line, result.source_column = positions.of(source)
    if target is not None:
        result.target_line, result.target_column = positions.of(target)
    return result


def _plain_12(element: etree._Element) -> str:
    """Text of an element: inline markup flattened, native codes (bpt, ept, it, ph)
    dropped, the text of their <sub> kept."""
    parts: list[str] = [element.text or ""]
    for child in element:
        kind = local_name(child)
        if kind in _CODES_12:
            parts.extend(_plain_12(sub) for sub in child if local_name(sub) == "sub")
        elif kind:
            parts.append(_plain_12(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _plain_20(element: etree._Element) -> str:
    """Text of a 2.0 source/target: ph, sc, ec are empty codes; pc, mrk, sm/em keep or
    mark text, so all text is kept."""
    if not len(element):
        return element.text or ""
    # lxml-stubs say itertext() may yield bytes; an _Element's text is always str
    return "".join(element.itertext(with_tail=True))  # type: ignore[arg-type]


def _markup(element: etree._Element | None) -> str | None:
    """The inner XML of an element with child elements (namespace declarations dropped)."""
    if element is None or len(element) == 0:
        return None
    xml = etree.tostring(element, encoding="unicode", with_tail=False)
    inner = xml[xml.index(">") + 1: xml.rindex("</")]
    return re.sub(r'\s+xmlns(?::[\w.-]+)?="[^"]*"', "", inner)


def _read_20(root, namespace: str, version: str, name: str, positions) -> XliffMeta:
    meta = XliffMeta(version)
    files = _children(root, namespace, "file")
    if not files:
        raise InputError("XLIFF without a <file>", name, source_line(root))
    for file_element in files:
        xliff_file = XliffFile(file_element.get("original"), file_element.get("id"),
                               root.get("srcLang"), root.get("trgLang"),
                               source_line(file_element))
        _walk_20(file_element, namespace, name, positions, xliff_file, [])
        meta.files.append(xliff_file)
    return meta


def _walk_20(element, namespace, name, positions, xliff_file: XliffFile, groups) -> None:
    for child in _core_children(element, namespace):
        kind = local_name(child)
        if kind == "group":
            _walk_20(child, namespace, name, positions, xliff_file,
                     [("group", child.get("id")), *groups])
        elif kind == "unit":
            xliff_file.units.extend(_units_of(child, namespace, name, positions, xliff_file,
                                              groups))


def _units_of(unit, namespace, name, positions, xliff_file, groups) -> list[BilingualUnit]:
    unit_id = unit.get("id")
    if not unit_id:
        raise InputError("<unit> without an id", name, source_line(unit))
    segments = _children(unit, namespace, "segment")
    if not segments:
        raise InputError(f"<unit id={unit_id!r}> without a <segment>", name, source_line(unit))
    notes = [note.text or "" for notes in _children(unit, namespace, "notes")
             for note in _children(notes, namespace, "note")]
    paragraph = _paragraph([*groups, ("unit", unit_id)])
    found = []
    for index, segment in enumerate(segments, start=1):
        sources = _children(segment, namespace, "source")
        if not sources:
            raise InputError(f"<segment> of unit {unit_id!r} without a <source>", name,
                             source_line(segment))
        targets = _children(segment, namespace, "target")
        source, target = sources[0], (targets[0] if targets else None)
        state = segment.get("state")
        identifier = unit_id if len(segments) == 1 else \
            f"{unit_id}::{segment.get('id') or f'segment-{index}'}"
        result = BilingualUnit(
            id=identifier, source=_plain_20(source),
            target=_plain_20(target) if target is not None else "",
            source_lang=xliff_file.source_lang or "id",
            target_lang=xliff_file.target_lang or "en",
            state=state, approved=state in ("reviewed", "final"),
            source_markup=_markup(source),
            target_markup=_markup(target) if target is not None else None,
            paragraph=paragraph, notes=list(notes))
        result.source_line, result.source_column = positions.of(source)
        if target is not None:
            result.target_line, result.target_column = positions.of(target)
        found.append(result)
    return found


# --- Positions --------------------------------------------------------------------------

_MARKUP = re.compile(
    r"""<!--.*?-->"""
    r"""|<!\[CDATA\[.*?\]\]>"""
    r"""|<\?.*?\?>"""
    r"""|</[^>]*>"""
    r"""|<(?P<name>[^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(?P<empty>/?)>""",
    re.DOTALL)


class _Positions:
    """Line and column of the first character of each element's text (see the module
    docstring)."""

    def __init__(self, document: XmlDocument):
        self._where: dict[etree._Element, tuple[int, int]] = {}
        text, tree = document.text, document.tree
        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
        # From the root on: the prolog, DOCTYPE included, holds no element.
        tags = [m for m in _MARKUP.finditer(text, document.root_offset) if m.group("name")]
        if len(tags) != len(elements):
            return
        where: dict[etree._Element, tuple[int, int]] = {}
        for element, tag in zip(elements, tags, strict=True):
            qname = tag.group("name")
            if qname.rpartition(":")[2] != local_name(element):
                return
            offset = tag.start() if tag.group("empty") else tag.end()
            end_line = bisect.bisect_right(line_starts, tag.end() - 1)
            if source_line(element) is not None and end_line != source_line(element):
                return
            line = bisect.bisect_right(line_starts, offset) if offset < len(text) else \
                len(line_starts)
            where[element] = (line, offset - line_starts[line - 1] + 1)
        self._where = where

    def of(self, element: etree._Element) -> tuple[int | None, int | None]:
        where = self._where.get(element)
        return (source_line(element), None) if where is None else where
