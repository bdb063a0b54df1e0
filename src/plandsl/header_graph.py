"""The inheritance graph built from plan headers, without networkx.

The incremental check (:mod:`plandsl.incremental`) keeps, per spec, a small
*header*: a :class:`~plandsl.model.Plan` holding only the fields
:func:`plandsl.graph.build_graph` and the deviation step read (id, level and
its span, parent references, allows, the plan's span). ``build_header_graph``
gives the same plans, issues (in the same order), cycle membership, parents
and topological order as ``build_graph`` + ``PlanGraph.order`` would for the
full plans, in pure Python: importing networkx alone costs ~150 ms, a third
of the one-change re-check budget.

Only the description of a cycle (which link it is reported at, its path) is
networkx-specific; it is computed by ``build_graph`` itself on the plans of
the cycle, and remembered by the incremental manifest (``cycle_memo``), so an
unchanged cycle costs nothing on later runs. A plan that implements itself
(a self-loop) is left to the full pipeline: ``build_header_graph`` returns None.
"""

from __future__ import annotations

import hashlib
import heapq
import pickle
from typing import Iterable

from attrs import define

from plandsl.graph import GraphIssue, Problem
from plandsl.model import Plan, Span


# Headers are stored as plain tuples: pickling attrs objects with slots goes
# through Python-level __getstate__/__setstate__, ~15x slower for 3,000 plans.
HeaderRow = tuple


def header_row(plan: Plan) -> HeaderRow:
    """A parsed plan's header as plain data (spans without their path: it is the file's)."""
    level_span = plan.field_spans.get("level")
    return (plan.id, plan.level.name if plan.level else None, _pos(plan.span),
            _pos(level_span) if level_span is not None else None,
            tuple((r.plan_id, _pos(r.span), r.span.path) for r in plan.parents), plan.allows)


def header_from_row(path: str, row: HeaderRow) -> Plan:
    from plandsl.model import Level, ParentRef

    pid, level, span, level_span, parents, allows = row
    return Plan(pid, level=Level[level] if level else None, span=Span(path, *span), allows=allows,
                parents=tuple(ParentRef(ref, span=Span(where, *pos)) for ref, pos, where in parents),
                field_spans={"level": Span(path, *level_span)} if level_span is not None else {})


def _pos(span: Span) -> tuple[int, int, int, int]:
    return (span.line, span.col, span.end_line, span.end_col)


