"""CS: consistency inside one plan (values, ids and references that contradict each other)."""

from __future__ import annotations

from decimal import Decimal

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import N_, _, pick
from plandsl.language.model import Direction
from plandsl.language.wording import target_words
from plandsl.inherit.resolve import Status
from plandsl.language.snippets import snippet
from plandsl.rules.base import Rule, register
from plandsl.rules.memo import all_tasks
from plandsl.rules.strings import find_in_list, locate_with
from plandsl.core.suggest import did_you_mean

HUNDRED = Decimal(100)


@register
class PercentOutOfRange(Rule):
    """A percentage target lies outside 0-100%.

    Absolute percentages must be between 0 and 100; a relative change
    ("-x% vs 2020") cannot fall by more than 100%.

    Anti-pattern: `target p2 >= 110%` for a share of communes, usually a typo
    for 100% or a number of people written with a `%`.

    Best practice: write shares between 0% and 100%; for counts, drop the `%`
    and set the objective's `unit` (people, facilities ...).
    """

    code = "CS001"
    name = "consistency.percent-range"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for obj in rp.plan.objectives:
            for t in obj.targets:
                if not t.percent:
                    continue
                if not t.relative and not (0 <= t.value <= HUNDRED):
                    yield self.diag(t.span, _("target for '{id}' is {target}: a share must be "
                                              "between 0% and 100%").format(id=obj.id, target=target_words(t)),
                                    _("Check the figure; if it is a count, remove the '%' and set the unit."),
                                    subject=obj.id)
                elif t.relative and t.value < -HUNDRED:
                    yield self.diag(t.span, _("target for '{id}' is {target}: a value cannot fall "
                                              "by more than 100%").format(id=obj.id, target=target_words(t)),
                                    _("Check the figure."), subject=obj.id)


@register
class BackwardsTargets(Rule):
    """Later targets of an objective go backwards for the indicator's direction.

    Anti-pattern: "60% by 2025" then "50% by 2030" on an indicator that should
    rise (`direction up`); the plan asks for less at the end than half-way.

    When the fall is between the plan's own target and a later one it inherits
    (it sets 100% for 2025 and inherits the parent's 90% for 2030), the finding
    points at the `implements` link the inherited value comes through, names
    where that value was set, and says which target the plan should add.

    Best practice: targets are monotonic in the indicator's direction: each
    phase asks for at least as much as the one before.
    """

    code = "CS002"
    name = "consistency.backwards-targets"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for ro in rp.active():
            direction = ro.objective.direction
            if direction is None:
                continue
            points = sorted((t for t in ro.targets if not t.target.relative), key=lambda t: t.year)
            for earlier, later in zip(points, points[1:]):
                if later.year == earlier.year:
                    continue
                a, b = earlier.target.value, later.target.value
                backwards = b > a if direction is Direction.DOWN else b < a
                if not backwards:
                    continue
                own = [t for t in (later, earlier) if t.provenance.plan_id == rp.id]
                if not own:
                    continue  # both inherited: reported in the plan that wrote them
                if own == [earlier]:  # the plan's own target, then an inherited later one
                    yield self._inherited_later(rp, ro, earlier, later, direction)
                    continue
                at = own[0]
                other = earlier if at is later else later
                message = (_("the target for '{id}' falls from {earlier} in {earlier_year} to {later} in "
                             "{later_year}, but the indicator should go up") if direction is Direction.UP else
                           _("the target for '{id}' rises from {earlier} in {earlier_year} to {later} in "
                             "{later_year}, but the indicator should go down"))
                yield self.diag(
                    at.target.span,
                    message.format(id=ro.id, earlier=target_words(earlier.target), earlier_year=earlier.year,
                                   later=target_words(later.target), later_year=later.year),
                    _("Make later targets at least as ambitious as earlier ones, or fix the {keyword}.").format(
                        keyword=snippet("`direction`", rp.plan.lang)),
                    [(other.provenance.span, _("target for {year}").format(year=other.year))],
                    subject=ro.id,
                )


    def _inherited_later(self, rp, ro, earlier, later, direction):
        from plandsl.language.printer_atoms import number
        from plandsl.rules.coverage import link_span

        plan = rp.plan
        phase = next((p.id for p in plan.phases if p.end == later.year), None)
        ref = phase if phase is not None else str(later.year)
        t = earlier.target
        cmp = t.comparator.value if t.comparator else (">=" if direction is Direction.UP else "<=")
        fix = snippet("`target {ref} {cmp} {value}`", plan.lang, ref=ref, cmp=cmp,
                      value=f"{number(t.value)}{'%' if t.percent else ''}")
        message = (_("the target for '{id}' falls from {earlier} in {earlier_year} (set here) to {later} in "
                     "{later_year}, inherited from '{source}'") if direction is Direction.UP else
                   _("the target for '{id}' rises from {earlier} in {earlier_year} (set here) to {later} in "
                     "{later_year}, inherited from '{source}'"))
        return self.diag(
            link_span(plan, ro.parent_plan),
            message.format(id=ro.id, earlier=target_words(earlier.target), earlier_year=earlier.year,
                           later=target_words(later.target), later_year=later.year,
                           source=later.provenance.plan_id),
            _("Add a target for {year} to objective '{id}', at least as ambitious as {earlier_year} "
              "(e.g. {fix}), or lower the {earlier_year} target.").format(
                year=later.year, id=ro.id, earlier_year=earlier.year, fix=fix),
            [(later.provenance.span, _("the inherited target for {year}, set by '{plan}'").format(
                year=later.year, plan=later.provenance.plan_id)),
             (earlier.target.span, _("this plan's target for {year}").format(year=earlier.year))],
            subject=ro.id,
        )


