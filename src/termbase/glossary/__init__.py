"""Glossaries: concepts and their terms, loaded from TBX files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from termbase.errors import InputError
from termbase.formats.tbx import read_tbx
from termbase.model import Concept, Term


@dataclass
class Glossary:
    concepts: list[Concept] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Glossary:
        glossary = cls()
        for path in paths:
            glossary.concepts.extend(read_tbx(path))
            glossary.sources.append(str(path))
        return glossary

    def terms(self, language: str) -> list[tuple[Concept, Term]]:
        return [(c, t) for c in self.concepts for t in c.terms_in(language)]


def default_glossary_folder() -> Path:
    """glossaries/ as installed (the termbase.glossaries package) or in a source checkout.

    An editable install maps only src/termbase, so there the checkout's folder is used.
    """
    try:
        return Path(str(resources.files("termbase.glossaries")))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[3] / "glossaries"
        if checkout.is_dir():
            return checkout
        raise InputError("the shipped glossaries are not installed; pass --glossary",
                         "glossaries") from None


def default_glossary_paths() -> list[Path]:
    return sorted(default_glossary_folder().glob("*.tbx"))
