"""``plandsl site``: the tree, plan pages and matrices as static HTML files.

Relative links only, so the folder works from a shared drive or any web
server. Each file is written atomically; a non-empty output folder is refused
unless ``force``.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from plandsl.core.fsutil import write_atomic
from plandsl.core.i18n import _
from plandsl.web import matrix as mx
from plandsl.web import views
from plandsl.web.content import column_groups, plan_context, render_document, status_labels
from plandsl.web.engine import Workspace
from plandsl.web.pages import DOWNLOADS, SiteLinks, render_page


class SiteError(Exception):
    """The output folder cannot be used (not empty without force, or a file)."""


def build_site(roots: list[str], out: str | Path, *, lang: str = "vi", force: bool = False,
               downloads: bool = True) -> int:
    """Write the site into ``out``; returns the number of files written."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise SiteError(_("cannot write {path}: it is a file, not a folder").format(path=out))
    if out.is_dir() and any(out.iterdir()) and not force:
        raise SiteError(_("{path} is not empty; use --force to write into it").format(path=out))
    snap = Workspace(list(roots)).snapshot(lang)
    links = SiteLinks(lang)
    written = 0

    def put(rel: str, data: bytes | str) -> None:
        nonlocal written
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data, overwrite=force)
        written += 1

    common = dict(default_lang=lang)
    totals = [snap.counts(pid) for pid in snap.plans]
    broken = [(snap.display_path(f.path), sum(1 for d in f.diagnostics if d.severity.label == "error"))
              for f in snap.broken_files()]
    put("index.html", render_page("tree.html", links.at(0), lang, nodes=views.tree(snap), query="", hits=[],
                                  total=len(snap.plans), errors=sum(t[0] for t in totals) + sum(n for _, n in broken),
                                  warnings=sum(t[1] for t in totals), weaker=sum(t[2] for t in totals),
                                  broken=broken, path_links={}, unplaced=snap.unplaced, **common))
    for pid, plan in sorted(snap.plans.items()):
        made = []
        if downloads:
            for fmt in DOWNLOADS:
                result = render_document(snap, pid, fmt)
                if result.ok:
                    put(f"downloads/{pid}.{fmt}", result.data)
                    made.append(fmt)
        context = plan_context(snap, plan, list(roots))
        context.update(downloads=tuple(made), rel=None)
        put(f"plans/{pid}.html", render_page("plan.html", links.at(1), lang, **context, **common))
        if snap.children.get(pid):
            m = mx.build(snap, pid)
            if m is None:
                continue
            put(f"matrix/{pid}.html", render_page("matrix.html", links.at(1), lang, matrix=m, statuses=mx.STATUSES,
                                                  groups=column_groups(m), **common))
            put(f"matrix/{pid}.csv", mx.to_csv(m).encode("utf-8-sig"))
            put(f"matrix/{pid}.xlsx", mx.to_xlsx(m, status_labels(lang)))
    put("static/style.css", (files("plandsl.web") / "static" / "style.css").read_bytes())
    return written
