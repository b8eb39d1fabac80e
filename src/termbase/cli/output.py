"""Terminal output: rich styling on a terminal, plain text elsewhere or with NO_COLOR."""

from __future__ import annotations

import json
import os
import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console() -> Console:
    from rich.console import Console  # imported late: most commands never draw

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


# Python holds a name that is not valid UTF-8 (a path, an argument) with each bad byte
# as a lone surrogate (U+DC80-U+DCFF); json.dumps would pass them on as invalid UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(payload: object, **options: Any) -> str:
    """JSON that every reader accepts: valid UTF-8, a byte that was not UTF-8 as U+FFFD.

    The replacement is lossy on purpose: an escaped lone surrogate (\\udcff) is valid
    JSON only in name, and most JSON readers other than Python's reject or mangle it.
    """
    return _LONE_SURROGATE.sub("\ufffd", json.dumps(payload, **options))
