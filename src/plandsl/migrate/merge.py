"""Draft one plan for a merged province from the old provinces' plans.

Kon Tum and Quảng Ngãi became one Quảng Ngãi on 1/7/2025: when both had a plan
implementing the same programme, the new province needs one. Each target is
proposed as the strictest of the old targets by the indicator's direction (never
weaker than any old commitment), or as the population-weighted mean when weights
are given. Each carries a note naming its sources. What cannot be united safely
(different phases, units or directions; one province waiving what another set) is
kept and marked for review. Tasks are united, with agencies already re-based.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from plandsl.core.i18n import _
from plandsl.language import model as m
from plandsl.language.wording import target_words
from plandsl.migrate import model as mm


class MergeError(Exception):
    """The plans cannot be merged as asked (e.g. a weight is missing)."""


def strictest(targets: list[m.Target], direction: m.Direction | None) -> m.Target:
    """The most ambitious target: the highest for an indicator that should rise, the lowest
    for one that should fall (the first on a tie, so the result does not depend on order
    beyond that)."""
    if direction is m.Direction.DOWN:
        return min(targets, key=lambda t: t.value)
    return max(targets, key=lambda t: t.value)


def weighted(targets: list[m.Target], weights: list[Decimal]) -> m.Target:
    total = sum(weights)
    if total <= 0:
        raise MergeError(_("the weights of the merged units add up to zero"))
    value = sum(t.value * w for t, w in zip(targets, weights)) / total
    return attrs.evolve(targets[0], value=value.quantize(Decimal("0.01")).normalize())


def merge_plans(plans: list[m.Plan], new_id: str, weights: dict[str, Decimal] | None = None
                ) -> tuple[m.Plan, list[mm.Change], list[mm.Review]]:
    """One plan from ``plans`` (already re-based, in a stable order)."""
    first = plans[0]
    changes: list[mm.Change] = []
    reviews: list[mm.Review] = []
    names = ", ".join(p.id for p in plans)
    changes.append(mm.Change(mm.MERGE, names, new_id, None, None, _("the old provinces merged into one")))
    phase_sets = {tuple((ph.id, ph.start, ph.end) for ph in p.phases) for p in plans}
    if len(phase_sets) > 1:
        reviews.append(mm.Review(mm.PLAN_KEY, _("the old plans divide the period into different phases ({phases}); "
                                               "the phases of {plan} are kept").format(
            phases=" / ".join(_phases(p) for p in plans), plan=first.id)))
    periods = [p.period for p in plans if p.period]
    period = (min(a for a, _b in periods), max(b for _a, b in periods)) if periods else None

    objectives: list[m.Objective] = []
    for oid in _ordered(o.id for p in plans for o in p.objectives):
        objectives.append(_merge_objective(oid, plans, weights, changes, reviews))
    own = {o.id for o in objectives}
    adoptions = _unique_by(lambda a: a.objective_id,
                           (a for p in plans for a in p.adoptions if a.objective_id not in own))
    kept = own | {a.objective_id for a in adoptions}
    waivers = []
    for w in _unique_by(lambda w: w.objective_id, (w for p in plans for w in p.waivers)):
        waived_by = [p.id for p in plans if any(x.objective_id == w.objective_id for x in p.waivers)]
        if w.objective_id in kept or len(waived_by) < len(plans):
            reviews.append(mm.Review(mm.objective_key(w.objective_id) if w.objective_id in own else mm.PLAN_KEY,
                                     _("'{id}' was waived by {plans} only; the merged plan keeps the commitment of "
                                       "the others").format(id=w.objective_id, plans=", ".join(waived_by))))
            if w.objective_id not in kept:
                adoptions.append(m.Adoption(w.objective_id))
        else:
            waivers.append(w)
    tasks = _unite_tasks(plans)
    merged = attrs.evolve(
        first,
        id=new_id,
        period=period,
        bases=tuple(_unique_by(lambda b: (b.number or b.text), (b for p in plans for b in p.bases))),
        objectives=tuple(objectives),
        adoptions=tuple(adoptions),
        waivers=tuple(waivers),
        tasks=tasks,
        responsibilities=_unite_responsibilities(plans),
        fundings=tuple(_unique_by(lambda f: f, (f for p in plans for f in p.fundings))),
        quantities=tuple(_unique_by(lambda q: q.id, (q for p in plans for q in p.quantities))),
        reports=tuple(_unique_by(lambda r: r, (r for p in plans for r in p.reports))),
        allows=tuple(_unique_by(lambda a: a, (a for p in plans for a in p.allows))),
        recipients=tuple(dict.fromkeys(n for p in plans for n in p.recipients)),
        general=tuple(_unique_by(lambda t: t.value, (t for p in plans for t in p.general))),
    )
    return merged, changes, reviews


def _merge_objective(oid: str, plans: list[m.Plan], weights, changes, reviews) -> m.Objective:
    versions = [(p, o) for p in plans for o in p.objectives if o.id == oid]
    base = versions[0][1]
    if len({(o.unit, o.direction) for _p, o in versions}) > 1:
        reviews.append(mm.Review(mm.objective_key(oid), _("the old plans measure '{id}' differently (unit or "
                                                          "direction); the first plan's definition is kept").format(id=oid)))
        return base
    targets: list[m.Target] = []
    for phase in _ordered(t.phase for _p, o in versions for t in o.targets):
        found = [(p, t) for p, o in versions for t in o.targets if t.phase == phase]
        kinds = {(t.relative, t.base_year, t.percent) for _p, t in found}
        sources = ", ".join(f"{p.id}: {target_words(t)}" for p, t in found)
        key = mm.target_key(oid, phase)
        if len(kinds) > 1:
            reviews.append(mm.Review(key, _("targets of different kinds cannot be compared ({sources}); the target "
                                            "of {plan} is kept").format(sources=sources, plan=found[0][0].id)))
            targets.append(found[0][1])
            continue
        if weights is not None and len(found) > 1:
            try:
                ws = [weights[p.id] for p, _t in found]
            except KeyError as exc:
                raise MergeError(_("no weight for the unit of plan {plan}").format(plan=exc.args[0])) from None
            chosen = weighted([t for _p, t in found], ws)
            how = _("the mean weighted by population")
        else:
            chosen = strictest([t for _p, t in found], base.direction)
            how = _("the highest") if base.direction is not m.Direction.DOWN else _("the lowest")
        if len(found) > 1:
            changes.append(mm.Change(mm.TARGET, sources, target_words(chosen), chosen.span, None,
                                     _("{id} ({phase}): {how} of the old plans").format(id=oid, phase=phase, how=how)))
            reviews.append(mm.Review(key, _("proposed {target} ({how}); from {sources}").format(
                target=target_words(chosen), how=how, sources=sources)))
        targets.append(chosen)
    if len(versions) < len(plans):
        missing = [p.id for p in plans if all(o.id != oid for o in p.objectives)]
        reviews.append(mm.Review(mm.objective_key(oid), _("set only by {plans}, not by {others}").format(
            plans=", ".join(p.id for p, _o in versions), others=", ".join(missing))))
    return attrs.evolve(base, targets=tuple(targets))


def _unite_tasks(plans: list[m.Plan]) -> tuple[m.Task, ...]:
    out: list[m.Task] = []
    used: set[str] = set()
    for p in plans:
        for t in p.tasks:
            same = next((o for o in out if _task_same(o, t)), None)
            if same is not None:
                continue
            tid = t.id if t.id not in used else f"{t.id}_{p.id}"
            used.add(tid)
            out.append(attrs.evolve(t, id=tid))
    return tuple(out)


def _task_same(a: m.Task, b: m.Task) -> bool:
    return (a.text, a.leads, a.supports) == (b.text, b.leads, b.supports)


def _unite_responsibilities(plans: list[m.Plan]) -> tuple[m.Responsibility, ...]:
    merged: dict[tuple[str, m.Mode], m.Responsibility] = {}
    for p in plans:
        for r in p.responsibilities:
            k = (r.agency.name, r.mode)
            if k in merged:
                first = merged[k]
                merged[k] = attrs.evolve(first, duties=first.duties + tuple(
                    d for d in r.duties if all(d.value != x.value for x in first.duties)))
            else:
                merged[k] = r
    return tuple(merged.values())


def _phases(p: m.Plan) -> str:
    return ", ".join(f"{ph.start}-{ph.end}" for ph in p.phases) or "none"


def _ordered(items):
    return list(dict.fromkeys(items))


def _unique_by(key, items) -> list:
    seen: dict = {}
    for it in items:
        seen.setdefault(key(it), it)
    return list(seen.values())
