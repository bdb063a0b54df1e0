"""Values derived from one plan, kept while the per-plan rules read that plan in turn.

The rules run one after another on the same resolved plan; several of them read
the same derived values (the plan's strings, its agencies matched against the
registry, the damaged pairs in its texts). Each is computed once per plan: the
memo holds the values of the last plan asked about, and a different plan
replaces them all. Keys name the value and anything else it depends on (the
registry, for matches).
"""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

V = TypeVar("V")

_LAST: list = [None, {}]  # [the plan, {key: value}]


def for_plan(plan: object, key: Hashable, compute: Callable[[], V]) -> V:
    """``compute()`` for ``plan``, once while ``plan`` is the plan the rules are reading."""
    if _LAST[0] is not plan:
        _LAST[0], _LAST[1] = plan, {}
    values = _LAST[1]
    if key not in values:
        values[key] = compute()
    return values[key]


def all_tasks(plan) -> tuple:
    """``plan.all_tasks()`` (every task, sub-tasks included, depth first), once per plan."""
    return for_plan(plan, "all_tasks", plan.all_tasks)
