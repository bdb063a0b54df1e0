"""The inheritance graph: a networkx DiGraph of plans, parent -> child.

Building the graph finds the structural problems (duplicate ids, unknown
parents, cycles, inverted levels) once each, as root causes. The rules in
``plandsl.rules.graph_rules`` turn these findings into diagnostics.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Iterable

from plandsl.core.i18n import _, pick
from plandsl.core.records import frozen
from plandsl.language.model import Plan, Span
from plandsl.project.loader import SpecSet

if TYPE_CHECKING:
    import networkx as nx


class Problem(enum.Enum):
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_PARENT = "unknown-parent"
    CYCLE = "cycle"
    LEVEL_INVERSION = "level-inversion"
    SAME_LEVEL = "same-level"


@frozen
class GraphIssue:
    problem: Problem
    plan_id: str
    span: Span
    detail: str = ""
    related: tuple[tuple[Span, str], ...] = ()
    candidates: tuple[str, ...] = ()


@frozen
class PlanGraph:
    """Plans by id, their parents (cycle links cut), the structural issues and the topological order.

    It holds plain data, so it can be kept in the incremental check's manifest; networkx is
    needed only to build it (``build_graph``) and for ``digraph()``.
    """

    plans: dict[str, Plan]
    parent_map: dict[str, tuple[str, ...]]
    issues: tuple[GraphIssue, ...]
    in_cycle: frozenset[str]
    topo_order: tuple[str, ...]

    def order(self) -> list[str]:
        """Plan ids in topological order (parents before children), ties by id."""
        return list(self.topo_order)

    def parents(self, plan_id: str) -> list[str]:
        return list(self.parent_map[plan_id])

    def edges(self) -> list[tuple[str, str]]:
        """(parent, child) links, sorted."""
        return sorted((parent, child) for child, parents in self.parent_map.items() for parent in parents)

    def complete(self, plan_id: str) -> bool:
        """Whether every parent of the plan is known and the plan is not in a cycle."""
        plan = self.plans[plan_id]
        return plan_id not in self.in_cycle and len(self.parent_map[plan_id]) == len({r.plan_id for r in plan.parents})

    def ancestors_by_plan(self) -> dict[str, frozenset[str]]:
        """Every plan's ancestors, computed in one pass over the topological order."""
        out: dict[str, frozenset[str]] = {}
        for pid in self.topo_order:
            acc: set[str] = set()
            for parent in self.parent_map[pid]:
                acc.add(parent)
                acc |= out[parent]
            out[pid] = frozenset(acc)
        return out

    def digraph(self) -> "nx.DiGraph":
        """The plans as a networkx DiGraph, parent -> child."""
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.plans)
        graph.add_edges_from(self.edges())
        return graph


def reachable(roots: Iterable[str], step) -> set[str]:
    """The plans reached from ``roots`` (included) by following ``step(plan id)`` (its parents for the
    ancestors, its children for the descendants)."""
    out: set[str] = set()
    todo = list(roots)
    while todo:
        pid = todo.pop()
        if pid not in out:
            out.add(pid)
            todo.extend(step(pid))
    return out


def _w(item) -> str:
    """An enum's word (level, cycle) in the language of messages."""
    return pick(item.en, item.vi.replace("_", " "))


def build_graph(specs: SpecSet | Iterable[Plan]) -> PlanGraph:
    """The graph of all plans (or of plan headers: only ids, levels, parents and spans are read).

    Plain Python when there is no cycle (the usual case: no networkx import, ~85 ms);
    with a cycle, networkx finds and reports it (``_build_with_cycles``).
    """
    issues: list[GraphIssue] = []
    plans: dict[str, Plan] = {}
    for plan in sorted(specs.plans if isinstance(specs, SpecSet) else specs, key=lambda p: p.span.path):
        first = plans.get(plan.id)
        if first is not None:
            issues.append(GraphIssue(Problem.DUPLICATE_ID, plan.id, plan.span,
                                     related=((first.span, _("first defined here")),)))
            continue
        plans[plan.id] = plan
    preds: dict[str, set[str]] = {pid: set() for pid in plans}
    children: dict[str, list[str]] = {pid: [] for pid in plans}
    for plan in plans.values():
        for ref in plan.parents:
            if ref.plan_id in plans and ref.plan_id not in preds[plan.id]:
                preds[plan.id].add(ref.plan_id)
                children[ref.plan_id].append(plan.id)
    order = _lexicographic_order(preds, children)
    if order is None:  # a cycle (or a plan implementing itself)
        return _build_with_cycles(plans, issues)
    level_issues: list[GraphIssue] = []  # after the unknown parents, as with cycles
    for plan in plans.values():
        for ref in plan.parents:
            if ref.plan_id not in plans:
                issues.append(GraphIssue(Problem.UNKNOWN_PARENT, plan.id, ref.span, ref.plan_id,
                                         candidates=tuple(plans)))
                continue
            issue = _level_issue(plans[ref.plan_id], plan, ref)
            if issue is not None:
                level_issues.append(issue)
    issues.extend(level_issues)
    parent_map = {pid: tuple(sorted(preds[pid])) for pid in plans}
    return PlanGraph(plans, parent_map, tuple(issues), frozenset(), tuple(order))


