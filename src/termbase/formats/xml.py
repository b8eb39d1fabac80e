"""Safe XML reading, the one entry point of every XML format (TBX, TMX, XLIFF).

Every document goes through the same three steps, whole (`read_xml`, `parse_xml`) or
streamed (`XmlStream`):

1. The encoding is decided the way XML decides it: a byte-order mark, else the zero
   bytes of UTF-16 around the first '<', else the XML declaration, else UTF-8. The
   bytes are decoded by Python, so what is checked is what is parsed. UTF-32 and
   encodings that do not write '<' as ASCII are refused.
2. The prolog (everything before the root element) is scanned by a linear scanner, not
   a regex: an entity declaration is refused (they enable external-file reads, XXE, and
   expansion bombs; termbase's formats never need them).
3. libxml2 parses UTF-8 with the XML declaration and the DOCTYPE blanked out, lines and
   columns unchanged. Not seeing a DOCTYPE, it reads no DTD, internal or external, and
   reports any entity reference beyond the five of XML as undefined: what an external
   DTD would have defined is refused, not silently dropped. The network is never used.
"""

from __future__ import annotations

import codecs
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TypedDict

from lxml import etree

from termbase.errors import InputError
from termbase.textio import NOT_XML, unfit_for_xml  # noqa: F401  (used from here too)

