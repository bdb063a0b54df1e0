"""Check actuals against the plans: unknown ids (with did-you-mean), values out of range, duplicates."""

from __future__ import annotations

from decimal import Decimal

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.core.suggest import did_you_mean
from plandsl.inherit.resolve import Resolution
from plandsl.language.model import Aggregation, Unit
from plandsl.progress.actuals import Actual, column_of, finding

HUNDRED = Decimal(100)


def _at(a: Actual, column: str) -> tuple[str, int, int]:
    path = a.span.path if a.span else ""
    return path, a.span.line if a.span else 1, column_of(path, column)


def validate(actuals: list[Actual], resolution: Resolution) -> tuple[list[Actual], list[Diagnostic]]:
    """The actuals that can be used, and a finding for every one that cannot (or looks wrong)."""
    diags: list[Diagnostic] = []
    kept: list[Actual] = []
    seen: dict[tuple, Actual] = {}
    objectives: dict[tuple[str, str], object] = {}
    for a in actuals:
        ro = objectives.get((a.plan, a.objective))
        if ro is not None:
            _check_row(a, ro, seen, kept, diags)
            continue
        rp = resolution.in_force(a.plan)
        if rp is None:
            diags.append(finding("PG001", _("unknown plan '{plan}'").format(plan=a.plan), *_at(a, "plan"),
                                 did_you_mean(a.plan, resolution.plans)))
            continue
        ro = rp.objective(a.objective)
        if ro is None:
            diags.append(finding("PG002", _("plan '{plan}' has no objective '{objective}'").format(
                plan=a.plan, objective=a.objective), *_at(a, "objective"),
                did_you_mean(a.objective, [o.id for o in rp.objectives]), subject=a.objective))
            continue
        objectives[(a.plan, a.objective)] = ro
        _check_row(a, ro, seen, kept, diags)
    return kept, diags


def _check_row(a: Actual, ro, seen: dict, kept: list, diags: list) -> None:
    obj = ro.objective
    key = (a.plan, a.objective, a.year, a.unit)
    if key in seen:
        first = seen[key]
        diags.append(finding("PG006", _("duplicate row: {plan}/{objective} {year}{unit} is already on row "
                                        "{row}").format(plan=a.plan, objective=a.objective, year=a.year,
                                                        unit=f" ({a.unit})" if a.unit else "",
                                                        row=first.span.line if first.span else "?"),
                             *_at(a, "year"), _("keep one of the two rows"), subject=a.objective))
        return
    seen[key] = a
    bad = False
    if a.numerator is not None and a.denominator is not None:
        if a.denominator <= 0 or a.numerator < 0:
            diags.append(finding("PG004", _("numerator {num} and denominator {den} are not a share").format(
                num=a.numerator, den=a.denominator), *_at(a, "denominator"), subject=a.objective))
            bad = True
        elif obj.unit is Unit.PERCENT and a.numerator > a.denominator:
            diags.append(finding("PG004", _("numerator {num} exceeds denominator {den}: a share above "
                                            "100%").format(num=a.numerator, den=a.denominator),
                                 *_at(a, "numerator"), subject=a.objective))
            bad = True
    if a.value is not None:
        if obj.unit is Unit.PERCENT and not (0 <= a.value <= HUNDRED):
            diags.append(finding("PG004", _("{value}% is outside 0-100% for {objective}").format(
                value=a.value, objective=a.objective), *_at(a, "value"), subject=a.objective))
            bad = True
        elif obj.unit is not None and obj.unit is not Unit.PERCENT and a.value < 0:
            diags.append(finding("PG004", _("a negative count {value} for {objective}").format(
                value=a.value, objective=a.objective), *_at(a, "value"), subject=a.objective))
            bad = True
    if bad:
        return
    if a.unit and obj.aggregation is Aggregation.SHARE and (a.numerator is None or a.denominator is None):
        diags.append(finding("PG005", _("a share reported by unit {unit} needs its numerator and denominator "
                                        "for the roll-up").format(unit=a.unit), *_at(a, "numerator"),
                             _("fill in the numerator and denominator columns; percentages cannot be "
                               "averaged"), subject=a.objective))
        return
    if a.value is None and a.numerator is not None and a.denominator:
        a = _with_value(a)
    if a.value is None:
        return  # reported as a finding by the reader
    kept.append(a)


def _with_value(a: Actual) -> Actual:
    """The row with its share computed from numerator and denominator (the class is frozen)."""
    return Actual(a.plan, a.objective, a.year, a.numerator * HUNDRED / a.denominator, a.numerator, a.denominator,
                  a.unit, a.span)


def severity_errors(diags: list[Diagnostic]) -> int:
    return sum(1 for d in diags if d.severity is Severity.ERROR)
