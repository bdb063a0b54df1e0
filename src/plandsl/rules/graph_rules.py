"""GR: the shape of the inheritance graph."""

from __future__ import annotations

from plandsl.core.diagnostics import Severity
from plandsl.core.i18n import _
from plandsl.inherit.graph import Problem
from plandsl.rules.base import Rule, register
from plandsl.core.suggest import did_you_mean_id


class _GraphRule(Rule):
    problem: Problem
    reads_graph_only = True

    def check_set(self, ctx):
        for issue in ctx.resolution.graph.issues:
            if issue.problem is self.problem:
                yield self.describe(issue)

    def describe(self, issue):  # pragma: no cover - overridden
        raise NotImplementedError


@register
class DuplicatePlanId(_GraphRule):
    """Two spec files declare the same plan id.

    Anti-pattern: copying a spec to start a new plan and forgetting to rename it,
    so children may silently inherit from the wrong one.

    Best practice: give every plan a unique id, e.g. `qng_ctxh_2021` for the
    Quảng Ngãi plan implementing the 2021-2030 programme.
    """

    code = "GR001"
    name = "graph.duplicate-id"
    severity = Severity.ERROR
    problem = Problem.DUPLICATE_ID

    def describe(self, issue):
        return self.diag(issue.span, _("plan id '{id}' is already used by another spec").format(id=issue.plan_id),
                         _("Rename one of the plans; ids must be unique across all specs."), issue.related)


@register
class UnknownParent(_GraphRule):
    """A plan implements a parent plan that is not among the loaded specs.

    Anti-pattern: `implements ctxh_112` when the national spec is missing or its id
    is misspelt; nothing can then be checked against the parent.

    Best practice: load the parent spec too (`plandsl check specs/`) and use its exact id.
    """

    code = "GR002"
    name = "graph.unknown-parent"
    severity = Severity.ERROR
    problem = Problem.UNKNOWN_PARENT

    def describe(self, issue):
        hint = did_you_mean_id(issue.detail, issue.candidates) or \
            _("Check the id, or add the parent's spec file to the paths being checked.")
        return self.diag(issue.span, _("unknown parent plan '{id}'").format(id=issue.detail), hint)


@register
class InheritanceCycle(_GraphRule):
    """Plans implement each other in a cycle.

    Anti-pattern: a province plan that implements a district plan which
    implements the province plan; no plan in the loop has a real parent.

    Best practice: links go one way, from the national programme down to communes.
    """

    code = "GR003"
    name = "graph.cycle"
    severity = Severity.ERROR
    problem = Problem.CYCLE

    def describe(self, issue):
        return self.diag(issue.span, _("plans implement each other in a cycle: {cycle}").format(cycle=issue.detail),
                         _("Remove the link that points up the chain."), issue.related)


@register
class LevelInversion(_GraphRule):
    """A plan implements a plan of a lower administrative level.

    Anti-pattern: a province plan that `implements` a district plan.

    Best practice: a plan implements the plan of a higher level (national →
    ministry → province → district/commune).
    """

    code = "GR004"
    name = "graph.level-inversion"
    severity = Severity.ERROR
    problem = Problem.LEVEL_INVERSION

    def describe(self, issue):
        return self.diag(issue.span, _("the link inverts the hierarchy: {detail}").format(detail=issue.detail),
                         _("Check the level of both plans, and which of them implements the other."), issue.related)


@register
class SameLevelParent(_GraphRule):
    """A plan implements another plan of the same level.

    Anti-pattern: one province plan implementing another province's plan.

    Best practice: implement the plan of the level above; share ideas between
    peers without an `implements` link.
    """

    code = "GR005"
    name = "graph.same-level"
    severity = Severity.WARNING
    problem = Problem.SAME_LEVEL

    def describe(self, issue):
        return self.diag(issue.span, _("the parent is at the same level: {detail}").format(detail=issue.detail),
                         _("Implement the plan of the level above."), issue.related)


def structural_errors(specs, plan_id: str | None = None, pg=None) -> list:
    """The GR001 (duplicate id) and GR003 (cycle) diagnostics that make a plan set unusable.

    Commands other than `check` (render, new, graph, explain) refuse to work on
    such a set, with the very diagnostics `check` gives. With ``plan_id``, only
    the problems touching that plan or one of its ancestors count (an unrelated
    pair of commune plans does not stop rendering the province plan).
    """
    from plandsl.inherit.graph import build_graph

    pg = pg or build_graph(specs)
    wanted = {Problem.DUPLICATE_ID: DuplicatePlanId(), Problem.CYCLE: InheritanceCycle()}
    issues = [i for i in pg.issues if i.problem in wanted]
    if plan_id is not None and issues:
        involved = _lineage(specs.plans, plan_id)
        issues = [i for i in issues
                  if i.plan_id in involved or (i.problem is Problem.CYCLE and involved & set(i.detail.split(" -> ")))]
    return [wanted[i.problem].describe(i) for i in issues]


def _lineage(plans, plan_id: str) -> set[str]:
    """``plan_id`` and every id reachable through `implements` links (of any plan carrying an id)."""
    parents: dict[str, set[str]] = {}
    for plan in plans:
        parents.setdefault(plan.id, set()).update(ref.plan_id for ref in plan.parents)
    seen, todo = set(), [plan_id]
    while todo:
        pid = todo.pop()
        if pid not in seen:
            seen.add(pid)
            todo.extend(parents.get(pid, ()))
    return seen
