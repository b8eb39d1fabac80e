"""termbase check: lint Indonesian articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from termbase.cli import ExitCode, cli
from termbase.errors import TermbaseError

SEVERITIES = ("info", "warning", "error", "never")
STDIN_NAME = "<stdin>"


def _names(values: tuple[str, ...]) -> list[str]:
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _check_rule_names(names: list[str], option: str) -> None:
    from termbase.check.registry import BY_NAME, CATEGORIES

    for name in names:
        if name not in BY_NAME and name.rstrip("/") not in CATEGORIES:
            raise click.BadParameter(f"unknown rule or category {name!r}", param_hint=option)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "github"]),
              default="text", show_default=True, help="Output format.")
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
def check(ctx, paths, output_format, glossaries, dictionary, accept_lists, select, ignore,
          fail_on, fix, diff, config_path):
    """Check Indonesian articles for spelling, orthography, typography and terminology.

    PATHS are files, folders (searched for *.txt and *.md) or - for standard input.
    Bilingual files named on the command line (*.xlf, *.xliff, *.tmx, *.po) have each
    translation checked against its source (rules bilingual/...), and the Indonesian
    rules run on the sources.
    Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error.
    With --diff: 0 nothing to fix, 1 a fix would change a file. With --fix on standard
    input the fixed text goes to standard output and no report is printed.
    """
    from termbase.check.engine import Selection
    from termbase.config import find_config, load_config

    if fix and diff:
        raise click.UsageError("--fix and --diff exclude each other")
    config = load_config(Path(config_path) if config_path else find_config())
    selection = Selection(tuple(_names(select) or config.select),
                          tuple(_names(ignore) or config.ignore))
    _check_rule_names(list(selection.select), "--select")
    _check_rule_names(list(selection.ignore), "--ignore")
    threshold = fail_on or config.fail_on or "warning"
    if threshold not in SEVERITIES:
        raise TermbaseError(f"fail-on must be one of {', '.join(SEVERITIES)}", config.path)
    context = _load_context(glossaries, dictionary, accept_lists, config)
    results = _run(paths, context, selection)
    if diff:
        changed = _print_diffs(results)
        ctx.exit(ExitCode.FINDINGS if changed else ExitCode.CLEAN)
    if fix:
        results = _apply_fixes(results, context, selection)
        if any(r.document.path == STDIN_NAME for r in results):
            ctx.exit(_exit_status(results, threshold))  # stdout carried the fixed text
    _render(results, output_format)
    ctx.exit(_exit_status(results, threshold))


def _load_context(glossaries, dictionary, accept_lists, config):
    """Load glossaries and dictionary with the cyclic garbage collector paused.

    A 20,000-concept glossary is ~10^6 long-lived objects that contain no garbage.
    Collections triggered while loading would walk them again and again, and so would
    every collection while checking unless they are frozen out of its reach; either
    way the check would slow in proportion to the glossary's size.
    """
    import gc

    from termbase.check.context import build_context

    gc.disable()
    try:
        context = build_context(
            list(glossaries) or config.glossary or None,
            dictionary or config.dictionary,
            list(accept_lists) or config.accept,
        )
        context.matcher  # noqa: B018  (build the term index now, while paused)
        context.glossary_words  # noqa: B018
    finally:
        gc.freeze()
        gc.enable()
    return context


def _run(paths, context, selection):
    from termbase.check.inputs import STDIN, expand_paths, read_source
    from termbase.cli.output import progress_wanted
    from termbase.formats.bilingual import is_bilingual_path, read_bilingual

    files = expand_paths(list(paths))
    # All input errors before any output: articles and bilingual files are read first.
    sources = [read_bilingual(path) if path != STDIN and is_bilingual_path(path)
               else read_source(path) for path in files]
    if not progress_wanted(len(sources)):
        return [_check_one(source, context, selection) for source in sources]
    from rich.progress import Progress

    results = []
    with Progress(transient=True) as progress:
        task = progress.add_task("checking", total=len(sources))
        for source in sources:
            results.append(_check_one(source, context, selection))
            progress.advance(task)
    return results


def _check_one(source, context, selection):
    """An article (SourceText) with the Indonesian rules, a bilingual file (XLIFF, TMX,
    PO) with the bilingual rules and the Indonesian rules on its sources."""
    from termbase.check.engine import check_bilingual, check_text
    from termbase.formats.bilingual import BilingualFile

    if isinstance(source, BilingualFile):
        return check_bilingual(source, context, selection)
    return check_text(source.path, source.text, context, selection, source.had_bom)


def _print_diffs(results) -> bool:
    from termbase.check.fix import plan_fixes, unified_diff

    changed = False
    for result in results:
        plan = plan_fixes(result.findings)
        if plan.edits:
            changed = True
            document = result.document
            click.echo(unified_diff(document.path, document.text, plan.apply(document.text)),
                       nl=False)
    return changed


def _apply_fixes(results, context, selection):
    """Write the safe fixes, then check the fixed texts again for what is left."""
    from termbase.check.engine import check_text
    from termbase.check.fix import plan_fixes
    from termbase.textio import BOM, atomic_write_text

    rechecked = []
    for result in results:
        document = result.document
        plan = plan_fixes(result.findings)
        fixed = plan.apply(document.text)
        if document.path == STDIN_NAME:  # the fixed text goes out as it came in, BOM too
            sys.stdout.flush()
            sys.stdout.buffer.write(((BOM if document.had_bom else "") + fixed).encode("utf-8"))
            sys.stdout.buffer.flush()
        elif plan.edits:
            atomic_write_text(document.path, fixed, bom=document.had_bom)
            left = f", {len(plan.skipped)} overlapping left for another run" if plan.skipped else ""
            click.echo(f"{document.path}: applied {len(plan.edits)} fix(es){left}", err=True)
        rechecked.append(
            check_text(document.path, fixed, context, selection, document.had_bom)
            if plan.edits else result
        )
    return rechecked


def _render(results, output_format: str) -> None:
    from termbase.cli import render

    if output_format == "json":
        click.echo(render.render_json(results))
    elif output_format == "github":
        text = render.render_github(results)
        if text:
            click.echo(text)
    else:
        from termbase.cli.output import stdout_console

        render.render_text(stdout_console(), results)


def _exit_status(results, threshold: str) -> int:
    if threshold == "never":
        return ExitCode.CLEAN
    rank = SEVERITIES.index(threshold)
    worst = [SEVERITIES.index(f.severity.value) for r in results for f in r.findings]
    return ExitCode.FINDINGS if worst and max(worst) >= rank else ExitCode.CLEAN

