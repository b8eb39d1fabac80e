"""Regions of a Markdown file that rules must not look at.

Front matter, code (fenced, indented and `inline`), HTML blocks and comments, link
targets, autolinks and link reference definitions; and text between <!-- termbase off -->
and <!-- termbase on -->. A comment may name rules or categories to silence only those:
<!-- termbase off: spelling, term/deprecated -->.

The blocks are markdown-it's (CommonMark): which lines are code is its answer, not a
guess by pattern. Inside paragraphs and headings markdown-it gives tokens without
offsets, and its code-span content is normalised (line ends to spaces, a space trimmed
each side), so spans cannot be found again by their text; a small scanner follows the
CommonMark rules for the few inline constructs that hide text, over those lines only.
"""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt

# markdown-it's line ends (its normalize rule): CRLF, a lone CR and LF each end a line.
_LINE_END = re.compile(r"\r\n?|\n")
_FRONT_MATTER_OPENER = re.compile(r"---[ \t]*(?:\r\n?|\n)")
_FRONT_MATTER_CLOSER = re.compile(r"(?:---|\.\.\.)[ \t]*$")
# Blocks whose every line is hidden; "definition" is a link reference definition.
_HIDDEN_BLOCKS = frozenset({"fence", "code_block", "html_block", "definition"})
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Autolinks as CommonMark defines them; possessive, so a failed match never backtracks.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*+"
                       r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]++@[A-Za-z0-9-]++"
                       r"(?:\.[A-Za-z0-9-]++)*+)>")
_LINK_TITLE = re.compile(r"[ \t]*+(?:\r\n?|\n)?[ \t]*+"
                         r"(?:\"(?:[^\"\\]++|\\.)*+\"|'(?:[^'\\]++|\\.)*+'"
                         r"|\((?:[^()\\]++|\\.)*+\))", re.DOTALL)
_LINK_END = re.compile(r"[ \t]*+(?:\r\n?|\n)?[ \t]*+\)")
_BACKTICKS = re.compile(r"`+")
# Characters of a link destination that need no decision, skipped in one step.
_PLAIN_DESTINATION = re.compile(r"[^\x00-\x20\x7f()\\]*+")
# CommonMark bounds the nesting of parentheses in a link destination.
_PARENTHESES_DEPTH = 32
# The rule list is bounded: unclosed switches must not each scan the rest of the text.
_SWITCH = re.compile(r"<!--\s{0,20}termbase\s{1,20}(off|on)\s{0,20}(?::\s{0,20}([^>]{0,1000}?))?"
                     r"\s{0,20}-->", re.IGNORECASE)


@cache
def _block_parser() -> MarkdownIt:
    # Blocks only: the inline rules would parse every paragraph again for tokens that
    # carry no offsets. Reference definitions become tokens so that their lines are known.
    return MarkdownIt("commonmark", {"inline_definitions": True}).disable("inline")


def code_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets into `text` of what is not prose."""
    line_starts = [0, *(match.end() for match in _LINE_END.finditer(text))]

    def offset(line: int) -> int:
        return line_starts[line] if line < len(line_starts) else len(text)

    front_lines = _front_matter_lines(text, line_starts)
    regions = [(0, offset(front_lines))] if front_lines else []
    for token in _block_parser().parse(text[offset(front_lines):]):
        if token.map is None:
            continue
        first, last = (line + front_lines for line in token.map)
        if token.type == "html_block" and token.content.lstrip().startswith("<!--"):
            regions.extend(_block_comments(text, offset(first), offset(last)))
        elif token.type in _HIDDEN_BLOCKS:
            regions.append((offset(first), offset(last)))
        elif token.type == "inline":
            regions.extend(_inline_regions(text, offset(first), offset(last)))
    return regions


def _block_comments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comments of an HTML block that starts with one. Text after a `-->` on its
    line is passed on as HTML and shown by browsers: it is prose to check, as it was
    before blocks were parsed. A comment never closed hides the rest of the block."""
    spans = []
    opener = text.find("<!--", start, end)
    while opener >= 0:
        close = text.find("-->", opener + 4, end)
        if close < 0:
            spans.append((opener, end))
            break
        spans.append((opener, close + 3))
        opener = text.find("<!--", close + 3, end)
    return spans


