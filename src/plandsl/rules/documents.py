"""Rules on the links a plan declares to documents and other plans.

CV006: a partially encoded plan (``partial``) whose parent objectives are not yet
encoded, one note. CV007: ``no_target`` naming an unknown objective or phase.
AG005: a responsibility naming a task id the plan does not have. GR006: two
plans with the same instrument (number, issuer, year). GR007: ``amends`` or
``replaces`` naming an unknown plan or phase.
"""

from __future__ import annotations

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _, ngettext
from plandsl.core.suggest import did_you_mean
from plandsl.inherit.resolve import Status, no_target_years
from plandsl.language.snippets import snippet
from plandsl.rules.base import Rule, register
from plandsl.rules.coverage import normalise_number
from plandsl.rules.memo import all_tasks


@register
class PartiallyEncoded(Rule):
    """A plan marked as partially encoded leaves parent objectives unhandled.

    The spec says `partial "<what is missing>"`: its document has objectives
    not yet encoded (an import in progress). Instead of one CV001 error per
    parent objective, this note lists them once, so that the work left is
    visible without being mistaken for dropped objectives.

    Anti-pattern: an unfinished import checked as if complete: every objective
    not yet typed in reads as "dropped" (CV001) and the real findings drown.

    Best practice: mark the spec `partial` while encoding, and remove the
    marker when every objective of the document is encoded.
    """

    code = "CV006"
    name = "coverage.partially-encoded"
    severity = Severity.INFO

    def check_plan(self, rp, ctx):
        if rp.plan.partial is None or not rp.complete:
            return
        pending = [ro for ro in rp.objectives if ro.status is Status.DROPPED]
        if not pending:
            return
        ids = ", ".join(ro.id for ro in pending)
        yield self.diag(
            rp.plan.span_of("partial"),
            ngettext("this plan is partially encoded: {n} parent objective not encoded yet ({ids})",
                     "this plan is partially encoded: {n} parent objectives not encoded yet ({ids})",
                     len(pending)).format(n=len(pending), ids=ids),
            _("Encode them (adopt, adapt or waive each), then remove the {keyword} line.").format(
                keyword=snippet("`partial`", rp.plan.lang)),
            [(ro.objective.span, _("the parent objective '{id}'").format(id=ro.id)) for ro in pending],
        )


@register
class UnknownNoTarget(Rule):
    """`no_target` names an objective or a phase the plan cannot have.

    The objective must be the plan's own or one of its parents'; the phase must
    be a phase id of the plan or of a parent (or a year).

    Anti-pattern: `no_target traning p2 "…"` (a typo): the parent's 2030 target
    is still inherited and the statement silently does nothing.

    Best practice: name the objective and phase exactly as declared, e.g.
    `no_target trained p2 "Chỉ tiêu giai đoạn 2026-2030 sẽ ban hành sau"`.
    """

    code = "CV007"
    name = "coverage.unknown-no-target"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        plan = rp.plan
        parents = [p.plan for p in ctx.parents_of(rp.id)]
        known = {o.id for o in plan.objectives} | {o.id for p in ctx.parents_of(rp.id) for o in p.active()}
        for nt in plan.no_targets:
            if nt.objective_id not in known and rp.complete:
                yield self.diag(nt.span,
                                _("no_target names '{id}', which is not an objective of this plan or its "
                                  "parents").format(id=nt.objective_id),
                                did_you_mean(nt.objective_id, known), subject=nt.objective_id)
            elif no_target_years([plan, *parents], nt) is None:
                phases = sorted({ph.id for p in (plan, *parents) for ph in p.phases})
                yield self.diag(nt.span,
                                _("no_target names phase '{phase}', which neither this plan nor its parents "
                                  "declare").format(phase=nt.phase),
                                did_you_mean(str(nt.phase), phases), subject=nt.objective_id)
            elif not (nt.reason or "").strip():
                yield self.diag(nt.span, _("no_target for '{id}' gives no reason").format(id=nt.objective_id),
                                _("Say why the plan sets no figure for this phase."), subject=nt.objective_id)


