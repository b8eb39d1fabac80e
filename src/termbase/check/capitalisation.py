"""Capitalisation (EYD V): titles before names, proper names, common nouns.

Each rule reads the text line by line (check/lines.py) and stays silent on headings,
whose words are capitalised by house style, not by EYD.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from termbase.check.document import per_document
from termbase.check.lines import (
    CLOSERS,
    OPENERS,
    SENTENCE_ENDS,
    Item,
    Line,
    is_clause_start,
    is_title_case_headline,
    lines,
    starts_sentence,
    word_runs,
)
from termbase.check.rules import Rule, rule
from termbase.data import pair_table, word_list, word_set
from termbase.lang.dates import indonesian_month_names, month_numbers
from termbase.lang.morphology import is_reduplication
from termbase.lang.tokens import Kind
from termbase.model import Edit, Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document
    from termbase.lang.speller import Speller

# Determiners and numerals before a title make it generic: "para menteri", "dua gubernur".
_GENERIC = frozenset({
    "para", "seorang", "sejumlah", "beberapa", "banyak", "semua", "seluruh", "setiap",
    "tiap", "segenap", "calon", "bakal", "sesama", "kedua", "ketiga", "dua", "tiga",
    "empat", "lima", "sekian", "berbagai", "mantan-mantan",
})


@cache
def _pairs(name: str) -> dict[tuple[str, ...], list[str]]:
    """A pair list 'lower case words|Canonical Words' keyed by its lower-case words."""
    return {words: value.split() for words, value in pair_table(name).items()}


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


def _finding(name: str, severity: Severity, message: str, doc: Document, start: int, end: int,
             suggestion: str) -> Finding:
    return Finding(name, severity, message, start, end, doc.text[start:end], [suggestion],
                   Edit(start, end, suggestion))


@rule("orthography/title-capital", Severity.WARNING,
      "A title or rank before a name, an institution or a place written in lower case.",
      "bertemu menteri luar negeri Wang Yi", "bertemu Menteri Luar Negeri Wang Yi",
      fixable=True)
def title_capital(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    titles = _pairs("titles")
    for line in lines(doc):
        if line.is_heading:
            continue
        for index, length in _entries_on(line, "titles"):
            finding = _title_finding(doc, line, index, length, titles)
            if finding:
                yield finding


def _entries_on(line: Line, name: str) -> Iterator[tuple[int, int]]:
    """(index, length) of each longest entry of the pair list on the line, left to right,
    entries not overlapping."""
    index = 0
    while index < len(line.items):
        length = _longest(line, index, name)
        if length:
            yield index, length
        index += length or 1


def _title_finding(doc: Document, line: Line, index: int, length: int,
                   titles: dict[tuple[str, ...], list[str]]) -> Finding | None:
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
                    f"write {right} {after.text}: a title before a name is capitalised",
                    doc, start, end, right)


@rule("orthography/name-capital", Severity.ERROR,
      "A proper or geographic name of several words written in lower case.",
      "pasar negara paman Sam", "pasar negara Paman Sam",
      fixable=True)
def name_capital(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
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
                               f"write {right}: a name is capitalised", doc, start, end, right)
        yield from _lower_case_months(doc, line)


_DAY = re.compile(r"\d{1,2}")
_YEAR = re.compile(r"\d{4}")


def _lower_case_months(doc: Document, line: Line) -> Iterator[Finding]:
    """A month written in lower case in a date: "5 oktober 2023" -> "5 Oktober 2023"."""
    months = indonesian_month_names()
    items = line.items
    for index, item in enumerate(items):
        if not item.is_word or item.text not in months:
            continue
        before = items[index - 1].text if index else ""
        after = items[index + 1].text if index + 1 < len(items) else ""
        if _DAY.fullmatch(before) or _YEAR.fullmatch(after):
            right = item.text.capitalize()
            yield _finding("orthography/name-capital", Severity.ERROR,
                           f"write {right}: a month is capitalised", doc, item.token.start,
                           item.token.end, right)


def _words(doc: Document) -> list[str]:
    return [t.text for t in doc.tokens() if t.kind is Kind.WORD]


@per_document
def _lower_words(doc: Document) -> set[str]:
    """The words the document writes in lower case (computed once per document)."""
    return {word for word in _words(doc) if word.islower()}


def _name_words(doc: Document) -> set[str]:
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
    entries: dict[str, bool] = {}
    with open(path, encoding="latin-1") as dic:
        next(dic, None)  # the entry count
        for raw in dic:
            stem, _, flags = raw.strip().partition("/")
            if stem:
                entries[stem] = entries.get(stem, False) or bool(flags)
    return entries


def _is_ordinary_word(lower: str, speller: Speller, lower_words: set[str]) -> bool:
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


def _in_name_list(items: list[Item], index: int) -> bool:
    """The word stands in a list or pair of capitalised names: "menuju Garut, Sumedang,
    dan Tasikmalaya", "Indonesia dan Cina"."""
    def capitalised(position: int) -> bool:
        return 0 <= position < len(items) and items[position].text[:1].isupper()

    following = items[index + 1].text if index + 1 < len(items) else ""
    if (following in (",", "/") or following.lower() in _NAME_JOINERS) and capitalised(
        index + 2
    ):
        return True  # "Pendidikan dan Latihan (Diklat)"
    previous = items[index - 1].text
    if previous.lower() in _COORDINATORS and capitalised(index - 2):
        return True
    return previous in (",", "/") and capitalised(index - 2)


