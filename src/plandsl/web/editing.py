"""The editor routes (``plandsl serve --edit`` only): open a spec, check unsaved text as
you type, hover for the parent's value, save atomically (refusing when the file
changed on disk since it was opened, keeping the previous version in the undo
history), restore a previous version, and scaffold a new child plan.

Every write checks the CSRF token; every path is confined to the served folders
(:func:`plandsl.web.security.confine`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from plandsl.core.diagnostics import Severity
from plandsl.core.fsutil import write_atomic
from plandsl.web import common as web
from plandsl.web import security
from plandsl.web.strings import editor_phrases, translate

HISTORY_DIR = ".plandsl-history"
MAX_TEXT = 2_000_000  # characters accepted from the editor


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _csrf_ok(request: Request, given: str | None) -> bool:
    s = web.settings(request)
    return security.same(given or request.headers.get(security.CSRF_HEADER), s.csrf)


def _forbidden(request: Request) -> Response:
    return web.message(request, 403, "Forbidden", "The form has expired; reload the page and try again.")


def _confine(request: Request, rel: str, must_exist: bool = True) -> Path | None:
    try:
        return security.confine(web.settings(request).roots, rel, must_exist=must_exist)
    except security.PathError:
        return None


async def _json(request: Request) -> dict | None:
    try:
        data = await request.json()
    except Exception:  # noqa: BLE001: bad JSON is a refusal, not a crash
        return None
    return data if isinstance(data, dict) else None


def diagnostics_json(diags, lang: str) -> dict:
    items = [{"code": d.code, "severity": d.severity.label, "message": d.message, "hint": d.hint,
              "line": d.span.line, "col": d.span.col, "end_line": d.span.end_line, "end_col": d.span.end_col}
             for d in diags]
    errors = sum(1 for d in diags if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diags if d.severity is Severity.WARNING)
    summary = f"{errors} {translate('errors', lang)} · {warnings} {translate('warnings', lang)}"
    return {"diagnostics": items, "summary": summary}


# ------------------------------------------------------------------ editor


def history_folder(request: Request, path: Path) -> Path:
    roots = web.settings(request).roots
    rel = security.relative_name(roots, str(path)) or path.name
    for folder in security.served_folders(roots):
        if folder == path.parent or folder in path.parents:
            return folder / HISTORY_DIR / rel
    return path.parent / HISTORY_DIR / path.name


def versions(request: Request, path: Path) -> list[Path]:
    folder = history_folder(request, path)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.suffix == ".plan" and not p.is_symlink()), reverse=True)


def _keep_version(request: Request, path: Path, data: bytes) -> None:
    folder = history_folder(request, path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S_%fZ")
    write_atomic(folder / f"{stamp}.plan", data, overwrite=False)


def edit_page(request: Request) -> Response:
    rel = request.path_params["rel"]
    path = _confine(request, rel)
    if path is None:
        return web.message(request, 404, "Not found", "No plan with this id.")
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    lang = web.lang_of(request)
    links = web.links(request)
    q = f"?lang={lang}"
    config = {"checkUrl": "/api/check" + q, "hoverUrl": "/api/hover" + q, "saveUrl": links.edit(rel), "path": rel,
              "csrf": web.settings(request).csrf, "base": digest(data), "delay": 120,
              "strings": {"offline": translate("Cannot reach the server.", lang)}, "phrases": editor_phrases(lang)}
    return web.page(request, "edit.html", rel=rel, text=text, config=config,
                       versions=len(versions(request, path)))


async def save(request: Request) -> Response:
    lang = web.lang_of(request)
    data = await _json(request)
    if data is None or not _csrf_ok(request, data.get("csrf")):
        return JSONResponse({"error": translate("The form has expired; reload the page and try again.", lang)}, 403)
    path = _confine(request, request.path_params["rel"])
    text = data.get("text")
    if path is None or not isinstance(text, str) or len(text) > MAX_TEXT:
        return JSONResponse({"error": translate("Not found", lang)}, 404)
    current = path.read_bytes()
    if digest(current) != data.get("base"):
        return JSONResponse({"error": translate(
            "The file changed on disk since you opened it. Reload it, then apply your edits again.", lang)}, 409)
    new = text.encode("utf-8")
    if new != current:
        _keep_version(request, path, current)
        write_atomic(path, new, overwrite=True)
        web.workspace(request).invalidate()
    return JSONResponse({"ok": True, "base": digest(new), "message": translate("Saved.", lang)})


async def check_text(request: Request) -> Response:
    lang = web.lang_of(request)
    data = await _json(request)
    if data is None or not _csrf_ok(request, data.get("csrf")):
        return JSONResponse({"error": "csrf"}, 403)
    path = _confine(request, str(data.get("path", "")))
    text = data.get("text")
    if path is None or not isinstance(text, str) or len(text) > MAX_TEXT:
        return JSONResponse({"error": "path"}, 404)
    diags = web.workspace(request).check_text(str(path), text, lang)
    return JSONResponse(diagnostics_json(diags, lang))


async def hover(request: Request) -> Response:
    lang = web.lang_of(request)
    data = await _json(request)
    if data is None or not _csrf_ok(request, data.get("csrf")):
        return JSONResponse({"error": "csrf"}, 403)
    path = _confine(request, str(data.get("path", "")))
    text, line, col = data.get("text"), data.get("line"), data.get("col")
    if path is None or not isinstance(text, str) or not isinstance(line, int) or not isinstance(col, int):
        return JSONResponse({"error": "path"}, 404)
    return JSONResponse({"text": web.workspace(request).hover(str(path), text, line, col, lang)})


# ------------------------------------------------------------------ history


def history_page(request: Request) -> Response:
    rel = request.path_params["rel"]
    path = _confine(request, rel)
    if path is None:
        return web.message(request, 404, "Not found", "No plan with this id.")
    items = [(p.stem, p.stat().st_size) for p in versions(request, path)]
    return web.page(request, "history.html", rel=rel, items=items)


async def restore(request: Request) -> Response:
    form = await request.form()
    if not _csrf_ok(request, form.get(security.CSRF_FIELD)):
        return _forbidden(request)
    rel = request.path_params["rel"]
    path = _confine(request, rel)
    version = str(form.get("version", ""))
    chosen = next((p for p in versions(request, path) if p.stem == version), None) if path else None
    if chosen is None:
        return web.message(request, 404, "Not found", "No plan with this id.")
    current = path.read_bytes()
    _keep_version(request, path, current)
    write_atomic(path, chosen.read_bytes(), overwrite=True)
    web.workspace(request).invalidate()
    return RedirectResponse(web.links(request).edit(rel), status_code=303)


# ------------------------------------------------------------------ new child plan


LEVELS = ("ministry", "province", "district", "commune")


def new_form(request: Request, error: str | None = None, values: dict | None = None, status: int = 200) -> Response:
    snap = web.workspace(request).snapshot(web.lang_of(request))
    parents = sorted(snap.plans)
    values = values or {"parent": request.query_params.get("parent", "")}
    return web.page(request, "new.html", status, parents=parents, levels=LEVELS, error=error, values=values)


async def new_create(request: Request) -> Response:
    from plandsl.author.scaffold import ScaffoldError, scaffold, slug
    from plandsl.language.model import Level

    form = await request.form()
    if not _csrf_ok(request, form.get(security.CSRF_FIELD)):
        return _forbidden(request)
    values = {k: str(form.get(k, "")).strip() for k in ("parent", "level", "jurisdiction", "plan_id", "file", "lang")}
    lang = web.lang_of(request)
    snap = web.workspace(request).snapshot(lang)
    parent = snap.plans.get(values["parent"])
    level = Level.lookup(values["level"]) if values["level"] in LEVELS else None
    if parent is None or level is None or not values["jurisdiction"]:
        return new_form(request, translate("Not found", lang), values, 422)
    rel = values["file"] or _default_file(request, snap, parent.id, slug(values["jurisdiction"]))
    path = _confine(request, rel, must_exist=False)
    if path is None or not path.parent.is_dir():
        return new_form(request, f"{translate('File name', lang)}: {rel}", values, 422)
    try:
        text = scaffold(snap.specs, parent.id, level, values["jurisdiction"], plan_id=values["plan_id"] or None,
                        lang=values["lang"] if values["lang"] in ("vi", "en") else None)
        write_atomic(path, text, overwrite=False)
    except (ScaffoldError, FileExistsError) as exc:
        return new_form(request, str(exc), values, 422)
    web.workspace(request).invalidate()
    rel = security.relative_name(web.settings(request).roots, str(path)) or rel
    return RedirectResponse(web.links(request).edit(rel), status_code=303)


def _default_file(request: Request, snap, parent_id: str, name: str) -> str:
    parent_path = snap.plan_file.get(parent_id)
    rel = security.relative_name(web.settings(request).roots, parent_path) if parent_path else None
    folder = os.path.dirname(rel) if rel else ""
    return f"{folder}/{name}.plan" if folder else f"{name}.plan"


def routes() -> list[Route]:
    out = [
        Route("/edit/{rel:path}", edit_page, methods=["GET"]),
        Route("/edit/{rel:path}", save, methods=["POST"]),
        Route("/history/{rel:path}", history_page, methods=["GET"]),
        Route("/history/{rel:path}", restore, methods=["POST"]),
        Route("/new", new_form, methods=["GET"]),
        Route("/new", new_create, methods=["POST"]),
        Route("/api/check", check_text, methods=["POST"]),
        Route("/api/hover", hover, methods=["POST"]),
    ]
    return out
