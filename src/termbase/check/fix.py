"""Applying safe fixes: one edit per finding, never two that overlap."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from termbase.check.registry import BY_NAME
from termbase.model import Edit, Finding


def is_safe(finding: Finding) -> bool:
    """Whether --fix applies the finding's fix: its rule's fixes are safe (Rule.fixable;
    spelling suggestions are guesses, inconsistency has no single right answer)."""
    if finding.fix is None:
        return False
    rule = BY_NAME.get(finding.rule)
    return rule is not None and rule.fixable


@dataclass
class FixPlan:
    edits: list[Edit]
    skipped: list[Finding]

    def apply(self, text: str) -> str:
        pieces = []
        position = 0
        for edit in self.edits:
            pieces.append(text[position : edit.start])
            pieces.append(edit.replacement)
            position = edit.end
        pieces.append(text[position:])
        return "".join(pieces)


def plan_fixes(findings: list[Finding]) -> FixPlan:
    """Safe edits in text order; an edit overlapping an earlier one is left for a rerun."""
    edits: list[Edit] = []
    skipped: list[Finding] = []
    safe = [(finding, finding.fix) for finding in findings
            if is_safe(finding) and finding.fix is not None]  # is_safe checks fix too
    for finding, edit in sorted(safe, key=lambda pair: pair[1].start):
        if edits and edit.start < edits[-1].end:
            skipped.append(finding)
            continue
        edits.append(edit)
    return FixPlan(edits, skipped)


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff as patch(1) reads it, marking a last line without a newline."""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        for line in lines
    )