def _is_capitalised_reduplication(word: str) -> bool:
    """Fraksi-fraksi, Komisi-komisi: a capital on the first half only."""
    if "-" not in word:
        return False
    parts = word.split("-")
    return (len(parts) == 2 and _is_plain_capitalised(parts[0]) and parts[1].isalpha()
            and parts[1].islower() and is_reduplication(word))


@lru_cache(maxsize=65536)
def _is_plain_capitalised(word: str) -> bool:
    # Asked of each word by several rules: a megabyte asks half a million times.
    return len(word) >= 3 and word.isalpha() and word[:1].isupper() and word[1:].islower()


@cache
def title_heads() -> frozenset[str]:
    """The first words of the titles (menteri, kepala, ketua): capitalised before a name
    or as a stand-in for one. The inner words (kesehatan in Menteri Kesehatan) are
    ordinary words on their own ("di bidang Kesehatan")."""
    return frozenset(key[0] for key in _pairs("titles"))


@cache
def _title_prefixes() -> frozenset[tuple[str, ...]]:
    """Every beginning of two or more words of a title: ("menteri", "kesehatan")."""
    return frozenset(key[:end] for key in _pairs("titles") for end in range(2, len(key) + 1))


def _continues_title(items: list[Item], index: int) -> bool:
    """The word goes on a title begun before it ("menteri Kesehatan", "kepala Bidang"):
    orthography/title-capital judges that title as a whole."""
    words = [items[index].text.lower()]
    for position in range(index - 1, max(index - 4, -1), -1):
        if not items[position].is_word:
            return False
        words.insert(0, items[position].text.lower())
        if tuple(words) in _title_prefixes():
            return True
    return False


@cache
def _numerals() -> frozenset[str]:
    """satu ... sembilan, sepuluh, sebelas, seratus."""
    return frozenset(value for key, value in (e.split(maxsplit=1) for e in word_list("numerals"))
                     if key.isdigit())


@cache
def _closed_class_words() -> frozenset[str]:
    """Numerals, function words, quantity words and "pukul": never a name on their own."""
    return _numerals() | word_set("function_words") | word_set("closed_class_words")


def _is_counted(items: list[Item], index: int, counters: frozenset[str]) -> bool:
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
      "harga Minyak goreng naik", "harga minyak goreng naik",
      fixable=True)
