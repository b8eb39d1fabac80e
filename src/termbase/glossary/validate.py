"""Glossary validation: the problems a terminologist must fix before publishing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from termbase.lang.tags import base_language
from termbase.model import Concept, Status

REQUIRED_LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Problem:
    path: str | None
    line: int | None
    kind: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.kind}: {self.message}"


def validate(concepts: list[Concept],
             languages: tuple[str, ...] = REQUIRED_LANGUAGES) -> list[Problem]:
    """Concepts without a preferred term in a language, a term twice in one concept, a
    term preferred in one concept and discouraged in another, a term allowed in two
    concepts, and concepts with the same preferred terms."""
    problems: list[Problem] = []
    preferred_at: dict[tuple[str, str], Concept] = {}
    discouraged_at: dict[tuple[str, str], Concept] = {}
    allowed_at: dict[tuple[str, str], list[Concept]] = defaultdict(list)
    by_preferred: dict[tuple, list[Concept]] = defaultdict(list)
    for concept in concepts:
        for language in languages:
            if concept.preferred(language) is None:
                problems.append(Problem(concept.source, concept.line, "no-preferred-term",
                                        f"{concept.id} has no preferred {language} term"))
        seen_terms: set[tuple[str, str]] = set()
        for term in concept.terms:
            key = (base_language(term.language), term.text.casefold())
            if key in seen_terms:
                problems.append(Problem(concept.source, term.line, "duplicate-term",
                                        f"{term.text!r} twice in {concept.id}"))
            seen_terms.add(key)
            target = preferred_at if term.status is Status.PREFERRED else (
                discouraged_at if not term.status.allowed else None)
            if target is not None:
                target.setdefault(key, concept)
            if term.status.allowed and concept not in allowed_at[key]:
                allowed_at[key].append(concept)
        signature = tuple(sorted(
            (base_language(t.language), t.text.casefold()) for t in concept.terms
            if t.status is Status.PREFERRED and not t.is_short_form))
        if signature:
            by_preferred[signature].append(concept)
    for key, concept in preferred_at.items():
        other = discouraged_at.get(key)
        if other is not None and other is not concept:
            problems.append(Problem(
                other.source, other.line, "preferred-and-deprecated",
                f"{key[1]!r} is preferred in {concept.id} but discouraged in {other.id}"))
    twins = set()
    for group in by_preferred.values():
        for duplicate in group[1:]:
            twins.add((group[0].id, duplicate.id))
            problems.append(Problem(duplicate.source, duplicate.line, "duplicate-concept",
                                    f"{duplicate.id} has the same preferred terms as "
                                    f"{group[0].id}"))
    # One term allowed in two concepts (what `glossary add --force` of a term another
    # concept has makes): which concept a text means depends on which is found first.
    for key, holders in allowed_at.items():
        for other in holders[1:]:
            if (holders[0].id, other.id) not in twins:
                problems.append(Problem(
                    other.source, other.line, "term-in-two-concepts",
                    f"{key[1]!r} ({key[0]}) is a term of {holders[0].id} and of {other.id}"))
    return sorted(problems, key=lambda p: (p.path or "", p.line or 0, p.kind))
