"""AG: who leads and who supports each task, and who may be assigned at all.

Codes AG001-AG009 are the structural checks below. AG010 and above are kept
for the agency-registry rules (unknown agency, defunct agency and its
successor, wrong level, jurisdiction mismatch), which live with the registry.
"""

from __future__ import annotations

import re
from functools import lru_cache

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import N_, _, ngettext
from plandsl.language.model import Mode
from plandsl.registry.normalize import fold_case, repair_damage, words
from plandsl.rules.assignment import led_directly, responsibility_tasks
from plandsl.language.snippets import snippet
from plandsl.rules.base import Rule, register
from plandsl.rules.memo import all_tasks


@lru_cache(maxsize=1 << 16)
def agency_key(name: str) -> str:
    """A comparison key for agency names: case, accents' placement, dashes, '&', spacing ignored."""
    return " ".join(words(repair_damage(fold_case(name))))


@register
class TaskWithoutLead(Rule):
    """A task has no lead agency (chủ trì), not even through the task it belongs to.

    A sub-task inherits the lead of the task it sits in; a task whose sub-tasks
    each have their own lead needs none itself. A task is also led when a
    `responsibility` names it (`lead <task id>` inside the block: the duties
    per agency of "Tổ chức thực hiện"). Only tasks left with nobody in charge
    are reported, once per task (not once per sub-task), and once per plan when
    nothing in the plan names a lead at all.

    Anti-pattern: "Tuyên truyền, nâng cao nhận thức ..." with no `lead`; every
    agency assumes another one will do it.

    Best practice: give each task one `lead` (the chủ trì) and list the others
    under `support` (phối hợp).
    """

    code = "AG001"
    name = "agencies.no-lead"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        covered, _supports = responsibility_tasks(rp.plan)
        lang = rp.plan.lang
        tasks = rp.plan.tasks
        if tasks and not any(_any_lead(t, covered) for t in tasks):
            # A plan that names no lead anywhere (duties only in `responsibility` blocks): one finding.
            n = len(all_tasks(rp.plan))
            message = (_("none of the {n} tasks of this plan names a lead agency") if n > 1
                       else _("the only task of this plan names no lead agency"))
            yield self.diag(tasks[0].span, message.format(n=n),
                            _("Give each task a {fix} (the chủ trì), taken from the plan's assignment of duties.").format(
                                fix=snippet('`lead "<agency>"`', lang)))
            return
        for t in _unled(tasks, covered):
            # Nobody leads this task nor any of its sub-tasks: one finding for the whole task.
            subs = len(t.subtasks)
            message = (ngettext("task '{id}' and its {n} sub-task have no lead agency",
                                "task '{id}' and its {n} sub-tasks have no lead agency", subs) if subs
                       else _("task '{id}' has no lead agency"))
            yield self.diag(t.span, message.format(id=t.id, n=subs),
                            _("Add {fix} (the chủ trì) to task '{id}', or name it in the lead agency's "
                              "responsibility ({duty}).").format(
                                fix=snippet('`lead "<agency>"`', lang), id=t.id,
                                duty=snippet("`lead {id}`", lang, id=t.id)),
                            subject=t.id)


# Module functions rather than closures in check_plan: a recursive closure refers to itself, and the
# cycle lives (with what it holds) until the garbage collector runs.
def _any_lead(t, covered) -> bool:
    """The task or one of its sub-tasks (at any depth) is led."""
    return led_directly(t, covered) or any(_any_lead(s, covered) for s in t.subtasks)


def _unled(tasks, covered):
    """The tasks that nobody leads, nor any of their sub-tasks (sub-tasks inherit a lead), in order."""
    for t in tasks:
        if led_directly(t, covered):
            continue
        if t.subtasks and _any_lead(t, covered):
            yield from _unled(t.subtasks, covered)
            continue
        yield t


@register
class MultipleLeads(Rule):
    """A task has two or more lead agencies.

    Anti-pattern: `lead "Sở Y tế"` and `lead "Sở Nội vụ"` on one task; with
    two agencies in charge, neither is accountable.

    Best practice: one `lead` per task; move the others to `support`, or split
    the task.
    """

    code = "AG002"
    name = "agencies.multiple-leads"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        for t in all_tasks(rp.plan):
            if len(t.leads) < 2:
                continue
            names = ", ".join(f"'{a.name}'" for a in t.leads)
            yield self.diag(t.leads[1].span, _("task '{id}' has {n} lead agencies: {names}").format(
                                id=t.id, n=len(t.leads), names=names),
                            _("Keep one lead and move the others to {keyword}, or split the task.").format(
                                keyword=snippet("`support`", rp.plan.lang)),
                            [(t.leads[0].span, _("the first lead"))], subject=t.id)


@register
class LeadAlsoSupport(Rule):
    """The lead agency of a task is also listed among its supporting agencies.

    Names are compared ignoring case, dash style, '&' and spacing.

    Anti-pattern: `lead "Sở LĐ-TB&XH"` with `support "Sở LĐ-TB & XH", ...`.

    Best practice: an agency either leads a task or supports it.
    """

    code = "AG003"
    name = "agencies.lead-also-support"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        for t in all_tasks(rp.plan):
            leads = {agency_key(a.name): a for a in t.leads}
            for s in t.supports:
                lead = leads.get(agency_key(s.name))
                if lead is not None:
                    yield self.diag(s.span, _("'{name}' leads task '{id}' and is also listed as support").format(
                                        name=s.name, id=t.id),
                                    _("Remove it from {keyword}.").format(keyword=snippet("`support`", rp.plan.lang)),
                                    [(lead.span, _("the lead"))], subject=t.id)


