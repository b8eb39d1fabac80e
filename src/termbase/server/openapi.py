"""The OpenAPI 3.1 description of the JSON API, version 1 (served at
/api/v1/openapi.json). Written as data beside the routes: tests/test_server.py checks
that every route of api.ROUTES is described and nothing else is."""

from __future__ import annotations

from typing import Any

VERSION = "1"


def _param(name: str, description: str, required: bool = False,
           kind: str = "string") -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "description": description,
            "schema": {"type": kind}}


_ERRORS = {
    "400": {"description": "bad input: {\"error\": message}"},
    "401": {"description": "no account: sign in or send `Authorization: Bearer TOKEN`"},
    "403": {"description": "the role may not do this, or the CSRF token is missing"},
}


def _get(summary: str, role: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {"get": {"summary": summary, "description": f"Role: {role}.",
                    "parameters": parameters,
                    "responses": {"200": {"description": "the CLI's JSON contract"},
                                  **_ERRORS}}}


def _post(summary: str, role: str, properties: dict[str, str], required: list[str],
          created: bool = False) -> dict[str, Any]:
    schema = {"type": "object", "required": required,
              "properties": {name: {"type": kind} for name, kind in properties.items()}}
    return {"post": {"summary": summary,
                     "description": f"Role: {role}. With a session cookie, send the "
                                    "page's CSRF token in X-CSRF-Token.",
                     "requestBody": {"required": True, "content": {
                         "application/json": {"schema": schema}}},
                     "responses": {("201" if created else "200"): {"description": "done"},
                                   "413": {"description": "body too large"}, **_ERRORS}}}


_CONCEPT_ID = {"name": "concept_id", "in": "path", "required": True,
               "schema": {"type": "string"}}
_NAME = {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}


def spec() -> dict[str, Any]:
    from termbase import __version__

    return {
        "openapi": "3.1.0",
        "info": {"title": "termbase desk server", "version": f"{VERSION} ({__version__})",
                 "description": "Look-up, memory search, checking and glossary of one "
                                "news desk. JSON shapes as `termbase ... --format json`."},
        "components": {"securitySchemes": {
            "token": {"type": "http", "scheme": "bearer"},
            "session": {"type": "apiKey", "in": "cookie", "name": "termbase_session"}}},
        "security": [{"token": []}, {"session": []}, {}],
        "paths": {
            "/api/v1/lookup": _get("Look up a term, Indonesian or English", "reader", [
                _param("q", "the term", True), _param("lang", "id or en (default: any)"),
                _param("limit", "at most this many concepts (1-100)", kind="integer"),
                _param("min_score", "0-100, default 60", kind="number")]),
            "/api/v1/check": _post("Check an article", "reader",
                                   {"text": "string", "name": "string", "fix": "boolean"},
                                   ["text"]),
            "/api/v1/tm/search": _get("Fuzzy matches from the memory", "reader", [
                _param("q", "the sentence", True), _param("from", "its language"),
                _param("limit", "1-100", kind="integer"),
                _param("min_score", "0-100, default 75", kind="number")]),
            "/api/v1/tm/concordance": _get("Units holding every word", "reader", [
                _param("q", "the words", True), _param("limit", "1-1000", kind="integer")]),
            "/api/v1/tm/units": {
                **_get("Memory units, in the order stored", "reader", [
                    _param("offset", "skip this many", kind="integer"),
                    _param("limit", "1-500", kind="integer")]),
                **_post("Add a confirmed sentence pair", "translator",
                        {"source": "string", "target": "string", "origin": "string"},
                        ["source", "target"], created=True)},
            "/api/v1/glossary/concepts": {
                **_get("Concepts by domain and status", "reader", [
                    _param("domain", "subject field"),
                    _param("status", "preferred, admitted, deprecated or superseded"),
                    _param("offset", "skip this many", kind="integer"),
                    _param("limit", "1-500", kind="integer")]),
                **_post("Add a concept (terms: [{text, language, status, term_type}])",
                        "terminologist", {"id": "string", "terms": "array",
                                          "subject_field": "string", "note": "string",
                                          "definitions": "object", "file": "string",
                                          "force": "boolean"}, ["id", "terms"],
                        created=True)},
            "/api/v1/glossary/concepts/{concept_id}": {
                "get": {"summary": "One concept", "description": "Role: reader.",
                        "parameters": [_CONCEPT_ID],
                        "responses": {"200": {"description": "the concept"},
                                      "404": {"description": "no such concept"}, **_ERRORS}},
                "patch": {**_post("Edit a concept, as `termbase glossary edit`",
                                  "terminologist",
                                  {"subject_field": "string", "note": "string",
                                   "definitions": "object", "add_terms": "array",
                                   "statuses": "object", "remove_terms": "array",
                                   "force": "boolean"}, [])["post"],
                          "parameters": [_CONCEPT_ID]}},
            "/api/v1/glossary/history": _get("Who changed what, newest first", "reader", [
                _param("concept", "one concept's changes"),
                _param("limit", "1-500", kind="integer")]),
            "/api/v1/users": {
                **_get("The accounts", "admin", []),
                **_post("Add an account", "admin", {"name": "string", "password": "string",
                                                    "role": "string"},
                        ["name", "password", "role"], created=True)},
            "/api/v1/users/{name}": {
                "patch": {**_post("Change an account's role", "admin", {"role": "string"},
                                  ["role"])["post"], "parameters": [_NAME]},
                "delete": {"summary": "Remove an account", "description": "Role: admin.",
                           "parameters": [_NAME],
                           "responses": {"200": {"description": "removed"}, **_ERRORS}}},
            "/api/v1/glossary/deprecate": _post(
                "Deprecate a term in favour of another", "terminologist",
                {"term": "string", "use": "string", "superseded": "boolean",
                 "force": "boolean"}, ["term", "use"]),
            "/api/v1/openapi.json": {"get": {"summary": "This description",
                                             "responses": {"200": {"description": "OpenAPI"}}}},
        },
    }
