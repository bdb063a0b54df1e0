"""Roll units' figures up to the plan's jurisdiction.

A share is the sum of the units' numerators over the sum of their denominators (never an average of
percentages); a sum adds; a mean is the plain mean of the units' values; ``none`` is not aggregated.
Figures of units that no longer exist (districts, merged communes or provinces before 2025-07-01) are
mapped to today's unit through the registry's succession. A unit that reported in another year but not
in this one is reported as missing, not counted as zero. A figure the plan's own level reported is
checked against the roll-up.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.language.model import Aggregation
from plandsl.progress.actuals import Actual, column_of, finding

HUNDRED = Decimal(100)
# A province figure may differ from the roll-up by rounding: 0.1 percentage point, or 0.5% of a sum.
SHARE_TOLERANCE = Decimal("0.1")
SUM_TOLERANCE = Decimal("0.005")
REFORM_YEAR = 2025


@frozen
class Rolled:
    """The roll-up of one objective in one year."""

    plan: str
    objective: str
    year: int
    aggregation: str
    value: Decimal | None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    units: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    reported: Decimal | None = None  # the plan level's own figure, if any


def combine(aggregation: Aggregation | None, rows: list[tuple[Decimal | None, Decimal | None, Decimal | None]]
            ) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, numerator, denominator) of units' (value, numerator, denominator) rows."""
    if not rows or aggregation in (None, Aggregation.NONE):
        return None, None, None
    if aggregation is Aggregation.SHARE:
        if any(n is None or d is None for _v, n, d in rows):
            return None, None, None
        num = sum((n for _v, n, _d in rows), Decimal(0))
        den = sum((d for _v, _n, d in rows), Decimal(0))
        return (num * HUNDRED / den if den else None), num, den
    values = [v for v, _n, _d in rows if v is not None]
    if len(values) != len(rows):
        return None, None, None
    total = sum(values, Decimal(0))
    if aggregation is Aggregation.SUM:
        return total, None, None
    return total / len(values), None, None


def current_unit(code: str, year: int) -> str:
    """Today's code for a unit that reported in ``year`` (legacy units map to their successor)."""
    # Figures for 2025 are reported at the end of the year, under the units in force since 2025-07-01;
    # the registry answers by the structure in force (before or after the reform), not by the day.
    return _successor(code) if year < REFORM_YEAR else code


# Units in force since the reform are their own successor; only legacy codes are looked up.
LEGACY_ON = dt.date(REFORM_YEAR, 6, 30)
# From this many distinct legacy codes on, the registry's whole unit index is read once (~0.3 s)
# rather than a stored row per code and level (a roll-up of a whole country has ~10,000 of them).
WHOLE_INDEX_AT = 300


@lru_cache(maxsize=None)
def _successor(code: str) -> str:
    from plandsl.registry.jurisdictions import find_by_code

    try:
        unit = find_by_code(code, None, LEGACY_ON)
    except Exception:  # an unknown width or a malformed code
        return code
    if unit is not None and unit.legacy:
        from plandsl.language.model import Level

        if unit.level is Level.COMMUNE and unit.successor_code:
            return unit.successor_code
        if unit.level is Level.PROVINCE and unit.successor_province_code:
            return unit.successor_province_code
    return code


def _prefetch(actuals: list[Actual]) -> None:
    """Read the whole unit index once when many legacy codes are to be looked up."""
    legacy = {a.unit for a in actuals if a.unit and a.year < REFORM_YEAR}
    if len(legacy) >= WHOLE_INDEX_AT:
        from plandsl.registry.jurisdictions import iter_units

        next(iter_units(), None)  # iter_units reads the whole index; find_by_code then answers from it


