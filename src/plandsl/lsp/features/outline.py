"""Document outline: the plan, its objectives (with their targets' count) and tasks (with sub-tasks)."""

from __future__ import annotations

from lsprotocol import types

from plandsl.core.i18n import _
from plandsl.core.span import Span
from plandsl.language import model as m


def _range(span: Span) -> types.Range:
    start = types.Position(max(span.line - 1, 0), max(span.col - 1, 0))
    if (span.end_line, span.end_col) > (span.line, span.col):
        end = types.Position(span.end_line - 1, max(span.end_col - 1, 0))
    else:
        end = types.Position(start.line, start.character + 1)
    return types.Range(start, end)


def _symbol(name: str, detail: str, kind: types.SymbolKind, span: Span,
            children: list[types.DocumentSymbol] | None = None) -> types.DocumentSymbol:
    whole = _range(span)
    head = types.Range(whole.start, types.Position(whole.start.line, whole.start.character + 1))
    return types.DocumentSymbol(name=name, detail=detail or None, kind=kind, range=whole, selection_range=head,
                                children=children or None)


def _task(task: m.Task) -> types.DocumentSymbol:
    lead = ", ".join(a.name for a in task.leads)
    detail = _("lead: {agency}").format(agency=lead) if lead else ""
    return _symbol(task.id, detail, types.SymbolKind.Function, task.span, [_task(t) for t in task.subtasks])


def document_symbols(plan: m.Plan | None) -> list[types.DocumentSymbol]:
    """The outline of one parsed plan ([] when the spec does not parse)."""
    if plan is None:
        return []
    children = []
    for obj in plan.objectives:
        detail = (obj.indicator or "") if hasattr(obj, "indicator") else ""
        children.append(_symbol(obj.id, detail, types.SymbolKind.Field, obj.span))
    children.extend(_task(t) for t in plan.tasks)
    title = getattr(plan, "title", None) or ""
    return [_symbol(plan.id, title, types.SymbolKind.Module, plan.span, children)]
