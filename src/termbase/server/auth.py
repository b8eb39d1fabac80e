"""Who is asking, and may they: session cookies for people, bearer tokens for scripts,
a CSRF token on every write made with a cookie. Every write checks the role here, on
the server, whatever the page showed."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from termbase.accounts import ROLES, User
from termbase.server.desk import Desk

SESSION_COOKIE = "termbase_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
ANONYMOUS_READER = User(name="", role="reader")


class Forbidden(Exception):
    """The request lacks the role it needs (403), or any account at all (401)."""

    def __init__(self, needed: str, signed_in: bool):
        super().__init__(needed)
        self.needed = needed
        self.signed_in = signed_in


class BadCsrf(Exception):
    """A write made with a session cookie without the session's CSRF token."""


@dataclass(frozen=True)
class Caller:
    user: User | None  # None: nobody signed in
    session: str | None  # the session token, when signed in with a cookie
    by_token: bool = False

    @property
    def signed_in(self) -> bool:
        return self.user is not None and self.user.name != ""


def caller(request: Request, desk: Desk) -> Caller:
    """The user behind the request: an `Authorization: Bearer` API token, else the
    session cookie, else nobody (a reader when the desk allows public reading)."""
    accounts = desk.accounts()
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        user = accounts.token_user(header[7:].strip())
        return Caller(user, None, by_token=True)
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        user = accounts.session_user(session)
        if user is not None:
            return Caller(user, session)
    return Caller(ANONYMOUS_READER if desk.settings.public_read else None, None)


def require(who: Caller, role: str) -> User:
    """The caller's user if it may act as role; Forbidden otherwise."""
    assert role in ROLES
    if who.user is None or not who.user.may(role):
        raise Forbidden(role, who.signed_in)
    return who.user


def check_csrf(who: Caller, desk: Desk, submitted: str | None) -> None:
    """A cookie-authenticated write must carry the session's CSRF token; a token-
    authenticated one carries no cookie a foreign page could ride on."""
    if who.by_token or who.session is None:
        return
    if not submitted or not desk.accounts().check_csrf(who.session, submitted):
        raise BadCsrf()