def roll_up(actuals: list[Actual], aggregations: dict[tuple[str, str], Aggregation | None],
            succession: bool = True) -> tuple[dict[tuple[str, str, int], Rolled], list[Diagnostic]]:
    """Per (plan, objective, year) the roll-up of the unit rows, with findings."""
    diags: list[Diagnostic] = []
    own: dict[tuple[str, str, int], Actual] = {}
    units: dict[tuple[str, str, int], dict[str, list[Actual]]] = defaultdict(lambda: defaultdict(list))
    if succession:
        _prefetch(actuals)
    for a in actuals:
        if a.unit:
            code = current_unit(a.unit, a.year) if succession else a.unit
            units[(a.plan, a.objective, a.year)][code].append(a)
        else:
            own[(a.plan, a.objective, a.year)] = a
    # The units expected in a year: those that reported in any year of the same era (the set of
    # units changed with the reform of 2025-07-01; figures of 2025 are reported under today's units).
    ever: dict[tuple[str, str, bool], set[str]] = defaultdict(set)
    # Compared by the codes as reported: one part of a merged unit missing leaves the merged unit incomplete.
    for (plan, obj, y), by_unit in units.items():
        ever[(plan, obj, y < REFORM_YEAR)].update(a.unit for rows in by_unit.values() for a in rows)
    out: dict[tuple[str, str, int], Rolled] = {}
    for key in sorted(set(units) | set(own)):
        plan, obj, year = key
        agg = aggregations.get((plan, obj))
        by_unit = units.get(key, {})
        reported = own[key].value if key in own else None
        if not by_unit:
            out[key] = Rolled(plan, obj, year, _agg_name(agg), reported, reported=reported)
            continue
        codes = {a.unit for rows in by_unit.values() for a in rows}
        missing = tuple(sorted(ever[(plan, obj, year < REFORM_YEAR)] - codes))
        rows = [(a.value, a.numerator, a.denominator) for code in sorted(by_unit) for a in by_unit[code]]
        value, num, den = combine(agg, rows)
        if agg in (None, Aggregation.NONE):
            first = next(iter(by_unit.values()))[0]
            diags.append(finding("PG012", _("{objective} is not aggregated (aggregate {how}): the units' figures "
                                             "are not rolled up").format(objective=obj, how=_agg_name(agg)),
                                 first.span.path, first.span.line, 1, severity=Severity.INFO, subject=obj))
        if missing:
            first = next(iter(by_unit.values()))[0]
            diags.append(finding("PG008", _("{plan}/{objective} {year}: no figure from unit(s) {units}; the roll-up "
                                             "is incomplete (a missing unit is not zero)").format(
                plan=plan, objective=obj, year=year, units=", ".join(missing)),
                first.span.path, first.span.line, column_of(first.span.path, "unit"), severity=Severity.WARNING,
                subject=obj))
            value = None if agg is not Aggregation.NONE else value
            num = den = None
        if value is not None and reported is not None and _disagree(agg, value, reported):
            a = own[key]
            diags.append(finding("PG009", _("{plan}/{objective} {year}: the reported figure {reported} differs from "
                                             "the units' roll-up {rolled}").format(
                plan=plan, objective=obj, year=year, reported=reported, rolled=fmt(value)),
                a.span.path, a.span.line, column_of(a.span.path, "value"), subject=obj))
        out[key] = Rolled(plan, obj, year, _agg_name(agg), value if value is not None else reported, num, den,
                          tuple(sorted(by_unit)), missing, reported)
    return out, diags


def _disagree(agg: Aggregation | None, rolled: Decimal, reported: Decimal) -> bool:
    if agg is Aggregation.SUM:
        return abs(rolled - reported) > max(abs(rolled) * SUM_TOLERANCE, Decimal("0.5"))
    return abs(rolled - reported) > SHARE_TOLERANCE


def _agg_name(agg: Aggregation | None) -> str:
    return agg.en if agg is not None else "none"


def fmt(value: Decimal | None) -> str:
    if value is None:
        return "-"
    q = value.quantize(Decimal("0.01"))
    text = f"{q:f}".rstrip("0").rstrip(".") if "." in f"{q:f}" else f"{q:f}"
    return text or "0"
