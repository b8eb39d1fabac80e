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
    return Console(
        file=sys.stdout,
        # A pipe has no width: do not wrap tables to 80 columns there.
        width=None if _is_terminal(sys.stdout) else 240,
        force_terminal=colour,
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


_DIFF_STYLES = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"),
                ("-", "red"))


def coloured_diff(text: str) -> str:
    """A unified diff with removed lines red, added ones green, when standard output
    takes colour (colour_wanted); else as it is."""
    if not colour_wanted(sys.stdout):
        return text
    import click

    lines = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        end = line[len(body):]
        style = next((s for prefix, s in _DIFF_STYLES if body.startswith(prefix)), None)
        if style is None:
            lines.append(line)
        elif style == "bold":
            lines.append(click.style(body, bold=True) + end)
        else:
            lines.append(click.style(body, fg=style) + end)
    return "".join(lines)


# Python holds a name that is not valid UTF-8 (a path, an argument) with each bad byte
# as a lone surrogate (U+DC80-U+DCFF); json.dumps would pass them on as invalid UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(payload: object, **options: Any) -> str:
    """JSON that every reader accepts: valid UTF-8, a byte that was not UTF-8 as U+FFFD.

    The replacement is lossy on purpose: an escaped lone surrogate (\\udcff) is valid
    JSON only in name, and most JSON readers other than Python's reject or mangle it.
    """
    return _LONE_SURROGATE.sub("\ufffd", json.dumps(payload, **options))
