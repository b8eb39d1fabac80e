"""Typography: spaces, punctuation, quotes, brackets, reduplication hyphens, repeats."""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from termbase.check.document import per_document
from termbase.check.rules import Rule, rule
from termbase.data import word_list
from termbase.lang.abbreviations import is_degree
from termbase.lang.morphology import is_reduplication
from termbase.lang.tokens import Kind, Token
from termbase.model import Edit, Finding, Severity

if TYPE_CHECKING:
    from termbase.check.context import CheckContext
    from termbase.check.document import Document

# Horizontal white space: space, tab, no-break spaces, thin spaces.
_H = r"[ \t\u00a0\u202f\u2009\u2007]"
_DOUBLE_SPACE = re.compile(rf"(?<=\S){_H}{{2,}}(?=\S)")
_SPACE_BEFORE_PUNCT = re.compile(rf"(?<=[^\W_]|[”’)\]]){_H}+([,.;:!?])(?![.\d])")
# "kata,lalu" or "pergi.Dia"; a period before a lower-case letter is a domain name
# (detik.com) and one between single letters an abbreviation (S.H.).
_MISSING_SPACE = re.compile(r"(?<=[^\W\d_]{2})(?:[,;!?](?=[^\W\d_])|\.(?=[^\W\d_a-z][^\W\d_A-Z]))")
# A closing bracket or quote glued to the next word: "(19/6)saat", "“Ya,”katanya".
_GLUED_AFTER_CLOSER = re.compile(r"[)\]”](?=[^\W\d_]{2})")
# Bracketed word parts are not closers before a word: "(s)he", "(nya)".
_BRACKETED_PART = re.compile(r"[(\[][a-z]{1,3}[)\]]$")
# A word of three letters or more glued to an opening bracket whose content opens with a
# capital or a digit and which closes before a space, punctuation or the line's end:
# "Selasa(15/11)", "Kirana(PDIP)", "JAKARTA[Kampusnesia]". Lower-case contents are word
# parts or code (mitra(-mitra), buku(nya), fungsi(x)); two letters are a chemical
# symbol (Ca(OH)2, Fe(III)); a digit or letter after the closer a formula.
_GLUED_OPENING_BRACKET = re.compile(
    r"(?<![\w.@#/$-])[^\W\d_]{3,}([(\[])(?=[A-Z\d][^()\[\]\n]{0,60}[)\]](?![\w(\[]))")
# A capital initial glued to a name: "M.Ali", "H.Sutrisno" (EYD V: M. Ali). The name is
# a capital and three lower-case letters or more, not an academic title (S.Kom, M.Kes).
_GLUED_INITIAL = re.compile(r"(?<![\w.])([A-Z])\.(?=[A-Z][a-z]{2,}(?!\w))")
_OPENING_SPACE = re.compile(rf"([“‘(\[]){_H}+")
# A ” with a word straight after it opens a quotation (”Kami siap.”, a house style).
_CLOSING_SPACE = re.compile(rf"(?<=\S)({_H}+)([)\]]|”(?![^\W_]))")
# A hyphen with a space on either side, or an en or em dash standing for it with spaces
# on both (sungai – sungai): only reduplications are reported.
# The look-behind starts a match only at a word's first letter (not again at every
# letter of it): three times faster on a megabyte, the same matches.
_SPACED_HYPHEN = re.compile(
    rf"(?<![^\W\d_])([^\W\d_]+)({_H}+-{_H}*|-{_H}+|{_H}+[–—]{_H}+)([^\W\d_]+)")
