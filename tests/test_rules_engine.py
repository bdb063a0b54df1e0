"""The rules engine (plandsl.rules.engine): which rules run, in what order their findings
come, and how recorded deviations (`allow`) suppress them (issue #19)."""

from __future__ import annotations

from pathlib import Path

from plandsl.core.diagnostics import Severity
from plandsl.project.config import OFF, Config
from plandsl.rules import engine
from plandsl.rules.base import RULES, Rule
from plandsl.rules.context import RuleContext
from resolving import plan, resolve, spec_set


class PerPlan(Rule):
    """Test rule: one finding per plan whose id starts with 'a'. Anti-pattern: - Best practice: -"""

    code = "ZZ001"
    name = "test.per-plan"

    def check_plan(self, rp, ctx):
        if rp.id.startswith("a"):
            yield self.diag(rp.plan.span, f"plan {rp.id}", subject="o")


class WholeSet(Rule):
    """Test rule: one finding for the whole set. Anti-pattern: - Best practice: -"""

    code = "ZZ002"
    name = "test.set"

    def check_set(self, ctx):
        first = ctx.resolution.graph.plans[ctx.resolution.graph.order()[0]]
        yield self.diag(first.span, "set")

    def check_plan(self, rp, ctx):
        yield self.diag(rp.plan.span, f"plan {rp.id}")


class GraphOnly(WholeSet):
    """Test rule. Anti-pattern: - Best practice: -"""

    code = "ZZ003"
    reads_graph_only = True


class HeaderFields(WholeSet):
    """Test rule. Anti-pattern: - Best practice: -"""

    code = "ZZ004"
    reads_plan_fields = ("id", "level")


def _ctx(**texts):
    specs = spec_set(**texts)
    return RuleContext(specs, resolve(specs))


def test_active_rules_follow_the_configuration():
    rules = engine.active_rules(Config())
    assert [r.code for r in rules] == sorted(RULES)
    assert all(r.effective_severity is RULES[r.code].severity for r in rules)
    rules = engine.active_rules(Config({"AM001": OFF, "CS002": Severity.WARNING}))
    codes = [r.code for r in rules]
    assert "AM001" not in codes and len(codes) == len(RULES) - 1
    assert next(r for r in rules if r.code == "CS002").effective_severity is Severity.WARNING


def test_select_rules_only():
    assert [r.code for r in engine.select_rules(Config(), ["CS002", "AM001", "XX999"])] == ["AM001", "CS002"]
    assert engine.select_rules(Config(), []) == []
    assert len(engine.select_rules(Config())) == len(RULES)


def test_rule_kinds():
    assert engine.is_deviation_rule(RULES["AL001"]())
    assert not engine.is_deviation_rule(RULES["AM001"]())
    assert not engine.has_set_check(PerPlan())
    assert engine.has_set_check(WholeSet())
    assert engine.reads_only_graph(PerPlan())
    assert engine.reads_only_graph(GraphOnly())
    assert not engine.reads_only_graph(WholeSet())


def test_reads_only_graph_with_header_fields():
    try:
        assert engine.reads_only_graph(HeaderFields(), frozenset({"id", "level", "period"}))
        assert engine.reads_only_graph(HeaderFields(), frozenset({"id", "level"}))  # exactly the fields read
        assert not engine.reads_only_graph(HeaderFields(), frozenset({"id"}))
        assert not engine.reads_only_graph(WholeSet(), frozenset({"id", "level"}))
    except TypeError:  # an engine without header fields: only the flag counts
        assert not engine.reads_only_graph(HeaderFields())


def test_findings_per_plan_and_per_set():
    ctx = _ctx(a1=plan("a1", "", level="national"), b1=plan("b1", "", parent="a1"))
    rules = [PerPlan(), WholeSet()]
    a1, b1 = ctx.resolution.plans["a1"], ctx.resolution.plans["b1"]
    assert {k: [d.message for d in v] for k, v in engine.plan_findings(rules, a1, ctx).items()} == {
        "ZZ001": ["plan a1"], "ZZ002": ["plan a1"]}
    assert {k: [d.message for d in v] for k, v in engine.plan_findings(rules, b1, ctx).items()} == {
        "ZZ002": ["plan b1"]}  # no empty lists
    assert {k: [d.message for d in v] for k, v in engine.set_findings(rules, ctx).items()} == {"ZZ002": ["set"]}
    assert engine.set_findings([PerPlan()], ctx) == {}


def test_assemble_orders_by_rule_then_set_then_plans():
    ctx = _ctx(a1=plan("a1", "", level="national"), a2=plan("a2", "", parent="a1"))
    rules = [PerPlan(), WholeSet()]
    per_plan = [engine.plan_findings(rules, ctx.resolution.plans[p], ctx) for p in ("a2", "a1")]
    found = engine.assemble(rules, engine.set_findings(rules, ctx), per_plan, ctx)
    assert [(d.code, d.message) for d in found] == [
        ("ZZ001", "plan a2"), ("ZZ001", "plan a1"), ("ZZ002", "set"), ("ZZ002", "plan a2"), ("ZZ002", "plan a1")]


