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
    """``plan.all_tasks()`` (every task, sub-tasks included, depth first), once per plan.

    Walked with a stack: a recursive inner function refers to itself through its closure, and each
    such cycle (with the tasks it holds) lives until the garbage collector runs (ten per commune made
    the worker's young-generation collections walk tens of thousands of dead objects).
    """
    return for_plan(plan, "all_tasks", lambda: _walk_tasks(plan.tasks))


def _walk_tasks(tasks: tuple) -> tuple:
    out = []
    stack = list(reversed(tasks))
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(reversed(t.subtasks))
    return tuple(out)
