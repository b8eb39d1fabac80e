#!/usr/bin/env python3
"""Score `termbase check --format json` on a hand-annotated set of real news.

The set is not in the repository (published articles are other people's text); its
layout and the annotation method are in docs/accuracy.md. Usage:

    python benchmarks/score_real_news.py SET_DIR [--termbase CMD] [-v]

  recall (covered)  genuine errors of categories spelling/orthography/typography/term
                    that a warning/error finding overlaps (same line, overlapping columns)
  recall (all)      the same over every genuine error, category 'other' included
  false alarms      warning/error findings that overlap no annotated error, per 1,000 words
Doubtful errors count neither way. Categories of findings are not compared: a finding on
the span is a catch. With -v, every miss and false alarm is listed.
"""
from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

COVERED = {"spelling", "orthography", "typography", "term"}
COUNTED = {"warning", "error"}


def findings_of(termbase: str, article: Path, extra: list[str]) -> list[dict]:
    cmd = [*shlex.split(termbase), "check", "--format", "json", "--fail-on", "never",
           *extra, str(article)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-500:]}")
    data = json.loads(proc.stdout)
    found = data["findings"] if isinstance(data, dict) else data
    return [f for f in found if f.get("severity") in COUNTED]


def overlaps(finding: dict, error: dict) -> bool:
    start = finding["column"]
    end = finding.get("end_column") or start + 1
    return any(s["line"] == finding["line"] and start < s["end_column"] and s["column"] < end
               for s in error["spans"])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("--termbase", default="termbase")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--extra", default="", help="extra options for termbase check")
    args = ap.parse_args()
    words = 0
    total, found = Counter(), Counter()
    false_alarms: Counter[str] = Counter()
    notes = []
    for gold_file in sorted((args.set_dir / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article = args.set_dir / gold["article"]
        text = article.read_text(encoding="utf-8")
        words += sum(1 for w in text.split() if re.search(r"[^\W\d_]", w))
        findings = findings_of(args.termbase, article, shlex.split(args.extra))
        errors = gold["errors"]
        for error in errors:
            if error.get("doubtful"):
                continue
            key = f"{error['category']}/{error.get('kind', '?')}"
            total[key] += 1
            if any(overlaps(f, error) for f in findings):
                found[key] += 1
            else:
                notes.append(f"  missed {article.name}:{error['spans'][0]['line']} {key} "
                             f"{error['text']!r} -> {error.get('expected')}")
        for f in findings:
            if not any(overlaps(f, e) for e in errors):
                false_alarms[f["rule"]] += 1
                notes.append(f"  false alarm {article.name}:{f['line']}:{f['column']} "
                             f"{f['rule']} {f.get('text')!r}")
    if args.verbose:
        print("\n".join(notes))
    for key in sorted(total):
        print(f"{key:36} {found[key]}/{total[key]}")
    for rule, count in false_alarms.most_common():
        print(f"false alarms {rule:36} {count}")
    covered = [k for k in total if k.split("/")[0] in COVERED]
    covered_total = sum(total[k] for k in covered)
    covered_found = sum(found[k] for k in covered)
    all_total, all_found = sum(total.values()), sum(found.values())
    fa = sum(false_alarms.values())
    print(f"words={words} errors={all_total} covered={covered_total}")
    print(f"recall_covered={covered_found}/{covered_total}="
          f"{covered_found / max(covered_total, 1):.3f} "
          f"recall_all={all_found}/{all_total}={all_found / max(all_total, 1):.3f} "
          f"false_alarms={fa} per_1000_words={1000 * fa / max(words, 1):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
