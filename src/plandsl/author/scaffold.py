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

import datetime as dt
import re
import textwrap
import unicodedata

import attrs

from plandsl.core.i18n import _, pick
from plandsl.language import model as m
from plandsl.language.snippets import snippet
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


def in_force(name: str, level: m.Level, on_date: dt.date) -> str:
    """``name``, or the body that took over its work when it no longer exists on ``on_date``."""
    registry = _registry()
    if registry is None:
        return name
    try:
        found = registry.match(name, level, on_date)
    except Exception:  # noqa: BLE001 - an unknown name stays as written (check reports it)
        return name
    if getattr(found, "status", None) == "defunct" and getattr(found, "successor_name", None):
        return found.successor_name
    return name


_UNIT_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Tỉnh", "Huyện", "Quận", "Xã", "Phường", "Đặc khu")
_LEVEL_WORDS = {m.Level.PROVINCE: "tỉnh", m.Level.DISTRICT: "huyện", m.Level.COMMUNE: "xã"}


def unit_phrase(jurisdiction: str, level: m.Level) -> str:
    """'Xã Ba Tơ' -> 'xã Ba Tơ' (as it follows 'Ủy ban nhân dân' or 'trên địa bàn'); a bare
    name gets the level's word: 'Ba Tơ' -> 'xã Ba Tơ'."""
    name = jurisdiction.strip().split(",")[0].strip()
    for word in _UNIT_WORDS:
        if name.startswith(word + " "):
            return word.lower() + name[len(word):]
    word = _LEVEL_WORDS.get(level)
    return f"{word} {name}" if word else name


_TITLE_HEAD = re.compile(r"^\s*Kế hoạch\s+(?:thực hiện|triển khai|tổ chức thực hiện)\s+", re.I)
_TITLE_TAIL = re.compile(r"\s+(?:trên địa bàn|tại)\s+.*$", re.I)


def child_title(parent_title: str | None, jurisdiction: str, level: m.Level) -> str | None:
    """'Kế hoạch thực hiện <what the parent carries out> trên địa bàn <unit>', without repeating
    'Kế hoạch thực hiện' when the parent is itself such a plan."""
    if not parent_title:
        return None
    what = _TITLE_TAIL.sub("", _TITLE_HEAD.sub("", parent_title)).strip() or parent_title
    return f"Kế hoạch thực hiện {what} trên địa bàn {unit_phrase(jurisdiction, level)}"


def resolve_jurisdiction(jurisdiction: str, level: m.Level, on_date: dt.date) -> tuple[str, str | None, str | None]:
    """(name to write, its official code or None, a warning or None) for the new plan's unit on ``on_date``.

    Raises ScaffoldError for a district after the reform, an unknown, ambiguous or defunct unit.
    """
    from plandsl.registry.model import REFORM_DATE, RegistryError

    if level is m.Level.DISTRICT and on_date >= REFORM_DATE:
        raise ScaffoldError(_("the district level (huyện) ended on {date}: a plan dated {today} is issued by a "
                              "commune (xã) or a province (tỉnh); use --level commune or --level province").format(
            date=REFORM_DATE.isoformat(), today=on_date.isoformat()))
    if level not in (m.Level.PROVINCE, m.Level.DISTRICT, m.Level.COMMUNE):
        return jurisdiction, None, None
    try:
        from plandsl.registry.jurisdictions import lookup

        found = lookup(jurisdiction, level, on_date)
    except (RegistryError, ValueError) as exc:
        return jurisdiction, None, _("could not check the jurisdiction against the registry: {reason}").format(
            reason=exc)
    if found.status != "found" or found.unit is None:
        what = {"ambiguous": _("several units are named '{name}' on {date}"),
                "defunct": _("'{name}' no longer exists on {date}")}.get(
            found.status, _("no {level} named '{name}' on {date}"))
        message = what.format(name=jurisdiction, date=on_date.isoformat(), level=pick(level.en, level.vi))
        hint = found.hint or _closest_unit(jurisdiction, level, on_date)
        raise ScaffoldError(message + (f". {hint}" if hint else ""))
    unit = found.unit
    name = unit.name
    if "," in jurisdiction and level is not m.Level.PROVINCE:  # keep the containing unit the planner wrote
        name = f"{unit.name}, {unit.province_name}"
    if unicodedata.normalize("NFC", jurisdiction.strip()) == name:
        return name, unit.code, None
    return name, unit.code, _("jurisdiction '{given}' taken as '{name}' (the registry's name)").format(
        given=jurisdiction, name=name)


def _closest_unit(name: str, level: m.Level, on_date: dt.date) -> str | None:
    from plandsl.core.suggest import did_you_mean
    from plandsl.registry.jurisdictions import iter_units
    from plandsl.registry.model import is_legacy_date

    return did_you_mean(name, (u.name for u in iter_units(level, is_legacy_date(on_date))))


def _responsibility_tasks(plan: m.Plan) -> tuple[dict[str, list[m.AgencyRef]], dict[str, list[m.AgencyRef]]]:
    """Agencies the plan assigns tasks to through its responsibilities (``lead t1, t2``): (leads, supports) by task id."""
    leads: dict[str, list[m.AgencyRef]] = {}
    supports: dict[str, list[m.AgencyRef]] = {}
    for r in plan.responsibilities:
        if r.mode is not m.Mode.ASSIGN:
            continue
        for tid in r.lead_tasks:
            leads.setdefault(tid, []).append(r.agency)
        for tid in r.support_tasks:
            supports.setdefault(tid, []).append(r.agency)
    return leads, supports


