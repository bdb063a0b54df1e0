"""AG010-AG014: agencies and jurisdictions checked against the registries.

The agency types and their 2025 successors come from
plandsl/registry/agencies.yaml; provinces, districts and communes from the
vietnam-provinces and vietnamadminunits packages (see plandsl.registry).
A plan's date is its instrument date; without one, date checks are skipped.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import N_, _, pick
from plandsl.language.model import AgencyRef, Level, Mode, Plan
from plandsl.rules.base import Rule, register
from plandsl.rules.memo import all_tasks, for_plan

_UNIT_LEVELS = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE)


def _registry(ctx):
    try:
        return ctx.agencies
    except Exception:  # noqa: BLE001 - a broken registry must not stop the other rules
        return None


def _date(plan: Plan):
    """The date a plan's bodies and unit are checked on: its instrument's date; for a draft
    that replaces another plan (no instrument yet, e.g. from `plandsl migrate`), today, since
    it will be signed from now on; otherwise none (date checks are skipped)."""
    if plan.instrument is not None:
        return plan.instrument.date
    if any(a.replaces for a in plan.amendments):
        return dt.date.today()
    return None


_LEAD, _SUPPORT, _REPORT = N_("lead"), N_("support"), N_("report")
_RESPONSIBILITY, _REQUEST = N_("responsibility"), N_("request")
_DIRECTED = (_LEAD, _RESPONSIBILITY)  # the roles agency_refs(directed_only=True) gives


def agency_refs(plan: Plan, directed_only: bool = False) -> list[tuple[AgencyRef, str, str | None]]:
    """Every agency a plan names: (ref, role, subject). ``directed_only``: leads and assigned
    responsibilities only (the bodies the plan puts in charge)."""
    out: list[tuple[AgencyRef, str, str | None]] = []
    for t in all_tasks(plan):
        tid = t.id
        out += [(a, _LEAD, tid) for a in t.leads]
        if not directed_only:
            out += [(a, _SUPPORT, tid) for a in t.supports]
    for r in plan.responsibilities:
        if r.mode is Mode.ASSIGN:
            out.append((r.agency, _RESPONSIBILITY, None))
        elif not directed_only:
            out.append((r.agency, _REQUEST, None))
    if not directed_only:
        out += [(rep.to, _REPORT, None) for rep in plan.reports if rep.to is not None]
    return out


def _matches(plan: Plan, ctx, directed_only: bool = False) -> list:
    """The plan's agencies matched against the registry: [(ref, role, subject, match)] (three rules walk
    them one after another, so they are computed once per plan)."""
    reg = _registry(ctx)
    if reg is None:
        return []
    every = for_plan(plan, ("matches", reg), lambda: _find_matches(plan, reg, False))
    if not directed_only:
        return every
    # The bodies the plan puts in charge are those of its leads and assigned responsibilities: the same
    # matches, in the same order (each reference is matched once, by where it stands).
    return for_plan(plan, ("matches", reg, True), lambda: [m for m in every if m[1] in _DIRECTED])


def _find_matches(plan: Plan, reg, directed_only: bool) -> list:
    out: list = []
    seen: set[tuple[int, int, str]] = set()
    level, when = plan.level, _date(plan)
    parts_of = _splits(reg, level, when)  # the names recur in the plan (each lead and support) and across plans
    for ref, role, subject in agency_refs(plan, directed_only):
        name, span = ref.name, ref.span
        key = (span.line, span.col, name)
        if key in seen:
            continue
        seen.add(key)
        parts = parts_of.get(name)
        if parts is None:
            if len(parts_of) >= 1 << 16:
                parts_of.clear()
            parts = parts_of[name] = _split_list(reg, name, level, when)
        if len(parts) == 1:
            out.append((ref, role, subject, parts[0]))
        else:
            out += [(ref, role, subject, part) for part in parts]
    return out


# Whitespace runs are entered only at their start ((?<!\s)), so splitting is linear (issue 17).
_LIST_SEPARATOR = re.compile(r"((?:(?<!\s)\s+)?[,;]\s*|(?<!\s)\s+và\s+)")


# Memo of _split_list: {(registry id, level, date): (registry, {name: parts})}. A plan looks its names up by name
# alone in the dictionary of its level and date (hashing the level, an enum, is a Python call: once per plan).
_SPLITS: dict[tuple, tuple[object, dict[str, tuple]]] = {}


def _splits(reg, level, when) -> dict[str, tuple]:
    key = (id(reg), level, when)
    hit = _SPLITS.get(key)
    if hit is None or hit[0] is not reg:  # the registry is kept in the entry, so that its id is not reused
        if len(_SPLITS) >= 1 << 10:
            _SPLITS.clear()
        hit = _SPLITS[key] = (reg, {})
    return hit[1]


def _split_list(reg, name: str, level, when) -> tuple:
    """Match a name; an unknown name that lists several bodies ("Ủy ban MTTQ tỉnh, Hội Nông dân
    tỉnh và Tỉnh Đoàn") is matched part by part, taking the longest known run of fragments
    first so that names with commas of their own ("Sở Văn hóa, Thể thao và Du lịch") stay whole.

    Memoised through :func:`_splits`: AG010-AG012 ask for the same names, and the names recur across plans."""
    whole = reg.match(name, level, when)
    if whole.status != "unknown":
        return (whole,)
    pieces = _LIST_SEPARATOR.split(name)
    if len(pieces) < 3:
        return (whole,)
    fragments = pieces[0::2]
    separators = pieces[1::2]

    def joined(i: int, j: int) -> str:
        out = fragments[i]
        for k in range(i + 1, j):
            out += separators[k - 1] + fragments[k]
        return out.strip()

    parts, i = [], 0
    while i < len(fragments):
        for j in range(len(fragments), i, -1):
            candidate = joined(i, j)
            found = reg.match(candidate, level, when)
            if found.status != "unknown" or j == i + 1:
                if candidate:
                    parts.append(found)
                i = j
                break
    if all(p.status == "unknown" for p in parts):
        return (whole,)  # not a list of bodies after all: report the name as written
    return tuple(parts)


@register
class UnknownAgency(Rule):
    """An agency name is not in the agency registry.

    Names are matched ignoring case, dash style, '&', titles ("Giám đốc"),
    and trailing place names ("tỉnh Quảng Ngãi"); collective references such
    as "các sở, ban, ngành" are known. A close registry name is suggested.

    Anti-pattern: `request "Ủy ban Mật trận Tổ quốc Việt Nam tỉnh"` (a typo),
    or an abbreviation nobody else uses.

    Best practice: write the official name ("Ủy ban Mặt trận Tổ quốc Việt Nam
    tỉnh"); if a real body is missing, add it to the registry.
    """

    code = "AG010"
    name = "agencies.unknown"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        for ref, role, subject, m in _matches(rp.plan, ctx):
            if m.status != "unknown":
                continue
            hint = m.hint or _("Check the spelling against `plandsl registry agencies`.")
            if m.suggestion is not None and m.suggestion.status == "defunct" and m.suggestion.successor_name:
                hint += " " + _("Note: that body was replaced by '{name}'.").format(name=m.suggestion.successor_name)
            message = (_("unknown agency '{name}' (in '{whole}')") if m.query != ref.name
                       else _("unknown agency '{name}'"))
            yield self.diag(ref.span, message.format(name=m.query, whole=ref.name), hint, subject=subject)


@register
class DefunctAgency(Rule):
    """An agency did not exist on the plan's date (merged, abolished, or not yet created).

    From 2025-03-01 ministries and departments were merged (e.g. Sở Lao động -
    Thương binh và Xã hội into Sở Nội vụ, Sở Kế hoạch và Đầu tư into Sở Tài
    chính); from 2025-07-01 the district level no longer exists.

    Anti-pattern: a plan issued in 2026 with `lead "Sở Lao động - Thương binh
    và Xã hội"`.

    Best practice: name the successor body (`lead "Sở Nội vụ"`), or, for
    tasks on social protection and children, the body that took them over.
    """

    code = "AG011"
    name = "agencies.defunct"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        when = _date(rp.plan)
        if when is None:
            return
        for ref, role, subject, m in _matches(rp.plan, ctx):
            if m.status == "defunct":
                msg = _("'{name}' no longer exists on {date} (the plan's date)").format(
                    name=ref.name, date=when.isoformat())
                hint = m.hint
                if m.also_to:
                    hint += " " + _("Parts went elsewhere: {parts}.").format(
                        parts="; ".join(f"{scope} -> '{name}'" for name, scope in m.also_to))
                yield self.diag(ref.span, msg, hint, subject=subject)
            elif m.status == "not_yet":
                yield self.diag(ref.span, _("'{name}' does not exist yet on {date} (the plan's date)").format(
                                    name=ref.name, date=when.isoformat()),
                                m.hint, subject=subject)


@register
class WrongLevelAgency(Rule):
    """A plan puts a body of another administrative level in charge.

    Only leads and assigned responsibilities are checked: supporting,
    requested and reported-to bodies may sit at another level.

    Anti-pattern: a district plan with `lead "Sở Y tế"`, or a province plan
    with `lead "Phòng Tư pháp"`.

    Best practice: put a body of the plan's own level in charge (Phòng Y tế
    in a district plan) and list higher-level bodies as support or report-to.
    """

    code = "AG012"
    name = "agencies.wrong-level"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        if rp.plan.level is None:
            return
        for ref, role, subject, m in _matches(rp.plan, ctx, directed_only=True):
            if m.status == "wrong_level":
                yield self.diag(ref.span, _("'{name}' ({role}) is not a {level}-level body").format(
                                    name=ref.name, role=_(role), level=pick(rp.plan.level.en, rp.plan.level.vi)),
                                m.hint, subject=subject)


def _lookup_jurisdiction(plan: Plan):
    """The registry's answer for the plan's jurisdiction on its date, or None (read by AG013 and AG014:
    once per plan)."""
    return for_plan(plan, "jurisdiction", lambda: _find_jurisdiction(plan))


def _find_jurisdiction(plan: Plan):
    from plandsl.registry import jurisdictions as J
    from plandsl.registry.model import RegistryError

    if not plan.jurisdiction or plan.level not in _UNIT_LEVELS:
        return None
    from plandsl.registry.units import package_name

    try:  # a dated name (Tỉnh Thừa Thiên Huế) is looked up under the packages' name (Thành phố Huế)
        result = J.lookup(package_name(plan.jurisdiction, plan.level), plan.level, _date(plan))
    except (RegistryError, ValueError):
        return None
    code = (plan.jurisdiction_code or "").strip()
    if result.status == "ambiguous" and code:  # the official code tells namesakes apart
        hits = tuple(u for u in result.matches if u.code.lstrip("0") == code.lstrip("0"))
        if len(hits) == 1:
            return attrs.evolve(result, status="found", matches=hits, hint=None)
    return result


@register
class UnknownJurisdiction(Rule):
    """The plan's jurisdiction is not a unit of its level on its date, or is ambiguous.

    Before 2025-07-01 the 63 provinces and their districts apply, from then
    on the 34 provinces and communes. Two districts may share a name (Huyện
    An Lão in Bình Định and in Hải Phòng); add the province to tell them apart.

    Anti-pattern: `jurisdiction "Huyện An Lão"`; `jurisdiction "Tỉnh Bình
    Định"` in a plan dated 2026 (Bình Định is now part of Gia Lai).

    A unit's name is checked against its date too: "Thành phố Huế" names a
    province only from 2025-01-01; before, it was Tỉnh Thừa Thiên Huế
    (registry/unit_changes.yaml, with the instrument).

    Best practice: `jurisdiction "Huyện An Lão, Tỉnh Bình Định" code "542"`,
    with the official code.
    """

    code = "AG013"
    name = "agencies.unknown-jurisdiction"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        plan = rp.plan
        result = _lookup_jurisdiction(plan)
        if result is None:
            return
        span = plan.span_of("jurisdiction")
        level = pick(plan.level.en, plan.level.vi.replace("_", " "))
        from plandsl.registry.units import dated_name_problem

        wrong = dated_name_problem(plan.jurisdiction, plan.level, _date(plan)) if _date(plan) else None
        if wrong is not None:
            right, record = wrong
            yield self.diag(span, _("'{name}' is not the name of this {level} on {date}: it was '{right}' then "
                                    "({instrument})").format(name=plan.jurisdiction, level=level,
                                                             date=_date(plan).isoformat(), right=right,
                                                             instrument=record.instrument),
                            _("Did you mean '{right}'?").format(right=right))
            return
        if result.status == "not_found":
            yield self.diag(span, _("unknown {level} '{name}'").format(level=level, name=plan.jurisdiction),
                            result.hint)
        elif result.status == "ambiguous":
            places = "; ".join(u.qualified_name for u in result.matches)
            yield self.diag(span, _("'{name}' is ambiguous: {places}").format(name=plan.jurisdiction, places=places),
                            result.hint)
        elif result.status in ("defunct", "not_yet"):
            when = _date(plan)
            yield self.diag(span, _("'{name}' is not a {level} on {date} (the plan's date)").format(
                                name=plan.jurisdiction, level=level, date=when.isoformat()),
                            result.hint)
        elif result.status == "found" and plan.jurisdiction_code:
            unit = result.unit
            if unit is not None and plan.jurisdiction_code.strip().lstrip("0") != unit.code.lstrip("0"):
                yield self.diag(span, _("code '{code}' does not match '{name}' (official code {official})").format(
                                    code=plan.jurisdiction_code, name=plan.jurisdiction, official=unit.code),
                                _("Use code {fix}.").format(fix=f'"{unit.code}"'))


@register
class JurisdictionOutsideParent(Rule):
    """A plan's jurisdiction lies outside the jurisdiction of the plan it implements.

    A parent issued by a predecessor of the child's province counts as the
    child's own: a 2026 commune plan of Tỉnh Gia Lai may implement a 2021 plan
    of Tỉnh Bình Định (merged into Gia Lai on 2025-07-01), and a 2025 plan in
    Thành phố Huế one of Tỉnh Thừa Thiên Huế (renamed on 2025-01-01).

    Anti-pattern: a district plan of Huyện An Lão implementing the Quảng Ngãi
    provincial plan: An Lão is in Bình Định (or Hải Phòng), not Quảng Ngãi.

    Best practice: implement the plan of the province the unit belongs to.
    """

    code = "AG014"
    name = "agencies.jurisdiction-outside-parent"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        from plandsl.registry import jurisdictions as J
        from plandsl.registry.model import RegistryError

        plan = rp.plan
        if plan.level not in (Level.DISTRICT, Level.COMMUNE):
            return
        own = _lookup_jurisdiction(plan)
        if own is None or own.status not in ("found", "ambiguous"):  # AG013 reports the rest
            return
        for parent in ctx.parents_of(plan.id):
            pp = parent.plan
            if not pp.jurisdiction or pp.level is not Level.PROVINCE:
                continue
            from plandsl.registry.units import inside_by_succession, package_name

            try:
                answers = [J.contains(package_name(pp.jurisdiction, Level.PROVINCE), u, _date(plan))
                           for u in own.matches]
                if answers and all(a is False for a in answers):
                    # A parent issued by a predecessor of the child's province (merged or renamed) is fine.
                    parent_date = pp.instrument.date if pp.instrument is not None else None
                    if any(inside_by_succession(pp.jurisdiction, parent_date, u) for u in own.matches):
                        continue
            except (RegistryError, ValueError):
                return
            if answers and all(a is False for a in answers):
                yield self.diag(plan.span_of("jurisdiction"),
                                _("'{name}' is not inside '{parent}' (jurisdiction of parent plan '{id}')").format(
                                    name=plan.jurisdiction, parent=pp.jurisdiction, id=pp.id),
                                _("Check the parent plan or the jurisdiction's name."),
                                [(pp.span_of("jurisdiction"), _("the parent's jurisdiction"))])
