"""Word frequencies from wordfreq's data files, read without importing wordfreq.

Importing wordfreq loads ftfy, langcodes and regex and compiles their patterns: about
0.17 s, a quarter of checking a short article, spent only to turn "id" into a file
name. Its lists are cBpack files (documented in wordfreq's read_cBpack: a gzipped
msgpack list, a header {"format": "cB", "version": 1}, then one list of words per
centibel of frequency), so they are read here directly. If the data is not where and
what this reader expects (another wordfreq layout), wordfreq itself is asked.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import cache
from pathlib import Path

import msgpack


def _data_folder() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _pack_path(language: str) -> Path | None:
    """wordfreq's "best" list: the large one where there is one, else the small one."""
    folder = _data_folder()
    if folder is None:
        return None
    for size in ("large", "small"):
        path = folder / f"{size}_{language}.msgpack.gz"
        if path.is_file():
            return path
    return None


def _read_pack(path: Path) -> list[list[str]] | None:
    with gzip.open(path, "rb") as packed:
        data = msgpack.load(packed, raw=False)
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or (
            header.get("version") != 1):
        return None
    return data[1:]


@cache
def words_at_least(language: str, zipf: float) -> frozenset[str]:
    """The words of the language's table at least this common (Zipf scale: 3 is once per
    million words)."""
    threshold = 10 ** (zipf - 9)
    return frozenset(word for word, frequency in frequency_table(language).items()
                     if frequency >= threshold)


@cache
def frequency_table(language: str) -> dict[str, float]:
    """Word -> frequency (a proportion of all words), as wordfreq's
    get_frequency_dict(language, "best") gives it."""
    path = _pack_path(language)
    buckets = _read_pack(path) if path is not None else None
    if buckets is None:
        from wordfreq import get_frequency_dict

        return get_frequency_dict(language, wordlist="best")
    table: dict[str, float] = {}
    for centibels, words in enumerate(buckets):
        frequency = 10 ** (-centibels / 100)
        for word in words:
            table[word] = frequency
    return table
