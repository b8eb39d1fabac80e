"""A superseded term was right before the day it was superseded (check/terms.py), the
same rule for the monolingual and the bilingual check."""

from __future__ import annotations

import datetime as dt

from termbase.check.terms import SUPERSEDED_SINCE, valid_when_written
from termbase.model import Status, Term

SINCE = {SUPERSEDED_SINCE: "2022-09-17"}


def test_a_superseded_term_is_valid_in_an_article_written_before_the_change():
    term = Term("Nur Sultan", "id", Status.SUPERSEDED, properties=SINCE)
    assert valid_when_written(term, dt.date(2022, 9, 14))
    assert not valid_when_written(term, dt.date(2022, 9, 17))  # from that day on: not
    assert not valid_when_written(term, dt.date(2023, 1, 1))


def test_no_date_no_change_day_or_another_status_is_not_valid_when_written():
    superseded = Term("Nur Sultan", "id", Status.SUPERSEDED, properties=SINCE)
    assert not valid_when_written(superseded, None)
    undated = Term("Nur Sultan", "id", Status.SUPERSEDED)
    assert not valid_when_written(undated, dt.date(2000, 1, 1))
    unreadable = Term("Nur Sultan", "id", Status.SUPERSEDED,
                      properties={SUPERSEDED_SINCE: "soon"})
    assert not valid_when_written(unreadable, dt.date(2000, 1, 1))
    deprecated = Term("Dunia Ketiga", "id", Status.DEPRECATED, properties=SINCE)
    assert not valid_when_written(deprecated, dt.date(2000, 1, 1))
