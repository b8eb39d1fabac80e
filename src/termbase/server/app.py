"""The ASGI application: routes, error pages, and the defences every request passes
through (body size, security headers, same-origin writes)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from termbase.errors import Busy, TermbaseError
from termbase.server import api, pages
from termbase.server.auth import BadCsrf, Forbidden
from termbase.server.desk import Desk, DeskSettings, settings_from_json
from termbase.server.scheduling import LaneBroken, Scheduling

SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
     b"base-uri 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class Defences:
    """Refuse a body over the limit (413) before it is read whole, refuse a write whose
    Origin is another site (a forged cross-site form), add the security headers."""

    def __init__(self, app: ASGIApp, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _plain(413, "upload too large", send)
            return
        if scope["method"] in UNSAFE_METHODS and not _same_origin(headers):
            await _plain(403, "cross-site request refused", send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise _TooLarge()
            return message

        async def secured_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except _TooLarge:
            await _plain(413, "upload too large", send)


class _TooLarge(Exception):
    pass


def _same_origin(headers: dict[bytes, bytes]) -> bool:
    origin = headers.get(b"origin")
    if origin is None or origin == b"null" and b"authorization" in headers:
        return True  # scripts and same-origin navigation without Origin
    host = headers.get(b"host", b"")
    return origin.split(b"://", 1)[-1] == host


async def _plain(status: int, text: str, send: Send) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(api.PREFIX)


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return pages.render(request, "error.html", http_status=status, error=message,
                        status_code=status)


async def _on_input_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TermbaseError)
    status = 404 if exc.message.startswith("no concept with id") else 400
    # A file the server holds is named by its file name only: the desk's folders and
    # database are nobody's business.
    from termbase.glossary.postgres import source_name

    where = ""
    if exc.path is not None:
        name = source_name(exc.path) or "database"
        where = f"{name}:{exc.line}: " if exc.line else f"{name}: "
    message = re.split(r" in (?:/|postgres(?:ql)?://)", exc.message)[0] if status == 404 \
        else exc.message
    return _error(request, status, where + message if status == 400 else message)


async def _on_forbidden(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Forbidden)
    from termbase.server.i18n import interface_language, messages

    t = messages()[interface_language(request)]
    if not exc.signed_in:
        if _wants_json(request):
            return JSONResponse({"error": f"sign in (or send an API token) as {exc.needed} "
                                          "or above"}, status_code=401)
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return _error(request, 403, t["forbidden"] if not _wants_json(request)
                  else f"your role may not do this: it needs {exc.needed}")


async def _on_bad_csrf(request: Request, exc: Exception) -> Response:
    return _error(request, 403, "the form is stale or forged (CSRF token missing or wrong): "
                                "reload the page")


async def _on_too_large(request: Request, exc: Exception) -> Response:
    return _error(request, 413, "upload too large")


async def _on_busy(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Busy)
    response = _error(request, 503, exc.message)
    response.headers["Retry-After"] = "1"
    return response


async def _on_lane_broken(request: Request, exc: Exception) -> Response:
    return _error(request, 503, "the check was lost (a check process stopped): send it again")


def _closing(desk: Desk) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """The lifespan of the application: when the worker stops, so do its check
    processes."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if desk.check_lane is not None:
                desk.check_lane.close()

    return lifespan


async def _on_http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _error(request, exc.status_code, str(exc.detail))


def create_app(settings: DeskSettings) -> Starlette:
    desk = Desk(settings)
    handlers: dict[Any, Any] = {
        Busy: _on_busy,
        TermbaseError: _on_input_error,
        Forbidden: _on_forbidden,
        BadCsrf: _on_bad_csrf,
        api.TooLarge: _on_too_large,
        LaneBroken: _on_lane_broken,
        HTTPException: _on_http,
    }
    static = StaticFiles(directory=str(Path(__file__).with_name("static")))
    app = Starlette(
        routes=[*api.ROUTES, *pages.ROUTES, Mount("/static", static, name="static")],
        exception_handlers=handlers,
        middleware=[Middleware(Defences, max_body=settings.max_upload_bytes + 64 * 1024),
                    Middleware(Scheduling, slots=settings.compute_slots,
                               checks_apart=desk.check_lane is not None)],
        lifespan=_closing(desk),
    )
    app.state.desk = desk
    return app


SETTINGS_ENV = "TERMBASE_SERVE_SETTINGS"


def app_from_environment() -> Starlette:
    """The application of a `termbase serve` worker process: uvicorn starts each worker
    by import, so the settings travel in the environment, as JSON."""
    import os

    return create_app(settings_from_json(os.environ[SETTINGS_ENV]))
