"""TM: periods, phases, issue dates and reporting deadlines along the chain.

Comparisons with a parent plan are skipped when the plan's resolution is
incomplete (unknown parent or cycle; reported once by the GR rules).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _, pick
from plandsl.language.snippets import snippet
from plandsl.rules.base import Rule, register


def _period_words(plan) -> str:
    start, end = plan.period
    if plan.vision and plan.vision > end:
        return _("{start}-{end} (vision {vision})").format(start=start, end=end, vision=plan.vision)
    return f"{start}-{end}"


def _cycle(cycle) -> str:
    return pick(cycle.en, cycle.vi.replace("_", " "))


@register
class OutsideParentPeriod(Rule):
    """The plan's period runs outside the period of a plan it implements.

    The parent's vision year counts as extending its end.

    Anti-pattern: a province plan for 2021-2035 implementing a 2021-2030
    programme; its last years implement nothing.

    Best practice: keep the period within the parent's (2021-2025 or 2021-2030
    for a 2021-2030 programme), and start a new plan for the next programme.
    """

    code = "TM001"
    name = "time.outside-parent-period"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        plan = rp.plan
        if not rp.complete or plan.period is None:
            return
        start, end = plan.period
        for parent_id in rp.parents:
            parent = ctx.resolution.plans[parent_id].plan
            if parent.period is None:
                continue
            p_start, p_end = parent.period
            p_end = max(p_end, parent.vision or p_end)
            if p_start <= start and end <= p_end:
                continue
            yield self.diag(
                plan.span_of("period"),
                _("the period {start}-{end} runs outside the period of '{plan}' ({period})").format(
                    start=start, end=end, plan=parent_id, period=_period_words(parent)),
                _("Keep the period within {start}-{end}.").format(start=p_start, end=p_end),
                [(parent.span_of("period"), _("the period of '{plan}'").format(plan=parent_id))],
            )


@register
class PhaseOutsidePeriod(Rule):
    """A phase starts before or ends after the plan's own period (or is inverted).

    The plan's vision year counts as extending its end.

    Anti-pattern: `period 2021..2025` with `phase p2 2026..2030`; or a phase
    written backwards (`2025..2021`).

    Best practice: phases divide the plan's period; extend the period (or add a
    `vision`) if the plan really looks further.
    """

    code = "TM002"
    name = "time.phase-outside-period"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        plan = rp.plan
        for ph in plan.phases:
            if ph.start > ph.end:
                yield self.diag(ph.span, _("phase '{id}' ends ({end}) before it starts ({start})").format(
                                    id=ph.id, end=ph.end, start=ph.start),
                                _("Write it as {fix}.").format(fix=f"{ph.end}..{ph.start}"))
                continue
            if plan.period is None:
                continue
            start, end = plan.period
            end = max(end, plan.vision or end)
            if start <= ph.start and ph.end <= end:
                continue
            yield self.diag(ph.span, _("phase '{id}' ({start}-{end}) lies outside the plan's period ({period})").format(
                                id=ph.id, start=ph.start, end=ph.end, period=_period_words(plan)),
                            _("Fix the phase years, or extend the period."),
                            [(plan.span_of("period"), _("the plan's period"))])


@register
class PhaseOverlapOrGap(Rule):
    """Phases overlap, or leave years of the plan's period uncovered.

    Anti-pattern: `phase p1 2021..2025` and `phase p2 2025..2030` (2025 is in
    both), or `p1 2021..2024` and `p2 2026..2030` (2025 is in neither).

    Best practice: phases follow each other without overlap and cover the
    whole period: 2021-2025, 2026-2030.
    """

    code = "TM003"
    name = "time.phase-overlap-gap"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        plan = rp.plan
        phases = sorted((p for p in plan.phases if p.start <= p.end), key=lambda p: (p.start, p.end))
        if not phases:
            return
        for a, b in zip(phases, phases[1:]):
            if b.start <= a.end:
                yield self.diag(b.span, _("phase '{id}' ({start}-{end}) overlaps phase '{other}' "
                                          "({other_start}-{other_end})").format(
                                    id=b.id, start=b.start, end=b.end, other=a.id, other_start=a.start,
                                    other_end=a.end),
                                _("Start '{id}' in {year}.").format(id=b.id, year=a.end + 1),
                                [(a.span, _("phase '{id}'").format(id=a.id))])
            elif b.start > a.end + 1:
                yield self.diag(b.span, _("no phase covers {years}, between phases '{first}' and '{second}'").format(
                                    years=_years(a.end + 1, b.start - 1), first=a.id, second=b.id),
                                _("Start '{id}' in {year}.").format(id=b.id, year=a.end + 1),
                                [(a.span, _("phase '{id}'").format(id=a.id))])
        if plan.period is None:
            return
        start, end = plan.period
        first = phases[0]
        if first.start > start:
            yield self.diag(first.span, _("no phase covers {years}, the start of the period {start}-{end}").format(
                                years=_years(start, first.start - 1), start=start, end=end),
                            _("Start '{id}' in {year}.").format(id=first.id, year=start),
                            [(plan.span_of("period"), _("the plan's period"))])
        last = max(phases, key=lambda p: p.end)
        if last.end < end:
            yield self.diag(last.span, _("no phase covers {years}, the end of the period {start}-{end}").format(
                                years=_years(last.end + 1, end), start=start, end=end),
                            _("End '{id}' in {year}, or add a phase.").format(id=last.id, year=end),
                            [(plan.span_of("period"), _("the plan's period"))])


def _years(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}-{b}"


@register
class IssuedBeforeParent(Rule):
    """A plan's instrument is dated before the instrument of the plan it implements.

    Anti-pattern: a province decision dated 2020-12-01 implementing a
    programme approved on 2021-01-22; usually a wrong date or a wrong parent.

    Best practice: check the `dated` of both instruments; a plan implements
    decisions already issued.
    """

    code = "TM004"
    name = "time.issued-before-parent"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        inst = rp.plan.instrument
        if not rp.complete or inst is None or inst.date == dt.date.min:
            return
        for parent_id in rp.parents:
            pinst = ctx.resolution.plans[parent_id].plan.instrument
            if pinst is None or pinst.date == dt.date.min or inst.date >= pinst.date:
                continue
            yield self.diag(
                inst.span,
                _("{number} is dated {date}, before {parent_number} ({parent_date}) which it implements").format(
                    number=inst.number, date=f"{inst.date:%d/%m/%Y}", parent_number=pinst.number,
                    parent_date=f"{pinst.date:%d/%m/%Y}"),
                _("Check both dates, and the {keyword} link.").format(keyword=snippet("`implements`", rp.plan.lang)),
                [(pinst.span, _("the instrument of '{plan}'").format(plan=parent_id))],
            )


def _day_of_year(day: int | None, month: int | None) -> int:
    if day is None or month is None:
        raise ValueError("no deadline")  # mid-term, final and ad-hoc reports have none
    return _yday(day, month)


@lru_cache(maxsize=1024)
def _yday(day: int, month: int) -> int:
    """The day of the year of day/month in a leap year (memoised: the same few deadlines in every plan)."""
    return dt.date(2024, month, day).timetuple().tm_yday


def _offset(child, parent) -> int:
    """Days from the child's deadline to the parent's, on a circular year (-183..182)."""
    diff = _day_of_year(parent.day, parent.month) - _day_of_year(child.day, child.month)
    return (diff + 183) % 366 - 183


def _report_pairs(rp, ctx):
    """(child report, parent id, parent report, days from child to parent deadline) for each cycle."""
    if not rp.complete:
        return
    for report in rp.plan.reports:
        if report.day is None or report.month is None:
            continue  # no deadline (mid-term, final, ad-hoc reports)
        try:
            _day_of_year(report.day, report.month)
        except ValueError:
            continue  # not a real date (PRS122)
        for parent_id in rp.parents:
            theirs = []
            for pr in ctx.resolution.plans[parent_id].plan.reports:
                if pr.cycle is not report.cycle or pr.day is None or pr.month is None:
                    continue
                try:
                    offset = _offset(report, pr)
                except ValueError:
                    continue
                theirs.append((abs(offset), offset, pr))
            if theirs:
                _dist, offset, pr = min(theirs, key=lambda x: (x[0], x[1]))
                yield report, parent_id, pr, offset


@register
class ReportAfterParent(Rule):
    """A plan's report deadline falls after the parent's deadline for the same cycle.

    The lower level must report before the upper level consolidates its own
    report. Deadlines are compared on the calendar (day/month); for cycles with
    several deadlines a year, each is compared with the parent's nearest one.
    A deadline on the same day as the parent's is TM006.

    Anti-pattern: the district reports annually "before 15/12" while the
    province must send its consolidated report "before 10/12".

    Best practice: set the deadline some days before the parent's, e.g.
    `report annual before 5/12` under a province deadline of 10/12.
    """

    code = "TM005"
    name = "time.report-after-parent"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for report, parent_id, pr, offset in _report_pairs(rp, ctx):
            if offset < 0:
                yield self.diag(
                    report.span,
                    _("the {cycle} report is due {date}, after the deadline of '{plan}' ({parent_date})").format(
                        cycle=_cycle(report.cycle), date=f"{report.day}/{report.month}", plan=parent_id,
                        parent_date=f"{pr.day}/{pr.month}"),
                    _("Report before {date}, leaving the upper level time to consolidate.").format(
                        date=f"{pr.day}/{pr.month}"),
                    [(pr.span, _("the {cycle} deadline of '{plan}'").format(cycle=_cycle(pr.cycle), plan=parent_id))],
                )


@register
class ReportSameDayAsParent(Rule):
    """A plan's report deadline is the same day as the parent's for the same cycle.

    Anti-pattern: district and province both report annually "before 10/12";
    the province has no time to consolidate the district reports.

    Best practice: set the lower level's deadline a few days earlier.
    """

    code = "TM006"
    name = "time.report-same-day-as-parent"
    severity = Severity.WARNING

    def check_plan(self, rp, ctx):
        for report, parent_id, pr, offset in _report_pairs(rp, ctx):
            if offset == 0:
                yield self.diag(
                    report.span,
                    _("the {cycle} report is due {date}, the same day as the deadline of '{plan}'").format(
                        cycle=_cycle(report.cycle), date=f"{report.day}/{report.month}", plan=parent_id),
                    _("Set an earlier deadline so the upper level can consolidate."),
                    [(pr.span, _("the {cycle} deadline of '{plan}'").format(cycle=_cycle(pr.cycle), plan=parent_id))],
                )
