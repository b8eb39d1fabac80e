"""termbase tm ...: the translation memory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from termbase.cli import ExitCode, cli
from termbase.cli.options import memory_path, open_memory, opened_memory, tm_option
from termbase.cli.output import json_text
from termbase.formats.registry import MEMORY

if TYPE_CHECKING:
    from rich.progress import Progress
    from rich.text import Text

    from termbase.tm.service import FileImport


@cli.group()
def tm() -> None:
    """The translation memory: import, export, search, concordance, add, stats, delete."""


@tm.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "input_format", type=click.Choice(MEMORY.names()),
              help="Format of the files (default: from the extension; .xlf and .xliff "
                   "are XLIFF).")
@click.option("--from", "source_lang",
              help="Source language (default: the memory's, else id).")
@click.option("--to", "target_lang",
              help="Target language (default: the memory's, else en).")
@tm_option
def import_(files: tuple[str, ...], input_format: str | None, source_lang: str | None,
            target_lang: str | None, tm_path: str | None) -> None:
    """Import TMX 1.4, PO, two-column TSV or XLIFF 1.2/2.0 files, one transaction per
    file. From XLIFF only confirmed translations are taken (1.2 approved="yes" or state
    translated, signed-off, final; 2.0 state translated, reviewed, final), with the
    article (the <file>'s original) as origin; the others are reported as skipped.

    A unit already present (same languages, source and target) is updated, not
    duplicated. A file that fails part-way leaves the memory as it was before it.

    The memory keeps one language pair, recorded by its first import. Languages a
    file states (TMX xml:lang, XLIFF source/target-language, PO Language, a TSV header)
    must be that pair, and --from/--to's: a file in another pair is refused whole.
    A new memory without --from/--to takes the workspace's source-language and
    target-language (termbase.toml) when it states them, else id/en.
    """
    from termbase.cli.output import stderr_is_interactive
    from termbase.tm.service import import_files
    from termbase.workspace import stated_languages


    def on_file(done: FileImport) -> None:
        reasons = "; ".join(f"{n} {r}" for r, n in done.reasons.items())
        click.echo(f"{done.path}: {done.added} added, {done.updated} updated, "
                   f"{done.skipped} skipped" + (f" ({reasons})" if reasons else ""))

    path = memory_path(tm_path)
    opened_memory(path)
    summary = import_files(path, files, input_format, source_lang, target_lang,
                           progress=_progress_bar if stderr_is_interactive() else None,
                           on_file=on_file, desk=stated_languages())
    click.echo(f"{summary.memory}: {summary.units} units", err=True)


class _ImportBar:
    """One file's import on a bar: percent of its bytes read with the time left, the
    units written, then the indexing at the end."""

    def __init__(self, bar: Progress, path: str):
        import os

        self._bar = bar
        self._size = max(os.path.getsize(path), 1)
        self._read = 0
        self._shown = 0  # bytes the task was last told of
        self._units = 0
        self._task = bar.add_task(f"importing {path}", total=self._size, units=0)

    def read(self, count: int) -> None:
        # Called for every line of a TSV file: the task (behind a lock) is told only
        # every 64 KiB and at the end; it is redrawn a few times a second anyway.
        self._read += count
        if self._read - self._shown >= 65536 or count == 0:
            self._shown = self._read
            self._bar.update(self._task, completed=min(self._read, self._size))

    def units(self, count: int) -> None:
        self._units += count
        self._bar.update(self._task, completed=min(self._read, self._size),
                         units=self._units)

    def indexing(self) -> None:
        self._bar.update(self._task, completed=self._size, units=self._units,
                         description=self._bar.tasks[self._task].description
                         .replace("importing", "indexing", 1))


@contextmanager
def _progress_bar(path: str) -> Iterator[_ImportBar]:
    """A bar for the import of path, on standard error."""
    from rich.progress import BarColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn

    from termbase.cli.output import progress_bar

    with progress_bar(TextColumn("{task.description}"), BarColumn(bar_width=24),
                      TaskProgressColumn(), TimeRemainingColumn(),
                      TextColumn("{task.fields[units]:,} units")) as bar:
        yield _ImportBar(bar, path)


@tm.command("export")
@click.option("--format", "output_format", type=click.Choice(MEMORY.names(writable=True)),
              help="Default: from the extension of FILE (.tmx; .po, .pot; .tsv, .txt, .tab).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@tm_option
def export(output_format: str | None, output: str, tm_path: str | None) -> None:
    """Write the whole memory as TMX 1.4 (with DOCTYPE), PO or TSV, atomically."""
    from termbase.tm.service import export_memory

    fmt = MEMORY.for_output(output, output_format).name  # before the memory is opened
    path = memory_path(tm_path)
    opened_memory(path)
    written = export_memory(path, output, fmt)
    click.echo(f"{output}: {written} units as {fmt}", err=True)


def _marked_differences(query: str, match: str) -> Text:
    """The match with the words that differ from the query highlighted."""
    import difflib
    import re

    from rich.text import Text

    tokens = re.findall(r"\S+|\s+", match)
    query_words = [w.casefold() for w in query.split()]
    words = [t.casefold() for t in tokens if not t.isspace()]
    same: set[int] = set()
    matcher = difflib.SequenceMatcher(a=query_words, b=words, autojunk=False)
    for block in matcher.get_matching_blocks():
        same.update(range(block.b, block.b + block.size))
    text = Text()
    index = 0
    for token in tokens:
        if token.isspace():
            text.append(token)
            continue
        text.append(token, "" if index in same else "bold reverse yellow")
        index += 1
    return text


@tm.command()
@click.argument("text")
@click.option("--min-score", type=click.FloatRange(0, 100), default=75, show_default=True)
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--from", "source_lang",
              help="Language of TEXT, one of the memory's pair (default: its source "
                   "language); the other one is the target.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
@tm_option
@click.pass_context
def search(ctx: click.Context, text: str, min_score: float, limit: int,
           source_lang: str | None, output_format: str, tm_path: str | None) -> None:
    """Fuzzy matches for TEXT, best first, with their scores (100 exact, 99-98 only
    case, punctuation or numbers differ, below that word-level similarity).
    Exit 0 when something matched, 1 when nothing did."""
    from termbase.tm.records import search_payload
    from termbase.tm.service import search_languages

    memory = open_memory(tm_path)
    source_lang, target_lang = search_languages(memory, source_lang)
    matches = memory.search(text, source_lang, target_lang, min_score, limit)
    if output_format == "json":
        click.echo(json_text(search_payload(text, source_lang, target_lang, matches),
                             ensure_ascii=False, indent=2))
        ctx.exit(ExitCode.CLEAN if matches else ExitCode.FINDINGS)
    from rich.text import Text

    from termbase.cli.output import stdout_console

    console = stdout_console()
    if not matches:
        console.print(f"no match of {min_score:g} or more ({source_lang}→{target_lang})")
        ctx.exit(ExitCode.FINDINGS)
    for match in matches:
        head = Text(f"{match.score:5.1f}  ", "bold cyan")
        head.append(f"#{match.unit_id} {match.band}", "dim")
        if match.unit.origin:
            head.append(f"  {match.unit.origin}", "dim")
        console.print(head)
        console.print(Text("  ") + _marked_differences(text, match.unit.source))
        console.print(Text("  → " + match.unit.target, "green"))


@tm.command()
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
@tm_option
@click.pass_context
def concordance(ctx: click.Context, words: tuple[str, ...], limit: int, output_format: str,
                tm_path: str | None) -> None:
    """Units whose source or target contains all WORDS, the words highlighted."""
    import re

    from termbase.tm.records import concordance_payload

    query = " ".join(words)
    found = open_memory(tm_path).concordance(query, limit)
    if output_format == "json":
        click.echo(json_text(concordance_payload(query, found), ensure_ascii=False, indent=2))
        ctx.exit(ExitCode.CLEAN if found else ExitCode.FINDINGS)
    from rich.text import Text

    from termbase.cli.output import stdout_console

    console = stdout_console()
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    for unit_id, unit in found:
        for prefix, line in ((f"#{unit_id} ", unit.source), (" " * (len(str(unit_id)) + 2),
                                                              unit.target)):
            text = Text(prefix, "dim")
            body = Text(line)
            body.highlight_regex(pattern, "bold reverse yellow")
            console.print(text + body)
    if not found:
        console.print(f"no unit contains {query!r}")
        ctx.exit(ExitCode.FINDINGS)


@tm.command()
@click.argument("source")
@click.argument("target")
@click.option("--from", "source_lang", help="Default: the memory's, else id-ID.")
@click.option("--to", "target_lang", help="Default: the memory's, else en-US.")
@click.option("--origin", help="Where the pair comes from (document name).")
@tm_option
def add(source: str, target: str, source_lang: str | None, target_lang: str | None,
        origin: str | None, tm_path: str | None) -> None:
    """Add one sentence pair (neither side may be empty)."""
    from termbase.model import TranslationUnit
    from termbase.tm.service import check_pair

    check_pair(source, target)  # before the memory is opened: nothing is created
    memory = open_memory(tm_path, create=True)
    unit_id, outcome = memory.add(TranslationUnit(source, target, source_lang or "",
                                                  target_lang or "", origin=origin))
    click.echo(f"#{unit_id} {outcome}")


@tm.command()
@tm_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True)
def stats(tm_path: str | None, output_format: str) -> None:
    """Units, language pairs, origins, size."""
    figures = open_memory(tm_path).stats()
    if output_format == "json":
        click.echo(json_text(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures['path']}: {figures['units']} units, schema {figures['schema_version']},"
               f" {figures['size_bytes']:,} bytes")
    click.echo(f"language pair: {figures['language_pair'] or '(none recorded)'}")
    for heading in ("language_pairs", "origins"):
        click.echo(f"{heading.replace('_', ' ')}:")
        for name, count in figures[heading].items():
            click.echo(f"  {count:8}  {name}")


@tm.command()
@click.argument("unit_id", type=int)
@tm_option
@click.pass_context
def delete(ctx: click.Context, unit_id: int, tm_path: str | None) -> None:
    """Delete a unit by its id (as search and concordance show it)."""
    from termbase.errors import InputError

    memory = open_memory(tm_path)
    if not memory.delete(unit_id):
        raise InputError(f"no unit #{unit_id}", memory.path)
    click.echo(f"#{unit_id} deleted")
