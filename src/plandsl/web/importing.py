"""The import page (``plandsl serve --edit``, when plandsl.importer is installed): upload a
DOCX/DOC/PDF/text document or a scanned page, draft a spec from it with
:func:`plandsl.importer.import_document`, write the draft as a new file in a served folder
(never over an existing one) and open it in the editor.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from plandsl.core.fsutil import write_atomic
from plandsl.web import common as web
from plandsl.web import security
from plandsl.web.strings import translate

MAX_UPLOAD = 25 * 1024 * 1024
SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def import_form(request: Request, error: str | None = None, values: dict | None = None,
                status: int = 200) -> Response:
    snap = web.workspace(request).snapshot(web.lang_of(request))
    return web.page(request, "import.html", status, parents=sorted(snap.plans), error=error, values=values or {},
                    accept=",".join(SUFFIXES))


async def import_upload(request: Request) -> Response:
    from plandsl.importer import ImportFailure, import_document

    lang = web.lang_of(request)
    try:
        form = await request.form(max_files=1, max_fields=10, max_part_size=MAX_UPLOAD)
    except Exception:  # noqa: BLE001: too big or malformed: refused, not a crash
        return import_form(request, translate("The file is too big or not a form upload.", lang), status=413)
    if not security.same(str(form.get(security.CSRF_FIELD, "")), web.settings(request).csrf):
        return web.message(request, 403, "Forbidden", "The form has expired; reload the page and try again.")
    values = {k: str(form.get(k, "")).strip() for k in ("parent", "file", "keywords")}
    upload = form.get("document")
    name = os.path.basename(getattr(upload, "filename", "") or "")
    suffix = Path(name).suffix.lower()
    if upload is None or not name or suffix not in SUFFIXES:
        return import_form(request, translate("Give a .docx, .doc, .pdf, .txt or .md file, or a scanned page.", lang),
                           values, 422)
    rel = values["file"] or f"{Path(name).stem}.plan"
    target = _target(request, rel)
    if target is None or target.exists():
        return import_form(request, f"{translate('File name', lang)}: {rel}", values, 422)
    snap = web.workspace(request).snapshot(lang)
    if values["parent"] and values["parent"] not in snap.plans:
        return import_form(request, translate("No plan with this id.", lang), values, 422)
    data = await upload.read()
    fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="plandsl-import-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        result = import_document(tmp, parent_id=values["parent"] or None, specs=tuple(web.settings(request).roots),
                                 keywords=values["keywords"] if values["keywords"] in ("vi", "en") else "vi",
                                 source_name=name)
        write_atomic(target, result.text, overwrite=False)
    except ImportFailure as exc:
        return import_form(request, str(exc), values, 422)
    except FileExistsError as exc:
        return import_form(request, str(exc), values, 422)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    web.workspace(request).invalidate()
    rel = security.relative_name(web.settings(request).roots, str(target)) or rel
    return RedirectResponse(web.links(request).edit(rel), status_code=303)


def _target(request: Request, rel: str) -> Path | None:
    try:
        path = security.confine(web.settings(request).roots, rel, must_exist=False)
    except security.PathError:
        return None
    return path if path.parent.is_dir() else None


def routes() -> list[Route]:
    return [Route("/import", import_form, methods=["GET"]), Route("/import", import_upload, methods=["POST"])]
