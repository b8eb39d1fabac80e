"""Checking as a library service: options to a selection, paths to results, safe fixes.

The command line and any other program (the HTTP server) call these functions the same
way; they print nothing. A program checks files with

    context = load_context()
    results = check_paths(["article.txt"], context, Selection())

or one text with termbase.check.engine.check_text, and fixes with fix_results.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termbase.errors import TermbaseError
from termbase.model import SEVERITIES

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.engine import CheckResult, RuleProgress, Selection
    from termbase.config import Config
    from termbase.formats.bilingual import BilingualFile
    from termbase.textio import SourceText

STDIN_NAME = "<stdin>"  # the path of a text read from standard input


def split_names(values: Sequence[str]) -> list[str]:
    """Rule names from options that may each be a comma list."""
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def selection_for(config: Config, select: Sequence[str] = (),
                  ignore: Sequence[str] = ()) -> Selection:
    """The rules asked for (comma lists allowed), else those the configuration names."""
    from termbase.check.engine import Selection

    return Selection(tuple(split_names(select) or config.select),
                     tuple(split_names(ignore) or config.ignore))


def threshold_for(config: Config, fail_on: str | None = None) -> str:
    """The severity at which a check fails: fail_on, else the configuration's, else
    warning. TermbaseError for a configured value that is no severity."""
    threshold = fail_on or config.fail_on or "warning"
    if threshold not in SEVERITIES:
        raise TermbaseError(f"fail-on must be one of {', '.join(SEVERITIES)}", config.path)
    return threshold


def load_context(glossaries: Sequence[str] = (), dictionary: str | None = None,
                 accept_lists: Sequence[str] = (), config: Config | None = None
                 ) -> CheckContext:
    """Glossaries, dictionary and accept lists (each else the configuration's, else the
    shipped or none), loaded with the cyclic garbage collector paused.

    A 20,000-concept glossary is ~10^6 long-lived objects that contain no garbage.
    Collections triggered while loading would walk them again and again, and so would
    every collection while checking unless they are frozen out of its reach; either
    way the check would slow in proportion to the glossary's size.
    """
    from termbase.check.context import build_context
    from termbase.config import Config

    config = config or Config()
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


def read_sources(paths: Sequence[str]) -> list[SourceText | BilingualFile]:
    """Files, folders (their *.txt and *.md) and - (standard input), all read before any
    is checked, so that every input error comes before any result. Bilingual files
    (XLIFF, TMX, PO) are read as such."""
    from termbase.check.inputs import STDIN, expand_paths, read_source
    from termbase.formats.bilingual import is_bilingual_path, read_bilingual

    return [read_bilingual(path) if path != STDIN and is_bilingual_path(path)
            else read_source(path) for path in expand_paths(list(paths))]


def check_source(source: SourceText | BilingualFile, context: CheckContext,
                 selection: Selection, progress: RuleProgress | None = None) -> CheckResult:
    """An article with the Indonesian rules, a bilingual file (XLIFF, TMX, PO) with the
    bilingual rules and the Indonesian rules on its sources; progress hears of each
    rule done (for a progress display)."""
    from termbase.check.engine import check_bilingual, check_text
    from termbase.formats.bilingual import BilingualFile

    if isinstance(source, BilingualFile):
        return check_bilingual(source, context, selection, progress)
    return check_text(source.path, source.text, context, selection, source.had_bom, progress)


def check_paths(paths: Sequence[str], context: CheckContext,
                selection: Selection) -> list[CheckResult]:
    """Each file's result, in the order read_sources gives them."""
    return [check_source(source, context, selection) for source in read_sources(paths)]


def fails(results: Sequence[CheckResult], threshold: str) -> bool:
    """A finding is at or above threshold (a severity, or never)."""
    if threshold == "never":
        return False
    rank = SEVERITIES.index(threshold)
    worst = [SEVERITIES.index(f.severity.value) for r in results for f in r.findings]
    return bool(worst) and max(worst) >= rank


