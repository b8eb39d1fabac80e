"""English helpers of the bilingual checks."""

from __future__ import annotations

import pytest

from termbase.lang.english import stem, typographic_form


@pytest.mark.parametrize(("one", "other"), [
    ("\u201cBoth\u201d sides declined", '"Both" sides declined'),
    ("The talks \u2014 held in Bali \u2014 ended", "The talks - held in Bali - ended"),
    ("The minister\u2019s visit", "The minister's visit"),
    ("Prices  rose   sharply", "Prices rose sharply"),
])
def test_typographic_variants_have_one_form(one, other):
    assert typographic_form(one) == typographic_form(other)


@pytest.mark.parametrize(("one", "other"), [
    ("Prices rose", "Prices went up"),
    ("1,000 people", "1.000 people"),
    ("Both sides declined", "both sides declined"),
    ("1\u00a0000 people", "1.000 people"),
])
def test_different_wording_keeps_different_forms(one, other):
    assert typographic_form(one) != typographic_form(other)


@pytest.mark.parametrize(("word", "expected"), [
    ("ministers", "minister"), ("China\u2019s", "china"), ("countries", "country"),
    ("crisis", "crisis"), ("boxes", "box"),
])
def test_stem(word, expected):
    assert stem(word) == expected
