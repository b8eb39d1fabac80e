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
    # The version of each file stored in a database, as read: an edit decided on this
    # glossary is refused once its file has another (termbase.glossary.postgres).
    versions: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Glossary:
        """The TBX files at paths as one glossary; a postgresql:// URL among them stands
        for the files stored in that database (only the one named, with #NAME.tbx)."""
        glossary = cls()
        seen: dict[str, str] = {}
        for source, concepts, version in read_locations(paths):
            if version is not None:
                glossary.versions[source] = version
            for concept in concepts:
                if concept.id in seen:
                    raise InputError(f"concept id {concept.id!r} is also in {seen[concept.id]}",
                                     source, concept.line)
                seen[concept.id] = source
                glossary.concepts.append(concept)
            glossary.sources.append(source)
        return glossary

    def terms(self, language: str) -> list[tuple[Concept, Term]]:
        return [(c, t) for c in self.concepts for t in c.terms_in(language)]


def is_stored(location: str | Path) -> bool:
    """Whether a glossary location is a database (postgresql://...) rather than a file."""
    from termbase.locations import is_database_url

    return isinstance(location, str) and is_database_url(location)


def read_locations(paths: Iterable[str | Path]
                   ) -> list[tuple[str, list[Concept], int | None]]:
    """(source, concepts, version) of each TBX file (version None), a database URL
    giving its stored files (with their versions)."""
    from termbase.glossary.cache import load_concepts

    found: list[tuple[str, list[Concept], int | None]] = []
    for path in paths:
        if is_stored(path):
            from termbase.glossary.postgres import PostgresGlossary, split_location

            with PostgresGlossary(str(path)) as store:
                found.extend(store.concepts(split_location(str(path))[1]))
        else:
            found.append((str(path), load_concepts(path), None))
    return found


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
