"""AR: stated totals and averages that do not add up."""

from __future__ import annotations

from decimal import Decimal

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _
from plandsl.language.wording import number
from plandsl.rules.base import Rule, register

# Averages are stated rounded to a whole number: 348 over 5 years is "70 a year" (69.6).
TOLERANCE = Decimal("0.5")


@register
class AverageMismatch(Rule):
    """A quantity's yearly average disagrees with its total over its years.

    Averages are stated rounded, so a difference of up to 0.5 is accepted:
    "348 over 5 years (70 a year)" is fine, 348 / 5 = 69.6.

    Anti-pattern: "tối thiểu 100 người (bình quân 20 người/năm)" over 10 years;
    one of the two figures is wrong and reports will disagree.

    Best practice: state the total and an average that is the total divided
    by the years, rounded: `quantity trained "..." total 100 over 10 years average 10`.
    """

    code = "AR001"
    name = "arithmetic.average-mismatch"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for q in rp.plan.quantities:
            if q.average is None or q.years <= 0:
                continue
            exact = q.total / q.years
            if abs(q.average - exact) <= TOLERANCE:
                continue
            shown = exact.quantize(Decimal("0.1")).normalize()
            yield self.diag(
                q.span,
                _("'{id}': {total} over {years} years is {shown} a year, not {average}").format(
                    id=q.id, total=number(q.total), years=number(q.years), shown=number(shown),
                    average=number(q.average)),
                _("Fix the total or the average (about {value} a year).").format(
                    value=number(exact.quantize(Decimal('1')))),
                subject=q.id,
            )


@register
class AverageOverZeroYears(Rule):
    """A quantity states a yearly average over zero years.

    Anti-pattern: `total 100 over 0 years average 10`; the average cannot be
    checked and the period is probably missing.

    Best practice: give the number of years the total is spread over.
    """

    code = "AR002"
    name = "arithmetic.zero-years"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for q in rp.plan.quantities:
            if q.average is not None and q.years <= 0:
                yield self.diag(q.span, _("'{id}' states an average of {average} a year over 0 years").format(
                                    id=q.id, average=number(q.average)),
                                _("Give the number of years the total is spread over."), subject=q.id)
