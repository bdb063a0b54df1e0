"""CV: coverage of the parent plan (every parent objective handled, links cited).

Parent comparisons are skipped when a plan's resolution is incomplete (an
unknown parent or a cycle): those are root causes, reported once by the GR
rules, and would otherwise cascade into spurious coverage findings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _
from plandsl.language.model import Plan
from plandsl.language.snippets import snippet
from plandsl.inherit.resolve import Status, in_period
from plandsl.rules.base import Rule, register
from plandsl.core.suggest import did_you_mean


def link_span(plan: Plan, parent_id: str | None):
    """The span of the `implements` reference to ``parent_id`` (or the plan's span)."""
    ref = next((r for r in plan.parents if r.plan_id == parent_id), None)
    return ref.span if ref else plan.span


@register
class DroppedObjective(Rule):
    """A parent objective is neither adopted, adapted nor waived.

    Anti-pattern: a district plan that implements the national programme but
    says nothing about one of its objectives; the objective silently disappears
    at this level and nobody is responsible for it.

    Best practice: for every parent objective, `adopt` it, declare an objective
    with the same id and your own targets, or `waive` it with a reason. While
    a spec is still being encoded, say so with `partial "<what is missing>"`:
    the objectives not yet encoded are then one CV006 note.
    """

    code = "CV001"
    name = "coverage.dropped-objective"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        if not rp.complete or rp.plan.partial is not None:
            return  # a partially encoded plan: CV006 gives one note instead
        lang = rp.plan.lang
        for ro in rp.objectives:
            if ro.status is not Status.DROPPED:
                continue
            yield self.diag(
                link_span(rp.plan, ro.parent_plan),
                _("objective '{id}' of '{plan}' is not covered by this plan").format(id=ro.id, plan=ro.parent_plan),
                _("Adopt it ({adopt}), set your own targets ({own}), or waive it with a reason ({waive}).").format(
                    adopt=snippet("`adopt {id}`", lang, id=ro.id),
                    own=snippet("`objective {id} {{ ... }}`", lang, id=ro.id),
                    waive=snippet('`waive {id} "<reason>"`', lang, id=ro.id)),
                [(ro.objective.span, _("the parent objective '{id}'").format(id=ro.id))],
                subject=ro.id,
            )


@register
class TargetOutsideParentPhases(Rule):
    """A target of an adapted objective falls in a year the parent does not plan for.

    The year lies outside every phase of the parent and outside the parent's
    period (its vision included), so there is nothing to compare it with.

    Anti-pattern: a province sets its 2032 target for a national objective
    whose programme ends in 2030.

    Best practice: set targets for years inside the parent's phases, usually
    the phase ends (2025, 2030).
    """

    code = "CV002"
    name = "coverage.target-outside-parent"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        if not rp.complete:
            return
        for ro in rp.objectives:
            if ro.status is not Status.ADAPTED or ro.parent_plan is None:
                continue
            parent = ctx.resolution.plans[ro.parent_plan].plan
            for rt in ro.targets:
                if rt.provenance.plan_id != rp.id:
                    continue
                if any(p.start <= rt.year <= p.end for p in parent.phases) or \
                        (parent.period is not None and in_period(parent, rt.year)):
                    continue
                if parent.period is None and not parent.phases:
                    continue
                span = parent.span_of("period")
                yield self.diag(
                    rt.target.span,
                    _("the target for '{id}' is set for {year}, outside the periods and phases of '{plan}'").format(
                        id=ro.id, year=rt.year, plan=ro.parent_plan),
                    _("Set targets for years inside the parent's phases."),
                    [(span, _("the period of '{plan}'").format(plan=ro.parent_plan))],
                    subject=ro.id,
                )


@register
class UnknownAdoptedObjective(Rule):
    """`adopt` or `waive` names an objective the parent plans do not have.

    Anti-pattern: `adopt traning` (a typo), or adopting an objective of a
    programme the plan does not implement; nothing is inherited.

    Best practice: adopt or waive objectives by the exact id used in the parent.
    """

    code = "CV003"
    name = "coverage.unknown-objective"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        if not rp.complete:
            return
        available = {o.id for p in ctx.parents_of(rp.id) for o in p.active()}
        items = [("adopt", a.objective_id, a.span) for a in rp.plan.adoptions] + \
                [("waive", w.objective_id, w.span) for w in rp.plan.waivers]
        for verb, oid, span in items:
            if oid in available:
                continue
            if not rp.parents:
                hint = _("This plan implements no parent plan: add {fix} or remove this line.").format(
                    fix=snippet("`implements <parent>`", rp.plan.lang))
            else:
                hint = did_you_mean(oid, available) or _("Objectives of the parent plans: {ids}.").format(
                    ids=", ".join(sorted(available)) or _("none"))
            message = (_("cannot adopt '{id}': no parent plan has such an objective") if verb == "adopt" else
                       _("cannot waive '{id}': no parent plan has such an objective"))
            yield self.diag(span, message.format(id=oid), hint,
                            subject=oid)


@register
class WaiverWithoutReason(Rule):
    """A parent objective is waived without a reason.

    Anti-pattern: `waive children` with no text; the upper level cannot judge
    whether the objective really does not apply locally.

    Best practice: say why, e.g.
    `waive children "Huyện không có cơ sở trợ giúp xã hội"`.
    """

    code = "CV004"
    name = "coverage.waiver-without-reason"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for w in rp.plan.waivers:
            if not (w.reason or "").strip():
                yield self.diag(w.span, _("objective '{id}' is waived without a reason").format(id=w.objective_id),
                                _("Add the reason: {fix}").format(
                                    fix=snippet('waive {id} "<reason>"', rp.plan.lang, id=w.objective_id)),
                                subject=w.objective_id)


_NUMBER_RE = re.compile(r"\d+(?:/\d+)?/[A-ZĐa-zđ][\wĐđ\-]*")


@lru_cache(maxsize=1 << 14)
def normalise_number(text: str) -> str:
    """Normalise an instrument number: '112/QĐ-TTg', 'số 112/QĐ-TTg', '112 / QĐ–TTg' -> '112/qđ-ttg'."""
    from plandsl.registry.normalize import fold_case

    text = fold_case(text)
    text = re.sub(r"^số\s*:?", "", text)
    text = re.sub(r"\s+", "", text)
    return text.lstrip("0") if text[:1].isdigit() else text


def cited_numbers(plan: Plan) -> set[str]:
    """Every instrument number the plan's bases and implemented documents mention, normalised."""
    out: set[str] = set()
    for ref in (*plan.bases, *plan.implementing):
        if ref.number:
            out.add(normalise_number(ref.number))
        out.update(_numbers_in(ref.text))
    return out


def _symbol(number: str) -> str:
    """The symbol part of a normalised number: '112/2021/qđ-ttg' -> 'qđ-ttg'."""
    return number.rsplit("/", 1)[-1]


def _serial(number: str) -> str:
    return number.split("/", 1)[0]


def near_miss(plan: Plan, inst) -> "object | None":
    """A basis or implemented document that cites the parent's instrument with a wrong number:
    the same symbol (type and issuer, e.g. QĐ-TTg) and the same date, or the same serial number
    ('112/2021/QĐ-TTg' for '112/QĐ-TTg')."""
    want = normalise_number(inst.number)
    for ref in (*plan.bases, *plan.implementing):
        if not ref.number:
            continue
        got = normalise_number(ref.number)
        if got == want or _symbol(got) != _symbol(want):
            continue
        if (ref.date is not None and ref.date == inst.date) or _serial(got) == _serial(want):
            return ref
    return None


_AROUND_SEPARATOR = re.compile(r"(?:(?<!\s)\s+)?([/\-\u2013\u2014])\s*")


@lru_cache(maxsize=1 << 14)
def _numbers_in(text: str) -> frozenset[str]:
    """The instrument numbers a basis text mentions, normalised (memoised: bases recur across plans)."""
    # A whitespace run is entered only at its start ((?<!\s)): linear, where "\s*X" restarted inside long runs.
    text = _AROUND_SEPARATOR.sub(r"\1", text)
    return frozenset(normalise_number(mt.group(0)) for mt in _NUMBER_RE.finditer(text))


@register
class ParentNotCited(Rule):
    """The plan's legal bases (căn cứ) and implemented documents do not cite the instrument of a plan it implements.

    A spec with no `basis` nor `implementing` line is not checked: its căn cứ
    were not encoded (for instance when the only source is a news report). A
    citation with the parent's symbol and date (or serial) but another number
    ("112/2021/QĐ-TTg" for "112/QĐ-TTg") is reported on that line, with the
    right number.

    Anti-pattern: a province plan implementing 112/QĐ-TTg whose căn cứ lines
    list only laws; the legal chain from the programme is not visible.

    Best practice: cite the parent's decision among the bases:
    `basis "Quyết định phê duyệt Chương trình ..." number "112/QĐ-TTg" dated 2021-01-22`.
    """

    code = "CV005"
    name = "coverage.parent-not-cited"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        if not rp.complete:
            return
        if not rp.plan.bases and not rp.plan.implementing:
            return  # no căn cứ encoded at all (e.g. the source is a news report): nothing to compare
        cited = cited_numbers(rp.plan)
        for parent_id in rp.parents:
            parent = ctx.resolution.plans[parent_id].plan
            inst = parent.instrument
            if inst is None or not inst.number.strip():
                continue
            if normalise_number(inst.number) in cited:
                continue
            wrong = near_miss(rp.plan, inst)
            if wrong is not None:
                yield self.diag(
                    wrong.span,
                    _("this plan cites '{cited}', but the instrument of '{plan}' is numbered {number} "
                      "(dated {date})").format(cited=wrong.number, plan=parent_id, number=inst.number,
                                               date=inst.date.isoformat()),
                    _("Did you mean '{number}'?").format(number=inst.number),
                    [(inst.span, _("the instrument of '{plan}'").format(plan=parent_id))],
                )
                continue
            yield self.diag(
                link_span(rp.plan, parent_id),
                _("the bases of this plan do not cite {number}, the instrument of '{plan}'").format(
                    number=inst.number, plan=parent_id),
                _("Add {fix}.").format(fix=snippet('`basis "..." number "{number}" dated {date}`', rp.plan.lang,
                                                 number=inst.number, date=inst.date.isoformat())),
                [(inst.span, _("the instrument of '{plan}'").format(plan=parent_id))],
            )