def _front_matter_lines(text: str, line_starts: list[int]) -> int:
    """How many lines YAML front matter takes: `---` on the first line up to a line of
    `---` or `...`; 0 when there is none. Unclosed, it is not front matter: a rule at
    the top of an article must not hide the article."""
    if not _FRONT_MATTER_OPENER.match(text):
        return 0
    for line in range(1, len(line_starts)):
        end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
        if _FRONT_MATTER_CLOSER.match(text[line_starts[line] : end].rstrip("\r\n")):
            return line + 1
    return 0


def _inline_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Code spans, HTML comments, autolinks and link targets in text[start:end], the
    lines of one paragraph or heading. One pass left to right, as CommonMark reads them:
    whatever starts first wins, and the text it covers is not read again."""
    regions: list[tuple[int, int]] = []
    # Backtick runs by length, and how far each length's list has been passed: a code
    # span closes at the next run of the same length, and looking for it never goes back.
    runs: dict[int, list[int]] = {}
    for match in _BACKTICKS.finditer(text, start, end):
        runs.setdefault(match.end() - match.start(), []).append(match.start())
    passed: dict[int, int] = dict.fromkeys(runs, 0)
    comments_close = True  # false once an opener has no closer: no later one has either
    position = start
    while position < end:
        char = text[position]
        if char == "\\" and position + 1 < end and text[position + 1] in _ASCII_PUNCTUATION:
            position += 2
            continue
        if char == "`":
            run = _BACKTICKS.match(text, position, end)
            assert run is not None  # text[position] is a backtick
            length = run.end() - position
            closer = _next_run(runs, passed, length, position + length)
            if closer is not None:
                regions.append((position, closer + length))
                position = closer + length
            else:
                position += length
            continue
        if char == "<":
            if comments_close and text.startswith("<!--", position):
                close = text.find("-->", position + 4, end)
                if close >= 0:
                    regions.append((position, close + 3))
                    position = close + 3
                    continue
                comments_close = False
            autolink = _AUTOLINK.match(text, position, end)
            if autolink:
                regions.append(autolink.span())
                position = autolink.end()
                continue
        if char == "]" and text.startswith("(", position + 1):
            target_end = _link_target_end(text, position + 2, end)
            if target_end is not None:
                regions.append((position, target_end))
                position = target_end
                continue
        position += 1
    return regions


def _next_run(runs: dict[int, list[int]], passed: dict[int, int], length: int,
              after: int) -> int | None:
    """Start of the first backtick run of exactly `length` at or after `after`."""
    starts = runs.get(length)
    if not starts:
        return None
    index = passed[length]
    while index < len(starts) and starts[index] < after:
        index += 1
    passed[length] = index
    return starts[index] if index < len(starts) else None


def _link_target_end(text: str, position: int, end: int) -> int | None:
    """Where the `(destination "title")` whose inside starts at `position` ends, just
    after its `)`; None when the text there is not a link target."""
    blank = _LINK_END.match(text, position, end)
    if blank:
        return blank.end()  # [text]()
    while position < end and text[position] in " \t":
        position += 1
    if position < end and text[position] == "<":
        # <destination>: anything but line ends and unescaped < >.
        index = position + 1
        while index < end and text[index] not in "<>\r\n":
            index += 2 if text[index] == "\\" else 1
        if index >= end or text[index] != ">":
            return None
        position = index + 1
    else:
        depth, index = 0, position
        while index < end:
            plain = _PLAIN_DESTINATION.match(text, index, end)
            assert plain is not None  # the pattern matches the empty string
            index = plain.end()
            if index >= end:
                break
            char = text[index]
            if char == "\\" and index + 1 < end and text[index + 1] in _ASCII_PUNCTUATION:
                index += 2
                continue
            if char <= " " or char == "\x7f":
                break
            if char == "(":
                depth += 1
                if depth > _PARENTHESES_DEPTH:
                    return None
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            index += 1
        if depth or index == position:
            return None
        position = index
    title = _LINK_TITLE.match(text, position, end)
    if title:
        position = title.end()
    closing = _LINK_END.match(text, position, end)
    return closing.end() if closing else None


def suppressed_regions(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, rules) regions switched off; an empty rule set means every rule."""
    regions = []
    open_regions: dict[frozenset[str], int] = {}
    for match in _SWITCH.finditer(text):
        names = frozenset(
            name.strip() for name in (match.group(2) or "").split(",") if name.strip()
        )
        if match.group(1).lower() == "off":
            open_regions.setdefault(names, match.end())
        else:
            for key in [k for k in open_regions if not names or k == names]:
                regions.append((open_regions.pop(key), match.start(), key))
    regions.extend((start, len(text), key) for key, start in open_regions.items())
    return regions