# Bodies outside the People's Committee's authority, when the registry is not available.
# Patterns run over agency_key(): lower case, words separated by single spaces.
_REQUEST_ONLY = [
    (r"\bmặt trận tổ quốc\b|\bmật trận tổ quốc\b|\bmttq\b|\bubmttq\b", N_("the Fatherland Front")),
    (r"\bhội liên hiệp phụ nữ\b|\bhội lhpn\b|\bphụ nữ việt nam\b", N_("the Women's Union")),
    (r"\bđoàn thanh niên\b|\bđoàn tncs\b|\b(tỉnh|huyện|thành|quận|thị) đoàn\b", N_("the Youth Union")),
    (r"\bhội nông dân\b", N_("the Farmers' Union")),
    (r"\bhội cựu chiến binh\b|\bhội ccb\b", N_("the Veterans' Association")),
    (r"\bliên đoàn lao động\b|\bcông đoàn\b", N_("the trade unions")),
    (r"\bhội chữ thập đỏ\b", N_("the Red Cross")),
    (r"\btổ chức chính trị xã hội\b", N_("the socio-political organisations")),
]
_REQUEST_RE = [(re.compile(p), what) for p, what in _REQUEST_ONLY]
# One search that finds where any of them would (most names are none of these bodies).
_REQUEST_ANY = re.compile("|".join(f"(?:{p})" for p, _what in _REQUEST_ONLY))


def _registry(ctx):
    try:
        return ctx.agencies
    except Exception:  # noqa: BLE001 - a broken registry is reported by the registry rules
        return None


@lru_cache(maxsize=1 << 16)
def _named_request_only(key: str) -> str | None:
    """The body of the built-in list that ``key`` names, if any."""
    if not _REQUEST_ANY.search(key):
        return None
    return next((what for rx, what in _REQUEST_RE if rx.search(key)), None)


# Memo of request_only by (registry identity, name, level); the registry is kept in the entry, so an
# id is never reused while its entry exists (registries are not hashable: they hold their own memos).
_REQUEST_MEMO: dict[tuple, tuple[object, str | None]] = {}


def request_only(name: str, plan, ctx) -> str | None:
    """Why ``name`` cannot be assigned (a short description), or None when it can."""
    reg = _registry(ctx)
    key = (id(reg), name, plan.level)
    hit = _REQUEST_MEMO.get(key)
    if hit is not None and hit[0] is reg:
        return hit[1]  # the same names recur in every plan
    why = _request_only(reg, name, plan.level)
    if len(_REQUEST_MEMO) >= 1 << 16:
        _REQUEST_MEMO.clear()
    _REQUEST_MEMO[key] = (reg, why)
    return why


def _request_only(reg, name: str, level) -> str | None:
    """The answer depends on the agency type the name spells, which the registry finds without the
    plan's date (``AgencyRegistry.resolve``; a date changes a match's status and hint, not its type),
    so it is memoised by name and level: plans of every date share it."""
    named = _named_request_only(agency_key(name))
    if reg is not None:
        try:
            found = reg.resolve(name.strip(), level)
        except Exception:  # noqa: BLE001
            found = None
        agency_type = found[0] if found is not None else None
        if agency_type is not None and agency_type.assignable is True:
            return None
        if agency_type is not None and agency_type.assignable is False:
            kinds = {"party": N_("a Party body"), "elected": N_("an elected body"),
                     "mass_org": N_("a mass organisation"), "media": N_("a Party newspaper")}
            return named or kinds.get(agency_type.kind, N_("not under the People's Committee"))
    return named


@register
class AssignedMassOrganisation(Rule):
    """A body outside the People's Committee's authority is assigned instead of requested.

    The Fatherland Front and the socio-political organisations (Women's Union,
    Youth Union, Farmers' Union, Veterans' Association, trade unions), the Red
    Cross, Party bodies and elected councils are not subordinate to the
    People's Committee: plans request their participation ("Đề nghị ...").
    The agency registry decides when available; otherwise a built-in list of
    names is used.

    Anti-pattern: `responsibility "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" {...}`,
    or the Women's Union as the lead or a support of a task.

    Best practice: `request "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" { text "..." }`,
    and keep tasks' `lead`/`support` to bodies the committee can direct.
    """

    code = "AG004"
    name = "agencies.assigned-mass-organisation"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        plan = rp.plan
        found = []
        for t in all_tasks(plan):
            found += [(a, N_("'{name}' ({why}) leads task '{id}', but it can only be requested, not assigned"),
                       t.id) for a in t.leads]
            found += [(a, N_("'{name}' ({why}) supports task '{id}', but it can only be requested, not assigned"),
                       t.id) for a in t.supports]
        found += [(r.agency, N_("'{name}' ({why}) has a responsibility, but it can only be requested, not assigned"),
                   None) for r in plan.responsibilities if r.mode is Mode.ASSIGN]
        whys: dict[str, str | None] = {}  # the answer depends on the name and the plan's level only
        for agency, message, subject in found:
            if agency.name in whys:
                why = whys[agency.name]
            else:
                why = whys[agency.name] = request_only(agency.name, plan, ctx)
            if why is None:
                continue
            yield self.diag(
                agency.span,
                _(message).format(name=agency.name, why=_(why), id=subject),
                _("Move it to a {fix} block (Đề nghị ...).").format(
                    fix=snippet('`request "{name}" {{ text "..." }}`', plan.lang, name=agency.name)),
                subject=subject,
            )
