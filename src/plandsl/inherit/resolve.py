"""Resolve each plan against its parents, in topological order.

Every parent objective is adopted (``adopt``), adapted (the child declares an
objective with the same id), waived with a reason (``waive``), or dropped
(none of these; the coverage rules report it). Every resolved target keeps its
provenance: the plan and span where its value was written, and the parent
value it overrode.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from plandsl.core.gcpause import gc_paused
from plandsl.core.records import frozen
from plandsl.inherit.graph import PlanGraph, build_graph
from plandsl.language.model import NoTarget, Objective, Plan, Span, Target, Waiver
from plandsl.project.loader import SpecSet


class Status(enum.Enum):
    OWN = "own"
    ADOPTED = "adopted"
    ADAPTED = "adapted"
    WAIVED = "waived"
    DROPPED = "dropped"


@frozen
class Provenance:
    """Where a value was written, and the inherited value it replaced."""

    plan_id: str
    span: Span
    overrides: "Provenance | None" = None

    def chain(self) -> list["Provenance"]:
        out, cur = [], self
        while cur is not None:
            out.append(cur)
            cur = cur.overrides
        return out


@frozen
class ResolvedTarget:
    objective_id: str
    phase: str | int
    year: int
    target: Target
    provenance: Provenance
    # The parent's resolved target for the same objective and year, if it has one.
    parent: "ResolvedTarget | None" = None
    # A maintained target (``maintain``) holds every year from ``first_year`` to ``year``.
    first_year: int | None = None

    def covers(self, year: int) -> bool:
        """Whether this target applies in ``year``: its own year, or any year of a maintained range."""
        if self.first_year is not None:
            return self.first_year <= year <= self.year
        return year == self.year


@frozen
class ResolvedObjective:
    id: str
    status: Status
    objective: Objective
    targets: tuple[ResolvedTarget, ...]
    provenance: Provenance
    parent: "ResolvedObjective | None" = None
    parent_plan: str | None = None
    waiver: Waiver | None = None
    # Phases (or years) for which the plan deliberately sets no figure (``no_target``).
    no_targets: tuple[NoTarget, ...] = ()

    @property
    def comparable(self) -> bool:
        """False when the plan declares the objective not comparable with its parent's (``not_comparable``)."""
        return self.parent is not None and self.objective.not_comparable is None


_ACTIVE = (Status.OWN, Status.ADOPTED, Status.ADAPTED)
_LAST_ACTIVE: list = [(None, ())]  # [(the plan last asked about, its active objectives)], read and set at once


@frozen
class ResolvedPlan:
    plan: Plan
    parents: tuple[str, ...]
    objectives: tuple[ResolvedObjective, ...]
    # False when a parent is unknown or the plan sits in a cycle: parent comparisons are incomplete.
    complete: bool = True

    @property
    def id(self) -> str:
        return self.plan.id

    def objective(self, objective_id: str) -> ResolvedObjective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def active(self) -> tuple[ResolvedObjective, ...]:
        """Objectives the plan pursues (own, adopted, adapted); made once while this plan is the last asked
        about (several rules ask in turn for the plan they read)."""
        hit = _LAST_ACTIVE[0]
        if hit[0] is self:
            return hit[1]
        found = tuple(o for o in self.objectives if o.status in _ACTIVE)
        _LAST_ACTIVE[0] = (self, found)
        return found


@frozen
class Resolution:
    graph: PlanGraph
    plans: dict[str, ResolvedPlan]
    # Plans amended or replaced by other loaded plans, as in force on ``on`` (see plandsl.inherit.effective);
    # their children were resolved against these.
    effective: dict[str, ResolvedPlan] = attrs.field(factory=dict)
    on: dt.date | None = None

    def get(self, plan_id: str) -> ResolvedPlan | None:
        return self.plans.get(plan_id)

    def in_force(self, plan_id: str) -> ResolvedPlan | None:
        """The plan as in force on the resolution's date: amendments applied (the plan as written if none)."""
        return self.effective.get(plan_id) or self.plans.get(plan_id)


def target_year(plan: Plan, target: Target) -> int | None:
    """The year a target is due: the end of its phase, or the year it names (the last year of a
    maintained range)."""
    if isinstance(target.phase, int):
        return target.through if target.through is not None else target.phase
    phase = plan.phase(target.phase)
    return phase.end if phase else None


