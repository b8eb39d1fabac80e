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

import os
import re

import polib

from termbase.errors import InputError
from termbase.formats.omegat import definition_in, target_term
from termbase.formats.xml import NOT_XML
from termbase.model import Concept, Status, Term
from termbase.textio import decode_text

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
    """The decoded text of a PO file, refused (InputError) when it is empty, holds a
    control character XML and gettext tools reject, or is the name of a file, which
    polib would open instead of parsing."""
    text = decode_text(data, path).text
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


def parse_po_text(text: str, path: str, wrapwidth: int) -> polib.POFile:
    """polib's parse of checked text; its complaints become an InputError with the line."""
    try:
        return polib.pofile(text if "\n" in text else text + "\n", encoding="utf-8",
                            wrapwidth=wrapwidth)
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise InputError(f"malformed PO: {str(exc).split(' (line')[0]}", path,
                         int(found.group(1)) if found else None) from None


def read_po(data: bytes, path: str, source: str = "id", target: str = "en") -> list[Concept]:
    text = checked_po_text(data, path)
    po = parse_po_text(text, path, wrapwidth=78)
    if not po and not po.metadata:
        raise InputError("no PO entries found", path)
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
            raise InputError(f"duplicate entry msgctxt {entry.msgctxt!r} msgid "
                             f"{entry.msgid!r} (first at line {seen[key]})", path, line)
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
    try:
        status = Status(raw_status.lower())
    except ValueError:
        raise InputError(f"unknown status {raw_status!r} in the #. comment of "
                         f"{entry.msgid!r}", path, line) from None
    text = " ".join(entry.msgid.split())
    if not text:
        raise InputError("empty msgid", path, line)
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
