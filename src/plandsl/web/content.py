"""Page contents shared by the server and the static site."""

from __future__ import annotations

from plandsl.web import matrix as mx
from plandsl.web import security, views
from plandsl.web.pages import DOWNLOADS
from plandsl.web.strings import translate


def plan_context(snap, plan, roots) -> dict:
    errors, warnings, weaker = snap.counts(plan.id)
    graph = views.graph_around(snap, plan.id)
    ids = {plan.id, *graph.children, *(p for row in graph.ancestors for p in row)}
    labels = {pid: views.label(snap.plans[pid]) if pid in snap.plans else pid for pid in ids}
    path = snap.plan_file.get(plan.id)
    return dict(plan=plan, node=views.Node(plan.id, labels[plan.id], plan.title or "", "", errors, warnings, weaker),
                graph=graph, labels=labels, objectives=views.objectives(snap, plan.id),
                findings=views.findings(snap, plan.id), tasks=views.tasks(plan), downloads=DOWNLOADS,
                responsibilities=views.responsibilities(plan),
                rel=security.relative_name(roots, path) if path else None)


def render_document(snap, plan_id: str, fmt: str):
    from plandsl.render import render

    return render(snap.subset(plan_id), plan_id, fmt, "both", compare=False, draft=True)


def status_labels(lang: str) -> dict[str, str]:
    keys = list(mx.STATUSES) + ["Child plan", "Parent plan"]
    return {k: translate(k, lang) for k in keys}


def column_groups(m) -> list[tuple[str, int, str]]:
    groups: list[list] = []
    for c in m.columns:
        if groups and groups[-1][0] == c.objective:
            groups[-1][1] += 1
        else:
            groups.append([c.objective, 1, c.indicator])
    return [tuple(g) for g in groups]
