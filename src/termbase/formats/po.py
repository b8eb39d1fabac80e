"""Gettext PO as a glossary: one entry per source-language term (polib).

Writing (source `id`, target `en` by default; the target term is the preferred one,
else the first admitted one):

    #  concept note                          (translator comment)
    #. status: deprecated                    (extracted comments, one key a line)
    #. use: Tiongkok                         (deprecated/superseded: the preferred term)
    #. part-of-speech: noun
    #. term-type: acronym
    #. subject: geography
    #. note: the source term's note
    #. definition: source-language definition
    #. definition (en): target-language definition
    msgctxt "dip-001"                        (the concept id)
    msgid "Cina"                             (the source term)
    msgstr "China"                           (the target term, or "")

The header declares `Language:` as the *target* language, because gettext defines it
as the language of the msgstr strings, and `X-Source-Language:` as the source; there
are no plural forms. Comments are not wrapped; line breaks inside #. values become
spaces (the reader joins a line that starts with no known key to the value before it,
which also undoes xgettext-style wrapping by other tools). A source term that appears
twice in one concept (same text under two language tags) is written once: msgfmt
refuses duplicate msgctxt+msgid pairs.

Reading groups entries by msgctxt back into concepts: the msgids are source terms
with the status, part of speech, term type and note from the comments, the msgstr is
the target preferred term (admitted when the entry is fuzzy; when entries of one
concept have different msgstrs, the first is preferred and the others admitted),
`definition` lines are definitions and the translator comment is the concept note.
Entries without msgctxt become one concept each (`po-LINE`); obsolete (#~) entries
are ignored.
"""

from __future__ import annotations

import codecs
import os
import re
import warnings
from typing import Literal

import polib

from termbase.errors import InputError, TermbaseWarning
from termbase.formats.omegat import definition_in, target_term
from termbase.formats.tbx import status_named
from termbase.formats.xml import NOT_XML
from termbase.lang.tags import base_language
from termbase.model import Concept, Status, Term
from termbase.textio import bom_unicode, decode_text, refuse_binary

# A keyword's or continuation line's string whose closing quote is missing: the line
# ends inside the string. (One way to match each character: no backtracking blow-up.)
_UNCLOSED = re.compile(r'^[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?'
                       r'"(?:[^"\\\n]|\\.)*\\?$', re.MULTILINE)
_COMMENT_LINE = re.compile(r"(status|use|part-of-speech|term-type|subject|note|"
                           r"definition(?: \(([^)]+)\))?):\s?(.*)")


def new_po_file(project: str, comment: str, source: str, target: str) -> polib.POFile:
    """An empty PO file with termbase's header: `Language:` the target (gettext's
    language of the msgstrs), `X-Source-Language:` the source, UTF-8, no plural forms."""
    # No wrapping: one line per message and comment keeps a file easy to read back and diff.
    po = polib.POFile(wrapwidth=0)
    po.header = comment
    po.metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "",
        "PO-Revision-Date": "",
        "Last-Translator": "termbase",
        "Language-Team": "",
        "Language": target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source,
        "X-Generator": "termbase",
    }
    return po


def write_po(concepts: list[Concept], source: str = "id", target: str = "en") -> str:
    po = new_po_file("termbase glossary", f"Glossary written by termbase: {source} terms "
                     f"with their {target} translations.", source, target)
    for concept in concepts:
        translation = target_term(concept, target)
        preferred = concept.preferred(source)
        seen: set[str] = set()
        for term in concept.terms_in(source):
            if term.text in seen:
                continue
            seen.add(term.text)
            po.append(polib.POEntry(
                msgctxt=concept.id,
                msgid=term.text,
                msgstr=translation.text if translation else "",
                comment="\n".join(_comments(concept, term, preferred, source, target)),
                tcomment=concept.note or "",
            ))
    text = str(po)
    return text if text.endswith("\n") else text + "\n"


def _comments(concept: Concept, term: Term, preferred: Term | None, source: str,
              target: str) -> list[str]:
    lines = [f"status: {term.status.value}"]
    if not term.status.allowed and preferred is not None:
        lines.append(f"use: {preferred.text}")
    for key, value in (("part-of-speech", term.part_of_speech), ("term-type", term.term_type),
                       ("subject", concept.subject_field), ("note", term.note)):
        if value:
            lines.append(f"{key}: {value}")
    for language, key in ((source, "definition"), (target, f"definition ({target})")):
        definition = definition_in(concept, language)
        if definition:
            lines.append(f"{key}: {definition}")
    return [" ".join(line.split()) for line in lines]


