"""The web pages: server-rendered HTML over the same work functions as the API.

Forms post with the session's CSRF token; a page that needs a role sends someone not
signed in to the login page and someone without the role a 403.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from termbase.accounts import User
from termbase.errors import InputError
from termbase.server.auth import (
    CSRF_FIELD,
    SESSION_COOKIE,
    Caller,
    caller,
    check_csrf,
    require,
)
from termbase.server.desk import Desk
from termbase.server.i18n import interface_language, messages

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
PAGE_SIZE = 50
UPLOAD_SUFFIXES = (".txt", ".md", ".xlf", ".xliff")


def _desk(request: Request) -> Desk:
    desk: Desk = request.app.state.desk
    return desk


def render(request: Request, template: str, section: str = "", http_status: int = 200,
           who: Caller | None = None, **values: Any) -> HTMLResponse:
    desk = _desk(request)
    who = who or caller(request, desk)
    language = interface_language(request)
    csrf = desk.accounts().csrf_token(who.session) if who.session else ""
    response = TEMPLATES.TemplateResponse(request, template, {
        "t": messages()[language], "lang": language, "user": who.user, "csrf": csrf,
        "section": section, **values}, status_code=http_status)
    if request.query_params.get("lang") == language:
        response.set_cookie("lang", language, max_age=365 * 86400, samesite="lax")
    return response


async def _form(request: Request) -> FormData:
    limit = _desk(request).settings.max_upload_bytes
    return await request.form(max_files=1, max_fields=20, max_part_size=limit)


def _upload_bytes(request: Request, upload: UploadFile) -> bytes:
    """The upload's bytes; TooLarge (413) past the desk's limit."""
    from termbase.server.api import TooLarge

    limit = _desk(request).settings.max_upload_bytes
    data = upload.file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


@dataclass(frozen=True)
class Posted:
    """A form posted by a user who may post it, its CSRF token checked."""

    request: Request
    desk: Desk
    who: Caller
    user: User
    form: FormData

    def field(self, name: str) -> str:
        return _field(self.form, name)

    def upload(self) -> UploadFile | None:
        upload = self.form.get("file")
        return upload if isinstance(upload, UploadFile) and upload.filename else None


def form_action(role: str) -> Callable[[Callable[[Posted], Response]],
                                       Callable[[Request], Awaitable[Response]]]:
    """An endpoint that reads the form, then, off the event loop, checks the role and
    the CSRF token and calls the action with what was posted."""

    def wrap(action: Callable[[Posted], Response]) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            form = await _form(request)

            def run() -> Response:
                desk = _desk(request)
                who = caller(request, desk)
                user = require(who, role)
                check_csrf(who, desk, _field(form, CSRF_FIELD))
                return action(Posted(request, desk, who, user, form))

            return await run_in_threadpool(run)

        return endpoint

    return wrap


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


# --- look-up ------------------------------------------------------------------------
def _lookup_results(request: Request, desk: Desk, query: str) -> list[dict[str, Any]]:
    from termbase.glossary.lookup import lookup as find
    from termbase.glossary.lookup import lookup_payload

    if not query:
        return []
    hits = find(desk.glossary(), query, None, 60, 10)
    examples = desk.memory_examples(hits)
    from termbase.server.work import public_lookup

    results: list[dict[str, Any]] = public_lookup(
        lookup_payload(query, None, hits, examples))["results"]
    return results


def lookup_page(request: Request) -> Response:
    desk = _desk(request)
    who = caller(request, desk)
    require(who, "reader")
    query = request.query_params.get("q", "").strip()
    return render(request, "lookup.html", "lookup", who=who, query=query,
                  results=_lookup_results(request, desk, query))


def lookup_fragment(request: Request) -> Response:
    desk = _desk(request)
    who = caller(request, desk)
    require(who, "reader")
    query = request.query_params.get("q", "").strip()
    return render(request, "lookup_results.html", who=who, query=query,
                  results=_lookup_results(request, desk, query))


# --- memory -------------------------------------------------------------------------
def marked_differences(query: str, stored: str) -> Markup:
    """stored, its words that the query lacks in <ins>: where a fuzzy match differs."""
    wanted, words = query.split(), stored.split()
    matcher = difflib.SequenceMatcher(a=[w.casefold() for w in wanted],
                                      b=[w.casefold() for w in words], autojunk=False)
    pieces = []
    for tag, _, _, start, end in matcher.get_opcodes():
        text = escape(" ".join(words[start:end]))
        if text:
            pieces.append(text if tag == "equal" else Markup("<ins>") + text + Markup("</ins>"))
    return Markup(" ").join(pieces)


def memory_page(request: Request) -> Response:
    from termbase.tm.service import search_languages

    desk = _desk(request)
    who = caller(request, desk)
    require(who, "reader")
    query = request.query_params.get("q", "").strip()
    mode = request.query_params.get("mode", "fuzzy")
    rows: list[dict[str, Any]] = []
    if query:
        memory = desk.memory()
        if mode == "concordance":
            rows = [{"score": None, "source_html": _highlighted(u.source, query),
                     "target_html": _highlighted(u.target, query), "origin": u.origin}
                    for _, u in memory.concordance(query, 50)]
        else:
            source_lang, target_lang = search_languages(memory, None)
            rows = [{"score": m.score, "source_html": marked_differences(query, m.unit.source),
                     "target_html": m.unit.target, "origin": m.unit.origin}
                    for m in memory.search(query, source_lang, target_lang, 60, 10)]
    return render(request, "memory.html", "memory", who=who, query=query, mode=mode,
                  rows=rows)


def _highlighted(text: str, query: str) -> Markup:
    import re

    words = [w for w in query.split() if w]
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(Markup("<ins>") + escape(match.group()) + Markup("</ins>"))
        last = match.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


# --- check --------------------------------------------------------------------------
def check_page(request: Request) -> Response:
    who = caller(request, _desk(request))
    require(who, "reader")
    return render(request, "check.html", "check", who=who, text="", checked=False)


@form_action("reader")
def check_submit(posted: Posted) -> Response:
    from termbase.server.work import check_article

    request, desk = posted.request, posted.desk
    upload = posted.upload()
    name, text = "article.txt", posted.field("text")
    if upload is not None:
        name = os.path.basename(upload.filename or name)
        if name.lower().endswith((".xlf", ".xliff")):
            return _check_bilingual_upload(posted, _upload_bytes(request, upload), name)
        text = _uploaded_text(_upload_bytes(request, upload), name)
    if not text.strip():
        raise InputError("paste an article or choose a file")
    fix = posted.field("fix") == "1"
    payload = check_article(desk, text, name, fix=fix)
    if fix:
        text = payload["fixed"]
    findings = payload["findings"]
    return render(request, "check.html", "check", who=posted.who, text=text, name=name,
                  checked=True, findings=findings, runs=_runs(text, findings),
                  fixable=payload["summary"]["fixable"],
                  applied=payload.get("applied"))


def _uploaded_text(data: bytes, name: str) -> str:
    """The upload's text, decoded and refused as `termbase check` would a file."""
    from termbase.check.inputs import read_source

    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise InputError(f"{name}: upload a .txt, .md or .xlf file")
    with tempfile.TemporaryDirectory(prefix="termbase-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return read_source(str(path)).text
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), name)) from None


