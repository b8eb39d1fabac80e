"""The JSON API, version 1: the CLI's JSON contracts over HTTP (docs/server.md).

Each endpoint parses its parameters, checks the caller's role, calls a library service
and returns what the service returns, shaped by the same payload functions the CLI
uses. Errors are JSON too: {"error": message} with 400, 401, 403, 404 or 413.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from termbase.errors import InputError
from termbase.server.auth import CSRF_HEADER, caller, check_csrf, require
from termbase.server.desk import Desk

PREFIX = "/api/v1"
MAX_LIMIT = 100


def _desk(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def _text_param(request: Request, name: str, required: bool = True) -> str:
    value = request.query_params.get(name, "").strip()
    if required and not value:
        raise InputError(f"the query parameter {name!r} is required")
    return value


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"{name} must be a whole number, not {raw!r}") from None
    if not low <= value <= high:
        raise InputError(f"{name} must be between {low} and {high}")
    return value


def _float_param(request: Request, name: str, default: float) -> float:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"{name} must be a number, not {raw!r}") from None
    if not 0 <= value <= 100:
        raise InputError(f"{name} must be between 0 and 100")
    return value


async def _json_body(request: Request) -> dict[str, Any]:
    limit = _desk(request).settings.max_upload_bytes
    body = await request.body()
    if len(body) > limit:
        raise TooLarge(limit)
    try:
        import json

        data = json.loads(body or b"{}")
    except ValueError as exc:
        raise InputError(f"the request body is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputError("the request body must be a JSON object")
    return data


class TooLarge(Exception):
    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def _ok(payload: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(payload, status_code=status)


# --- reading ----------------------------------------------------------------------------
def lookup(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    from termbase.glossary.lookup import detected_language, lookup_payload
    from termbase.glossary.lookup import lookup as find

    query = _text_param(request, "q")
    language = request.query_params.get("lang") or None
    limit = _int_param(request, "limit", 10, 1, MAX_LIMIT)
    min_score = _float_param(request, "min_score", 60)
    hits = find(desk.glossary(), query, language, min_score, limit)
    examples = desk.memory_examples(hits)
    from termbase.server.work import public_lookup

    return _ok(public_lookup(lookup_payload(query, language or detected_language(hits), hits,
                                            examples)))


def tm_search(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    from termbase.tm.records import search_payload
    from termbase.tm.service import search_languages

    query = _text_param(request, "q")
    memory = desk.memory()
    source_lang, target_lang = search_languages(memory, request.query_params.get("from"))
    matches = memory.search(query, source_lang, target_lang,
                            _float_param(request, "min_score", 75),
                            _int_param(request, "limit", 5, 1, MAX_LIMIT))
    return _ok(search_payload(query, source_lang, target_lang, matches))


def tm_concordance(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    from termbase.tm.records import concordance_payload

    query = _text_param(request, "q")
    found = desk.memory().concordance(query, _int_param(request, "limit", 20, 1, 1000))
    return _ok(concordance_payload(query, found))


async def check(request: Request) -> Response:
    """POST {"text": "...", "fix": false}: the check's JSON; with fix, also the text
    after the safe fixes ("fixed") and the check of that text."""
    desk = _desk(request)
    data = await _json_body(request)
    text, name, fix = await run_in_threadpool(_check_request, request, desk, data)
    if desk.check_lane is not None:  # awaited here: no thread of the worker waits
        return _ok(await desk.check_lane.check_async(text, name, fix))
    from termbase.server.work import check_article

    return _ok(await run_in_threadpool(check_article, desk, text, name, fix))


def _check_request(request: Request, desk: Desk, data: dict[str, Any]
                   ) -> tuple[str, str, bool]:
    """(text, name, fix) of a check its caller may ask for."""
    require(caller(request, desk), "reader")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("give the article as a non-empty string in 'text'")
    name = data["name"] if isinstance(data.get("name"), str) else "article.txt"
    return text, name, bool(data.get("fix"))


def concepts(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    from termbase.server.work import concept_listing

    return _ok(concept_listing(
        desk.glossary(), domain=request.query_params.get("domain") or None,
        status=request.query_params.get("status") or None,
        offset=_int_param(request, "offset", 0, 0, 10**6),
        limit=_int_param(request, "limit", 50, 1, 500)))


def concept(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    from termbase.glossary.lookup import concept_record
    from termbase.glossary.service import concept_by_id

    found = concept_by_id(desk.glossary(), request.path_params["concept_id"])
    from termbase.server.work import public_concept

    return _ok({"version": 1, "concept": public_concept(concept_record(found))})


# --- writing ----------------------------------------------------------------------------
def _add_unit(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    """{"source", "target", "origin"?}: one confirmed sentence pair."""
    from termbase.server.work import add_memory_unit

    return 201, add_memory_unit(desk, user, data)


def _deprecate(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    """{"term", "use", "superseded"?, "force"?}: as `termbase glossary deprecate`."""
    from termbase.server.work import deprecate_term

    return 200, deprecate_term(desk, user, data)


def units(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    from termbase.server.work import memory_units

    return _ok(memory_units(desk, _int_param(request, "offset", 0, 0, 10**9),
                            _int_param(request, "limit", 50, 1, 500)))


def history(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "reader")
    subject = request.query_params.get("concept") or None
    limit = _int_param(request, "limit", 50, 1, 500)
    return _ok({"version": 1, "changes": desk.history(subject, limit)})


def _write(role: str, action: Any) -> Any:
    """An endpoint that reads a JSON body, then, off the event loop, checks the role
    and the CSRF header and calls action(desk, user, data, request)."""

    async def endpoint(request: Request) -> Response:
        desk = _desk(request)
        data = await _json_body(request) if request.method in ("POST", "PATCH") else {}

        def run() -> Response:
            who = caller(request, desk)
            user = require(who, role)
            check_csrf(who, desk, request.headers.get(CSRF_HEADER))
            status, payload = action(desk, user, data, request)
            return _ok(payload, status=status)

        return await run_in_threadpool(run)

    return endpoint


def _add_concept(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    from termbase.server.work import add_glossary_concept

    return 201, add_glossary_concept(desk, user, data)


def _edit_concept(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    from termbase.server.work import edit_glossary_concept

    return 200, edit_glossary_concept(desk, user, request.path_params["concept_id"], data)


def _add_user(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    name, password, role = data.get("name"), data.get("password"), data.get("role")
    if not (isinstance(name, str) and isinstance(password, str) and isinstance(role, str)):
        raise InputError("give 'name', 'password' and 'role' as strings")
    added = desk.accounts().add_user(name, password, role)
    desk.record_change(user, "add user", f"added {added.name} ({added.role})")
    return 201, {"version": 1, "user": {"name": added.name, "role": added.role}}


def _set_role(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    role = data.get("role")
    if not isinstance(role, str):
        raise InputError("give the new 'role'")
    changed = desk.accounts().set_role(request.path_params["name"], role)
    desk.record_change(user, "set role", f"{changed.name} is {changed.role}")
    return 200, {"version": 1, "user": {"name": changed.name, "role": changed.role}}


def _remove_user(desk: Desk, user: Any, data: dict[str, Any], request: Request) -> Any:
    name = request.path_params["name"]
    if not desk.accounts().remove_user(name):
        raise InputError(f"no user {name!r}")
    desk.record_change(user, "remove user", f"removed {name}")
    return 200, {"version": 1, "removed": name}


def users(request: Request) -> Response:
    desk = _desk(request)
    require(caller(request, desk), "admin")
    from termbase.server.work import user_records

    return _ok(user_records(desk))


def openapi(request: Request) -> Response:
    from termbase.server.openapi import spec

    return _ok(spec())


ROUTES = [
    Route(f"{PREFIX}/lookup", lookup),
    Route(f"{PREFIX}/check", check, methods=["POST"]),
    Route(f"{PREFIX}/tm/search", tm_search),
    Route(f"{PREFIX}/tm/concordance", tm_concordance),
    Route(f"{PREFIX}/tm/units", units, methods=["GET"]),
    Route(f"{PREFIX}/tm/units", _write("translator", _add_unit), methods=["POST"]),
    Route(f"{PREFIX}/glossary/concepts", concepts, methods=["GET"]),
    Route(f"{PREFIX}/glossary/concepts", _write("terminologist", _add_concept),
          methods=["POST"]),
    Route(f"{PREFIX}/glossary/concepts/{{concept_id}}", concept, methods=["GET"]),
    Route(f"{PREFIX}/glossary/concepts/{{concept_id}}", _write("terminologist", _edit_concept),
          methods=["PATCH"]),
    Route(f"{PREFIX}/glossary/history", history),
    Route(f"{PREFIX}/users", users, methods=["GET"]),
    Route(f"{PREFIX}/users", _write("admin", _add_user), methods=["POST"]),
    Route(f"{PREFIX}/users/{{name}}", _write("admin", _set_role), methods=["PATCH"]),
    Route(f"{PREFIX}/users/{{name}}", _write("admin", _remove_user), methods=["DELETE"]),
    Route(f"{PREFIX}/glossary/deprecate", _write("terminologist", _deprecate),
          methods=["POST"]),
    Route(f"{PREFIX}/openapi.json", openapi),
]