ENTITY_DECLARATION = "entity declarations are not allowed (XXE/entity-expansion risk)"
# A streamed document's prolog is read into memory; real ones are a few hundred bytes.
PROLOG_LIMIT = 1024 * 1024
_CHUNK = 64 * 1024
_DECLARED_ENCODING = re.compile(rb"""\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")
_ROOT_NAME = re.compile(r"[^\s/>]+")
_UNDEFINED_ENTITY = re.compile(r"Entity '([^']*)' not defined")
# What ends a DOCTYPE's plain stretch, and what matters inside its internal subset.
_DOCTYPE_STOP = re.compile(r"""["'\[>]""")
_SUBSET_STOP = re.compile(r"""<!--|<\?|<!ENTITY|["'\]]""")
_WHITESPACE = " \t\r\n"
# Every ASCII byte, and the escapes of UTF-7 and unicode_escape.
_ASCII_PROBE = bytes(range(128)) + b"\\u0041+ADw-"


def _unreadable_encoding(label: str) -> str:
    return f"encoding {label} is not read: save the file as UTF-8 (or UTF-16)"


# --- 1. Encoding -------------------------------------------------------------------------

def decide_encoding(head: bytes, path: str) -> tuple[str, int]:
    """(Python codec, length of the byte-order mark) of an XML document's first bytes."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or \
            head[:4] in (b"<\0\0\0", b"\0\0\0<"):
        raise InputError(_unreadable_encoding("UTF-32"), path)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return codec, len(bom)
    if head[:1] != b"\0" and head[1:2] == b"\0":
        return "utf-16-le", 0
    if head[:1] == b"\0" and head[1:2] not in (b"", b"\0"):
        return "utf-16-be", 0
    declared = _declared_encoding(head)
    if declared is None:
        return "utf-8", 0
    if declared.lower().replace("-", "").startswith(("utf32", "ucs4")):
        raise InputError(_unreadable_encoding("UTF-32"), path, 1)
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise InputError(f"unknown encoding {declared!r} in the XML declaration",
                         path, 1) from None
    if codec.startswith("utf-16"):  # declared, but the bytes hold no UTF-16
        raise InputError(f"declared as {declared}, but the file is not UTF-16", path, 1)
    if not _reads_ascii_as_ascii(codec):  # EBCDIC, UTF-7, escape codecs, base64...
        raise InputError(_unreadable_encoding(declared), path, 1)
    return codec, 0


def _reads_ascii_as_ascii(codec: str) -> bool:
    """Whether ASCII bytes, escapes included, decode to themselves: only such a character
    set can be named by a declaration that is itself read as ASCII."""
    if codec in ("idna", "punycode"):  # host-name codecs, not character sets
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # unicode_escape only warns about "\]"
        try:
            return _ASCII_PROBE.decode(codec) == _ASCII_PROBE.decode("latin-1")
        except (UnicodeError, LookupError, ValueError, TypeError, Warning):
            return False


def _declared_encoding(head: bytes) -> str | None:
    if not head.startswith(b"<?xml"):
        return None
    end = head.find(b"?>", 0, 1024)
    found = _DECLARED_ENCODING.search(head, 0, end if end >= 0 else 1024)
    return found.group(1).decode("ascii") if found else None


def _decoding_error(data: bytes, exc: UnicodeDecodeError, codec: str, path: str,
                    lines_before: int = 0) -> InputError:
    line = lines_before + data[:exc.start].decode(codec, errors="ignore").count("\n") + 1
    label = codec.upper().replace("-LE", "").replace("-BE", "")
    return InputError(f"not valid {label} (byte 0x{exc.object[exc.start]:02x})", path, line)


# --- 2. Prolog ---------------------------------------------------------------------------

class PrologTruncated(Exception):
    """The text ended inside the prolog: a streamed head that needs more bytes."""


@dataclass(frozen=True)
class Prolog:
    root_offset: int  # where the root element's start tag begins in the text
    root_name: str  # its local name
    root_line: int
    for_parser: str  # the text before the root, declaration and DOCTYPE blanked


def read_prolog(text: str, path: str, complete: bool = True) -> Prolog:
    """Scan the text before the root element in one pass.

    Refuses entity declarations (with their line) and anything but the XML declaration,
    comments, processing instructions, one DOCTYPE and white space before the root.
    complete: False for the head of a stream, which may end inside the prolog.
    """
    blank: list[tuple[int, int]] = []
    position = 0
    if text.startswith("<?xml") and text[5:6] and text[5] in _WHITESPACE:
        position = _after(text, "?>", 5, "XML declaration", 0, path, complete)
        blank.append((0, position))
    doctype_seen = False
    while True:
        while position < len(text) and text[position] in _WHITESPACE:
            position += 1
        if position >= len(text):
            if not complete:
                raise PrologTruncated
            if not text.strip():
                raise InputError("empty file, expected XML", path)
            raise InputError("malformed XML: no root element", path, _line(text, position))
        if text.startswith("<!--", position):
            position = _after(text, "-->", position + 4, "comment", position, path, complete)
        elif text.startswith("<?", position):
            position = _after(text, "?>", position + 2, "processing instruction", position,
                              path, complete)
        elif text.startswith("<!DOCTYPE", position) and not doctype_seen:
            end = _doctype_end(text, position, path, complete)
            blank.append((position, end))
            position, doctype_seen = end, True
        elif text.startswith("<", position) and not text.startswith("<!", position):
            break
        else:
            what = "a second DOCTYPE" if doctype_seen and text.startswith(
                "<!DOCTYPE", position) else "text"
            raise InputError(f"malformed XML: {what} before the root element", path,
                             _line(text, position))
    name = _ROOT_NAME.match(text, position + 1)
    if name is None or (not complete and name.end() == len(text)):
        if not complete:
            raise PrologTruncated
        raise InputError("malformed XML: no element name after '<'", path,
                         _line(text, position))
    return Prolog(position, name.group().rpartition(":")[2], _line(text, position),
                  _blanked(text[:position], blank))


def _after(text: str, marker: str, start: int, what: str, opened: int, path: str,
           complete: bool) -> int:
    end = text.find(marker, start)
    if end < 0:
        if not complete:
            raise PrologTruncated
        raise InputError(f"malformed XML: unclosed {what}", path, _line(text, opened))
    return end + len(marker)


def _doctype_end(text: str, start: int, path: str, complete: bool) -> int:
    """The offset after a DOCTYPE: quoted literals and the internal subset skipped."""
    position = start + len("<!DOCTYPE")
    while True:
        stop = _DOCTYPE_STOP.search(text, position)
        if stop is None:
            break
        found = stop.group()
        if found == ">":
            return stop.end()
        if found == "[":
            position = _subset_end(text, stop.end(), start, path, complete)
        else:
            position = _after(text, found, stop.end(), "DOCTYPE", start, path, complete)
    if not complete:
        raise PrologTruncated
    raise InputError("malformed XML: unclosed DOCTYPE", path, _line(text, start))


def _subset_end(text: str, position: int, doctype: int, path: str, complete: bool) -> int:
    while True:
        stop = _SUBSET_STOP.search(text, position)
        if stop is None:
            if not complete:
                raise PrologTruncated
            raise InputError("malformed XML: unclosed DOCTYPE", path, _line(text, doctype))
        found = stop.group()
        if found == "]":
            return stop.end()
        if found == "<!ENTITY":
            raise InputError(ENTITY_DECLARATION, path, _line(text, stop.start()))
        closing = {"<!--": "-->", "<?": "?>"}.get(found, found)
        position = _after(text, closing, stop.end(), "DOCTYPE", doctype, path, complete)


def _blanked(prolog: str, spans: list[tuple[int, int]]) -> str:
    """The prolog with each span replaced by spaces, its line breaks kept."""
    parts, position = [], 0
    for start, end in spans:
        parts.append(prolog[position:start])
        parts.append(re.sub(r"[^\r\n]", " ", prolog[start:end]))
        position = end
    parts.append(prolog[position:])
    return "".join(parts)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# --- 3. Parsing --------------------------------------------------------------------------

class _ParserOptions(TypedDict):
    resolve_entities: bool
    no_network: bool
    load_dtd: bool
    dtd_validation: bool
    attribute_defaults: bool
    huge_tree: bool


def _parser_options() -> _ParserOptions:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False,
            "dtd_validation": False, "attribute_defaults": False, "huge_tree": False}


def _syntax_error(exc: etree.XMLSyntaxError, path: str) -> InputError:
    line = exc.lineno or (exc.position[0] if exc.position else None)
    message = str(exc.msg or exc).split(", line ")[0]
    # lxml-stubs declares _ErrorLog without its methods
    fatal = exc.error_log.filter_from_fatals().last_error  # type: ignore[attr-defined]
    if not line and fatal is not None:
        # iterparse with resolve_entities=False reports "no element found" at line 0;
        # libxml2's own error is in the log
        line, message = fatal.line, fatal.message
    undefined = _UNDEFINED_ENTITY.search(message)
    if undefined:
        return InputError(f"entity &{undefined.group(1)}; is not defined (external DTDs "
                          "are not read)", path, line)
    return InputError(f"malformed XML: {message}", path, line)


@dataclass(frozen=True)
class XmlDocument:
    tree: etree._ElementTree
    text: str  # the decoded file without its byte-order mark
    root_offset: int  # where the root element's start tag begins in text
    encoding: str  # the Python codec it was decoded with


def read_xml(data: bytes, path: str) -> XmlDocument:
    """Parse the bytes of a whole XML file, or raise InputError naming file and line."""
    if not data.strip():
        raise InputError("empty file, expected XML", path)
    codec, bom = decide_encoding(data[:1024], path)
    try:
        text = data[bom:].decode(codec)
    except UnicodeDecodeError as exc:
        raise _decoding_error(data[bom:], exc, codec, path) from None
    if not text.strip():
        raise InputError("empty file, expected XML", path)
    prolog = read_prolog(text, path)
    parser = etree.XMLParser(remove_comments=False, **_parser_options())
    try:
        root = etree.fromstring((prolog.for_parser + text[prolog.root_offset:])
                                .encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path) from None
    return XmlDocument(root.getroottree(), text, prolog.root_offset, codec)


def parse_xml(data: bytes, path: str) -> etree._ElementTree:
    """The element tree of a whole XML file (see read_xml)."""
    return read_xml(data, path).tree


class XmlStream:
    """Elements of an XML file as their end tags are parsed, memory staying flat.

    The prolog is read and checked on construction, so root_name and root_line can be
    checked before anything is parsed; iterate to get the elements named by tags.
    """

    def __init__(self, handle: IO[bytes], path: str, tags: tuple[str, ...]):
        self.path = path
        self._tags = tags
        head = handle.read(_CHUNK)
        if not head.strip():
            raise InputError("empty file, expected XML", path)
        codec, bom = decide_encoding(head[:1024], path)
        self._reader = _Utf8Reader(handle, codec, path, head[bom:])
        prolog = self._reader.read_prolog()
        self.root_name, self.root_line = prolog.root_name, prolog.root_line

    def __iter__(self) -> Iterator[etree._Element]:
        context = etree.iterparse(self._reader, events=("end",), tag=self._tags,
                                  **_parser_options())
        try:
            for _event, element in context:
                yield element
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc, self.path) from None


class _Utf8Reader(io.RawIOBase):
    """The file decoded with the codec decided and served to libxml2 as UTF-8, its
    prolog blanked as for a whole document."""

    def __init__(self, handle: IO[bytes], codec: str, path: str, head: bytes):
        self._handle = handle
        self._codec = codec
        self._path = path
        self._decoder = codecs.getincrementaldecoder(codec)()
        self._lines = 0  # line breaks decoded so far, for decoding errors
        self._text = self._decode(head, final=False)
        self._pending = b""

    def read_prolog(self) -> Prolog:
        while True:
            more = b""
            try:
                prolog = read_prolog(self._text, self._path, complete=False)
                break
            except PrologTruncated:
                if len(self._text) < PROLOG_LIMIT:
                    more = self._handle.read(_CHUNK)
                if not more:
                    if len(self._text) >= PROLOG_LIMIT:
                        raise InputError(f"more than {PROLOG_LIMIT // 1024 // 1024} MB "
                                         "before the root element", self._path) from None
                    self._text += self._decode(b"", final=True)
                    prolog = read_prolog(self._text, self._path)
                    break
            self._text += self._decode(more, final=False)
        self._pending = (prolog.for_parser + self._text[prolog.root_offset:]).encode()
        self._text = ""
        return prolog

    def _decode(self, data: bytes, final: bool) -> str:
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise _decoding_error(data, exc, self._codec, self._path, self._lines) from None
        self._lines += text.count("\n")
        return text

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while not self._pending:
            data = self._handle.read(_CHUNK)
            self._pending = self._decode(data, final=not data).encode()
            if not data:
                break
        if size is None or size < 0:
            size = len(self._pending)
        chunk, self._pending = self._pending[:size], self._pending[size:]
        return chunk


# --- Reading elements --------------------------------------------------------------------

def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rpartition("}")[2]


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xml_lang(element: etree._Element) -> str | None:
    return element.get(XML_LANG) or element.get("lang")


def text_of(element: etree._Element) -> str:
    """All text inside an element, inline markup flattened."""
    # lxml-stubs say itertext() may yield bytes; an _Element's text is always str
    return "".join(element.itertext())  # type: ignore[arg-type]


def source_line(element: etree._Element) -> int | None:
    """The line of the file an element starts on (None when libxml2 does not know)."""
    # lxml-stubs leave _Element.sourceline untyped ('= ...'); lxml gives int | None
    return element.sourceline  # type: ignore[return-value]
