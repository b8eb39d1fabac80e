"""QA reports of a check for people who do not read terminals: one self-contained HTML
page (inline style and script, nothing fetched) and CSV for spreadsheets.

Library code, so that a server can hand out the same report as the command line
writes. Every piece of an article is untrusted text: the HTML escapes all of it, and
the CSV guards cells that a spreadsheet would take for a formula.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from termbase.check.engine import CheckResult
from termbase.check.fix import is_safe
from termbase.model import Finding

CONTEXT = 60  # characters of the line shown on each side of a finding
_ORDER = ("error", "warning", "info")  # most severe first, as a reviewer reads
# A name that is not valid UTF-8 holds each bad byte as a lone surrogate: shown as U+FFFD.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A cell a spreadsheet reads as a formula (or, after a tab or CR, may): = + - @.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = ("file", "line", "column", "end_line", "end_column", "rule", "severity",
               "message", "text", "suggestions", "fixable")


@dataclass(frozen=True)
class Row:
    """One finding as a report shows it: position, rule and the line around it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    text: str
    suggestions: tuple[str, ...]
    fixable: bool
    before: str  # the line's text before the finding (cut to CONTEXT, "…" at a cut)
    marked: str  # the finding's part of the line
    after: str


def _clean(value: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", value)


def rows(results: Sequence[CheckResult]) -> Iterator[Row]:
    """Every finding of every result, in the order of the results."""
    for result in results:
        for finding in result.findings:
            yield _row(result, finding)


def _row(result: CheckResult, finding: Finding) -> Row:
    document = result.document
    line, column = document.position(finding.start)
    end_line, end_column = document.position(finding.end)
    text = document.line_text(line).replace("\t", " ")
    # A finding running over the line's end is marked to the end of its first line.
    stop = end_column - 1 if end_line == line else len(text)
    start = column - 1
    left = max(0, start - CONTEXT)
    right = min(len(text), stop + CONTEXT)
    return Row(
        path=_clean(document.path), line=line, column=column, end_line=end_line,
        end_column=end_column, rule=finding.rule, severity=finding.severity.value,
        message=_clean(finding.message), text=_clean(finding.text),
        suggestions=tuple(_clean(s) for s in finding.suggestions), fixable=is_safe(finding),
        before=("…" if left > 0 else "") + _clean(text[left:start]),
        marked=_clean(text[start:stop]),
        after=_clean(text[stop:right]) + ("…" if right < len(text) else ""),
    )


# ---------------------------------------------------------------------------- CSV

def _guard(value: str) -> str:
    """A text cell that would start a formula gets a leading apostrophe (OWASP's advice):
    the spreadsheet shows it as text, and a reader of the raw CSV can strip it."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def render_csv(results: Sequence[CheckResult]) -> str:
    """RFC 4180 CSV (CRLF line ends, quotes doubled), a header row, one row a finding.
    Suggestions are joined with " | "; text cells starting = + - @ (or a tab or CR)
    are prefixed with an apostrophe so that no spreadsheet runs them."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows(results):
        writer.writerow([
            _guard(r.path), r.line, r.column, r.end_line, r.end_column, _guard(r.rule),
            r.severity, _guard(r.message), _guard(r.text),
            _guard(" | ".join(r.suggestions)), "yes" if r.fixable else "no",
        ])
    return out.getvalue()


# --------------------------------------------------------------------------- HTML

def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:75em;padding:0 1em;
color:#1d1d1f;background:#fff}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;margin:.3em 0 1em}
td,th{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.counts{display:flex;gap:2em;flex-wrap:wrap}
.excerpt{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe08a;padding:0 .1em;border-radius:2px}
tr.error mark{background:#ffb3b3}tr.info mark{background:#c8e6ff}
.sev{font-weight:600}.sev.error{color:#b00020}.sev.warning{color:#8a5a00}
.sev.info{color:#005a9c}
#filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc}
#filters label{margin-right:1em}.fix{color:#1b6e1b}
code{white-space:pre;background:#eef6ee;padding:0 .2em;border-radius:2px}
"""

_SCRIPT = """
(function(){
  function apply(){
    var on={};
    document.querySelectorAll('input.severity-filter').forEach(function(box){
      on[box.value]=box.checked;});
    var rule=document.getElementById('rule-filter').value;
    var shown=0;
    document.querySelectorAll('tr.finding').forEach(function(row){
      var show=on[row.dataset.severity]&&(rule===''||row.dataset.rule===rule);
      row.hidden=!show; if(show){shown++;}
    });
    document.querySelectorAll('.group').forEach(function(group){
      group.hidden=group.querySelector('tr.finding:not([hidden])')===null;});
    document.getElementById('shown').textContent=String(shown);
  }
  document.querySelectorAll('input.severity-filter').forEach(function(box){
    box.addEventListener('change',apply);});
  document.getElementById('rule-filter').addEventListener('change',apply);
  apply();
})();
"""


def _count_table(title: str, counts: Counter[str], keys: Sequence[str]) -> str:
    body = "".join(f"<tr><td>{_e(k)}</td><td class=\"n\">{counts[k]}</td></tr>" for k in keys)
    return (f"<table class=\"count\" id=\"by-{_e(title)}\"><tr><th>{_e(title)}</th>"
            f"<th>findings</th></tr>{body}</table>")


def _finding_row(r: Row) -> str:
    suggestions = " ".join(f"<code>{_e(s)}</code>" for s in r.suggestions[:5])
    if r.fixable and suggestions:
        suggestions += ' <span class="fix">(--fix)</span>'
    return (
        f"<tr class=\"finding {_e(r.severity)}\" data-severity=\"{_e(r.severity)}\" "
        f"data-rule=\"{_e(r.rule)}\"><td class=\"n\">{r.line}:{r.column}</td>"
        f"<td class=\"sev {_e(r.severity)}\">{_e(r.severity)}</td>"
        f"<td>{_e(r.message)}</td>"
        f"<td class=\"excerpt\">{_e(r.before)}<mark>{_e(r.marked)}</mark>{_e(r.after)}</td>"
        f"<td>{suggestions}</td></tr>")


def render_html(results: Sequence[CheckResult], title: str = "termbase check report"
                ) -> str:
    """One self-contained page: counts by severity, rule and file, filters (by
    severity and by rule), then the findings by file and rule, each with its line and
    the finding marked. Works without a network; without JavaScript all is shown."""
    all_rows = list(rows(results))
    by_severity = Counter(r.severity for r in all_rows)
    by_rule = Counter(r.rule for r in all_rows)
    by_file = Counter(r.path for r in all_rows)
    # A file named twice is one section; rows grouped once, not searched per file.
    paths = list(dict.fromkeys(_clean(result.document.path) for result in results))
    grouped: dict[str, dict[str, list[Row]]] = {path: {} for path in paths}
    for r in all_rows:
        grouped[r.path].setdefault(r.rule, []).append(r)
    rules = sorted(by_rule)
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        # Nothing from outside: no fetch, no frame, no form; only the inline code here.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">',
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p id=\"summary\"><span id=\"total\">{len(all_rows)}</span> finding(s) in "
        f"{len(results)} file(s): "
        + ", ".join(f"<span class=\"sev {s}\" id=\"count-{s}\">{by_severity[s]} {s}</span>"
                    for s in _ORDER)
        + f"; {sum(r.fixable for r in all_rows)} fixable with --fix.</p>",
        '<div class="counts">',
        _count_table("severity", by_severity, _ORDER),
        _count_table("rule", by_rule, rules),
        _count_table("file", Counter({p: by_file[p] for p in paths}), paths),
        "</div>",
        '<div id="filters">'
        + "".join(f'<label><input type="checkbox" class="severity-filter" value="{s}" '
                  f'id="show-{s}" checked> {s}</label>' for s in _ORDER)
        + '<label>rule <select id="rule-filter"><option value="">all rules</option>'
        + "".join(f'<option value="{_e(rule)}">{_e(rule)}</option>' for rule in rules)
        + '</select></label> <span id="shown">'
        + f"{len(all_rows)}</span> shown</div>",
    ]
    for path in paths:
        by_rule_here = grouped[path]
        group = " group" if by_rule_here else ""  # a file without findings stays in view
        parts.append(f'<section class="file{group}"><h2>{_e(path)} '
                     f"<small>({by_file[path]})</small></h2>")
        if not by_rule_here:
            parts.append("<p>No findings.</p>")
        for rule in sorted(by_rule_here):
            parts.append(f'<div class="rule group"><h3>{_e(rule)}</h3><table>'
                         "<tr><th>line:col</th><th>severity</th><th>message</th>"
                         "<th>text</th><th>suggestions</th></tr>")
            parts.extend(_finding_row(r) for r in by_rule_here[rule])
            parts.append("</table></div>")
        parts.append("</section>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>\n")
    return "\n".join(parts)
