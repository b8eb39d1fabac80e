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


@cache
def pair_table(name: str) -> dict[tuple[str, ...], str]:
    """Entries 'words|value' of data/NAME.txt, keyed by their words (split on white
    space), the value stripped ('' when an entry has none). A later entry of the same
    words replaces an earlier one. Callers must not change the table: it is shared."""
    table: dict[tuple[str, ...], str] = {}
    for entry in word_list(name):
        words, _, value = entry.partition("|")
        table[tuple(words.split())] = value.strip()
    return table
