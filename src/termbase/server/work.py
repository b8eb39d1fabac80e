"""What a page and its API endpoint both do, once: call the library service and shape
its answer. Nothing here knows about HTTP."""

from __future__ import annotations

from typing import Any

from termbase.accounts import User
from termbase.errors import InputError
from termbase.glossary import Glossary
from termbase.server.desk import Desk


def check_article(desk: Desk, text: str, name: str = "article.txt",
                  fix: bool = False) -> dict[str, Any]:
    """The check's JSON payload; with fix, "fixed" holds the text after the safe fixes
    and "findings"/"summary" describe what is left in it. A desk with a check lane
    checks there, in a process of its own (server.scheduling.CheckLane)."""
    if desk.check_lane is not None:
        return desk.check_lane.check(text, name, fix)
    from termbase.check.engine import check_text
    from termbase.check.records import check_payload
    from termbase.check.service import fix_result

    context, selection = desk.context(), desk.selection()
    result = check_text(name, text, context, selection)
    if not fix:
        return check_payload([result])
    fixed = fix_result(result, context, selection, rounds=3)
    payload = check_payload([fixed.result])
    payload["fixed"] = fixed.text
    payload["applied"] = fixed.applied
    return payload


def concept_listing(glossary: Glossary, domain: str | None = None, status: str | None = None,
                    offset: int = 0, limit: int = 50) -> dict[str, Any]:
    """Concepts of a subject field and/or having a term of a status, in id order."""
    from termbase.glossary.lookup import concept_record
    from termbase.model import Status

    if status is not None and status not in {s.value for s in Status}:
        raise InputError(f"unknown status {status!r}: one of "
                         f"{', '.join(s.value for s in Status)}")
    chosen = [c for c in glossary.concepts
              if (domain is None or (c.subject_field or "") == domain)
              and (status is None or any(t.status.value == status for t in c.terms))]
    return {
        "version": 1,
        "total": len(chosen),
        "domains": domains(glossary),
        "concepts": [public_concept(concept_record(c)) for c in chosen[offset:offset + limit]],
    }


def domains(glossary: Glossary) -> dict[str, int]:
    counts: dict[str, int] = {}
    for concept in glossary.concepts:
        key = concept.subject_field or ""
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def add_memory_unit(desk: Desk, user: User, data: dict[str, Any]) -> dict[str, Any]:
    from termbase.model import TranslationUnit
    from termbase.tm.records import unit_record
    from termbase.tm.service import check_pair

    source, target = data.get("source"), data.get("target")
    if not isinstance(source, str) or not isinstance(target, str):
        raise InputError("give 'source' and 'target' as strings")
    check_pair(source, target)
    origin = data.get("origin") if isinstance(data.get("origin"), str) else None
    memory = desk.memory()
    unit = TranslationUnit(source, target, "", "", origin=origin, created_by=user.name,
                           changed_by=user.name)
    unit_id, outcome = memory.add(unit)
    desk.memory_changed([unit])
    stored = memory.get(unit_id) if hasattr(memory, "get") else None
    record = unit_record(unit_id, stored) if stored is not None else {"id": unit_id}
    return {"version": 1, "outcome": outcome, "unit": record}


def deprecate_term(desk: Desk, user: User, data: dict[str, Any]) -> dict[str, Any]:
    from termbase.glossary.service import deprecate

    term, use = data.get("term"), data.get("use")
    if not isinstance(term, str) or not term.strip() or not isinstance(use, str) \
            or not use.strip():
        raise InputError("give the deprecated 'term' and the term to 'use' instead")
    with desk.glossary_edit() as glossary:
        edit = deprecate(glossary, term.strip(), use.strip(),
                         superseded=bool(data.get("superseded")),
                         force=bool(data.get("force")))
        edit.document.save(user.name)
    desk.record_change(user, "deprecate", edit.what, edit.concept_id)
    return {"version": 1, "done": edit.what}


def export_article(desk: Desk, name: str, data: bytes) -> bytes:
    """An uploaded article as XLIFF 1.2, pre-translated from the memory, with glossary
    terms attached, as `termbase export` writes it; the file records the upload's name."""
    import tempfile
    from pathlib import Path

    from termbase.exchange.export import export_articles

    if not name.lower().endswith((".txt", ".md")):
        raise InputError(f"{name}: export a .txt or .md article")
    with tempfile.TemporaryDirectory(prefix="termbase-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            xliff, _ = export_articles([str(path)], desk.memory(), desk.glossary(), "xliff",
                                       originals=[name])
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), name)) from None
    return xliff


def import_translation(desk: Desk, user: User, name: str, data: bytes) -> dict[str, Any]:
    """A translated XLIFF or TMX imported into the memory in one transaction, its
    hostile or malformed XML refused as `termbase tm import` refuses it."""
    import tempfile
    from pathlib import Path

    from termbase.tm.service import import_file
    from termbase.workspace import desk_languages

    if not name.lower().endswith((".xlf", ".xliff", ".tmx")):
        raise InputError(f"{name}: upload a .xlf, .xliff or .tmx file")
    with tempfile.TemporaryDirectory(prefix="termbase-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            done = import_file(desk.memory(), str(path),
                               desk=desk_languages(desk.settings.config))
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), name)) from None
    desk.memory_changed()
    desk.record_change(user, "import", f"{name}: {done.added} added, {done.updated} updated")
    return {"version": 1, "file": name, "added": done.added, "updated": done.updated,
            "skipped": done.skipped, "reasons": done.reasons}


