"""Running the rules over a document: selection, suppression, precedence, order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

# Importing the rule modules registers their rules.
from termbase.check import (  # noqa: F401
    capitalisation,
    nonstandard,
    orthography,
    punctuation,
    spelling,
    terms,
    typography,
)
from termbase.check.context import CheckContext
from termbase.check.document import Document
from termbase.check.markdown import code_regions, suppressed_regions
from termbase.check.rules import REGISTRY, Rule
from termbase.lang.segment import Paragraph
from termbase.model import Finding

# When findings of two categories cover the same characters, the more specific one
# stands: a glossary variant over a generic orthography rule over a spelling guess.
_PRECEDENCE = {"term": 0, "orthography": 1, "spelling": 2}
# A rule reports at most this many findings in one paragraph, or one per this many
# characters of a longer one. Real text stays far below (an English page checked as
# Indonesian: 56 findings of one rule in a paragraph); a megabyte of quotation marks
# would otherwise make a million findings, gigabytes of report nobody reads.
PARAGRAPH_LIMIT = 200
CHARACTERS_PER_FINDING = 100


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p.rstrip("/") + "/") for p in patterns)


@dataclass(frozen=True)
class Selection:
    """Which rules run: all by default, narrowed by select, then thinned by ignore."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, name: str) -> bool:
        if self.select and not _matches(name, self.select):
            return False
        return not _matches(name, self.ignore)

    def rules(self) -> list[Rule]:
        return [r for name, r in REGISTRY.items() if self.enabled(name)]


@dataclass
class CheckResult:
    document: Document
    findings: list[Finding] = field(default_factory=list)


def check_text(path: str, text: str, ctx: CheckContext, selection: Selection = Selection(),
               had_bom: bool = False) -> CheckResult:
    document = Document(path, text, had_bom)
    if path.lower().endswith((".md", ".markdown")):
        document.ignored = code_regions(text)
    return check_document(document, ctx, selection)


def check_document(document: Document, ctx: CheckContext,
                   selection: Selection = Selection()) -> CheckResult:
    findings: list[Finding] = []
    # Asked once per rule name, not once per finding: a text can have a million.
    enabled = cache(selection.enabled)
    for rule in selection.rules():
        found = (f for f in rule.run(document, ctx)
                 if enabled(f.rule) and not document.is_ignored(f.start, f.end))
        findings.extend(_within_limit(found, document))
    if document.path.lower().endswith((".md", ".markdown")):
        findings = _unsuppressed(findings, suppressed_regions(document.text))
    findings = _by_precedence(findings)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return CheckResult(document, findings)


def _paragraph_limit(paragraph: Paragraph) -> int:
    return max(PARAGRAPH_LIMIT, (paragraph.end - paragraph.start) // CHARACTERS_PER_FINDING)


def _within_limit(findings: Iterable[Finding], document: Document) -> Iterator[Finding]:
    """The findings of one rule, at most the limit in each paragraph; past it, one more
    of the same rule and severity at the first one left out, saying how many were.
    Findings are taken one at a time, so the ones left out never take memory."""
    paragraphs = document.paragraphs or [Paragraph(0, len(document.text), [])]
    starts = [paragraph.start for paragraph in paragraphs]
    limits = [_paragraph_limit(paragraph) for paragraph in paragraphs]
    counts: Counter[tuple[str, int]] = Counter()
    first_left_out: dict[tuple[str, int], Finding] = {}
    for finding in findings:
        index = max(bisect_right(starts, finding.start) - 1, 0)
        key = (finding.rule, index)
        counts[key] += 1
        if counts[key] <= limits[index]:
            yield finding
        else:
            first_left_out.setdefault(key, finding)
    for (rule, index), first in first_left_out.items():
        left_out = counts[rule, index] - limits[index]
        yield Finding(rule, first.severity,
                      f"{left_out:,} more findings of {rule} in this paragraph, from here "
                      "on, not listed", first.start, first.end, first.text)


def _unsuppressed(findings: list[Finding], regions) -> list[Finding]:
    """The findings outside the regions switched off for their rule. The regions of one
    rule set never overlap (an open region is not opened again), so each set's are
    searched by bisection: a file of many switches and findings compares no pairs."""
    spans: dict[frozenset[str], tuple[list[int], list[int]]] = {}
    for start, end, names in sorted(regions, key=lambda region: region[0]):
        starts, ends = spans.setdefault(names, ([], []))
        starts.append(start)
        ends.append(end)
    applies: dict[tuple[str, frozenset[str]], bool] = {}

    def silenced(finding: Finding) -> bool:
        for names, (starts, ends) in spans.items():
            key = (finding.rule, names)
            if key not in applies:
                applies[key] = not names or _matches(finding.rule, tuple(names))
            inside = bisect_right(starts, finding.start) - 1
            if applies[key] and inside >= 0 and finding.start < ends[inside]:
                return True
        return False

    return [f for f in findings if not silenced(f)]


def _by_precedence(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that overlaps one of a category of higher precedence. Sorted
    starts and running maximum ends answer "does any overlap?" by bisection, so a
    text with thousands of findings does not compare every pair."""
    spans: dict[int, tuple[list[int], list[int]]] = {}
    for rank in sorted(set(_PRECEDENCE.values())):
        above = sorted((f.start, f.end) for f in findings
                       if _PRECEDENCE.get(f.category, rank) < rank)
        starts = [start for start, _ in above]
        furthest = list(accumulate((end for _, end in above), max))
        spans[rank] = (starts, furthest)
    kept: list[Finding] = []
    for finding in findings:
        finding_rank = _PRECEDENCE.get(finding.category)
        if finding_rank is not None:
            starts, furthest = spans[finding_rank]
            before = bisect_left(starts, finding.end)  # those starting before its end
            if before and furthest[before - 1] > finding.start:
                continue
        kept.append(finding)
    return kept
