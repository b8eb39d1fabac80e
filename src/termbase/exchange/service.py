"""Handing articles to translators and taking them back, as a library service.

The command line and any other program (the HTTP server) call these functions the same
way; they check their inputs, write their outputs atomically and print nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from termbase.errors import InputError

if TYPE_CHECKING:
    from termbase.exchange.export import Analysis
    from termbase.exchange.merge import MergedArticle
    from termbase.glossary import Glossary
    from termbase.tm.store import Memory


def same_file(a: str, b: str) -> bool:
    """a and b name one file: the same path once links are followed, or (both existing)
    the same inode, as a hard link is."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
        return os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b)
    except OSError:
        return False


def export_format(output: str, fmt: str | None = None) -> str:
    """fmt, else the hand-off format the output's extension names (.xlf, .tmx);
    InputError when it names none."""
    from termbase.formats.registry import HANDOFF

    return HANDOFF.for_output(output, fmt).name


def check_export_paths(articles: Sequence[str], output: str, force: bool = False) -> None:
    """InputError unless every article is readable, none is the output, the output's
    folder exists, and the output is not an existing file (unless force)."""
    from termbase.textio import check_readable, refuse_to_replace

    for article in articles:
        check_readable(article)
        if same_file(article, output):
            raise InputError("the output would overwrite this article", article)
    folder = Path(output).parent
    if not folder.is_dir():
        raise InputError("no such folder", str(folder))
    refuse_to_replace(output, force)


def export_job(articles: Sequence[str], output: str, memory: Memory | None = None,
               glossary: Glossary | None = None, fmt: str | None = None,
               min_score: float = 75, copy_source: bool = False,
               force: bool = False) -> Analysis:
    """Write articles to output as one XLIFF 1.2, XLIFF 2.0 or TMX file, pre-translated
    from memory (None: no pre-translation) with glossary terms attached; the analysis
    of the job (segments and words by match band)."""
    from termbase.exchange.export import export_articles
    from termbase.textio import atomic_write_bytes

    check_export_paths(articles, output, force)
    fmt = export_format(output, fmt)
    if copy_source and fmt == "tmx":
        raise InputError("copy_source applies to XLIFF, not TMX")
    data, analysis = export_articles(list(articles), memory, glossary, fmt, min_score,
                                     copy_source)
    atomic_write_bytes(output, data)
    return analysis


@dataclass
class Merged:
    """One article rebuilt from XLIFF and the file it was written to."""

    target: str
    article: MergedArticle


def source_articles(xliff: str, articles: Sequence[MergedArticle]) -> list[str]:
    """Where the articles an XLIFF file was made from may be: each <file original=...>
    as written (relative to the current folder, as export records it) and relative to
    the XLIFF file's own folder."""
    folder = Path(xliff).parent
    paths = []
    for article in articles:
        if article.original:
            original = article.original.replace("\\", "/")
            paths += [original, str(folder / original)]
    return paths


def merge_targets(xliff: str, output: str, articles: Sequence[MergedArticle],
                  force: bool = False) -> list[str]:
    """The file each article goes to: output itself for one article (unless it is a
    folder), else NAME.en.txt in the folder output.

    InputError when a target is the XLIFF file or an article it was made from (even
    with force), or already exists and force is not given: merge writes only files
    that are not there yet, unless told to replace them."""
    from termbase.exchange.merge import translated_name
    from termbase.textio import refuse_to_replace

    if len(articles) == 1 and not os.path.isdir(output):
        targets = [output]
    else:
        if not os.path.isdir(output):
            raise InputError(f"{xliff} holds {len(articles)} articles: -o must be an existing "
                             "folder", output)
        targets = [os.path.join(output, translated_name(a.original, i))
                   for i, a in enumerate(articles, start=1)]
        if len(set(targets)) != len(targets):
            raise InputError("two articles would be written to the same file name", output)
    sources = source_articles(xliff, articles)
    for target in targets:
        if same_file(target, xliff):
            raise InputError("the output would overwrite the XLIFF file", target)
        source = next((s for s in sources if same_file(target, s)), None)
        if source is not None:
            raise InputError("the output would overwrite the source article the XLIFF "
                             "was made from", target)
        if not Path(target).parent.is_dir():
            raise InputError("no such folder", str(Path(target).parent))
    for target in targets:
        refuse_to_replace(target, force)
    return targets


def merge_job(xliff: str, output: str,
              on_article: Callable[[Merged], None] | None = None,
              force: bool = False) -> list[Merged]:
    """Rebuild the translated articles of an XLIFF file (1.2 or 2.0) and write each
    atomically; units left untranslated are in each article's untranslated list.
    on_article hears of each article as soon as it is written. An existing file is
    replaced only with force, a source article never (merge_targets)."""
    from termbase.exchange.merge import merge_xliff
    from termbase.textio import atomic_write_text

    articles = merge_xliff(xliff)
    done = []
    for article, target in zip(articles, merge_targets(xliff, output, articles, force),
                               strict=True):
        atomic_write_text(target, article.text)
        done.append(Merged(target, article))
        if on_article is not None:
            on_article(done[-1])
    return done
