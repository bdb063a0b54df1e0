"""AM: a child must be at least as ambitious as its parent."""

from __future__ import annotations

from decimal import Decimal

from plandsl.core.diagnostics import Severity
from plandsl.language.model import Direction
from plandsl.language.wording import target_words
from plandsl.inherit.resolve import Status, parent_expectation
from plandsl.rules.base import Rule, register


def weaker(child: Decimal, parent: Decimal, direction: Direction | None) -> bool:
    """Whether a child value asks for less than the parent's, given the direction."""
    if direction is Direction.DOWN:
        return child > parent
    return child < parent


def _fmt(value: Decimal) -> str:
    value = value.quantize(Decimal("0.1")).normalize() if value != value.to_integral() else value.to_integral()
    return f"{value:f}"


@register
class WeakerTarget(Rule):
    """A child target is weaker than its parent's for the same indicator and year.

    The comparison follows the indicator's direction (up: higher is more
    ambitious; down: lower is). Where the child's year falls between two parent
    targets, the parent's value is interpolated linearly. Relative targets
    ("+20% vs 2020") are compared with parent targets of the same base year.

    Anti-pattern: a district sets "25% of staff trained by 2025" where the
    national programme requires at least 60%.

    Best practice: match or exceed the parent's target; where local conditions
    truly prevent it, record the deviation with a reason:
    `allow AM001 on trained "…"`.
    """

    code = "AM001"
    name = "ambition.weaker-target"
    severity = Severity.ERROR

    def check_plan(self, rp, ctx):
        for ro in rp.objectives:
            if ro.status is not Status.ADAPTED or ro.parent is None:
                continue
            direction = ro.objective.direction or ro.parent.objective.direction
            for rt in ro.targets:
                if rt.provenance.plan_id != rp.id:
                    continue  # inherited unchanged
                t = rt.target
                exp = parent_expectation(ro.parent, rt.year, t.relative, t.base_year)
                if exp is None or not weaker(t.value, exp.value, direction):
                    continue
                src = exp.sources[0]
                how = "interpolated from the parent's targets" if exp.interpolated else f"set by '{ro.parent_plan}'"
                related = [(s.provenance.span, f"parent target: {target_words(s.target)} ({s.year})")
                           for s in exp.sources]
                yield self.diag(
                    t.span,
                    f"target for '{ro.id}' in {rt.year} is {target_words(t)}, weaker than the parent's "
                    f"{_fmt(exp.value)}{'%' if src.target.percent else ''} ({how})",
                    f"Raise it to at least the parent's value, or record the deviation: "
                    f"allow {self.code} on {ro.id} \"<reason>\"",
                    related,
                    subject=ro.id,
                )
