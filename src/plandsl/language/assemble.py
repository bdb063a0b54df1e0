"""Building the model's nodes with a body (objectives, tasks, responsibilities, the plan) from the
(tag, value, span) items of their statements.

Shared by the Lark transformer (:mod:`plandsl.language.transform`) and the fast parser
(:mod:`plandsl.language.fastparse`), so both build the same objects; no Lark here, so the fast
path does not import it.
"""

from __future__ import annotations

from typing import Any

from plandsl.core.diagnostics import Diagnostic, Severity
from plandsl.core.i18n import _
from plandsl.language import model as m
from plandsl.language.model import Span
from plandsl.language.values import CONTEXT


def _collect(children: list, multi: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for child in children:
        if child is None:
            continue
        tag, value, span = child
        if tag in multi:
            out.setdefault(tag, []).extend(value if isinstance(value, list) else [value])
        elif tag in out:
            CONTEXT.diagnostics.append(
                Diagnostic("PRS130", Severity.ERROR, _("'{field}' is given twice here").format(field=tag), span,
                           hint=_("Keep one of them."), name="parse.duplicate-field")
            )
        else:
            out[tag] = value
    return out


# The nodes with a body, built from their (tag, value, span) items; the fast parser builds them here too.


def make_objective(obj_id: str, children: list, span: Span) -> tuple[m.Objective, Span]:
    items = _collect(children, multi={"targets"})
    text = items.pop("text", None)
    baseline = items.pop("baseline", None)
    obj = m.Objective(
        obj_id,
        text=text.value if text else None,
        baseline_year=baseline[0] if baseline else None,
        baseline_value=baseline[1] if baseline else None,
        targets=tuple(items.pop("targets", ())),
        span=span,
        **items,
    )
    return obj, span


def make_task(task_id: str, children: list, span: Span) -> tuple[m.Task, Span]:
    items = _collect(children, multi={"leads", "supports", "serves", "task"})
    text = items.pop("text", None)
    task = m.Task(
        task_id,
        text=text.value if text else None,
        leads=tuple(items.pop("leads", ())),
        supports=tuple(items.pop("supports", ())),
        due=items.pop("due", None),
        serves=tuple(items.pop("serves", ())),
        subtasks=tuple(items.pop("task", ())),
        span=span,
    )
    return task, span


def make_responsibility(agency: m.AgencyRef, mode: m.Mode, children: list,
                        span: Span) -> tuple[m.Responsibility, Span]:
    items = _collect(children, multi={"text", "lead_tasks", "support_tasks"})
    r = m.Responsibility(
        agency, mode, tuple(items.pop("text", ())),
        lead_tasks=tuple(items.pop("lead_tasks", ())), support_tasks=tuple(items.pop("support_tasks", ())),
        review=items.pop("review", None), span=span,
    )
    return r, span


_PLAN_MULTI = frozenset({"bases", "phases", "parents", "general", "objectives", "adoptions", "waivers", "task",
                         "responsibilities", "fundings", "quantities", "reports", "allows", "implementing",
                         "amendments", "no_targets"})


def make_plan(plan_id: str, items: list, span: Span) -> m.Plan:
    """The plan from its statements' (tag, value, span) items; PRS130 for a single field given twice."""
    field_spans: dict[str, Span] = {}
    values: dict[str, Any] = {}
    for tag, value, item_span in items:
        if tag in _PLAN_MULTI:
            values.setdefault(tag, []).extend(value if isinstance(value, list) else [value])
            continue
        if tag in values:
            CONTEXT.diagnostics.append(
                Diagnostic("PRS130", Severity.ERROR, _("'{field}' is given twice in this plan").format(field=tag),
                           item_span, hint=_("Keep one of them."), related=(), name="parse.duplicate-field")
            )
            continue
        values[tag] = value
        field_spans[tag] = item_span
    jur = values.pop("jurisdiction", None)
    if jur:
        values["jurisdiction"], values["jurisdiction_code"] = jur
    values["tasks"] = values.pop("task", [])
    for key, value in list(values.items()):
        if isinstance(value, list):
            values[key] = tuple(value)
    return m.Plan(plan_id, lang="en", span=span, field_spans=field_spans, **values)
