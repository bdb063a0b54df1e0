"""What the tree and plan pages show, as plain data built from a :class:`Snapshot`.

The templates only lay these out; every string they receive is escaped there
(Jinja autoescape), so nothing here builds HTML.
"""

from __future__ import annotations

from typing import Iterable

from plandsl.core.diagnostics import Diagnostic
from plandsl.core.records import frozen
from plandsl.web.engine import WEAKER_CODES, Snapshot
from plandsl.web.search import fold, haystack, search  # noqa: F401 (re-exported for the pages)

# ------------------------------------------------------------------ tree


@frozen
class Node:
    id: str
    label: str
    title: str
    level: str
    errors: int
    warnings: int
    weaker: int
    children: tuple["Node", ...] = ()
    also: tuple[str, ...] = ()  # other parents it implements
    count: int = 0  # number of child plans (children may be left out: loaded on demand)


def primary_parent(snap: Snapshot, plan_id: str) -> str | None:
    """The closest parent (the lowest level above the plan): where the tree shows it."""
    parents = snap.parents.get(plan_id) or []
    plans = snap.plans
    if not parents:
        return None

    def rank(pid: str) -> tuple[int, str]:
        level = plans[pid].level if pid in plans else None
        return (-(level.rank if level else -1), pid)

    return sorted(parents, key=rank)[0]


def _below(snap: Snapshot) -> dict[str | None, list[str]]:
    """Plan ids under each plan id (None: the roots), each plan under its closest parent, sorted."""
    found = snap.memo.get("below")
    if found is None:
        plans = snap.plans
        kids: dict[str | None, list[str]] = {}
        for pid in plans:
            kids.setdefault(primary_parent(snap, pid), []).append(pid)
        keys = {pid: _sort_key(plan) for pid, plan in plans.items()}
        for ids in kids.values():
            ids.sort(key=keys.__getitem__)
        found = snap.memo["below"] = kids
    return found


def tree(snap: Snapshot, depth: int | None = None, start: str | None = None) -> list[Node]:
    """The inheritance hierarchy, each plan under its closest parent.

    ``depth``: levels given with their children (deeper nodes carry only their
    ``count``, for the page to load on demand); ``start``: the children of that
    plan instead of the roots.
    """
    plans = snap.plans
    kids = _below(snap)
    seen: set[str] = set() if start is None else {start}

    def node(pid: str, level: int) -> Node:
        seen.add(pid)
        plan = plans[pid]
        errors, warnings, weaker = snap.counts(pid)
        below = [c for c in kids.get(pid, []) if c not in seen]
        expand = depth is None or level < depth
        primary = primary_parent(snap, pid)
        also = tuple(p for p in snap.parents.get(pid, []) if p != primary)
        children = tuple(node(c, level + 1) for c in below if c not in seen) if expand else ()
        return Node(pid, label(plan), plan.title or "", plan.level.en if plan.level else "", errors, warnings,
                    weaker, children, also, len(below))

    out = [node(pid, 0) for pid in kids.get(start, [])]
    if start is None:
        # Plans reachable from no root (a cycle whose links were cut elsewhere): show them at the top.
        out += [node(pid, 0) for pid in _unreachable(snap, kids) if pid not in seen]
    return out


def _unreachable(snap: Snapshot, kids: dict) -> list[str]:
    reached: set[str] = set()
    queue = list(kids.get(None, []))
    while queue:
        pid = queue.pop()
        if pid not in reached:
            reached.add(pid)
            queue.extend(kids.get(pid, []))
    return sorted(pid for pid in snap.plans if pid not in reached)


def _sort_key(plan) -> tuple:
    return (plan.level.rank if plan.level else 9, fold(plan.jurisdiction or plan.title or plan.id), plan.id)


def label(plan) -> str:
    inst = plan.instrument
    ministry = plan.level is not None and plan.level.en == "ministry"
    name = (plan.issuer if ministry else plan.jurisdiction) or plan.jurisdiction or plan.issuer or plan.id
    return f"{name} · {inst.number}" if inst else name


# ------------------------------------------------------------------ plan page


@frozen
class Excerpt:
    line: int
    text: str
    col: int
    width: int


@frozen
class Finding:
    anchor: str
    code: str
    severity: str
    message: str
    path: str
    line: int
    col: int
    hint: str | None
    excerpt: Excerpt | None
    related: tuple[tuple[str, str, Excerpt | None], ...]


def excerpt(sources: dict[str, str], span) -> Excerpt | None:
    if span is None:
        return None
    text = sources.get(span.path)
    if text is None:
        return None
    lines = text.split("\n")
    if not 1 <= span.line <= len(lines):
        return None
    line = lines[span.line - 1]
    width = (span.end_col - span.col) if span.end_line == span.line else len(line) - span.col + 1
    return Excerpt(span.line, line, max(span.col, 1), max(width, 1))


def findings(snap: Snapshot, plan_id: str) -> list[Finding]:
    return findings_of(snap.findings(plan_id), snap.sources(), snap.display_path)


