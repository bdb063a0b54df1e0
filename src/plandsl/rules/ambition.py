"""AM: a child must be at least as ambitious as its parent."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _
from plandsl.language.model import Direction
from plandsl.language.wording import relative_words, target_words
from plandsl.inherit.resolve import Expectation, Status, parent_expectation
from plandsl.language.snippets import snippet
from plandsl.rules.base import Rule, register


def weaker(child: Decimal, parent: Decimal, direction: Direction | None) -> bool:
    """Whether a child value asks for less than the parent's, given the direction."""
    if direction is Direction.DOWN:
        return child > parent
    return child < parent


def _fmt(value: Decimal, direction: Direction | None = None) -> str:
    """The value to one decimal, rounded towards ambition: a child that writes the
    printed value meets the parent (62.25 prints as 62.3 going up, 62.2 going down)."""
    rounding = ROUND_FLOOR if direction is Direction.DOWN else ROUND_CEILING
    return f"{value.quantize(Decimal('0.1'), rounding=rounding).normalize():f}"


def expectation_words(exp: Expectation, parent_plan: str | None, direction: Direction | None) -> str:
    """The parent's expected value and where it comes from, as AM001 and `explain` print it."""
    src = exp.sources[0]
    how = _("interpolated from the parent's targets") if exp.interpolated else _("set by '{plan}'").format(
        plan=parent_plan)
    value = f"{_fmt(exp.value, direction)}{'%' if src.target.percent else ''}"
    if src.target.relative:
        value = relative_words(f"{'' if exp.value < 0 else '+'}{value}", src.target.base_year)
    return f"{value} ({how})"


def _unit_mismatch(rp, ro) -> bool:
    """Whether the plan's own objective declares a unit other than the parent's (CS003's finding)."""
    own = rp.plan.objective(ro.id)
    mine, theirs = (own.unit if own else None), ro.parent.objective.unit
    return mine is not None and theirs is not None and mine is not theirs


@register
class WeakerTarget(Rule):
    """A child target is weaker than its parent's for the same indicator and year.

    The comparison follows the indicator's direction (up: higher is more
    ambitious; down: lower is). Where the child's year falls between two parent
    targets, the parent's value is interpolated linearly. Relative targets
    ("+20% vs 2020") are compared with parent targets of the same base year.
    Objectives declared `not_comparable`, or measured in another unit than the
    parent's (CS003), are not compared.

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
            if ro.status is not Status.ADAPTED or not ro.comparable or _unit_mismatch(rp, ro):
                continue  # only adapted objectives; not those declared not comparable or in another unit (CS003)
            direction = ro.objective.direction  # the parent's when the child leaves it out
            for rt in ro.targets:
                if rt.provenance.plan_id != rp.id:
                    continue  # inherited unchanged
                t = rt.target
                exp = parent_expectation(ro.parent, rt.year, t.relative, t.base_year)
                if exp is None or not weaker(t.value, exp.value, direction):
                    continue
                related = [(s.provenance.span, _("parent target: {target} ({year})").format(
                    target=target_words(s.target), year=s.year))
                           for s in exp.sources]
                yield self.diag(
                    t.span,
                    _("target for '{id}' in {year} is {target}, weaker than the parent's {parent}").format(
                        id=ro.id, year=rt.year, target=target_words(t),
                        parent=expectation_words(exp, ro.parent_plan, direction)),
                    _("Raise it to at least the parent's value, or record the deviation: {fix}").format(
                        fix=snippet('allow {code} on {id} "<reason>"', rp.plan.lang, code=self.code, id=ro.id)),
                    related,
                    subject=ro.id,
                )
