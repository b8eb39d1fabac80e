"""What a rule is: a named, documented check function over what it runs on.

A rule module makes its rules with the `rule` or `bilingual_rule` decorators, which
return the Rule and register nothing, and lists them in its RULES; check/registry.py
gathers the modules' lists into the one registry the engine runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Generic, TypeVar

from termbase.model import Finding, Severity

if TYPE_CHECKING:
    from termbase.check.bilingual import BilingualCheck
    from termbase.check.context import CheckContext
    from termbase.check.document import Document

S = TypeVar("S")


class RunsOn(Enum):
    """What a rule reads: a document (an article, or the sources of a bilingual file),
    or the units of a bilingual file, each source with its target."""

    DOCUMENT = "document"
    BILINGUAL = "bilingual"


@dataclass(frozen=True)
class Rule(Generic[S]):
    """A rule. wrong/right are its documented example, tested like the spec: for a
    bilingual rule written "source | target", units separated by " // "; a right that is
    a remark in brackets, "(accept list: Tokayev)", says what the text cannot show.
    fixable: its fixes are safe, applied by --fix without a human choosing."""

    name: str
    severity: Severity
    summary: str
    wrong: str
    right: str
    check: Callable[[S, CheckContext], Iterable[Finding]]
    runs_on: RunsOn
    fixable: bool = False

    @property
    def category(self) -> str:
        return self.name.split("/", 1)[0]

    def run(self, subject: S, ctx: CheckContext) -> Iterable[Finding]:
        return self.check(subject, ctx)


DocumentFunction = Callable[["Document", "CheckContext"], Iterable[Finding]]
BilingualFunction = Callable[["BilingualCheck", "CheckContext"], Iterable[Finding]]


def rule(name: str, severity: Severity, summary: str, wrong: str, right: str, *,
         fixable: bool = False) -> Callable[[DocumentFunction], Rule[Document]]:
    """Make a function over a document into a Rule (registering nothing)."""

    def make(function: DocumentFunction) -> Rule[Document]:
        return Rule(name, severity, summary, wrong, right, function, RunsOn.DOCUMENT, fixable)

    return make


def bilingual_rule(name: str, severity: Severity, summary: str, wrong: str, right: str
                   ) -> Callable[[BilingualFunction], Rule[BilingualCheck]]:
    """Make a function over the units of a bilingual file into a Rule. Its findings carry
    no fixes: --fix never edits a bilingual file."""

    def make(function: BilingualFunction) -> Rule[BilingualCheck]:
        return Rule(name, severity, summary, wrong, right, function, RunsOn.BILINGUAL)

    return make


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