NAT = plan("nat", "objective trained { unit % direction up target 2025 >= 60% }\n"
                  "objective staffing { unit % direction up target 2025 >= 60% }", level="national")


def _run(child: str, only=("AM001", "AL001", "AL002", "AL003")):
    specs = spec_set(nat=NAT, prov=child)
    return [(d.code, d.subject, d.span.line) for d in engine.run_rules(specs, resolve(specs), Config(), only)]


def test_allow_on_an_id_suppresses_only_that_subject():
    child = plan("prov", "objective trained { target 2025 >= 50% }\nobjective staffing { target 2025 >= 50% }\n"
                         "allow AM001 on trained \"lý do\"", parent="nat")
    assert _run(child) == [("AM001", "staffing", 6)]


def test_allow_without_on_covers_the_whole_file():
    child = plan("prov", "objective trained { target 2025 >= 50% }\nobjective staffing { target 2025 >= 50% }\n"
                         "allow AM001 \"lý do\"", parent="nat")
    assert _run(child) == []


def test_allow_without_reason_suppresses_nothing():
    child = plan("prov", "objective trained { target 2025 >= 50% }\nallow AM001 on trained", parent="nat")
    assert _run(child) == [("AM001", "trained", 5), ("AL001", None, 6)]


def test_allow_of_another_code_or_unused_is_reported():
    child = plan("prov", "objective trained { target 2025 >= 50% }\nallow CS002 on trained \"x\"\n"
                         "allow AM001 on staffing \"y\"", parent="nat")
    assert _run(child) == [("AM001", "trained", 5), ("AL002", None, 6), ("AL002", None, 7)]
    assert _run(child, only=("AM001", "AL002")) == [("AM001", "trained", 5), ("AL002", None, 6), ("AL002", None, 7)]
    assert _run(child, only=("AM001",)) == [("AM001", "trained", 5)]


def test_apply_allows_keeps_findings_without_a_plan():
    ctx = _ctx(nat=NAT)
    d = PerPlan().diag(None, "no span")
    elsewhere = PerPlan().diag(ctx.resolution.graph.plans["nat"].span.__class__("other.plan", 1, 1, 1, 1), "x")
    kept, used = engine.apply_allows([d, elsewhere], ctx)
    assert kept == [d, elsewhere] and used == set()


def test_run_rules_without_a_configuration_uses_the_defaults():
    specs = spec_set(nat=NAT, prov=plan("prov", "objective trained { target 2025 >= 50% }", parent="nat"))
    found = engine.run_rules(specs, resolve(specs), None, ["AM001"])
    assert [(d.code, d.severity) for d in found] == [("AM001", Severity.ERROR)]


def test_assemble_takes_no_findings_of_deviation_rules_from_the_maps():
    ctx = _ctx(a1=plan("a1", "", level="national"))
    al = RULES["AL001"]()
    stray = al.diag(None, "stray")
    found = engine.assemble([al, PerPlan()], {"AL001": [stray]}, [{"AL001": [stray]}], ctx)
    assert found == []


def test_per_plan_rules_leave_no_reference_cycles():
    """The per-plan rules make no cyclic garbage: a worker of a big run checks thousands of plans, and each
    cycle (a recursive closure, with the plan's tasks it holds) waits for the garbage collector, whose
    young-generation collections then walk them all."""
    import gc
    from pathlib import Path

    from plandsl.inherit.resolve import resolve as resolve_specs
    from plandsl.language.parser import parse_text
    from plandsl.project.loader import SpecSet

    paths = sorted(Path(__file__).parent.parent.joinpath("specs", "ctxh-2021-2030").glob("*.plan"))
    assert paths

    def check_fresh_copies() -> int:
        specs = SpecSet(tuple(parse_text(p.read_text("utf-8"), str(p)) for p in paths))
        resolution = resolve_specs(specs)
        ctx = RuleContext(specs, resolution)
        rules = [r for r in engine.select_rules(Config()) if not engine.is_deviation_rule(r)]
        gc.collect()  # whatever parsing and resolving left
        found = [engine.plan_findings(rules, resolution.plans[pid], ctx) for pid in resolution.graph.order()]
        assert len(found) == len(paths)
        return gc.collect()

    check_fresh_copies()  # loads the registries and fills the memos
    assert check_fresh_copies() == 0


def test_plan_all_tasks_is_depth_first_and_leaves_no_reference_cycle():
    import gc

    from plandsl.language.parser import parse_text

    text = (Path(__file__).parent.parent / "specs" / "ctxh-2021-2030").glob("*.plan")
    plans = [parse_text(p.read_text("utf-8"), str(p)).plan for p in sorted(text)]
    plan = max(plans, key=lambda p: sum(len(t.subtasks) for t in p.tasks))
    assert any(t.subtasks for t in plan.tasks)

    def walk(tasks):
        for t in tasks:
            yield t
            yield from walk(t.subtasks)

    assert plan.all_tasks() == tuple(walk(plan.tasks))
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for _ in range(10):
            plan.all_tasks()
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
