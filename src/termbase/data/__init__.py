"""Plain-text word lists that drive termbase's Indonesian rules."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of data/NAME.txt: one per line, '#' starts a comment, blanks ignored."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries = []
    for raw in text.splitlines():
        entry = raw.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))
