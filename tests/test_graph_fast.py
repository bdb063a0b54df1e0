"""The plain-Python graph builder equals the networkx one (which reports cycles) on random plan sets."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from plandsl.core.span import Span
from plandsl.inherit import graph as g
from plandsl.language.model import Level, ParentRef, Plan

LEVELS = [None, Level.NATIONAL, Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]
IDS = [f"p{i}" for i in range(6)]


@st.composite
def plan_sets(draw):
    plans = []
    for n in range(draw(st.integers(1, 8))):
        pid = draw(st.sampled_from(IDS))
        parents = draw(st.lists(st.sampled_from(IDS + ["missing"]), max_size=3))
        path = f"f{n:02d}.plan"
        refs = tuple(ParentRef(p, span=Span(path, 2 + i, 3, 2 + i, 9)) for i, p in enumerate(parents))
        plans.append(Plan(pid, level=draw(st.sampled_from(LEVELS)), span=Span(path, 1, 1, 9, 2), parents=refs,
                          field_spans={"level": Span(path, 1, 5, 1, 9)}))
    return plans


@settings(max_examples=300, deadline=None)
@given(plan_sets())
def test_plain_builder_equals_networkx_builder(plans):
    fast = g.build_graph(plans)
    issues: list = []
    by_id: dict = {}
    for plan in sorted(plans, key=lambda p: p.span.path):
        first = by_id.get(plan.id)
        if first is not None:
            issues.append(g.GraphIssue(g.Problem.DUPLICATE_ID, plan.id, plan.span,
                                       related=((first.span, "first defined here"),)))
            continue
        by_id[plan.id] = plan
    slow = _networkx_build(by_id, issues)
    assert fast == slow


def _networkx_build(plans, issues):
    """The networkx implementation the plain-Python one replaced: the reference."""
    import networkx as nx

    level_issues = []
    graph = nx.DiGraph()
    graph.add_nodes_from(plans)
    for plan in plans.values():
        for ref in plan.parents:
            if ref.plan_id not in plans:
                issues.append(g.GraphIssue(g.Problem.UNKNOWN_PARENT, plan.id, ref.span, ref.plan_id,
                                           candidates=tuple(plans)))
                continue
            graph.add_edge(ref.plan_id, plan.id, span=ref.span)
            issue = g._level_issue(plans[ref.plan_id], plan, ref)
            if issue is not None:
                level_issues.append((ref.plan_id, plan.id, issue))
    in_cycle = set()
    cyclic = [sorted(c) for c in nx.strongly_connected_components(graph)
              if len(c) > 1 or graph.has_edge(next(iter(c)), next(iter(c)))]
    for component in sorted(cyclic):
        in_cycle |= set(component)
        edges = list(nx.find_cycle(graph.subgraph(component), source=component[0]))
        start = min(b for _, b in edges)
        u, v = next((a, b) for a, b in edges if b == start)
        path = " -> ".join([b for _, b in edges[-1:]] + [b for _, b in edges])
        related = tuple((graph.edges[a, b]["span"], g._("'{child}' implements '{parent}'").format(child=b, parent=a))
                        for a, b in edges if (a, b) != (u, v))
        issues.append(g.GraphIssue(g.Problem.CYCLE, v, graph.edges[u, v]["span"], path, related=related))
        graph.remove_edges_from([(a, b) for a, b in graph.subgraph(component).edges])
    issues.extend(issue for parent, child, issue in level_issues
                  if not (parent in in_cycle and child in in_cycle and not graph.has_edge(parent, child)))
    order = tuple(nx.lexicographical_topological_sort(graph))
    parent_map = {pid: tuple(sorted(graph.predecessors(pid))) for pid in plans}
    return g.PlanGraph(plans, parent_map, tuple(issues), frozenset(in_cycle), order)


def test_no_networkx_even_with_a_cycle():
    code = ("import sys\nfrom plandsl.project.loader import load\nfrom plandsl.inherit.graph import build_graph\n"
            "from attrs import evolve\nfrom plandsl.language.model import ParentRef\n"
            "plans = list(load(['specs']).plans)\nfirst = plans[0]\n"
            "plans[0] = evolve(first, parents=first.parents + (ParentRef(first.id, span=first.span),))\n"
            "pg = build_graph(plans)\nprint(len(pg.in_cycle), 'networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "False"]
