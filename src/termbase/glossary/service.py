"""Glossaries as a library service: load, validate, count, deprecate, import, export.

The command line and any other program (the HTTP server) call these functions the same
way; they return data and print nothing. An edit returns the edited TbxFile unsaved:
the caller saves it (document.save()) or shows its diff.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from termbase.errors import InputError
from termbase.glossary import Glossary

if TYPE_CHECKING:
    from termbase.glossary.edit import TbxFile
    from termbase.glossary.lookup import Hit
    from termbase.glossary.merge import MergeReport
    from termbase.glossary.validate import Problem
    from termbase.model import Concept, TranslationUnit
    from termbase.tm.store import Memory

PathLike = str | Path


def glossary_paths(explicit: Sequence[PathLike] = ()) -> list[PathLike]:
    """explicit, else the configuration's glossaries, else the shipped ones."""
    from termbase.config import find_config, load_config
    from termbase.glossary import default_glossary_paths

    return (list(explicit) or list(load_config(find_config()).glossary or [])
            or list(default_glossary_paths()))


def load_glossary(explicit: Sequence[PathLike] = ()) -> Glossary:
    """The glossaries named, else the configured or shipped ones, loaded as one."""
    return Glossary.load(glossary_paths(explicit))


def concept_by_id(glossary: Glossary, concept_id: str) -> Concept:
    for concept in glossary.concepts:
        if concept.id == concept_id:
            return concept
    raise InputError(f"no concept with id {concept_id!r} in {', '.join(glossary.sources)}")


def concept_file(concept: Concept) -> TbxFile:
    """The TBX file a concept was read from, opened for editing."""
    from termbase.glossary.edit import TbxFile

    if concept.source is None:
        raise InputError(f"concept {concept.id!r} was not read from a file")
    return TbxFile(concept.source)


TM_EXAMPLES = 3


def memory_examples(hits: Sequence[Hit], memory: Memory, limit: int = TM_EXAMPLES
                    ) -> dict[str, list[tuple[int, TranslationUnit]]]:
    """For each hit's concept, up to limit memory units (id, unit) using its preferred
    Indonesian term: how the desk has translated it before."""
    examples = {}
    for hit in hits:
        preferred = hit.concept.preferred("id")
        if preferred is not None:
            examples[hit.concept.id] = memory.concordance(preferred.text, limit)
    return examples


def glossary_stats(glossary: Glossary) -> dict:
    """Concepts and terms counted by file, subject field, language and status."""
    from collections import Counter

    terms = [t for c in glossary.concepts for t in c.terms]
    return {
        "concepts": len(glossary.concepts),
        "terms": len(terms),
        "files": dict(Counter(c.source for c in glossary.concepts)),
        "subject_fields": dict(Counter(c.subject_field or "" for c in glossary.concepts)
                               .most_common()),
        "terms_by_language_and_status": {
            f"{language}/{status}": count for (language, status), count in sorted(
                Counter((t.language, t.status.value) for t in terms).items())
        },
        "acronyms_and_short_forms": sum(t.is_short_form for t in terms),
    }


@dataclass
class Validation:
    files: list[str]
    concepts: int
    problems: list[Problem] = field(default_factory=list)


def validate_files(explicit: Sequence[PathLike] = ()) -> Validation:
    """Every problem of the glossaries named (else the configured or shipped ones):
    unreadable files, invalid entries, duplicate ids across files, and what
    glossary.validate finds in the concepts. A missing file raises InputError."""
    from termbase.formats.tbx import TbxNotice, parse_tbx
    from termbase.glossary.validate import Problem
    from termbase.glossary.validate import validate as check_concepts
    from termbase.textio import read_bytes

    paths = glossary_paths(explicit)
    concepts: list[Concept] = []
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    for path in paths:
        faults: list[InputError] = []
        notices: list[TbxNotice] = []
        try:
            loaded = parse_tbx(read_bytes(path), str(path), faults, notices)
        except InputError as exc:  # the file as a whole: missing, malformed, hostile
            if "no such file" in exc.message:
                raise
            problems.append(Problem(exc.path, exc.line, "unreadable", exc.message))
            continue
        problems.extend(Problem(f.path, f.line, "invalid", f.message) for f in faults)
        problems.extend(Problem(n.path, n.line, n.kind, n.message) for n in notices)
        for concept in loaded:
            if concept.id in seen_ids:
                problems.append(Problem(concept.source, concept.line, "duplicate-id",
                                        f"{concept.id} is also in {seen_ids[concept.id]}"))
            seen_ids.setdefault(concept.id, str(path))
        concepts.extend(loaded)
    problems.extend(check_concepts(concepts))
    return Validation([str(p) for p in paths], len(concepts), problems)


