"""English words as Indonesian borrows them, and the skeleton a loan shares with its
source (termbase.lang.loans, data/loan_spelling.txt)."""

from __future__ import annotations

import pytest

from termbase.lang.loans import loan_spelling, skeleton


@pytest.mark.parametrize(("english", "indonesian"), [
    ("vaccination", "vaksinasi"), ("ratification", "ratifikasi"),
    ("commodities", "komoditas"), ("physics", "fisika"), ("immunization", "imunisasi"),
    ("effective", "efektif"), ("technology", "teknologi"), ("democracy", "demokrasi"),
    ("Tuberculosis", "tuberkulosis"), ("commitment", "komitmen"),
])
def test_loan_spelling_rewrites_english_as_indonesian_borrows_it(english, indonesian):
    assert loan_spelling(english) == indonesian


@pytest.mark.parametrize(("indonesian", "english"), [
    ("molekuler", "molecular"), ("resistan", "resistant"), ("inflasi", "inflation"),
    ("vaksin", "vaccine"),
])
def test_a_loan_and_its_source_share_a_skeleton(indonesian, english):
    assert skeleton(indonesian) == skeleton(loan_spelling(english))


@pytest.mark.parametrize(("indonesian", "english"), [
    ("kedaulatan", "sovereignty"), ("menteri", "minister"), ("harga", "price"),
])
def test_words_that_are_not_loans_do_not(indonesian, english):
    assert skeleton(indonesian) != skeleton(loan_spelling(english))