@define
class HeaderGraph:
    """Duck-types :class:`plandsl.graph.PlanGraph` for the rules engine (plans, issues, in_cycle, order, parents)."""

    plans: dict[str, Plan]
    preds: dict[str, dict[str, Span]]  # child -> {parent: span of the link}, cycle links cut
    succs: dict[str, dict[str, None]]
    issues: tuple[GraphIssue, ...]
    in_cycle: frozenset[str]
    _order: list[str] | None = None

    def parents(self, plan_id: str) -> list[str]:
        return sorted(self.preds[plan_id])

    def order(self) -> list[str]:
        """Plan ids in topological order, ties by id (= networkx's lexicographical_topological_sort)."""
        if self._order is None:
            indegree = {pid: len(p) for pid, p in self.preds.items()}
            heap = [pid for pid, n in indegree.items() if n == 0]
            heapq.heapify(heap)
            out: list[str] = []
            while heap:
                pid = heapq.heappop(heap)
                out.append(pid)
                for child in self.succs[pid]:
                    indegree[child] -= 1
                    if indegree[child] == 0:
                        heapq.heappush(heap, child)
            self._order = out
        return list(self._order)

    def complete(self, plan_id: str) -> bool:
        """As in :func:`plandsl.resolve.resolve`: no unknown parent and not in a cycle."""
        plan = self.plans[plan_id]
        return plan_id not in self.in_cycle and len(self.preds[plan_id]) == len({r.plan_id for r in plan.parents})

    def ancestors_by_plan(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for pid in self.order():
            acc: set[str] = set()
            for parent in self.preds[pid]:
                acc.add(parent)
                acc |= out[parent]
            out[pid] = frozenset(acc)
        return out


class _Plans:
    """The one thing build_graph reads from a SpecSet."""

    def __init__(self, plans: Iterable[Plan]) -> None:
        self.plans = tuple(plans)


def build_header_graph(headers: Iterable[Plan], cycle_memo: dict[bytes, tuple[GraphIssue, ...]]
                       ) -> HeaderGraph | None:
    """The graph of ``headers`` (plans in spec path order); None when a plan implements itself."""
    issues: list[GraphIssue] = []
    plans: dict[str, Plan] = {}
    for plan in sorted(headers, key=lambda p: p.span.path):
        first = plans.get(plan.id)
        if first is not None:
            issues.append(GraphIssue(Problem.DUPLICATE_ID, plan.id, plan.span,
                                     related=((first.span, "first defined here"),)))
            continue
        plans[plan.id] = plan

    preds: dict[str, dict[str, Span]] = {pid: {} for pid in plans}
    succs: dict[str, dict[str, None]] = {pid: {} for pid in plans}
    candidates: tuple[str, ...] | None = None
    for plan in plans.values():
        for ref in plan.parents:
            if ref.plan_id not in plans:
                candidates = candidates or tuple(plans)
                issues.append(GraphIssue(Problem.UNKNOWN_PARENT, plan.id, ref.span, ref.plan_id,
                                         candidates=candidates))
                continue
            if ref.plan_id == plan.id:
                return None
            preds[plan.id][ref.plan_id] = ref.span
            succs[ref.plan_id][plan.id] = None
            parent = plans[ref.plan_id]
            if plan.level and parent.level:
                if parent.level.rank > plan.level.rank:
                    issues.append(GraphIssue(
                        Problem.LEVEL_INVERSION, plan.id, ref.span,
                        f"a {plan.level.en} plan cannot implement a {parent.level.en} plan",
                        related=((parent.span_of("level"), f"'{parent.id}' is a {parent.level.en} plan"),)))
                elif parent.level is plan.level and parent.level.rank > 0:
                    issues.append(GraphIssue(
                        Problem.SAME_LEVEL, plan.id, ref.span,
                        f"both plans are {plan.level.en} plans",
                        related=((parent.span_of("level"), f"'{parent.id}' is also a {parent.level.en} plan"),)))

    in_cycle: set[str] = set()
    for component in sorted(sorted(c) for c in _cyclic_components(succs)):
        members = set(component)
        in_cycle |= members
        issues.extend(_cycle_issues([p for p in plans.values() if p.id in members], cycle_memo))
        for child in component:
            for parent in [p for p in preds[child] if p in members]:
                del preds[child][parent]
                del succs[parent][child]
    return HeaderGraph(plans, preds, succs, tuple(issues), frozenset(in_cycle))


def _cycle_issues(members: list[Plan], memo: dict[bytes, tuple[GraphIssue, ...]]) -> tuple[GraphIssue, ...]:
    """The CYCLE issue of one strongly connected component, as build_graph reports it.

    build_graph describes a cycle from the subgraph of its plans alone (their
    order by path and their links in the order written), so running it on just
    these plans gives the same issue; the result is remembered by that input.
    """
    signature = hashlib.blake2b(pickle.dumps(
        [(p.id, p.span.path, [(r.plan_id, _span_tuple(r.span)) for r in p.parents]) for p in members],
        protocol=pickle.HIGHEST_PROTOCOL), digest_size=20).digest()
    hit = memo.get(signature)
    if hit is None:
        from plandsl.graph import build_graph

        pg = build_graph(_Plans(members))  # type: ignore[arg-type]
        hit = tuple(i for i in pg.issues if i.problem is Problem.CYCLE)
        memo[signature] = hit
    return hit


def _span_tuple(span: Span) -> tuple:
    return (span.path, span.line, span.col, span.end_line, span.end_col)


def _cyclic_components(succs: dict[str, dict[str, None]]) -> list[set[str]]:
    """Strongly connected components with more than one plan (iterative Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[set[str]] = []
    counter = 0
    for root in succs:
        if root in index:
            continue
        work = [(root, iter(succs[root]))]
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
                    work.append((child, iter(succs[child])))
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
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(component)
    return out
