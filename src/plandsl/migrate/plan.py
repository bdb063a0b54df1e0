"""Migrate one local plan (province, district or commune) onto the bodies and units of a date.

The result is a draft: a new plan with no instrument number or date, which names
the bodies and the unit in force, cites the 2025 instruments that justify each
change, and points at the old plan it is to replace. Nothing in the old plan is
edited; every change is recorded with its old and new value.
"""

from __future__ import annotations

import datetime as dt

import attrs

from plandsl.core.i18n import _
from plandsl.language import model as m
from plandsl.migrate import model as mm
from plandsl.migrate.agencies import AgencyDecision, AgencyRebaser
from plandsl.migrate.units import UnitDecision

# Cited as bases when bodies were re-based (domain-2025.md, A2).
DEPARTMENTS_INSTRUMENTS = (
    ("Nghị định số 45/2025/NĐ-CP ngày 28/02/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn "
     "thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân huyện, quận, thị xã, "
     "thành phố thuộc tỉnh, thành phố thuộc thành phố trực thuộc trung ương", "45/2025/NĐ-CP", dt.date(2025, 2, 28)),
    ("Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn "
     "thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân xã, phường, đặc khu "
     "thuộc tỉnh, thành phố trực thuộc trung ương", "150/2025/NĐ-CP", dt.date(2025, 6, 12)),
)
UNITS_BASIS = ("Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh",
               "202/2025/QH15", dt.date(2025, 6, 12))
DISTRICTS_BASIS = m.Basis(
    "Nghị quyết số 203/2025/QH15 ngày 16/6/2025 của Quốc hội sửa đổi, bổ sung một số điều của Hiến pháp nước "
    "Cộng hòa xã hội chủ nghĩa Việt Nam (kết thúc hoạt động của đơn vị hành chính cấp huyện từ ngày 01/7/2025)",
    "203/2025/QH15", dt.date(2025, 6, 16))



