"""The termbase command line: parses options, calls the library, renders results.

Every TermbaseError becomes one line on stderr and exit status 2, here and only here.
"""

from __future__ import annotations

import sys

import click

from termbase import __version__
from termbase.errors import TermbaseError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class TermbaseGroup(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TermbaseError as exc:
            click.echo(f"termbase: {exc}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("termbase: interrupted", err=True)
            ctx.exit(130)


@click.group(cls=TermbaseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termbase")
def cli() -> None:
    """Indonesian–English terminology, linting and translation memory for news desks.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """


def main() -> None:
    from termbase.cli import (  # noqa: F401  (registers commands)
        check,
        exchange,
        glossary,
        segment,
        tm,
    )

    try:
        cli.main(prog_name="termbase")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(EXIT_ERROR)
