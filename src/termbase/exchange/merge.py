"""The translated article rebuilt from an XLIFF file.

Units are taken in document order and grouped by paragraph (the pN of the unit's
group or of its id pN-sM, as `termbase export` writes them; a unit without one is a
paragraph of its own). The targets of a paragraph are joined with single spaces,
paragraphs are separated by one blank line, and the text ends with a line break. A
unit without a target (missing or only white space) contributes its source, and is
reported, so a partly translated file still gives a readable draft; so is a target
that is its source (white space aside), which is what a file exported with
--copy-source holds where nobody translated. A unit marked translate="no" (formats/
xliff.py) contributes its source as it is, and is not reported: it was not to be
translated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import InputError
from termbase.formats.inline import LocatedUnit
from termbase.formats.xliff import XliffFile, read_xliff
from termbase.tm.scoring import collapse

NO_TARGET = "has no target; its source is kept"
SAME_AS_SOURCE = "has its source as target (not translated?)"


@dataclass
class Untranslated:
    unit_id: str
    line: int | None
    reason: str = NO_TARGET


@dataclass
class MergedArticle:
    original: str | None  # the <file original="..."> of the XLIFF
    text: str
    paragraphs: int
    units: int
    untranslated: list[Untranslated] = field(default_factory=list)


def merge_units(units: list[LocatedUnit]) -> MergedArticle:
    paragraphs: dict[object, list[str]] = {}
    untranslated = []
    for index, located in enumerate(units):
        unit = located.unit
        key: object = unit.paragraph if unit.paragraph is not None else ("unit", index)
        text = unit.target.strip()
        if not located.translate:
            text = unit.source.strip()
        elif not text:
            untranslated.append(Untranslated(unit.id, unit.source_line))
            text = unit.source.strip()
        elif collapse(text) == collapse(unit.source):
            untranslated.append(Untranslated(unit.id, unit.target_line, SAME_AS_SOURCE))
        paragraphs.setdefault(key, []).append(text)
    body = "\n\n".join(" ".join(t for t in texts if t) for texts in paragraphs.values())
    return MergedArticle(None, body + "\n" if body else "", len(paragraphs), len(units),
                         untranslated)


def merge_file(xliff_file: XliffFile) -> MergedArticle:
    merged = merge_units(xliff_file.located)
    merged.original = xliff_file.original
    return merged


def merge_xliff(path: str) -> list[MergedArticle]:
    """One merged article per <file> of the XLIFF document."""
    meta, _units = read_xliff(path)
    articles = []
    for xliff_file in meta.files:
        if not xliff_file.located:
            raise InputError("<file> without translation units", path, xliff_file.line)
        articles.append(merge_file(xliff_file))
    return articles


def translated_name(original: str | None, index: int) -> str:
    """The file name a merged article gets in an output folder: berita.txt ->
    berita.en.txt (the original's folders dropped)."""
    if not original:
        return f"article-{index}.en.txt"
    name = Path(original.replace("\\", "/")).name
    if name in ("", ".", ".."):
        return f"article-{index}.en.txt"
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.en.{suffix}" if dot and stem else f"{name}.en.txt"
