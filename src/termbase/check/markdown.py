"""Regions of a Markdown file that rules must not look at.

Code (fenced blocks and `inline`), HTML comments, link targets, and text between
<!-- termbase off --> and <!-- termbase on -->. A comment may name rules or categories
to silence only those: <!-- termbase off: spelling, term/deprecated -->.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_SWITCH = re.compile(r"<!--\s*termbase\s+(off|on)\s*(?::\s*([^>]*?))?\s*-->", re.IGNORECASE)


def code_regions(text: str) -> list[tuple[int, int]]:
    regions = []
    for pattern in (_FENCE, _INLINE_CODE, _COMMENT, _LINK_TARGET):
        regions.extend(m.span() for m in pattern.finditer(text))
    return regions


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
