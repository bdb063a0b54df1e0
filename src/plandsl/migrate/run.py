"""Migrate a set of specs onto the bodies and map in force on a date (``plandsl migrate``).

For each plan still in force on the date:

* a national or ministry plan is copied unchanged (its issuer re-bases it; its ended
  bodies are listed in the report);
* a local plan already on the new map, naming no ended body, is copied unchanged;
* a province, district or commune plan naming ended bodies or units gets a draft that
  replaces it: agencies re-based by function, the unit re-based, the 2025
  instruments cited, parents re-pointed to their own drafts;
* old provinces' plans that implement the same parent and now lie in one province
  become one merged draft;
* a district plan needs a decision (``districts="split"`` into drafts for the
  communes that cover it, or ``"fold"`` into the province's plan), never a silent one.

Plans that do not parse, sit in a cycle or share an id are reported with their
location and get no output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from decimal import Decimal

import attrs

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.inherit.graph import Problem, build_graph
from plandsl.language import model as m
from plandsl.migrate import model as mm
from plandsl.migrate.agencies import AgencyRebaser
from plandsl.migrate.merge import merge_plans
from plandsl.migrate.plan import DISTRICTS_BASIS, PlanMigrator, add_bases
from plandsl.migrate.units import UnitDecision, rebase_unit
from plandsl.project.loader import load
from plandsl.registry.normalize import strip_accents

LOCAL = (m.Level.PROVINCE, m.Level.DISTRICT, m.Level.COMMUNE)
_BLOCKING = {Problem.CYCLE, Problem.DUPLICATE_ID}


def in_force(plan: m.Plan, on: dt.date) -> bool:
    """A plan is in force on ``on`` when its period reaches that year (a plan without a
    period is taken as in force: nothing says it ended)."""
    return plan.period is None or plan.period[1] >= on.year


def slug(name: str) -> str:
    """``Xã An Lão`` -> ``an_lao`` (ASCII, for plan ids)."""
    words = strip_accents(name).lower().replace("đ", "d").split()
    if words and words[0] in {"xa", "phuong", "tinh", "huyen", "thanh", "dac", "thi"}:
        words = words[1:] if words[0] not in {"thanh", "dac", "thi"} else words[2:]
    return re.sub(r"[^a-z0-9]+", "_", " ".join(words)).strip("_") or "unit"


def replace_note(old: m.Plan, on: dt.date) -> str:
    """How a draft says what it replaces, in the plan's own language (Vietnamese)."""
    what = old.kind or "Kế hoạch"
    if old.instrument is not None:
        d = old.instrument.date
        what += f" ban hành theo văn bản số {old.instrument.number} ngày {d.day:02d}/{d.month:02d}/{d.year}"
    return f"Dự thảo thay thế {what}, theo tổ chức bộ máy và đơn vị hành chính từ ngày {on.day:02d}/{on.month:02d}/{on.year}"


def is_draft(plan: m.Plan) -> bool:
    """A plan with no instrument that replaces another: a draft (of a migration or a planner)."""
    return plan.instrument is None and any(a.replaces for a in plan.amendments)


def draft_id(old_id: str, on: dt.date) -> str:
    suffix = f"_{on.year}"
    return old_id if old_id.endswith(suffix) else old_id + suffix


