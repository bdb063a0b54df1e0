"""Text for `plandsl explain`: resolved objectives with their provenance chains."""

from __future__ import annotations

from plandsl.core.i18n import N_, _
from plandsl.language.wording import target_words
from plandsl.inherit.resolve import Provenance, Resolution, ResolvedPlan, Status, parent_expectation
from plandsl.rules.ambition import expectation_words

_STATUS = {
    Status.OWN: N_("own objective"),
    Status.ADOPTED: N_("adopted unchanged"),
    Status.ADAPTED: N_("adapted (own targets)"),
    Status.WAIVED: N_("waived"),
    Status.DROPPED: N_("DROPPED: neither adopted nor waived"),
}


def _where(prov: Provenance, resolution: Resolution) -> str:
    plan = resolution.graph.plans.get(prov.plan_id)
    number = f" {plan.instrument.number}" if plan and plan.instrument else ""
    return _("{plan}{number} at {where}").format(plan=prov.plan_id, number=number, where=prov.span)


def _target_at(resolution: Resolution, prov: Provenance, objective_id: str) -> str:
    rp = resolution.get(prov.plan_id)
    ro = rp.objective(objective_id) if rp else None
    if ro is None:
        return ""
    for rt in ro.targets:
        if rt.provenance.span == prov.span:
            return target_words(rt.target)
    return ""


def _parent_expects(ro, rt, plan_id: str) -> str:
    """What the parent asks for at an own target's year: the expectation AM001 compares with."""
    if ro.status is not Status.ADAPTED or ro.parent is None or rt.provenance.plan_id != plan_id:
        return ""
    t = rt.target
    exp = parent_expectation(ro.parent, rt.year, t.relative, t.base_year)
    return expectation_words(exp, ro.parent_plan, ro.objective.direction) if exp else ""


def _amendment_lines(plan, resolution: Resolution) -> tuple[list[str], set[str]]:
    """Lines naming the plans that amend or replace ``plan`` (in force or not on the resolution's date)."""
    from plandsl.inherit.effective import amenders, in_force

    lines: list[str] = []
    ids: set[str] = set()
    on = getattr(resolution, "on", None)
    for other, a in amenders(resolution.graph.plans.values()).get(plan.id, []):
        inst = other.instrument
        what = f"{other.id}" + (f" ({inst.number}, {inst.date.isoformat()})" if inst else "")
        live = on is not None and in_force(other, on)
        scope = _(" in phase {phase}").format(phase=a.phase) if a.phase is not None else ""
        line = (_("  replaced{scope} by {what}: {state} on {date}") if a.replaces
                else _("  amended{scope} by {what}: {state} on {date}"))
        lines.append(line.format(scope=scope, what=what, state=_("in force") if live else _("not yet in force"),
                                 date=on.isoformat() if on else "?"))
        if live:
            ids.add(other.id)
    return lines, ids


def explain_plan(rp: ResolvedPlan, resolution: Resolution, only: str | None = None) -> str:
    plan = rp.plan
    amended = getattr(resolution, "effective", {}).get(plan.id)
    if amended is not None:
        rp = amended  # the plan as in force: values set by amending plans show where they come from
    amendment_lines, amending_ids = _amendment_lines(plan, resolution)
    lines = [f"{plan.id}: {plan.title or ''}".rstrip(": ")]
    chain = " <- ".join([plan.id, *rp.parents]) if rp.parents else plan.id
    missing = [ref.plan_id for ref in plan.parents if ref.plan_id not in resolution.plans]
    named = [*rp.parents, *(_("{id} (not loaded)").format(id=pid) for pid in missing if pid not in rp.parents)]
    lines.append(_("  implements: {parents}").format(parents=", ".join(named) or _("(none: top of the chain)")))
    if not rp.complete:
        lines.append(_("  note: a parent is missing or in a cycle; comparisons with parents are incomplete"))
    lines.extend(amendment_lines)
    del chain
    for ro in rp.objectives:
        if only and ro.id != only:
            continue
        obj = ro.objective
        unit = f" [{obj.unit.symbol}]" if obj.unit else ""
        lines.append("")
        lines.append(_("objective {id}{unit}: {status}").format(id=ro.id, unit=unit, status=_(_STATUS[ro.status])))
        if obj.indicator:
            lines.append(_("  indicator: {text}").format(text=obj.indicator))
        if ro.parent_plan:
            lines.append(_("  from parent: {plan}").format(plan=ro.parent_plan))
        if ro.waiver is not None:
            lines.append(_("  waived at {where}: {reason}").format(
                where=ro.waiver.span, reason=ro.waiver.reason or _("(no reason given)")))
        for rt in ro.targets:
            phase = f"{rt.phase} ({rt.year})" if isinstance(rt.phase, str) else str(rt.year)
            if rt.first_year is not None:  # a maintained target: every year of its range
                phase = (f"{rt.phase} " if isinstance(rt.phase, str) else "") + f"({rt.first_year}..{rt.year})"
            lines.append(_("  target {phase}: {target}").format(phase=phase, target=target_words(rt.target)))
            for depth, prov in enumerate(rt.provenance.chain()):
                if depth == 0:
                    verb = (_("set in") if prov.plan_id == plan.id else
                            _("set by amendment in") if prov.plan_id in amending_ids else _("inherited from"))
                    lines.append(f"    {verb} {_where(prov, resolution)}")
                else:
                    value = _target_at(resolution, prov, ro.id)
                    where = _where(prov, resolution)
                    text = (_("overrides {value} in {where}").format(value=value, where=where) if value
                            else _("overrides {where}").format(where=where))
                    lines.append(f"    {'  ' * (depth - 1)}{text}")
            expects = _parent_expects(ro, rt, plan.id)
            if expects:
                lines.append(_("    parent expects {value}").format(value=expects))
    return "\n".join(lines)
