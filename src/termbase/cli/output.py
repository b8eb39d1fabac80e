"""Terminal output: rich styling on a terminal or with FORCE_COLOR, plain text elsewhere or
with NO_COLOR; progress bars on standard error, only when it is a terminal."""

from __future__ import annotations

import json
import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn


def colour_wanted(stream: TextIO) -> bool:
    """Colour on stream: never with NO_COLOR (no-color.org), always with FORCE_COLOR
    (force-color.org), else when it is a terminal. Set and empty counts as unset."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def stdout_console() -> Console:
    from rich.console import Console  # imported late: most commands never draw

    colour = colour_wanted(sys.stdout)
    terminal = _is_terminal(sys.stdout)
    return Console(
        file=sys.stdout,
        # A pipe has no width: do not wrap tables to 80 columns there.
        width=None if terminal else 240,
        # A terminal keeps its width with NO_COLOR; FORCE_COLOR makes a pipe take styles.
        force_terminal=colour or terminal,
        no_color=not colour,
        color_system="auto" if colour else None,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )


def stderr_is_interactive() -> bool:
    """A person watches standard error: progress bars are welcome there (coloured or
    not as colour_wanted says); never on a pipe, a file or a dumb terminal."""
    return _is_terminal(sys.stderr) and os.environ.get("TERM") != "dumb"


def progress_wanted(count: int) -> bool:
    """Whether to show a bar for work on count files (the caller decides whether one
    file is big enough for one)."""
    return count > 0 and stderr_is_interactive()


def progress_bar(*columns: ProgressColumn | str) -> Progress:
    """A transient rich progress display on standard error. Call it only when
    stderr_is_interactive(); it draws there even when rich would not think stderr a
    terminal. Lines a command prints meanwhile go to standard output untouched, except
    that on a terminal they are drawn above the bar."""
    from rich.console import Console
    from rich.progress import Progress

    colour = colour_wanted(sys.stderr)
    console = Console(file=sys.stderr, force_terminal=True, no_color=not colour,
                      color_system="auto" if colour else None, highlight=False)
    # Redirecting stdout into the display keeps the bar whole on a shared terminal; into
    # a pipe or a file, stdout must get exactly what it would get without a bar.
    on_terminal = _is_terminal(sys.stdout)
    return Progress(*columns, console=console, transient=True,
                    redirect_stdout=on_terminal, redirect_stderr=False)


def coloured_diff(text: str) -> str:
    """A unified diff with removed lines red, added ones green, hunk heads cyan and the
    file heads bold, when standard output takes colour (colour_wanted); else as it is.
    Only the colour codes are added: the text between them is unchanged."""
    if not colour_wanted(sys.stdout):
        return text
    import click

    lines = []
    in_hunk = False  # before the first @@, --- and +++ name the files
    for line in text.split("\n"):  # not splitlines: a U+2028 in a line stays in it
        body = line.removesuffix("\r")
        end = line[len(body):]
        if body.startswith("@@"):
            in_hunk = True
            body = click.style(body, fg="cyan")
        elif not in_hunk and body.startswith(("--- ", "+++ ")):
            body = click.style(body, bold=True)
        elif body.startswith("+"):
            body = click.style(body, fg="green")
        elif body.startswith("-"):
            body = click.style(body, fg="red")
        lines.append(body + end)
    return "\n".join(lines)


# Python holds a name that is not valid UTF-8 (a path, an argument) with each bad byte
# as a lone surrogate (U+DC80-U+DCFF); json.dumps would pass them on as invalid UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(payload: object, **options: Any) -> str:
    """JSON that every reader accepts: valid UTF-8, a byte that was not UTF-8 as U+FFFD.

    The replacement is lossy on purpose: an escaped lone surrogate (\\udcff) is valid
    JSON only in name, and most JSON readers other than Python's reject or mangle it.
    """
    return _LONE_SURROGATE.sub("\ufffd", json.dumps(payload, **options))
