"""Scaffold a child spec from a parent plan (``plandsl new``).

The child gets the parent's period and phases, ``implements PARENT``, a basis
citing the parent's instrument, every objective the parent pursues written out
with its (resolved) targets under the same id so planners can edit them, and a
stub for every task with its lead and support agencies mapped to the child's
level. What only the planner can know (the child's instrument number and date,
the general objective) is left as ``# TODO`` comments, so the file passes
``plandsl check`` as it is.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from plandsl.language import model as m
from plandsl.project.loader import SpecSet

# Fallback when the agency registry cannot map a name: the head word of a body
# at the parent's level and its counterpart at the child's level.
_HEAD_WORDS = {
    m.Level.PROVINCE: (("Bộ ", "Sở "), ("Tổng cục ", "Sở "), ("Ủy ban nhân dân các tỉnh", "Ủy ban nhân dân tỉnh")),
    m.Level.DISTRICT: (("Sở ", "Phòng "), ("Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện"),
                       ("Ủy ban nhân dân các huyện", "Ủy ban nhân dân huyện")),
    # A commune has no departments: its People's Committee takes the task.
    m.Level.COMMUNE: (("Phòng ", None), ("Sở ", None), ("Ủy ban nhân dân huyện", "Ủy ban nhân dân xã")),
}
_COMMUNE_BODY = "Ủy ban nhân dân xã"
# Bodies whose counterpart is not named by the head-word rule.
_SPECIAL = {
    m.Level.PROVINCE: {"Bộ Công an": "Công an tỉnh", "Bộ Quốc phòng": "Bộ Chỉ huy quân sự tỉnh"},
    m.Level.DISTRICT: {"Công an tỉnh": "Công an huyện", "Bộ Chỉ huy quân sự tỉnh": "Ban Chỉ huy quân sự huyện"},
}


class ScaffoldError(Exception):
    """A problem with the request (unknown parent, bad level); shown as a clean CLI error."""


def slug(text: str) -> str:
    """An ASCII identifier from Vietnamese text: 'Tỉnh Quảng Ngãi' -> 'tinh_quang_ngai'."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "plan"


def map_agency(name: str, parent_level: m.Level | None, child_level: m.Level) -> str:
    """The body at ``child_level`` that matches ``name`` (written at ``parent_level``).

    Uses the agency registry when it knows the type (a type with a name at the
    child level, or the child-level type the head-word rule points at), else the
    head-word rule alone (``Bộ X`` -> ``Sở X`` -> ``Phòng X``).
    """
    registry = _registry()
    if registry is not None:
        found = registry.resolve(name, parent_level)
        if found is not None and found[0].has_level(child_level):
            return found[0].name_at(child_level)
    candidate = _SPECIAL.get(child_level, {}).get(name, name)
    for old, new in [] if candidate != name else _HEAD_WORDS.get(child_level, ()):
        if candidate.startswith(old):
            candidate = _COMMUNE_BODY if new is None else new + candidate[len(old):]
            break
    if registry is not None and candidate != name:
        found = registry.resolve(candidate, child_level)
        if found is not None and found[0].has_level(child_level):
            return found[0].name_at(child_level)
    return candidate


def _registry():
    try:
        from plandsl.registry.agencies import AgencyRegistry

        return AgencyRegistry.load()
    except Exception:  # the registry is optional: fall back to the head-word rule
        return None


def _parent_objectives(specs: SpecSet, parent: m.Plan) -> list[m.Objective]:
    """The objectives the parent pursues, with targets resolved through its own parents."""
    phase_ids = {p.id for p in parent.phases}
    try:
        from plandsl.inherit.resolve import resolve

        resolved = resolve(specs).get(parent.id)
    except Exception:  # resolution is a convenience here; the parent's own text still works
        resolved = None
    if resolved is None:
        return list(parent.objectives)
    out = []
    for ro in resolved.active():
        targets = []
        for rt in ro.targets:
            t = rt.target
            if not (isinstance(t.phase, str) and t.phase in phase_ids):
                t = attrs.evolve(t, phase=rt.year)
            targets.append(attrs.evolve(t, span=m.NO_SPAN))
        out.append(attrs.evolve(ro.objective, targets=tuple(targets), span=m.NO_SPAN))
    return out


