"""What `termbase align` does, for the CLI and other callers: article files paired
and read, aligned, their pairs into a memory, and the review file for a person."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from termbase.align import Alignment, Bead, align_texts
from termbase.errors import InputError
from termbase.model import TranslationUnit
from termbase.textio import atomic_write, read_text

if TYPE_CHECKING:
    from termbase.glossary import Glossary
    from termbase.tm.store import ImportReport, Memory

SOURCE_SUFFIX, TARGET_SUFFIX = ".id.txt", ".en.txt"
REVIEW_SUFFIXES = (".tmx", ".tsv", ".xlf", ".xliff")
NEEDS_REVIEW = "needs-review"


@dataclass(frozen=True)
class ArticlePair:
    source_path: str  # the Indonesian article
    target_path: str  # its English translation
    named: str | None = None  # the origin a manifest gives it

    @property
    def origin(self) -> str:
        """Where the memory records its pairs come from: the manifest's name for the
        article, else the Indonesian file's name."""
        return self.named or os.path.basename(self.source_path)


@dataclass
class AlignedArticle:
    pair: ArticlePair
    alignment: Alignment


def pairs_in(directory: str) -> list[ArticlePair]:
    """The NAME.id.txt / NAME.en.txt pairs of a directory (not its subdirectories),
    by name, or those a manifest file lists (pairs_listed). A file of either suffix
    without its partner is an InputError, as is a directory with no pair: a
    translation silently left out would be a gap in the memory nobody notices."""
    folder = Path(directory)
    if folder.is_file():
        return pairs_listed(directory)
    if not folder.is_dir():
        raise InputError("no such directory or manifest", directory)
    names = {entry.name for entry in folder.iterdir() if entry.is_file()}
    pairs = []
    for name in sorted(names):
        for suffix, partner_suffix in ((SOURCE_SUFFIX, TARGET_SUFFIX),
                                       (TARGET_SUFFIX, SOURCE_SUFFIX)):
            if name.endswith(suffix):
                partner = name[:-len(suffix)] + partner_suffix
                if partner not in names:
                    raise InputError(f"no {partner} to pair it with",
                                     str(folder / name))
        if name.endswith(SOURCE_SUFFIX):
            partner = name[:-len(SOURCE_SUFFIX)] + TARGET_SUFFIX
            pairs.append(ArticlePair(str(folder / name), str(folder / partner)))
    if not pairs:
        raise InputError(f"no NAME{SOURCE_SUFFIX} and NAME{TARGET_SUFFIX} pair",
                         directory)
    return pairs


def pairs_listed(manifest: str) -> list[ArticlePair]:
    """The article pairs a manifest lists, for archives whose file names do not pair
    themselves (id/2024-05-01-ktt.txt with en/asean-summit.txt). One pair a line:
    the Indonesian file, the English file and optionally the origin to record in the
    memory, separated by tabs (by commas in a .csv file, quoted as CSV); paths are
    relative to the manifest's folder; blank lines and lines starting with # are
    skipped. A line without two files, or naming a file that is not there, is an
    InputError naming the manifest's line, before anything is aligned."""
    text = read_text(manifest).text
    folder = Path(manifest).parent
    rows = (csv.reader(io.StringIO(text)) if manifest.casefold().endswith(".csv")
            else (line.split("\t") for line in text.splitlines()))
    pairs = []
    for number, row in enumerate(rows, 1):
        cells = [cell.strip() for cell in row]
        if not any(cells) or cells[0].startswith("#"):
            continue
        if len(cells) not in (2, 3) or not all(cells):
            raise InputError("expected the Indonesian file, the English file and "
                             "optionally an origin", manifest, number)
        source, target = (str(folder / cell) for cell in cells[:2])
        for path in (source, target):
            if not os.path.isfile(path):
                raise InputError(f"no such file: {path}", manifest, number)
        pairs.append(ArticlePair(source, target, cells[2] if len(cells) == 3 else None))
    if not pairs:
        raise InputError("the manifest lists no article pair", manifest)
    return pairs


def read_article(path: str) -> str:
    """The article's text; InputError for a missing, binary, non-UTF-8 or empty file."""
    text = read_text(path).text
    if not text.strip():
        raise InputError("empty file: nothing to align", path)
    return text


def align_pair(pair: ArticlePair, glossary: Glossary | None = None) -> AlignedArticle:
    source_text = read_article(pair.source_path)
    target_text = read_article(pair.target_path)
    return AlignedArticle(pair, align_texts(source_text, target_text, glossary))


