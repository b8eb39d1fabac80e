"""Planted articles of our own writing: every error found, nothing else, clean twins silent."""

from __future__ import annotations

import json

import pytest

from termbase.check.context import build_context
from termbase.check.engine import check_text
from termbase.model import Severity
from termbase.textio import read_text

from .conftest import REPO

PLANTED = REPO / "tests" / "data" / "planted"
GOLD = sorted((PLANTED / "gold").glob("*.json"))


@pytest.fixture(scope="module")
def planted_ctx():
    return build_context([PLANTED / "glossary.tbx"])


def _counted(path, ctx):
    result = check_text(str(path), read_text(path).text, ctx)
    document = result.document
    found = []
    for finding in result.findings:
        if finding.severity is Severity.INFO:
            continue
        line, column = document.position(finding.start)
        end_line, end_column = document.position(max(finding.end, finding.start + 1))
        found.append((finding, line, column, end_column if end_line == line else 10**6))
    return found


def _hits(entry, error) -> bool:
    finding, line, column, end_column = entry
    return finding.category == error["category"] and any(
        span["line"] == line and column < span["end_column"] and span["column"] < end_column
        for span in error["spans"])


@pytest.mark.parametrize("gold_file", GOLD, ids=lambda p: p.stem)
def test_every_planted_error_is_found_with_its_fix(gold_file, planted_ctx):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    found = _counted(PLANTED / gold["article"], planted_ctx)
    for error in gold["errors"]:
        matching = [entry for entry in found if _hits(entry, error)]
        assert matching, f"missed {error['id']} {error['text']!r}"
        if error["category"] != "typography" and error["expected"]:
            firsts = [(entry[0].suggestions or [None])[0] for entry in matching]
            assert set(firsts) & set(error["expected"]), (error["text"], firsts)
    extra = [e[0].text for e in found if not any(_hits(e, err) for err in gold["errors"])]
    assert extra == []


@pytest.mark.parametrize("gold_file", GOLD, ids=lambda p: p.stem)
def test_clean_twin_has_no_finding(gold_file, planted_ctx):
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    assert [e[0].text for e in _counted(PLANTED / gold["clean"], planted_ctx)] == []
