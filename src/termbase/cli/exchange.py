"""termbase export and termbase merge: articles to translators and back."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from termbase.cli import ExitCode, cli
from termbase.cli.options import (
    glossary_option,
    load_glossary,
    memory_path,
    opened_memory,
    tm_option,
)
from termbase.cli.output import json_text
from termbase.formats.registry import HANDOFF

if TYPE_CHECKING:
    from termbase.exchange.export import Analysis
    from termbase.exchange.service import Merged
    from termbase.tm.store import Memory


def _open_memory(tm_path: str | None) -> Memory | None:
    """The memory to pre-translate from: --tm must exist; the configured or default one
    is used when it exists, else there is no pre-translation."""
    from pathlib import Path

    from termbase.locations import is_database_url, masked_url
    from termbase.tm.store import open_memory

    path = memory_path(tm_path)
    if tm_path or is_database_url(path) or Path(path).exists():
        opened_memory(path)
        return open_memory(path, create=False)
    click.echo(f"termbase: no translation memory at {masked_url(path)}: nothing is "
               "pre-translated", err=True)
    return None


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(HANDOFF.names()),
              help="xliff (XLIFF 1.2), xliff2 (XLIFF 2.0) or tmx (TMX 1.4). Default: from "
                   "the extension of OUT (.xlf, .xliff: xliff; .tmx: tmx).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The file to write (atomically).")
@tm_option
@click.option("--no-tm", is_flag=True, help="No pre-translation: leave the memory aside.")
@glossary_option
@click.option("--min-score", type=click.FloatRange(0, 100), default=75, show_default=True,
              help="Lowest fuzzy match offered to the translator.")
@click.option("--copy-source", is_flag=True,
              help="XLIFF: write the source into every target the memory did not fill "
                   "(for OmegaT 3.6, whose XLIFF filter translates the <target>).")
@click.option("--summary-format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Format of the analysis printed on standard output.")
@click.option("--force", is_flag=True, help="Replace OUT if it already exists.")
def export(articles: tuple[str, ...], output_format: str | None, output: str,
           tm_path: str | None, no_tm: bool, glossaries: tuple[str, ...], min_score: float,
           copy_source: bool, summary_format: str, force: bool) -> None:
    """Prepare ARTICLE... for a translator: one unit per sentence, exact and fuzzy
    matches from the translation memory, glossary terms attached, and an analysis of
    the job (segments and words by match band). Several articles go into one file,
    one XLIFF <file> each."""
    from termbase.exchange.service import check_export_paths, export_format, export_job

    check_export_paths(articles, output, force)
    fmt = export_format(output, output_format)
    if no_tm and tm_path:
        raise click.UsageError("--no-tm and --tm exclude each other")
    memory = None if no_tm else _open_memory(tm_path)
    glossary = load_glossary(glossaries)
    if copy_source and fmt == "tmx":
        raise click.UsageError("--copy-source applies to XLIFF, not TMX")
    analysis = export_job(articles, output, memory, glossary, fmt, min_score, copy_source,
                          force=True)  # OUT was checked above, before any work
    if summary_format == "json":
        click.echo(json_text({**analysis.to_json(), "output": output}, ensure_ascii=False,
                              indent=2))
        return
    _print_analysis(analysis, output)


def _print_analysis(analysis: Analysis, output: str) -> None:
    from termbase.exchange.export import BAND_LABELS, FORMAT_NAMES

    name = FORMAT_NAMES[analysis.format]
    head = f"{output}: {name}, {len(analysis.articles)} article" \
           f"{'s' if len(analysis.articles) != 1 else ''}, {analysis.segments} segments, " \
           f"{analysis.words} words"
    if analysis.format == "tmx":
        head += f"; {analysis.written} units written (exact matches only; the other " \
                f"segments need a translator)"
    click.echo(head)
    memory = analysis.memory or "none"
    click.echo(f"memory: {memory}, fuzzy matches from {analysis.min_score:g}")
    for article in analysis.articles:
        click.echo(f"  {article.path}: {article.paragraphs} paragraphs, "
                   f"{article.segments} segments, {article.words} words")
    click.echo(f"{'band':<20}{'segments':>9}{'words':>8}")
    for band, figures in analysis.bands.items():
        click.echo(f"{BAND_LABELS[band]:<20}{figures.segments:>9}{figures.words:>8}")
    click.echo(f"{'total':<20}{analysis.segments:>9}{analysis.words:>8}")


@cli.command()
@click.argument("xliff", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="The text file to write; a folder when the XLIFF holds several "
                   "articles (each written as NAME.en.txt).")
@click.option("--force", is_flag=True,
              help="Replace output files that already exist (never the source article).")
@click.pass_context
def merge(ctx: click.Context, xliff: str, output: str, force: bool) -> None:
    """Rebuild the translated article from XLIFF (1.2 or 2.0): the targets of each
    paragraph joined by spaces, paragraphs separated by a blank line. A unit without
    a target keeps its source and is reported, as is a target that is its source;
    the exit status is then 1. An existing file is replaced only with --force; the
    article the XLIFF was made from, never."""
    from termbase.exchange.service import merge_job

    def on_article(done: Merged) -> None:
        article = done.article
        for unit in article.untranslated:
            where = f"{xliff}:{unit.line}" if unit.line else xliff
            click.echo(f"termbase: {where}: unit {unit.unit_id} {unit.reason}", err=True)
        note = f" ({len(article.untranslated)} not translated)" if article.untranslated else ""
        click.echo(f"{done.target}: {article.paragraphs} paragraphs, {article.units} units"
                   f"{note}")

    merged = merge_job(xliff, output, on_article, force)
    missing = sum(len(done.article.untranslated) for done in merged)
    ctx.exit(ExitCode.FINDINGS if missing else ExitCode.CLEAN)