def common_noun_capital(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    exempt = word_set("capitalised_words") | title_heads()
    cues = word_set("name_cues")
    months = month_numbers()
    closed = _closed_class_words()
    counters = _numerals() | word_set("closed_class_words")
    heads = word_set("administrative_heads")
    name_words = _name_words(doc)
    lower_words = _lower_words(doc)
    speller = ctx.speller
    text = doc.text
    reported: set[int] = set()
    starts = [item.token.start for line in lines(doc) for item in line.items]
    for finding in _common_noun_runs(doc, ctx.speller, exempt):
        # The words a finding covers are not reported again below.
        first, end = bisect_left(starts, finding.start), bisect_left(starts, finding.end)
        reported.update(starts[first:end])
        yield finding
    for line in lines(doc):
        if is_title_case_headline(line):
            continue
        # Other headings keep their capitals, but closed-class words are checked there
        # too: a dateline line "Hingga Pukul 07.26 wib, Selasa" is no title.
        heading = line.is_heading
        items = line.items
        for index, item in enumerate(items):
            word = item.text
            if item.token.start in reported:
                continue
            if (item.is_word and index and not heading
                    and _is_capitalised_reduplication(word)
                    and (not is_clause_start(line, index) or _after_comma(line, index))):
                # Names do not reduplicate: "Fraksi-fraksi DPRD" is a common noun.
                yield Finding("orthography/common-noun-capital", Severity.WARNING,
                              _lower_case_message(word.lower()), item.token.start,
                              item.token.end, word, [word.lower()], None)
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
            if heading and not is_closed:
                continue
            is_bare_head = (lower in heads and not _name_follows(after)
                            and _is_counted(items, index, counters))
            # The article writes the dictionary word in lower case elsewhere: strong
            # evidence that a capital standing alone here is no name, even if the word
            # is part of a name elsewhere ("Puskesmas Cepogo" ... "pihak Puskesmas
            # sudah"). A name the article once writes in lower case (@pln.kebumen,
            # digides) is no dictionary word.
            evident = lower in lower_words and speller.in_dictionary(lower)
            if not (is_closed or is_bare_head):
                if _is_exempt(lower, exempt) or _continues_title(items, index):
                    continue
                if (word in name_words and not evident) or _ends_a_name(items, index):
                    continue
            before = items[index - 1]
            if _after_a_count(line, index):
                pass  # "16 Orang itu": a counted noun
            elif is_closed and (before.is_word or before.text in (",", ")")) and item.spaced:
                if starts_sentence(line, index):
                    continue  # "hingga pukul 10.00, Pukul" is never a clause start
            elif evident and _after_comma(line, index) and _lower_word(after):
                pass  # "perunggu, Total medali": a capital after a comma opens no clause
            elif is_clause_start(line, index):
                continue
            glued = index > 1 and before.is_word and not before.spaced
            if before.text.lower() in cues or glued:
                continue  # after "kata", or after a glued domain (x.id)
            if _inside_a_title(items, index):
                continue
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
                          _lower_case_message(lower),
                          item.token.start, item.token.end, word, [lower], None)


def _lower_case_message(lower: str) -> str:
    return f"write {lower} in lower case: an ordinary word takes no capital inside a sentence"


def _common(doc: Document, start: int, end: int, message: str = "") -> Finding:
    written = doc.text[start:end]
    lower = written.lower()
    return Finding("orthography/common-noun-capital", Severity.WARNING,
                   message or _lower_case_message(lower),
                   start, end, written, [lower], None)


def _common_noun_runs(doc: Document, speller: Speller, exempt: frozenset[str]
                      ) -> Iterator[Finding]:
    """Capitalised common nouns that context shows to be no name, whatever the rest of
    the article does: after a lower-case field head (bidang Kesehatan), a count (dua
    Kepala Seksi lainnya), a direction head (bagian Timur); the capitalised head of a
    lower-case compound (Tuan rumah); a capital before a slash and a lower-case word
    (Kabupaten/kota)."""
    vocabulary = _Vocabulary(exempt, _lower_words(doc), speller)
    # Each reading starts at a word of one shape; the others are not asked.
    heads = word_set("field_heads") | word_set("direction_heads")
    for line in lines(doc):
        if line.is_heading:
            continue
        for index, item in enumerate(line.items):
            if not item.is_word:
                continue
            if _is_plain_capitalised(item.text):
                yield from _counted_run(doc, line, index, vocabulary)
                yield from _compound_head(doc, line, index)
                yield from _slashed_pair(doc, line, index)
            if item.text.lower() in heads:
                yield from _after_field_head(doc, line, index, vocabulary)
                yield from _after_direction_head(doc, line, index)


