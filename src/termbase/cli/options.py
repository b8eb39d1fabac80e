"""What the commands share: click options and the helpers that turn them into library
objects. The one module under cli/ that command modules import besides termbase.cli
(the group and ExitCode), cli.output and cli.render."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from termbase.glossary import Glossary
    from termbase.tm.store import Memory

# A command function (or a command) that an option decorator returns as it came.
F = TypeVar("F", bound=Callable[..., Any])

# Where a command notes the memory file it opened, for an error naming it.
MEMORY_KEY = "termbase.memory"


def glossary_option(function: F) -> F:
    return click.option(
        "--glossary", "glossaries", multiple=True, type=click.Path(dir_okay=False),
        help="TBX glossary to use instead of the configured or shipped ones (repeatable).",
    )(function)


def format_option(function: F) -> F:
    return click.option("--format", "output_format", type=click.Choice(["text", "json"]),
                        default="text", show_default=True, help="Output format.")(function)


def tm_option(function: F) -> F:
    return click.option("--tm", "tm_path", type=click.Path(dir_okay=False),
                        help="Memory file, or a postgresql:// URL of a shared one "
                             "(default: $TERMBASE_TM, configuration 'tm', or "
                             "~/.local/share/termbase/memory.sqlite).")(function)


def dry_run_option(function: F) -> F:
    return click.option("--dry-run", is_flag=True,
                        help="Print the change as a diff; write nothing.")(function)


def load_glossary(glossaries: Sequence[str]) -> Glossary:
    """The glossaries named with --glossary, else the configured or shipped ones."""
    from termbase.glossary.service import load_glossary as load

    return load(glossaries)


def memory_path(explicit: str | None) -> str:
    """--tm, else $TERMBASE_TM, else the configuration's tm, else the default."""
    from termbase.tm.service import memory_path as resolve

    return resolve(explicit)


def opened_memory(path: str) -> None:
    """Note the memory file this command reads, for the one-line error if it is damaged
    (a database URL without its password)."""
    from termbase.locations import masked_url

    click.get_current_context().meta[MEMORY_KEY] = masked_url(str(path))


def open_memory(tm_path: str | None, create: bool = False) -> Memory:
    """The memory --tm names (or the default one), noted for the error line."""
    from termbase.tm.store import open_memory as open_

    path = memory_path(tm_path)
    opened_memory(path)
    memory = open_(path, create=create)
    # closed with the command: a PostgreSQL memory's pool ends its connections then
    click.get_current_context().call_on_close(memory.close)
    return memory
