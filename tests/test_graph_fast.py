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
IDS = [f"p{i}" for i in range(8)]


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


@settings(max_examples=150, deadline=None)
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
    slow = g._build_with_cycles(by_id, issues)
    assert fast == slow


def test_no_networkx_without_a_cycle():
    code = ("import sys\nfrom plandsl.project.loader import load\nfrom plandsl.inherit.graph import build_graph\n"
            "pg = build_graph(load(['specs']))\nprint(len(pg.plans) > 0, 'networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "False"]
