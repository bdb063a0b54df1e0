"""Progress against targets: actual figures, their roll-up, the status of each target, reporting duties.

``measure(resolution, plan_id, actuals, on)`` is the one entry point: it validates the actuals
(:mod:`.validate`), rolls the units' figures up (:mod:`.rollup`), assesses every target of the plan
(:mod:`.status`) and lists the reporting duties (:mod:`.duties`). Nothing is dropped silently: every
row is used or named in a finding.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from plandsl.core.diagnostics import Diagnostic, sort_diagnostics
from plandsl.core.gcpause import gc_paused
from plandsl.core.records import frozen
from plandsl.inherit.resolve import Resolution, ResolvedPlan
from plandsl.progress.actuals import Actual, read_actuals
from plandsl.progress.duties import Duty, duties
from plandsl.progress.rollup import Rolled, roll_up
from plandsl.progress.status import STATUSES, Record, assess_plan
from plandsl.progress.validate import validate

__all__ = ["Actual", "Duty", "Progress", "Record", "Rolled", "STATUSES", "measure", "prepare", "read_actuals"]


@frozen
class Progress:
    plan: ResolvedPlan
    on: dt.date
    records: tuple[Record, ...]
    rolled: dict
    duties: tuple[Duty, ...]
    diagnostics: tuple[Diagnostic, ...]
    # Per objective of the plan: year -> the figure used (the plan level's own or the roll-up).
    series: dict

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for r in self.records:
            out[r.status] += 1
        return out

    def to_dict(self) -> dict:
        return {
            "plan": self.plan.id, "on": self.on.isoformat(), "counts": self.counts(),
            "records": [r.to_dict() for r in self.records],
            "rollup": [_rolled_dict(r) for r in self.rolled.values() if r.plan == self.plan.id],
            "duties": [d.to_dict() for d in self.duties],
            "findings": [_diag_dict(d) for d in self.diagnostics],
        }


def _num(v: Decimal | None) -> float | None:
    return None if v is None else float(v)


def _rolled_dict(r: Rolled) -> dict:
    return {"plan": r.plan, "objective": r.objective, "year": r.year, "aggregation": r.aggregation,
            "value": _num(r.value), "numerator": _num(r.numerator), "denominator": _num(r.denominator),
            "units": list(r.units), "missing": list(r.missing), "reported": _num(r.reported)}


def _diag_dict(d: Diagnostic) -> dict:
    s = d.span
    return {"code": d.code, "severity": d.severity.label, "message": d.message, "hint": d.hint,
            "file": s.path if s else None, "row": s.line if s else None, "column": s.col if s else None}


def prepare(resolution: Resolution, actuals: list[Actual]) -> tuple[list[Actual], list[Diagnostic], dict]:
    """Validate every row and roll every plan's units up: (usable rows, findings, roll-ups)."""
    with gc_paused():  # many small objects, no cycles (see read_actuals)
        kept, diags = validate(actuals, resolution)
        aggregations = {}
        for a in kept:
            if (a.plan, a.objective) not in aggregations:
                ro = resolution.in_force(a.plan).objective(a.objective)
                aggregations[(a.plan, a.objective)] = ro.objective.aggregation
        rolled, roll_diags = roll_up(kept, aggregations)
    return kept, [*diags, *roll_diags], rolled


def measure(resolution: Resolution, plan_id: str, actuals: list[Actual], on: dt.date,
            read_diagnostics: list[Diagnostic] | tuple = (), prepared: tuple | None = None) -> Progress:
    """The progress of ``plan_id`` on ``on`` from ``actuals`` (rows of any plan are validated).

    ``prepared`` (from :func:`prepare`) lets a caller measure many plans on one validation and roll-up.
    """
    rp = resolution.in_force(plan_id)
    if rp is None:
        raise KeyError(plan_id)
    kept, diags, rolled = prepared or prepare(resolution, actuals)
    series: dict[str, dict[int, Decimal]] = {}
    for (plan, obj, year), r in rolled.items():
        if plan == plan_id and r.value is not None:
            series.setdefault(obj, {})[year] = r.value
    records = assess_plan(rp, series, on)
    received = {year for (plan, _obj, year) in rolled if plan == plan_id}
    return Progress(rp, on, tuple(records), rolled, tuple(duties(rp.plan, received, on)),
                    tuple(sort_diagnostics([*read_diagnostics, *diags])), series)
