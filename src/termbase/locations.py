"""Where a memory, glossary or accounts store lives: a file or a PostgreSQL URL. Kept apart
from the stores so that the configuration and the commands can tell the two apart, and show a
URL without its password, without importing a database driver."""

from __future__ import annotations

import re

URL_SCHEMES = ("postgresql://", "postgres://")

# user:password@ in the authority part, and password=... among the query parameters
_AUTHORITY_PASSWORD = re.compile(r"^([a-z]+://[^:/@?#]*:)[^@/?#]*@", re.IGNORECASE)
_QUERY_PASSWORD = re.compile(r"([?&]password=)[^&#]*", re.IGNORECASE)


def is_database_url(location: object) -> bool:
    """True when location names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and location.lower().startswith(URL_SCHEMES)


def masked_url(location: str) -> str:
    """location with any password in it replaced by ***, for messages and listings;
    a file path comes back as it is."""
    if not is_database_url(location):
        return location
    return _QUERY_PASSWORD.sub(r"\1***", _AUTHORITY_PASSWORD.sub(r"\1***@", location))
