"""Renderers of findings: text for people, JSON for programs, GitHub annotations."""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from termbase.check.engine import CheckResult
from termbase.check.records import check_payload, finding_record, summary
from termbase.cli.output import json_text

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_CONTEXT = 60  # characters of the line shown on each side of a finding


def render_json(results: list[CheckResult]) -> str:
    return json_text(check_payload(results), ensure_ascii=False, indent=2)


def _escape_github(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(results: list[CheckResult]) -> str:
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for result in results:
        for finding in result.findings:
            r = finding_record(result, finding)
            message = r["message"]
            if r["suggestions"]:
                message += f" (suggestion: {r['suggestions'][0]})"
            properties = ",".join([
                f"file={_escape_github(r['path'], True)}",
                f"line={r['line']}", f"col={r['column']}",
                f"endLine={r['end_line']}", f"endColumn={r['end_column']}",
                f"title={_escape_github(r['rule'], True)}",
            ])
            lines.append(f"::{levels[r['severity']]} {properties}::{_escape_github(message)}")
    return "\n".join(lines)


def _excerpt(line_text: str, column: int, end_column: int) -> tuple[str, int, int]:
    """A window of the line around the span, and the span's place in it."""
    shown = line_text.replace("\t", " ")
    left = max(0, column - 1 - _CONTEXT)
    right = min(len(shown), end_column - 1 + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(shown) else ""
    window = prefix + shown[left:right] + suffix
    start = len(prefix) + column - 1 - left
    return window, start, max(start + 1, len(prefix) + end_column - 1 - left)


def render_text(console: Console, results: list[CheckResult]) -> None:
    for result in results:
        for finding in result.findings:
            record = finding_record(result, finding)
            heading = Text()
            heading.append(f"{record['path']}:{record['line']}:{record['column']}: ", "bold")
            heading.append(record["severity"], _STYLE[record["severity"]])
            heading.append(f" {record['rule']}: ", "dim")
            heading.append(record["message"])
            console.print(heading)
            line_text = result.document.line_text(record["line"])
            end_column = (record["end_column"] if record["end_line"] == record["line"]
                          else len(line_text) + 1)
            window, start, end = _excerpt(line_text, record["column"], end_column)
            excerpt = Text("    ")
            excerpt.append(window[:start])
            excerpt.append(window[start:end], "reverse " + _STYLE[record["severity"]])
            excerpt.append(window[end:])
            console.print(excerpt)
            console.print(Text("    " + " " * start + "^" * (end - start),
                               _STYLE[record["severity"]]))
            if record["suggestions"]:
                shown = ", ".join(repr(s) for s in record["suggestions"][:3])
                console.print(Text(f"    suggestion: {shown}", "green"))
    counts = summary(results)
    line = (f"{counts['findings']} finding(s): {counts['errors']} error(s), "
            f"{counts['warnings']} warning(s), {counts['infos']} info in "
            f"{counts['files']} file(s)")
    if counts["fixable"]:
        line += f"; {counts['fixable']} fixable with --fix"
    console.print(Text(line, "bold"))


def report_text(results: list[CheckResult], output_format: str) -> str:
    """The whole report in one of the formats, as written to a file with -o (text plain,
    without colour); a byte of a file name that is not UTF-8 shows as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", _report_text(results, output_format))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _report_text(results: list[CheckResult], output_format: str) -> str:
    if output_format in ("csv", "html"):
        from termbase.check import report

        return report.render_csv(results) if output_format == "csv" else report.render_html(
            results)
    if output_format == "json":
        return render_json(results) + "\n"
    if output_format == "github":
        text = render_github(results)
        return text + "\n" if text else ""
    import io

    buffer = io.StringIO()
    render_text(Console(file=buffer, no_color=True, color_system=None, highlight=False,
                        soft_wrap=True, emoji=False, markup=False, width=240), results)
    return buffer.getvalue()
