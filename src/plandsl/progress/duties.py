"""Reporting duties on a date: which of a plan's ``report`` clauses are due, overdue or received.

For each clause the latest reporting period whose deadline falls on or before 30 days after the date is
considered. The deadline is the clause's ``before`` day/month; a clause without one is due at the end of
its period (stated in the record). A period counts as received when the actuals hold a figure of the plan
for that period's year.
"""

from __future__ import annotations

import calendar
import datetime as dt

from plandsl.core.i18n import _
from plandsl.core.records import frozen
from plandsl.language.model import Cycle, Plan

WINDOW = dt.timedelta(days=30)
_MONTHS = {Cycle.MONTHLY: 1, Cycle.QUARTERLY: 3, Cycle.SEMIANNUAL: 6, Cycle.ANNUAL: 12}


@frozen
class Duty:
    plan: str
    cycle: str
    period: str
    deadline: dt.date | None
    recipient: str | None
    status: str  # received | due | overdue | not_due | on_request
    note: str = ""

    def to_dict(self) -> dict:
        return {"plan": self.plan, "cycle": self.cycle, "period": self.period,
                "deadline": self.deadline.isoformat() if self.deadline else None, "recipient": self.recipient,
                "status": self.status, "note": self.note}


def _add_months(day: dt.date, months: int) -> dt.date:
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _deadlines(plan: Plan, cycle: Cycle, day: int | None, month: int | None, on: dt.date
               ) -> list[tuple[str, int, dt.date, str]]:
    """(period label, year reported, deadline, note) for the periods around ``on``."""
    out = []
    if cycle in _MONTHS:
        step = _MONTHS[cycle]
        for year in (on.year - 1, on.year, on.year + 1):
            for start in range(1, 13, step):
                end = _add_months(dt.date(year, start, 1), step) - dt.timedelta(days=1)
                if day and month and step == 12:
                    deadline, note = dt.date(year, month, min(day, calendar.monthrange(year, month)[1])), ""
                elif day and month and step == 6:
                    first = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
                    deadline, note = (first if start == 1 else _add_months(first, 6)), ""
                elif day:
                    deadline = dt.date(end.year, end.month, min(day, calendar.monthrange(end.year, end.month)[1]))
                    note = ""
                else:
                    deadline, note = end, _("no deadline written: the end of the period")
                label = str(year) if step == 12 else f"{year}-{start:02d}..{end.month:02d}"
                out.append((label, year, deadline, note))
    elif cycle in (Cycle.FINAL, Cycle.MIDTERM) and plan.period:
        first, last = plan.period
        year = last if cycle is Cycle.FINAL else (first + last) // 2
        for ph in plan.phases:
            y = ph.end if cycle is Cycle.FINAL else (ph.start + ph.end) // 2
            out.append((f"{ph.id} {ph.start}-{ph.end}", y, dt.date(y, 12, 31), _("the end of the phase")))
        if not plan.phases:
            out.append((f"{first}-{last}", year, dt.date(year, 12, 31), _("the end of the period")))
    return out


def duties(plan: Plan, years_received: set[int], on: dt.date) -> list[Duty]:
    out: list[Duty] = []
    for report in plan.reports:
        to = report.to.name if report.to else None
        if report.cycle is Cycle.AD_HOC:
            out.append(Duty(plan.id, report.cycle.en, "-", None, to, "on_request", _("when asked")))
            continue
        periods = [p for p in _deadlines(plan, report.cycle, report.day, report.month, on) if p[2] <= on + WINDOW]
        if not periods:
            continue
        label, year, deadline, note = max(periods, key=lambda p: p[2])
        if year in years_received:
            status = "received"
        elif deadline < on:
            status = "overdue"
        else:
            status = "due"
        out.append(Duty(plan.id, report.cycle.en, label, deadline, to, status, note))
    return out
