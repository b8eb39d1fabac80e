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
from termbase.glossary import Glossary, is_stored

if TYPE_CHECKING:
    from termbase.glossary.edit import TbxFile
    from termbase.glossary.lookup import Hit
    from termbase.glossary.merge import MergeReport
    from termbase.glossary.validate import Problem
    from termbase.model import Concept, Status, Term, TranslationUnit
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


def concept_file(concept: Concept, glossary: Glossary | None = None) -> TbxFile:
    """The TBX file a concept was read from, opened for editing; a stored file only if
    it is still the version glossary (the one the concept came from) read."""
    from termbase.glossary.edit import TbxFile

    if concept.source is None:
        raise InputError(f"concept {concept.id!r} was not read from a file")
    return TbxFile(concept.source, based_on=glossary_version(glossary, concept.source))


def glossary_version(glossary: Glossary | None, source: PathLike) -> int | None:
    """The version glossary read of a stored file (None for a file on disk)."""
    if glossary is None or not is_stored(source):
        return None
    from termbase.glossary.postgres import stored_file

    return glossary.versions.get(stored_file(str(source)).source)


TM_EXAMPLES = 3


def memory_examples(hits: Sequence[Hit], memory: Memory, limit: int = TM_EXAMPLES
                    ) -> dict[str, list[tuple[int, TranslationUnit]]]:
    """For each hit's concept, up to limit memory units (id, unit) using its preferred
    Indonesian term, newest first: how the desk has translated it lately."""
    terms = {hit.concept.id: preferred.text for hit in hits
             if (preferred := hit.concept.preferred("id")) is not None}
    found = memory.examples(terms.values(), limit)
    return {concept_id: found[text] for concept_id, text in terms.items()}


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
    files: list[str] = []
    for path, data in _documents(paths):
        files.append(path)
        faults: list[InputError] = []
        notices: list[TbxNotice] = []
        try:
            loaded = parse_tbx(data if data is not None else read_bytes(path), path,
                               faults, notices)
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
    return Validation(files, len(concepts), problems)


def _documents(paths: Sequence[PathLike]) -> list[tuple[str, bytes | None]]:
    """(path, None) for each file, to be read when its turn comes; (source, bytes) for
    each file stored in a database that paths name."""
    from termbase.glossary import is_stored
    from termbase.glossary.postgres import PostgresGlossary, split_location

    found: list[tuple[str, bytes | None]] = []
    for path in paths:
        if not is_stored(path):
            found.append((str(path), None))
            continue
        url, only = split_location(str(path))
        with PostgresGlossary(url) as store:
            documents = store.documents(only)
            if only is not None and not documents:
                raise InputError(f"no glossary file named {only!r} in the database",
                                 store.shown)
            found.extend((store.source(name), data) for name, data, _ in documents)
    return found


@dataclass
class Edit:
    """An edited glossary file, not yet saved, and what was done to it."""

    document: TbxFile
    what: str
    concept_id: str | None = None  # the concept edited, for a history of changes


FORCE = "give --force if that is what you mean"


def deprecate(glossary: Glossary, term: str, preferred: str,
              superseded: bool = False, force: bool = False) -> Edit:
    """Mark term deprecated (or superseded) in favour of preferred, in the concept that
    holds preferred; term is added to it when it is not there yet, and preferred made
    the preferred term when it was not.

    A term already superseded stays superseded (it is the stronger verdict: the name
    was right once). InputError when nothing would change, and, unless force, when
    the edit would reverse the house style: term is the concept's preferred term, or
    preferred is itself deprecated or superseded there."""
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
    existing = next((t for t in concept.terms if t.text.casefold() == term.casefold()),
                    None)
    if existing is not None and existing is preferred_term:
        raise InputError(f"{term!r} cannot be deprecated in favour of itself")
    if not force:
        if existing is not None and existing.status is Status.PREFERRED:
            raise InputError(f"{existing.text!r} is the preferred term of {concept.id}: "
                             f"deprecating it for {preferred_term.text!r} reverses the "
                             f"house style; {FORCE}")
        if not preferred_term.status.allowed:
            raise InputError(f"{preferred_term.text!r} is {preferred_term.status.value} in "
                             f"{concept.id}: making it preferred reverses the house style; "
                             f"{FORCE}")
    if existing is not None and existing.status is Status.SUPERSEDED:
        status = Status.SUPERSEDED
    if existing is not None and existing.status is status and \
            preferred_term.status is Status.PREFERRED:
        raise InputError(f"nothing to change: {existing.text!r} is already {status.value} "
                         f"in {concept.id}, and {preferred_term.text!r} preferred")
    document = concept_file(concept, glossary)
    if preferred_term.status is not Status.PREFERRED:
        document.set_status(concept.id, preferred_term.text, Status.PREFERRED)
    if existing is not None:
        document.set_status(concept.id, term, status)
    else:
        document.add_term(concept.id, Term(term, preferred_term.language, status,
                                           part_of_speech=preferred_term.part_of_speech))
    return Edit(document, f"{term} is {status.value} in {concept.id}; use {preferred}",
                concept.id)


def shared_terms(glossary: Glossary, terms: Sequence[Term], concept_id: str
                 ) -> list[tuple[Term, str]]:
    """Each of terms that another concept than concept_id already has (same language,
    case aside), with that concept's id."""
    from termbase.lang.tags import base_language

    owners: dict[tuple[str, str], str] = {}
    for concept in glossary.concepts:
        if concept.id != concept_id:
            for term in concept.terms:
                owners.setdefault((base_language(term.language), term.text.casefold()),
                                  concept.id)
    found = []
    for term in terms:
        owner = owners.get((base_language(term.language), term.text.casefold()))
        if owner is not None:
            found.append((term, owner))
    return found


