"""Re-base a plan's administrative unit onto the map in force on a date.

Provinces become the province that holds them now (Bình Định → Gia Lai; Kon Tum and
Quảng Ngãi → Quảng Ngãi), with the new code. Districts no longer exist after
30/6/2025: a district plan is either split into drafts for the communes that now cover
the district (from the conversion data of the unit packages) or folded into its
province's plan, as the user chooses.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.language.model import Level, Plan
from plandsl.registry import jurisdictions as J
from plandsl.registry.model import REFORM_DATE, UnitMatch

# The instruments behind the 2025 map (domain-2025.md, A3).
UNITS_INSTRUMENT = "Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh"
DISTRICTS_INSTRUMENT = ("Nghị quyết số 203/2025/QH15 ngày 16/6/2025 sửa đổi, bổ sung một số điều của Hiến pháp; "
                        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15")


@frozen
class UnitDecision:
    """What becomes of a plan's jurisdiction on the migration date."""

    status: str  # "current" | "rebased" | "district" | "unknown" | "none"
    old: UnitMatch | None = None
    new_name: str | None = None
    new_code: str | None = None
    new_short: str | None = None
    instrument: str | None = None
    # For a district: the current communes that cover it, as (code, name).
    communes: tuple[tuple[str, str], ...] = ()
    # For a province: the names of all the old provinces that now form the new one.
    merged_with: tuple[str, ...] = ()
    message: str | None = None


def plan_date(plan: Plan) -> dt.date | None:
    return plan.instrument.date if plan.instrument else None


def rebase_unit(plan: Plan, on_date: dt.date) -> UnitDecision:
    """The unit a plan's jurisdiction names, and what it is on ``on_date``."""
    if plan.jurisdiction is None or plan.level not in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        return UnitDecision("none")
    written = plan_date(plan)
    old = _find(plan, written)
    if old is None:
        old = _find(plan, None)
    if old is None:
        return UnitDecision("unknown", message=_("'{unit}' is not a known unit").format(unit=plan.jurisdiction))
    if not old.legacy or on_date < REFORM_DATE:
        return UnitDecision("current", old)
    if old.level is Level.DISTRICT:
        return UnitDecision("district", old, instrument=DISTRICTS_INSTRUMENT, communes=communes_of(old))
    if old.successor_name is None:
        return UnitDecision("unknown", old, message=_("'{unit}' has no successor in the unit data").format(unit=old.name))
    current = J.find_by_code(old.successor_code, old.successor_level or old.level, on_date) if old.successor_code else None
    short = current.short_name if current else old.successor_name.split(" ", 1)[-1]
    merged = _provinces_forming().get(old.successor_code, ()) if old.level is Level.PROVINCE else ()
    return UnitDecision("rebased", old, old.successor_name, old.successor_code, short, UNITS_INSTRUMENT,
                        merged_with=merged)


def _find(plan: Plan, when: dt.date | None) -> UnitMatch | None:
    if plan.jurisdiction_code:
        by_code = J.find_by_code(plan.jurisdiction_code, plan.level, when)
        if by_code is not None and _same_name(by_code, plan.jurisdiction):
            return by_code
    return J.find_unit(plan.jurisdiction, plan.level, when)


def _same_name(unit: UnitMatch, written: str) -> bool:
    from plandsl.registry.normalize import fold_case

    w = fold_case(written)
    return fold_case(unit.short_name) in w or fold_case(unit.name) in w


def communes_of(district: UnitMatch) -> tuple[tuple[str, str], ...]:
    """The current communes that now hold the legacy communes of ``district``, as (code, name)."""
    return _communes_by_district().get((district.province_code, district.code), ())


@lru_cache(maxsize=1)
def _provinces_forming() -> dict[str, tuple[str, ...]]:
    """New province code -> the names of the old provinces that form it."""
    found: dict[str, list[str]] = {}
    for u in J.iter_units(Level.PROVINCE, legacy=True):
        if u.successor_code:
            found.setdefault(u.successor_code, []).append(u.name)
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=1)
def _communes_by_district() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    found: dict[tuple[str, str], dict[str, str]] = {}
    for c in J.iter_units(Level.COMMUNE, legacy=True):
        # Only a commune successor covers a commune; where the conversion data names only the
        # province, that commune's new unit is unknown and it is left out.
        if c.district_code and c.successor_code and c.successor_name and c.successor_level is Level.COMMUNE:
            found.setdefault((c.province_code, c.district_code), {}).setdefault(c.successor_code, c.successor_name)
    return {k: tuple(sorted(v.items())) for k, v in found.items()}