class _Vocabulary:
    """What the rule knows of a capitalised word: an institution or title word (exempt),
    an ordinary word (affix flags or a lower-case use in the article), a dictionary
    word."""

    def __init__(self, exempt: frozenset[str], lower_words: set[str], speller: Speller) -> None:
        self.exempt, self.lower_words, self.speller = exempt, lower_words, speller

    def ordinary(self, item: Item) -> bool:
        lower = item.text.lower()
        return lower not in self.exempt and _is_ordinary_word(lower, self.speller,
                                                              self.lower_words)

    def known(self, item: Item) -> bool:
        """After a count even a bare dictionary stem is a common noun (dua Kepala Seksi)."""
        lower = item.text.lower()
        return lower not in self.exempt and self.speller.in_dictionary(lower)


def _is_capital_word(item: Item) -> bool:
    return item.is_word and item.spaced and _is_plain_capitalised(item.text)


def _capital_run(items: list[Item], index: int) -> int:
    """The index after the run of capitalised words that begins at items[index]."""
    end = index
    while end < len(items) and _is_capital_word(items[end]):
        end += 1
    return end


def _after_field_head(doc: Document, line: Line, index: int, vocabulary: _Vocabulary
                      ) -> Iterator[Finding]:
    """'di bidang Kesehatan, Perdagangan dan Investasi': the capitalised dictionary
    words listed after a lower-case field head are common nouns. Silent when any of
    them is a name or an institution word, and after a capital (Menteri Koordinator
    bidang Perekonomian is a title written with a lower-case word)."""
    items = line.items
    head = items[index]
    if not head.is_word or head.text not in word_set("field_heads"):
        return
    if index and items[index - 1].is_word and items[index - 1].text[:1].isupper():
        return
    listed, position = [], index + 1
    while position < len(items) and _is_capital_word(items[position]):
        if not vocabulary.ordinary(items[position]):
            return
        listed.append(items[position])
        position += 1
        if position < len(items) and items[position].text in (",", "dan", "serta", "atau"):
            position += 1
            if position < len(items) and items[position].text in ("dan", "serta", "atau"):
                position += 1  # a serial comma: "Kesehatan, Perdagangan, dan Investasi"
    if position < len(items) and (items[position].text == "(" or _continues_name(items, position)):
        return
    for item in listed:
        yield _common(doc, item.token.start, item.token.end)


def _continues_name(items: list[Item], position: int) -> bool:
    """A capitalised word or a number stands at position: the run goes on as a name."""
    item = items[position]
    return item.spaced and (item.text[:1].isupper() or item.text[:1].isdigit())


def _counted_run(doc: Document, line: Line, index: int, vocabulary: _Vocabulary
                 ) -> Iterator[Finding]:
    """A count before capitalised words makes them common nouns: "dua Kepala Seksi
    lainnya", "salah satu Pengemudi Mobil Anggi", "dari 15 Gardu Induk wilayah". A name
    is not counted. Reported: the whole run when a lower-case word or punctuation
    follows it; only its leading ordinary words when a name follows them (Anggi, DPRD).
    Silent when a bracket or a number follows, or an institution word comes after the
    ordinary words (seluruh Rakyat Indonesia, setiap Hari Kemerdekaan)."""
    items = line.items
    if index == 0 or not _is_capital_word(items[index]) or starts_sentence(line, index):
        return
    if items[index].text.lower() in _dates() or not _counts(line, index):
        return  # "tanggal 31 Agustus"
    end = _capital_run(items, index)
    after = items[end] if end < len(items) else None
    if after is not None and after.text == "/":
        return  # Kabupaten/kota: _slashed_pair
    run = items[index:end]
    heads = title_heads() | word_set("administrative_heads")
    ends_plainly = after is None or (after.text != "(" and not _continues_name(items, end)
                                     and not _joins_a_name(items, end))
    if ends_plainly and _is_common_run(run, heads, vocabulary):
        yield _common(doc, run[0].token.start, run[-1].token.end)
        return
    leading = 0
    while leading < len(run) and vocabulary.ordinary(run[leading]):
        leading += 1
    if leading < len(run):
        named = run[leading]
    elif after is not None and after.spaced and after.is_word and after.text.isupper():
        named = after  # an acronym: "salah satu Anggota DPRD"
    else:
        return
    if leading == 0 or named.text.lower() in vocabulary.exempt or vocabulary.ordinary(named):
        return  # setiap Hari Kemerdekaan: an institution or a name of several words
    yield _common(doc, run[0].token.start, run[leading - 1].token.end)


