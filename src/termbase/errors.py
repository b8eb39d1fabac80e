"""The one family of errors termbase raises; the CLI maps them to exit status 2."""

from __future__ import annotations


class TermbaseError(Exception):
    """A problem with the user's input or options, reported as one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(TermbaseError):
    """A file that cannot be read as what it should be."""


class Busy(TermbaseError):
    """A store that is there but did not answer in time: the same request may succeed
    a moment later (the server answers 503)."""


class ConfigError(TermbaseError):
    """A configuration file or option that makes no sense."""


class TermbaseWarning(UserWarning):
    """Something the user should know that does not stop the command (one line)."""
