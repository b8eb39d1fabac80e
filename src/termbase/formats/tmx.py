"""TMX 1.4b translation memories, read and written as a stream (lxml).

Reading (`iter_tmx`) uses lxml's iterparse and frees every <tu> after use, so memory
stays flat however many units the file holds. The file is read through formats/xml.py's
XmlStream, which decides the encoding, refuses entity declarations and references to
undefined entities, and never loads a DTD or uses the network; a root other than <tmx>
is refused before the first unit is parsed. Because units are yielded as they are parsed, a
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

The bilingual checks read a TMX file whole (`read_tmx_document`) with the same reading
of each <tu>, the texts located in the file by formats/inline.py; positions cost a lexer
pass over the whole text, so the streaming import never computes them. The inline
flattener (`plain_text`, `markup_of`) is formats/inline.py's, shared with XLIFF.

Writing (`write_tmx_to`, `write_tmx`) streams with etree.xmlfile: UTF-8, a DOCTYPE
naming tmx14.dtd, version "1.4", the header attributes tmx14.dtd requires in its
order, and per unit one tuv in its source language and one in its target language.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import IO, BinaryIO

from lxml import etree

import termbase
from termbase.errors import InputError
from termbase.formats.inline import (
    CODE_ELEMENTS,
    LocatedUnit,
    XmlLocator,
    kind_of,
    markup_of,
    plain_text,
)
from termbase.formats.xml import (
    NOT_XML,
    XML_LANG,
    XmlDocument,
    XmlStream,
    local_name,
    parse_xml,
    source_line,
    xml_lang,
)
from termbase.lang.tags import base_language, normal_tag
from termbase.model import BilingualUnit, TranslationUnit
from termbase.textio import open_binary

OnSkip = Callable[[int | None, str], None]

INLINE_ELEMENTS = CODE_ELEMENTS | {"hi", "sub"}
ORIGIN_PROPS = ("x-origin", "x-document")
_BASIC_DATE = re.compile(r"\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3])"
                         r"[0-5]\d[0-5]\dZ")
_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?"
                   r"(Z|[+-]\d{2}(?::?\d{2})?)?", re.IGNORECASE)


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
    stream = XmlStream(handle, name, tags=("{*}header", "{*}tu"))
    # Refused before the first unit is parsed: a caller that creates a memory file for
    # the import can still remove it.
    if stream.root_name != "tmx":
        raise InputError(f"not a TMX file (root element <{stream.root_name}>)", name,
                         stream.root_line)
    for element in stream:
        if local_name(element) != "tu":
            continue
        unit = _read_tu(element, name, source_lang, target_lang, on_skip)
        # Free the unit and everything parsed before it: memory stays flat.
        element.clear(keep_tail=False)  # type: ignore[call-arg]  # lxml-stubs lack keep_tail
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
        if unit is not None:
            yield unit


@dataclass
class _Tu:
    """What a <tu> holds, its tuvs picked by language: (tag, tuv, seg or None) per side,
    None for a language it has no tuv in."""

    line: int | None
    source: tuple[str, etree._Element, etree._Element | None] | None
    target: tuple[str, etree._Element, etree._Element | None] | None
    props: list[tuple[str, str]]
    notes: list[str]
    origin: str | None


def _tu_of(tu: etree._Element, source_lang: str, target_lang: str) -> _Tu:
    tuvs: list[tuple[str, etree._Element]] = []
    props: list[tuple[str, str]] = []
    notes: list[str] = []
    origin = None
    for child in tu:
        kind = kind_of(child.tag)
        if kind == "tuv":
            tuvs.append((_lang_of(child), child))
        elif kind in ("prop", "note"):
            text = child.text or ""
            if kind == "note":
                notes.append(text)
                continue
            prop_type = child.get("type", "")
            props.append((prop_type, text))
            if origin is None and text and prop_type in ORIGIN_PROPS:
                origin = text
    source = _pick(tuvs, source_lang, None)
    target = _pick(tuvs, target_lang, source)
    return _Tu(source_line(tu), _with_seg(source), _with_seg(target), props, notes, origin)


def _with_seg(pair: tuple[str, etree._Element] | None
              ) -> tuple[str, etree._Element, etree._Element | None] | None:
    return None if pair is None else (pair[0], pair[1], _seg_of(pair[1]))


def _read_tu(tu: etree._Element, name: str, source_lang: str, target_lang: str,
             on_skip: OnSkip | None) -> TranslationUnit | None:
    parts = _tu_of(tu, source_lang, target_lang)
    line, source, target = parts.line, parts.source, parts.target
    if source is None or target is None:
        missing = [lang for lang, side in ((source_lang, source), (target_lang, target))
                   if side is None]
        _skip(on_skip, line, f"no tuv in {' or '.join(missing)}")
        return None
    (source_tag, source_tuv, source_seg), (target_tag, target_tuv, target_seg) = \
        source, target
    if source_seg is None or target_seg is None:
        _skip(on_skip, line, "tuv without <seg>")
        return None
    source_text, source_markup = _seg_content(source_seg)
    target_text, target_markup = _seg_content(target_seg)
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
        source_lang=normal_tag(source_tag),
        target_lang=normal_tag(target_tag),
        source_markup=source_markup,
        target_markup=target_markup,
        created_at=created_at,
        created_by=get("creationid") or source_tuv.get("creationid")
        or target_tuv.get("creationid"),
        changed_at=changed_at,
        changed_by=get("changeid") or source_tuv.get("changeid")
        or target_tuv.get("changeid"),
        origin=parts.origin,
        tuid=get("tuid"),
        props=parts.props,
        notes=parts.notes,
        line=line,
    )


def read_tmx_document(document: XmlDocument, name: str, source_lang: str = "id",
                      target_lang: str = "en") -> list[LocatedUnit]:
    """The units of a whole TMX document with the file positions of their texts, for the
    bilingual checks. The same tu reading as `iter_tmx`, but a unit without a target
    (no tuv in target_lang, or one without <seg>) or with empty texts is kept, so that
    it is reported; a unit with no source (no tuv in source_lang with a <seg>) is not
    one to check."""
    root = document.tree.getroot()
    if local_name(root) != "tmx":
        raise InputError(f"not a TMX file (root element <{local_name(root)}>)", name,
                         source_line(root))
    locator = XmlLocator(document, name)
    units: list[LocatedUnit] = []
    for tu in root.iter("{*}tu"):
        parts = _tu_of(tu, source_lang, target_lang)
        source_tag, _source_tuv, source_seg = parts.source or ("", None, None)
        if source_seg is None:
            continue
        target_tag, _target_tuv, target_seg = parts.target or (target_lang, None, None)
        units.append(locator.located_unit(BilingualUnit(
            tu.get("tuid") or str(len(units) + 1), "", "", source_lang=source_tag,
            target_lang=target_tag, notes=list(parts.notes)), tu, source_seg, target_seg))
    return units


def _first(a: str | None, b: str | None, choose: Callable[[str, str], str]) -> str | None:
    if a is None or b is None:
        return a or b
    return choose(a, b)


def _skip(on_skip: OnSkip | None, line: int | None, reason: str) -> None:
    if on_skip is not None:
        on_skip(line, reason)


def _lang_of(tuv: etree._Element) -> str:
    return (xml_lang(tuv) or "").strip()


def _pick(tuvs: list[tuple[str, etree._Element]], wanted: str,
          taken: tuple[str, etree._Element] | None) -> tuple[str, etree._Element] | None:
    """The (tag, tuv) in a language: the same full tag if there is one, else the first
    with the same base language."""
    base = base_language(wanted)
    exact = normal_tag(wanted).lower()
    first = None
    for pair in tuvs:
        if pair is taken or base_language(pair[0]) != base:
            continue
        if normal_tag(pair[0]).lower() == exact:
            return pair
        if first is None:
            first = pair
    return first


def _seg_of(tuv: etree._Element) -> etree._Element | None:
    for child in tuv:
        if kind_of(child.tag) == "seg":
            return child
    return None


def _seg_content(seg: etree._Element) -> tuple[str, str | None]:
    """(plain text, markup or None) of a seg read from a file."""
    if not len(seg):
        return seg.text or "", None
    return plain_text(seg), markup_of(seg)


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

    Every tuv gets its unit's language tag (source_lang / target_lang where a unit has
    none); the header's srclang is source_lang. A unit's markup
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
    for lang, text, markup, side in (
            (unit.source_lang or source_lang, unit.source, unit.source_markup, "source"),
            (unit.target_lang or target_lang, unit.target, unit.target_markup, "target")):
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
