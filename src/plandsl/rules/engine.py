"""Run the registered rules over resolved plans, then apply recorded deviations."""

from __future__ import annotations

from functools import cached_property
from typing import Iterable

from attrs import define

from plandsl.config import OFF, Config
from plandsl.diagnostics import Diagnostic
from plandsl.loader import SpecSet
from plandsl.model import Allow, Plan
from plandsl.resolve import Resolution
from plandsl.rules.base import RULES, Rule


@define
class RuleContext:
    specs: SpecSet
    resolution: Resolution

    @cached_property
    def plans_by_path(self) -> dict[str, Plan]:
        return {p.span.path: p for p in self.resolution.graph.plans.values()}

    def parents_of(self, plan_id: str):
        """The resolved parent plans of a plan."""
        rp = self.resolution.plans[plan_id]
        return [self.resolution.plans[p] for p in rp.parents]

    @cached_property
    def agencies(self):
        """The agency registry, or None when it is not available."""
        try:
            from plandsl.registry.agencies import AgencyRegistry
        except ImportError:
            return None
        return AgencyRegistry.load()


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
    rules = active_rules(config)
    if only is not None:
        wanted = set(only)
        rules = [r for r in rules if r.code in wanted]
    found: list[Diagnostic] = []
    deviation_rules = [r for r in rules if hasattr(r, "check_allows")]
    for rule in rules:
        if rule in deviation_rules:
            continue
        found.extend(rule.check_set(ctx))
        for pid in resolution.graph.order():
            found.extend(rule.check_plan(resolution.plans[pid], ctx))
    kept, used = apply_allows(found, ctx)
    for rule in deviation_rules:
        for plan in resolution.graph.plans.values():
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
