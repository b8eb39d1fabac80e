"""Numbers, dates, times and percentages of a text, read as values that can be compared
across Indonesian and English.

Indonesian writes a decimal comma and a thousands dot (1.000,5), English the reverse
(1,000.5); scale words multiply (US$1,2 miliar = US$1.2 billion = 1,200,000,000);
percent words and signs mark a percentage (5 persen = 5 percent = 5%); a news date stamp
is a day and a month (14/9 = September 14 = 14 September), its year a number of its own
(so "12/6/2025" and "June 12, 2025" agree, and "June 12" lacks the 2025); a clock time
is hours and minutes on a 12-hour dial (pukul 16.20 WIB = 4:20 pm). The number, scale
and percent words are data: src/termbase/data/number_words.txt; month names:
data/months.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import cast

from termbase.data import word_list
from termbase.lang.dates import month_numbers
from termbase.lang.tags import language_matches

NUMBER, PERCENT, DATE, TIME = "number", "percent", "date", "time"


@dataclass(frozen=True)
class Quantity:
    """A value found in a text: kind, value and where it stands (offsets into the text).

    value: a Decimal (number, percent); a frozenset of possible (day, month) pairs (date:
    an English 9/14 may be either order); (hour on a 12-hour dial, minute) (time).
    """

    kind: str
    value: object
    start: int
    end: int
    text: str

    def agrees(self, other: Quantity) -> bool:
        if self.kind != other.kind:
            return False
        if self.kind == DATE:
            dates = cast(frozenset[tuple[int, int]], self.value)
            return bool(dates & cast(frozenset[tuple[int, int]], other.value))
        return self.value == other.value

    def describe(self) -> str:
        if self.kind == DATE:
            day, month = sorted(cast(frozenset[tuple[int, int]], self.value))[0]
            return f"{day} {_MONTH_NAMES[month - 1]}"
        if self.kind == TIME:
            hour, minute = cast(tuple[int, int], self.value)
            return f"{hour or 12}:{minute:02d}"
        number = _plain(cast(Decimal, self.value))
        return number + "%" if self.kind == PERCENT else number


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _plain(value: Decimal) -> str:
    text = f"{value:f}" if abs(value) < 10000 else f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@cache
def _words() -> tuple[dict[str, Decimal], dict[str, Decimal], frozenset[str]]:
    numbers, scales, percents = {}, {}, set()
    for entry in word_list("number_words"):
        word, value = entry.split()
        word = word.replace("_", " ")
        if value == "%":
            percents.add(word)
        elif value.startswith("x"):
            scales[word] = Decimal(value[1:])
        else:
            numbers[word] = Decimal(value)
    return numbers, scales, frozenset(percents)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                           reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    numbers, scales, percents = _words()
    months = "|".join(re.escape(name.capitalize()) for name in
                      sorted(month_numbers(), key=len, reverse=True))
    day = r"(?<![\d.,/])(\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(\d{4})(?!\d))?"
    tail = (rf"(?P<scale>\s?(?:{_alternation(scales)})(?![^\W\d_]))?"
            rf"(?P<percent>\s?(?:%|(?:{_alternation(percents)})(?![^\W\d_])))?")
    return {
        # clock times
        "id_time": re.compile(
            r"(?:\b(?:pukul|jam|pk\.?)\s*)(\d{1,2})[.:](\d{2})(?!\d)"
            r"|(?<![\d.,])(\d{1,2})[.:](\d{2})(?=\s*(?:WIB|WITA|WIT)\b)"
            r"|(?<![\d.,])(\d{1,2}):(\d{2})(?!\d)", re.IGNORECASE),
        "en_time": re.compile(
            r"(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m(?:\.|(?![^\W\d_]))"
            r"|(?<![\d.,])(\d{1,2})[:.](\d{2})(?=\s*(?:WIB|WITA|WIT|GMT|UTC)\b)"
            r"|(?<![\d.,])(\d{1,2}):(\d{2})(?!\d)"),
        # dates: 14/9(/2025), 14-09-2022, 2025-09-14, 14 September 2025, September 14, 2025
        "slash_date": re.compile(r"(?<![\d.,/-])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"),
        "dash_date": re.compile(r"(?<![\d.,/-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])"),
        "iso_date": re.compile(r"(?<![\d.,/-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])"),
        "day_month": re.compile(
            rf"{day}(?:\s*[-–]\s*(\d{{1,2}}))?\s+(?:of\s+)?({months})\.?(?![^\W\d_]){year}"),
        "month_day": re.compile(
            rf"(?<![^\W\d_])({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)"
            rf"(?:\s*[-–]\s*(\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?{year}"),
        # numerals: Indonesian 1.000.000,5 / English 1,000,000.5; then scale, percent
        "id_number": re.compile(
            r"(?<!\d)(?<!\d[.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?)" + tail,
            re.IGNORECASE),
        "en_number": re.compile(
            r"(?<!\d)(?<!\d[.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)" + tail,
            re.IGNORECASE),
        "spelled": re.compile(
            rf"(?<![^\W\d_])({_alternation(numbers)})(?![^\W\d_])"
            rf"(?:\s+({_alternation(scales)})(?![^\W\d_]))?", re.IGNORECASE),
        "url": re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    }


def quantities(text: str, language: str) -> list[Quantity]:
    """The numbers, percentages, dates and times of a text, in text order.

    language "id" reads 1.000,5 and d/m dates; "en" reads 1,000.5 and takes 9/14 either
    way round."""
    patterns = _patterns()
    english = language_matches(language, "en")
    taken: list[tuple[int, int]] = [m.span() for m in patterns["url"].finditer(text)]
    found: list[Quantity] = []

    def free(start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in taken)

    def add(kind: str, value: object, start: int, end: int) -> None:
        found.append(Quantity(kind, value, start, end, text[start:end]))
        taken.append((start, end))

    for match in patterns["en_time" if english else "id_time"].finditer(text):
        groups = [g for g in match.groups() if g is not None]
        if not free(*match.span()) or not groups:
            continue
        hour = int(groups[0])
        minute = int(groups[1]) if len(groups) > 1 and groups[1].isdigit() else 0
        if hour <= 24 and minute < 60:
            add(TIME, (hour % 12, minute), *match.span())
    _dates(text, english, patterns, free, add)
    numbers = patterns["en_number" if english else "id_number"]
    for match in numbers.finditer(text):
        if not free(*match.span()):
            continue
        value = _numeral(match.group(1), english)
        if value is None:
            continue
        if match.group("scale"):
            value *= _scale(match.group("scale"))
        add(PERCENT if match.group("percent") else NUMBER, value, *match.span())
    found.sort(key=lambda q: q.start)
    return found


def _dates(text: str, english: bool, patterns: dict[str, re.Pattern[str]],
           free: Callable[[int, int], bool], add: Callable[[str, object, int, int], None]) -> None:
    months = month_numbers()

    def date(day: int, month: int, start: int, end: int, either_way: bool = False) -> bool:
        options = set()
        if 1 <= day <= 31 and 1 <= month <= 12:
            options.add((day, month))
        if either_way and 1 <= month <= 31 and 1 <= day <= 12:
            options.add((month, day))
        if options and free(start, end):
            add(DATE, frozenset(options), start, end)
            return True
        return False

    def year(match: re.Match, group: int) -> None:
        if match.group(group):
            digits = match.group(group)
            value = Decimal(digits) + (2000 if len(digits) == 2 else 0)
            add(NUMBER, value, match.start(group), match.end(group))

    for match in patterns["slash_date"].finditer(text):
        if date(int(match[1]), int(match[2]), match.start(), match.end(2), english):
            year(match, 3)
    for match in patterns["iso_date"].finditer(text):
        if date(int(match[3]), int(match[2]), match.start(2), match.end()):
            year(match, 1)
    for match in patterns["dash_date"].finditer(text):
        if date(int(match[1]), int(match[2]), match.start(), match.end(2)):
            year(match, 3)
    for match in patterns["day_month"].finditer(text):  # 14 September, 14-15 September
        month = months[match[3].lower()]
        if match[2]:
            date(int(match[1]), month, match.start(1), match.end(1))
            date(int(match[2]), month, match.start(2), match.end(3))
        else:
            date(int(match[1]), month, match.start(1), match.end(3))
        year(match, 4)
    for match in patterns["month_day"].finditer(text):  # September 14, September 14-15
        month = months[match[1].lower()]
        date(int(match[2]), month, match.start(1), match.end(2))
        if match[3]:
            date(int(match[3]), month, match.start(3), match.end(3))
        year(match, 4)


def _numeral(digits: str, english: bool) -> Decimal | None:
    if english:
        digits = digits.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _scale(word: str) -> Decimal:
    scales = _words()[1]
    return scales[" ".join(word.lower().split())]


def spelled_numbers(text: str) -> list[Quantity]:
    """Numbers written as words (two, dua, two million): they answer a numeral on the
    other side, but are not compared themselves."""
    numbers, scales, _ = _words()
    found = []
    for match in _patterns()["spelled"].finditer(text):
        value = numbers[match.group(1).lower()]
        if match.group(2):
            value *= scales[" ".join(match.group(2).lower().split())]
        found.append(Quantity(NUMBER, value, match.start(), match.end(), match.group()))
    return found


def unmatched(source: list[Quantity], target: list[Quantity],
              source_words: Sequence[Quantity] = (), target_words: Sequence[Quantity] = ()
              ) -> tuple[list[Quantity], list[Quantity]]:
    """The quantities of each side that nothing on the other side agrees with; a numeral
    may be answered by a number word on the other side."""
    left = list(source)
    right = list(target)
    for quantity in list(left):
        partner = next((q for q in right if q.agrees(quantity)), None)
        if partner is not None:
            left.remove(quantity)
            right.remove(partner)
    for side, words in ((left, list(target_words)), (right, list(source_words))):
        for quantity in list(side):
            partner = next((w for w in words if w.agrees(quantity)), None)
            if partner is not None:
                side.remove(quantity)
                words.remove(partner)
    return left, right