@dataclass
class Edit:
    """An edited glossary file, not yet saved, and what was done to it."""

    document: TbxFile
    what: str


def deprecate(glossary: Glossary, term: str, preferred: str,
              superseded: bool = False) -> Edit:
    """Mark term deprecated (or superseded) in favour of preferred, in the concept that
    holds preferred; term is added to it when it is not there yet, and preferred made
    the preferred term when it was not."""
    from termbase.model import Status, Term

    owners = [(c, t) for c in glossary.concepts for t in c.terms
              if t.text.casefold() == preferred.casefold()]
    if not owners:
        raise InputError(f"no term {preferred!r} in the glossary")
    concept, preferred_term = owners[0]
    status = Status.SUPERSEDED if superseded else Status.DEPRECATED
    elsewhere = [c.id for c in glossary.concepts for t in c.terms
                 if t.text.casefold() == term.casefold() and c.id != concept.id]
    if elsewhere:
        raise InputError(f"{term!r} belongs to {', '.join(elsewhere)}, not {concept.id}; "
                         "merge or edit the concepts first")
    document = concept_file(concept)
    if preferred_term.status is not Status.PREFERRED:
        document.set_status(concept.id, preferred_term.text, Status.PREFERRED)
    if any(t.text.casefold() == term.casefold() for t in concept.terms):
        document.set_status(concept.id, term, status)
    else:
        document.add_term(concept.id, Term(term, preferred_term.language, status,
                                           part_of_speech=preferred_term.part_of_speech))
    return Edit(document, f"{term} is {status.value} in {concept.id}; use {preferred}")


@dataclass
class GlossaryImport:
    """A glossary file merged into a TBX file, not yet saved."""

    document: TbxFile
    read: int  # concepts read from the source
    report: MergeReport

    @property
    def changed(self) -> bool:
        return bool(self.report.added or self.report.merged)


def import_glossary(source: PathLike, target: PathLike,
                    source_format: str | None = None) -> GlossaryImport:
    """Merge a glossary file (TBX, CSV, OmegaT TSV, PO) into the TBX file target:
    missing terms, definitions and notes added, differing values reported as conflicts
    and left as they are. A target that does not exist is a new TBX-Basic v2 file
    (its name must end in .tbx or .xml), holding what source holds once saved."""
    from termbase.formats.glossary_io import read_glossary_file
    from termbase.formats.registry import GLOSSARY
    from termbase.formats.tbx import read_tbx
    from termbase.glossary.edit import TbxFile
    from termbase.glossary.merge import merge_into

    if not os.path.lexists(target):  # a dangling symlink is not a file to create
        fmt = GLOSSARY.for_output(target)
        if fmt.name not in ("tbx", "tbx3"):
            raise InputError("a glossary to import into is a TBX file: name it .tbx",
                             str(target))
        incoming = read_glossary_file(source, source_format)
        document = TbxFile.create(target, version=3 if fmt.name == "tbx3" else 2)
        return GlossaryImport(document, len(incoming), merge_into(document, [], incoming))
    incoming = read_glossary_file(source, source_format)
    document = TbxFile(target)
    report = merge_into(document, read_tbx(target), incoming)
    return GlossaryImport(document, len(incoming), report)


def export_glossary(glossary: Glossary, output: PathLike, output_format: str) -> int:
    """Write the glossary to one file in a format, atomically; the concepts written."""
    from termbase.formats.glossary_io import write_glossary_file
    from termbase.workspace import refuse_installed

    refuse_installed(output, "glossary")
    write_glossary_file(glossary.concepts, output, output_format)
    return len(glossary.concepts)
