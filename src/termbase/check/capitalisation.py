"""Capitalisation (EYD V): titles before names, proper names, common nouns.

Each rule reads the text line by line (check/lines.py) and stays silent on headings,
whose words are capitalised by house style, not by EYD.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from termbase.check.lines import Line, is_clause_start, lines, starts_sentence, word_runs
from termbase.check.rules import rule
from termbase.data import word_list, word_set
from termbase.lang.morphology import is_reduplication
from termbase.lang.tokens import Kind
from termbase.model import Edit, Finding, Severity

# Determiners and numerals before a title make it generic: "para menteri", "dua gubernur".
_GENERIC = frozenset({
    "para", "seorang", "sejumlah", "beberapa", "banyak", "semua", "seluruh", "setiap",
    "tiap", "segenap", "calon", "bakal", "sesama", "kedua", "ketiga", "dua", "tiga",
    "empat", "lima", "sekian", "berbagai", "mantan-mantan",
})


@cache
def _pairs(name: str) -> dict[tuple[str, ...], list[str]]:
    """A pair list 'lower case words|Canonical Words' keyed by its lower-case words."""
    pairs = {}
    for entry in word_list(name):
        key, _, value = (part.strip() for part in entry.partition("|"))
        pairs[tuple(key.split())] = value.split()
    return pairs


@cache
def _keys_by_first(name: str) -> dict[str, list[tuple[str, ...]]]:
    """A pair list's keys grouped by their first word."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for words in _pairs(name):
        grouped.setdefault(words[0], []).append(words)
    return grouped


def _longest(line: Line, index: int, name: str) -> int:
    """How many words from line.items[index] on, joined by single spaces, form the
    longest entry of the pair list (0 when none)."""
    table = _pairs(name)
    group = _keys_by_first(name).get(line.items[index].text.lower())
    if not group:
        return 0  # most words open no entry: no walk
    longest = max(len(key) for key in group)
    return max((len(words) for words in word_runs(line, index, longest) if words in table),
               default=0)


def _differs(written: list[str], canonical: list[str], skip_first: bool) -> bool:
    pairs = list(zip(written, canonical, strict=True))[1 if skip_first else 0:]
    return any(w != c for w, c in pairs)


def _finding(name, severity, message, doc, start, end, suggestion, fix=True) -> Finding:
    return Finding(name, severity, message, start, end, doc.text[start:end], [suggestion],
                   Edit(start, end, suggestion) if fix else None)


@rule("orthography/title-capital", Severity.WARNING,
      "A title or rank before a name, an institution or a place written in lower case.",
      "bertemu menteri luar negeri Wang Yi", "bertemu Menteri Luar Negeri Wang Yi")
def title_capital(doc, ctx):
    titles = _pairs("titles")
    for line in lines(doc):
        if line.is_heading:
            continue
        for index, length in _entries_on(line, "titles"):
            finding = _title_finding(doc, line, index, length, titles)
            if finding:
                yield finding


def _entries_on(line: Line, name: str):
    """(index, length) of each longest entry of the pair list on the line, left to right,
    entries not overlapping."""
    index = 0
    while index < len(line.items):
        length = _longest(line, index, name)
        if length:
            yield index, length
        index += length or 1


def _title_finding(doc, line: Line, index: int, length: int, titles) -> Finding | None:
    items = line.items[index : index + length]
    after = line.items[index + length] if index + length < len(line.items) else None
    # Only directly before a capitalised name on the same line, in the same sentence.
    if after is None or not after.is_word or not after.spaced or not after.text[:1].isupper():
        return None
    written = [item.text for item in items]
    if all(word.isupper() for word in written):
        return None  # a heading or a label in capitals
    at_start = starts_sentence(line, index)
    if not at_start:
        before = line.items[index - 1]
        if before.is_word and before.text.lower() in _GENERIC:
            return None
    canonical = titles[tuple(word.lower() for word in written)]
    if not _differs(written, canonical, skip_first=at_start):
        return None
    if at_start:
        canonical = [written[0], *canonical[1:]]
    start, end = items[0].token.start, items[-1].token.end
    right = " ".join(canonical)
    return _finding("orthography/title-capital", Severity.WARNING,
                    f"a title before a name is capitalised: {right} {after.text}",
                    doc, start, end, right)


@rule("orthography/name-capital", Severity.ERROR,
      "A proper or geographic name of several words written in lower case.",
      "pasar negara paman Sam", "pasar negara Paman Sam")