def checked_po_text(data: bytes, path: str) -> str:
    """The decoded text of a PO file (see po_text), refused (InputError) when it is
    empty, holds a control character XML and gettext tools reject, or is the name of a
    file, which polib would open instead of parsing."""
    text = po_text(data, path)
    if not text.strip():
        raise InputError("empty file, expected a PO file", path)
    bad = NOT_XML.search(text)
    if bad:
        line = text[: bad.start()].count("\n") + 1
        raise InputError(f"control character U+{ord(bad.group()):04X}", path, line)
    if _is_path(text):
        raise InputError("not a PO file", path, 1)
    unclosed = _UNCLOSED.search(text)
    if unclosed:  # polib would take the string's last character for its closing quote
        line = text[: unclosed.start()].count("\n") + 1
        raise InputError("unterminated string (a truncated file?)", path, line)
    return text


def po_text(data: bytes, path: str) -> str:
    """A PO file's text: UTF-16 or UTF-32 when it starts with that byte order mark;
    else UTF-8 when it is valid UTF-8 (a BOM dropped); else the charset its header's
    Content-Type declares (windows-1252, iso-8859-1, koi8-r...). InputError naming the
    byte, its line and the iconv command that would convert the file otherwise."""
    unicode = bom_unicode(data, path)
    if unicode is not None:
        return unicode
    charset = _declared_charset(data)
    if charset is None or charset.replace("-", "").replace("_", "").lower() == "utf8":
        try:
            return decode_text(data, path).text
        except InputError as exc:
            if charset is None or not exc.message.startswith("not valid UTF-8"):
                raise
            raise InputError(exc.message.split(";")[0] + " though its header declares "
                             f"charset={charset}; convert it from its real encoding, e.g. "
                             "iconv -f cp1252 -t UTF-8, or correct the charset", path,
                             exc.line) from None
    refuse_binary(data, path)
    try:  # converted to UTF-8 by a tool that left the header as it was
        return decode_text(data, path).text
    except InputError:
        pass  # the declared charset it is
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        raise InputError(f"declares charset={charset}, an encoding termbase does not "
                         f"know; convert it first: iconv -f {charset} -t UTF-8", path,
                         1) from None
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid {charset} (byte 0x{data[exc.start]:02x}), the charset "
                         "its header declares; correct the charset, or convert the file "
                         "from its real encoding: iconv -f ENCODING -t UTF-8", path,
                         line) from None


# The charset the header entry (the text before the first blank line) declares;
# "CHARSET" is the placeholder of a template that declares none.
_CHARSET = re.compile(rb'"Content-Type:[^"\n]*?charset=([A-Za-z0-9_.:-]+)', re.IGNORECASE)
_BLANK_LINE = re.compile(rb"\n[ \t\r]*\n")


def _declared_charset(data: bytes) -> str | None:
    blank = _BLANK_LINE.search(data)
    found = _CHARSET.search(data, 0, blank.start() if blank else len(data))
    if not found or found.group(1).upper() == b"CHARSET":
        return None
    return found.group(1).decode("ascii")


# A comment whose # is followed by text, not by a space or one of the markers
# (. : , | ~): gettext reads it as a translator comment, polib refuses it.
_BARE_COMMENT = re.compile(r"^([ \t]*#)(?=[^ \t\r\n.:,|~#])", re.MULTILINE)


class _GettextPOFile(polib.POFile):
    """A POFile whose header is the file's first entry, as gettext reads it.

    polib's parser takes the entry find("") returns for the header: the *last* entry
    with an empty msgid, so that a stray one later in the file replaced the real
    header (and its charset and languages were lost)."""

    def find(self, st: str, by: str = "msgid", include_obsolete_entries: bool = False,
             msgctxt: str | Literal[False] = False) -> polib.POEntry | None:
        if st == "" and by == "msgid" and msgctxt is False:
            first = self[0] if len(self) else None
            if first is not None and not first.obsolete and first.msgid == "" and \
                    first.msgctxt is None:
                return first
            return None
        return super().find(st, by, include_obsolete_entries, msgctxt)


def parse_po_text(text: str, path: str, wrapwidth: int) -> polib.POFile:
    """polib's parse of checked text; its complaints become an InputError with the line.

    A comment written `#text` is a translator comment, as for gettext. The header is
    the first entry when its msgid is empty; any other entry with an empty msgid is
    left out with a TermbaseWarning naming its line (gettext takes only one header)."""
    parsed = _BARE_COMMENT.sub(r"\1 ", text)  # same lines: polib's line numbers hold
    if parsed != text and _is_path(parsed):  # polib would open that file instead
        raise InputError("not a PO file", path, 1)
    try:
        po = polib.pofile(parsed if "\n" in parsed else parsed + "\n", encoding="utf-8",
                          wrapwidth=wrapwidth, klass=_GettextPOFile)
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise InputError(f"malformed PO: {str(exc).split(' (line')[0]}", path,
                         int(found.group(1)) if found else None) from None
    for entry in [e for e in po if e.msgid == "" and not e.obsolete]:
        warnings.warn(TermbaseWarning(
            f"{path}:{entry.linenum or _first_line(text)}: entry with an empty msgid "
            "skipped: only the first entry of a PO file can be its header"), stacklevel=2)
        po.remove(entry)
    return po