def _lexicographic_order(preds: dict[str, set[str]], children: dict[str, list[str]]) -> list[str] | None:
    """Topological order, smallest id first among the ready ones (as networkx's
    ``lexicographical_topological_sort``); None when there is a cycle."""
    import heapq

    waiting = {pid: len(ps) for pid, ps in preds.items()}
    ready = [pid for pid, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        pid = heapq.heappop(ready)
        order.append(pid)
        for child in children[pid]:
            waiting[child] -= 1
            if waiting[child] == 0:
                heapq.heappush(ready, child)
    return order if len(order) == len(preds) else None


def _level_issue(parent: Plan, plan: Plan, ref) -> GraphIssue | None:
    if plan.level and parent.level:
        if parent.level.rank > plan.level.rank:
            return GraphIssue(
                Problem.LEVEL_INVERSION, plan.id, ref.span,
                _("a {level} plan cannot implement a {parent_level} plan").format(
                    level=_w(plan.level), parent_level=_w(parent.level)),
                related=((parent.span_of("level"), _("'{id}' is a {level} plan").format(
                    id=parent.id, level=_w(parent.level))),))
        if parent.level is plan.level and parent.level.rank > 0:
            return GraphIssue(
                Problem.SAME_LEVEL, plan.id, ref.span,
                _("both plans are {level} plans").format(level=_w(plan.level)),
                related=((parent.span_of("level"), _("'{id}' is also a {level} plan").format(
                    id=parent.id, level=_w(parent.level))),))
    return None


def _build_with_cycles(plans: dict[str, Plan], issues: list[GraphIssue]) -> PlanGraph:
    """The graph when links form cycles: each cycle reported once, its links cut.

    Plain Python written to give exactly what networkx gives (strongly connected
    components, ``find_cycle`` from the component's first id, lexicographic
    topological order); ``tests/test_graph_fast.py`` compares the two.
    """
    # Level findings on a link, kept aside: a link inside a cycle reports the cycle only.
    level_issues: list[tuple[str, str, GraphIssue]] = []
    succ: dict[str, dict[str, Span]] = {pid: {} for pid in plans}  # insertion-ordered, as networkx
    for plan in plans.values():
        for ref in plan.parents:
            if ref.plan_id not in plans:
                issues.append(GraphIssue(Problem.UNKNOWN_PARENT, plan.id, ref.span, ref.plan_id,
                                         candidates=tuple(plans)))
                continue
            succ[ref.plan_id][plan.id] = ref.span
            issue = _level_issue(plans[ref.plan_id], plan, ref)
            if issue is not None:
                level_issues.append((ref.plan_id, plan.id, issue))

    in_cycle: set[str] = set()
    cyclic = [sorted(c) for c in _components(succ) if len(c) > 1 or next(iter(c)) in succ[next(iter(c))]]
    for component in sorted(cyclic):
        members = set(component)
        in_cycle |= members
        edges = _find_cycle(succ, members, component[0])
        # Report once, at the link written in the plan the cycle starts from.
        # (the cycle found from component[0] may not pass through it: then from its smallest id)
        start = min(b for _, b in edges)
        u, v = next((a, b) for a, b in edges if b == start)
        path = " -> ".join([b for _, b in edges[-1:]] + [b for _, b in edges])
        related = tuple((succ[a][b], _("'{child}' implements '{parent}'").format(child=b, parent=a))
                        for a, b in edges if (a, b) != (u, v))
        issues.append(GraphIssue(Problem.CYCLE, v, succ[u][v], path, related=related))
        for a in component:
            succ[a] = {b: sp for b, sp in succ[a].items() if b not in members}
    issues.extend(issue for parent, child, issue in level_issues
                  if not (parent in in_cycle and child in in_cycle and child not in succ[parent]))
    preds: dict[str, set[str]] = {pid: set() for pid in plans}
    for a, children in succ.items():
        for b in children:
            preds[b].add(a)
    order = _lexicographic_order(preds, {a: list(children) for a, children in succ.items()})
    parent_map = {pid: tuple(sorted(preds[pid])) for pid in plans}
    return PlanGraph(plans, parent_map, tuple(issues), frozenset(in_cycle), tuple(order or ()))


def _components(succ: dict[str, dict[str, Span]]) -> list[set[str]]:
    """Strongly connected components (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[set[str]] = []
    counter = 0
    for root in succ:
        if root in index:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.add(top)
                    if top == node:
                        break
                out.append(component)
    return out


def _find_cycle(succ: dict[str, dict[str, Span]], members: set[str], source: str) -> list[tuple[str, str]]:
    """networkx's ``find_cycle(G.subgraph(members), source)`` for a directed graph: the first cycle an
    edge-DFS from ``source`` meets, as (parent, child) links."""
    edges: list[tuple[str, str]] = []
    active = {source}
    previous_head = None
    for tail, head in _edge_dfs(succ, members, source):
        if previous_head is not None and tail != previous_head:
            while True:  # backtrack to the edge whose head is this tail
                try:
                    popped = edges.pop()
                except IndexError:
                    edges, active = [], {tail}
                    break
                active.discard(popped[1])
                if edges and tail == edges[-1][1]:
                    break
        edges.append((tail, head))
        if head in active:
            for i, (t, _h) in enumerate(edges):
                if t == head:
                    return edges[i:]
            return edges
        active.add(head)
        previous_head = head
    raise ValueError("no cycle found")  # pragma: no cover - a cyclic component always has one


def _edge_dfs(succ: dict[str, dict[str, Span]], members: set[str], source: str):
    visited_nodes: set[str] = set()
    visited_edges: set[tuple[str, str]] = set()
    iters: dict = {}
    stack = [source]
    while stack:
        node = stack[-1]
        if node not in visited_nodes:
            iters[node] = iter([c for c in succ[node] if c in members])
            visited_nodes.add(node)
        child = next(iters[node], None)
        if child is None:
            stack.pop()
        elif (node, child) not in visited_edges:
            visited_edges.add((node, child))
            stack.append(child)
            yield node, child


def _number(plan: Plan) -> str:
    """The instrument's number (the second line of a node), empty when the spec gives none."""
    return plan.instrument.number.strip() if plan.instrument and plan.instrument.number else ""


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _mermaid_text(text: str) -> str:
    """Text inside a quoted Mermaid label: quotes and markup characters as entities."""
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("\n", " "))