def target_years(plan: Plan, target: Target) -> tuple[int, int] | None:
    """First and last year a target applies: a maintained target holds every year of its phase or
    range; any other target applies in its year only."""
    last = target_year(plan, target)
    if last is None:
        return None
    if not target.maintain:
        return last, last
    if isinstance(target.phase, int):
        return target.phase, last
    phase = plan.phase(target.phase)
    return (phase.start, last) if phase else (last, last)


def no_target_years(plans: list[Plan], nt: NoTarget) -> tuple[int, int] | None:
    """The years a ``no_target`` covers: the phase of that id in the first of ``plans`` that has
    it (the plan itself first, then its parents), or the year it names."""
    if isinstance(nt.phase, int):
        return nt.phase, nt.phase
    for plan in plans:
        phase = plan.phase(nt.phase)
        if phase is not None:
            return phase.start, phase.end
    return None


def in_period(plan: Plan, year: int) -> bool:
    if plan.period is None:
        return True
    start, end = plan.period
    return start <= year <= max(end, plan.vision or end)


def _phase_key(plan: Plan, year: int) -> str | int:
    phase = next((p for p in plan.phases if p.end == year), None)
    return phase.id if phase else year


def _own_targets(plan: Plan, obj: Objective, parent: ResolvedObjective | None = None) -> list[ResolvedTarget]:
    """The objective's own targets; with ``parent`` (the objective it adapts), each overrides the parent's
    target of the same year, kind and base year, if there is one (made once: called for every plan)."""
    out = []
    for t in obj.targets:
        years = target_years(plan, t)
        if years is None:
            continue  # an unknown phase id; the consistency rules report it
        first = years[0] if t.maintain else None
        same = _same_target(parent, years[1], t) if parent is not None else None
        if same is None:
            out.append(ResolvedTarget(obj.id, t.phase, years[1], t, Provenance(plan.id, t.span), first_year=first))
        else:
            out.append(ResolvedTarget(obj.id, t.phase, years[1], t, Provenance(plan.id, t.span, same.provenance),
                                      same, first))
    return out


def _same_target(parent: ResolvedObjective, year: int, t: Target) -> ResolvedTarget | None:
    """The parent's target for ``year`` of the same kind (relative or not) and base year as ``t``."""
    for same in parent.targets:  # a plain loop: called for every own target
        if same.year == year and same.target.relative == t.relative and same.target.base_year == t.base_year:
            return same
    return None


def _inherit(plan: Plan, parent_targets: tuple[ResolvedTarget, ...], taken: set[tuple],
             skip: tuple[tuple[int, int], ...] = ()) -> list[ResolvedTarget]:
    """Parent targets that fall inside the child's period, that it did not set itself and that
    no ``no_target`` of the child covers (``skip``: year ranges)."""
    out = []
    for p in parent_targets:
        key = (p.year, p.target.relative, p.target.base_year)
        if key in taken or not in_period(plan, p.year):
            continue
        if any(a <= p.year <= b for a, b in skip):
            continue
        out.append(ResolvedTarget(p.objective_id, _phase_key(plan, p.year), p.year, p.target, p.provenance,
                                  parent=p, first_year=p.first_year))
    return out


_FILLED = ("text", "indicator", "unit", "direction", "baseline_year", "baseline_value")


def _merge(parent: Objective, child: Objective) -> Objective:
    """The child's objective with the parent's fields filling what it leaves out (the child itself when the
    parent has none of them to give: a commune's objective usually leaves out what its parent leaves out)."""
    fill = {f: value for f in _FILLED if getattr(child, f) is None and (value := getattr(parent, f)) is not None}
    return attrs.evolve(child, **fill) if fill else child


