"""The ``plandsl serve`` application (Starlette): tree, plan pages, matrices, downloads,
and with ``edit=True`` the editor routes of :mod:`plandsl.web.editing`.

Safety: every request must carry the access token when one is set (``?token=``
once, then a cookie; or ``Authorization: Bearer``); the Host header must name
an allowed host (no DNS rebinding); writes are refused unless the server runs
with ``edit`` and the request carries the page's CSRF token and no foreign
Origin. Every page is rendered by autoescaping Jinja templates.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from plandsl.web import matrix as mx
from plandsl.web import security, views
from plandsl.web.content import column_groups, plan_context, render_document, status_labels
from plandsl.web.engine import Workspace
from plandsl.web.common import Settings, lang_of, links, message, page, settings, workspace
from plandsl.web.pages import DOWNLOADS, render_page
from plandsl.web.strings import translate

log = logging.getLogger("plandsl.web")
FULL_TREE = 400  # up to this many plans the tree page holds them all; beyond, levels load on demand
MEDIA = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'",
}


# ------------------------------------------------------------------ pages


def home(request: Request) -> Response:
    snap = workspace(request).snapshot(lang_of(request))
    query = request.query_params.get("q", "")[:200]
    nodes = views.tree(snap, depth=None if len(snap.plans) <= FULL_TREE else 1)
    totals = [snap.counts(pid) for pid in snap.plans]
    broken = [(snap.display_path(f.path), sum(1 for d in f.diagnostics if d.severity.label == "error"))
              for f in snap.broken_files()]
    path_links = {snap.display_path(f.path): security.relative_name(settings(request).roots, f.path)
                  for f in snap.broken_files()}
    return page(request, "tree.html", nodes=nodes, query=query, hits=_hits(snap, query), total=len(snap.plans),
                errors=sum(t[0] for t in totals) + sum(n for _, n in broken), warnings=sum(t[1] for t in totals),
                weaker=sum(t[2] for t in totals), broken=broken, path_links=path_links, unplaced=snap.unplaced)


def _hits(snap, query: str) -> list[views.Node]:
    out = []
    for pid in views.search(snap, query):
        plan = snap.plans[pid]
        errors, warnings, weaker = snap.counts(pid)
        out.append(views.Node(pid, views.label(plan), plan.title or "", plan.level.en if plan.level else "",
                              errors, warnings, weaker))
    return out


def subtree(request: Request) -> Response:
    snap = workspace(request).snapshot(lang_of(request))
    plan_id = request.path_params["plan_id"]
    if plan_id not in snap.plans:
        return message(request, 404, "Not found", "No plan with this id.")
    nodes = views.tree(snap, depth=0, start=plan_id)
    return HTMLResponse(render_page("_subtree.html", links(request), lang_of(request), nodes=nodes))


def search(request: Request) -> Response:
    snap = workspace(request).snapshot(lang_of(request))
    query = request.query_params.get("q", "")[:200]
    html = render_page("_search.html", links(request), lang_of(request), query=query, hits=_hits(snap, query))
    return HTMLResponse(html)


def plan_page(request: Request) -> Response:
    name = request.path_params["name"]
    plan_id, _, ext = name.partition(".")
    snap = workspace(request).snapshot(lang_of(request))
    plan = snap.plans.get(plan_id)
    if plan is None:
        from plandsl.core.suggest import did_you_mean

        return message(request, 404, "Not found", "No plan with this id.", did_you_mean(plan_id, snap.plans))
    if ext:
        if ext not in DOWNLOADS:
            return message(request, 404, "Not found", "No plan with this id.")
        return download(request, snap, plan_id, ext)
    return page(request, "plan.html", **plan_context(snap, plan, settings(request).roots))


def download(request: Request, snap, plan_id: str, fmt: str) -> Response:
    result = render_document(snap, plan_id, fmt)
    if not result.ok:
        findings = views.findings_of(result.diagnostics, snap.sources(), snap.display_path)
        lang = lang_of(request)
        text = "; ".join(f"{f.code}: {f.message}" for f in findings)
        return message(request, 422, translate("Download", lang), text)
    headers = {"Content-Disposition": attachment(f"{plan_id}.{fmt}")}
    return Response(result.data, media_type=MEDIA[fmt], headers=headers)


def attachment(name: str) -> str:
    """A Content-Disposition header for ``name`` (plan ids may hold Vietnamese letters: RFC 6266)."""
    from urllib.parse import quote

    from plandsl.web.search import fold

    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in fold(name)) or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def matrix_page(request: Request) -> Response:
    name = request.path_params["name"]
    plan_id, _, ext = name.partition(".")
    lang = lang_of(request)
    snap = workspace(request).snapshot(lang)
    m = mx.build(snap, plan_id)
    if m is None:
        return message(request, 404, "Not found", "No plan with this id.")
    if ext == "csv":
        return Response(mx.to_csv(m).encode("utf-8-sig"), media_type=MEDIA["csv"],
                        headers={"Content-Disposition": attachment(f"matrix-{plan_id}.csv")})
    if ext == "xlsx":
        return Response(mx.to_xlsx(m, status_labels(lang)), media_type=MEDIA["xlsx"],
                        headers={"Content-Disposition": attachment(f"matrix-{plan_id}.xlsx")})
    if ext and ext != "html":
        return message(request, 404, "Not found", "No plan with this id.")
    return page(request, "matrix.html", matrix=m, statuses=mx.STATUSES, groups=column_groups(m))


# ------------------------------------------------------------------ safety


class Guard(BaseHTTPMiddleware):
    async def dispatch(self, request: Request, call_next):
        s: Settings = request.app.state.settings
        host = (request.headers.get("host") or "").rsplit(":", 1)[0].strip("[]")
        if s.allowed_hosts is not None and host not in s.allowed_hosts:
            return _refuse(403, "Forbidden")
        if s.token:
            given = request.query_params.get("token")
            if given is not None and security.same(given, s.token):
                params = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                target = request.url.path + ("?" + urlencode(params) if params else "")
                response = RedirectResponse(target, status_code=303)
                response.set_cookie(security.TOKEN_COOKIE, s.token, httponly=True, samesite="strict")
                return response
            auth = request.headers.get("authorization", "")
            bearer = auth[7:] if auth.lower().startswith("bearer ") else None
            if not (security.same(request.cookies.get(security.TOKEN_COOKIE), s.token)
                    or security.same(bearer, s.token)):
                return _refuse(401, "A token is required.")
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            if not s.edit:
                return _refuse(403, "The server is read-only; start it with --edit to change files.")
            origin = request.headers.get("origin")
            if origin and origin != "null":
                origin_host = origin.split("://", 1)[-1]
                if origin_host != request.headers.get("host"):
                    return _refuse(403, "The form has expired; reload the page and try again.")
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response


def _refuse(status: int, text: str) -> Response:
    body = f"{translate(text, 'vi')}\n{text}\n"
    return Response(body, status_code=status, media_type="text/plain; charset=utf-8", headers=SECURITY_HEADERS)


async def on_not_found(request: Request, exc: Exception) -> Response:
    """An unknown address gets the same localized page as an unknown plan."""
    return message(request, 404, "Not found", "No page at this address.")


async def on_error(request: Request, exc: Exception) -> Response:
    log.exception("internal error on %s", request.url.path)
    try:
        return message(request, 500, "Something went wrong", "This is a bug in plandsl, not in your spec.",
                       f"{type(exc).__name__}")
    except Exception:  # noqa: BLE001
        return _refuse(500, "Something went wrong")


def create_app(roots: list[str], *, edit: bool = False, token: str | None = None,
               allowed_hosts: list[str] | None = None, lang: str | None = None, cache: bool = True) -> Starlette:
    """The application serving the specs under ``roots``."""
    from importlib.resources import files

    routes = [
        Route("/", home),
        Route("/search", search),
        Route("/tree/{plan_id}", subtree),
        Route("/plans/{name}", plan_page),
        Route("/matrix/{name}", matrix_page),
        Mount("/static", StaticFiles(directory=str(files("plandsl.web") / "static")), name="static"),
    ]
    importer = False
    if edit:
        from plandsl.web.common import importer_available
        from plandsl.web.editing import routes as edit_routes

        routes[-1:-1] = edit_routes()
        if importer_available():
            from plandsl.web.importing import routes as import_routes

            routes[-1:-1] = import_routes()
            importer = True
    app = Starlette(routes=routes, middleware=[Middleware(Guard)], exception_handlers={404: on_not_found, Exception: on_error})
    app.state.settings = Settings(list(roots), edit=edit, token=token, allowed_hosts=allowed_hosts, lang=lang)
    app.state.settings.importer = importer
    app.state.workspace = Workspace(list(roots), cache=cache)
    return app
