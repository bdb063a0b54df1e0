"""Completion of agency and unit names, filtered by the plan's level and date."""

from __future__ import annotations

import datetime as dt
import re

from plandsl.language import model as m

_AGENCY_KEYWORDS = r"(?:lead|support|request|responsibility|to|chủ_trì|phối_hợp|đề_nghị|trách_nhiệm|gửi)"
_UNIT_KEYWORDS = r"(?:jurisdiction|địa_bàn)"


def plan_date(plan: m.Plan | None) -> dt.date | None:
    if plan is not None and plan.instrument is not None:
        return plan.instrument.date
    return None


def agency_names(level: m.Level | None, on_date: dt.date | None) -> list[str]:
    """Names of the bodies of ``level`` (all levels when None) in force on ``on_date`` (any date when None)."""
    try:
        from plandsl.registry.agencies import AgencyRegistry

        registry = AgencyRegistry.load()
    except Exception:  # noqa: BLE001 - no registry: nothing to offer
        return []
    names: set[str] = set()
    for t in registry.types:
        if t.collective or (on_date is not None and not t.valid_on(on_date)):
            continue
        if level is None:
            names.update(n for _lv, n in t.names)
        elif t.has_level(level):
            names.add(t.name_at(level))
    return sorted(names)


def unit_names(level: m.Level | None, on_date: dt.date | None) -> list[str]:
    """Units of ``level`` on ``on_date``: before 2025-07-01 the 63 provinces and districts, after the 34 provinces."""
    try:
        from plandsl.registry import jurisdictions as J
        from plandsl.registry.model import is_legacy_date

        legacy = is_legacy_date(on_date) if on_date is not None else False
        level = level if level is not None and level is not m.Level.NATIONAL else m.Level.PROVINCE
        if level is m.Level.MINISTRY:
            return []
        return sorted({u.name for u in J.iter_units(level, legacy)})
    except Exception:  # noqa: BLE001 - a level the era does not have, or no unit data
        return []


def string_context(before: str) -> str | None:
    """'agency' or 'unit' when the cursor is inside the string after such a keyword, else None."""
    if before.count('"') % 2 == 0:
        return None
    head = before[:before.rfind('"')]
    if re.search(rf"(?:^|[\s{{,]){_UNIT_KEYWORDS}\s*$", head):
        return "unit"
    if re.search(rf"(?:^|[\s{{,]){_AGENCY_KEYWORDS}\s*$", head):
        return "agency"
    return None


def names_for(before: str, plan: m.Plan | None, text: str = "") -> tuple[str, list[str]] | None:
    """('agency' | 'unit', names) for a cursor inside such a string; ``text`` gives the level
    of a spec that does not parse while it is being typed."""
    kind = string_context(before)
    if kind is None:
        return None
    level = plan.level if plan is not None else None
    if level is None:
        found = re.search(r"^\s*(?:level|cấp)\s+(\w+)", text, re.M)
        level = m.Level.lookup(found.group(1)) if found else None
    on_date = plan_date(plan)
    if kind == "unit":
        return kind, unit_names(level, on_date)
    return kind, agency_names(level, on_date)
