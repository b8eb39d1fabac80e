"""Merging imported concepts into a TBX file without overwriting anything silently.

An imported concept is the same as one in the file when it has the same id and shares
a term with it, or, failing that, when it shares a preferred full term in the same
language. Then its missing terms, definitions, note and subject field are added; a
value that differs from the file's (a term's status, a definition) is a conflict:
reported, and the file's value kept. Anything else is added as a new concept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from termbase.glossary.edit import TbxFile
from termbase.lang.tags import base_language
from termbase.model import Concept, Status


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    merged: dict[str, list[str]] = field(default_factory=dict)  # id -> what was added
    conflicts: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _key(language: str, text: str) -> tuple[str, str]:
    return base_language(language), " ".join(text.split()).casefold()


def _preferred_keys(concept: Concept) -> set[tuple[str, str]]:
    return {_key(t.language, t.text) for t in concept.terms
            if t.status is Status.PREFERRED and not t.is_short_form}


def _same_concept(existing: list[Concept], incoming: Concept) -> Concept | None:
    terms = {_key(t.language, t.text) for t in incoming.terms}
    for concept in existing:
        if concept.id == incoming.id and terms & {_key(t.language, t.text)
                                                   for t in concept.terms}:
            return concept
    preferred = _preferred_keys(incoming)
    for concept in existing:
        if preferred & _preferred_keys(concept):
            return concept
    return None


def merge_into(document: TbxFile, existing: list[Concept],
               incoming: list[Concept]) -> MergeReport:
    report = MergeReport()
    ids = {c.id for c in existing}
    for concept in incoming:
        target = _same_concept(existing, concept)
        if target is None:
            if concept.id in ids:
                report.conflicts.append(f"{concept.id}: the id names a different concept in "
                                        f"{document.path}; not imported")
                continue
            document.add_concept(concept)
            ids.add(concept.id)
            report.added.append(concept.id)
            continue
        _merge_concept(document, target, concept, report)
    return report


def _merge_concept(document: TbxFile, target: Concept, incoming: Concept,
                   report: MergeReport) -> None:
    changes: list[str] = []
    where = target.id if target.id == incoming.id else f"{target.id} (imported as {incoming.id})"
    known = {_key(t.language, t.text): t for t in target.terms}
    for term in incoming.terms:
        current = known.get(_key(term.language, term.text))
        if current is None:
            document.add_term(target.id, term)
            changes.append(f"term {term.text!r} ({term.language}, {term.status.value})")
        elif current.status is not term.status:
            report.conflicts.append(f"{where}: {term.text!r} is {current.status.value} here, "
                                    f"{term.status.value} in the import; kept "
                                    f"{current.status.value}")
    for language, definition in incoming.definitions.items():
        current_definition = target.definitions.get(language)
        if current_definition is None:
            document.set_definition(target.id, language, definition)
            changes.append(f"{language} definition")
        elif current_definition != definition:
            report.conflicts.append(f"{where}: the {language} definition differs; kept this "
                                    "file's")
    for label, current_value, value, setter in (
        ("subject field", target.subject_field, incoming.subject_field,
         document.set_subject_field),
        ("note", target.note, incoming.note, document.set_note),
    ):
        if value and not current_value:
            setter(target.id, value)
            changes.append(label)
        elif value and value != current_value:
            report.conflicts.append(f"{where}: the {label} differs; kept this file's")
    if changes:
        report.merged[target.id] = changes
    else:
        report.unchanged.append(target.id)
