"""The JSON shape of check results (docs/check.md, "JSON"), shared by `termbase check
--format json` and the server's `/api/v1/check`."""

from __future__ import annotations

from collections import Counter

from termbase.check.engine import CheckResult
from termbase.check.fix import is_safe
from termbase.model import Finding

JSON_VERSION = 1


def finding_record(result: CheckResult, finding: Finding) -> dict:
    line, column = result.document.position(finding.start)
    end_line, end_column = result.document.position(finding.end)
    return {
        "path": result.document.path,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "text": finding.text,
        "suggestions": list(finding.suggestions),
        "fixable": is_safe(finding),
    }


def summary(results: list[CheckResult]) -> dict:
    findings = [f for r in results for f in r.findings]
    return {
        "files": len(results),
        "findings": len(findings),
        "errors": sum(f.severity.value == "error" for f in findings),
        "warnings": sum(f.severity.value == "warning" for f in findings),
        "infos": sum(f.severity.value == "info" for f in findings),
        "fixable": sum(is_safe(f) for f in findings),
        "by_category": dict(sorted(Counter(f.category for f in findings).items())),
    }


def check_payload(results: list[CheckResult]) -> dict:
    records = [finding_record(r, f) for r in results for f in r.findings]
    return {"version": JSON_VERSION, "findings": records, "summary": summary(results)}