def memory_units(article: AlignedArticle, min_confidence: float) -> list[TranslationUnit]:
    """The article's pairs with text on both sides and at least min_confidence."""
    units = []
    for bead in article.alignment.beads:
        if bead.source and bead.target and bead.confidence >= min_confidence:
            source, target = article.alignment.texts(bead)
            units.append(TranslationUnit(source, target, origin=article.pair.origin))
    return units


def into_memory(memory: Memory, articles: list[AlignedArticle],
                min_confidence: float) -> dict[str, ImportReport]:
    """Each article's confident pairs into the memory, one transaction per article,
    its file name as their origin."""
    return {article.pair.origin: memory.import_units(memory_units(article, min_confidence),
                                                     origin=article.pair.origin)
            for article in articles}


def needs_review(bead: Bead, min_confidence: float) -> bool:
    """A person should look at the bead: below the threshold, or a sentence left alone
    (an omission, or a segmentation the aligner could not place)."""
    return bead.confidence < min_confidence or not (bead.source and bead.target)


# --- The review file --------------------------------------------------------------------

def check_review_path(path: str) -> None:
    if not path.lower().endswith(REVIEW_SUFFIXES):
        raise InputError("the review file must end in .tmx, .tsv, .xlf or .xliff", path)


def write_review(path: str, articles: list[AlignedArticle], min_confidence: float) -> int:
    """The beads of all articles in the format of path's suffix, atomically; returns
    how many beads are marked for review."""
    check_review_path(path)
    suffix = path.lower().rsplit(".", 1)[-1]
    writer = {"tmx": _review_tmx, "tsv": _review_tsv}.get(suffix, _review_xliff)
    atomic_write(path, lambda stream: writer(stream, articles, min_confidence))
    return sum(needs_review(bead, min_confidence)
               for article in articles for bead in article.alignment.beads)


def _review_tmx(stream: IO[bytes], articles: list[AlignedArticle],
                min_confidence: float) -> None:
    from termbase.formats.tmx import write_tmx_to

    units = []
    for article in articles:
        for bead in article.alignment.beads:
            source, target = article.alignment.texts(bead)
            props = [("x-align-confidence", f"{bead.confidence:.2f}"),
                     ("x-align-bead", bead.kind)]
            if needs_review(bead, min_confidence):
                props.append(("x-align-review", NEEDS_REVIEW))
            units.append(TranslationUnit(source, target, origin=article.pair.origin,
                                         props=props))
    write_tmx_to(stream, units)


def _review_tsv(stream: IO[bytes], articles: list[AlignedArticle],
                min_confidence: float) -> None:
    from termbase.formats.tm_tsv import cell

    stream.write(b"origin\tconfidence\treview\tbead\tid\ten\n")
    for article in articles:
        for bead in article.alignment.beads:
            source, target = article.alignment.texts(bead)
            review = NEEDS_REVIEW if needs_review(bead, min_confidence) else ""
            row = [cell(article.pair.origin), f"{bead.confidence:.2f}", review, bead.kind,
                   cell(source), cell(target)]
            stream.write(("\t".join(row) + "\n").encode())


def _review_xliff(stream: IO[bytes], articles: list[AlignedArticle],
                  min_confidence: float) -> None:
    from termbase.formats.xliff import XliffArticle, XliffSegment, write_xliff12

    documents = []
    for article in articles:
        segments = []
        for number, bead in enumerate(article.alignment.beads, start=1):
            source, target = article.alignment.texts(bead)
            review = needs_review(bead, min_confidence)
            notes = [f"alignment {bead.kind}, confidence {bead.confidence:.2f}"]
            if not bead.target:
                notes.append("no English sentence was found for this one")
            elif not bead.source:
                notes.append("no Indonesian sentence was found for this one")
            segments.append(XliffSegment(
                f"b{number}", 1, source, target or None,
                state="needs-review-translation" if review else "translated",
                notes=notes))
        documents.append(XliffArticle(article.pair.origin, segments))
    stream.write(write_xliff12(documents))


# --- JSON -------------------------------------------------------------------------------

def payload(articles: list[AlignedArticle], min_confidence: float) -> dict[str, Any]:
    """The --format json document (version 1)."""
    return {"version": 1, "min_confidence": min_confidence, "articles": [{
        "source": article.pair.source_path,
        "target": article.pair.target_path,
        "origin": article.pair.origin,
        "beads": [_bead_record(article.alignment, bead, min_confidence)
                  for bead in article.alignment.beads],
    } for article in articles]}


def _bead_record(alignment: Alignment, bead: Bead, min_confidence: float) -> dict[str, Any]:
    source, target = alignment.texts(bead)
    return {"kind": bead.kind, "source": source, "target": target,
            "source_sentences": list(bead.source), "target_sentences": list(bead.target),
            "confidence": bead.confidence, "review": needs_review(bead, min_confidence)}
