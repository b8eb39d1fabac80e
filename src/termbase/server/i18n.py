"""The interface language of a request: ?lang=, else the `lang` cookie, else the
browser's Accept-Language, else Indonesian (the desk's language)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files

from starlette.requests import Request

LANGUAGES = ("id", "en")
DEFAULT = "id"


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    data = tomllib.loads(files("termbase.server").joinpath("messages.toml").read_text("utf-8"))
    return {language: dict(data[language]) for language in LANGUAGES}


def interface_language(request: Request) -> str:
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    if asked in LANGUAGES:
        return asked
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in LANGUAGES:
            return tag
    return DEFAULT