@register
class UnitMismatch(Rule):
    """An adapted objective declares a unit different from the parent objective's.

    Anti-pattern: the national objective counts a share (`unit %`) and the
    province redefines it in people; targets can no longer be compared.

    Best practice: keep the parent's unit; if a local count is useful, add it as
    a separate objective with its own id.
    """

    code = "CS003"
    name = "consistency.unit-mismatch"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for ro in rp.objectives:
            if ro.status is not Status.ADAPTED:  # an adapted objective always has its parent
                continue
            own = rp.plan.objective(ro.id)
            if own is not None and own.not_comparable is not None:
                continue  # declared another indicator: units may differ
            mine, theirs = (own.unit if own else None), ro.parent.objective.unit
            if mine is None or theirs is None or mine is theirs:
                continue
            yield self.diag(
                own.span,
                _("objective '{id}' is measured in {mine} here but in {theirs} by '{plan}'").format(
                    id=ro.id, mine=pick(mine.en, mine.symbol), theirs=pick(theirs.en, theirs.symbol),
                    plan=ro.parent_plan),
                _("Use the parent's unit ({unit}), or give the local objective its own id.").format(
                    unit=pick(theirs.en, theirs.vi)),
                [(ro.parent.objective.span, _("the parent objective is in {unit}").format(
                    unit=pick(theirs.en, theirs.symbol)))],
                subject=ro.id,
            )


@register
class MissingBaseline(Rule):
    """A relative target is measured against a year the plan gives no value for.

    "+20% vs 2020" needs the 2020 level: the objective's `baseline 2020` or
    another target of the same objective for 2020 (a parent's target counts).

    Anti-pattern: `target p1 +20% vs 2020` with no baseline, so nobody can say
    what 20% more means when the plan is evaluated.

    Best practice: declare `baseline 2020 [value]` on the objective, or compare
    with a year that has its own target ("+30% vs 2025").
    """

    code = "CS004"
    name = "consistency.missing-baseline"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        for ro in rp.active():
            years = {t.year for t in ro.targets}
            if ro.objective.baseline_year is not None:
                years.add(ro.objective.baseline_year)
            if ro.parent is not None:
                # The parent's own base years: valid there, or reported there (never cascade).
                years |= {t.target.base_year for t in ro.parent.targets if t.target.relative}
            for rt in ro.targets:
                t = rt.target
                if not t.relative or rt.provenance.plan_id != rp.id or t.base_year in years:
                    continue
                yield self.diag(
                    t.span,
                    _("target for '{id}' is {target}, but the plan has no baseline or target for {year}").format(
                        id=ro.id, target=target_words(t), year=t.base_year),
                    _("Add {fix} (with its value if known) to objective '{id}'.").format(
                        fix=snippet("`baseline {year}`", rp.plan.lang, year=t.base_year), id=ro.id),
                    subject=ro.id,
                )