_PAIRS = {"(": ")", "[": "]", "“": "”"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
# A sentence end glued to a quotation mark and a word: 'lengkap."Mereka', 'data.“Sesuai'.
# Two letters before the mark keep initials (U.S."), decimals and single letters out.
_MARK_BEFORE_QUOTE = re.compile(r"(?<=[^\W\d_]{2})([.,:;!?])(?=[\"“”][^\W\d_])")
# A space before a quote after sentence punctuation, a lower-case word after the quote:
# 'siap, "ujar Ani' (the quote glued to the word) or 'siap, " ujar Ani'.
_SPACE_BEFORE_QUOTE = re.compile(rf"(?<=[,.!?])({_H}+)([\"”])({_H}*)(?=[^\W\d_A-Z])")


def _finding(name: str, severity: Severity, message: str, start: int, end: int, doc: Document,
             suggestion: str) -> Finding:
    return Finding(name, severity, message, start, end, doc.text[start:end],
                   [suggestion] if suggestion else [], Edit(start, end, suggestion))


def _line_spans(doc: Document) -> Iterator[tuple[int, int]]:
    for paragraph in doc.paragraphs:
        yield paragraph.start, paragraph.end


@rule("typography/double-space", Severity.WARNING,
      "Two or more spaces (including no-break spaces) between words.",
      "dan  pertukaran", "dan pertukaran",
      fixable=True)
def double_space(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for start, end in _line_spans(doc):
        for match in _DOUBLE_SPACE.finditer(doc.text, start, end):
            yield _finding("typography/double-space", Severity.WARNING,
                           "delete the extra space between words", match.start(), match.end(),
                           doc, " ")


@rule("typography/space-before-punctuation", Severity.WARNING,
      "A space before , . ; : ! ?", "Nugroho , mengatakan", "Nugroho, mengatakan",
      fixable=True)
def space_before_punctuation(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for start, end in _line_spans(doc):
        for match in _SPACE_BEFORE_PUNCT.finditer(doc.text, start, end):
            mark = match.group(1)
            yield _finding("typography/space-before-punctuation", Severity.WARNING,
                           f"delete the space before {mark!r}", match.start(), match.end(), doc,
                           mark)


@rule("typography/missing-space", Severity.WARNING,
      "No space after sentence punctuation between two words.",
      "kata Ani,lalu pergi", "kata Ani, lalu pergi",
      fixable=True)
def missing_space(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for sentence in doc.sentences():
        for token in sentence.tokens:
            if token.kind is not Kind.PUNCT:
                continue
            match = _MISSING_SPACE.match(doc.text, token.start) or _glued_closer(doc, token)
            if match and match.end() == token.end:
                mark = token.text
                yield _finding("typography/missing-space", Severity.WARNING,
                               f"add a space after {mark!r}", token.start, token.end, doc,
                               mark + " ")
    for start, end in _line_spans(doc):
        yield from _glued_opening_quotes(doc, start, end)
        yield from _glued_currency_signs(doc, start, end)
        yield from _glued_scale_words(doc, start, end)
        yield from _glued_opening_brackets(doc, start, end)
        yield from _glued_initials(doc, start, end)


def _glued_opening_brackets(doc: Document, start: int, end: int) -> Iterator[Finding]:
    """'Selasa(15/11)', 'Daerah(Perda)': a word glued to the bracket after it."""
    for match in _GLUED_OPENING_BRACKET.finditer(doc.text, start, end):
        if _in_address(doc, match.start()):
            continue
        bracket = match.group(1)
        yield _finding("typography/missing-space", Severity.WARNING,
                       f"add a space before {bracket!r}", match.start(1), match.end(1), doc,
                       " " + bracket)


def _glued_initials(doc: Document, start: int, end: int) -> Iterator[Finding]:
    """'M.Ali': an initial's full stop glued to the name after it."""
    for match in _GLUED_INITIAL.finditer(doc.text, start, end):
        letters = re.match(r"[^\W\d_]+", doc.text[match.end():end])
        assert letters is not None  # the lookahead saw a capital and two letters
        name = letters.group()
        if is_degree(f"{match.group(1)}.{name}") or _in_address(doc, match.start()):
            continue
        stop = match.end() - 1
        yield _finding("typography/missing-space", Severity.WARNING,
                       "add a space after the initial's full stop", stop, stop + 1, doc, ". ")


def _glued_opening_quotes(doc: Document, start: int, end: int) -> Iterator[Finding]:
    """'lengkap."Mereka': the quote opens the next quotation, so the sentence end
    before it wants a space. A quote that closes ('“Siap."Ujar') is not this case."""
    for match in _MARK_BEFORE_QUOTE.finditer(doc.text, start, end):
        closing = _line_closing_quotes(doc, start, end)
        quote_at = match.end() - start
        # A “ always opens; a straight quote only by a count that pairs up.
        if doc.text[match.end()] != "“" and (closing is None or quote_at in closing):
            continue
        mark = match.group(1)
        yield _finding("typography/missing-space", Severity.WARNING,
                       f"add a space after {mark!r}, before the opening quotation mark",
                       match.start(), match.end(), doc, mark + " ")


def _currency_alternation() -> str:
    return "|".join(re.escape(sign) for sign in
                    sorted(word_list("currency_signs"), key=len, reverse=True))


@cache
def _glued_currency_pattern() -> re.Pattern[str]:
    signs = _currency_alternation()
    # A word ending in two lower-case letters, a sign, then an amount: "sebesarRp 14.400".
    return re.compile(rf"(?<![^\W\d_])([^\W\d_]*?[a-z]{{2}})({signs})(?=\.?{_H}?\d)")


def _glued_currency_signs(doc: Document, start: int, end: int) -> Iterator[Finding]:
    for match in _glued_currency_pattern().finditer(doc.text, start, end):
        if _in_address(doc, match.start()):
            continue
        word, sign = match.groups()
        yield _finding("typography/missing-space", Severity.WARNING,
                       f"add a space between {word!r} and the currency sign {sign!r}",
                       match.start(), match.end(), doc, f"{word} {sign}")


@cache
def _glued_scale_pattern() -> re.Pattern[str]:
    # Scale and percent words of number_words.txt written out (juta, miliar, persen,
    # million); short abbreviations (bn, mn, pct) are glued by English house style.
    words = sorted((entry.split()[0] for entry in word_list("number_words")
                    if entry.split()[1][:1] in "x%" and len(entry.split()[0]) >= 4
                    and "_" not in entry), key=len, reverse=True)
    alternation = "|".join(words)
    # An amount may open with a currency sign (Rp2triliun); a hashtag or a handle is a name.
    return re.compile(rf"(?<![\w#@$])(?:{_currency_alternation()})?\d+(?:[.,]\d+)*"
                      rf"((?:{alternation}))(?![^\W\d_])", re.IGNORECASE)


def _glued_scale_words(doc: Document, start: int, end: int) -> Iterator[Finding]:
    """'US$13,51miliar', '20persen': a number glued to a scale word."""
    for match in _glued_scale_pattern().finditer(doc.text, start, end):
        if _in_address(doc, match.start()):
            continue
        number = doc.text[match.start() : match.start(1)]
        yield _finding("typography/missing-space", Severity.WARNING,
                       f"add a space between the number and {match.group(1)!r}",
                       match.start(), match.end(), doc, f"{number} {match.group(1)}")


@per_document
def _token_starts(doc: Document) -> list[int]:
    return [token.start for token in doc.tokens()]


def _in_address(doc: Document, offset: int) -> bool:
    """Whether the offset is inside a URL or an email address: the token holding it
    found by bisection (tokens are in text order), not by reading them all for each
    glued mark, which was time in their number squared."""
    tokens = doc.tokens()
    index = bisect.bisect_right(_token_starts(doc), offset) - 1
    return index >= 0 and offset < tokens[index].end and tokens[index].kind in (
        Kind.URL, Kind.EMAIL)


def _glued_closer(doc: Document, token: Token) -> re.Match[str] | None:
    match = _GLUED_AFTER_CLOSER.match(doc.text, token.start)
    before = doc.text[token.start - 1] if token.start else " "
    if before.isspace() or before in "(“[":
        return None  # ” opening a quotation, as some outlets write it: ”Kami siap.”
    if match and _BRACKETED_PART.search(doc.text, max(0, token.start - 4), token.end):
        return None
    return match


@rule("typography/space-inside-quotes", Severity.WARNING,
      "A space just inside quotation marks or brackets.",
      "berjudul “ Dialog Seribu Tahun”", "berjudul “Dialog Seribu Tahun”",
      fixable=True)
def space_inside_quotes(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for start, end in _line_spans(doc):
        for match in _OPENING_SPACE.finditer(doc.text, start, end):
            yield _finding("typography/space-inside-quotes", Severity.WARNING,
                           f"delete the space after the opening {match.group(1)!r}",
                           match.start(), match.end(), doc, match.group(1))
        for match in _CLOSING_SPACE.finditer(doc.text, start, end):
            yield _finding("typography/space-inside-quotes", Severity.WARNING,
                           f"delete the space before the closing {match.group(2)!r}",
                           match.start(), match.end(), doc, match.group(2))
        yield from _spaced_closing_quotes(doc, start, end)


def _spaced_closing_quotes(doc: Document, start: int, end: int) -> Iterator[Finding]:
    """'siap, "ujar Ani': the quote closes the quotation (counted from the paragraph's
    start) and a lower-case word follows, so the space belongs after it. A ” with a
    space after it is left to _CLOSING_SPACE."""
    for match in _SPACE_BEFORE_QUOTE.finditer(doc.text, start, end):
        closing = _line_closing_quotes(doc, start, end)
        if closing is None:
            return
        quote, space_after = match.group(2), match.group(3)
        if match.start(2) - start not in closing or (quote == "”" and space_after):
            continue
        replacement = quote if space_after else quote + " "
        yield _finding("typography/space-inside-quotes", Severity.WARNING,
                       f"delete the space before the closing {quote!r}", match.start(1),
                       match.end(2), doc, replacement)


@rule("typography/unbalanced", Severity.WARNING,
      "An opening quotation mark or bracket without its closing partner, or the reverse.",
      "(Kemendag mencatat", "(Kemendag) mencatat",
      fixable=True)
def unbalanced(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    paragraphs = doc.paragraphs
    per_paragraph = []
    for number, paragraph in enumerate(paragraphs):
        text = doc.text[paragraph.start : paragraph.end]
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        continues_quote = following is not None and doc.text[following.start] in "“”\""
        per_paragraph.append(_unbalanced_in(paragraph.start, text, continues_quote))
    for mark in _without_broken_lines(per_paragraph, doc.text):
        yield _unbalanced_finding(mark)


# A mark found unbalanced: (what is wrong, its offset, the mark). Findings are built only
# as they are yielded: a paragraph of half a million marks holds tuples, not findings.
_CLOSING, _OPEN, _ODD = "closing", "open", "odd"


def _unbalanced_finding(mark: tuple[str, int, str]) -> Finding:
    kind, start, written = mark
    if kind == _CLOSING:
        message = (f"add the opening {_CLOSERS[written]!r} for this closing {written!r}, or "
                   "delete it")
    elif kind == _OPEN:
        message = f"close {written!r}, or delete it: it {_NEVER_CLOSED}"
    else:
        message = 'pair the straight quotes ("): this paragraph has an odd number of them'
    return Finding("typography/unbalanced", Severity.WARNING, message, start, start + 1,
                   written)


@dataclass
class _Marks:
    """A paragraph's unbalanced marks. Those left open are offsets in an array (a
    paragraph of half a million open quotation marks holds 8 bytes for each)."""

    closing: list[tuple[int, str]]  # (offset, mark) of closing marks without an opening
    left_open: array  # offsets of the opening marks never closed, in order
    odd: int | None  # offset of the last straight quote, when their number is odd


def _without_broken_lines(per_paragraph: list[_Marks], text: str
                          ) -> Iterator[tuple[str, int, str]]:
    """Some pages break lines inside a sentence: a mark left open at the end of one
    paragraph and closed in the next belongs to one quotation or bracket. Each
    paragraph's stray closing marks wait in queues by mark, so pairing takes one step
    however many there are (a line of a thousand brackets once compared every pair)."""
    strays = [_stray_closers(marks) for marks in per_paragraph]
    paired: set[int] = set()  # offsets of the marks a broken line explains
    for number, marks in enumerate(per_paragraph):
        for start in marks.left_open:
            closer = _PAIRS.get(_opening(text[start]))
            if closer is None:  # no queue waits for it
                continue
            for following in strays[number + 1 : number + 1 + BROKEN_LINES]:
                waiting = following.get(closer)
                if waiting:
                    paired.update((start, waiting.popleft()))
                    break
        yield from ((_CLOSING, start, mark) for start, mark in marks.closing
                    if start not in paired)
        yield from ((_OPEN, start, text[start]) for start in marks.left_open
                    if start not in paired)
        if marks.odd is not None:
            yield _ODD, marks.odd, '"'


def _stray_closers(marks: _Marks) -> dict[str, deque[int]]:
    """The offsets of a paragraph's closing marks without an opening, by mark, in order."""
    strays: dict[str, deque[int]] = defaultdict(deque)
    for start, mark in marks.closing:
        strays[mark].append(start)
    return strays


_NEVER_CLOSED = "is never closed in this paragraph"
BROKEN_LINES = 3  # how many lines a broken quotation or bracket may run on


def _opening(mark: str) -> str:
    return "“" if mark == "”" else mark


@per_document
def _walked_lines(doc: Document) -> dict[int, set[int] | None]:
    """The lines whose closing quotes have been asked for, by their start."""
    return {}


def _line_closing_quotes(doc: Document, start: int, end: int) -> set[int] | None:
    """_closing_quotes of one line, walked once for the two rules that ask, and only for
    a line where one of them has found a quotation mark to judge."""
    walked = _walked_lines(doc)
    if start not in walked:
        walked[start] = _closing_quotes(doc.text[start:end])
    return walked[start]


def _closing_quotes(text: str) -> set[int] | None:
    """Indexes of the double quotation marks of one paragraph that close a quotation,
    walking it from the start: a straight quote closes when a quotation is open, a
    “ always opens, a ” opens only at the start of a word when none is open. None when
    the paragraph's quotes do not pair up: a quotation running in from the previous
    line, or a missing mark, would make every count after it wrong."""
    closing: set[int] = set()
    is_open = False
    for index, ch in enumerate(text):
        if ch == "“":
            is_open = True
        elif ch == '"' or ch == "”":
            if is_open:
                closing.add(index)
                is_open = False
            elif ch == '"' or _opens_quotation(text, index):
                is_open = True
            else:
                closing.add(index)  # a stray ”: still a closing mark
    return None if is_open else closing


def _straight_closing_curly(text: str) -> set[int]:
    """Indexes of the straight quotes that close a “ opened before them with no quote
    in between (“...": mixed quotes, one quotation); one walk over the paragraph."""
    closing: set[int] = set()
    curly_open = False  # a “ seen, and no quote after it yet
    for index, ch in enumerate(text):
        if ch == "“":
            curly_open = True
        elif ch in '"”':
            if ch == '"' and curly_open:
                closing.add(index)
            curly_open = False
    return closing


def _opens_quotation(text: str, index: int) -> bool:
    """A ” at the start of a word (after a space, a line start or a bracket), a word
    straight after it."""
    before = text[index - 1] if index else " "
    after = text[index + 1 : index + 2]
    return (before.isspace() or before in "([") and after.isalnum()


def _opener_at(text: str, index: int) -> str:
    """The opening mark a stacked index stands for: a ” is stacked only as a “."""
    return "“" if text[index] == "”" else text[index]


def _unbalanced_in(offset: int, text: str, continues_quote: bool) -> _Marks:
    closers = _CLOSERS
    stack = array("q")  # indexes of the marks still open
    closing: list[tuple[int, str]] = []
    open_straight: int | None = None  # a straight quote that opened a quotation
    closed_by_curly: set[int] = set()
    for index, ch in enumerate(text):
        curly_open = bool(stack) and _opener_at(text, stack[-1]) == "“"
        if ch == "”" and _opens_quotation(text, index) and not curly_open:
            ch = "“"  # some outlets open quotations with ”: ”Kami siap,” katanya.
        if ch == '"' and curly_open:
            stack.pop()  # “...": mixed quotes, but one quotation
            continue
        if ch == '"':
            open_straight = index if open_straight is None else None
        if ch == "”" and open_straight is not None and not curly_open:
            closed_by_curly.add(open_straight)  # "...”: mixed quotes, but one quotation
            open_straight = None
            continue
        if ch in _PAIRS:
            stack.append(index)
        elif ch in closers:
            if stack and _opener_at(text, stack[-1]) == closers[ch]:
                stack.pop()
            else:
                closing.append((offset + index, ch))
    # News convention: a quotation running over paragraphs leaves each one open and
    # reopens the next with “.
    left_open = array("q", (offset + index for index in stack
                            if not (continues_quote and _opener_at(text, index) == "“")))
    closes_curly = _straight_closing_curly(text)
    straight = [i for i, ch in enumerate(text) if ch == '"' and i not in closes_curly
                and i not in closed_by_curly]
    odd = offset + straight[-1] if len(straight) % 2 and not continues_quote else None
    return _Marks(closing, left_open, odd)


@rule("typography/spaced-hyphen", Severity.WARNING,
      "A space around the hyphen of a reduplication.",
      "pertama -tama", "pertama-tama",
      fixable=True)
def spaced_hyphen(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for match in spaced_reduplications(doc):
        left, right = match.group(1), match.group(3)
        yield _finding("typography/spaced-hyphen", Severity.WARNING,
                       f"write {left}-{right} without spaces: it is a reduplication",
                       match.start(2), match.end(2), doc, "-")


@per_document
def spaced_reduplications(doc: Document) -> list[re.Match]:
    """Reduplications written with a spaced hyphen or dash (pertama -tama): groups 1 and
    3 are the halves, group 2 the hyphen with its spaces. Computed once per document:
    the spelling rules skip the second halves."""
    return [match for start, end in _line_spans(doc)
            for match in _SPACED_HYPHEN.finditer(doc.text, start, end)
            if is_reduplication(f"{match.group(1)}-{match.group(3)}")]


@cache
def clock_words() -> dict[str, frozenset[str]]:
    """Words that make a number a clock time: pukul before it, WIB/WITA/WIT after."""
    sides: dict[str, set[str]] = {"before": set(), "after": set()}
    for entry in word_list("clock_words"):
        word, side = entry.split()
        sides[side].add(word.casefold())
    return {side: frozenset(words) for side, words in sides.items()}


def is_clock_time(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """text[start:end] has a clock word beside it on its line: pukul before, WIB after."""
    clock = clock_words()
    before = _WORD_BEFORE.search(text, max(line_start, start - 20), start)
    after = _WORD_AFTER.match(text, end, line_end)
    return bool((before and before.group(1).casefold() in clock["before"])
                or (after and after.group(1).casefold() in clock["after"]))


# Hours and minutes with a space after the separator: "07. 26", "12: 05".
_SPACED_TIME = re.compile(rf"(?<![\w.,])(\d{{1,2}})([.:]){_H}+(\d{{2}})(?![\w,]|\.\d)")
_WORD_BEFORE = re.compile(rf"([^\W\d_]+){_H}+$")
_WORD_AFTER = re.compile(rf"{_H}+([^\W\d_]+)(?![^\W\d_])")


@rule("typography/spaced-time", Severity.WARNING,
      "A space inside a clock time after pukul or before a time zone.",
      "pukul 07. 26 WIB", "pukul 07.26 WIB",
      fixable=True)
def spaced_time(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for start, end in _line_spans(doc):
        for match in _SPACED_TIME.finditer(doc.text, start, end):
            hours, minutes = int(match.group(1)), int(match.group(3))
            if hours > 24 or minutes > 59:
                continue
            # Only a clock word makes it a time: "... tahun 2023. 15 orang" is two
            # sentences.
            if not is_clock_time(doc.text, match.start(), match.end(), start, end):
                continue
            written = f"{match.group(1)}{match.group(2)}{match.group(3)}"
            yield _finding("typography/spaced-time", Severity.WARNING,
                           f"write {written} without a space: it is a clock time",
                           match.start(), match.end(), doc, written)


@rule("typography/repeated-word", Severity.WARNING,
      "The same word twice in a row.", "biaya yang yang ditanggung", "biaya yang ditanggung",
      fixable=True)
def repeated_word(doc: Document, ctx: CheckContext) -> Iterator[Finding]:
    for sentence in doc.sentences():
        previous = None
        gap_start = None
        for token in sentence.tokens:
            if token.kind is Kind.SPACE:
                if previous is not None and "\n" not in token.text:
                    gap_start = token.start
                continue
            if (
                token.kind is Kind.WORD
                and previous is not None
                and gap_start is not None
                and token.text.casefold() == previous.text.casefold()
                and not token.text[:1].isupper()
            ):
                # No automatic fix: a reduplication written with a space (kupu kupu)
                # wants a hyphen, a slip (yang yang) a deletion; a person decides.
                yield Finding("typography/repeated-word", Severity.WARNING,
                              f"delete the repeated {token.text!r}, or hyphenate it if it is a "
                              "reduplication", token.start, token.end, token.text)
            previous = token if token.kind is Kind.WORD else None
            gap_start = None


# This module's rules, in the order they are listed and run.
RULES: tuple[Rule[Document], ...] = (
    double_space,
    space_before_punctuation,
    missing_space,
    space_inside_quotes,
    unbalanced,
    spaced_hyphen,
    spaced_time,
    repeated_word,
)
