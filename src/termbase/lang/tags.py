"""Language tags (BCP 47) as every format writes them: one reading for all callers.

Files spell Indonesian `id`, `id-ID`, `id_ID`, `ID`, `ind` and the deprecated `in`
(Java and old TMX tools still write it); langcodes knows all of these, and `iw`,
`ji` and the other retired codes too. Importing langcodes compiles large patterns
(a noticeable part of a short `termbase check`), so it is imported on the first
tag that needs it and each answer is cached per tag; `id` and `en`, the languages
every check matches glossary terms in, need no langcodes for their base language.

A tag langcodes cannot parse (`*all*`, `x`) is not an error here: its normal form
is the tag as written with `_` read as `-`, and its base language the first subtag
in lower case, so two different unreadable tags stay different. An empty tag has
the base language "" and matches nothing.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=512)
def normal_tag(tag: str) -> str:
    """'id_ID', 'in-ID', 'id-id' → 'id-ID'; 'ID', 'in', 'ind' → 'id'; 'en-us' → 'en-US'."""
    written = tag.strip().replace("_", "-")
    if not written:
        return ""
    from langcodes import standardize_tag

    try:
        return standardize_tag(written)
    except ValueError:  # langcodes' LanguageTagError
        return written


# Current ISO 639-1 codes that langcodes returns unchanged as the language subtag:
# the languages of this tool's glossaries, so that matching their terms (which every
# check does) needs no langcodes.
_CURRENT_CODES = frozenset({"id", "en"})


@lru_cache(maxsize=512)
def base_language(tag: str) -> str:
    """The language subtag of a tag: 'id-ID', 'ID_id', 'in', 'ind' → 'id'; 'en-US' → 'en'."""
    head = tag.strip().replace("_", "-").partition("-")[0].lower()
    if head in _CURRENT_CODES:
        return head
    return normal_tag(tag).split("-")[0].lower()


def language_matches(tag: str, language: str) -> bool:
    """Whether a tag is in a language: 'id-ID' and 'in' match 'id' and 'id-ID'; 'en'
    does not match 'id'; an empty tag or language matches nothing."""
    base = base_language(tag)
    return bool(base) and base == base_language(language)
