"""The month table, read once (lang/dates.py) for dates, numbers and the checks."""

from __future__ import annotations

from termbase.lang.dates import indonesian_month_names, month_numbers


def test_month_numbers_know_both_languages_and_news_abbreviations():
    months = month_numbers()
    assert months["januari"] == months["january"] == months["jan"] == 1
    assert months["agustus"] == months["agt"] == months["aug"] == 8
    assert months["desember"] == months["dec"] == 12
    assert set(months.values()) == set(range(1, 13))
    assert "senin" not in months and "Januari" not in months  # names are lower case


def test_indonesian_month_names_are_the_full_indonesian_ones():
    names = indonesian_month_names()
    assert len(names) == 12 and {"januari", "mei", "agustus", "desember"} <= names
    assert not names & {"january", "jan", "agt", "august"}