def resolve_plan(plan: Plan, parents: list[ResolvedPlan], complete: bool) -> ResolvedPlan:
    # Closest parent first: a ministry plan refines the national one.
    parents = sorted(parents, key=lambda rp: (-(rp.plan.level.rank if rp.plan.level else -1), rp.id))
    inherited = _inherited(parents)
    adopted = {a.objective_id: a for a in plan.adoptions}
    waived = {w.objective_id: w for w in plan.waivers}
    own = {o.id: o for o in plan.objectives}
    no_targets: dict[str, list[NoTarget]] = {}
    for nt in plan.no_targets:
        no_targets.setdefault(nt.objective_id, []).append(nt)
    phase_plans = [plan, *(rp.plan for rp in parents)]
    objectives: list[ResolvedObjective] = []
    for oid, (pro, parent_id) in inherited.items():
        nts = tuple(no_targets[oid]) if oid in no_targets else ()
        skip = tuple(y for y in (no_target_years(phase_plans, nt) for nt in nts) if y is not None) if nts else ()
        if oid in own and own[oid].not_comparable is not None:
            # Another indicator under the same id: nothing is inherited or compared.
            obj = own[oid]
            prov = Provenance(plan.id, obj.span)
            objectives.append(ResolvedObjective(oid, Status.ADAPTED, obj, _sorted(_own_targets(plan, obj)), prov,
                                                pro, parent_id, no_targets=nts))
        elif oid in own:
            obj = own[oid]
            targets = _own_targets(plan, obj, pro)
            taken = {(y, t.target.relative, t.target.base_year) for t in targets
                     for y in range(t.first_year if t.first_year is not None else t.year, t.year + 1)}
            targets += _inherit(plan, pro.targets, taken, skip)
            prov = Provenance(plan.id, obj.span, overrides=pro.provenance)
            objectives.append(ResolvedObjective(oid, Status.ADAPTED, _merge(pro.objective, obj),
                                                _sorted(targets), prov, pro, parent_id, no_targets=nts))
        elif oid in adopted or (nts and oid not in waived):
            # ``no_target`` on an objective the plan neither adopts nor adapts: it takes the objective
            # with the parent's other targets, and deliberately none for the phases named.
            targets = _inherit(plan, pro.targets, set(), skip)
            span = adopted[oid].span if oid in adopted else nts[0].span
            prov = Provenance(plan.id, span, overrides=pro.provenance)
            objectives.append(ResolvedObjective(oid, Status.ADOPTED, pro.objective, _sorted(targets), prov,
                                                pro, parent_id, no_targets=nts))
        elif oid in waived:
            prov = Provenance(plan.id, waived[oid].span, overrides=pro.provenance)
            objectives.append(ResolvedObjective(oid, Status.WAIVED, pro.objective, (), prov, pro, parent_id,
                                                waiver=waived[oid]))
        else:
            objectives.append(ResolvedObjective(oid, Status.DROPPED, pro.objective, (), pro.provenance,
                                                pro, parent_id))
    for oid, obj in own.items():
        if oid not in inherited:
            objectives.append(ResolvedObjective(oid, Status.OWN, obj, _sorted(_own_targets(plan, obj)),
                                                Provenance(plan.id, obj.span), no_targets=tuple(no_targets.get(oid, ()))))
    order = {o.id: i for i, o in enumerate(plan.objectives)}
    objectives.sort(key=lambda o: (order.get(o.id, len(order)), o.id))
    return ResolvedPlan(plan, tuple(rp.id for rp in parents), tuple(objectives), complete)


# The last parents' objectives as a child inherits them: made once for all the communes of a province, which
# come one after another. The parents are kept with it, so that an id is not reused while it is there.
_LAST_INHERITED: list = [(), {}]


def _inherited(parents: list[ResolvedPlan]) -> dict[str, tuple[ResolvedObjective, str]]:
    """{objective id: (the closest parent's active objective, that parent's id)} (read only)."""
    last, found = _LAST_INHERITED
    if len(last) == len(parents) and all(a is b for a, b in zip(last, parents)):
        return found
    inherited: dict[str, tuple[ResolvedObjective, str]] = {}
    for rp in parents:
        for ro in rp.active():
            inherited.setdefault(ro.id, (ro, rp.id))
    _LAST_INHERITED[:] = [tuple(parents), inherited]
    return inherited


def _sorted(targets: list[ResolvedTarget]) -> tuple[ResolvedTarget, ...]:
    return tuple(sorted(targets, key=lambda t: (t.year, t.target.relative)))


def resolve(specs: SpecSet, graph: PlanGraph | None = None, on: dt.date | None = None) -> Resolution:
    """Resolve every plan in topological order. A plan amended or replaced by other loaded plans
    (``amends``/``replaces``) is seen by its children as in force on ``on`` (default: today)."""
    pg = graph or build_graph(specs)
    resolved: dict[str, ResolvedPlan] = {}
    effective: dict[str, ResolvedPlan] = {}
    amended = _amenders(pg)
    on = on or dt.date.today()
    with gc_paused():
        for pid in pg.order():
            plan = pg.plans[pid]
            parent_ids = pg.parents(pid)
            complete = pg.complete(pid)
            resolved[pid] = resolve_plan(plan, [effective.get(p) or resolved[p] for p in parent_ids], complete)
            if pid in amended:
                effective[pid] = apply_amendments(resolved[pid], amended[pid], on)
    return Resolution(pg, resolved, effective, on)