def name_capital(doc, ctx):
    names = _pairs("proper_names")
    for line in lines(doc):
        for index, length in _entries_on(line, "proper_names"):
            items = line.items[index : index + length]
            written = [item.text for item in items]
            canonical = names[tuple(word.lower() for word in written)]
            if not all(word.isupper() for word in written) and _differs(
                written, canonical, skip_first=False
            ):
                start, end = items[0].token.start, items[-1].token.end
                right = " ".join(canonical)
                yield _finding("orthography/name-capital", Severity.ERROR,
                               f"a name is capitalised: {right}", doc, start, end, right)
        yield from _lower_case_months(doc, line)


_DAY = re.compile(r"\d{1,2}")
_YEAR = re.compile(r"\d{4}")


def _lower_case_months(doc, line: Line):
    """A month written in lower case in a date: "5 oktober 2023" -> "5 Oktober 2023"."""
    months = _indonesian_months()
    items = line.items
    for index, item in enumerate(items):
        if not item.is_word or item.text not in months:
            continue
        before = items[index - 1].text if index else ""
        after = items[index + 1].text if index + 1 < len(items) else ""
        if _DAY.fullmatch(before) or _YEAR.fullmatch(after):
            right = item.text.capitalize()
            yield _finding("orthography/name-capital", Severity.ERROR,
                           f"a month is capitalised: {right}", doc, item.token.start,
                           item.token.end, right)


@cache
def _indonesian_months() -> frozenset[str]:
    """The Indonesian month names (marked "full" in the months list)."""
    return frozenset(entry.split()[0] for entry in word_list("months")
                     if entry.split()[2:] == ["full"])


def _words(doc) -> list[str]:
    return [t.text for t in doc.tokens() if t.kind is Kind.WORD]


def _lower_words(doc) -> set[str]:
    """The words the document writes in lower case (computed once per document)."""
    if "lower_words" not in doc.shared:
        doc.shared["lower_words"] = {word for word in _words(doc) if word.islower()}
    return doc.shared["lower_words"]


def _name_words(doc) -> set[str]:
    """Capitalised words that stand next to another capitalised word somewhere in the
    document, parts of names (Dewi in 'Dewi Sartika'), or that the document puts alone
    in brackets as a short name: names, so not common nouns later."""
    # A short name the article defines in brackets: "Desa Sukaramai (Suram)".
    names = set(re.findall(r"\(([^\W\d_]+)\)", doc.text))
    for line in lines(doc):
        items = line.items
        for left, right in zip(items, items[1:], strict=False):
            if left.is_word and right.is_word and right.spaced and (
                left.text[:1].isupper() and right.text[:1].isupper()
            ):
                names.update((left.text, right.text))
        # "Sabuk dan Jalan", "Kementerian Energi dan Sumber Daya Mineral": a name with
        # a conjunction inside.
        for index, middle in enumerate(items):
            if middle.text not in _NAME_JOINERS or index == 0 or index + 1 >= len(items):
                continue
            # "Pertanian, dan Perikanan" in a title: a serial comma may stand before dan.
            left = items[index - 1]
            if left.text == "," and index > 1:
                left = items[index - 2]
            right = items[index + 1]
            if (left.is_word and right.is_word
                    and left.text[:1].isupper() and right.text[:1].isupper()):
                names.update((left.text, right.text))
    # A word the article capitalises every time, more than once, and never writes in
    # lower case is used as a name (kawasan Teluk: the Gulf).
    capitalised = Counter(word for word in _words(doc) if word.istitle())
    lower = _lower_words(doc)
    names.update(word for word, count in capitalised.items()
                 if count > 1 and word.lower() not in lower)
    return names


@cache
def _dictionary_entries(path: str) -> dict[str, bool]:
    """The stems of a Hunspell .dic file -> whether they carry affix flags."""
    entries = {}
    with open(path, encoding="latin-1") as dic:
        next(dic, None)  # the entry count
        for raw in dic:
            stem, _, flags = raw.strip().partition("/")
            if stem:
                entries[stem] = entries.get(stem, False) or bool(flags)
    return entries


def _is_ordinary_word(lower: str, speller, lower_words: set[str]) -> bool:
    """Evidence that a capitalised word is an ordinary word, not a name.

    The id_ID dictionary lists many names in lower case (beijing, myanmar, menteng,
    dewi) as bare stems without affix flags. So a word counts as ordinary when the
    article itself writes it in lower case elsewhere, when its stem takes affixes in the
    dictionary (teluk/B0, minyak/B0DiMi...), or when Hunspell knows it only as a derived
    form (pembangunan from bangun). A bare flagless stem alone is not enough."""
    if lower in lower_words:
        return True
    if not speller.in_dictionary(lower):
        return False  # a capitalised-only entry (Jakarta, Senin) or unknown: a name
    entries = _dictionary_entries(speller.dictionary)
    if lower not in entries:
        return True
    return entries[lower]


