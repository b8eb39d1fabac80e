"""The shipped glossaries as content the desk relies on: every preferred Indonesian term
passes the checker, the folder holds the concepts promised, and validation is clean."""

from __future__ import annotations

from bisect import bisect_right

from termbase.check.engine import check_text
from termbase.glossary import Glossary, default_glossary_paths
from termbase.glossary.service import validate_files
from termbase.model import Status

# Issue #13: a glossary the desk can work with holds at least this many concepts.
MIN_CONCEPTS = 1_000


def _preferred_indonesian_terms() -> list[str]:
    glossary = Glossary.load(default_glossary_paths())
    return [term.text for concept in glossary.concepts for term in concept.terms_in("id")
            if term.status is Status.PREFERRED]


def test_every_preferred_indonesian_term_passes_the_checker(ctx):
    terms = _preferred_indonesian_terms()
    # One term a line, as a terminologist would paste them: a title-case line reads
    # as a headline, the hardest place for a name to pass.
    text = "\n".join(terms) + "\n"
    findings = check_text("terms.txt", text, ctx).findings
    starts = _line_starts(text)
    reported = [f"{terms[bisect_right(starts, f.start) - 1]!r}: {f.rule}: {f.message}"
                for f in findings]
    assert reported == []


def _line_starts(text: str) -> list[int]:
    return [0] + [index + 1 for index, char in enumerate(text[:-1]) if char == "\n"]


def test_a_term_written_as_the_glossary_writes_it_is_not_judged_word_by_word(lint):
    assert lint("Majelis Permusyawaratan Rakyat Bersidang Hari Ini") == []
    # Outside the name the same word is still the non-standard form it is.
    assert [f.rule for f in lint("Hasil Permusyawaratan Warga Diumumkan")] == [
        "spelling/nonstandard"]


def test_the_shipped_glossaries_hold_the_concepts_promised():
    assert validate_files(default_glossary_paths()).concepts >= MIN_CONCEPTS


def test_the_shipped_glossaries_validate_without_problems():
    # Named explicitly: an installed termbase ships its own copy, which a checkout's
    # configuration would not name.
    shipped = default_glossary_paths()
    validation = validate_files(shipped)
    assert [str(problem) for problem in validation.problems] == []
    assert validation.files == [str(path) for path in shipped]