class PlanMigrator:
    """Re-bases the agencies, unit and links of one plan; collects changes and reviews."""

    def __init__(self, plan: m.Plan, rebaser: AgencyRebaser, unit: UnitDecision, new_ids: dict[str, str]) -> None:
        self.old = plan
        self.rebaser = rebaser
        self.unit = unit
        self.new_ids = new_ids
        self.changes: list[mm.Change] = []
        self.reviews: list[mm.Review] = []
        self.agencies_changed = False

    # -- agencies -----------------------------------------------------------
    def _agency(self, ref: m.AgencyRef, subject: str, key: tuple, role: str) -> m.AgencyRef:
        d = self.rebaser.decide(ref.name, self.old.level, subject)
        return self._apply(ref, d, key, role)

    def _apply(self, ref: m.AgencyRef, d: AgencyDecision, key: tuple, role: str) -> m.AgencyRef:
        if d.changed:
            self.agencies_changed = True
            note = _how(d)
            self.changes.append(mm.Change(mm.AGENCY, ref.name, d.new_text, ref.span, d.instrument, f"{role}; {note}"))
            return attrs.evolve(ref, name=d.new_text)
        if d.undecided:
            options = [(name, scope) for name, scope in d.candidates if name]
            if options:
                text = _("'{name}' ({role}) no longer exists and its work was divided; neither the task nor the "
                         "programme says which part this is: choose one of: {options}").format(
                    name=ref.name, role=role, options="; ".join(f"{n} ({s})" if s else n for n, s in options))
            else:
                text = _("'{name}' ({role}) no longer exists and the registry knows no body in force on {date} "
                         "that took its place: name the body that does this work now").format(
                    name=ref.name, role=role, date=self.rebaser.on_date.strftime("%d/%m/%Y"))
            if all((r.key, r.message) != (key, text) for r in self.reviews):  # one note per body and place
                self.reviews.append(mm.Review(key, text, ref.span))
        return ref

    def _task(self, t: m.Task) -> m.Task:
        subject = " ".join(filter(None, [t.text] + [s.text or "" for s in t.subtasks]))
        key = mm.task_key(t.id)
        leads = tuple(self._agency(a, subject, key, _("lead")) for a in t.leads)
        supports = _unique_refs(self._agency(a, subject, key, _("support")) for a in t.supports)
        return attrs.evolve(t, leads=leads, supports=supports, subtasks=tuple(self._task(s) for s in t.subtasks))

    def _responsibilities(self) -> tuple[m.Responsibility, ...]:
        """Each duty goes to the successor its own words point to; duties that land on a
        body already listed join its block."""
        out: list[m.Responsibility] = []
        for r in self.old.responsibilities:
            key = mm.responsibility_key(r.agency.name)
            groups: dict[str, list[m.Text]] = {}
            decisions: dict[str, AgencyDecision] = {}
            for duty in r.duties or (m.Text(""),):
                d = self.rebaser.decide(r.agency.name, self.old.level, duty.value)
                name = d.new_text if d.changed else r.agency.name
                decisions.setdefault(name, d)
                if duty.value:
                    groups.setdefault(name, []).append(duty)
                else:
                    groups.setdefault(name, [])
            for name, duties in groups.items():
                agency = self._apply(r.agency, decisions[name], key, _("responsibility") if r.mode is m.Mode.ASSIGN
                                     else _("request"))
                out.append(attrs.evolve(r, agency=agency, duties=tuple(duties)))
        return _merge_responsibilities(out)

    # -- the plan -----------------------------------------------------------
    def migrate(self) -> m.Plan:
        return self.repoint(self.rebase())

    def rebase(self) -> m.Plan:
        """Agencies and unit re-based; the parents are left as written (see ``repoint``)."""
        p = self.old
        tasks = tuple(self._task(t) for t in p.tasks)
        responsibilities = self._responsibilities()
        reports = tuple(
            attrs.evolve(r, to=self._agency(r.to, "", mm.PLAN_KEY, _("report recipient"))) if r.to is not None else r
            for r in p.reports)
        recipients = tuple(self._recipient(name) for name in p.recipients)
        plan = attrs.evolve(p, tasks=tasks, responsibilities=responsibilities, reports=reports,
                            recipients=_unique(recipients))
        return self._rebase_unit(plan)

    def _recipient(self, name: str) -> str:
        d = self.rebaser.decide(name, self.old.level, "")
        if d.changed:
            self.changes.append(mm.Change(mm.AGENCY, name, d.new_text, self.old.span_of("recipients"), d.instrument,
                                          _("recipients") + "; " + _how(d)))
            return d.new_text
        return name

    def _rebase_unit(self, plan: m.Plan) -> m.Plan:
        u = self.unit
        if u.status != "rebased" or u.old is None:
            return plan
        old = u.old
        others = [n for n in u.merged_with if n != old.name]
        note = _("now one unit with {names}").format(names=", ".join(others)) if others else None
        until = _("until {date}").format(date="30/06/2025")
        since = _("from {date}").format(date="01/07/2025")
        self.changes.append(mm.Change(mm.UNIT, f"{plan.jurisdiction} ({plan.jurisdiction_code or old.code}, {until})",
                                      f"{u.new_name} ({u.new_code}, {since})", plan.span_of("jurisdiction"),
                                      u.instrument, note))
        plan = attrs.evolve(plan, jurisdiction=u.new_name, jurisdiction_code=u.new_code)
        for field in ("issuer", "title"):
            value = getattr(plan, field)
            if value and old.short_name != u.new_short and old.short_name in value:
                new = value.replace(old.short_name, u.new_short or old.short_name)
                self.changes.append(mm.Change(field, value, new, self.old.span_of(field), u.instrument))
                plan = attrs.evolve(plan, **{field: new})
        return plan

    def repoint(self, plan: m.Plan) -> m.Plan:
        """Parents that get drafts of their own point at those drafts (``new_ids``)."""
        parents = []
        for ref in plan.parents:
            new = self.new_ids.get(ref.plan_id)
            if new and new != ref.plan_id:
                self.changes.append(mm.Change(mm.PARENT, ref.plan_id, new, ref.span,
                                              note=_("the parent plan was migrated too")))
                parents.append(attrs.evolve(ref, plan_id=new))
            else:
                parents.append(ref)
        return attrs.evolve(plan, parents=tuple(parents))

    def bases_to_add(self) -> list[m.Basis]:
        """The 2025 instruments that justify the changes made."""
        out = []
        if self.agencies_changed:
            out.extend(m.Basis(text, number, date) for text, number, date in DEPARTMENTS_INSTRUMENTS)
        if self.unit.status == "rebased":
            text, number, date = UNITS_BASIS
            out.append(m.Basis(text, number, date))
        return out


def add_bases(plan: m.Plan, bases: list[m.Basis], changes: list[mm.Change]) -> m.Plan:
    have = {b.number for b in plan.bases if b.number}
    new = [b for b in bases if b.number not in have]
    for b in new:
        changes.append(mm.Change(mm.BASIS, "", f"Căn cứ {b.number}", None, b.number))
    return attrs.evolve(plan, bases=plan.bases + tuple(new)) if new else plan


def _how(d: AgencyDecision) -> str:
    if d.how == "succession":
        return _("the successor body")
    from plandsl.core.i18n import pick
    from plandsl.registry.functions import FUNCTIONS

    words = next((pick(f.en, f.vi) for f in FUNCTIONS if f.code == d.function), d.function or "")
    return (_("by function ({function}), found from the task's text") if d.how == "subject" else
            _("by function ({function}), found from the programme's field")).format(function=words)


def _unique(names) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return tuple(seen)


def _unique_refs(refs) -> tuple[m.AgencyRef, ...]:
    out: list[m.AgencyRef] = []
    for r in refs:
        if all(o.name != r.name for o in out):
            out.append(r)
    return tuple(out)


def _merge_responsibilities(items: list[m.Responsibility]) -> tuple[m.Responsibility, ...]:
    merged: dict[tuple[str, m.Mode], m.Responsibility] = {}
    for r in items:
        k = (r.agency.name, r.mode)
        if k in merged:
            first = merged[k]
            duties = first.duties + tuple(d for d in r.duties if d not in first.duties)
            merged[k] = attrs.evolve(first, duties=duties)
        else:
            merged[k] = r
    return tuple(merged.values())
