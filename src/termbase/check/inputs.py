"""Which files a check reads: files as given, folders searched for *.txt and *.md, '-'."""

from __future__ import annotations

import sys
from pathlib import Path

from termbase.errors import InputError
from termbase.textio import SourceText, decode_text, read_text

CHECKED_SUFFIXES = (".txt", ".md", ".markdown")
STDIN = "-"


def expand_paths(arguments: list[str]) -> list[str]:
    """The files to read: each file as given, each folder's articles (CHECKED_SUFFIXES,
    hidden files and folders left out). A folder holding none is an InputError naming
    it: a check pointed at the wrong folder must fail, not pass on nothing."""
    paths: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if argument == STDIN:
            paths.append(STDIN)
        elif path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in CHECKED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError("no files to check: no "
                                 f"{', '.join('*' + s for s in CHECKED_SUFFIXES)} "
                                 "in this folder (a bilingual file is checked when named)",
                                 argument)
            paths.extend(found)
        elif path.exists():
            paths.append(argument)
        else:
            raise InputError("no such file or directory", argument)
    return paths


def read_source(path: str) -> SourceText:
    """An article to check; an empty one is refused like an unreadable one."""
    source = decode_text(sys.stdin.buffer.read(), "<stdin>") if path == STDIN else read_text(path)
    if not source.text.strip():
        raise InputError("empty file, nothing to check", source.path)
    return source
