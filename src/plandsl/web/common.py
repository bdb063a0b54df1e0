"""What every route needs: the server settings, the workspace, the page language and page rendering."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse

from plandsl.web import security
from plandsl.web.engine import Workspace
from plandsl.web.pages import ServerLinks, render_page
from plandsl.web.strings import default_language, pick_language, translate


def importer_available() -> bool:
    """Whether the document importer (plandsl.importer) is installed."""
    try:
        import importlib.util

        return importlib.util.find_spec("plandsl.importer") is not None
    except (ImportError, ValueError):
        return False


class Settings:
    def __init__(self, roots: list[str], *, edit: bool, token: str | None, allowed_hosts: list[str] | None,
                 lang: str | None) -> None:
        self.roots = roots
        self.edit = edit
        self.token = token
        self.allowed_hosts = allowed_hosts
        self.csrf = security.new_secret()
        self.default_lang = pick_language(lang or default_language())
        self.importer = False  # set when the import page is served


def settings(request: Request) -> Settings:
    return request.app.state.settings


def workspace(request: Request) -> Workspace:
    return request.app.state.workspace


def lang_of(request: Request) -> str:
    s = settings(request)
    return pick_language(request.query_params.get("lang"), s.default_lang)


def links(request: Request) -> ServerLinks:
    return ServerLinks(lang_of(request), settings(request).default_lang)


def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    s = settings(request)
    lang = lang_of(request)
    html = render_page(name, links(request), lang, edit_mode=s.edit, csrf=s.csrf if s.edit else "",
                       path=request.url.path, default_lang=s.default_lang, importer=s.edit and s.importer, **context)
    return HTMLResponse(html, status_code=status)


def message(request: Request, status: int, heading: str, text: str, hint: str | None = None) -> HTMLResponse:
    lang = lang_of(request)
    return page(request, "message.html", status, heading=translate(heading, lang), text=translate(text, lang),
                hint=hint)