def _is_common_run(run: list[Item], heads: frozenset[str], vocabulary: _Vocabulary) -> bool:
    """A counted run that is no name: a title or administrative head and dictionary
    words (dua Kepala Seksi; a title alone, "para Menlu", is the title rules' case);
    else ordinary words only and, when there are several, each written in lower case
    elsewhere in the article (15 Gardu Induk, but not 16 Orang Rimba, nor setiap
    Galungan: a bare dictionary stem may be a name)."""
    if run[0].text.lower() in heads:
        return len(run) > 1 and all(
            vocabulary.known(item) or item.text.lower() in heads for item in run[1:])
    if not all(vocabulary.ordinary(item) for item in run):
        return False
    return len(run) == 1 or all(item.text.lower() in vocabulary.lower_words for item in run)


def _joins_a_name(items: list[Item], position: int) -> bool:
    """'dan', 'atau' or a comma and then a capital: a list of names (Galungan dan
    Kuningan)."""
    if position + 1 >= len(items):
        return False
    joiner = items[position].text.lower()
    return (joiner in _COORDINATORS or joiner == ",") and items[position + 1].text[:1].isupper()


def _counts(line: Line, index: int) -> bool:
    """A quantity word or numeral (dua, sejumlah, para, salah satu) or a small number
    after a lower-case word (dari 15) stands before the word. Years are no counts."""
    items = line.items
    before = items[index - 1]
    if not before.is_word and before.token.kind is not Kind.NUMBER:
        return False
    lower = before.text.lower()
    if lower in _counters():
        return before.text.islower() or starts_sentence(line, index - 1)
    if before.token.kind is Kind.NUMBER and before.text.isdigit() and len(before.text) <= 3:
        return index > 1 and items[index - 2].is_word and items[index - 2].text.islower()
    return False


@cache
def _dates() -> frozenset[str]:
    """Month and day names: a number before them is a date, not a count."""
    return frozenset(month_numbers().keys() | word_set("weekdays"))


@cache
def _counters() -> frozenset[str]:
    """Numerals and quantity words; pukul, a clock word, counts nothing."""
    return (_numerals() | word_set("closed_class_words")) - {"pukul"}


def _after_direction_head(doc: Document, line: Line, index: int) -> Iterator[Finding]:
    """'Banyumas bagian Timur', 'Bagian Barat Utara ada': a compass direction after
    bagian, sebelah or arah names a side, not a place (EYD V). Silent when a capital
    or a bracket follows the directions (bagian Timur Tengah, bagian Barat (WIB))."""
    items = line.items
    head = items[index]
    if not head.is_word or head.text.lower() not in word_set("direction_heads"):
        return
    if not (head.text.islower() or starts_sentence(line, index)):
        return
    directions = word_set("direction_words")
    end = index + 1
    while end < len(items) and _is_capital_word(items[end]) and (
        items[end].text.lower() in directions
    ):
        end += 1
    if end == index + 1 or (end < len(items) and (
            items[end].text == "(" or _continues_name(items, end))):
        return
    yield _common(doc, items[index + 1].token.start, items[end - 1].token.end)


@cache
def _compounds() -> frozenset[tuple[str, ...]]:
    return frozenset(_pairs("common_compounds"))