@register
class UnknownTaskInDuties(Rule):
    """A responsibility names a task (`lead` / `support` with a task id) the plan does not have.

    Anti-pattern: `responsibility "Sở Nội vụ" { lead netwrok }` (a typo): the task
    `network` stays without a lead and the duty points at nothing.

    Best practice: name tasks by the ids declared in the plan.
    """

    code = "AG005"
    name = "agencies.unknown-task"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        ids = {t.id for t in all_tasks(rp.plan)}
        for r in rp.plan.responsibilities:
            for tid in (*r.lead_tasks, *r.support_tasks):
                if tid not in ids:
                    yield self.diag(r.span,
                                    _("the duties of '{agency}' name task '{id}', which this plan does not have")
                                    .format(agency=r.agency.name, id=tid),
                                    did_you_mean(tid, ids) or _("Name a task declared in this plan."), subject=tid)


def instrument_key(plan) -> tuple[str, str, int] | None:
    """(number, issuer, year) of a plan's instrument, normalised; None without a number."""
    inst = plan.instrument
    if inst is None or not inst.number.strip():
        return None
    from plandsl.registry.normalize import fold_case

    issuer = " ".join(fold_case(plan.issuer or plan.jurisdiction or "").split())
    return normalise_number(inst.number), issuer, inst.date.year


@register
class DuplicateInstrument(Rule):
    """Two plans give the same instrument: number, issuer and year.

    An instrument number is unique per issuer and year (Nghị định 30/2020/NĐ-CP:
    numbers restart each year). Two specs with the same one are the same
    document encoded twice, or one of them has a wrong number.

    Anti-pattern: a spec copied to start another province's plan keeps
    "255/QĐ-UBND" dated 2021-04-19; both now claim to be Quảng Ngãi's decision.

    Best practice: one spec per document; check the number against the
    document's "Số:" line.
    """

    code = "GR006"
    name = "graph.duplicate-instrument"
    severity = Severity.ERROR
    reads_plan_fields = frozenset({"id", "span", "instrument", "issuer", "jurisdiction"})

    def check_set(self, ctx):
        seen: dict[tuple, object] = {}
        for plan in sorted(ctx.resolution.graph.plans.values(), key=lambda p: p.span.path):
            key = instrument_key(plan)
            if key is None:
                continue
            first = seen.setdefault(key, plan)
            if first is plan:
                continue
            yield self.diag(
                plan.instrument.span,
                _("'{id}' has the same instrument as '{other}': {number} of {year} by the same issuer").format(
                    id=plan.id, other=first.id, number=plan.instrument.number, year=key[2]),
                _("Keep one spec per document, or correct the number."),
                [(first.instrument.span, _("the instrument of '{id}'").format(id=first.id))],
            )


@register
class UnknownAmended(Rule):
    """`amends` or `replaces` names a plan that is not loaded, or a phase it does not have.

    Anti-pattern: `replaces tth_ctxh_2021 in_phase p3` when the 2021 plan has
    phases p1 and p2: the replacement applies to nothing and the old targets
    stay in force.

    Best practice: name the amended plan by its id and one of its phases.
    """

    code = "GR007"
    name = "graph.unknown-amended"
    severity = Severity.ERROR
    reads_plan_fields = frozenset({"id", "amendments", "phases"})

    def check_set(self, ctx):
        plans = ctx.resolution.graph.plans
        for plan in plans.values():
            for a in plan.amendments:
                target = plans.get(a.plan_id)
                if target is None:
                    yield self.diag(a.span, _("'{id}' amends or replaces '{other}', which is not among the loaded "
                                              "specs").format(id=plan.id, other=a.plan_id),
                                    did_you_mean(a.plan_id, plans) or _("Load the amended plan's spec too."))
                elif a.plan_id == plan.id:
                    yield self.diag(a.span, _("'{id}' cannot amend or replace itself").format(id=plan.id))
                elif isinstance(a.phase, str) and target.phase(a.phase) is None:
                    yield self.diag(a.span, _("'{other}' has no phase '{phase}'").format(other=a.plan_id,
                                                                                     phase=a.phase),
                                    did_you_mean(a.phase, [p.id for p in target.phases]))