def refuse_duplicates(glossary: Glossary, terms: Sequence[Term], concept_id: str) -> None:
    """InputError when a term is already another concept's: two concepts sharing a term
    make the checker's advice depend on which it finds first."""
    shared = shared_terms(glossary, terms, concept_id)
    if shared:
        term, owner = shared[0]
        raise InputError(f"{term.text!r} ({term.language}) is already a term of {owner}: "
                         f"a second concept would duplicate it; {FORCE}")


def add_concept(glossary: Glossary, concept: Concept, target: PathLike,
                force: bool = False) -> Edit:
    """Add a new concept to the TBX file target (unsaved). InputError when its id is
    taken, and, unless force, when one of its terms is already another concept's."""
    from termbase.glossary.edit import TbxFile

    if any(c.id == concept.id for c in glossary.concepts):
        raise InputError(f"concept id {concept.id!r} exists already")
    if not force:
        refuse_duplicates(glossary, concept.terms, concept.id)
    document = TbxFile(target, based_on=glossary_version(glossary, target))
    document.add_concept(concept)
    return Edit(document, f"added {concept.id}", concept.id)


@dataclass
class ConceptChange:
    """What `glossary edit` may change in a concept; empty values are left alone."""

    subject_field: str | None = None
    note: str | None = None
    definitions: dict[str, str] = field(default_factory=dict)
    new_terms: list[Term] = field(default_factory=list)
    statuses: list[tuple[str, Status]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def edit_concept(glossary: Glossary, concept_id: str, change: ConceptChange,
                 force: bool = False) -> Edit:
    """Change a concept in place (unsaved). InputError when nothing would change, and,
    unless force, when a preferred term would lose its status or be removed, or a new
    term is already another concept's."""
    from termbase.model import Status

    concept = concept_by_id(glossary, concept_id)
    if not force:
        refuse_duplicates(glossary, change.new_terms, concept_id)
        demoted = [(text, f"making it {status.value}") for text, status in change.statuses
                   if status is not Status.PREFERRED]
        for text, how in [*demoted, *((text, "removing it") for text in change.removed)]:
            current = next((t for t in concept.terms
                            if " ".join(t.text.split()).casefold() == text.casefold()), None)
            if current is not None and current.status is Status.PREFERRED:
                raise InputError(f"{current.text!r} is the preferred term of {concept_id}: "
                                 f"{how} changes the house style; {FORCE}")
    document = concept_file(concept, glossary)
    if change.subject_field:
        document.set_subject_field(concept_id, change.subject_field)
    if change.note:
        document.set_note(concept_id, change.note)
    for language, text in change.definitions.items():
        document.set_definition(concept_id, language, text)
    for term in change.new_terms:
        document.add_term(concept_id, term)
    for text, status in change.statuses:
        document.set_status(concept_id, text, status)
    for text in change.removed:
        document.remove_term(concept_id, text)
    if not document.changed:
        raise InputError(f"nothing to change in {concept_id}: every value given is "
                         "already there" if change != ConceptChange() else
                         f"nothing to change in {concept_id}: give --subject, --note, "
                         "--definition, --add-term, --status or --remove-term")
    return Edit(document, f"edited {concept_id}", concept_id)


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

    if is_stored(target):
        return _import_stored(source, str(target), source_format)
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


def _import_stored(source: PathLike, target: str, source_format: str | None
                   ) -> GlossaryImport:
    """import_glossary into a database: into the stored file the URL names after '#',
    else the one named as source is (a .tbx name for another format), created when
    the database has no such file."""
    from termbase.formats.glossary_io import read_glossary_file
    from termbase.formats.registry import GLOSSARY
    from termbase.formats.tbx import parse_tbx
    from termbase.glossary.edit import TbxFile
    from termbase.glossary.merge import MergeReport, merge_into
    from termbase.glossary.postgres import split_location, stored_exists, stored_name_for
    from termbase.textio import read_bytes

    url, name = split_location(target)
    location = f"{url}#{name or stored_name_for(str(source))}"
    exists = stored_exists(location)
    incoming = read_glossary_file(source, source_format)
    if not exists:
        data = read_bytes(source)
        fmt = GLOSSARY.get(source_format, str(source)) if source_format \
            else GLOSSARY.detect(str(source), data)
        if fmt.name in ("tbx", "tbx3"):  # stored as it is: the file stays the record
            document = TbxFile(location, data)
            return GlossaryImport(document, len(incoming),
                                  MergeReport(added=[c.id for c in incoming]))
        document = TbxFile.create(location)
        return GlossaryImport(document, len(incoming), merge_into(document, [], incoming))
    document = TbxFile(location)
    report = merge_into(document, parse_tbx(document.to_bytes(), document.path), incoming)
    return GlossaryImport(document, len(incoming), report)


def export_glossary(glossary: Glossary, output: PathLike, output_format: str) -> int:
    """Write the glossary to one file in a format, atomically; the concepts written."""
    from termbase.formats.glossary_io import write_glossary_file
    from termbase.workspace import refuse_installed

    refuse_installed(output, "glossary")
    write_glossary_file(glossary.concepts, output, output_format)
    return len(glossary.concepts)
