"""The few shared value types: findings, terms and concepts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from termbase.lang.tags import language_matches


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)


# What a check may fail on (--fail-on): a severity and above, or never.
SEVERITIES = ("info", "warning", "error", "never")


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with replacement (offsets into the decoded text)."""

    start: int
    end: int
    replacement: str


@dataclass
class Finding:
    """One fault: where it is, which rule, what to do about it.

    start/end are offsets into the decoded text; the document turns them into
    1-based line and column (in code points) for renderers.
    """

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    text: str
    suggestions: list[str] = field(default_factory=list)
    fix: Edit | None = None

    @property
    def category(self) -> str:
        return self.rule.split("/", 1)[0]


class Status(StrEnum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def allowed(self) -> bool:
        return self in (Status.PREFERRED, Status.ADMITTED)


# Term types that name a concept in short form beside its full form: using both in
# one article is normal news style, not an inconsistency.
SHORT_FORM_TYPES = frozenset({"acronym", "abbreviation", "shortForm", "initialism"})


@dataclass
class Term:
    text: str
    language: str
    status: Status
    term_type: str | None = None
    part_of_speech: str | None = None
    line: int | None = None
    note: str | None = None
    # Other term-level data categories by type (geographicalUsage, x-supersededSince...).
    properties: dict[str, str] = field(default_factory=dict)
    # The normalised tokens glossary matching keys this term by; filled when loaded.
    match_key: tuple[str, ...] = ()

    @property
    def is_short_form(self) -> bool:
        return self.term_type in SHORT_FORM_TYPES


@dataclass
class Concept:
    id: str
    terms: list[Term]
    subject_field: str | None = None
    note: str | None = None
    definitions: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    line: int | None = None

    def terms_in(self, language: str) -> list[Term]:
        return [t for t in self.terms if language_matches(t.language, language)]

    def preferred(self, language: str) -> Term | None:
        """The preferred full form in a language (an acronym only if nothing else)."""
        preferred = [t for t in self.terms_in(language) if t.status is Status.PREFERRED]
        full = [t for t in preferred if not t.is_short_form]
        if full:
            return full[0]
        return preferred[0] if preferred else None


@dataclass
class TranslationUnit:
    """A sentence pair of the translation memory, as the formats and the store see it.

    Texts keep inline markup as written in TMX (<bpt>, <ph>...) in source_markup /
    target_markup when there is any; source/target are the plain texts used for
    matching. Dates are ISO 8601 basic UTC (YYYYMMDDThhmmssZ), as TMX writes them.
    """

    source: str
    target: str
    source_lang: str = "id-ID"
    target_lang: str = "en-US"
    source_markup: str | None = None
    target_markup: str | None = None
    created_at: str | None = None
    created_by: str | None = None
    changed_at: str | None = None
    changed_by: str | None = None
    origin: str | None = None
    tuid: str | None = None
    # TMX <prop type="...">value</prop> and <note> of the unit, in order.
    props: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    line: int | None = None


@dataclass
class BilingualUnit:
    """A source sentence and its translation as a bilingual file (XLIFF, TMX, PO) holds
    it, with where its texts stand in that file, so that findings point at them.

    Lines and columns are 1-based, columns in code points, of the first character of the
    text inside its element (for XML) or of the string's first character (for PO);
    None where the format or the file gives no position.
    """

    id: str
    source: str
    target: str
    source_lang: str = "id"
    target_lang: str = "en"
    state: str | None = None  # XLIFF state, or "fuzzy" for a fuzzy PO entry
    approved: bool = False
    source_line: int | None = None
    source_column: int | None = None
    target_line: int | None = None
    target_column: int | None = None
    source_markup: str | None = None
    target_markup: str | None = None
    # Where the unit belongs in the article it came from (paragraph number, 1-based).
    paragraph: int | None = None
    notes: list[str] = field(default_factory=list)
