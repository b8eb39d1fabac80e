"""Terminal output: rich styling on a terminal, plain text elsewhere or with NO_COLOR."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def stdout_console() -> Console:
    plain = "NO_COLOR" in os.environ or not sys.stdout.isatty()
    return Console(
        # A pipe has no width: do not wrap tables to 80 columns there.
        width=None if sys.stdout.isatty() else 240,
        no_color=plain,
        color_system=None if plain else "auto",
        highlight=False,
        soft_wrap=True,
        emoji=False,
        markup=False,
    )


def stderr_is_interactive() -> bool:
    """A person watches standard error: progress bars are welcome there."""
    return sys.stderr.isatty() and "NO_COLOR" not in os.environ


def progress_wanted(count: int) -> bool:
    return count > 1 and stderr_is_interactive()
