"""TMX 1.4b translation memories, read and written as a stream (lxml).

Reading (`iter_tmx`) uses lxml's iterparse and frees every <tu> after use, so memory
stays flat however many units the file holds. Before parsing, the prolog (everything
before the root element, at most the first 64 KB) is scanned for entity declarations,
which are refused; the parser never resolves entities, never loads a DTD and never
uses the network (see formats/xml.py). Because units are yielded as they are parsed, a
fault late in a file is raised after the units before it were yielded: callers that
store units wrap the whole import in one transaction.

Per <tu> (see docs/tm-formats.md for the full mapping):

    source / target        plain text of the <seg> of the tuv in the source / target
                           language: text of <hi> and <sub> kept, content of the
                           native-code elements <bpt> <ept> <it> <ph> <ut> dropped;
                           whitespace kept exactly
    source_markup / ...    the inner XML of <seg> when it has child elements, else None
    source_lang / ...      the tuv's xml:lang (legacy "in" read as "id")
    created_at, ...        tu creationdate/changedate, else the tuvs' (earliest
                           creation, latest change), normalised to YYYYMMDDThhmmssZ
    created_by, ...        tu creationid/changeid, else the source tuv's, else target's
    tuid, props, notes     tu attribute, tu-level <prop type> and <note> (tuv-level
                           props and notes are not read)
    origin                 value of the first prop of type x-origin or x-document

Tuvs are matched by base language, case-insensitively ("id", "id-ID", "ID-id" and the
legacy "in" are Indonesian); header srclang (even "*all*") does not matter. A tu
without both languages, or whose source or target text is empty, is skipped and
reported through on_skip(line, reason).

Writing (`write_tmx_to`, `write_tmx`) streams with etree.xmlfile: UTF-8, a DOCTYPE
naming tmx14.dtd, version "1.4", the header attributes tmx14.dtd requires in its
order, and per unit one tuv in source_lang and one in target_lang.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from copy import deepcopy
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import IO, BinaryIO

from lxml import etree

import termbase
from termbase.errors import InputError
from termbase.formats.xml import NOT_XML, local_name, parse_xml
from termbase.model import TranslationUnit
from termbase.textio import open_binary

OnSkip = Callable[[int | None, str], None]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PROLOG_LIMIT = 64 * 1024
# Inline elements holding native codes: their own text is not part of the segment text.
CODE_ELEMENTS = frozenset({"bpt", "ept", "it", "ph", "ut"})
INLINE_ELEMENTS = CODE_ELEMENTS | {"hi", "sub"}
ORIGIN_PROPS = ("x-origin", "x-document")
_BASIC_DATE = re.compile(r"\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])"
                         r"[0-5]\d[0-5]\dZ")
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?"
                   r"(Z|[+-]\d{2}(?::?\d{2})?)?", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
# Prolog: XML declaration, comments, processing instructions and white space...
_MISC = re.compile(r"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
# ...a DOCTYPE with quoted literals and an internal subset...
_DOCTYPE = re.compile(r"""<!DOCTYPE(?:[^\[>"']|"[^"]*"|'[^']*'|"""
                      r"""\[(?:<!--.*?-->|<\?.*?\?>|"[^"]*"|'[^']*'|[^\]"'])*\])*>""",
                      re.DOTALL)
# ...then the root element.
_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


# --- Reading ---------------------------------------------------------------------------

def iter_tmx(path_or_file: str | os.PathLike[str] | BinaryIO, name: str | None = None,
             source_lang: str = "id", target_lang: str = "en",
             on_skip: OnSkip | None = None) -> Iterator[TranslationUnit]:
    """Translation units of a TMX file (a path or a binary file object), streamed."""
    if isinstance(path_or_file, (str, os.PathLike)):
        name = name or str(path_or_file)
        with open_binary(path_or_file, name) as handle:
            yield from _iter_stream(handle, name, source_lang, target_lang, on_skip)
    else:
        name = name or str(getattr(path_or_file, "name", "<tmx>"))
        yield from _iter_stream(path_or_file, name, source_lang, target_lang, on_skip)


def _iter_stream(handle: IO[bytes], name: str, source_lang: str, target_lang: str,
                 on_skip: OnSkip | None) -> Iterator[TranslationUnit]:
    head = handle.read(PROLOG_LIMIT)
    check_prolog(head, name)
    stream = _Prefixed(head, handle)
    context = etree.iterparse(
        stream, events=("end",), tag=("{*}header", "{*}tu"),
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        attribute_defaults=False, huge_tree=False,
    )
    checked = False
    try:
        for _event, element in context:
            if not checked:
                _check_document(element, name)
                checked = True
            if local_name(element) != "tu":
                continue
            unit = _read_tu(element, name, source_lang, target_lang, on_skip)
            # Free the unit and everything parsed before it: memory stays flat.
            element.clear(keep_tail=False)
            parent = element.getparent()
            if parent is not None:
                while element.getprevious() is not None:
                    del parent[0]
            if unit is not None:
                yield unit
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        message = str(exc.msg or exc).split(", line ")[0]
        raise InputError(f"malformed XML: {message}", name, line) from None
    root = context.root
    if root is None:
        raise InputError("no XML element found", name)
    if not checked:
        _check_document(root, name)


class _Prefixed(io.RawIOBase):
    """The bytes already read for the prolog check, then the rest of the file."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            if size is None or size < 0:
                data, self._head = self._head + self._rest.read(), b""
                return data
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._rest.read(size)


def check_prolog(head: bytes, name: str) -> None:
    """Refuse empty files, entity declarations and a root other than <tmx>.

    head: the first bytes of the file (up to PROLOG_LIMIT). Entity declarations can
    only be in the DOCTYPE, so the text before the root element is searched; when the
    root is not within head, all of head is.
    """
    text = _decode_head(head, name)
    if not text.strip():
        raise InputError("empty file, expected TMX", name)
    position = _MISC.match(text).end()
    doctype = _DOCTYPE.match(text, position)
    if doctype:
        prolog_end = _MISC.match(text, doctype.end()).end()
    elif text.startswith("<!DOCTYPE", position):
        prolog_end = len(text)  # DOCTYPE longer than head (or unclosed): search it all
    else:
        prolog_end = position
    declaration = _ENTITY.search(text, 0, prolog_end)
    if declaration:
        line = text.count("\n", 0, declaration.start()) + 1
        raise InputError("entity declarations are not allowed (XXE/entity-expansion risk)",
                         name, line)
    root = _ROOT.match(text, prolog_end)
    if root and root.group(1) != "tmx":
        raise InputError(f"not a TMX file (root element <{root.group(1)}>)", name,
                         text.count("\n", 0, root.start()) + 1)


def _decode_head(head: bytes, name: str) -> str:
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError("UTF-32 is not accepted: TMX is UTF-8 or UTF-16", name)
    if head.startswith(codecs.BOM_UTF8):
        encoding, head = "utf-8", head[3:]
    elif head.startswith(codecs.BOM_UTF16_LE):
        encoding, head = "utf-16-le", head[2:]
    elif head.startswith(codecs.BOM_UTF16_BE):
        encoding, head = "utf-16-be", head[2:]
    elif head.startswith(b"<\x00"):
        encoding = "utf-16-le"
    elif head.startswith(b"\x00<"):
        encoding = "utf-16-be"
    else:
        # UTF-8 or another ASCII-compatible encoding: the markup is ASCII either way.
        encoding = "utf-8"
    if encoding != "utf-8":
        head = head[: len(head) // 2 * 2]
    return head.decode(encoding, errors="replace")


def _check_document(element: etree._Element, name: str) -> None:
    """Once per document, when the first element is parsed: root name and DTD."""
    tree = element.getroottree()
    root = tree.getroot()
    if local_name(root) != "tmx":
        raise InputError(f"not a TMX file (root element <{local_name(root)}>)", name,
                         root.sourceline)
    # Second line of defence, for a DOCTYPE that did not fit into the scanned prolog:
    # entities are never expanded, but a document declaring any is refused all the same.
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError("entity declarations are not allowed (XXE/entity-expansion risk)",
                         name, 1)


class _EntityReference(Exception):
    def __init__(self, node: etree._Entity):
        super().__init__(node.text)
        self.node = node


def _kind(tag: object) -> str:
    """Local name of a tag; '' for comments, processing instructions and entities."""
    if type(tag) is not str:
        return ""
    return tag if tag[0] != "{" else tag[tag.index("}") + 1:]


def _read_tu(tu: etree._Element, name: str, source_lang: str, target_lang: str,
             on_skip: OnSkip | None) -> TranslationUnit | None:
    line = tu.sourceline
    tuvs: list[tuple[str, etree._Element]] = []
    props: list[tuple[str, str]] = []
    notes: list[str] = []
    origin = None
    for child in tu:
        kind = _kind(child.tag)
        if kind == "tuv":
            tuvs.append((_lang_of(child), child))
        elif kind in ("prop", "note"):
            if len(child):
                _refuse_entities(child, name)
            text = child.text or ""
            if kind == "note":
                notes.append(text)
                continue
            prop_type = child.get("type", "")
            props.append((prop_type, text))
            if origin is None and text and prop_type in ORIGIN_PROPS:
                origin = text
        elif child.tag is etree.Entity:
            _refuse_entities(tu, name)
    source = _pick(tuvs, source_lang, None)
    target = _pick(tuvs, target_lang, source)
    if source is None or target is None:
        missing = [lang for lang, tuv in ((source_lang, source[1] if source else None),
                                          (target_lang, target[1] if target else None))
                   if tuv is None]
        _skip(on_skip, line, f"no tuv in {' or '.join(missing)}")
        return None
    (source_tag, source_tuv), (target_tag, target_tuv) = source, target
    source_seg, target_seg = _seg_of(source_tuv), _seg_of(target_tuv)
    if source_seg is None or target_seg is None:
        _skip(on_skip, line, "tuv without <seg>")
        return None
    try:
        source_text, source_markup = _seg_content(source_seg)
        target_text, target_markup = _seg_content(target_seg)
    except _EntityReference as found:
        _refuse_entities(found.node, name)
        raise  # not reached
    if not source_text.strip() or not target_text.strip():
        _skip(on_skip, line, f"empty {'source' if not source_text.strip() else 'target'} "
                             "segment")
        return None
    get = tu.get
    created_at = _date(get("creationdate"))
    if created_at is None:
        created_at = _first(_date(source_tuv.get("creationdate")),
                            _date(target_tuv.get("creationdate")), min)
    changed_at = _date(get("changedate"))
    if changed_at is None:
        changed_at = _first(_date(source_tuv.get("changedate")),
                            _date(target_tuv.get("changedate")), max)
    return TranslationUnit(
        source=source_text,
        target=target_text,
        source_lang=_normal_tag(source_tag),
        target_lang=_normal_tag(target_tag),
        source_markup=source_markup,
        target_markup=target_markup,
        created_at=created_at,
        created_by=get("creationid") or source_tuv.get("creationid")
        or target_tuv.get("creationid"),
        changed_at=changed_at,
        changed_by=get("changeid") or source_tuv.get("changeid")
        or target_tuv.get("changeid"),
        origin=origin,
        tuid=get("tuid"),
        props=props,
        notes=notes,
        line=line,
    )


def _first(a: str | None, b: str | None, choose: Callable[[str, str], str]) -> str | None:
    if a is None or b is None:
        return a or b
    return choose(a, b)


def _refuse_entities(element: etree._Element, name: str) -> None:
    nodes = [element] if element.tag is etree.Entity else element.iter(etree.Entity)
    for node in nodes:
        raise InputError(f"undefined entity {node.text} (TMX allows only the five XML "
                         "entities)", name, node.sourceline)


def _skip(on_skip: OnSkip | None, line: int | None, reason: str) -> None:
    if on_skip is not None:
        on_skip(line, reason)


def _lang_of(tuv: etree._Element) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").strip()


@lru_cache(maxsize=256)
def base_language(tag: str) -> str:
    """'id-ID', 'ID_id', 'in' → 'id'; 'en-US' → 'en'."""
    base = tag.lower().replace("_", "-").split("-")[0]
    return "id" if base == "in" else base


@lru_cache(maxsize=256)
def _normal_tag(tag: str) -> str:
    """The tag as written, except the legacy Indonesian code 'in' → 'id'."""
    parts = tag.replace("_", "-").split("-")
    if parts[0].lower() == "in":
        parts[0] = "id"
    return "-".join(parts)


def _pick(tuvs: list[tuple[str, etree._Element]], wanted: str,
          taken: tuple[str, etree._Element] | None) -> tuple[str, etree._Element] | None:
    """The (tag, tuv) in a language: the same full tag if there is one, else the first
    with the same base language."""
    base = base_language(wanted)
    exact = _normal_tag(wanted).lower()
    first = None
    for pair in tuvs:
        if pair is taken or base_language(pair[0]) != base:
            continue
        if _normal_tag(pair[0]).lower() == exact:
            return pair
        if first is None:
            first = pair
    return first


def _seg_of(tuv: etree._Element) -> etree._Element | None:
    for child in tuv:
        if _kind(child.tag) == "seg":
            return child
    return None


def _seg_content(seg: etree._Element) -> tuple[str, str | None]:
    """(plain text, markup or None) of a seg read from a file."""
    if not len(seg):
        return seg.text or "", None
    for node in seg.iter(etree.Entity):
        raise _EntityReference(node)
    return plain_text(seg), markup_of(seg)


def plain_text(seg: etree._Element) -> str:
    """The text of a seg for matching: <hi> and <sub> text kept, native codes dropped."""
    parts: list[str] = [seg.text or ""]
    for child in seg:
        kind = _kind(child.tag)
        if kind in CODE_ELEMENTS:
            parts.extend(plain_text(sub) for sub in child if _kind(sub.tag) == "sub")
        elif kind:  # hi, sub and unknown elements: their text counts
            parts.append(plain_text(child))
        parts.append(child.tail or "")  # comments and PIs: only what follows them
    return "".join(parts)


def markup_of(seg: etree._Element) -> str | None:
    """The inner XML of a seg when it has child elements (namespaces dropped)."""
    if len(seg) == 0:
        return None
    if seg.nsmap:  # a TMX embedded in another vocabulary: drop the namespaces
        seg = deepcopy(seg)
        for element in seg.iter():
            if isinstance(element.tag, str) and element.tag.startswith("{"):
                element.tag = local_name(element)
        etree.cleanup_namespaces(seg)
    xml = etree.tostring(seg, encoding="unicode", with_tail=False)
    start = xml.index(">") + 1  # '>' inside attribute values is escaped by libxml2
    return xml[start:xml.rindex("</")]


def normalise_date(value: str | None) -> str | None:
    """ISO 8601 date-time (basic or extended, optional fraction and offset) →
    YYYYMMDDThhmmssZ in UTC; None for anything else."""
    return _date(value)


def _date(value: str | None) -> str | None:
    if not value:
        return None
    if _BASIC_DATE.fullmatch(value):
        return value  # already normal (the common case)
    match = _DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute),
                          int(second))
    except ValueError:
        return None
    if zone and zone.upper() != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        moment -= sign * offset
    return moment.strftime("%Y%m%dT%H%M%SZ")


# --- Writing ---------------------------------------------------------------------------

_PROLOG = b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'


def write_tmx(units: Iterable[TranslationUnit], source_lang: str = "id-ID",
              target_lang: str = "en-US", creation_date: str | None = None) -> bytes:
    out = io.BytesIO()
    write_tmx_to(out, units, source_lang, target_lang, creation_date)
    return out.getvalue()


def write_tmx_to(file_obj: IO[bytes], units: Iterable[TranslationUnit],
                 source_lang: str = "id-ID", target_lang: str = "en-US",
                 creation_date: str | None = None) -> int:
    """Stream a TMX 1.4 document to a binary file object; returns the number of units.

    Every tuv gets source_lang / target_lang (not the tags the units were read with),
    so that tools bound to one language pair (Trados) take every unit. A unit's markup
    is written when it parses as TMX inline markup whose plain text is the unit's
    text; otherwise (markup stale after an edit, or not TMX) the plain text is.
    Raises InputError for text XML cannot hold (control characters).
    """
    header = {
        # the attributes tmx14.dtd requires, in its order
        "creationtool": "termbase",
        "creationtoolversion": termbase.__version__,
        "segtype": "sentence",
        "o-tmf": "termbase",
        "adminlang": "en-US",
        "srclang": source_lang,
        "datatype": "plaintext",
        "creationdate": creation_date or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ"),
    }
    count = 0
    file_obj.write(_PROLOG)
    with etree.xmlfile(file_obj, encoding="utf-8") as xf, \
            xf.element("tmx", version="1.4"):
        xf.write("\n  ")
        xf.write(etree.Element("header", header))
        xf.write("\n  ")
        with xf.element("body"):
            for count, unit in enumerate(units, start=1):  # noqa: B007
                xf.write("\n    ")
                xf.write(_tu_element(unit, source_lang, target_lang, count))
            xf.write("\n  ")
        xf.write("\n")
    file_obj.write(b"\n")
    return count


def _tu_element(unit: TranslationUnit, source_lang: str, target_lang: str,
                number: int) -> etree._Element:
    where = f"unit {number}" + (f" (tuid {unit.tuid})" if unit.tuid else "")
    attributes = {}
    for key, value in (("tuid", unit.tuid), ("creationdate", _date(unit.created_at)),
                       ("creationid", unit.created_by), ("changedate", _date(unit.changed_at)),
                       ("changeid", unit.changed_by)):
        if value:
            attributes[key] = _xml_safe(value, where, key)
    tu = etree.Element("tu", attributes)
    tu.text = "\n      "
    children: list[etree._Element] = []
    props = list(unit.props)
    if unit.origin and not any(kind in ORIGIN_PROPS and value == unit.origin
                               for kind, value in props):
        props.append(("x-origin", unit.origin))
    for kind, value in props:
        prop = etree.SubElement(tu, "prop", type=_xml_safe(kind or "x-unknown", where,
                                                           "prop type"))
        prop.text = _xml_safe(value, where, "prop")
        children.append(prop)
    for text in unit.notes:
        note = etree.SubElement(tu, "note")
        note.text = _xml_safe(text, where, "note")
        children.append(note)
    for lang, text, markup, side in ((source_lang, unit.source, unit.source_markup, "source"),
                                     (target_lang, unit.target, unit.target_markup, "target")):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
        tuv.text = "\n        "
        seg = _seg_element(text, markup, where, side)
        seg.tail = "\n      "
        tuv.append(seg)
        children.append(tuv)
    for child in children[:-1]:
        child.tail = "\n      "
    children[-1].tail = "\n    "
    return tu


def _seg_element(text: str, markup: str | None, where: str, side: str) -> etree._Element:
    if markup:
        seg = _parse_markup(markup)
        if seg is not None and plain_text(seg) == text:
            return seg
    seg = etree.Element("seg")
    seg.text = _xml_safe(text, where, side)
    return seg


def _parse_markup(markup: str) -> etree._Element | None:
    """<seg>markup</seg> parsed safely, or None unless it is TMX inline markup."""
    try:
        seg = parse_xml(f"<seg>{markup}</seg>".encode(), "<markup>").getroot()
    except InputError:
        return None
    for element in seg.iterdescendants():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions may stay
        if element.tag not in INLINE_ELEMENTS or (element.tag == "sub"
                                                  and element.getparent() is seg):
            return None
    return seg


def _xml_safe(value: str, where: str, what: str) -> str:
    bad = NOT_XML.search(value)
    if bad:
        raise InputError(f"{where}: {what} contains U+{ord(bad.group()):04X}, which XML "
                         "cannot hold")
    return value