def to_dot(pg: PlanGraph) -> str:
    lines = ["digraph plans {", "  rankdir=TB;", '  node [shape=box, fontname="Times New Roman"];']
    for pid, plan in sorted(pg.plans.items()):
        label = "\\n".join(_dot_text(x) for x in (pid, _number(plan)) if x)
        lines.append(f'  "{_dot_text(pid)}" [label="{label}"];')
    for u, v in pg.edges():
        lines.append(f'  "{_dot_text(u)}" -> "{_dot_text(v)}";')
    from plandsl.inherit.effective import amendment_links

    for u, v, label in amendment_links(pg.plans):  # amendment chains: dashed, labelled, apart from implements
        lines.append(f'  "{u}" -> "{v}" [style=dashed, color="#9c2f1e", fontcolor="#9c2f1e", label="{label}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(pg: PlanGraph) -> str:
    lines = ["graph TD"]
    for pid, plan in sorted(pg.plans.items()):
        label = "<br/>".join(_mermaid_text(x) for x in (pid, _number(plan)) if x)
        lines.append(f'  {pid}["{label}"]')
    for u, v in pg.edges():
        lines.append(f"  {u} --> {v}")
    from plandsl.inherit.effective import amendment_links

    for u, v, label in amendment_links(pg.plans):  # amendment chains: dotted and labelled
        lines.append(f'  {u} -. "{label}" .-> {v}')
    return "\n".join(lines) + "\n"