def _compound_head(doc: Document, line: Line, index: int) -> Iterator[Finding]:
    """'namun Pemerintah daerah tetap': a compound of common_compounds.txt with its
    first word capitalised and the next in lower case is no name."""
    items = line.items
    if index == 0 or index + 1 >= len(items):
        return
    first, second = items[index], items[index + 1]
    if not (first.is_word and _is_plain_capitalised(first.text) and _lower_word(second)):
        return
    if (first.text.lower(), second.text) in _compounds() and not starts_sentence(line, index):
        yield _common(doc, first.token.start, first.token.end)


def _slashed_pair(doc: Document, line: Line, index: int) -> Iterator[Finding]:
    """'Sejumlah Kabupaten/kota': a capital before a slash and a lower-case word. A
    name would capitalise both (Jakarta/Bogor), so the capital is no name's."""
    items = line.items
    if index == 0 or index + 2 >= len(items):
        return
    first, slash, second = items[index], items[index + 1], items[index + 2]
    if (slash.text == "/" and first.is_word and _is_plain_capitalised(first.text)
            and not slash.gap and not second.gap and second.is_word
            and second.text.isalpha() and second.text.islower()
            and not starts_sentence(line, index)):
        yield _common(doc, first.token.start, second.token.end)


def _after_comma(line: Line, index: int) -> bool:
    """The word follows a comma glued to a lower-case word or a number, inside a
    sentence ("perunggu, Total", "90+12, Lagi-lagi"): a capital there opens no clause."""
    items = line.items
    if index < 2 or items[index - 1].text != "," or items[index - 1].gap:
        return False
    if not items[index].spaced:
        return False
    before = items[index - 2]
    return (before.is_word and before.text.islower()) or before.token.kind is Kind.NUMBER


def _is_exempt(lower: str, exempt: frozenset[str]) -> bool:
    """An exempt word, also with a pronoun clitic (Tuhanmu, Tuhanku)."""
    if lower in exempt:
        return True
    return any(lower.endswith(clitic) and lower[: -len(clitic)] in exempt
               for clitic in ("ku", "mu", "nya"))


def _ends_a_name(items: list[Item], index: int) -> bool:
    """A lower-case function word between capitals before the word: the end of a name
    with a preposition inside ("Forum Koordinasi Pimpinan di Daerah")."""
    return (index > 1 and items[index - 1].text in word_set("function_words")
            and items[index - 2].is_word and items[index - 2].text[:1].isupper())


def _inside_a_title(items: list[Item], index: int) -> bool:
    """A lower-case field head between capitals: "Menteri Koordinator bidang
    Perekonomian" is a title written with one lower-case word."""
    return (index > 1 and items[index - 1].text in word_set("field_heads")
            and items[index - 2].is_word and items[index - 2].text[:1].isupper())


def _lower_word(item: Item | None) -> bool:
    return item is not None and item.is_word and item.spaced and item.text.islower()


def _opens_with_ordinary(line: Line, index: int, exempt: frozenset[str], speller: Speller,
                         lower_words: set[str]) -> bool:
    """The word opens the sentence and is an ordinary word, not a name or an institution
    word ("Ada Sembilan kasus", "Hingga Pukul 10.00"; not "Tim Sembilan")."""
    lower = line.items[index].text.lower()
    return (starts_sentence(line, index) and lower not in exempt
            and _is_ordinary_word(lower, speller, lower_words))


def _name_follows(after: Item | None) -> bool:
    """A capitalised word, a number or a bracket follows after a space."""
    return after is not None and after.spaced and (
        after.text[:1].isupper() or after.text[:1].isdigit() or after.text == "(")


@rule("orthography/abbreviation-case", Severity.WARNING,
      "A time-zone abbreviation after a clock time not written in capitals (wib -> WIB).",
      "pukul 10.00 wib", "pukul 10.00 WIB",
      fixable=True)
def abbreviation_case(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
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
                           f"write {word.upper()} in capitals: it is an abbreviation",
                           doc, item.token.start, item.token.end, word.upper())


_CLOSING_QUOTES = ("”", '"')
MAX_SHORT_FORM = 4  # Inc, Tbk, Ltd, Corp
# What may stand right before a sentence's first word: its end mark, a colon, a quote,
# a bracket.
_AFTER_SENTENCE_END = frozenset([*SENTENCE_ENDS, ":", *OPENERS, *CLOSERS, "..."])


