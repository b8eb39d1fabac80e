"""Tokens with exact character offsets into the text they came from.

Offsets are Python string indices (Unicode code points) into the decoded text, so a
finding built from a token points at the right characters whatever the line ends,
tabs, quotes or no-break spaces around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from termbase.data import word_list


class Kind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    URL = "url"
    EMAIL = "email"
    PUNCT = "punct"
    SPACE = "space"


# Not frozen, though never changed: a megabyte of text makes a quarter of a million
# tokens, and a frozen dataclass takes two and a half times as long to build.
@dataclass(slots=True, unsafe_hash=True)
class Token:
    kind: Kind
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.kind is Kind.WORD


MOST_LABELS = 10  # labels of a domain name before its top-level domain
MOST_TRAILING = 16  # punctuation after a URL before the space that ends it

# Apostrophes inside names (Xi’an, Ma'ruf) and hyphens inside compounds and
# reduplications (negara-negara, ke-20) keep a word whole.
_WORD_JOINERS = "-\u2010\u2011'\u2019"


def _domain_tail() -> str:
    """What turns a word into a domain name: dotted labels ending in a known top-level
    domain (Kompas.com, iNews.Serpong.id), with any path. A URL without its scheme,
    not words glued by a missing space (ke Jakarta.Dia). Matched as the tail of a
    word, so that a plain word costs one failed character test."""
    endings = sorted({form for tld in word_list("top_level_domains")
                      for form in (tld.lower(), tld.upper())}, key=len, reverse=True)
    label = r"[^\W_]++(?:-[^\W_]++)*+"
    # A path after it belongs to it, as in a photo credit (Pixabay.com/bahonya), its
    # trailing punctuation excluded.
    path = r"(?:/[^\s<>\"“”()\[\]]*[^\s<>\"“”()\[\].,;:!?'’])?"
    # At most this many labels before the top-level domain: each word of a run like
    # a.b.c.d... would otherwise try every label after it (time in the run squared).
    return (rf"(?:\.{label}){{0,{MOST_LABELS}}}\.(?:{'|'.join(endings)})"
            rf"(?![\w@-]|\.[^\W_]){path}")


# The bounded repeats below keep the work per position constant: a run of characters
# that may open an email (a_a_a..., a+a+...) or end a URL (www.x followed by dots) was
# scanned to its end from each of its positions, time in its length squared. No real
# address has a local part over 64 characters (RFC 5321) or trailing punctuation this long.
_TOKEN_RE = re.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”]+?(?=[.,;:!?)\]”’"']{{0,{MOST_TRAILING}}}(?:\s|$)))
  | (?P<email>[\w.+-]{{1,64}}@[\w-]+(?:\.[\w-]+)+)
  | (?P<number>\d+(?:[.,:/]\d+)+|\d+(?![^\W\d_]))
  | (?P<word>[^\W_]+(?:[{_WORD_JOINERS}][^\W_]+)*(?P<domain>{_domain_tail()})?)
  | (?P<space>\s+)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)


# Keyed by str | None because it is looked up with Match.lastgroup (every alternative of
# _TOKEN_RE is a named group, so the key is never None in practice).
_KINDS: dict[str | None, Kind] = {kind.value: kind for kind in Kind}


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into tokens that cover it exactly, in order."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    append = tokens.append
    kinds = _KINDS
    word, url, punct, space = Kind.WORD, Kind.URL, Kind.PUNCT, Kind.SPACE
    # Memory, on text made of marks (a megabyte of quotation marks is a million tokens):
    # one string object per mark or blank, and a token's start is the object that ended
    # the token before it (the tokens cover the text without a gap).
    shared = _SHARED_TEXTS
    end_before = None
    for match in _TOKEN_RE.finditer(text, start, stop):
        kind = kinds[match.lastgroup]
        token_text = match.group()
        if kind is word and "." in token_text:  # only a domain tail has a dot
            kind = url
        elif (kind is punct or kind is space) and len(token_text) <= 2:
            token_text = shared.setdefault(token_text, token_text)
        token_start = match.start()
        if token_start == end_before:
            token_start = end_before
        end_before = match.end()
        append(Token(kind, token_text, token_start, end_before))
    return tokens


# Marks and short blanks, one string object each (at most a few thousand distinct).
_SHARED_TEXTS: dict[str, str] = {}


def word_parts(word: str) -> list[str]:
    """The hyphen-separated parts of a compound or reduplicated word."""
    return re.split(r"[-\u2010\u2011]", word)
