"""Every rule, listed module by module: the one registry the engine runs and the
command line, the documentation and the tests read.

Nothing registers itself: a rule module makes its rules and lists them in its RULES,
and this module names the modules. Importing a rule module changes nothing here.
Within a run the order is this one: monolingual rules, then bilingual ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from termbase.check import (
    bilingual,
    capitalisation,
    nonstandard,
    orthography,
    punctuation,
    spelling,
    terms,
    typography,
)
from termbase.check.bilingual import BilingualCheck
from termbase.check.document import Document
from termbase.check.rules import Rule

# The rules over a document: articles, and the sources of a bilingual file.
DOCUMENT_RULES: tuple[Rule[Document], ...] = (
    *capitalisation.RULES,
    *nonstandard.RULES,
    *orthography.RULES,
    *typography.RULES,
    *punctuation.RULES,
    *spelling.RULES,
    *terms.RULES,
)

# The rules over the units of a bilingual file (XLIFF, TMX, PO).
BILINGUAL_RULES: tuple[Rule[BilingualCheck], ...] = bilingual.RULES

RULES: tuple[Rule[Document] | Rule[BilingualCheck], ...] = DOCUMENT_RULES + BILINGUAL_RULES

# Each rule by its name, and the categories (the part of a name before the slash).
BY_NAME: Mapping[str, Rule[Document] | Rule[BilingualCheck]] = MappingProxyType(
    {r.name: r for r in RULES})
CATEGORIES: frozenset[str] = frozenset(r.category for r in RULES)
