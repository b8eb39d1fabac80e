"""Regions of a Markdown file that rules must not look at.

Code (fenced blocks and `inline`), HTML comments, link targets, and text between
<!-- termbase off --> and <!-- termbase on -->. A comment may name rules or categories
to silence only those: <!-- termbase off: spelling, term/deprecated -->.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
# The rule list is bounded: unclosed switches must not each scan the rest of the text.
_SWITCH = re.compile(r"<!--\s{0,20}termbase\s{1,20}(off|on)\s{0,20}(?::\s{0,20}([^>]{0,1000}?))?"
                     r"\s{0,20}-->", re.IGNORECASE)


def code_regions(text: str) -> list[tuple[int, int]]:
    regions = []
    for pattern in (_FENCE, _INLINE_CODE, _LINK_TARGET):
        regions.extend(m.span() for m in pattern.finditer(text))
    regions.extend(_comments(text))
    return regions


def _comments(text: str) -> list[tuple[int, int]]:
    """<!-- ... --> spans. A scan, not the regex <!--.*?-->, which would read the rest
    of the text again from every unclosed opener."""
    spans = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # nothing after this opener closes, nor after any later one
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


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