def migrate(paths: list[str], on: dt.date, *, only: list[str] | None = None, districts: str | None = None,
            weights: dict[str, Decimal] | None = None, registry=None, jobs: int | None = 1) -> mm.Migration:
    specs = load(paths, jobs=jobs)
    diagnostics = list(specs.all_diagnostics)
    graph = build_graph(specs)
    blocked: dict[str, Diagnostic] = {}
    for issue in graph.issues:
        if issue.problem in _BLOCKING:
            blocked.setdefault(issue.plan_id, Diagnostic(
                "MIG001", Severity.ERROR, _("plan '{plan}' is not migrated: {problem}").format(
                    plan=issue.plan_id, problem=f"{issue.problem.value} {issue.detail}".strip()),
                issue.span, name="migrate.blocked"))
    for pid in graph.in_cycle:
        plan = graph.plans.get(pid)
        blocked.setdefault(pid, Diagnostic(
            "MIG001", Severity.ERROR, _("plan '{plan}' is not migrated: it is part of a cycle of "
                                        "'implements' links").format(plan=pid),
            plan.span if plan is not None else None, name="migrate.blocked"))
    if registry is None:
        from plandsl.registry.agencies import AgencyRegistry

        registry = AgencyRegistry.load()
    outcomes: list[mm.Outcome] = []
    for f in specs.files:
        errors = tuple(d for d in f.diagnostics if d.severity >= Severity.ERROR)
        if f.plan is None or errors:
            if f.plan is not None:
                blocked[f.plan.id] = errors[0]
            else:
                outcomes.append(mm.Outcome("", f.path, mm.FAILED, message=_("the spec does not parse"),
                                           diagnostics=errors))
    plans = list(specs.plans)
    by_id = {p.id: p for p in plans}
    units: dict[str, UnitDecision] = {}
    local = [p for p in plans if p.level in LOCAL and p.id not in blocked and in_force(p, on)]
    for p in local:
        units[p.id] = rebase_unit(p, on)
    # Which old plans get drafts (their ids change), decided before any is migrated so
    # that children point at their parents' drafts.
    new_ids: dict[str, str] = {}
    pending: list[m.Plan] = []
    # Plans that a draft in the set already replaces (a second run over old specs and drafts).
    replaced = {a.plan_id: p.id for p in plans if is_draft(p) for a in p.amendments if a.replaces}
    for p in graph.order():
        plan = by_id.get(p)
        if plan is None:
            continue
        if plan.id in blocked:
            outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.FAILED, message=blocked[plan.id].message,
                                       diagnostics=(blocked[plan.id],)))
        elif not in_force(plan, on):
            outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.NOT_IN_FORCE,
                                       message=_("its period ended in {year}").format(year=plan.period[1])))
        elif plan.id in replaced:
            outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.UNCHANGED, (replaced[plan.id],),
                                       _("already has a draft: {plan}").format(plan=replaced[plan.id])))
        elif plan.level not in LOCAL:
            pending.append(plan)
        elif units[plan.id].status == "unknown":
            d = Diagnostic("MIG002", Severity.ERROR, _("plan '{plan}' is not migrated: {reason}").format(
                plan=plan.id, reason=units[plan.id].message), plan.span_of("jurisdiction"), name="migrate.unit")
            outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.FAILED, message=d.message, diagnostics=(d,)))
        else:
            pending.append(plan)
    ctx = _Context(on, registry, districts, weights, graph)
    ctx.plan_ids(pending, units, new_ids)
    drafts = ctx.run(pending, units, new_ids, outcomes)
    if only is not None:
        wanted = set(only)
        drafts = [d for d in drafts if wanted & set(d.sources)]
        outcomes = [o for o in outcomes if o.plan_id in wanted or not o.plan_id]
    return mm.Migration(on, tuple(sorted(outcomes, key=lambda o: (o.path, o.plan_id))), tuple(drafts),
                        tuple(diagnostics))


