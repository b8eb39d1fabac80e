"""Sentence alignment of an Indonesian article and its English translation.

Paragraphs are aligned first, then the sentences within each group of aligned
paragraphs, both by the same dynamic programme (termbase.align.engine): beads 1-1,
1-0, 0-1, 2-1, 1-2 and 2-2, each costed by the Gale–Church length model plus the
anchors two sentences share (termbase.align.anchors): approved glossary terms,
numbers and dates, names, quotation marks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termbase.glossary import Glossary


@dataclass(frozen=True)
class Bead:
    source: tuple[int, ...]  # indexes into Alignment.source_sentences (Indonesian), ascending
    target: tuple[int, ...]  # indexes into Alignment.target_sentences (English), ascending
    confidence: float  # 0.0 .. 1.0

    @property
    def kind(self) -> str:
        """"1-1", "2-1", "1-0"...: sentences on each side."""
        return f"{len(self.source)}-{len(self.target)}"


@dataclass
class Alignment:
    source_sentences: list[str]
    target_sentences: list[str]
    beads: list[Bead]  # in document order; 1-0 and 0-1 beads included

    def texts(self, bead: Bead) -> tuple[str, str]:
        """The bead's Indonesian and English text, each side's sentences joined by a
        space ("" for a side without sentences)."""
        return (" ".join(self.source_sentences[i] for i in bead.source),
                " ".join(self.target_sentences[i] for i in bead.target))


def sentences_of(text: str, language: str) -> list[list[str]]:
    """The text's paragraphs, each a list of its sentences, as align segments them
    (language "id" or "en"); Alignment.*_sentences are these, flattened."""
    from termbase.align.engine import paragraphs_of

    return paragraphs_of(text, language)


def align_texts(source_text: str, target_text: str,
                glossary: Glossary | None = None) -> Alignment:
    """Align an Indonesian text (source) with its English translation (target)."""
    from termbase.align.engine import align

    return align(source_text, target_text, glossary)


__all__ = ["Alignment", "Bead", "align_texts", "sentences_of"]
