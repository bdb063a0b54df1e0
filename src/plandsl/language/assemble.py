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


# The nodes with a body, built from their (tag, value, span) items; the fast parser builds them here too,
# by model.maker (every field, in order, positionally: half the time of the classes' __init__).
_OBJECTIVE = m.maker(m.Objective, "id text indicator unit direction baseline_year baseline_value targets aggregation "
                                  "not_comparable span")
_TASK = m.maker(m.Task, "id text leads supports due serves subtasks span")
_RESPONSIBILITY = m.maker(m.Responsibility, "agency mode duties lead_tasks support_tasks review span")


def make_objective(obj_id: str, children: list, span: Span) -> tuple[m.Objective, Span]:
    items = _collect(children, multi={"targets"})
    text = items.pop("text", None)
    baseline = items.pop("baseline", None)
    get = items.get
    obj = _OBJECTIVE(
        obj_id, text.value if text else None, get("indicator"), get("unit"), get("direction"),
        baseline[0] if baseline else None, baseline[1] if baseline else None, tuple(get("targets", ())),
        get("aggregation"), get("not_comparable"), span,
    )
    return obj, span


def make_task(task_id: str, children: list, span: Span) -> tuple[m.Task, Span]:
    items = _collect(children, multi={"leads", "supports", "serves", "task"})
    text = items.pop("text", None)
    get = items.get
    task = _TASK(task_id, text.value if text else None, tuple(get("leads", ())), tuple(get("supports", ())),
                 get("due"), tuple(get("serves", ())), tuple(get("task", ())), span)
    return task, span


def make_responsibility(agency: m.AgencyRef, mode: m.Mode, children: list,
                        span: Span) -> tuple[m.Responsibility, Span]:
    items = _collect(children, multi={"text", "lead_tasks", "support_tasks"})
    get = items.get
    r = _RESPONSIBILITY(agency, mode, tuple(get("text", ())), tuple(get("lead_tasks", ())),
                        tuple(get("support_tasks", ())), get("review"), span)
    return r, span


_PLAN_MULTI = frozenset({"bases", "phases", "parents", "general", "objectives", "adoptions", "waivers", "task",
                         "responsibilities", "fundings", "quantities", "reports", "allows", "implementing",
                         "amendments", "no_targets"})


def make_plan(plan_id: str, items: list, span: Span, lang: str = "en") -> m.Plan:
    """The plan from its statements' (tag, value, span) items; PRS130 for a single field given twice.
    ``lang``: the keyword set, where the caller knows it (parser._finish sets it otherwise)."""
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
    return m.Plan(plan_id, lang=lang, span=span, field_spans=field_spans, **values)
