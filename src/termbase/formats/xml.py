"""Safe XML parsing shared by every XML format (TBX, TMX, XLIFF).

Entity declarations are refused outright: termbase's formats never need them, and
refusing them stops external-entity reads (XXE) and expansion bombs before libxml2
sees the document. DTDs are never loaded and the network is never used.
"""

from __future__ import annotations

import re

from lxml import etree

from termbase.errors import InputError
from termbase.textio import NOT_XML, unfit_for_xml  # noqa: F401  (used from here too)

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_xml(data: bytes, path: str) -> etree._ElementTree:
    """Parse bytes of an XML file, or raise InputError naming the file and line."""
    if not data.strip():
        raise InputError("empty file, expected XML", path)
    declaration = _ENTITY_DECLARATION.search(data)
    if declaration:
        line = data[: declaration.start()].count(b"\n") + 1
        raise InputError("entity declarations are not allowed (XXE/entity-expansion risk)",
                         path, line)
    try:
        return etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as exc:
        line = exc.lineno or (exc.position[0] if exc.position else None)
        message = str(exc.msg or exc).split(", line ")[0]
        raise InputError(f"malformed XML: {message}", path, line) from None


def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rpartition("}")[2]


def xml_lang(element: etree._Element) -> str | None:
    return element.get("{http://www.w3.org/XML/1998/namespace}lang") or element.get("lang")


def text_of(element: etree._Element) -> str:
    """All text inside an element, inline markup flattened."""
    return "".join(element.itertext())
