"""termbase check: lint Indonesian articles."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from termbase.cli import ExitCode, cli
from termbase.model import SEVERITIES

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.engine import CheckResult, Selection
    from termbase.check.service import Fixed


def _check_rule_names(names: list[str], option: str) -> None:
    from termbase.check.service import unknown_rule

    for name in names:
        message = unknown_rule(name)
        if message is not None:
            raise click.BadParameter(message, param_hint=option)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format",
              type=click.Choice(["text", "json", "github", "csv", "html"]),
              default="text", show_default=True,
              help="Output format: html is a self-contained QA report, csv for spreadsheets.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the report to this file (atomically) instead of standard output.")
@click.option("--force", is_flag=True, help="With -o: replace an existing file.")
@click.option("--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
              help="TBX glossary to use instead of the shipped ones (repeatable).")
@click.option("--dictionary", type=click.Path(),
              help="Hunspell id_ID dictionary: a .dic file or a folder holding id_ID.dic.")
@click.option("--accept", "accept_lists", multiple=True, type=click.Path(dir_okay=False),
              help="Accept list: a text file of words never reported (repeatable).")
@click.option("--select", multiple=True, help="Only these rules or categories (comma list).")
@click.option("--ignore", multiple=True, help="Skip these rules or categories (comma list).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding is at or above this severity [default: warning].")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files in place.")
@click.option("--diff", is_flag=True, help="Print the safe fixes as a diff; change nothing.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (default: nearest termbase.toml or pyproject.toml).")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], output_format: str,
          output: str | None, force: bool, glossaries: tuple[str, ...],
          dictionary: str | None, accept_lists: tuple[str, ...],
          select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, fix: bool,
          diff: bool, config_path: str | None) -> None:
    """Check Indonesian articles for spelling, orthography, typography and terminology.

    PATHS are files, folders (searched for *.txt and *.md) or - for standard input.
    Bilingual files named on the command line (*.xlf, *.xliff, *.tmx, *.po) have each
    translation checked against its source (rules bilingual/...), and the Indonesian
    rules run on the sources.
    Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error.
    With --diff: 0 nothing to fix, 1 a fix would change a file. With --fix on standard
    input the fixed text goes to standard output and no report is printed.
    """
    from termbase.check.service import (
        STDIN_NAME,
        check_config_rule_names,
        diffs,
        load_context,
        selection_for,
        threshold_for,
    )
    from termbase.config import find_config, load_config
    from termbase.textio import refuse_to_replace

    if fix and diff:
        raise click.UsageError("--fix and --diff exclude each other")
    if output and diff:
        raise click.UsageError("-o writes the report; --diff prints to standard output")
    if output and output != "-":
        refuse_to_replace(output, force)
    config = load_config(Path(config_path) if config_path else find_config())
    check_config_rule_names(config)
    selection = selection_for(config, select, ignore)
    _check_rule_names(list(selection.select), "--select")
    _check_rule_names(list(selection.ignore), "--ignore")
    threshold = threshold_for(config, fail_on)
    context = load_context(glossaries, dictionary, accept_lists, config)
    results = _run(paths, context, selection)
    if diff:
        from termbase.cli.output import coloured_diff

        shown = diffs(results)
        for text in shown:
            click.echo(coloured_diff(text), nl=False, color=True)
        ctx.exit(ExitCode.FINDINGS if shown else ExitCode.CLEAN)
    if fix:
        results = _apply_fixes(results, context, selection)
        if any(r.document.path == STDIN_NAME for r in results):
            ctx.exit(_exit_status(results, threshold))  # stdout carried the fixed text
    _render(results, output_format, output)
    ctx.exit(_exit_status(results, threshold))


# One file of this many characters or more gets a progress bar of its own.
BIG_FILE = 200_000


def _run(paths: Sequence[str], context: CheckContext, selection: Selection
         ) -> list[CheckResult]:
    """Each source checked; on a terminal a bar on standard error for several files or
    one big one, by characters (within a file, by the rules done)."""
    from termbase.check.service import check_source, read_sources
    from termbase.cli.output import progress_bar, progress_wanted

    sources = read_sources(paths)  # all input errors before any output
    sizes = [len(source.text) for source in sources]
    if not progress_wanted(len(sources)) or (len(sources) == 1 and sizes[0] < BIG_FILE):
        return [check_source(source, context, selection) for source in sources]
    from rich.progress import BarColumn, TaskProgressColumn, TextColumn, TimeRemainingColumn

    results = []
    with progress_bar(TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(),
                      TimeRemainingColumn()) as bar:
        task = bar.add_task("checking", total=sum(sizes) or 1)
        before = 0
        for source, size in zip(sources, sizes, strict=True):
            bar.update(task, description=f"checking {source.path}")

            def within(done: int, total: int, start: int = before, size: int = size) -> None:
                bar.update(task, completed=start + size * done // max(total, 1))
            results.append(check_source(source, context, selection, within))
            before += size
            bar.update(task, completed=before)
    return results


def _apply_fixes(results: Sequence[CheckResult], context: CheckContext, selection: Selection
                 ) -> list[CheckResult]:
    """Write the safe fixes, then check the fixed texts again for what is left."""
    from termbase.check.service import STDIN_NAME, fix_results
    from termbase.textio import BOM

    def report(fixed: Fixed) -> None:
        if fixed.path == STDIN_NAME:  # the fixed text goes out as it came in, BOM too
            sys.stdout.flush()
            sys.stdout.buffer.write(((BOM if fixed.had_bom else "") + fixed.text)
                                    .encode("utf-8"))
            sys.stdout.buffer.flush()
        elif fixed.applied:
            left = f", {fixed.left} overlapping left for another run" if fixed.left else ""
            click.echo(f"{fixed.path}: applied {fixed.applied} fix(es){left}", err=True)

    return [fixed.result for fixed in fix_results(results, context, selection,
                                                  on_fixed=report)]


def _render(results: list[CheckResult], output_format: str, output: str | None) -> None:
    from termbase.cli import render

    if output and output != "-":
        from termbase.textio import atomic_write_text

        atomic_write_text(output, render.report_text(results, output_format))
    elif output_format in ("csv", "html"):
        click.echo(render.report_text(results, output_format), nl=False)
    elif output_format == "json":
        click.echo(render.render_json(results))
    elif output_format == "github":
        text = render.render_github(results)
        if text:
            click.echo(text)
    else:
        from termbase.cli.output import stdout_console

        render.render_text(stdout_console(), results)


def _exit_status(results: Sequence[CheckResult], threshold: str) -> int:
    from termbase.check.service import fails

    return ExitCode.FINDINGS if fails(results, threshold) else ExitCode.CLEAN
