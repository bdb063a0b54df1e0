"""The plan in force on a date: a resolved plan with its amendments and replacements applied.

A plan may be amended ("sửa đổi, bổ sung": ``amends``) or replaced (``replaces``)
by a later plan, entirely or for one phase (``in_phase``). An amending plan takes
effect on its instrument's date. On a given date, the effective plan is the
resolved plan as written, with every amending plan in force on that date applied
in date order:

* ``replaces P`` (no phase): the replacing plan's objectives and targets only;
* ``replaces P in_phase ph``: every target of P in the years of ``ph`` is dropped,
  and the replacing plan's targets in those years are taken;
* ``amends P``: each objective the amending plan declares replaces P's objective
  of the same id (its targets); P's other objectives stay;
* ``amends P in_phase ph``: as ``amends``, for the years of ``ph`` only.

Phase ids that the amending plan does not declare are the amended plan's.
Targets taken from an amending plan keep their provenance (that plan and the
line that set them), so ``plandsl explain`` shows which instrument set each
value. Children of P are resolved against P's effective plan. The resolution stage
(:func:`plandsl.inherit.resolve.apply_amendments`) applies them; this module
only reads the model, so the graph may use it too.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Mapping

from plandsl.language.model import Amendment, Plan


def amenders(plans: Iterable[Plan]) -> dict[str, list[tuple[Plan, Amendment]]]:
    """For each plan id, the plans that amend or replace it (with the amendment), oldest first."""
    out: dict[str, list[tuple[Plan, Amendment]]] = {}
    for plan in plans:
        for a in plan.amendments:
            if a.plan_id != plan.id:
                out.setdefault(a.plan_id, []).append((plan, a))
    for items in out.values():
        items.sort(key=lambda pa: (_effective_date(pa[0]) or dt.date.max, pa[0].id))
    return out


def _effective_date(plan: Plan) -> dt.date | None:
    return plan.instrument.date if plan.instrument is not None else None


def in_force(plan: Plan, on: dt.date) -> bool:
    """Whether an amending plan is in force on ``on`` (from its instrument's date; never without a date)."""
    when = _effective_date(plan)
    return when is not None and when <= on


def amendment_years(base: Plan, amending: Plan, a: Amendment) -> tuple[int, int] | None:
    """The years an amendment applies to: the named phase of the amended plan (or of the amending
    plan), or the year named; None for the whole plan."""
    if a.phase is None:
        return None
    if isinstance(a.phase, int):
        return a.phase, a.phase
    phase = base.phase(a.phase) or amending.phase(a.phase)
    return (phase.start, phase.end) if phase else None


def amendment_links(plans: Mapping[str, Plan]) -> list[tuple[str, str, str]]:
    """(amending plan, amended plan, label) for every ``amends``/``replaces`` between loaded plans, sorted;
    the label reads "replaces p2", "amends" … in the language of messages."""
    from plandsl.core.i18n import pick

    out = []
    for pid, plan in plans.items():
        for a in plan.amendments:
            if a.plan_id not in plans or a.plan_id == pid:
                continue
            verb = pick("replaces", "thay thế") if a.replaces else pick("amends", "sửa đổi")
            scope = f" {a.phase}" if a.phase is not None else ""
            out.append((pid, a.plan_id, verb + scope))
    return sorted(out)