def apply_amendments(rp: "ResolvedPlan", amending: list, on: dt.date) -> "ResolvedPlan":
    """``rp`` with the amendments in force on ``on`` applied (``amending``: (plan, Amendment) pairs, oldest
    first, as :func:`plandsl.inherit.effective.amenders` gives them); ``rp`` itself if none is in force.
    The rules are in :mod:`plandsl.inherit.effective`."""
    from plandsl.inherit.effective import amendment_years, in_force

    objectives = {ro.id: ro for ro in rp.objectives}
    order = [ro.id for ro in rp.objectives]
    changed = False
    for plan, a in amending:
        if not in_force(plan, on):
            continue
        if a.phase is not None and amendment_years(rp.plan, plan, a) is None:
            continue  # an unknown phase: GR007 reports it
        changed = True
        years = amendment_years(rp.plan, plan, a)

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


def _amenders(pg: PlanGraph) -> dict:
    """Plans amended by other loaded plans (none in most sets: no import then)."""
    if not any(p.amendments for p in pg.plans.values()):
        return {}
    from plandsl.inherit.effective import amenders

    return amenders(pg.plans.values())


# ------------------------------------------------------------ interpolation


@frozen
class Expectation:
    """What the parent asks for at a year: a value, and whether it was interpolated."""

    value: Decimal
    interpolated: bool
    sources: tuple[ResolvedTarget, ...]


# Memo of parent_expectation by (parent, year, relative, base year): every commune of a province asks the same
# questions of the same parent objectives. The parent is kept in the entry, so that its id is not reused.
_EXPECTED: dict[tuple, tuple[ResolvedObjective, "Expectation | None"]] = {}


def parent_expectation(parent: ResolvedObjective, year: int, relative: bool = False,
                       base_year: int | None = None) -> Expectation | None:
    """The parent's target at ``year``; linear between the parent's own targets.

    Relative targets are compared only with relative targets of the same base
    year and year. Before the parent's first target nothing is expected unless
    the parent states a baseline value; after its last target the last holds.
    """
    key = (id(parent), year, relative, base_year)
    hit = _EXPECTED.get(key)
    if hit is not None and hit[0] is parent:
        return hit[1]
    found = _expectation(parent, year, relative, base_year)
    if len(_EXPECTED) >= 1 << 10:
        _EXPECTED.clear()
    _EXPECTED[key] = (parent, found)
    return found


def _expectation(parent: ResolvedObjective, year: int, relative: bool, base_year: int | None) -> Expectation | None:
    if relative:
        same = next((t for t in parent.targets if t.target.relative and t.year == year
                     and t.target.base_year == base_year), None)
        return Expectation(same.target.value, False, (same,)) if same else None
    points = sorted((t for t in parent.targets if not t.target.relative), key=lambda t: t.year)
    if not points:
        return None
    for t in points:
        if t.covers(year):  # its year, or any year of a maintained range
            return Expectation(t.target.value, False, (t,))
    before = [t for t in points if t.year < year]
    after = [t for t in points if t.year > year]
    if before and after:
        a, b = before[-1], after[0]
        b_year = b.first_year if b.first_year is not None else b.year  # a maintained range starts earlier
        return Expectation(_on_line(a.target.value, a.year, b.target.value, b_year, year), True, (a, b))
    if before:
        return Expectation(before[-1].target.value, True, (before[-1],))
    obj = parent.objective
    if obj.baseline_year is not None and obj.baseline_value is not None and obj.baseline_year < year:
        b = after[0]
        b_year = b.first_year if b.first_year is not None else b.year
        return Expectation(_on_line(obj.baseline_value, obj.baseline_year, b.target.value, b_year, year),
                           True, (b,))
    return None


def _on_line(v0: Decimal, y0: int, v1: Decimal, y1: int, year: int) -> Decimal:
    """The value at ``year`` on the straight line through (y0, v0) and (y1, v1). Multiplying
    before dividing keeps it exact where it can be: 0 + 30 * 2 / 3 is 20, where 30 * (2 / 3)
    is 20.00…01 and a child's 20 would be reported weaker."""
    return v0 + (v1 - v0) * (year - y0) / (y1 - y0)
