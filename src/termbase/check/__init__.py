"""The article checker: rules by category, an engine that runs them, fixing."""

from termbase.check.engine import CheckResult, Selection, check_document, check_text

__all__ = ["CheckResult", "Selection", "check_document", "check_text"]
