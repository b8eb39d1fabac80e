"""termbase segment: show paragraphs, sentences and tokens of a text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from termbase.cli import cli
from termbase.cli.output import json_text

if TYPE_CHECKING:
    from termbase.lang.tokens import Token


@cli.command()
@click.argument("path")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]),
              default="text", show_default=True, help="Output format.")
@click.option("--tokens", is_flag=True, help="Also list each sentence's tokens (text format).")
def segment(path: str, output_format: str, tokens: bool) -> None:
    """Split PATH (or - for standard input) into paragraphs and sentences.

    Offsets and columns are in Unicode code points of the decoded text (a BOM is not
    counted); lines and columns are 1-based.
    """
    from termbase.check.document import Document
    from termbase.check.inputs import read_source
    from termbase.lang.tokens import Kind

    source = read_source(path)
    document = Document(source.path, source.text)

    def token_record(token: Token) -> dict[str, Any]:
        line, column = document.position(token.start)
        return {"kind": token.kind.value, "text": token.text, "start": token.start,
                "end": token.end, "line": line, "column": column}

    paragraphs: list[dict[str, Any]] = []  # JSON records
    for paragraph in document.paragraphs:
        sentences = []
        for sentence in paragraph.sentences:
            line, column = document.position(sentence.start)
            sentences.append({
                "text": sentence.text, "start": sentence.start, "end": sentence.end,
                "line": line, "column": column,
                "tokens": [token_record(t) for t in sentence.tokens if t.kind is not Kind.SPACE],
            })
        paragraphs.append({"start": paragraph.start, "end": paragraph.end,
                           "sentences": sentences})
    if output_format == "json":
        click.echo(json_text({"version": 1, "path": source.path, "paragraphs": paragraphs},
                              ensure_ascii=False, indent=2))
        return
    for number, record in enumerate(paragraphs, 1):
        for sentence in record["sentences"]:
            click.echo(f"{number}\t{sentence['line']}:{sentence['column']}\t{sentence['text']}")
            if tokens:
                click.echo("\t\t" + " | ".join(t["text"] for t in sentence["tokens"]))