def read_po(data: bytes, path: str, source: str = "id", target: str = "en") -> list[Concept]:
    """Concepts from a PO glossary: msgid the source term, msgstr the target term. The
    languages are the header's (`Language:` the msgstrs', `X-Source-Language:` the
    msgids'), else source and target."""
    text = checked_po_text(data, path)
    # A file refused for its header is refused in one line: what reading it noticed on
    # the way is said only if it is read.
    with warnings.catch_warnings(record=True) as noticed:
        warnings.simplefilter("always", TermbaseWarning)
        po = parse_po_text(text, path, wrapwidth=78)
    if not po and not po.metadata:
        raise InputError("no PO entries found", path)
    source, target = _glossary_languages(po.metadata, source, target, path)
    for notice in noticed:
        warnings.warn(notice.message, stacklevel=2)
    concepts: dict[str, Concept] = {}
    seen: dict[tuple[str | None, str], int] = {}
    translations: dict[str, list[Term]] = {}
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        # polib numbers the first entry of a file without a header 0
        line = entry.linenum or _first_line(text)
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            context = f"msgctxt {entry.msgctxt!r} " if entry.msgctxt is not None else ""
            raise InputError(f"duplicate entry {context}msgid {entry.msgid!r} (first at line "
                             f"{seen[key]}); give each its own msgctxt", path, line)
        seen[key] = line
        concept_id = entry.msgctxt if entry.msgctxt else f"po-{line}"
        concept = concepts.get(concept_id)
        if concept is None:
            concept = concepts[concept_id] = Concept(id=concept_id, terms=[], source=path,
                                                     line=line)
        _read_entry(concept, entry, source, path, line)
        translation = " ".join(entry.msgstr.split())
        known = translations.setdefault(concept_id, [])
        if translation and all(t.text != translation for t in known):
            # The first translation is the preferred term; others (entries of one concept
            # translated differently) are admitted, and so is a fuzzy one.
            status = Status.ADMITTED if entry.fuzzy or known else Status.PREFERRED
            known.append(Term(translation, target, status, line=line))
    for concept_id, terms in translations.items():
        concepts[concept_id].terms.extend(terms)
    return list(concepts.values())


def _glossary_languages(header: dict[str, str], source: str, target: str, path: str
                        ) -> tuple[str, str]:
    """The msgids' and msgstrs' languages. A header naming only the msgstrs' language
    leaves the msgids' to the desk's pair (source, target) when that language is one of
    it; otherwise they are unknown, and guessing would store the terms under a wrong
    language (gettext msgids are usually English, this desk's usually Indonesian)."""
    stated_source = _header_language(header.get("X-Source-Language"))
    stated_target = _header_language(header.get("Language"))
    if stated_source:
        return stated_source, stated_target or target
    if not stated_target or base_language(stated_target) == base_language(target):
        return source, stated_target or target
    if base_language(stated_target) == base_language(source):
        return target, stated_target
    raise InputError(f"the header names the translations' language ({stated_target}) but "
                     "not the msgids': add an X-Source-Language: line to the header", path)


def _header_language(value: str | None) -> str | None:
    """A PO header's language (pt_BR, id) as a tag (pt-BR, id); None when empty."""
    value = (value or "").strip()
    return value.replace("_", "-") if value else None


def _first_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            return number
    return 1


def _is_path(text: str) -> bool:
    try:
        return os.path.isfile(text)
    except (TypeError, ValueError, OSError):
        return False


def _read_entry(concept: Concept, entry: polib.POEntry, source: str, path: str,
                line: int | None) -> None:
    fields: dict[str, str] = {}
    last = None
    for comment in entry.comment.splitlines():
        match = _COMMENT_LINE.fullmatch(comment.strip())
        if match:
            key, language, value = match.groups()
            last = f"definition {language or source}" if key.startswith("definition") else key
            fields[last] = value.strip()
        elif last is not None and comment.strip():
            # a tool that wraps comments (xgettext style) continues the value
            fields[last] = f"{fields[last]} {comment.strip()}".strip()
    for key, value in fields.items():
        if key.startswith("definition ") and value:
            concept.definitions[key.removeprefix("definition ")] = value
    raw_status = fields.get("status", Status.ADMITTED.value)
    status = status_named(raw_status)
    text = " ".join(entry.msgid.split())
    if not text:
        raise InputError("empty msgid", path, line)
    if status is None:
        # As in TBX: one term of an unknown status is left out, the glossary read.
        warnings.warn(TermbaseWarning(
            f"{path}:{line}: unknown status {raw_status!r} in the #. comment of "
            f"{entry.msgid!r}: the term is left out"), stacklevel=2)
        return
    concept.subject_field = fields.get("subject") or concept.subject_field
    if entry.tcomment.strip():
        concept.note = entry.tcomment.strip()
    concept.terms.append(Term(
        text=text,
        language=source,
        status=status,
        term_type=fields.get("term-type") or None,
        part_of_speech=fields.get("part-of-speech") or None,
        line=line,
        note=fields.get("note") or None,
    ))
