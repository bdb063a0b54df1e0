"""Progress as text (a table per plan) and as JSON (one record per target)."""

from __future__ import annotations

import json

from plandsl.core.i18n import N_, _, ngettext
from plandsl.progress import Progress
from plandsl.progress.rollup import fmt


def status_label(status: str) -> str:
    return {
        "met": _("met"), "on_track": _("on track"), "at_risk": _("at risk"), "missed": _("missed"),
        "no_data": _("no data"),
    }[status]


def duty_label(status: str) -> str:
    return {
        "received": _("received"), "due": _("due"), "overdue": _("overdue"), "not_due": _("not due"),
        "on_request": _("on request"),
    }[status]


# Reporting cycles and ways of combining figures as words of the text output (the JSON keeps the
# stable English codes of plandsl.language.model.Cycle / Aggregation).
_CYCLES = {"monthly": N_("monthly"), "quarterly": N_("quarterly"), "semiannual": N_("semiannual"),
           "annual": N_("annual"), "midterm": N_("midterm"), "final": N_("final"), "ad_hoc": N_("ad hoc")}
_AGGREGATIONS = {"sum": N_("sum"), "share": N_("share"), "mean": N_("mean"), "none": N_("none")}


def cycle_label(cycle: str) -> str:
    return _(_CYCLES[cycle]) if cycle in _CYCLES else cycle


def aggregation_label(aggregation: str) -> str:
    return _(_AGGREGATIONS[aggregation]) if aggregation in _AGGREGATIONS else aggregation


def to_json(progress: Progress) -> str:
    return json.dumps(progress.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_text(progress: Progress) -> str:
    p = progress
    lines = [_("Progress of {plan} on {date}").format(plan=p.plan.id, date=p.on.isoformat()), ""]
    header = (_("objective"), _("year"), _("target"), _("actual"), _("status"))
    rows = [(r.objective, str(r.year), r.target_text, fmt(r.actual) if r.actual is not None else (
        "~" + fmt(r.projected) if r.projected is not None else "-"), status_label(r.status)) for r in p.records]
    widths = [max(len(x) for x in col) for col in zip(header, *rows)]
    lines.append("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip())
    for row, rec in zip(rows, p.records):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        lines.append("    " + rec.method)
    counts = p.counts()
    lines += ["", ", ".join(f"{status_label(s)}: {n}" for s, n in counts.items())]
    rolled = [r for r in p.rolled.values() if r.plan == p.plan.id and r.units]
    if rolled:
        lines += ["", _("Roll-up from units:")]
        for r in rolled:
            extra = f" = {fmt(r.numerator)}/{fmt(r.denominator)}" if r.denominator is not None else ""
            miss = _("; missing: {units}").format(units=", ".join(r.missing)) if r.missing else ""
            own = _("; reported: {value}").format(value=fmt(r.reported)) if r.reported is not None else ""
            units = ngettext("{n} unit", "{n} units", len(r.units)).format(n=len(r.units))
            lines.append(f"  {r.objective} {r.year} ({aggregation_label(r.aggregation)}, {units}): {fmt(r.value)}{extra}{own}{miss}")
    if p.duties:
        lines += ["", _("Reporting duties:")]
        for d in p.duties:
            deadline = d.deadline.isoformat() if d.deadline else "-"
            lines.append(f"  {cycle_label(d.cycle)} {d.period} → {d.recipient or '-'}: {duty_label(d.status)} ({deadline})"
                         + (f" [{d.note}]" if d.note else ""))
    if p.diagnostics:
        lines += ["", _("Findings in the actuals:")]
        for d in p.diagnostics:
            where = f"{d.span.path}:{d.span.line}:{d.span.col}" if d.span else "-"
            hint = f" ({d.hint})" if d.hint else ""
            lines.append(f"  {where}: {d.severity.label} {d.code}: {d.message}{hint}")
    return "\n".join(lines) + "\n"
