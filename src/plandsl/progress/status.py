"""Status of each target against the actuals: met, on_track, at_risk, missed or no_data.

Method, stated on every record:
- the target year has an actual: ``met`` or ``missed`` by the comparator (or the indicator's direction);
- a maintained target: every covered year with an actual must hold; a miss in any year is ``missed``;
- before the target year, with at least two actuals: the least-squares line through all actuals up to
  the date is projected to the target year (``trend``): ``on_track`` when the projection reaches the
  target, ``at_risk`` otherwise; with fewer than two actuals there is no trend (``no_data``);
- the target year has passed without an actual: ``no_data``;
- a relative target ("+20% vs 2020") needs the base year's actual (or the objective's baseline for that
  year): the goal is base × (1 + change/100).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.inherit.resolve import ResolvedObjective, ResolvedPlan, ResolvedTarget
from plandsl.language.model import Comparator, Direction
from plandsl.language.wording import relative_words

STATUSES = ("met", "on_track", "at_risk", "missed", "no_data")


@frozen
class Record:
    plan: str
    objective: str
    year: int
    target: Decimal | None
    comparator: str
    actual: Decimal | None
    status: str
    method: str
    inputs: tuple[tuple[int, Decimal], ...] = ()
    projected: Decimal | None = None
    indicator: str | None = None
    unit: str | None = None
    target_text: str = ""
    first_year: int | None = None

    def to_dict(self) -> dict:
        num = lambda v: None if v is None else float(v)  # noqa: E731
        return {
            "plan": self.plan, "objective": self.objective, "year": self.year, "target": num(self.target),
            "comparator": self.comparator, "target_text": self.target_text, "actual": num(self.actual),
            "status": self.status, "method": self.method,
            "inputs": [{"year": y, "value": float(v)} for y, v in self.inputs],
            "projected": num(self.projected), "indicator": self.indicator, "unit": self.unit,
            "first_year": self.first_year,
        }


def comparator(obj_direction: Direction | None, comp: Comparator | None) -> str:
    if comp is not None:
        return comp.value
    return "<=" if obj_direction is Direction.DOWN else ">="


def satisfies(value: Decimal, goal: Decimal, comp: str) -> bool:
    if comp == ">=":
        return value >= goal
    if comp == "<=":
        return value <= goal
    return abs(value - goal) <= Decimal("0.005") * max(abs(goal), Decimal(1))


def least_squares(points: list[tuple[int, Decimal]], year: int) -> Decimal:
    """The least-squares line through ``points`` evaluated at ``year`` (exact Decimal arithmetic)."""
    n = Decimal(len(points))
    sx = sum((Decimal(x) for x, _ in points), Decimal(0))
    sy = sum((y for _, y in points), Decimal(0))
    sxx = sum((Decimal(x) * x for x, _ in points), Decimal(0))
    sxy = sum((Decimal(x) * y for x, y in points), Decimal(0))
    denom = n * sxx - sx * sx
    if denom == 0:
        return sy / n
    slope = (n * sxy - sx * sy) / denom
    intercept = (sy - slope * sx) / n
    return intercept + slope * year


def _goal(ro: ResolvedObjective, rt: ResolvedTarget, series: dict[int, Decimal]) -> tuple[Decimal | None, str]:
    t = rt.target
    if not t.relative:
        return t.value, ""
    base = series.get(t.base_year)
    source = _("actual")
    if base is None and ro.objective.baseline_year == t.base_year and ro.objective.baseline_value is not None:
        base, source = ro.objective.baseline_value, _("baseline")
    if base is None:
        return None, _("no base-year ({year}) actual").format(year=t.base_year)
    return base * (1 + t.value / 100), _("base {year} {source} {base} × (1 {sign} {change}%)").format(
        year=t.base_year, source=source, base=base, sign="+" if t.value >= 0 else "-", change=abs(t.value))


def _text(rt: ResolvedTarget, comp: str, unit_symbol: str) -> str:
    t = rt.target
    if t.relative:
        return relative_words(f"{'+' if t.value >= 0 else ''}{t.value}%", t.base_year)
    sign = "" if comp == "=" else comp + " "
    return f"{sign}{t.value}{'%' if unit_symbol == '%' else ' ' + unit_symbol if unit_symbol else ''}"


def assess(ro: ResolvedObjective, rt: ResolvedTarget, series: dict[int, Decimal], on: dt.date,
           plan_id: str) -> Record:
    obj = ro.objective
    comp = comparator(obj.direction, rt.target.comparator)
    goal, goal_note = _goal(ro, rt, series)
    unit = obj.unit.symbol if obj.unit else None
    common = dict(plan=plan_id, objective=ro.id, year=rt.year, target=goal, comparator=comp,
                  indicator=obj.indicator, unit=unit, target_text=_text(rt, comp, unit or ""),
                  first_year=rt.first_year)
    note = f"; {goal_note}" if goal_note else ""
    actual = series.get(rt.year)
    if goal is None:
        return Record(**common, actual=actual, status="no_data", method=goal_note)
    if rt.first_year is not None:
        covered = [(y, v) for y, v in sorted(series.items()) if rt.first_year <= y <= rt.year]
        misses = [y for y, v in covered if not satisfies(v, goal, comp)]
        if misses:
            return Record(**common, actual=actual, status="missed", inputs=tuple(covered),
                          method=_("maintained {first}-{last}: not held in {years}").format(
                              first=rt.first_year, last=rt.year, years=", ".join(map(str, misses))) + note)
        if actual is not None:
            return Record(**common, actual=actual, status="met", inputs=tuple(covered),
                          method=_("maintained {first}-{last}: held in every reported year").format(
                              first=rt.first_year, last=rt.year) + note)
        if covered and on.year <= rt.year:
            return Record(**common, actual=None, status="on_track", inputs=tuple(covered),
                          method=_("maintained {first}-{last}: held so far").format(first=rt.first_year, last=rt.year) + note)
    elif actual is not None:
        ok = satisfies(actual, goal, comp)
        return Record(**common, actual=actual, status="met" if ok else "missed", inputs=((rt.year, actual),),
                      method=_("actual {year} {actual} {comp} {goal}: {answer}").format(
                          year=rt.year, actual=actual, comp=comp, goal=f"{goal.normalize():f}",
                          answer=_("yes") if ok else _("no")) + note)
    if on.year > rt.year:
        return Record(**common, actual=None, status="no_data", method=_("no actual for {year}").format(year=rt.year) + note)
    points = [(y, v) for y, v in sorted(series.items()) if y <= min(rt.year, on.year)]
    if rt.target.relative:
        points = [(y, v) for y, v in points if y > rt.target.base_year] or points
    if len(points) < 2:
        return Record(**common, actual=None, status="no_data", inputs=tuple(points),
                      method=_("no trend: {n} actual(s), at least 2 needed").format(n=len(points)) + note)
    projected = least_squares(points, rt.year)
    ok = satisfies(projected, goal, comp)
    years = ", ".join(str(y) for y, _ in points)
    return Record(**common, actual=None, status="on_track" if ok else "at_risk", inputs=tuple(points),
                  projected=projected,
                  method=_("trend: least squares over {years} projected to {year}: {projected} {comp} {goal}").format(
                      years=years, year=rt.year, projected=projected.quantize(Decimal("0.01")), comp=comp,
                      goal=f"{goal.normalize():f}") + note)


def assess_plan(rp: ResolvedPlan, series: dict[str, dict[int, Decimal]], on: dt.date) -> list[Record]:
    """One record per target of each objective the plan pursues."""
    out: list[Record] = []
    for ro in rp.active():
        for rt in ro.targets:
            out.append(assess(ro, rt, series.get(ro.id, {}), on, rp.id))
    return out
