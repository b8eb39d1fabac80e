"""An article's date, read from its dateline near the top ("Selasa, 14 Oktober 2025",
"2022-09-14 22:55:41"). Used to judge terms superseded on a known day."""

from __future__ import annotations

import datetime as dt
import re

from termbase.data import word_list

DATELINE_CHARACTERS = 400
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_WRITTEN = re.compile(r"\b(\d{1,2})\s+([^\W\d_]{3,9})\.?\s+(\d{4})\b")


def _months() -> dict[str, int]:
    return {name: int(number) for name, number in (e.split() for e in word_list("months"))}


def _date(year: str, month: int, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def article_date(text: str) -> dt.date | None:
    """The first full date in the article's opening characters, if any."""
    head = text[:DATELINE_CHARACTERS]
    found = []
    for match in _ISO.finditer(head):
        found.append((match.start(), _date(match[1], int(match[2]), match[3])))
    months = _months()
    for match in _WRITTEN.finditer(head):
        month = months.get(match[2].lower())
        if month:
            found.append((match.start(), _date(match[3], month, match[1])))
    dates = [date for _, date in sorted(found, key=lambda item: item[0]) if date]
    return dates[0] if dates else None


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
