"""The closed set of rule kinds: each rule is a named function yielding findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from termbase.model import Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document

RuleFunction = Callable[["Document", "CheckContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    summary: str
    wrong: str
    right: str
    run: RuleFunction

    @property
    def category(self) -> str:
        return self.name.split("/", 1)[0]


REGISTRY: dict[str, Rule] = {}


def rule(name: str, severity: Severity, summary: str, wrong: str, right: str):
    """Register a rule; wrong/right are its documented example, tested like the spec."""

    def register(function: RuleFunction) -> RuleFunction:
        REGISTRY[name] = Rule(name, severity, summary, wrong, right, function)
        return function

    return register


def match_case(model: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces: word by word
    when both have as many words (Konsul Jendral -> Konsul Jenderal), else the first
    letter (Kerjasama -> Kerja sama)."""
    if model.isupper() and len(model) > 1 and not replacement.isupper():
        return replacement
    model_words, words = model.split(), replacement.split()
    if len(model_words) > 1 and len(model_words) == len(words):
        return " ".join(_capitalised_like(m, w) for m, w in zip(model_words, words, strict=True))
    return _capitalised_like(model, replacement)


def _capitalised_like(model: str, word: str) -> str:
    if model[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word