@register
class UnknownPhase(Rule):
    """A target names a phase the plan does not declare.

    Anti-pattern: `target gd1 >= 60%` when the plan's phases are `p1` and `p2`;
    the target has no year and is silently left out of every comparison.

    Best practice: use a declared phase id, or write the year (`target 2025 ...`).
    """

    code = "CS005"
    name = "consistency.unknown-phase"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        phases = [p.id for p in rp.plan.phases]
        for obj in rp.plan.objectives:
            for t in obj.targets:
                if isinstance(t.phase, str) and rp.plan.phase(t.phase) is None:
                    hint = did_you_mean(t.phase, phases) or (
                        _("Declared phases: {phases}.").format(phases=", ".join(phases)) if phases else
                        _("Declare it ({fix}) or write the year instead.").format(
                            fix=snippet("`phase p1 2021..2025`", rp.plan.lang)))
                    yield self.diag(t.span, _("unknown phase '{phase}' in a target of '{id}'").format(
                        phase=t.phase, id=obj.id), hint,
                                    subject=obj.id)


@register
class DuplicateId(Rule):
    """Two objectives, tasks or phases of one plan share an id.

    Objectives and tasks share one namespace (both can be named by
    `allow CODE on ID`); phases have their own, and so do quantities.

    Anti-pattern: two `task t1` blocks; `serves`, `allow ... on t1` and the
    reports cannot tell them apart.

    Best practice: give every objective, task (sub-tasks included) and phase a
    unique id, e.g. `t2_a`, `t2_b` for the items of task 2.
    """

    code = "CS006"
    name = "consistency.duplicate-id"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        plan = rp.plan
        groups = [
            [(N_("objective"), o.id, o.span) for o in plan.objectives]
            + [(N_("task"), t.id, t.span) for t in all_tasks(plan)],
            [(N_("phase"), p.id, p.span) for p in plan.phases],
            [(N_("quantity"), q.id, q.span) for q in plan.quantities],
        ]
        for items in groups:
            seen: dict[str, tuple[str, object]] = {}
            for kind, ident, span in items:
                if ident in seen:
                    first_kind, first_span = seen[ident]
                    yield self.diag(span, _("the id '{id}' of this {kind} is already used by a {first_kind}").format(
                                        id=ident, kind=_(kind), first_kind=_(first_kind)),
                                    _("Rename one of them; ids must be unique within a plan."),
                                    [(first_span, _("'{id}' first defined here").format(id=ident))])
                else:
                    seen[ident] = (kind, span)


_SERVES = frozenset({"serves", "phục_vụ"})


@register
class UnknownServes(Rule):
    """A task `serves` an objective the plan does not have.

    Objectives adopted, adapted or waived from a parent count as known.

    Anti-pattern: `serves traning`, a typo that leaves the task attached to
    nothing, so coverage reports miss it.

    Best practice: name objectives declared in the plan or inherited from its
    parents.
    """

    code = "CS007"
    name = "consistency.unknown-serves"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        known = {o.id for o in rp.objectives} | {o.id for o in rp.plan.objectives}
        for task in all_tasks(rp.plan):
            for oid in task.serves:
                if oid in known:
                    continue
                if not rp.complete:
                    continue  # the objective may come from the unknown parent (GR002/GR003)
                where = locate_with(ctx, task.span, find_in_list(_SERVES, oid))
                yield self.diag(where, _("task '{task}' serves unknown objective '{id}'").format(task=task.id, id=oid),
                                did_you_mean(oid, known) or _("Check the objective id."), subject=task.id)
