"""Glossaries: concepts and their terms, loaded from TBX files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from termbase.errors import InputError
from termbase.model import Concept, Term


@dataclass
class Glossary:
    concepts: list[Concept] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Glossary:
        from termbase.glossary.cache import load_concepts

        glossary = cls()
        seen: dict[str, str] = {}
        for path in paths:
            for concept in load_concepts(path):
                if concept.id in seen:
                    raise InputError(f"concept id {concept.id!r} is also in {seen[concept.id]}",
                                     str(path), concept.line)
                seen[concept.id] = str(path)
                glossary.concepts.append(concept)
            glossary.sources.append(str(path))
        return glossary

    def terms(self, language: str) -> list[tuple[Concept, Term]]:
        return [(c, t) for c in self.concepts for t in c.terms_in(language)]


def default_glossary_paths() -> list[Path]:
    """The TBX files of glossaries/, as installed (package termbase.glossaries) or, under
    an editable install that maps only src/termbase, in the source checkout."""
    try:
        folder = resources.files("termbase.glossaries")
        # glossaries/ holds data only, so it is a namespace package: list its entries
        # rather than trusting str() of the folder.
        paths = sorted(Path(str(entry)) for entry in folder.iterdir()
                       if entry.name.endswith(".tbx"))
    except ModuleNotFoundError:
        checkout = Path(__file__).resolve().parents[3] / "glossaries"
        paths = sorted(checkout.glob("*.tbx"))
    if not paths:
        raise InputError("the shipped glossaries are not installed; pass --glossary",
                         "glossaries")
    return paths
