"""Punctuation (EYD V): commas after connectives, numerals opening a sentence, the
full stop of abbreviations and of a quotation with its attribution, dash spacing.

Like the capitalisation rules, these read the text line by line (check/lines.py), so
they work whether a single line break ends a paragraph or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from termbase.check.capitalisation import title_heads
from termbase.check.lines import SENTENCE_ENDS, Line, lines, starts_sentence, word_runs
from termbase.check.rules import Rule, rule
from termbase.check.typography import is_clock_time
from termbase.data import pair_table, word_list, word_set
from termbase.lang.abbreviations import academic_degrees
from termbase.lang.dates import month_numbers
from termbase.lang.morphology import analyses, is_reduplication
from termbase.lang.tokens import Kind
from termbase.model import Edit, Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document


def _insert(name: str, severity: Severity, message: str, doc: Document, start: int, end: int,
            addition: str) -> Finding:
    """A finding on text[start:end] whose fix appends `addition` to it."""
    replacement = doc.text[start:end] + addition
    return Finding(name, severity, message, start, end, doc.text[start:end],
                   [replacement], Edit(start, end, replacement))


# --- comma after a sentence-opening connective --------------------------------------

@cache
def _connectives() -> dict[tuple[str, ...], bool]:
    """Connective words -> True when they can also open a clause (ambiguous)."""
    return {words: kind == "ambiguous" for words, kind in pair_table("connectives").items()}


@cache
def connective_openers() -> frozenset[str]:
    """The first words of the connectives (namun, selain, oleh)."""
    return frozenset(words[0] for words in _connectives())


# Adverbs that continue a connective: the comma comes after them ("Karena itu pula,",
# "Dengan demikian maka,").
_CONTINUING = frozenset({"pula", "pun", "juga", "saja", "lagi", "lah", "maka"})


@rule("orthography/connective-comma", Severity.WARNING,
      "No comma after a connective that opens a sentence (Namun, Oleh karena itu, ...).",
      "Oleh karena itu kami menolak", "Oleh karena itu, kami menolak",
      fixable=True)
def connective_comma(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    table = _connectives()
    longest = max(len(key) for key in table)
    blockers = word_set("connective_blockers")
    for line in lines(doc):
        for index, item in enumerate(line.items):
            if not item.is_word or not starts_sentence(line, index):
                continue
            length, ambiguous = _connective_at(line, index, table, longest)
            if not length or index + length >= len(line.items):
                continue
            after = line.items[index + length]
            first = item.text
            if not after.is_word or not after.spaced or not first[:1].isupper():
                continue
            following = after.text.lower()
            if following in _CONTINUING or (ambiguous and following in blockers):
                continue
            last = line.items[index + length - 1]
            words = doc.text[item.token.start : last.token.end]
            yield _insert("orthography/connective-comma", Severity.WARNING,
                          f"put a comma after the connective: {words},", doc,
                          item.token.start, last.token.end, ",")


def _connective_at(line: Line, index: int, table: dict[tuple[str, ...], bool], longest: int
                   ) -> tuple[int, bool]:
    """(length, ambiguous) of the longest connective opening at the item, or (0, False)."""
    best = (0, False)
    for words in word_runs(line, index, longest):
        if words in table:
            best = (len(words), table[words])
    return best


# --- the closing comma of a name set off after a title ------------------------------

# Marks that end the stretch of text before a comma (a clause, a quotation).
_SEGMENT_ENDS = frozenset({",", ".", ";", ":", "!", "?", "\"", "“", "”", "–", "—"})
_VERB_PREFIXES = frozenset({"meN", "di", "ber", "ter"})
MAX_NAME_WORDS = 5


@rule("orthography/apposition-comma", Severity.WARNING,
      "A name set off by a comma after a title or role lacks its closing comma.",
      "Ketua panitia, Budi Santoso mengatakan", "Ketua panitia, Budi Santoso, mengatakan",
      fixable=True)
def apposition_comma(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for line in lines(doc):
        if line.is_heading:
            continue
        items = line.items
        for index, item in enumerate(items):
            if item.text != "," or not _role_before(line, index):
                continue
            last = _name_run_end(line, index + 1, ctx)
            if last is None or last + 1 >= len(items):
                continue
            verb = items[last + 1]
            if verb.is_word and verb.spaced and _is_prefixed_verb(verb.text, ctx):
                name = items[last]
                yield _insert("orthography/apposition-comma", Severity.WARNING,
                              "put a comma after the name too, to close it off from the "
                              f"title: {doc.text[items[index + 1].token.start : name.token.end]},",
                              doc, name.token.start, name.token.end, ",")


def _role_before(line: Line, comma: int) -> bool:
    """The words since the clause began open with a title or role (Kepala Desa X,
    Warga lainnya,), perhaps after an attribution verb (ujar pimpinan KPK,)."""
    start = comma
    while start > 0 and line.items[start - 1].text not in _SEGMENT_ENDS:
        start -= 1
    words = [item.text.lower() for item in line.items[start:comma] if item.is_word]
    if words and words[0] in word_set("attribution_verbs"):
        words = words[1:]
    return bool(words) and words[0] in _role_words()


@cache
def _role_words() -> frozenset[str]:
    return title_heads() | word_set("role_words")


def _name_run_end(line: Line, first: int, ctx: CheckContext) -> int | None:
    """The index of the last item of a person's name starting at `first` (Budi Santoso,
    H. DEDI JUHAERI, drg. Gunadi, dr. A.A. Ayu Candrawati), or None if none starts
    there. At least one word must be no lower-case dictionary word (a name), and none
    a title or place word (then the comma opened something else)."""
    items = line.items
    index, last = first, None
    words: list[str] = []
    while index < len(items) and len(words) < MAX_NAME_WORDS:
        item = items[index]
        if index > first and not item.spaced and item.text != ".":
            break
        if item.text == "." and last == index - 1 and len(items[last].text) <= 3:
            last = index  # an initial's or a title's full stop: H., dr.
        elif item.is_word and (item.text[:1].isupper() or (
                not words and item.text in word_set("abbreviations_before_name"))):
            words.append(item.text)
            last = index
        else:
            break
        index += 1
    if last is None or not words:
        return None
    lowered = [word.lower() for word in words]
    places = word_set("place_time_words") | word_set("administrative_heads")
    if any(word in _role_words() or word in places for word in lowered):
        return None
    if all(ctx.speller.in_dictionary(word) for word in lowered if len(word) > 3):
        return None
    return last


def _is_prefixed_verb(text: str, ctx: CheckContext) -> bool:
    """A lower-case verb built with meN-, di-, ber- or ter- on a dictionary root:
    mengatakan, didampingi, bersama."""
    if not text.isalpha() or not text.islower() or not ctx.speller.is_correct(text):
        return False
    return any(analysis.outer in _VERB_PREFIXES and ctx.speller.in_dictionary(analysis.root)
               for analysis in analyses(text))


# --- a sentence opening with a numeral ----------------------------------------------

@cache
def _numerals() -> dict[str, str]:
    """'21'-style keys to words, and 'x10', 'x11-19', 'x100' to the words for tens,
    teens and hundreds (data/numerals.txt lists those as 'puluh x10')."""
    table = {}
    for entry in word_list("numerals"):
        key, value = entry.split(maxsplit=1)
        if value.startswith("x"):
            table[value] = key
        else:
            table[key] = value
    return table


def spell_number(number: int) -> str | None:
    """1..999 in Indonesian words (21 -> 'dua puluh satu'), None outside that range."""
    words = _numerals()
    if not 0 < number < 1000:
        return None
    parts = []
    hundreds, rest = divmod(number, 100)
    if hundreds:
        parts.append(words["100"] if hundreds == 1
                     else f"{words[str(hundreds)]} {words['x100']}")
    if rest in (10, 11):
        parts.append(words[str(rest)])
    elif 12 <= rest <= 19:
        parts.append(f"{words[str(rest - 10)]} {words['x11-19']}")
    elif rest:
        tens, units = divmod(rest, 10)
        if tens:
            parts.append(f"{words[str(tens)]} {words['x10']}")
        if units:
            parts.append(words[str(units)])
    return " ".join(parts)


@rule("orthography/numeral-opener", Severity.WARNING,
      "A sentence that opens with a number in digits.",
      "Banjir melanda. 21 kabupaten terdampak",
      "Banjir melanda. Dua puluh satu kabupaten terdampak",
      fixable=True)
def numeral_opener(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    months = month_numbers()
    for line in lines(doc):
        # A title, a caption or a dateline is not a sentence of the text.
        if not line.ends_sentence:
            continue
        for index, item in enumerate(line.items):
            if item.token.kind is not Kind.NUMBER or not starts_sentence(line, index):
                continue
            if not item.text.isdigit():
                continue  # dates (14/9/2022), times (10.00) and decimals head datelines
            after = line.items[index + 1] if index + 1 < len(line.items) else None
            if after is None or not after.spaced or not after.is_word:
                continue  # list items (1. / 1)), ranges (2010-2013), "2024:"
            if after.text.lower() in months:
                continue  # "14 September 2022 —" dateline
            spelled = spell_number(int(item.text))
            suggestion = (spelled[:1].upper() + spelled[1:]) if spelled else (
                "(write the number in words or rephrase)")
            yield Finding("orthography/numeral-opener", Severity.WARNING,
                          "write the number in words or rephrase: a sentence does not open "
                          "with digits", item.token.start, item.token.end, item.text,
                          [suggestion], None)


# --- abbreviations that take a full stop --------------------------------------------

@rule("orthography/abbreviation-period", Severity.WARNING,
      "An abbreviation that takes a full stop (dll., dkk., dsb., tsb.) written without it.",
      "buku, pena, dll dibagikan", "buku, pena, dll. dibagikan",
      fixable=True)
def abbreviation_period(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    abbreviations = word_set("abbreviations_period")
    before_name = word_set("abbreviations_before_name")
    text = doc.text
    for line in lines(doc):
        for index, item in enumerate(line.items):
            word = item.text
            if word in before_name and _before_a_name(line, index) and (
                text[item.token.end : item.token.end + 1] != "."
            ):
                yield _insert("orthography/abbreviation-period", Severity.WARNING,
                              f"write {word}. with a full stop: it abbreviates a title",
                              doc, item.token.start, item.token.end, ".")
                continue
            if not item.is_word or word.lower() not in abbreviations or word.isupper():
                continue
            if word != word.lower() and word[1:] != word[1:].lower():
                continue
            start, end = item.token.start, item.token.end
            if text[end : end + 1] == "." or text[start - 1 : start] in ("." , "/", "@", "_"):
                continue  # has its stop; or part of a file or domain name (kernel.dll)
            yield _insert("orthography/abbreviation-period", Severity.WARNING,
                          f"write {word}. with a full stop: it is an abbreviation",
                          doc, start, end, ".")
        yield from _unstopped_degrees(doc, line)


# A run of capitals and letters with inner full stops, standing alone: SE, MKes, A.Md,
# S.Sos. A trailing full stop is taken too, so that "M.Kes." is read whole.
_DEGREE_SHAPE = re.compile(r"(?<![\w.])[A-Z][A-Za-z]*(?:\.[A-Za-z]+)*\.?(?![\w])")
# The word and comma before a degree: a name ("Dadang Hariono, SE") or another degree
# ("S.E., MM", "SH, MH").
_WORD_COMMA = re.compile(r"([A-Za-z.]+),\s$")
WORD_COMMA_REACH = 100  # longer than any name or degree


def _after_name_or_degree(before: str) -> bool:
    """The text before a degree ends in a name and a comma, or in a degree that does
    ("Hariono, SE, MM"); initials in a list ("AS, MH, dan RT") do not."""
    # Only the end of the text can match: searching all of a long one from every
    # letter would take the square of its length.
    offset = max(0, len(before) - WORD_COMMA_REACH)
    match = _WORD_COMMA.search(before, offset)
    if match is None:
        return False
    word = match.group(1)
    if re.fullmatch(r"[A-Z][a-z]{2,}", word):
        return True
    return word.replace(".", "") in academic_degrees() and _after_name_or_degree(
        before[: match.start()])


def _after_word_of_a_name(before: str) -> bool:
    match = re.search(r"([A-Za-z.]+),?\s$", before)
    return match is not None and (re.fullmatch(r"[A-Z][a-z]{2,}", match.group(1)) is not None
                                  or match.group(1).replace(".", "") in academic_degrees())


def _unstopped_degrees(doc: Document, line: Line) -> Iterator[Finding]:
    """Academic degrees written without their full stops after a name: "Hariono, SE,"
    -> S.E., "Purnama MKes" -> M.Kes., "Mustika, A.Md turun" -> A.Md."""
    degrees = academic_degrees()
    text = doc.text
    for match in _DEGREE_SHAPE.finditer(text, line.start, line.end):
        written = match.group()
        if written.endswith(".") and "." not in written[:-1]:
            written = written[:-1]  # "Hariono, SE." ends a sentence
        degree = degrees.get(written.replace(".", ""))
        if degree is None or written == degree.standard:
            continue  # not a degree, or written with all its stops
        before = text[max(line.start, match.start() - 80) : match.start()]
        after = text[match.start() + len(written) : line.end]
        if "." in written:
            if not degree.standard.startswith(written) or after[:1] == "." or (
                    re.match(r"\s[A-Z]", after)):
                continue  # S.H Siregar: initials before a name
        elif written.isupper():
            # SE (surat edaran), MH (initials): only after a name and its comma, and
            # before a comma or the end of the sentence ("Hariono, SE, petugas ...":
            # "Kemenkes, SE itu" is a circular).
            if degree.capitals_ambiguous or not _after_name_or_degree(before) or (
                    after[:1] not in ("", ",", ".")):
                continue
        elif not _after_word_of_a_name(before):
            continue  # MKes after a name or a degree: "Dewi MKes", "Dewi SKM, MKes"
        start = match.start()
        end = start + len(written)
        yield Finding("orthography/abbreviation-period", Severity.WARNING,
                      f"write {degree.standard} with its full stops: it is an academic degree",
                      start, end, written, [degree.standard],
                      Edit(start, end, degree.standard))


_SYMBOL_STOP = re.compile(r"\b([^\W\d_]+)\.(?=\s?\d)")


@rule("orthography/symbol-period", Severity.WARNING,
      "A currency or measure symbol written with a full stop before its amount.",
      "sebesar Rp. 2 juta", "sebesar Rp 2 juta",
      fixable=True)
def symbol_period(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    symbols = word_set("symbols_no_period")
    for line in lines(doc):
        for match in _SYMBOL_STOP.finditer(doc.text, line.start, line.end):
            if match.group(1) in symbols:
                stop = match.end(1)
                yield Finding("orthography/symbol-period", Severity.WARNING,
                              f"delete the full stop after {match.group(1)}: it is a symbol",
                              match.start(), stop + 1, doc.text[match.start() : stop + 1],
                              [match.group(1)], Edit(stop, stop + 1, ""))


_COLON_TIME = re.compile(r"(?<![\w.,:])(\d{1,2}):(\d{2})(?![\w:]|[.,]\d)")


@rule("orthography/time-separator", Severity.WARNING,
      "A clock time written with a colon: EYD V separates hours and minutes with a full stop.",
      "pukul 13:41 WIB", "pukul 13.41 WIB",
      fixable=True)
def time_separator(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    text = doc.text
    for line in lines(doc):
        for match in _COLON_TIME.finditer(text, line.start, line.end):
            if int(match.group(1)) > 24 or int(match.group(2)) > 59:
                continue
            # Only a clock word makes it a time (skor 2:1 is a score).
            if not is_clock_time(text, match.start(), match.end(), line.start, line.end):
                continue
            right = f"{match.group(1)}.{match.group(2)}"
            yield Finding("orthography/time-separator", Severity.WARNING,
                          f"write {right}: hours and minutes are separated by a full stop",
                          match.start(), match.end(), match.group(), [right],
                          Edit(match.start(), match.end(), right))


def _before_a_name(line: Line, index: int) -> bool:
    """A capitalised word follows after one space: "dr Fauzan"."""
    if index + 1 >= len(line.items):
        return False
    after = line.items[index + 1]
    return after.is_word and after.spaced and after.text[:1].isupper()


# --- an ellipsis has three dots ---------------------------------------------------------

# Two dots after a letter, then no third dot, word character or slash (../ is a path).
_TWO_DOTS = re.compile(r"(?<=[^\W\d_])\.\.(?![.\w/])")


@rule("orthography/ellipsis", Severity.WARNING,
      "An ellipsis written with two dots.", "Sstt.. harga naik", "Sstt... harga naik",
      fixable=True)
def ellipsis(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for line in lines(doc):
        for match in _TWO_DOTS.finditer(doc.text, line.start, line.end):
            start, end = match.span()
            if doc.text[end:line.end].strip(" \"”’'"):
                yield Finding("orthography/ellipsis", Severity.WARNING,
                              "write three dots: an ellipsis has three (EYD V)", start, end, "..",
                              ["..."], Edit(start, end, "..."))
            else:  # at the paragraph's end a doubled full stop is as likely
                yield Finding("orthography/ellipsis", Severity.WARNING,
                              "write one dot for a full stop or three for an ellipsis (EYD V)",
                              start, end, "..", [".", "..."], None)


# --- a quotation with its attribution still ends with a full stop --------------------

_QUOTE_END = re.compile(r"[,!?]\s?[”\"]")
_OPEN_QUOTE_CAPITAL = re.compile(r"\s[“\"][^\W\d_a-z]")
_SAYING_MAX_WORDS = 12


@rule("orthography/quote-period", Severity.WARNING,
      "A quotation with its attribution (“...,” kata Ani) not closed by a full stop.",
      "“Kami siap,” kata Ani “Besok kami berangkat.”",
      "“Kami siap,” kata Ani. “Besok kami berangkat.”",
      fixable=True)
def quote_period(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for line in lines(doc):
        for start, end in _attributions(line):
            word_start = end
            while word_start > start and not doc.text[word_start - 1].isspace():
                word_start -= 1
            yield _insert("orthography/quote-period", Severity.WARNING,
                          "end the sentence with a full stop: it holds the quotation and "
                          "its attribution", doc, word_start, end, ".")


def _attributions(line: Line) -> Iterator[tuple[int, int]]:
    """Spans (start, end) of attributions after a closing quote that end the line or
    run into a new quotation opening with a capital, with no full stop of their own."""
    text, offset = line.text, line.start
    for match in _QUOTE_END.finditer(text):
        if text[match.end() : match.end() + 1] != " ":
            continue
        tail_start = match.end() + 1
        following = _OPEN_QUOTE_CAPITAL.search(text, tail_start)
        if following:
            tail_end = following.start()
        else:
            tail_end = len(text.rstrip())
            if '"' in text[tail_start:tail_end] or "“" in text[tail_start:tail_end]:
                continue
        tail = text[tail_start:tail_end].rstrip()
        if not tail or not tail[:1].isalpha() or not (tail[-1].isalnum() or tail[-1] == ")"):
            continue  # ends with its own mark (. , : ;) or is no attribution
        if len(tail.split()) > _SAYING_MAX_WORDS or any(ch in tail for ch in "”\""):
            continue
        if any(mark in tail for mark in SENTENCE_ENDS):
            continue  # a full stop already closed it (then another sentence follows)
        end = tail_start + len(tail)
        yield offset + tail_start, offset + end


# --- spacing around dashes and hyphens ----------------------------------------------

# A dash or hyphen with a space on one side only, between two words or numbers.
_LOPSIDED = re.compile(
    r"(?P<left>[^\W_]|[)])(?:(?P<glued_left>[-–—])[ \t\u00a0](?=[^\W_])"
    r"|[ \t\u00a0](?P<glued_right>[-–—])(?=[^\W_]))"
)
_DASHES = "–—"


@rule("typography/dash-spacing", Severity.WARNING,
      "A dash or hyphen between words with a space on one side only.",
      "rute Pekanbaru- Petapahan", "rute Pekanbaru-Petapahan",
      fixable=True)
def dash_spacing(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    text = doc.text
    function_words = word_set("function_words")
    for line in lines(doc):
        for match in _LOPSIDED.finditer(text, line.start, line.end):
            finding = _dash_finding(doc, line, match, function_words)
            if finding:
                yield finding


def _chunk_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The non-space run ending at start and the one starting at end."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    return text[left:start], text[end:right]


def _dash_finding(doc: Document, line: Line, match: re.Match[str], function_words: frozenset[str]
                  ) -> Finding | None:
    text = doc.text
    dash = match.group("glued_left") or match.group("glued_right")
    span_start = match.start() + 1
    span_end = match.end()
    left_word, right_word = _chunk_around(text, span_start, span_end)
    if left_word.lower().startswith(("http", "www")) or not right_word:
        return None
    if dash == "-":
        right_head = re.match(r"[^\W_]+", right_word)
        right_text = right_head.group() if right_head else ""
        left_tail = re.search(r"[^\W_]+$", left_word)
        left_text = left_tail.group() if left_tail else ""
        if is_reduplication(f"{left_text}-{right_text}"):
            return None  # typography/spaced-hyphen reports it
        if right_text.lower() in function_words or right_text.lower() in ("hingga", "sampai"):
            return None  # "pra- dan pascapanen": a suspended compound
        if match.group("glued_right") and left_text.isalpha() != right_text.isalpha():
            return None  # "suhu -5": a minus sign
        # "JAKARTA- Presiden": after a dateline the hyphen stands for a dash.
        dateline = _is_dateline(line, span_start) or left_word.endswith(")")
        replacement = " - " if dateline else "-"
    else:
        digits = left_word[-1:].isdigit() and right_word[:1].isdigit()
        replacement = dash if digits else f" {dash} "
    if doc.text[span_start:span_end] == replacement:
        return None
    kind = "dash" if dash in _DASHES else "hyphen"
    return Finding("typography/dash-spacing", Severity.WARNING,
                   f"{_dash_fix(kind, replacement)}: it has a space on one side only",
                   span_start, span_end,
                   text[span_start:span_end], [replacement],
                   Edit(span_start, span_end, replacement))


def _dash_fix(kind: str, replacement: str) -> str:
    if replacement.startswith(" "):
        return f"put a space on both sides of the {kind}"
    return f"delete the space beside the {kind}"


def _is_dateline(line: Line, position: int) -> bool:
    """The dash closes the dateline that opens the line: at most four words before it,
    no earlier dash, and the shape of a dateline: a place in capitals (JAKARTA-), an
    outlet in brackets or a comma (MEDAN (Antara)-, Liputan6.com, Jakarta-)."""
    head = line.text[: position - line.start].strip()
    if len(head.split()) > 4 or any(d in head for d in "-–—"):
        return False
    letters = [ch for ch in head if ch.isalpha()]
    return (bool(letters) and all(ch.isupper() for ch in letters)) or any(
        mark in head for mark in ",)")


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    connective_comma,
    apposition_comma,
    numeral_opener,
    abbreviation_period,
    symbol_period,
    time_separator,
    ellipsis,
    quote_period,
    dash_spacing,
)