def findings_of(diags: Iterable[Diagnostic], sources: dict[str, str], show_path) -> list[Finding]:
    out = []
    for i, d in enumerate(diags):
        span = d.span
        related = tuple((r.message, f"{show_path(r.span.path)}:{r.span.line}:{r.span.col}",
                         excerpt(sources, r.span)) for r in d.related)
        out.append(Finding(f"f-{i + 1}", d.code, d.severity.label, d.message,
                           show_path(span.path) if span else "", span.line if span else 0,
                           span.col if span else 0, d.hint, excerpt(sources, span), related))
    return out


def finding_anchor(snap: Snapshot, plan_id: str, span) -> str | None:
    """The anchor of the weaker-target finding that points at ``span``, if there is one."""
    if span is None:
        return None
    for i, d in enumerate(snap.findings(plan_id)):
        if d.code in WEAKER_CODES and d.span is not None and d.span.line == span.line and d.span.col == span.col:
            return f"f-{i + 1}"
    return None


@frozen
class TargetRow:
    phase: str
    year: int
    value: str
    provenance: str
    source_plan: str
    parent_value: str | None
    parent_plan: str | None
    finding: str | None


@frozen
class ObjectiveView:
    id: str
    text: str
    indicator: str
    unit: str
    status: str
    parent_plan: str | None
    reason: str | None
    rows: tuple[TargetRow, ...]


def objectives(snap: Snapshot, plan_id: str) -> list[ObjectiveView]:
    from plandsl.language.wording import target_words

    resolution = snap.resolution
    rp = resolution.get(plan_id) if resolution is not None else None
    plan = snap.plans.get(plan_id)
    if rp is None or plan is None:
        return []
    out = []
    for ro in rp.objectives:
        status = ro.status.value
        rows = []
        targets = ro.targets if status not in ("waived", "dropped") else (ro.parent.targets if ro.parent else ())
        for rt in targets:
            phase = plan.phase(rt.phase) if isinstance(rt.phase, str) else _phase_of_year(plan, rt.year)
            if status in ("waived", "dropped"):
                prov, value, parent = status, "—", rt
            elif rt.provenance.plan_id == plan_id:
                prov, value, parent = ("own" if status == "own" else "adapted"), target_words(rt.target), rt.parent
            else:
                prov, value, parent = "adopted", target_words(rt.target), rt
            rows.append(TargetRow(
                phase=(phase.label or phase.id) if phase else str(rt.phase),
                year=rt.year,
                value=value,
                provenance=prov,
                source_plan=rt.provenance.plan_id,
                parent_value=target_words(parent.target) if parent is not None else None,
                parent_plan=parent.provenance.plan_id if parent is not None else None,
                finding=finding_anchor(snap, plan_id, rt.target.span) if prov in ("own", "adapted") else None,
            ))
        obj = ro.objective
        out.append(ObjectiveView(ro.id, obj.text or "", obj.indicator or "", obj.unit.symbol if obj.unit else "",
                                 status, ro.parent_plan, ro.waiver.reason if ro.waiver else None, tuple(rows)))
    return out


def _phase_of_year(plan, year: int):
    """The phase ending in ``year``, else the one containing it (for targets written by year)."""
    return (next((p for p in plan.phases if p.end == year), None)
            or next((p for p in plan.phases if p.start <= year <= p.end), None))


@frozen
class TaskView:
    id: str
    depth: int
    text: str
    leads: tuple[str, ...]
    supports: tuple[str, ...]
    due: str
    serves: tuple[str, ...]
    lead_source: str = ""  # plandsl.rules.assignment: "task", "responsibility", "enclosing" or ""
    support_source: str = ""


def tasks(plan) -> list[TaskView]:
    from plandsl.rules.assignment import task_agencies

    who = task_agencies(plan)
    out: list[TaskView] = []

    def walk(items, depth: int) -> None:
        for t in items:
            a = who[t.id]
            out.append(TaskView(t.id, depth, t.text or "", a.leads, a.supports,
                                "" if t.due is None else str(t.due), t.serves, a.lead_source, a.support_source))
            walk(t.subtasks, depth + 1)

    walk(plan.tasks, 0)
    return out


@frozen
class ResponsibilityView:
    agency: str
    mode: str  # "assign" or "request"
    duties: tuple[str, ...]
    lead_tasks: tuple[str, ...]
    support_tasks: tuple[str, ...]
    review: str


def responsibilities(plan) -> list[ResponsibilityView]:
    """The duties per agency ("Tổ chức thực hiện"), in the order of the spec."""
    return [ResponsibilityView(r.agency.name, r.mode.value, tuple(d.value for d in r.duties), r.lead_tasks,
                               r.support_tasks, r.review or "") for r in plan.responsibilities]


@frozen
class GraphView:
    ancestors: tuple[tuple[str, ...], ...]  # rows of plan ids, the top first
    plan: str
    children: tuple[str, ...]


def graph_around(snap: Snapshot, plan_id: str) -> GraphView:
    rows: list[tuple[str, ...]] = []
    current = [plan_id]
    seen = {plan_id}
    while True:
        above = []
        for pid in current:
            for parent in snap.parents.get(pid, []):
                if parent not in seen:
                    seen.add(parent)
                    above.append(parent)
        if not above:
            break
        rows.insert(0, tuple(above))
        current = above
    return GraphView(tuple(rows), plan_id, tuple(snap.children.get(plan_id, [])))