def _stub(task: m.Task, parent_level: m.Level | None, level: m.Level) -> m.Task:
    def agencies(refs):
        seen: list[str] = []
        for r in refs:
            mapped = map_agency(r.name, parent_level, level)
            if mapped not in seen:
                seen.append(mapped)
        return tuple(m.AgencyRef(n) for n in seen)

    return m.Task(task.id, text=task.text, leads=agencies(task.leads), supports=agencies(task.supports),
                  due=task.due, serves=task.serves,
                  subtasks=tuple(_stub(s, parent_level, level) for s in task.subtasks))


def scaffold(specs: SpecSet, parent_id: str, level: m.Level, jurisdiction: str, *, plan_id: str | None = None,
             lang: str | None = None) -> str:
    """The text of a new child spec of ``parent_id``."""
    from plandsl.language.printer import format_plan

    parent = specs.by_id().get(parent_id)
    if parent is None:
        from plandsl.core.suggest import did_you_mean

        hint = did_you_mean(parent_id, specs.by_id().keys())
        raise ScaffoldError(f"no plan '{parent_id}' in the loaded specs" + (f". {hint}" if hint else ""))
    if parent.level is not None and level.rank <= parent.level.rank:
        raise ScaffoldError(f"a {level.en} plan cannot implement a {parent.level.en} plan: "
                            "choose a level below the parent's")
    lang = lang or parent.lang
    issuer = {m.Level.PROVINCE: "Ủy ban nhân dân tỉnh", m.Level.DISTRICT: "Ủy ban nhân dân huyện",
              m.Level.COMMUNE: "Ủy ban nhân dân xã", m.Level.MINISTRY: None, m.Level.NATIONAL: None}[level]
    bases = []
    if parent.instrument is not None:
        what = parent.title or parent.kind or parent.id
        bases.append(m.Basis(what, parent.instrument.number, parent.instrument.date))
    child = m.Plan(
        plan_id or f"{slug(jurisdiction)}_{parent.id}",
        lang=lang,
        kind="Kế hoạch",
        title=f"Kế hoạch thực hiện {parent.title}" if parent.title else None,
        level=level,
        jurisdiction=jurisdiction,
        issuer=issuer,
        bases=tuple(bases),
        period=parent.period,
        vision=parent.vision,
        phases=tuple(attrs.evolve(p, span=m.NO_SPAN) for p in parent.phases),
        parents=(m.ParentRef(parent.id),),
        objectives=tuple(_parent_objectives(specs, parent)),
        tasks=tuple(_stub(t, parent.level, level) for t in parent.tasks),
    )
    kw = "văn_bản" if lang == "vi" else "instrument"
    dated = "ngày" if lang == "vi" else "dated"
    number = {m.Level.PROVINCE: "…/KH-UBND", m.Level.DISTRICT: "…/KH-UBND", m.Level.COMMUNE: "…/KH-UBND"}.get(
        level, "…/QĐ")
    notes = {
        "plan": [f"# Scaffolded by `plandsl new --from {parent.id}`: a draft to edit, not a plan yet.",
                 "# Objectives repeat the parent's targets (same ids): raise or adapt them for the locality,",
                 "# or replace an objective by `adopt ID` (take it as is) or `waive ID \"reason\"`.",
                 "# Task leads were mapped to this level's bodies; check each one."],
        "instrument": [f"# TODO: {kw} \"{number}\" {dated} YYYY-MM-DD   (the number and date of this plan)"],
        "implements": ["# TODO: general \"...\"   (the general objective, in the locality's words)"],
    }
    return format_plan(child, lang, notes=notes)