_NAME_JOINERS = frozenset({"dan", "&", "and", "of"})
_COORDINATORS = frozenset({"dan", "atau", "serta", "maupun", "hingga", "ke", "vs"})


def _in_name_list(items, index: int) -> bool:
    """The word stands in a list or pair of capitalised names: "menuju Garut, Sumedang,
    dan Tasikmalaya", "Indonesia dan Cina"."""
    def capitalised(position: int) -> bool:
        return 0 <= position < len(items) and items[position].text[:1].isupper()

    following = items[index + 1].text if index + 1 < len(items) else ""
    if following in (",", "/") and capitalised(index + 2):
        return True
    previous = items[index - 1].text
    if previous.lower() in _COORDINATORS and capitalised(index - 2):
        return True
    return previous in (",", "/") and capitalised(index - 2)


def _is_capitalised_reduplication(word: str) -> bool:
    """Fraksi-fraksi, Komisi-komisi: a capital on the first half only."""
    parts = word.split("-")
    return (len(parts) == 2 and _is_plain_capitalised(parts[0]) and parts[1].isalpha()
            and parts[1].islower() and is_reduplication(word))


def _is_plain_capitalised(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word[:1].isupper() and word[1:].islower()


def _titles_words() -> frozenset[str]:
    return frozenset(word for key in _pairs("titles") for word in key)


@cache
def _numerals() -> frozenset[str]:
    """satu ... sembilan, sepuluh, sebelas, seratus."""
    return frozenset(value for key, value in (e.split(maxsplit=1) for e in word_list("numerals"))
                     if key.isdigit())


@cache
def _closed_class_words() -> frozenset[str]:
    """Numerals, function words, quantity words and "pukul": never a name on their own."""
    return _numerals() | word_set("function_words") | word_set("closed_class_words")


def _is_counted(items, index: int, counters: frozenset[str]) -> bool:
    """A numeral or quantity word stands before the word: "dua Desa", "16 Desa",
    "beberapa Kecamatan". A name is not counted; a defined term ("peraturan Desa",
    as laws on villages write it) is not reported."""
    before = items[index - 1]
    return before.text.lower() in counters or (
        before.token.kind is Kind.NUMBER and before.text.isdigit())


def _after_a_count(line: Line, index: int) -> bool:
    """The word follows a plain number that opens the sentence or follows a lower-case
    word: "16 Orang itu", "sebanyak 16 Orang", not "Xiaomi 14 Ultra" (part of a name)."""
    items = line.items
    number = items[index - 1]
    if number.token.kind is not Kind.NUMBER or not number.text.isdigit():
        return False
    if not items[index].spaced:
        return False
    if starts_sentence(line, index - 1):
        return True
    before = items[index - 2]
    return before.is_word and number.spaced and before.text.islower()


@rule("orthography/common-noun-capital", Severity.WARNING,
      "A common noun or other ordinary word capitalised inside a sentence.",
      "harga Minyak goreng naik", "harga minyak goreng naik")
def common_noun_capital(doc, ctx):
    exempt = word_set("capitalised_words") | _titles_words()
    cues = word_set("name_cues")
    months = {entry.split()[0] for entry in word_list("months")}
    closed = _closed_class_words()
    counters = _numerals() | word_set("closed_class_words")
    heads = word_set("administrative_heads")
    name_words = _name_words(doc)
    lower_words = _lower_words(doc)
    speller = ctx.speller
    text = doc.text
    for line in lines(doc):
        if line.is_heading:
            continue
        items = line.items
        for index, item in enumerate(items):
            word = item.text
            if (item.is_word and index and _is_capitalised_reduplication(word)
                    and not is_clause_start(line, index)):
                # Names do not reduplicate: "Fraksi-fraksi DPRD" is a common noun.
                yield Finding("orthography/common-noun-capital", Severity.WARNING,
                              "an ordinary word is not capitalised inside a sentence: "
                              f"{word.lower()}", item.token.start, item.token.end, word,
                              [word.lower()], None)
                continue
            if not item.is_word or not _is_plain_capitalised(word) or index == 0:
                continue
            lower = word.lower()
            if lower in months:
                continue
            after = items[index + 1] if index + 1 < len(items) else None
            # Closed-class words and a bare administrative head ("dua Desa, yaitu Desa
            # Bunisari") are ordinary words whatever the rest of the article does.
            is_closed = lower in closed
            is_bare_head = (lower in heads and not _name_follows(after)
                            and _is_counted(items, index, counters))
            if not (is_closed or is_bare_head) and (word in name_words or lower in exempt):
                continue
            before = items[index - 1]
            if _after_a_count(line, index):
                pass  # "16 Orang itu": a counted noun
            elif is_closed and (before.is_word or before.text == ",") and item.spaced:
                if starts_sentence(line, index):
                    continue  # "hingga pukul 10.00, Pukul" is never a clause start
            elif is_clause_start(line, index):
                continue
            glued = index > 1 and before.is_word and not before.spaced
            if before.text.lower() in cues or glued:
                continue  # after "kata", or after a glued domain (x.id)
            if before.text[:1].isupper() and not (
                is_closed and _opens_with_ordinary(line, index - 1, exempt, speller, lower_words)
            ):
                continue  # next to a name; "Ada Sembilan kasus" is not one
            if _in_name_list(items, index):
                continue
            if after is not None and after.spaced and (
                after.text[:1].isupper() or (after.text[:1].isdigit() and not is_closed)
                or after.text == "("
            ):
                continue  # "Pasal 33", "Tahap II", "Badan Pangan (Bapanas)"
            if text[item.token.end : item.token.end + 1] == "." and (
                text[item.token.end + 1 : item.token.end + 2].isalpha()
            ):
                continue  # a domain name: Kompas.com
            if not (is_closed or is_bare_head) and not _is_ordinary_word(
                lower, speller, lower_words
            ):
                continue
            yield Finding("orthography/common-noun-capital", Severity.WARNING,
                          f"an ordinary word is not capitalised inside a sentence: {lower}",
                          item.token.start, item.token.end, word, [lower], None)


def _opens_with_ordinary(line: Line, index: int, exempt, speller, lower_words) -> bool:
    """The word opens the sentence and is an ordinary word, not a name or an institution
    word ("Ada Sembilan kasus", "Hingga Pukul 10.00"; not "Tim Sembilan")."""
    lower = line.items[index].text.lower()
    return (starts_sentence(line, index) and lower not in exempt
            and _is_ordinary_word(lower, speller, lower_words))


def _name_follows(after) -> bool:
    """A capitalised word, a number or a bracket follows after a space."""
    return after is not None and after.spaced and (
        after.text[:1].isupper() or after.text[:1].isdigit() or after.text == "(")


@rule("orthography/abbreviation-case", Severity.WARNING,
      "A time-zone abbreviation after a clock time not written in capitals (wib -> WIB).",
      "pukul 10.00 wib", "pukul 10.00 WIB")
def abbreviation_case(doc, ctx):
    abbreviations = word_set("abbreviations_capital")
    for line in lines(doc):
        for index, item in enumerate(line.items):
            word = item.text
            if not item.is_word or word.lower() not in abbreviations or word.isupper():
                continue
            # Only after a number ("10.00 wib"): Wita and wit are also a name and a word.
            before = line.items[index - 1] if index else None
            if before is None or before.token.kind is not Kind.NUMBER or not item.spaced:
                continue
            yield _finding("orthography/abbreviation-case", Severity.WARNING,
                           f"the abbreviation is written in capitals: {word.upper()}",
                           doc, item.token.start, item.token.end, word.upper())


_CLOSING_QUOTES = ("”", '"')


@rule("orthography/attribution-capital", Severity.WARNING,
      "A verb of saying right after a closing quotation written with a capital.",
      "“Kami siap,” Kata Ani.", "“Kami siap,” kata Ani.")
def attribution_capital(doc, ctx):
    verbs = word_set("attribution_verbs")
    for line in lines(doc):
        items = line.items
        for index, item in enumerate(items):
            word = item.text
            if not item.is_word or not _is_plain_capitalised(word) or index < 2:
                continue
            lower = word.lower()
            bare = lower in verbs
            if not bare and not (lower.endswith("nya") and lower[:-3] in verbs):
                continue
            quote, mark = items[index - 1], items[index - 2]
            if quote.text not in _CLOSING_QUOTES or quote.gap or not item.spaced:
                continue  # only right after a closing quote glued to its text
            if mark.text == ",":
                pass
            elif mark.text in ("!", "?", ".") and not _introduces_a_quote(items, index):
                # "lancar.” Ucapnya": -nya attributes; "Katanya," opens a sentence.
                if mark.text == "." and (bare or _followed_by_comma(items, index)):
                    continue
            else:
                continue
            right = lower + word[len(lower):]
            yield _finding("orthography/attribution-capital", Severity.WARNING,
                           f"the attribution continues the sentence in lower case: {right}",
                           doc, item.token.start, item.token.end, right)


def _introduces_a_quote(items, index: int) -> bool:
    """A quotation opens after the verb before the sentence ends: 'Kata mereka, "..."'
    attributes the next quotation and opens a sentence of its own."""
    for item in items[index + 1 :]:
        if item.text in ("“", '"') and item.gap:
            return True
        if item.text in (".", "!", "?"):
            return False
    return False


def _followed_by_comma(items, index: int) -> bool:
    return index + 1 < len(items) and items[index + 1].text == ","
