"""Glossaries as CSV: one row per term, for spreadsheets and hand editing.

Header (the writer's column order; the reader takes the columns in any order, needs
concept_id, language and term, and refuses columns it does not know):

    concept_id,subject_field,concept_note,language,definition,term,status,
    term_type,part_of_speech,term_note

Concept columns (subject_field, concept_note) and the definition of a language are
repeated on each row of the concept (or language); when reading, a blank cell
inherits the value of an earlier row, a different value is an error. Rows of one
concept need not be adjacent; concepts keep the order of their first row.

Lossy: term properties (other termNotes) are not written; a language with a
definition but no term has no row, so its definition is dropped; an empty cell
reads as "not given" (None), so an empty note or definition is not kept.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Protocol

from termbase.errors import InputError
from termbase.formats.xml import NOT_XML
from termbase.model import Concept, Status, Term
from termbase.textio import decode_text

COLUMNS = ("concept_id", "subject_field", "concept_note", "language", "definition", "term",
           "status", "term_type", "part_of_speech", "term_note")
_REQUIRED = ("concept_id", "language", "term")


class _CsvReader(Protocol):
    """What _rows needs of a csv.reader: its rows and the line it has read up to."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...


def write_csv(concepts: list[Concept]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # RFC 4180: CRLF line ends, which also quotes a lone CR
    writer.writerow(COLUMNS)
    for concept in concepts:
        for term in concept.terms:
            writer.writerow([
                concept.id,
                concept.subject_field or "",
                concept.note or "",
                term.language,
                concept.definitions.get(term.language, ""),
                term.text,
                term.status.value,
                term.term_type or "",
                term.part_of_speech or "",
                term.note or "",
            ])
    return out.getvalue()


def read_csv(data: bytes, path: str) -> list[Concept]:
    text = decode_text(data, path).text
    if not text.strip():
        raise InputError("empty file, expected a CSV header row", path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows = _rows(reader, path)
    header_line, header = next(rows)
    columns = _header(header, path, header_line)
    concepts: dict[str, Concept] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if len(row) != len(columns):
            raise InputError(f"{len(row)} fields, the header has {len(columns)}", path, line)
        _add_row(concepts, dict(zip(columns, row, strict=True)), path, line)
    return list(concepts.values())


def _rows(reader: _CsvReader, path: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, row) pairs; the line is where the record starts."""
    line = 1
    try:
        for row in reader:
            yield line, row
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path, line) from None


def _header(header: list[str], path: str, line: int) -> list[str]:
    columns = [cell.strip() for cell in header]
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        raise InputError(f"unknown column {unknown[0]!r} in the header (expected columns: "
                         f"{','.join(COLUMNS)})", path, line)
    for column in columns:
        if columns.count(column) > 1:
            raise InputError(f"column {column!r} appears twice in the header", path, line)
    missing = [c for c in _REQUIRED if c not in columns]
    if missing:
        raise InputError(f"the header has no {missing[0]!r} column", path, line)
    return columns


def _add_row(concepts: dict[str, Concept], row: dict[str, str], path: str, line: int) -> None:
    # Characters XML 1.0 (and so TBX) cannot hold: refused on input so that every
    # glossary read from CSV can be written as TBX.
    for column, value in row.items():
        bad = NOT_XML.search(value)
        if bad:
            raise InputError(f"control character U+{ord(bad.group()):04X} in column "
                             f"{column!r}", path, line)
    values = {column: value.strip() for column, value in row.items()}
    concept_id = values["concept_id"]
    language = values["language"]
    text = " ".join(row["term"].split())
    if not concept_id:
        raise InputError("empty concept_id", path, line)
    if not language:
        raise InputError("empty language", path, line)
    if not text:
        raise InputError("empty term", path, line)
    raw_status = values.get("status", "")
    try:
        status = Status(raw_status.lower()) if raw_status else Status.ADMITTED
    except ValueError:
        raise InputError(f"unknown status {raw_status!r} (expected one of: "
                         f"{', '.join(s.value for s in Status)})", path, line) from None
    concept = concepts.get(concept_id)
    if concept is None:
        concept = concepts[concept_id] = Concept(id=concept_id, terms=[], source=path,
                                                 line=line)
    concept.subject_field = _merge(concept.subject_field, values.get("subject_field"),
                                   "subject_field", path, line)
    concept.note = _merge(concept.note, values.get("concept_note"), "concept_note", path,
                          line)
    definition = _merge(concept.definitions.get(language), values.get("definition"),
                        f"definition ({language})", path, line)
    if definition is not None:
        concept.definitions[language] = definition
    concept.terms.append(Term(
        text=text,
        language=language,
        status=status,
        term_type=values.get("term_type") or None,
        part_of_speech=values.get("part_of_speech") or None,
        line=line,
        note=values.get("term_note") or None,
    ))


def _merge(old: str | None, new: str | None, what: str, path: str, line: int) -> str | None:
    if not new:
        return old
    if old is not None and old != new:
        raise InputError(f"{what} {new!r} differs from {old!r} on an earlier row of the "
                         "same concept", path, line)
    return new