def _stub(task: m.Task, parent_level: m.Level | None, level: m.Level, on_date: dt.date | None = None,
          assigned: tuple[dict, dict] = ({}, {})) -> m.Task:
    on_date = on_date or dt.date.today()

    def agencies(refs, skip=()):
        seen: list[str] = []
        for r in refs:
            mapped = in_force(map_agency(r.name, parent_level, level), level, on_date)
            if mapped not in seen and mapped not in skip:
                seen.append(mapped)
        return tuple(m.AgencyRef(n) for n in seen)

    leads = agencies((*task.leads, *assigned[0].get(task.id, ())))
    supports = agencies((*task.supports, *assigned[1].get(task.id, ())), skip={a.name for a in leads})
    return m.Task(task.id, text=task.text, leads=leads, supports=supports,
                  due=task.due, serves=task.serves,
                  subtasks=tuple(_stub(s, parent_level, level, on_date, assigned) for s in task.subtasks))


def scaffold(specs: SpecSet, parent_id: str, level: m.Level, jurisdiction: str, *, plan_id: str | None = None,
             lang: str | None = None, on_date: dt.date | None = None, warn=None) -> str:
    """The text of a new child spec of ``parent_id``; its agencies are those in force on
    ``on_date`` (default: today, when the new plan will be issued). The jurisdiction is looked
    up in the registry on that date (see resolve_jurisdiction); ``warn(message)`` hears when
    its name was corrected."""
    on_date = on_date or dt.date.today()
    from plandsl.language.printer import format_plan

    parent = specs.by_id().get(parent_id)
    if parent is None:
        from plandsl.core.suggest import did_you_mean_id as did_you_mean

        hint = did_you_mean(parent_id, specs.by_id().keys())
        raise ScaffoldError(_("no plan '{id}' in the loaded specs").format(id=parent_id) + (f". {hint}" if hint else ""))
    if parent.level is not None and level.rank <= parent.level.rank:
        raise ScaffoldError(_("a {level} plan cannot implement a {parent_level} plan: choose a level below the "
                              "parent's").format(level=pick(level.en, level.vi), parent_level=pick(parent.level.en,
                                                                                                 parent.level.vi)))
    jurisdiction, code, warning = resolve_jurisdiction(jurisdiction, level, on_date)
    if warning and warn is not None:
        warn(warning)
    lang = lang or parent.lang
    issuer = (f"Ủy ban nhân dân {unit_phrase(jurisdiction, level)}"
              if level in (m.Level.PROVINCE, m.Level.DISTRICT, m.Level.COMMUNE) else None)
    bases = []
    if parent.instrument is not None:
        what = parent.title or parent.kind or parent.id
        bases.append(m.Basis(what, parent.instrument.number, parent.instrument.date))
    child = m.Plan(
        plan_id or f"{slug(jurisdiction)}_{parent.id}",
        lang=lang,
        kind="Kế hoạch",
        title=child_title(parent.title, jurisdiction, level),
        level=level,
        jurisdiction=jurisdiction,
        jurisdiction_code=code,
        issuer=issuer,
        bases=tuple(bases),
        period=parent.period,
        vision=parent.vision,
        phases=tuple(attrs.evolve(p, span=m.NO_SPAN) for p in parent.phases),
        parents=(m.ParentRef(parent.id),),
        objectives=tuple(_parent_objectives(specs, parent)),
        tasks=tuple(_stub(t, parent.level, level, on_date, _responsibility_tasks(parent)) for t in parent.tasks),
    )
    has_leads = any(t.leads for t in child.all_tasks())
    number = {m.Level.PROVINCE: "…/KH-UBND", m.Level.DISTRICT: "…/KH-UBND", m.Level.COMMUNE: "…/KH-UBND"}.get(
        level, "…/QĐ")
    # Comments in the language of messages, the syntax they quote in the spec's keyword set; the
    # "TODO" marker stays the same in both (the command tells the planner to fill in the TODO lines).
    intro = [_("Scaffolded by `plandsl new --from {parent}`: a draft to edit, not a plan yet.").format(parent=parent.id),
             _("Objectives repeat the parent's targets (same ids): raise or adapt them for the locality, or replace "
               "an objective by {adopt} (take it as is) or {waive}.").format(
                 adopt=snippet("`adopt ID`", lang), waive=snippet('`waive ID "<reason>"`', lang)),
             _("Task leads were mapped to this level's bodies; check each one.") if has_leads else
             _("The parent names no lead for its tasks: give each task its lead (cơ quan chủ trì).")]
    notes = {
        "plan": ["# " + line for text in intro for line in textwrap.wrap(text, 98)],
        "instrument": ["# TODO: " + snippet('instrument "{number}" dated YYYY-MM-DD', lang, number=number)
                       + "   (" + _("the number and date of this plan") + ")"],
        "implements": ["# TODO: " + snippet('general "..."', lang)
                       + "   (" + _("the general objective, in the locality's words") + ")"],
    }
    return format_plan(child, lang, notes=notes)
