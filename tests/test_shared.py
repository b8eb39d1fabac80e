"""The seed article and the development set, when ../shared is present."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from termbase.check.context import build_context
from termbase.check.engine import check_text
from termbase.model import Severity
from termbase.textio import read_text

SEED_FAULTS = [
    "diplomaltik", "multiteral", "eksteral", "penyelenggaran",
    " -", " -",                      # both "pertama -tama"
    "\u00a0 ", "\u00a0 ",            # both double spaces: a no-break space and a space
    "“ ",                            # space after the opening quote
    "antar pemerintah", "antar rakyat",
    "penggalangan hubungan diplomatik", "Penjalinan Hubungan Diplomatik",
]


def test_seed_article_every_fault_and_nothing_else(shared, ctx):
    (seed,) = sorted((shared / "seed").glob("*.txt"))
    source = read_text(seed)
    findings = check_text(str(seed), source.text, ctx).findings
    counted = [f for f in findings if f.severity is not Severity.INFO]
    assert sorted(f.text for f in counted) == sorted(SEED_FAULTS)
    suggestions = {f.text: f.suggestions[0] for f in counted if f.category == "spelling"}
    assert suggestions == {"diplomaltik": "diplomatik", "multiteral": "multilateral",
                           "eksteral": "eksternal", "penyelenggaran": "penyelenggaraan"}
    assert {f.rule for f in counted if f.text.lower().startswith(("peng", "penj"))} == {
        "term/inconsistent"}


def test_dev_set_clean_articles_have_no_findings(shared):
    dev = shared / "eval" / "dev"
    ctx = build_context([dev / "glossary.tbx"])
    for clean in sorted((dev / "articles").glob("*.clean.txt")):
        findings = check_text(str(clean), read_text(clean).text, ctx).findings
        assert [f for f in findings if f.severity is not Severity.INFO] == [], clean.name


def test_dev_set_score(shared):
    termbase = Path(sys.executable).with_name("termbase")
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "dev"),
         "--termbase", str(termbase)], capture_output=True, text=True, check=True)
    figures = dict(item.split("=") for item in result.stdout.strip().splitlines()[-1].split())
    assert float(figures["recall"]) >= 0.90
    assert float(figures["precision"]) >= 0.90
    assert int(figures["clean_fp"]) <= 2
    assert float(figures["suggest@1"]) >= 0.85