def _check_bilingual_upload(posted: Posted, data: bytes, name: str) -> Response:
    from termbase.check.records import check_payload
    from termbase.check.service import check_source
    from termbase.formats.bilingual import read_bilingual

    desk = posted.desk
    with tempfile.TemporaryDirectory(prefix="termbase-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            result = check_source(read_bilingual(str(path)), desk.context(), desk.selection())
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), name)) from None
    findings = check_payload([result])["findings"]
    return render(posted.request, "check.html", "check", who=posted.who, text="", name=name,
                  checked=True,
                  findings=findings, runs=[], fixable=0, applied=None)


def _runs(text: str, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut into plain runs and runs marked with a finding (the first of any
    that overlap), for the page to show each finding where it is."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1 if 0 < line <= len(starts) else len(text)

    runs: list[dict[str, Any]] = []
    position = 0
    spans = sorted((offset(f["line"], f["column"]), offset(f["end_line"], f["end_column"]),
                    index, f) for index, f in enumerate(findings))
    for start, end, index, finding in spans:
        if start < position or end <= start:
            continue
        runs.append({"text": text[position:start], "finding": None})
        runs.append({"text": text[start:end], "finding": index, "rule": finding["rule"],
                     "severity": finding["severity"], "message": finding["message"]})
        position = end
    runs.append({"text": text[position:], "finding": None})
    return runs


@form_action("reader")
def check_download(posted: Posted) -> Response:
    name = os.path.basename(posted.field("name")) or "article.txt"
    return Response(posted.field("text").encode("utf-8"),
                    media_type="text/plain; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})


# --- glossary -----------------------------------------------------------------------
def glossary_page(request: Request) -> Response:
    from termbase.server.work import concept_listing

    desk = _desk(request)
    who = caller(request, desk)
    require(who, "reader")
    domain = request.query_params.get("domain", "")
    status = request.query_params.get("status", "")
    try:
        page = max(0, int(request.query_params.get("page", "0")))
    except ValueError:
        page = 0
    listing = concept_listing(desk.glossary(), domain or None, status or None,
                              page * PAGE_SIZE, PAGE_SIZE)
    pages = (listing["total"] + PAGE_SIZE - 1) // PAGE_SIZE
    may_edit = who.user is not None and who.user.may("terminologist")
    return render(request, "glossary.html", "glossary", who=who, listing=listing,
                  domain=domain, status=status, page=page, pages=pages, may_edit=may_edit)


def concept_page(request: Request) -> Response:
    from termbase.glossary.lookup import concept_record
    from termbase.glossary.service import concept_by_id

    desk = _desk(request)
    who = caller(request, desk)
    require(who, "reader")
    concept = concept_by_id(desk.glossary(), request.path_params["concept_id"])
    may_edit = who.user is not None and who.user.may("terminologist")
    from termbase.server.work import public_concept

    return render(request, "concept.html", "glossary", who=who,
                  c=public_concept(concept_record(concept)),
                  may_edit=may_edit, history=desk.history(concept.id))


@form_action("terminologist")
def deprecate_submit(posted: Posted) -> Response:
    from termbase.server.work import deprecate_term

    deprecate_term(posted.desk, posted.user, {
        "term": posted.field("term"), "use": posted.field("use"),
        "superseded": posted.field("superseded") == "1",
        "force": posted.field("force") == "1"})
    concept = posted.field("concept")
    return RedirectResponse(f"/glossary/{quote(concept)}" if concept else "/glossary",
                            status_code=303)


@form_action("terminologist")
def concept_edit_submit(posted: Posted) -> Response:
    from termbase.server.work import edit_glossary_concept

    concept_id = posted.request.path_params["concept_id"]
    term = posted.field("term_text").strip()
    edit_glossary_concept(posted.desk, posted.user, concept_id, {
        "note": posted.field("note"),
        "definitions": {"id": posted.field("definition_id"),
                        "en": posted.field("definition_en")},
        "add_terms": [{"text": term, "language": posted.field("term_language") or "id",
                       "status": posted.field("term_status") or "preferred"}] if term else [],
        "force": posted.field("force") == "1"})
    return RedirectResponse(f"/glossary/{quote(concept_id)}", status_code=303)


@form_action("terminologist")
def concept_new_submit(posted: Posted) -> Response:
    from termbase.server.work import add_glossary_concept

    terms = [{"text": posted.field(f"term_{language}"), "language": language}
             for language in ("id", "en") if posted.field(f"term_{language}").strip()]
    concept_id = posted.field("id").strip()
    add_glossary_concept(posted.desk, posted.user, {
        "id": concept_id, "terms": terms, "subject_field": posted.field("subject_field")})
    return RedirectResponse(f"/glossary/{quote(concept_id)}", status_code=303)


# --- exchange -----------------------------------------------------------------------
def exchange_page(request: Request) -> Response:
    who = caller(request, _desk(request))
    require(who, "translator")
    return render(request, "exchange.html", "exchange", who=who, message="")


@form_action("translator")
def exchange_export(posted: Posted) -> Response:
    from termbase.server.work import export_article

    upload = posted.upload()
    if upload is None:
        raise InputError("choose an article (.txt or .md) to export")
    name = os.path.basename(upload.filename or "article.txt")
    data = export_article(posted.desk, name, _upload_bytes(posted.request, upload))
    return Response(data, media_type="application/xliff+xml", headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(Path(name).stem)}.xlf"})


@form_action("translator")
def exchange_import(posted: Posted) -> Response:
    from termbase.server.work import import_translation

    upload = posted.upload()
    if upload is None:
        raise InputError("choose a translated XLIFF or TMX file")
    name = os.path.basename(upload.filename or "translation.xlf")
    done = import_translation(posted.desk, posted.user, name,
                              _upload_bytes(posted.request, upload))
    t = messages()[interface_language(posted.request)]
    return render(posted.request, "exchange.html", "exchange", who=posted.who,
                  message=f"{name}: {done['added'] + done['updated']} {t['imported']}")


# --- signing in ----------------------------------------------------------------------
def login_page(request: Request) -> Response:
    return render(request, "login.html", next=_safe_next(request.query_params.get("next")))


def _safe_next(target: str | None) -> str:
    """Only a path on this site: an open redirect would make the login page a lure."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return "/"


async def login_submit(request: Request) -> Response:
    form = await _form(request)
    return await run_in_threadpool(_login_submit, request, form)


def _login_submit(request: Request, form: FormData) -> Response:
    desk = _desk(request)
    accounts = desk.accounts()
    name, password = _field(form, "name").strip(), _field(form, "password")
    address = request.client.host if request.client else ""
    t = messages()[interface_language(request)]
    if not accounts.login_allowed(name, address):
        return render(request, "login.html", http_status=429, error=t["login_throttled"],
                      next=_safe_next(_field(form, "next")))
    user = accounts.verify(name, password)
    accounts.record_login(name, address, user is not None)
    if user is None:
        return render(request, "login.html", http_status=401, error=t["login_failed"],
                      next=_safe_next(_field(form, "next")))
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        accounts.end_session(old)  # a fresh session id at every sign-in (no fixation)
    response = RedirectResponse(_safe_next(_field(form, "next")), status_code=303)
    response.set_cookie(SESSION_COOKIE, accounts.start_session(user), httponly=True,
                        samesite="lax", secure=desk.settings.secure_cookies, path="/")
    return response


async def logout_submit(request: Request) -> Response:
    form = await _form(request)
    desk = _desk(request)
    who = caller(request, desk)
    check_csrf(who, desk, _field(form, CSRF_FIELD))
    if who.session:
        desk.accounts().end_session(who.session)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


ROUTES = [
    Route("/", lookup_page),
    Route("/lookup/results", lookup_fragment),
    Route("/memory", memory_page),
    Route("/check", check_page),
    Route("/check", check_submit, methods=["POST"]),
    Route("/check/download", check_download, methods=["POST"]),
    Route("/glossary", glossary_page),
    Route("/glossary/deprecate", deprecate_submit, methods=["POST"]),
    Route("/glossary/new", concept_new_submit, methods=["POST"]),
    Route("/glossary/{concept_id}/edit", concept_edit_submit, methods=["POST"]),
    Route("/glossary/{concept_id}", concept_page),
    Route("/exchange", exchange_page),
    Route("/exchange/export", exchange_export, methods=["POST"]),
    Route("/exchange/import", exchange_import, methods=["POST"]),
    Route("/login", login_page),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout_submit, methods=["POST"]),
]