def diffs(results: Sequence[CheckResult]) -> list[str]:
    """A unified diff of the safe fixes, for each file they would change."""
    from termbase.check.fix import plan_fixes, unified_diff

    shown = []
    for result in results:
        plan = plan_fixes(result.findings)
        if plan.edits:
            document = result.document
            shown.append(unified_diff(document.path, document.text,
                                      plan.apply(document.text)))
    return shown


@dataclass
class Fixed:
    """What fixing one file did."""

    path: str
    text: str  # the text after the fixes
    had_bom: bool
    applied: int  # edits made
    left: int  # overlapping edits left for another run
    result: CheckResult  # the check of the fixed text: what is left to do by hand


def fix_result(result: CheckResult, context: CheckContext, selection: Selection,
               rounds: int = 1) -> Fixed:
    """Plan the safe fixes, apply them and check again, up to rounds times or until a
    check finds nothing left to fix (stable). Writes nothing."""
    from termbase.check.engine import check_text
    from termbase.check.fix import plan_fixes

    document = result.document
    text, applied, left, current = document.text, 0, 0, result
    for _ in range(rounds):
        plan = plan_fixes(current.findings)
        if not plan.edits:
            break
        text = plan.apply(text)
        applied, left = applied + len(plan.edits), len(plan.skipped)
        current = check_text(document.path, text, context, selection, document.had_bom)
    return Fixed(document.path, text, document.had_bom, applied, left, current)


def fix_results(results: Sequence[CheckResult], context: CheckContext,
                selection: Selection, rounds: int = 1, write: bool = True,
                on_fixed: Callable[[Fixed], None] | None = None) -> list[Fixed]:
    """fix_result for each file; with write, each file a fix changed is rewritten
    atomically (its BOM kept). Text from standard input is never written: the caller
    has it in Fixed.text. on_fixed hears of each file as soon as it is done."""
    from termbase.textio import atomic_write_text

    done = []
    for result in results:
        fixed = fix_result(result, context, selection, rounds)
        if write and fixed.applied and fixed.path != STDIN_NAME:
            atomic_write_text(fixed.path, fixed.text, bom=fixed.had_bom)
        done.append(fixed)
        if on_fixed is not None:
            on_fixed(fixed)
    return done


def rule_records() -> list[dict]:
    """Every rule as `termbase rules` lists it, in the registry's order."""
    from termbase.check.registry import RULES

    return [{"name": r.name, "category": r.category, "severity": r.severity.value,
             "fixable": r.fixable, "runs_on": r.runs_on.value, "summary": r.summary,
             "wrong": r.wrong, "right": r.right} for r in RULES]


def unknown_rule(name: str) -> str | None:
    """None for a rule name or category ("spelling" or "spelling/"); else the message
    for it, with the closest names when one is close: "did you mean …?"."""
    import difflib

    from termbase.check.registry import BY_NAME, CATEGORIES

    if name in BY_NAME or name.rstrip("/") in CATEGORIES:
        return None
    close = difflib.get_close_matches(name, [*BY_NAME, *sorted(CATEGORIES)], n=3,
                                      cutoff=0.6)
    if not close and name:  # the start of a category: "typo"
        close = sorted(c for c in CATEGORIES if c.startswith(name.lower()))[:3]
    if not close and "/" in name:  # a slip in the category of a known rule's name
        tail = name.rsplit("/", 1)[1]
        close = [r for r in BY_NAME if r.rsplit("/", 1)[1] == tail]
    quoted = [repr(c) for c in close]
    shown = " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
    hint = f"; did you mean {shown}?" if close else ""
    return f"unknown rule or category {name!r}{hint} (termbase rules lists them)"


def check_config_rule_names(config: Config) -> None:
    """ConfigError naming the file, the key and, where it can be found, the line of the
    first unknown rule name in the configuration's select or ignore."""
    from termbase.config import value_line
    from termbase.errors import ConfigError

    for key, names in (("select", config.select), ("ignore", config.ignore)):
        for name in names:
            message = unknown_rule(name)
            if message is not None:
                line = value_line(config.path, key, name) if config.path else None
                raise ConfigError(f"key {key!r}: {message}", config.path, line)
