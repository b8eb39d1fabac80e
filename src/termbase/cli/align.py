"""termbase align: pair the sentences of an article and its translation."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from termbase.cli import cli
from termbase.cli.options import format_option, glossary_option, open_memory, tm_option
from termbase.cli.output import json_text

if TYPE_CHECKING:
    from termbase.align.service import AlignedArticle, ArticlePair


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--pairs", "pairs_dir", type=click.Path(),
              help="Align every NAME.id.txt in this directory with its NAME.en.txt, or "
                   "the pairs a manifest file lists (Indonesian file, English file, "
                   "optional origin; tab- or comma-separated).")
@click.option("--into-tm", is_flag=True,
              help="Add the pairs of at least --min-confidence to the memory, each "
                   "article's file name as their origin.")
@click.option("--review", "review_path", type=click.Path(dir_okay=False),
              help="Write every pair for a person to check: .tmx, .tsv, .xlf or .xliff; "
                   "pairs below --min-confidence and lone sentences are marked.")
@click.option("--force", is_flag=True, help="With --review: replace an existing file.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.5,
              show_default=True,
              help="Pairs below this go to review, not into the memory.")
@glossary_option
@tm_option
@format_option
def align(files: tuple[str, ...], pairs_dir: str | None, into_tm: bool,
          review_path: str | None, force: bool, min_confidence: float,
          glossaries: tuple[str, ...], tm_path: str | None, output_format: str) -> None:
    """Pair the sentences of an Indonesian article (FILES: ARTICLE.id.txt) and its
    English translation (ARTICLE.en.txt), or of every pair in --pairs DIR (or listed
    in --pairs MANIFEST).

    Each pair (bead) gets a confidence from 0 to 1; see docs/align.md for the method.
    Paragraphs are separated by blank lines, or one a line when a file has none.
    """
    from termbase.align.service import align_pair, check_review_path, into_memory, write_review
    from termbase.cli.options import load_glossary
    from termbase.errors import InputError
    from termbase.textio import refuse_to_replace

    pairs = _article_pairs(files, pairs_dir)
    if review_path is not None:  # before any work: a refusal costs nothing
        check_review_path(review_path)
        refuse_to_replace(review_path, force)
    if not into_tm and tm_path is not None:
        raise InputError("--tm names the memory for --into-tm; give --into-tm too")
    glossary = load_glossary(glossaries)
    articles = [align_pair(pair, glossary) for pair in pairs]
    if output_format == "json":
        from termbase.align.service import payload

        click.echo(json_text(payload(articles, min_confidence), ensure_ascii=False,
                             indent=2))
    else:
        for article in articles:
            _print_article(article, min_confidence)
    if review_path is not None:
        marked = write_review(review_path, articles, min_confidence)
        click.echo(f"{review_path}: {sum(len(a.alignment.beads) for a in articles)} pairs, "
                   f"{marked} marked for review", err=True)
    if into_tm:
        memory = open_memory(tm_path, create=True)
        for origin, report in into_memory(memory, articles, min_confidence).items():
            click.echo(f"{memory.path}: {origin}: {report.added} added, {report.updated} "
                       f"updated, {report.skipped} skipped", err=True)


def _article_pairs(files: tuple[str, ...], pairs_dir: str | None) -> list[ArticlePair]:
    from termbase.align.service import ArticlePair, pairs_in

    if pairs_dir is not None:
        if files:
            raise click.UsageError("give either two FILES or --pairs, not both")
        return pairs_in(pairs_dir)
    if len(files) != 2:
        raise click.UsageError("give two FILES (ARTICLE.id.txt ARTICLE.en.txt) or --pairs DIR")
    return [ArticlePair(files[0], files[1])]


def _print_article(article: AlignedArticle, min_confidence: float) -> None:
    from termbase.align.service import needs_review

    beads = article.alignment.beads
    marked = sum(needs_review(bead, min_confidence) for bead in beads)
    click.echo(f"{article.pair.source_path} ↔ {article.pair.target_path}: "
               f"{len(beads)} pairs, {marked} to review")
    for bead in beads:
        source, target = article.alignment.texts(bead)
        flag = "?" if needs_review(bead, min_confidence) else " "
        click.echo(f"{flag} {bead.confidence:.2f} {bead.kind}  {source or '-'}")
        click.echo(f"             {target or '-'}")