def public_concept(record: dict[str, Any]) -> dict[str, Any]:
    """A concept record as the server shows it: its file by name, not by the desk's
    folders nor its database (`source` is the file it was read from)."""
    from termbase.glossary.postgres import source_name

    if record.get("source"):
        record["source"] = source_name(record["source"])
    return record


def public_lookup(payload: dict[str, Any]) -> dict[str, Any]:
    for result in payload["results"]:
        public_concept(result["concept"])
    return payload


def _terms_of(items: Any, field_name: str) -> list[Any]:
    """Terms from [{"text", "language", "status"?, "term_type"?}] (status default
    preferred); InputError naming the field for anything else."""
    from termbase.model import Term

    if items is None:
        return []
    if not isinstance(items, list):
        raise InputError(f"'{field_name}' must be a list of terms")
    terms = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str) \
                or not isinstance(item.get("language"), str) or not item["text"].strip():
            raise InputError(f"each of '{field_name}' needs a 'text' and a 'language'")
        status = _status(item.get("status", "preferred"))
        term_type = item.get("term_type") if isinstance(item.get("term_type"), str) else None
        terms.append(Term(" ".join(item["text"].split()), item["language"], status,
                          term_type=term_type))
    return terms


def _status(value: Any) -> Any:
    from termbase.model import Status

    try:
        return Status(value)
    except ValueError:
        raise InputError(f"unknown status {value!r}: one of "
                         f"{', '.join(s.value for s in Status)}") from None


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string")
    return value.strip() or None


def add_glossary_concept(desk: Desk, user: User, data: dict[str, Any]) -> dict[str, Any]:
    """A new concept in one of the desk's glossary files ("file", by name; default the
    first), as `termbase glossary add` makes it."""
    from termbase.glossary.lookup import concept_record
    from termbase.glossary.service import add_concept
    from termbase.model import Concept

    concept_id = _text(data, "id")
    if not concept_id:
        raise InputError("give the new concept an 'id'")
    terms = _terms_of(data.get("terms"), "terms")
    if not terms:
        raise InputError("give the new concept at least one term in 'terms'")
    definitions = data.get("definitions") or {}
    if not isinstance(definitions, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in definitions.items()):
        raise InputError("'definitions' must map languages to texts")
    concept = Concept(concept_id, terms, _text(data, "subject_field"), _text(data, "note"),
                      dict(definitions))
    with desk.glossary_edit() as glossary:
        target = _glossary_file(glossary, _text(data, "file"))
        edit = add_concept(glossary, concept, target, force=bool(data.get("force")))
        edit.document.save(user.name)
    desk.record_change(user, "add", edit.what, concept_id)
    return {"version": 1, "done": edit.what, "concept": public_concept(concept_record(concept))}


def _glossary_file(glossary: Glossary, name: str | None) -> str:
    """The glossary's file (on disk or stored in a database) of that name, else its
    first."""
    from termbase.glossary.postgres import source_name

    files = glossary.sources
    if not files:
        raise InputError("the glossary has no file to add to")
    if name is None:
        return files[0]
    for path in files:
        if source_name(path) == name:
            return path
    raise InputError(f"no glossary file {name!r}: one of "
                     f"{', '.join(source_name(p) for p in files)}")


def edit_glossary_concept(desk: Desk, user: User, concept_id: str,
                          data: dict[str, Any]) -> dict[str, Any]:
    """As `termbase glossary edit`: subject field, note, definitions, terms added,
    statuses set ({"text": status}), terms removed; force for a house-style reversal."""
    from termbase.glossary.lookup import concept_record
    from termbase.glossary.service import ConceptChange, concept_by_id, edit_concept

    definitions = data.get("definitions") or {}
    statuses = data.get("statuses") or {}
    removed = data.get("remove_terms") or []
    if not isinstance(definitions, dict) or not isinstance(statuses, dict) \
            or not isinstance(removed, list):
        raise InputError("'definitions' and 'statuses' are objects, 'remove_terms' a list")
    change = ConceptChange(
        subject_field=_text(data, "subject_field"), note=_text(data, "note"),
        definitions={str(k): str(v) for k, v in definitions.items() if v},
        new_terms=_terms_of(data.get("add_terms"), "add_terms"),
        statuses=[(str(text), _status(status)) for text, status in statuses.items()],
        removed=[str(text) for text in removed])
    with desk.glossary_edit() as glossary:
        edit = edit_concept(glossary, concept_id, change, force=bool(data.get("force")))
        edit.document.save(user.name)
    desk.record_change(user, "edit", edit.what, concept_id)
    concept = concept_by_id(desk.glossary(), concept_id)
    return {"version": 1, "done": edit.what, "concept": public_concept(concept_record(concept))}


def memory_units(desk: Desk, offset: int, limit: int) -> dict[str, Any]:
    from itertools import islice

    from termbase.tm.records import unit_record

    memory = desk.memory()
    units = [unit_record(i, u) for i, u in islice(memory.units(), offset, offset + limit)]
    return {"version": 1, "total": memory.count(), "units": units}


def user_records(desk: Desk) -> dict[str, Any]:
    return {"version": 1, "users": [{"name": u.name, "role": u.role}
                                    for u in desk.accounts().users()]}
