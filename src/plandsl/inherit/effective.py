"""The plan in force on a date: a resolved plan with its amendments and replacements applied.

A plan may be amended ("sửa đổi, bổ sung": ``amends``) or replaced (``replaces``)
by a later plan, entirely or for one phase (``in_phase``). An amending plan takes
effect on its instrument's date. On a given date, the effective plan is the
resolved plan as written, with every amending plan in force on that date applied
in date order:

* ``replaces P`` (no phase): the replacing plan's objectives and targets only;
* ``replaces P in_phase ph``: every target of P in the years of ``ph`` is dropped,
  and the replacing plan's targets in those years are taken;
* ``amends P``: each objective the amending plan declares replaces P's objective
  of the same id (its targets); P's other objectives stay;
* ``amends P in_phase ph``: as ``amends``, for the years of ``ph`` only.

Phase ids that the amending plan does not declare are the amended plan's.
Targets taken from an amending plan keep their provenance (that plan and the
line that set them), so ``plandsl explain`` shows which instrument set each
value. Children of P are resolved against P's effective plan.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping

import attrs

from plandsl.language.model import Amendment, Plan


def amenders(plans: Iterable[Plan]) -> dict[str, list[tuple[Plan, Amendment]]]:
    """For each plan id, the plans that amend or replace it (with the amendment), oldest first."""
    out: dict[str, list[tuple[Plan, Amendment]]] = {}
    for plan in plans:
        for a in plan.amendments:
            if a.plan_id != plan.id:
                out.setdefault(a.plan_id, []).append((plan, a))
    for items in out.values():
        items.sort(key=lambda pa: (_effective_date(pa[0]) or dt.date.max, pa[0].id))
    return out


def _effective_date(plan: Plan) -> dt.date | None:
    return plan.instrument.date if plan.instrument is not None else None


def in_force(plan: Plan, on: dt.date) -> bool:
    """Whether an amending plan is in force on ``on`` (from its instrument's date; never without a date)."""
    when = _effective_date(plan)
    return when is not None and when <= on


def _years(base: Plan, amending: Plan, a: Amendment) -> tuple[int, int] | None:
    """The years an amendment applies to: the named phase of the amended plan (or of the amending
    plan), or the year named; None for the whole plan."""
    if a.phase is None:
        return None
    if isinstance(a.phase, int):
        return a.phase, a.phase
    phase = base.phase(a.phase) or amending.phase(a.phase)
    return (phase.start, phase.end) if phase else None


def apply_amendments(rp, amending: list[tuple[Plan, Amendment]], on: dt.date):
    """``rp`` (a ResolvedPlan) with the amendments in force on ``on`` applied; ``rp`` itself if none."""
    from plandsl.inherit.resolve import Provenance, ResolvedObjective, Status, _own_targets, _sorted

    objectives = {ro.id: ro for ro in rp.objectives}
    order = [ro.id for ro in rp.objectives]
    changed = False
    for plan, a in amending:
        if not in_force(plan, on):
            continue
        if a.phase is not None and _years(rp.plan, plan, a) is None:
            continue  # an unknown phase: GR007 reports it
        changed = True
        years = _years(rp.plan, plan, a)

        def inside(rt) -> bool:
            return years is None or years[0] <= rt.year <= years[1]

        if a.replaces and years is None:  # the whole plan is replaced
            objectives, order = {}, []
        elif a.replaces:  # every target in the phase's years goes
            for oid, ro in list(objectives.items()):
                objectives[oid] = attrs.evolve(ro, targets=tuple(t for t in ro.targets if not inside(t)))
        # Phase ids the amending plan does not declare are the amended plan's.
        source = attrs.evolve(plan, phases=plan.phases + tuple(p for p in rp.plan.phases if plan.phase(p.id) is None))
        for obj in plan.objectives:
            new = [t for t in _own_targets(source, obj) if inside(t)]
            old = objectives.get(obj.id)
            if old is None:
                objectives[obj.id] = ResolvedObjective(obj.id, Status.OWN, obj, _sorted(new),
                                                       Provenance(plan.id, obj.span))
                order.append(obj.id)
                continue
            kept = [t for t in old.targets if not inside(t)]
            objectives[obj.id] = attrs.evolve(
                old, targets=_sorted(kept + new),
                provenance=Provenance(plan.id, obj.span, overrides=old.provenance))
    if not changed:
        return rp
    return attrs.evolve(rp, objectives=tuple(objectives[oid] for oid in order))


def effective(rp, plans: Mapping[str, Plan], on: dt.date | None = None):
    """The resolved plan ``rp`` as in force on ``on`` (default: today), given every loaded plan."""
    on = on or dt.date.today()
    return apply_amendments(rp, amenders(plans.values()).get(rp.id, []), on)
