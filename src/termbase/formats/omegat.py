"""OmegaT tab-separated glossaries: `source<TAB>target<TAB>comment`, one entry a line.

OmegaT (GlossaryReaderTSV) reads `.txt`, `.utf8` and `.tab` files in the project's
glossary folder, skips lines starting with `#`, splits on tabs and trims each field;
there is no quoting or escaping, so the writer turns tabs and line breaks inside a
field into spaces. Name the file `.utf8`: OmegaT always reads that as UTF-8, while
`.txt` and `.tab` are read in a detected or the system encoding, depending on the
OmegaT version.

Writing (source language `id`, target `en` by default): one line per source-language
term of each concept that has a target term (the preferred one, else the first
admitted one; concepts without are skipped):
  - allowed terms (preferred, admitted): comment `preferred` / `admitted`, then
    `; ` and the source-language definition if there is one;
  - deprecated and superseded terms: comment `deprecated: use X` (X = the source
    preferred term; `deprecated` alone when there is none), so that a translator who
    meets the old term in a source text still sees its translation and the warning.

A source term that starts with `#` is written with a leading space, or OmegaT would
take the line for a comment (current OmegaT and the reader trim fields; OmegaT 3.6
keeps the space, which its glossary lookup ignores).

Reading: every entry line becomes its own concept `omegat-N` (N = line number) with
the source term and, when the target field is not empty, the target term as
preferred. The comment is read back as the writer writes it: `preferred`,
`admitted`, `deprecated` or `superseded`, alone or followed by `:` or `;`, is the
source term's status, and what follows is the source-language definition (allowed
terms) or the concept note (`use X` of deprecated and superseded terms). Any other
comment leaves the term admitted and becomes the concept note. Lines without a tab or
with an empty source field are errors (OmegaT skips them silently).
"""

from __future__ import annotations

import re

from termbase.errors import InputError
from termbase.formats.xml import NOT_XML
from termbase.lang.tags import language_matches
from termbase.model import Concept, Status, Term
from termbase.textio import decode_text

# OmegaT splits lines like Java's BufferedReader.readLine() and fields on tabs.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FIELD_BREAKS = re.compile(r"[\t\r\n]+")
_STATUS_COMMENT = re.compile(r"(preferred|admitted|deprecated|superseded)(?:[:;]\s*(.*))?",
                             re.IGNORECASE | re.DOTALL)


def write_omegat(concepts: list[Concept], source: str = "id", target: str = "en") -> str:
    # No "#" header line: OmegaT skips it, but translate-toolkit's reader takes it for
    # an entry.
    lines = []
    for concept in concepts:
        translation = target_term(concept, target)
        if translation is None:
            continue
        preferred_source = concept.preferred(source)
        definition = definition_in(concept, source)
        for term in concept.terms_in(source):
            if term.status.allowed:
                comment = term.status.value + (f"; {definition}" if definition else "")
            elif preferred_source is not None:
                comment = f"{term.status.value}: use {preferred_source.text}"
            else:
                comment = term.status.value
            lines.append("\t".join(_field(v) for v in (term.text, translation.text, comment)))
    return "".join(line + "\n" for line in lines)


def target_term(concept: Concept, language: str) -> Term | None:
    """The term to translate a concept with: preferred, else the first admitted one."""
    allowed = [t for t in concept.terms_in(language) if t.status.allowed]
    return concept.preferred(language) or (allowed[0] if allowed else None)


def definition_in(concept: Concept, language: str) -> str | None:
    for tag, text in concept.definitions.items():
        if language_matches(tag, language) and text:
            return text
    return None


def _field(value: str) -> str:
    value = _FIELD_BREAKS.sub(" ", value).strip()
    return " " + value if value.startswith("#") else value


def read_omegat(data: bytes, path: str, source: str = "id",
                target: str = "en") -> list[Concept]:
    text = decode_text(data, path).text
    if not text.strip():
        raise InputError("empty file, expected source<TAB>target<TAB>comment lines", path)
    concepts = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if line.startswith("#") or not line.strip():
            continue
        bad = NOT_XML.search(line)
        if bad:
            raise InputError(f"control character U+{ord(bad.group()):04X}", path, number)
        fields = [" ".join(f.split()) for f in line.split("\t")]
        if len(fields) < 2:
            raise InputError("expected source<TAB>target[<TAB>comment], found no tab",
                             path, number)
        source_text, target_text = fields[0], fields[1]
        comment = fields[2] if len(fields) > 2 else ""
        if not source_text:
            raise InputError("empty source term", path, number)
        concept = Concept(id=f"omegat-{number}", terms=[], source=path, line=number)
        status, rest = Status.ADMITTED, comment
        match = _STATUS_COMMENT.fullmatch(comment)
        if match:
            status, rest = Status(match.group(1).lower()), (match.group(2) or "").strip()
            if rest and status.allowed:
                concept.definitions[source] = rest
                rest = ""
        concept.note = rest or None
        concept.terms.append(Term(source_text, source, status, line=number))
        if target_text:
            concept.terms.append(Term(target_text, target, Status.PREFERRED, line=number))
        concepts.append(concept)
    return concepts
