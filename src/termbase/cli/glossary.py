"""termbase lookup and termbase glossary ...: the glossary for translators and
terminologists."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import click

from termbase.cli import ExitCode, cli
from termbase.cli.options import (
    dry_run_option,
    format_option,
    glossary_option,
    load_glossary,
    memory_path,
    opened_memory,
    tm_option,
)
from termbase.cli.output import json_text
from termbase.formats.registry import GLOSSARY

if TYPE_CHECKING:
    from rich.console import Console

    from termbase.glossary.edit import TbxFile
    from termbase.glossary.lookup import Hit
    from termbase.model import Term, TranslationUnit

_STATUS_STYLE = {"preferred": "bold green", "admitted": "yellow", "deprecated": "red",
                 "superseded": "red"}


def render_concept(console: Console, record: dict, matched: str | None = None) -> None:
    from rich.text import Text

    title = Text()
    title.append(record["id"], "bold")
    if record["subject_field"]:
        title.append(f"  [{record['subject_field']}]", "dim")
    console.print(title)
    preferred = "  ·  ".join(f"{lang}: {text}" for lang, text in record["preferred"].items()
                             if text)
    console.print(Text("  " + preferred, "bold green"))
    for term in record["terms"]:
        line = Text("    ")
        line.append(f"{term['language']:<3} ", "dim")
        line.append(term["text"], "bold" if term["text"] == matched else "")
        line.append(f"  {term['status']}", _STATUS_STYLE.get(term["status"], ""))
        extras = [x for x in (term["term_type"], term["part_of_speech"]) if x]
        if extras:
            line.append(f" ({', '.join(extras)})", "dim")
        if term["use_instead"]:
            line.append(f" → use {term['use_instead']}", "bold")
        console.print(line)
    for lang, definition in record["definitions"].items():
        console.print(Text(f"  {lang}: {definition}", "italic"))
    if record["note"]:
        console.print(Text(f"  note: {record['note']}", "dim"))


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--from", "language", type=click.Choice(["id", "en"]),
              help="Language of WORDS (default: detected from the best match).")
@click.option("--min-score", type=click.FloatRange(0, 100), default=60, show_default=True,
              help="Lowest match score shown.")
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True,
              help="Most concepts shown.")
@glossary_option
@format_option
@click.option("--tm", "tm_path", type=click.Path(dir_okay=False),
              help="Translation memory to show example units from (default: the configured "
                   "one, when it exists).")
@click.pass_context
def lookup(ctx: click.Context, words: tuple[str, ...], language: str | None,
           min_score: float, limit: int, glossaries: tuple[str, ...], output_format: str,
           tm_path: str | None) -> None:
    """Look up WORDS in the glossary, Indonesian or English: one term, quoted or not
    (lookup kerja sama is lookup "kerja sama").

    Exact, inflected (kerja samanya), partial (kemitraan strategis) and misspelt
    (Sabuk dan Jalur) queries are found, each with a score. Exit 0 when something was
    found, 1 when nothing was.
    """
    from termbase.glossary.lookup import concept_record, detected_language, lookup_payload
    from termbase.glossary.lookup import lookup as find

    text = " ".join(words)
    glossary = load_glossary(glossaries)
    hits = find(glossary, text, language, min_score, limit)
    detected = language or detected_language(hits)
    examples = _memory_examples(hits, tm_path)
    if output_format == "json":
        payload = lookup_payload(text, detected, hits, examples)
        click.echo(json_text(payload, ensure_ascii=False, indent=2))
        ctx.exit(ExitCode.CLEAN if hits else ExitCode.FINDINGS)
    from rich.text import Text

    from termbase.cli.output import stdout_console

    console = stdout_console()
    if not hits:
        console.print(f"no glossary term matches {text!r}")
        ctx.exit(ExitCode.FINDINGS)
    for hit in hits:
        record = concept_record(hit.concept)
        head = Text()
        head.append(f"{hit.score:5.1f}  ", "bold cyan")
        head.append(hit.term.text, "bold")
        head.append(f" ({hit.term.language}, {hit.term.status.value}, {hit.how})", "dim")
        if not hit.term.status.allowed:
            use = record["preferred"].get(hit.term.language)
            other = [v for k, v in record["preferred"].items() if k != hit.term.language and v]
            head.append(f"  {hit.term.status.value}: use {use}", "bold red")
            if other:
                head.append(f" ({', '.join(other)})", "red")
        console.print(head)
        render_concept(console, record, hit.term.text)
        for unit_id, unit in examples.get(hit.concept.id, []):
            console.print(Text(f"  tm #{unit_id}: {unit.source}", "dim"))
            console.print(Text(f"      → {unit.target}", "dim green"))
        console.print()


def _memory_examples(hits: Sequence[Hit], tm_path: str | None
                     ) -> dict[str, list[tuple[int, TranslationUnit]]]:
    """Up to three memory units using each hit's preferred Indonesian term, when a
    memory exists; looking up never creates one."""
    from pathlib import Path

    from termbase.locations import is_database_url

    path = memory_path(tm_path)
    if not hits or not (is_database_url(path) or Path(path).exists()):
        return {}
    from termbase.glossary.service import memory_examples
    from termbase.tm.store import open_memory

    opened_memory(path)
    memory = open_memory(path, create=False)
    try:
        return memory_examples(hits, memory)
    finally:
        memory.close()


# --- termbase glossary ... -------------------------------------------------------

@cli.group()
def glossary() -> None:
    """Maintain and inspect glossaries (TBX): list, show, add, edit, deprecate, remove,
    stats, validate, suggest, import, export."""


@glossary.command("list")
@click.option("--subject", "subject_field", help="Only concepts of this subject field.")
@glossary_option
@format_option
def list_concepts(subject_field: str | None, glossaries: tuple[str, ...],
                  output_format: str) -> None:
    """List concepts: id, subject field, preferred Indonesian and English terms."""
    from termbase.glossary.lookup import concept_record

    loaded = load_glossary(glossaries)
    concepts = [c for c in loaded.concepts
                if not subject_field or (c.subject_field or "").lower() == subject_field.lower()]
    if output_format == "json":
        click.echo(json_text({"version": 1, "concepts": [concept_record(c) for c in concepts]},
                              ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    from termbase.cli.output import stdout_console

    table = Table("id", "subject", "id (preferred)", "en (preferred)", "variants",
                  box=None, pad_edge=False)
    for concept in concepts:
        id_term, en_term = concept.preferred("id"), concept.preferred("en")
        table.add_row(concept.id, concept.subject_field or "",
                      id_term.text if id_term else "—", en_term.text if en_term else "—",
                      str(len(concept.terms) - bool(id_term) - bool(en_term)))
    stdout_console().print(table)


@glossary.command()
@click.argument("concept_id")
@glossary_option
@format_option
def show(concept_id: str, glossaries: tuple[str, ...], output_format: str) -> None:
    """Show one concept with every term, status, definition and note."""
    from termbase.cli.output import stdout_console
    from termbase.glossary.lookup import concept_record
    from termbase.glossary.service import concept_by_id

    record = concept_record(concept_by_id(load_glossary(glossaries), concept_id))
    if output_format == "json":
        click.echo(json_text(record, ensure_ascii=False, indent=2))
    else:
        render_concept(stdout_console(), record)


@glossary.command()
@glossary_option
@format_option
def stats(glossaries: tuple[str, ...], output_format: str) -> None:
    """Count concepts and terms by file, subject field, language and status."""
    from termbase.glossary.service import glossary_stats

    figures = glossary_stats(load_glossary(glossaries))
    if output_format == "json":
        click.echo(json_text(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures['concepts']} concepts, {figures['terms']} terms, "
               f"{figures['acronyms_and_short_forms']} acronyms and short forms")
    for heading in ("files", "subject_fields", "terms_by_language_and_status"):
        click.echo(f"\n{heading.replace('_', ' ')}:")
        for name, count in figures[heading].items():
            click.echo(f"  {count:6}  {name or '(none)'}")


@glossary.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@format_option
@click.pass_context
def validate(ctx: click.Context, files: tuple[str, ...], output_format: str) -> None:
    """Check glossaries: preferred terms in both languages, a term preferred in one
    concept and deprecated in another, duplicates, empty terms, bad statuses.

    FILES default to the configured or shipped glossaries. Exit 1 when anything is found.
    """
    from termbase.glossary.service import validate_files

    found = validate_files(files)
    problems = found.problems
    if output_format == "json":
        click.echo(json_text({
            "version": 1, "files": found.files, "concepts": found.concepts,
            "problems": [{"path": p.path, "line": p.line, "kind": p.kind,
                          "message": p.message} for p in problems],
        }, ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{found.concepts} concepts in {len(found.files)} file(s): "
                   f"{len(problems) or 'no'} problem(s)")
    ctx.exit(ExitCode.FINDINGS if problems else ExitCode.CLEAN)


# --- editing -----------------------------------------------------------------------

def _parse_term_spec(spec: str, default_status: str = "preferred") -> Term:
    """LANG[:STATUS][:TYPE]=TEXT, e.g. id=kerja sama, id:deprecated=kerjasama,
    en:preferred:acronym=SCO."""
    from termbase.model import Status, Term

    head, separator, text = spec.partition("=")
    parts = head.split(":")
    if not separator or not text.strip() or not parts[0]:
        raise click.BadParameter(f"{spec!r} is not LANG[:STATUS][:TYPE]=TEXT")
    status = parts[1] if len(parts) > 1 and parts[1] else default_status
    try:
        status_value = Status(status)
    except ValueError:
        raise click.BadParameter(f"unknown status {status!r} in {spec!r}") from None
    term_type = parts[2] if len(parts) > 2 else None
    return Term(" ".join(text.split()), parts[0], status_value, term_type=term_type)


def _parse_definitions(values: Iterable[str]) -> dict[str, str]:
    definitions = {}
    for value in values:
        language, separator, text = value.partition("=")
        if not separator or not language or not text.strip():
            raise click.BadParameter(f"{value!r} is not LANG=TEXT", param_hint="--definition")
        definitions[language] = text.strip()
    return definitions


def _finish(document: TbxFile, dry_run: bool, what: str) -> None:
    """Write the edited file (or print its diff), then say what was done."""
    from termbase.check.fix import unified_diff
    from termbase.cli.output import coloured_diff

    if dry_run:
        click.echo(coloured_diff(unified_diff(document.path, document.original_text,
                                              document.to_text())), nl=False, color=True)
        return
    document.save()
    click.echo(f"{document.path}: {what}", err=True)


def _file_of(glossaries: Sequence[str], concept_id: str) -> TbxFile:
    from termbase.glossary.service import concept_by_id, concept_file

    loaded = load_glossary(glossaries)
    return concept_file(concept_by_id(loaded, concept_id), loaded)


@glossary.command()
@click.argument("concept_id")
@click.option("--term", "terms", multiple=True, required=True,
              help="LANG[:STATUS][:TYPE]=TEXT, repeatable (status defaults to preferred).")
@click.option("--subject", "subject_field", help="Subject field (domain).")
@click.option("--definition", "definitions", multiple=True, help="LANG=TEXT, repeatable.")
@click.option("--note", help="A note on the concept.")
@click.option("--to", "target", type=click.Path(dir_okay=False),
              help="TBX file to add to (needed when more than one glossary is in use).")
@click.option("--force", is_flag=True,
              help="Add it even though another concept already has one of its terms.")
@glossary_option
@dry_run_option
def add(concept_id: str, terms: tuple[str, ...], subject_field: str | None,
        definitions: tuple[str, ...], note: str | None, target: str | None, force: bool,
        glossaries: tuple[str, ...], dry_run: bool) -> None:
    """Add a concept, e.g.  glossary add eco-900 --term id="rantai pasok"
    --term en="supply chain" --subject trade --to glossaries/economy.tbx

    A term another concept already has is refused unless --force."""
    from termbase.glossary.service import add_concept
    from termbase.model import Concept

    loaded = load_glossary(glossaries)
    if target is None:
        if len(loaded.sources) != 1:
            raise click.UsageError("more than one glossary is in use: say which with --to")
        target = loaded.sources[0]
    concept = Concept(concept_id, [_parse_term_spec(t) for t in terms], subject_field, note,
                      _parse_definitions(definitions))
    done = add_concept(loaded, concept, target, force)
    _finish(done.document, dry_run, done.what)


@glossary.command()
@click.argument("concept_id")
@click.option("--subject", "subject_field", help="Set the subject field.")
@click.option("--note", help="Set the concept's note.")
@click.option("--definition", "definitions", multiple=True, help="Set LANG=TEXT.")
@click.option("--add-term", "new_terms", multiple=True, help="Add LANG[:STATUS][:TYPE]=TEXT.")
@click.option("--status", "statuses", multiple=True, help="Set TERM=STATUS.")
@click.option("--remove-term", "removed", multiple=True, help="Remove a term by its text.")
@click.option("--force", is_flag=True,
              help="Allow demoting or removing a preferred term, or adding a term another "
                   "concept has.")
@glossary_option
@dry_run_option
def edit(concept_id: str, subject_field: str | None, note: str | None,
         definitions: tuple[str, ...], new_terms: tuple[str, ...], statuses: tuple[str, ...],
         removed: tuple[str, ...], force: bool, glossaries: tuple[str, ...],
         dry_run: bool) -> None:
    """Change a concept in place; everything not named stays byte for byte. An edit that
    changes nothing is refused (exit 2)."""
    from termbase.glossary.service import ConceptChange, edit_concept
    from termbase.model import Status

    change = ConceptChange(subject_field, note, _parse_definitions(definitions),
                           [_parse_term_spec(spec, "admitted") for spec in new_terms])
    for spec in statuses:
        text, separator, status = spec.rpartition("=")
        try:
            change.statuses.append((text, Status(status)))
        except ValueError:
            raise click.BadParameter(f"{spec!r} is not TERM=STATUS", param_hint="--status") \
                from None
    change.removed = list(removed)
    done = edit_concept(load_glossary(glossaries), concept_id, change, force)
    _finish(done.document, dry_run, done.what)


@glossary.command()
@click.argument("term")
@click.option("--use", "preferred", required=True, help="The preferred term to use instead.")
@click.option("--superseded", is_flag=True, help="Mark it superseded rather than deprecated.")
@click.option("--force", is_flag=True,
              help="Allow demoting a preferred term or promoting a deprecated one.")
@glossary_option
@dry_run_option
def deprecate(term: str, preferred: str, superseded: bool, force: bool,
              glossaries: tuple[str, ...], dry_run: bool) -> None:
    """Mark TERM deprecated in favour of the preferred term given with --use.

    TERM is added to the preferred term's concept when it is not there yet; a
    superseded TERM stays superseded. Demoting a preferred term (or promoting a
    deprecated one) needs --force; an edit that changes nothing is refused (exit 2).
    """
    from termbase.glossary.service import deprecate as mark

    done = mark(load_glossary(glossaries), term, preferred, superseded, force)
    _finish(done.document, dry_run, done.what)


@glossary.command()
@click.argument("concept_id")
@glossary_option
@dry_run_option
def remove(concept_id: str, glossaries: tuple[str, ...], dry_run: bool) -> None:
    """Remove a concept."""
    document = _file_of(glossaries, concept_id)
    document.remove_concept(concept_id)
    _finish(document, dry_run, f"removed {concept_id}")


@glossary.command()
@click.argument("corpus", nargs=-1)
@click.option("--min-count", type=click.IntRange(1), default=2, show_default=True,
              help="Fewest occurrences of a phrase or acronym (an acronym written with its "
                   "expansion counts once); with --bilingual, fewest sentence pairs.")
@click.option("--limit", type=click.IntRange(1), default=30, show_default=True)
@click.option("--bilingual", is_flag=True,
              help="Read sentence pairs (CORPUS: TMX, XLIFF, TSV or PO files; none: the "
                   "memory) and give each Indonesian term its English equivalents.")
@tm_option
@glossary_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "tbx"]),
              default="text", show_default=True,
              help="Output format; tbx (with --bilingual and -o) writes the terms the "
                   "glossary lacks as admitted terms for review.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file.")
@click.option("--force", is_flag=True, help="With -o: replace an existing file.")
def suggest(corpus: tuple[str, ...], min_count: int, limit: int, bilingual: bool,
            tm_path: str | None, glossaries: tuple[str, ...], output_format: str,
            output: str | None, force: bool) -> None:
    """Candidate terms in CORPUS (files or folders of *.txt/*.md) that the glossary
    lacks: recurring phrases, acronyms and acronyms with their expansions, ranked.
    With --bilingual, Indonesian terms (the glossary's too) with the English found
    beside them in aligned sentence pairs."""
    if bilingual:
        _suggest_bilingual(corpus, min_count, limit, tm_path, glossaries, output_format,
                           output, force)
        return
    if not corpus:
        raise click.UsageError("give the files or folders to read (or --bilingual)")
    if output_format == "tbx" or output or tm_path:
        raise click.UsageError("--format tbx, -o and --tm go with --bilingual")
    from termbase.check.inputs import expand_paths, read_source
    from termbase.glossary.extract import suggest_terms

    texts = [(s.path, s.text) for s in map(read_source, expand_paths(list(corpus)))]
    candidates = suggest_terms(texts, load_glossary(glossaries), min_count, limit)
    if output_format == "json":
        click.echo(json_text({"version": 1, "candidates": [
            {"term": c.text, "kind": c.kind, "count": c.count, "score": c.score,
             "acronym": c.expansion, "example": c.example, "path": c.example_path}
            for c in candidates]}, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    from termbase.cli.output import stdout_console

    table = Table("score", "count", "candidate", "kind", "example", box=None, pad_edge=False)
    for c in candidates:
        name = f"{c.text} ({c.expansion})" if c.expansion else c.text
        example = c.example if len(c.example) <= 90 else c.example[:87] + "…"
        table.add_row(f"{c.score:g}", str(c.count), name, c.kind, example)
    stdout_console().print(table)


def _suggest_bilingual(corpus: tuple[str, ...], min_count: int, limit: int,
                       tm_path: str | None, glossaries: tuple[str, ...], output_format: str,
                       output: str | None, force: bool) -> None:
    from termbase.glossary.bilingual import suggest_pairs, suggestion_concepts, term_pair_record

    if output_format == "tbx" and not output:
        raise click.UsageError("--format tbx writes a file: give -o FILE")
    if output:
        from termbase.textio import refuse_to_replace

        refuse_to_replace(output, force)
    found = suggest_pairs(_sentence_pairs(corpus, tm_path), load_glossary(glossaries),
                          min_count, limit)
    if output_format == "tbx":
        from termbase.formats.glossary_io import write_glossary_file

        assert output is not None
        concepts = suggestion_concepts(found)
        write_glossary_file(concepts, output, "tbx")
        click.echo(f"{output}: {len(concepts)} suggested concept(s) to review", err=True)
        return
    if output_format == "json":
        text = json_text({"version": 1, "candidates": [term_pair_record(p) for p in found]},
                         ensure_ascii=False, indent=2)
        _emit(text, output)
        return
    lines = []
    for pair in found:
        english = "; ".join(f"{e.text} ({e.score:g})" for e in pair.equivalents) or "-"
        new = f"new; English of {', '.join(pair.english_of)}" if pair.english_of else "new"
        where = {"no": new, "same": f"in {pair.concept_id}",
                 "other": f"in {pair.concept_id} as {', '.join(pair.glossary_english)}"}
        lines.append(f"{pair.pairs:>4}  {pair.term}  ->  {english}  [{where[pair.in_glossary]}]")
    _emit("\n".join(lines), output)


def _emit(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text)
        return
    from termbase.textio import atomic_write_bytes

    atomic_write_bytes(output, (text + "\n").encode("utf-8"))


def _sentence_pairs(corpus: tuple[str, ...], tm_path: str | None) -> list[tuple[str, str]]:
    """(Indonesian, English) of the units of the bilingual files, or of the memory."""
    from termbase.lang.tags import base_language

    if corpus:
        from termbase.formats.tm_io import iter_units

        units = [unit for path in corpus for unit in iter_units(path)]
    else:
        from termbase.cli.options import open_memory

        units = [unit for _, unit in open_memory(tm_path).units()]
    return [(u.target, u.source) if base_language(u.source_lang) == "en" else
            (u.source, u.target) for u in units]


@glossary.command("import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--into", "target", required=True, type=click.Path(dir_okay=False),
              help="The TBX file to merge into; one that does not exist is created.")
@click.option("--format", "source_format", type=click.Choice(GLOSSARY.names()),
              help="Format of SOURCE (default: from its extension and content).")
@dry_run_option
@click.pass_context
def import_glossary(ctx: click.Context, source: str, target: str, source_format: str | None,
                    dry_run: bool) -> None:
    """Merge a glossary file (TBX, CSV, OmegaT TSV, PO) into a TBX file, or make a new
    TBX file of it: glossary import terms.csv --into new.tbx.

    Same concept (same id and a shared term, or a shared preferred term) -> missing
    terms, definitions, notes added; differing values reported as conflicts and kept
    as they are. Exit 1 when there were conflicts.
    """
    from termbase.glossary.service import import_glossary as merge

    merged = merge(source, target, source_format)
    report = merged.report
    for concept_id in report.added:
        click.echo(f"added {concept_id}")
    for concept_id, changes in report.merged.items():
        click.echo(f"merged {concept_id}: {', '.join(changes)}")
    for conflict in report.conflicts:
        click.echo(f"conflict {conflict}")
    click.echo(f"{merged.read} concept(s) read: {len(report.added)} added, "
               f"{len(report.merged)} merged, {len(report.unchanged)} unchanged, "
               f"{len(report.conflicts)} conflict(s)", err=True)
    if merged.changed:
        _finish(merged.document, dry_run,
                "created" if merged.document.new else "import written")
    ctx.exit(ExitCode.FINDINGS if report.conflicts else ExitCode.CLEAN)


@glossary.command("export")
@click.option("--format", "output_format", type=click.Choice(GLOSSARY.names(writable=True)),
              help="tbx (v2, martif), tbx3 (TBX-Basic v3), csv, omegat (TSV), po. "
                   "Default: from the extension of FILE (.tbx is v2).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="File to write (atomically).")
@glossary_option
def export_glossary(output_format: str | None, output: str, glossaries: tuple[str, ...]
                    ) -> None:
    """Write the glossaries in use to one file in another format."""
    from termbase.glossary.service import export_glossary as write

    fmt = GLOSSARY.for_output(output, output_format).name  # before any work
    written = write(load_glossary(glossaries), output, fmt)
    click.echo(f"{output}: {written} concept(s) as {fmt}", err=True)
