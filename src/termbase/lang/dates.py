"""An article's date, read from its dateline near the top. Used to judge terms
superseded on a known day.

Full dates, in any of the forms news uses: "Selasa, 14 Oktober 2025", "Jakarta,
14 September 2022", "Selasa, 13 Desember 2022 | 10:15 WIB", "2022-09-14 22:55:41",
"Rabu (14/9/2022)", "(14/9/2022)", "14-09-2022". The first of them in the head of the
article wins. Without one, a day and month alone in a dateline, "Rabu (14/9)" or
"(14/9)", takes its year from the first year written in the head ("2022").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from termbase.data import word_list, word_set

DATELINE_CHARACTERS = 400
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")  # also 2022-09-14T22:55
_WRITTEN = re.compile(r"\b(\d{1,2})\s+([^\W\d_]{3,9})\.?\s+(\d{4})\b")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]?\d)")
# A day and month without a year: in brackets, or after a day name ("Rabu 14/9").
_DAY_MONTH = re.compile(
    r"(?:\(|\b(?P<weekday>[^\W\d_]+),?\s+)(?P<day>\d{1,2})/(?P<month>\d{1,2})(?![\d/])")
_YEAR = re.compile(r"(?<![\d/.,:])((?:19|20)\d{2})(?![\d/:]|[.,]\d)")


@cache
def _month_entries() -> tuple[tuple[str, int, bool], ...]:
    """(name, number, is the Indonesian name in full) per line of data/months.txt,
    "name number [full]"."""
    return tuple((name, int(number), marks == ["full"])
                 for name, number, *marks in (e.split() for e in word_list("months")))


@cache
def month_numbers() -> dict[str, int]:
    """Month names and their news abbreviations, Indonesian and English, in lower case,
    to the month's number. Shared: read it, do not change it."""
    return {name: number for name, number, _full in _month_entries()}


@cache
def indonesian_month_names() -> frozenset[str]:
    """The Indonesian month names in full, which EYD capitalises in a date."""
    return frozenset(name for name, _number, full in _month_entries() if full)


def _date(year: str, month: int, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _full_dates(head: str) -> list[tuple[int, dt.date | None]]:
    found = []
    for match in _ISO.finditer(head):
        found.append((match.start(), _date(match[1], int(match[2]), match[3])))
    months = month_numbers()
    for match in _WRITTEN.finditer(head):
        month = months.get(match[2].lower())
        if month:
            found.append((match.start(), _date(match[3], month, match[1])))
    for match in _NUMERIC.finditer(head):
        found.append((match.start(), _date(match[4], int(match[3]), match[1])))
    return found


def _day_month_with_year(head: str) -> dt.date | None:
    """'(14/9)' or 'Rabu 14/9' completed with the first year written in the head."""
    year = _YEAR.search(head)
    if year is None:
        return None
    weekdays = word_set("weekdays")
    for match in _DAY_MONTH.finditer(head):
        weekday = match["weekday"]
        if weekday is not None and weekday.lower() not in weekdays:
            continue
        date = _date(year[1], int(match["month"]), match["day"])
        if date:
            return date
    return None


def article_date(text: str) -> dt.date | None:
    """The first full date in the article's opening characters, else a day and month
    there with the head's year; None when the head holds neither."""
    head = text[:DATELINE_CHARACTERS]
    dates = [date for _, date in sorted(_full_dates(head), key=lambda item: item[0]) if date]
    return dates[0] if dates else _day_month_with_year(head)


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
