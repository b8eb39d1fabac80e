"""The termbase command line: parses options, calls the library, renders results.

Every TermbaseError becomes one line on stderr and exit status 2, here and only here.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import warnings
from enum import IntEnum
from typing import Any, TextIO

import click

from termbase import __version__
from termbase.cli.options import MEMORY_KEY
from termbase.errors import TermbaseError, TermbaseWarning


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1  # findings at or above --fail-on; for search: nothing found
    ERROR = 2  # usage or input error
    INTERRUPTED = 3
    INTERNAL = 4  # a fault of termbase itself, never mistaken for findings


# SQLite errors that are termbase's own mistakes, not a damaged or locked file.
_SQLITE_BUGS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError,
                sqlite3.NotSupportedError)


class TermbaseGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default", TermbaseWarning)
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except TermbaseError as exc:
            click.echo(f"termbase: {exc}", err=True)
            ctx.exit(ExitCode.ERROR)
        except BrokenPipeError:
            raise
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, _SQLITE_BUGS):
                raise
            # A memory damaged on disk (or locked past the busy timeout) is the user's
            # file, not a bug: one line naming it, exit 2.
            memory = ctx.meta.get(MEMORY_KEY, "the translation memory")
            click.echo(f"termbase: {memory}: the memory cannot be read: {exc}", err=True)
            ctx.exit(ExitCode.ERROR)
        except OSError as exc:
            # A refusal by the OS that no library code turned into an InputError yet
            # is still the user's file or disk, not a finding: one line, exit 2.
            click.echo(f"termbase: {_os_error_line(exc)}", err=True)
            ctx.exit(ExitCode.ERROR)
        except KeyboardInterrupt:
            click.echo("termbase: interrupted", err=True)
            ctx.exit(ExitCode.INTERRUPTED)
        except (click.exceptions.ClickException, click.exceptions.Exit,
                click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - the last resort, named for what it is
            if ctx.params.get("debug") or os.environ.get("TERMBASE_DEBUG"):
                raise
            click.echo(f"termbase: internal error: {type(exc).__name__}: {exc} (a bug in "
                       "termbase, not in your input; please report it with the output of "
                       "the same command run with --debug)", err=True)
            ctx.exit(ExitCode.INTERNAL)


def _os_error_line(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename is not None else reason


def _show_warning(message: Warning | str, category: type[Warning], filename: str,
                  lineno: int, file: TextIO | None = None, line: str | None = None) -> None:
    """TermbaseWarnings are for the user: one plain line, no source location."""
    if issubclass(category, TermbaseWarning):
        click.echo(f"termbase: {message}", err=True)
    else:
        _default_show_warning(message, category, filename, lineno, file, line)


_default_show_warning = warnings.showwarning


@click.group(cls=TermbaseGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="termbase")
@click.option("--debug", is_flag=True,
              help="On an internal error, show the traceback (for a bug report).")
def cli(debug: bool) -> None:
    """Indonesian–English terminology, linting and translation memory for news desks.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error,
    3 interrupted, 4 an internal error of termbase (a bug; --debug shows where).
    """


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the script that completes termbase's commands and options in SHELL.

    bash: eval "$(termbase completion bash)" in ~/.bashrc; zsh: the same in ~/.zshrc;
    fish: termbase completion fish > ~/.config/fish/completions/termbase.fish
    """
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)
    assert completer is not None  # click knows every shell the choice allows
    click.echo(completer(cli, {}, "termbase", "_TERMBASE_COMPLETE").source())


def main() -> None:
    from termbase.cli import (  # noqa: F401  (registers commands)
        align,
        check,
        exchange,
        glossary,
        rules,
        segment,
        serve,
        tm,
        users,
        workspace,
    )

    try:
        cli.main(prog_name="termbase")
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(ExitCode.ERROR)
