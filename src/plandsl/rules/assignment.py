"""Who leads and who supports each task: the one reading shared by AG001 and the pages.

A task's lead agencies (chủ trì) come from the task itself (`lead "..."`), else
from the `responsibility` blocks that name it (`lead <task id>`: the duties per
agency of "Tổ chức thực hiện"), else, for a sub-task, from the task it sits in.
Supporting agencies (phối hợp) come from the task, else from the responsibilities
that list it under `support`; they are not inherited by sub-tasks.
"""

from __future__ import annotations

from plandsl.core.records import frozen

# Where an assignment came from.
OWN = "task"
RESPONSIBILITY = "responsibility"
ENCLOSING = "enclosing"
NONE = ""


@frozen
class TaskAgencies:
    leads: tuple[str, ...]
    lead_source: str
    supports: tuple[str, ...]
    support_source: str


def responsibility_tasks(plan) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Task id -> agency names that lead it, and task id -> agency names that support it, by responsibility."""
    leads: dict[str, list[str]] = {}
    supports: dict[str, list[str]] = {}
    for r in plan.responsibilities:
        for tid in r.lead_tasks:
            leads.setdefault(tid, []).append(r.agency.name)
        for tid in r.support_tasks:
            supports.setdefault(tid, []).append(r.agency.name)
    return ({k: tuple(dict.fromkeys(v)) for k, v in leads.items()},
            {k: tuple(dict.fromkeys(v)) for k, v in supports.items()})


def led_directly(task, resp_leads) -> bool:
    """The task names a lead, or a responsibility leads it (without looking at enclosing tasks)."""
    return bool(task.leads) or task.id in resp_leads


def task_agencies(plan) -> dict[str, TaskAgencies]:
    """Every task id of the plan (sub-tasks included) -> its leads and supports and where they came from."""
    resp_leads, resp_supports = responsibility_tasks(plan)
    out: dict[str, TaskAgencies] = {}

    def walk(tasks, inherited: tuple[str, ...]) -> None:
        for t in tasks:
            if t.leads:
                leads, lsrc = tuple(a.name for a in t.leads), OWN
            elif t.id in resp_leads:
                leads, lsrc = resp_leads[t.id], RESPONSIBILITY
            elif inherited:
                leads, lsrc = inherited, ENCLOSING
            else:
                leads, lsrc = (), NONE
            if t.supports:
                sups, ssrc = tuple(a.name for a in t.supports), OWN
            elif t.id in resp_supports:
                sups, ssrc = resp_supports[t.id], RESPONSIBILITY
            else:
                sups, ssrc = (), NONE
            out.setdefault(t.id, TaskAgencies(leads, lsrc, sups, ssrc))
            walk(t.subtasks, leads)

    walk(plan.tasks, ())
    return out