@rule("orthography/attribution-capital", Severity.WARNING,
      "A verb of saying right after a closing quotation written with a capital.",
      "“Kami siap,” Kata Ani.", "“Kami siap,” kata Ani.",
      fixable=True)
def attribution_capital(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
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
                           f"write {right} in lower case: the attribution continues the sentence",
                           doc, item.token.start, item.token.end, right)


def _introduces_a_quote(items: list[Item], index: int) -> bool:
    """A quotation opens after the verb before the sentence ends: 'Kata mereka, "..."'
    attributes the next quotation and opens a sentence of its own."""
    for item in items[index + 1 :]:
        if item.text in ("“", '"') and item.gap:
            return True
        if item.text in (".", "!", "?"):
            return False
    return False


def _followed_by_comma(items: list[Item], index: int) -> bool:
    return index + 1 < len(items) and items[index + 1].text == ","


@rule("orthography/sentence-capital", Severity.WARNING,
      "A sentence or a direct quotation that opens with a lower-case letter.",
      "Harga naik. kami menolak.", "Harga naik. Kami menolak.",
      fixable=True)
def sentence_capital(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    line_list = lines(doc)
    for number, line in enumerate(line_list):
        if line.is_heading:
            continue
        items = line.items
        for index, item in enumerate(items):
            if not _opens_in_lower_case(line, index):
                continue
            if index == 0 and (number == 0 or not line_list[number - 1].ends_sentence):
                continue  # a hard-wrapped paragraph goes on in lower case
            word = item.text
            right = word[:1].upper() + word[1:]
            yield _finding("orthography/sentence-capital", Severity.WARNING,
                           f"write {right} with a capital: a sentence or a quotation opens "
                           "with one",
                           doc, item.token.start, item.token.end, right)


def _opens_in_lower_case(line: Line, index: int) -> bool:
    """The word opens a sentence, or a quotation that opens one or follows a colon, in
    lower case. Not: a split quotation's second half (after a comma), an attribution
    after a closing quote (lancar.” ucapnya), brands and e-forms (iPhone, e-KTP), a
    lower-case title (dr.), or a parenthesis."""
    item = line.items[index]
    word = item.text
    if not item.is_word or not word[:1].islower() or not word.isalpha() and "-" not in word:
        return False
    if index and line.items[index - 1].text not in _AFTER_SENTENCE_END:
        return False  # most words: nothing before them could end a sentence
    if word != word[:1] + word[1:].lower() or word.split("-")[0] in ("e", "x"):
        return False
    if word in word_set("abbreviations_before_name") or not starts_sentence(line, index):
        return False
    before = line.items[index - 1].text if index else ""
    if before in _CLOSING_QUOTES or before == "(" or _after_ellipsis_or_short_form(line, index):
        return False
    if before in ("“", '"') and index >= 2:
        return line.items[index - 2].text[-1:] in tuple(SENTENCE_ENDS + ":")
    return before != ":"


def _after_ellipsis_or_short_form(line: Line, index: int) -> bool:
    """hujan, ya... mandi lumpur: an ellipsis goes on in lower case, and so does a
    sentence after dll. inside it. Group Inc.
    mengatakan, Tbk. menyatakan: a short capitalised word before the full stop is a
    company's abbreviation more often than a sentence's end."""
    text_before = line.text[: line.items[index].token.start - line.start].rstrip()
    if text_before.endswith(("..", "\u2026")):
        return True
    position = index - 1
    while position > 0 and line.items[position].text in (")", "]"):
        position -= 1  # (margarin, sabun, dsb.) tumbuh
    if position >= 1 and line.items[position].text == ".":
        word = line.items[position - 1]
        if word.is_word and word.text.lower() in word_set("abbreviations_final"):
            return True  # pasar seni, dll. tanpa menukar uang: dll. may end a sentence, or not
        return word.is_word and word.text[:1].isupper() and len(word.text) <= MAX_SHORT_FORM
    return False


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    title_capital,
    name_capital,
    common_noun_capital,
    abbreviation_case,
    attribution_capital,
    sentence_capital,
)