class _Context:
    def __init__(self, on, registry, districts, weights, graph) -> None:
        self.on = on
        self.registry = registry
        self.districts = districts
        self.weights = weights
        self.graph = graph
        self.district_ids: dict[str, str] = {}
        self.rebased_plans: dict[str, tuple[PlanMigrator, m.Plan]] = {}
        # Province draft id -> the district plans to fold into it (old plan, re-based plan, unit, reviews).
        self.folds: dict[str, list] = {}
        # Agency decisions shared by every plan's rebaser (see AgencyRebaser).
        self.agency_memo: dict = {}

    @staticmethod
    def domain_text(plan: m.Plan) -> str:
        return " ".join(filter(None, [plan.title, plan.kind] + [t.value for t in plan.general]
                               + [b.text for b in plan.bases]))

    def rebaser(self, plan: m.Plan) -> AgencyRebaser:
        return AgencyRebaser(self.registry, self.on, self.domain_text(plan), self.agency_memo)

    def needs_draft(self, plan: m.Plan, unit: UnitDecision) -> bool:
        if unit.status in ("rebased", "district"):
            return True
        probe, _rebased = self.rebased(plan, unit)
        # A draft that only still has points to review is not drafted again (it would be the same).
        return bool(probe.changes) or (bool(probe.reviews) and not is_draft(plan))

    def rebased(self, plan: m.Plan, unit: UnitDecision) -> tuple[PlanMigrator, m.Plan]:
        """The plan with its agencies and unit re-based, computed once (deciding which plans need a
        draft and drafting them both need it); parents are re-pointed when drafting."""
        found = self.rebased_plans.get(plan.id)
        if found is None:
            mig = PlanMigrator(plan, self.rebaser(plan), unit, {})
            found = self.rebased_plans[plan.id] = (mig, mig.rebase())
        return found

    def plan_ids(self, pending: list[m.Plan], units, new_ids: dict[str, str]) -> None:
        """Fix the id of every draft before migrating any (children follow their parents)."""
        changed = {p.id for p in pending if p.level in LOCAL and self.needs_draft(p, units[p.id])}
        # A child whose parent gets a draft gets one too (its link changes).
        local = {p.id for p in pending if p.level in LOCAL}
        for pid in self.graph.order():
            if pid in local and any(parent in changed for parent in self.graph.parents(pid)):
                changed.add(pid)
        for pid in self.graph.order():  # parents first
            if pid not in changed:
                continue
            if units[pid].status == "district":
                # Its drafts are named after their communes; its children move to its parent's draft.
                self.district_ids[pid] = draft_id(pid, self.on)
                parents = self.graph.parents(pid)
                new_ids[pid] = new_ids.get(parents[0], parents[0]) if parents else pid
            else:
                new_ids[pid] = draft_id(pid, self.on)
        for group in self.merge_groups(pending, units).values():
            merged = self.merged_id(group, units)
            for p in group:
                new_ids[p.id] = merged

    def merge_groups(self, pending, units) -> dict[tuple, list[m.Plan]]:
        groups: dict[tuple, list[m.Plan]] = defaultdict(list)
        for p in pending:
            u = units.get(p.id)
            if p.level is m.Level.PROVINCE and u is not None and u.status in ("rebased", "current"):
                code = u.new_code if u.status == "rebased" else (u.old.code if u.old else None)
                groups[(code, tuple(sorted(r.plan_id for r in p.parents)))].append(p)
        return {k: sorted(v, key=lambda p: p.id) for k, v in groups.items() if len(v) > 1 and k[0]}

    def merged_id(self, group: list[m.Plan], units) -> str:
        parents = "_".join(sorted({r.plan_id for r in group[0].parents})) or "plan"
        unit = units[group[0].id]
        name = unit.new_name if unit.status == "rebased" else group[0].jurisdiction
        return f"{parents}_{slug(name or '')}_{self.on.year}"

    def run(self, pending, units, new_ids, outcomes) -> list[mm.Draft]:
        drafts: list[mm.Draft] = []
        merged_groups = self.merge_groups(pending, units)
        in_group = {p.id for g in merged_groups.values() for p in g}
        migrated: dict[str, tuple[m.Plan, list, list]] = {}
        for plan in pending:
            if plan.level not in LOCAL:
                outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.CENTRAL, (),
                                           _("its issuer re-bases it; the ended bodies it names are listed by check")))
                continue
            unit = units[plan.id]
            if plan.id not in new_ids:
                outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.UNCHANGED, ()))
                continue
            mig, new = self.rebased(plan, unit)
            mig.new_ids = new_ids
            new = mig.repoint(new)
            changes, reviews = list(mig.changes), list(mig.reviews)
            new = add_bases(new, mig.bases_to_add(), changes)
            new = self.as_draft(new, plan, changes)
            if unit.status == "district":
                drafts.extend(self.district(plan, new, unit, changes, reviews, outcomes, new_ids))
                continue
            if plan.id in in_group:
                migrated[plan.id] = (new, changes, reviews)
                continue
            new = attrs.evolve(new, id=new_ids[plan.id])
            drafts.append(mm.Draft(new, (plan.id,), tuple(changes), tuple(reviews), plan.span.path))
            outcomes.append(mm.Outcome(plan.id, plan.span.path, mm.MIGRATED, (new.id,)))
        for group in merged_groups.values():
            parts = [migrated[p.id] for p in group]
            weights = None
            if self.weights is not None:
                weights = {p.id: self._weight(p, units[p.id]) for p in group}
            merged_plan, m_changes, m_reviews = merge_plans([x[0] for x in parts], new_ids[group[0].id], weights)
            merged_plan = attrs.evolve(merged_plan, amendments=tuple(a for x in parts for a in x[0].amendments))
            changes = [c for x in parts for c in x[1]] + m_changes
            reviews = [r for x in parts for r in x[2]] + m_reviews
            drafts.append(mm.Draft(merged_plan, tuple(p.id for p in group), tuple(changes), tuple(reviews),
                                   group[0].span.path))
            for p in group:
                outcomes.append(mm.Outcome(p.id, p.span.path, mm.MERGED, (merged_plan.id,)))
        return self.fold_districts(drafts, outcomes)

    def fold_districts(self, drafts: list[mm.Draft], outcomes) -> list[mm.Draft]:
        """Add each folded district plan's tasks to its province's draft, marked for review."""
        by_id = {d.plan.id: i for i, d in enumerate(drafts)}
        for target, items in self.folds.items():
            if target not in by_id:
                for old, _new, unit, _reviews in items:
                    outcomes.append(mm.Outcome(old.id, old.span.path, mm.FAILED, (), _(
                        "cannot fold {district} into its province's plan: that plan is not among the specs "
                        "migrated in this run").format(district=unit.old.name)))
                continue
            i = by_id[target]
            draft = drafts[i]
            tasks, changes, reviews = list(draft.plan.tasks), list(draft.changes), list(draft.reviews)
            used = {t.id for t in draft.plan.all_tasks()}
            texts = {t.text for t in draft.plan.all_tasks() if t.text}
            for old, new, unit, d_reviews in items:
                prefix = slug(unit.old.name)
                renamed: dict[str, str] = {}
                for t in new.tasks:
                    if t.text and t.text in texts:
                        continue
                    tid = f"{prefix}_{t.id}"
                    while tid in used:
                        tid += "_"
                    used.add(tid)
                    renamed[t.id] = tid
                    tasks.append(attrs.evolve(t, id=tid))
                    reviews.append(mm.Review(mm.task_key(tid), _(
                        "from the plan of {district} ({plan}), whose level ended on 30/6/2025: decide whether the "
                        "province keeps this task and who leads it").format(district=unit.old.name, plan=old.id),
                        t.span))
                reviews.extend(attrs.evolve(r, key=mm.task_key(renamed[r.key[1]])) for r in d_reviews
                               if r.key[0] == "task" and r.key[1] in renamed)
                changes.append(mm.Change(mm.MERGE, old.id, target, old.span, unit.instrument,
                                         _("district plan folded into the province's plan")))
                outcomes.append(mm.Outcome(old.id, old.span.path, mm.FOLDED, (target,)))
            drafts[i] = attrs.evolve(draft, plan=attrs.evolve(draft.plan, tasks=tuple(tasks)),
                                     changes=tuple(changes), reviews=tuple(reviews),
                                     sources=draft.sources + tuple(o.id for o, *_ in items))
        return drafts

    def _weight(self, plan: m.Plan, unit: UnitDecision) -> Decimal:
        from plandsl.migrate.merge import MergeError

        old = unit.old
        for key in filter(None, (old.code if old else None, old.name if old else None, plan.jurisdiction, plan.id)):
            if key in self.weights:
                return self.weights[key]
        raise MergeError(_("the weights file has no row for {unit} (plan {plan})").format(
            unit=plan.jurisdiction, plan=plan.id))

    def as_draft(self, new: m.Plan, old: m.Plan, changes: list[mm.Change]) -> m.Plan:
        if is_draft(old):
            return new  # a draft re-based again keeps what it replaces
        """A draft has no instrument number or date until it is signed, and it replaces the old plan
        (a draft never takes effect: an amendment takes effect on its instrument's date)."""
        if new.instrument is not None:
            changes.append(mm.Change(mm.INSTRUMENT, f"{new.instrument.number} ({new.instrument.date})", "",
                                     new.instrument.span, None, _("a draft has no number or date until it is signed")))
            new = attrs.evolve(new, instrument=None)
        return attrs.evolve(new, amendments=(m.Amendment(old.id, replaces=True, note=replace_note(old, self.on)),))

    def district(self, old, new, unit, changes, reviews, outcomes, new_ids) -> list[mm.Draft]:
        if self.districts is None:
            outcomes.append(mm.Outcome(
                old.id, old.span.path, mm.NEEDS_DECISION,
                message=_("{district} no longer exists from 1/7/2025; it is now covered by {n} communes ({names}). "
                          "Run again with --districts split (one draft per commune) or --districts fold "
                          "(into the province's plan)").format(
                    district=unit.old.name, n=len(unit.communes), names=", ".join(n for _c, n in unit.communes))))
            return []
        if self.districts == "fold":
            target = new_ids.get(old.id)
            self.folds.setdefault(target, []).append((old, new, unit, reviews))
            return []
        if not unit.communes:
            outcomes.append(mm.Outcome(old.id, old.span.path, mm.NEEDS_DECISION, message=_(
                "the unit data names no commune that now covers {district}: split it by hand, or use "
                "--districts fold").format(district=unit.old.name)))
            return []
        drafts = []
        made = []
        slugs = [slug(name) for _code, name in unit.communes]
        for (code, name), s in zip(unit.communes, slugs):
            # Two communes may share a name's slug (Xã Ba Tơ, Thị trấn Ba Tơ): their codes tell them apart.
            cid = f"{self.district_ids[old.id]}_{s}" + (f"_{code}" if slugs.count(s) > 1 else "")
            issuer = f"Ủy ban nhân dân {name[0].lower()}{name[1:]}"
            title = (new.title or "").replace(unit.old.name, name).replace(
                unit.old.name[0].lower() + unit.old.name[1:], name[0].lower() + name[1:])
            plan = attrs.evolve(new, id=cid, level=m.Level.COMMUNE, jurisdiction=name, jurisdiction_code=code,
                                issuer=issuer, title=title or None)
            c_changes = changes + [
                mm.Change(mm.LEVEL, f"{unit.old.name} ({unit.old.code})", f"{name} ({code})",
                          old.span_of("jurisdiction"), unit.instrument,
                          _("the district level ended on 30/6/2025; one draft for each commune that covers it"))]
            plan = add_bases(plan, [DISTRICTS_BASIS], c_changes)
            drafts.append(mm.Draft(plan, (old.id,), tuple(c_changes), tuple(reviews), old.span.path,
                                   family=old.id))
            made.append(cid)
        outcomes.append(mm.Outcome(old.id, old.span.path, mm.SPLIT, tuple(made)))
        return drafts
