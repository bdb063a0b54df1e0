"""Run the registered rules over resolved plans, then apply recorded deviations."""

from __future__ import annotations

from typing import Iterable

from plandsl.project.config import OFF, Config
from plandsl.core.diagnostics import Diagnostic
from plandsl.project.loader import SpecSet
from plandsl.language.model import Allow
from plandsl.inherit.resolve import Resolution
from plandsl.rules.base import RULES, Rule
from plandsl.rules.context import RuleContext

__all__ = ["RuleContext", "run_rules", "select_rules", "plan_findings", "set_findings", "assemble"]


def active_rules(config: Config) -> list[Rule]:
    from plandsl.rules import load_all

    load_all()
    rules = []
    for code, cls in sorted(RULES.items()):
        sev = config.severity_for(code)
        if sev == OFF:
            continue
        rules.append(cls(sev))  # type: ignore[arg-type]
    return rules


def run_rules(specs: SpecSet, resolution: Resolution, config: Config | None = None,
              only: Iterable[str] | None = None) -> list[Diagnostic]:
    config = config or Config()
    ctx = RuleContext(specs, resolution)
    rules = select_rules(config, only)
    checked = [r for r in rules if not is_deviation_rule(r)]
    order = resolution.graph.order()  # once, not once per rule
    per_plan = [plan_findings(checked, resolution.plans[pid], ctx) for pid in order]
    return assemble(rules, set_findings(checked, ctx), per_plan, ctx)


# The steps of run_rules, separately, for the incremental engine (plandsl.check.engine).
#
# Contract that makes per-plan results cacheable: a rule's ``check_plan`` for a
# plan reads only that plan, its resolved ancestors (``ctx.parents_of``,
# ``ctx.resolution.plans[<ancestor id>]``), the plan's own source text
# (``ctx.specs``), plandsl's code and data, the configuration and today's date.
# Whatever reads the whole set belongs in ``check_set``.


def select_rules(config: Config, only: Iterable[str] | None = None) -> list[Rule]:
    rules = active_rules(config)
    if only is not None:
        wanted = set(only)
        rules = [r for r in rules if r.code in wanted]
    return rules


def is_deviation_rule(rule: Rule) -> bool:
    """AL rules: they look at a plan's ``allow`` lines after the other rules ran."""
    return hasattr(rule, "check_allows")


def has_set_check(rule: Rule) -> bool:
    return type(rule).check_set is not Rule.check_set


def reads_only_graph(rule: Rule, header_fields: frozenset[str] = frozenset()) -> bool:
    """True when the rule's ``check_set`` reads nothing but ``ctx.resolution.graph.issues``, or only
    the fields ``header_fields`` of the plans in ``ctx.resolution.graph.plans`` (the rule says which
    in ``reads_plan_fields``).

    Such set-level rules can run on a graph built from plan headers. Any other
    ``check_set`` makes the incremental engine load and resolve every plan.
    """
    if not has_set_check(rule) or type(rule).reads_graph_only:
        return True
    fields = getattr(type(rule), "reads_plan_fields", None)
    return fields is not None and set(fields) <= header_fields


def plan_findings(rules: list[Rule], rp, ctx: RuleContext) -> dict[str, list[Diagnostic]]:
    """Findings of the per-plan rules for one resolved plan, by rule code (before allows)."""
    out: dict[str, list[Diagnostic]] = {}
    for rule in rules:
        found = list(rule.check_plan(rp, ctx))
        if found:
            out[rule.code] = found
    return out


def set_findings(rules: list[Rule], ctx: RuleContext) -> dict[str, list[Diagnostic]]:
    out: dict[str, list[Diagnostic]] = {}
    for rule in rules:
        if has_set_check(rule):
            found = list(rule.check_set(ctx))
            if found:
                out[rule.code] = found
    return out


def assemble(rules: list[Rule], set_found: dict[str, list[Diagnostic]],
             per_plan: list[dict[str, list[Diagnostic]]], ctx: RuleContext) -> list[Diagnostic]:
    """All findings in run order (by rule: set findings, then plan by plan in ``order``),
    with allows applied and the AL rules run over every plan's allows.

    ``ctx`` here needs only ``ctx.resolution.graph.plans`` (for each plan: its
    path and its allows).
    """
    by_rule: dict[str, list[Diagnostic]] = {}
    for by_code in per_plan:  # one pass over the plans (most have no finding), in plan order per rule
        for code, ds in by_code.items():
            by_rule.setdefault(code, []).extend(ds)
    found: list[Diagnostic] = []
    for rule in rules:
        if is_deviation_rule(rule):
            continue
        found.extend(set_found.get(rule.code, ()))
        found.extend(by_rule.get(rule.code, ()))
    kept, used = apply_allows(found, ctx)
    for rule in rules:
        if is_deviation_rule(rule):
            for plan in ctx.resolution.graph.plans.values():
                kept.extend(rule.check_allows(plan, used, ctx))  # type: ignore[attr-defined]
    return kept


def apply_allows(found: list[Diagnostic], ctx: RuleContext) -> tuple[list[Diagnostic], set[int]]:
    """Drop findings that a plan records as a justified deviation.

    ``allow CODE "reason"`` covers every CODE finding in that plan's file;
    ``allow CODE on ID "reason"`` only those about objective or task ID.
    An allow without a reason suppresses nothing. Returns the kept findings
    and the ids of the allows that were used.
    """
    kept: list[Diagnostic] = []
    used: set[int] = set()
    for d in found:
        plan = ctx.plans_by_path.get(d.span.path) if d.span else None
        allow = _matching_allow(plan.allows, d) if plan else None
        if allow is None:
            kept.append(d)
        else:
            used.add(id(allow))
    return kept, used


def _matching_allow(allows: tuple[Allow, ...], d: Diagnostic) -> Allow | None:
    for allow in allows:
        if allow.code != d.code or not allow.reason:
            continue
        if allow.on is None or allow.on == d.subject:
            return allow
    return None
