"""Running the rules: the one loop for every rule, over an article or a bilingual file.

Selection, suppression, the per-paragraph limit, precedence and order are decided here
and only here; the rules come from check/registry.py.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, chain, islice
from typing import TypeVar

from termbase.check.bilingual import BilingualCheck
from termbase.check.context import CheckContext
from termbase.check.document import Document
from termbase.check.markdown import code_regions, suppressed_regions
from termbase.check.registry import BILINGUAL_RULES, DOCUMENT_RULES
from termbase.check.rules import Rule
from termbase.check.terms import allowed_name_spans
from termbase.formats.bilingual import BilingualFile, read_bilingual
from termbase.lang.segment import paragraph_spans
from termbase.model import Finding

S = TypeVar("S")

# Told (rules done, rules to run) as each selected rule finishes on a text: a display of
# progress through one big file. The rules differ in cost, so it is a rough measure.
RuleProgress = Callable[[int, int], None]

# When findings of two categories cover the same characters, the more specific one
# stands: a glossary variant over a generic orthography rule over a spelling guess.
_PRECEDENCE = {"term": 0, "orthography": 1, "spelling": 2}
# A rule reports at most this many findings in one paragraph, or one per this many
# characters of a longer one. Real text stays far below (an English page checked as
# Indonesian: 56 findings of one rule in a paragraph); a megabyte of quotation marks
# would otherwise make a million findings, gigabytes of report nobody reads.
PARAGRAPH_LIMIT = 200
CHARACTERS_PER_FINDING = 100
# The glossary is the desk's word on how its names are written: a name written exactly as
# a preferred or admitted term (Majelis Permusyawaratan Rakyat, Kelompok Tujuh) is not
# judged again word by word by these categories, which cannot know it is one name. A
# common term (menteri luar negeri) still is: its capitals depend on where it stands.
_DEFER_TO_GLOSSARY = ("spelling", "orthography")


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


@dataclass
class CheckResult:
    document: Document
    findings: list[Finding] = field(default_factory=list)


def check_text(path: str, text: str, ctx: CheckContext, selection: Selection = Selection(),
               had_bom: bool = False, progress: RuleProgress | None = None) -> CheckResult:
    document = Document(path, text, had_bom)
    if path.lower().endswith((".md", ".markdown")):
        document.ignored = code_regions(text)
    return check_document(document, ctx, selection, progress)


def check_document(document: Document, ctx: CheckContext,
                   selection: Selection = Selection(),
                   progress: RuleProgress | None = None) -> CheckResult:
    on_rule = _counter(progress, selection, DOCUMENT_RULES)
    findings = run_rules(DOCUMENT_RULES, document, ctx, document, selection, on_rule)
    return CheckResult(document, _outside_glossary_terms(findings, document, ctx))


def _outside_glossary_terms(findings: list[Finding], document: Document,
                            ctx: CheckContext) -> list[Finding]:
    """The findings, less those of _DEFER_TO_GLOSSARY inside a glossary name written as
    the glossary writes it."""
    if not any(f.rule.split("/")[0] in _DEFER_TO_GLOSSARY for f in findings):
        return findings  # most texts: the glossary matches are not even needed
    spans = allowed_name_spans(document, ctx)
    starts = [start for start, _ in spans]

    def inside_a_term(finding: Finding) -> bool:
        index = bisect_right(starts, finding.start) - 1
        return index >= 0 and finding.end <= spans[index][1]

    return [f for f in findings
            if f.rule.split("/")[0] not in _DEFER_TO_GLOSSARY or not inside_a_term(f)]


def _counter(progress: RuleProgress | None, selection: Selection,
             *rules: Iterable[Rule]) -> Callable[[], None] | None:
    """A callback for run_rules telling progress how many of the selected rules ran."""
    if progress is None:
        return None
    total = sum(selection.enabled(rule.name) for group in rules for rule in group)
    done = 0

    def one_more() -> None:
        nonlocal done
        done += 1
        progress(done, total)
    return one_more


def check_bilingual_file(path: str, ctx: CheckContext,
                         selection: Selection | None = None) -> CheckResult:
    """Read a bilingual file (XLIFF 1.2/2.0, TMX, PO) and check it."""
    return check_bilingual(read_bilingual(path), ctx, selection)


def check_bilingual(file: BilingualFile, ctx: CheckContext,
                    selection: Selection | None = None,
                    progress: RuleProgress | None = None) -> CheckResult:
    """The bilingual rules on the units, and the document rules on the sources (all of
    them one Indonesian document), every finding placed in the file itself."""
    selection = selection or Selection()
    on_rule = _counter(progress, selection, BILINGUAL_RULES, DOCUMENT_RULES)
    check = BilingualCheck(file, ctx, DOCUMENT_RULES)
    document = Document(file.path, file.text)
    findings = run_rules(BILINGUAL_RULES, check, ctx, document, selection, on_rule)
    if any(selection.enabled(rule.name) for rule in DOCUMENT_RULES):
        sources = check.sources
        found = _outside_glossary_terms(
            run_rules(DOCUMENT_RULES, sources.document, ctx, sources.document, selection,
                      on_rule), sources.document, ctx)
        findings.extend(sources.in_file(finding) for finding in found)
        findings.sort(key=_text_order)
    return CheckResult(document, findings)


def run_rules(rules: Iterable[Rule[S]], subject: S, ctx: CheckContext, document: Document,
              selection: Selection, on_rule: Callable[[], None] | None = None
              ) -> list[Finding]:
    """The findings of the selected rules on the subject (a document, or the units of a
    bilingual file), in text order. Their offsets are in `document`: the subject itself,
    or the bilingual file. Findings in its ignored regions go, then each rule's past the
    limit of a paragraph, then those switched off by a Markdown comment, then those under
    a finding of a category that takes precedence. on_rule is called as each selected
    rule finishes."""
    findings: list[Finding] = []
    # Asked once per rule name, not once per finding: a text can have a million.
    enabled = cache(selection.enabled)
    for rule in rules:
        if not enabled(rule.name):
            continue
        found = (f for f in rule.run(subject, ctx)
                 if enabled(f.rule) and not document.is_ignored(f.start, f.end))
        findings.extend(_within_limit(found, document))
        if on_rule is not None:
            on_rule()
    if document.path.lower().endswith((".md", ".markdown")):
        findings = _unsuppressed(findings, suppressed_regions(document.text))
    findings = _by_precedence(findings)
    findings.sort(key=_text_order)
    return findings


def _text_order(finding: Finding) -> tuple[int, int, str]:
    return finding.start, finding.end, finding.rule


def _paragraph_limit(start: int, end: int) -> int:
    return max(PARAGRAPH_LIMIT, (end - start) // CHARACTERS_PER_FINDING)


def _within_limit(findings: Iterable[Finding], document: Document) -> Iterator[Finding]:
    """The findings of one rule, at most the limit in each paragraph; past it, one more
    of the same rule and severity at the first one left out, saying how many were.
    Findings are taken one at a time, so the ones left out never take memory; the
    paragraphs are asked for only when the rule has more findings than any limit."""
    rest = iter(findings)
    leading = list(islice(rest, PARAGRAPH_LIMIT + 1))
    if len(leading) <= PARAGRAPH_LIMIT:  # no paragraph's limit is lower
        yield from leading
        return
    # The spans alone: segmenting into sentences and tokens would cost more than the
    # rule did, on a bilingual file a tokenising of all its markup.
    spans = (paragraph_spans(document.text, bool(document.line_paragraphs))
             or [(0, len(document.text))])
    starts = [start for start, _ in spans]
    limits = [_paragraph_limit(start, end) for start, end in spans]
    counts: Counter[tuple[str, int]] = Counter()
    first_left_out: dict[tuple[str, int], Finding] = {}
    for finding in chain(leading, rest):
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


def _unsuppressed(findings: list[Finding], regions: list[tuple[int, int, frozenset[str]]]
                 ) -> list[Finding]:
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
