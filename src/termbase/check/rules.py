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
    """Give the replacement the capitalisation of the text it replaces."""
    if model.isupper() and len(model) > 1 and not replacement.isupper():
        return replacement
    if model[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
